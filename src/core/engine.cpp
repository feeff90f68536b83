#include "engine.h"

#include <algorithm>
#include <cctype>

#include "json_writer.h"

namespace hubreport {

Engine::Engine(Store store) : store_(std::move(store)) {
  const Store& s = store_;
  Month first = s.info.series_first;
  for (auto m : s.created)
    if (m != kUnknownMonth) first = std::min(first, m);
  data_first_ = first == kUnknownMonth ? s.info.month : first;
  for (std::uint32_t r = 0; r < s.rows(); ++r)
    if (s.type[r] == std::uint8_t(RepoType::model) && s.downloads_all[r] != kUnknownTotal) models_by_lifetime_.push_back(r);
  std::stable_sort(models_by_lifetime_.begin(), models_by_lifetime_.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return s.downloads_all[a] > s.downloads_all[b]; });
  author_downloads_.assign(s.authors.size(), 0);
  for (std::size_t r = 0; r < s.rows(); ++r)
    for (std::uint32_t k = s.series_start[r]; k < s.series_start[r + 1]; ++k) author_downloads_[s.author[r]] += s.series_downloads[k];
}

namespace {

std::string lower(std::string_view v) {
  std::string out(v);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Marks the dictionary entries named by a filter list; names absent from the snapshot match nothing.
std::vector<std::uint8_t> allow_names(const std::vector<std::string>& dict, const std::vector<std::string>& wanted,
                                      std::string_view unknown_alias) {
  std::vector<std::uint8_t> allowed(dict.size(), 0);
  for (auto& w : wanted) {
    if (!unknown_alias.empty() && w == unknown_alias) {
      allowed[0] = 1;
      continue;
    }
    for (std::size_t i = 0; i < dict.size(); ++i)
      if (dict[i] == w) allowed[i] = 1;
  }
  return allowed;
}

template <std::size_t N>
std::vector<std::uint8_t> allow_enum(const std::array<std::string_view, N>& names, const std::vector<std::string>& wanted) {
  std::vector<std::uint8_t> allowed(N, 0);
  for (auto& w : wanted)
    if (auto k = lookup_name(names, w)) allowed[*k] = 1;
  return allowed;
}

}  // namespace

FilterPass Engine::filter(const ViewState& st) const {
  const Store& s = store_;
  FilterPass p;
  p.windowed = st.from != kUnknownMonth || st.to != kUnknownMonth;
  p.lo = st.from != kUnknownMonth ? st.from : 0;
  p.hi = st.to != kUnknownMonth ? st.to : s.info.month;
  p.axis_first = st.from != kUnknownMonth ? st.from : data_first_;
  p.mask.assign(s.rows(), 0);
  auto apply = [&](Dim d, const std::vector<std::uint8_t>& allowed, auto value_of) {
    const auto bit = std::uint16_t(1u << int(d));
    for (std::size_t r = 0; r < s.rows(); ++r) {
      std::size_t v = value_of(r);
      if (v >= allowed.size() || !allowed[v]) p.mask[r] |= bit;
    }
  };
  for (int di = 0; di < kDimCount; ++di) {
    const auto& wanted = st.filters[di];
    if (wanted.empty()) continue;
    switch (Dim(di)) {
      case Dim::type: apply(Dim::type, allow_enum(kRepoTypeNames, wanted), [&](std::size_t r) { return s.type[r]; }); break;
      case Dim::country: apply(Dim::country, allow_names(s.countries, wanted, "unknown"), [&](std::size_t r) { return s.row_country[r]; }); break;
      case Dim::sector: apply(Dim::sector, allow_enum(kSectorNames, wanted), [&](std::size_t r) { return s.row_sector[r]; }); break;
      case Dim::org: apply(Dim::org, allow_names(s.authors, wanted, "(none)"), [&](std::size_t r) { return s.author[r]; }); break;
      case Dim::task: apply(Dim::task, allow_names(s.tasks, wanted, "unknown"), [&](std::size_t r) { return s.task[r]; }); break;
      case Dim::modality: {
        auto allowed_modality = allow_enum(kModalityNames, wanted);
        std::vector<std::uint8_t> by_task(s.tasks.size());
        for (std::size_t t = 0; t < s.tasks.size(); ++t) by_task[t] = allowed_modality[s.task_modality[t]];
        apply(Dim::modality, by_task, [&](std::size_t r) { return s.task[r]; });
        break;
      }
      case Dim::library: apply(Dim::library, allow_names(s.libraries, wanted, "unknown"), [&](std::size_t r) { return s.library[r]; }); break;
      case Dim::license: apply(Dim::license, allow_names(s.licenses, wanted, "unknown"), [&](std::size_t r) { return s.license[r]; }); break;
      case Dim::family: {
        auto allowed = allow_names(s.families, wanted, "");
        allowed[0] = 0;
        apply(Dim::family, allowed, [&](std::size_t r) { return s.family[r]; });
        break;
      }
      case Dim::relation: apply(Dim::relation, allow_enum(kRelationNames, wanted), [&](std::size_t r) { return s.relation[r]; }); break;
      case Dim::size: apply(Dim::size, allow_enum(kSizeNames, wanted), [&](std::size_t r) { return s.size[r]; }); break;
      case Dim::sdk: apply(Dim::sdk, allow_enum(kSdkNames, wanted), [&](std::size_t r) { return s.sdk[r]; }); break;
      case Dim::count: break;
    }
  }
  return p;
}

std::string Engine::orgs_matching(std::string_view prefix, std::size_t limit) const {
  const Store& s = store_;
  std::string want = lower(prefix);
  std::vector<std::uint32_t> hits;
  for (std::uint32_t a = 1; a < s.authors.size(); ++a)
    if (s.authors[a].size() >= want.size() && lower(std::string_view(s.authors[a]).substr(0, want.size())) == want) hits.push_back(a);
  std::sort(hits.begin(), hits.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (author_downloads_[x] != author_downloads_[y]) return author_downloads_[x] > author_downloads_[y];
    return s.authors[x] < s.authors[y];
  });
  if (hits.size() > limit) hits.resize(limit);
  std::string out = "[";
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (i) out += ',';
    out += "{\"org\":";
    append_json_string(out, s.authors[hits[i]]);
    out += ",\"country\":";
    append_json_string(out, s.countries[s.author_country[hits[i]]]);
    out += ",\"sector\":";
    append_json_string(out, kSectorNames[s.author_sector[hits[i]]]);
    out += ",\"downloads\":";
    append_uint(out, author_downloads_[hits[i]]);
    out += '}';
  }
  out += ']';
  return out;
}

Result<std::string> Engine::dimension_values(std::string_view dim) const {
  const Store& s = store_;
  std::vector<std::pair<std::string, std::uint64_t>> values;
  auto count_dict = [&](const std::vector<std::string>& dict, auto value_of) {
    std::vector<std::uint64_t> n(dict.size(), 0);
    for (std::size_t r = 0; r < s.rows(); ++r) ++n[value_of(r)];
    for (std::size_t i = 0; i < dict.size(); ++i)
      if (n[i]) values.emplace_back(dict[i], n[i]);
  };
  auto count_enum = [&](auto names, auto value_of, bool skip_first) {
    std::vector<std::uint64_t> n(names.size(), 0);
    for (std::size_t r = 0; r < s.rows(); ++r) ++n[value_of(r)];
    for (std::size_t i = skip_first ? 1 : 0; i < names.size(); ++i)
      if (n[i]) values.emplace_back(std::string(names[i]), n[i]);
  };
  if (dim == "type") count_enum(kRepoTypeNames, [&](std::size_t r) { return s.type[r]; }, false);
  else if (dim == "country") count_dict(s.countries, [&](std::size_t r) { return s.row_country[r]; });
  else if (dim == "sector") count_enum(kSectorNames, [&](std::size_t r) { return s.row_sector[r]; }, false);
  else if (dim == "task") count_dict(s.tasks, [&](std::size_t r) { return s.task[r]; });
  else if (dim == "modality") count_enum(kModalityNames, [&](std::size_t r) { return s.task_modality[s.task[r]]; }, false);
  else if (dim == "library") count_dict(s.libraries, [&](std::size_t r) { return s.library[r]; });
  else if (dim == "license") count_dict(s.licenses, [&](std::size_t r) { return s.license[r]; });
  else if (dim == "family") {
    count_dict(s.families, [&](std::size_t r) { return s.family[r]; });
    values.erase(std::remove_if(values.begin(), values.end(), [](auto& v) { return v.first.empty(); }), values.end());
  } else if (dim == "relation") count_enum(kRelationNames, [&](std::size_t r) { return s.relation[r]; }, false);
  else if (dim == "size") count_enum(kSizeNames, [&](std::size_t r) { return s.size[r]; }, false);
  else if (dim == "sdk") count_enum(kSdkNames, [&](std::size_t r) { return s.sdk[r]; }, true);
  else return Result<std::string>::failure("unknown dimension '" + std::string(dim).substr(0, 40) + "'");
  std::stable_sort(values.begin(), values.end(), [](auto& a, auto& b) { return a.second > b.second; });
  if (values.size() > 500) values.resize(500);
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += "[";
    append_json_string(out, values[i].first);
    out += ',';
    append_uint(out, values[i].second);
    out += ']';
  }
  out += ']';
  return out;
}

Result<Slice> Engine::view(const ViewState& state, std::string_view name) {
  if (!is_view_name(name)) return Result<Slice>::failure("unknown view '" + std::string(name).substr(0, 40) + "'");
  return view(state, filter(state), name);
}

Result<std::string> Engine::all_views_json(const ViewState& state) {
  FilterPass pass = filter(state);
  std::string out = "{";
  for (std::size_t i = 0; i < kViewNames.size(); ++i) {
    auto slice = view(state, pass, kViewNames[i]);
    if (!slice) return Result<std::string>::failure(slice.error());
    if (i) out += ',';
    append_json_string(out, kViewNames[i]);
    out += ':';
    out += slice_json(slice.value());
  }
  out += '}';
  return out;
}

}  // namespace hubreport
