#include "engine.h"

#include <algorithm>
#include <cctype>

#include "json_writer.h"
#include "ranking.h"

namespace hubreport {

std::vector<std::uint32_t> Engine::candidates(const Pass& p, std::uint16_t own, bool* all) const {
  *all = true;
  if (p.items != &items_ || !use_postings_) return {};  // a small table of named authors: scan it whole
  int best = -1;
  std::size_t best_count = items_.count();
  for (int d = 0; d < kDimCount; ++d) {
    if ((own >> d) & 1 || !((p.filtered >> d) & 1)) continue;
    const Posting& post = posting(Dim(d));
    std::size_t n = 0;
    for (auto v : p.allowed[d]) n += post.start[v + 1] - post.start[v];
    if (n < best_count) best = d, best_count = n;
  }
  if (best < 0 || (best_count * 4 > items_.count() * 3 && best_count > 0)) return {};  // barely selective: scan
  *all = false;
  std::vector<std::uint32_t> out;
  out.reserve(best_count);
  const Posting& post = posting(Dim(best));
  for (auto v : p.allowed[best]) post.append(v, out);
  return out;
}

namespace {

std::string lower(std::string_view v) {
  std::string out(v);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Marks the dictionary entries named by a filter list; names absent from the snapshot match nothing.
std::vector<std::uint8_t> allow_names(const Names& dict, const std::vector<std::string>& wanted, std::string_view unknown_alias) {
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

void Engine::mask_items(const ViewState& st, Pass& p) const {
  const Store& s = store_;
  const Items& it = *p.items;
  p.mask.assign(it.count(), 0);
  // One loop per column type, not per dimension: values past the allowed list (kFoldedOrg among them) fail.
  auto apply = [&](Dim d, const std::vector<std::uint8_t>& allowed, const auto& values) {
    p.filtered |= std::uint16_t(1u << int(d));
    for (std::uint32_t v = 0; v < allowed.size(); ++v)
      if (allowed[v]) p.allowed[int(d)].push_back(v);
    const auto bit = std::uint16_t(1u << int(d));
    for (std::size_t i = 0; i < it.count(); ++i)
      if (values[i] >= allowed.size() || !allowed[values[i]]) p.mask[i] |= bit;
  };
  for (int di = 0; di < kDimCount; ++di) {
    const auto& wanted = st.filters[di];
    if (wanted.empty()) continue;
    switch (Dim(di)) {
      case Dim::type: apply(Dim::type, allow_enum(kRepoTypeNames, wanted), it.type); break;
      case Dim::country: apply(Dim::country, allow_names(s.countries, wanted, "unknown"), it.country); break;
      case Dim::sector: apply(Dim::sector, allow_enum(kSectorNames, wanted), it.sector); break;
      case Dim::org: apply(Dim::org, allow_names(s.authors, wanted, "(none)"), it.org); break;
      case Dim::task: apply(Dim::task, allow_names(s.tasks, wanted, "unknown"), it.task); break;
      case Dim::modality: {
        auto allowed_modality = allow_enum(kModalityNames, wanted);
        std::vector<std::uint8_t> by_task(s.tasks.size());
        for (std::size_t t = 0; t < s.tasks.size(); ++t) by_task[t] = allowed_modality[s.task_modality[t]];
        apply(Dim::modality, by_task, it.task);
        break;
      }
      case Dim::library: apply(Dim::library, allow_names(s.libraries, wanted, "unknown"), it.library); break;
      case Dim::license: apply(Dim::license, allow_names(s.licenses, wanted, "unknown"), it.license); break;
      case Dim::family: {
        auto allowed = allow_names(s.families, wanted, "");
        allowed[0] = 0;
        apply(Dim::family, allowed, it.family);
        break;
      }
      case Dim::relation: apply(Dim::relation, allow_enum(kRelationNames, wanted), it.relation); break;
      case Dim::size: apply(Dim::size, allow_enum(kSizeNames, wanted), it.size); break;
      case Dim::sdk: apply(Dim::sdk, allow_enum(kSdkNames, wanted), it.sdk); break;
      case Dim::count: break;
    }
  }
}

void Engine::filter(const ViewState& st, FilterPass& p) const {
  const Store& s = store_;
  p.windowed = st.from != kUnknownMonth || st.to != kUnknownMonth;
  p.lo = st.from != kUnknownMonth ? st.from : 0;
  p.hi = st.to != kUnknownMonth ? st.to : s.info.month;
  p.axis_first = st.from != kUnknownMonth ? st.from : data_first_;
  p.all.items = &items_;
  p.all.by_lifetime = &by_lifetime_;
  mask_items(st, p.all);
  if (fast_paths_ && st.filter(Dim::org).empty() && st.filter(Dim::family).empty()) {
    p.coarse.items = &coarse_;
    mask_items(st, p.coarse);
  }
  const std::uint16_t publisher_dims = std::uint16_t(1u << int(Dim::type) | 1u << int(Dim::country) |
                                                     1u << int(Dim::sector) | 1u << int(Dim::org));
  if (fast_paths_ && !(p.all.filtered & ~publisher_dims)) {
    p.by_org.items = &by_org_;
    mask_items(st, p.by_org);
  }
  const std::uint16_t family_dims = std::uint16_t((publisher_dims & ~(1u << int(Dim::org))) | 1u << int(Dim::family) |
                                                  1u << int(Dim::relation) | 1u << int(Dim::size));
  if (fast_paths_ && !(p.all.filtered & ~family_dims)) {
    p.by_family.items = &by_family_;
    mask_items(st, p.by_family);
  }
  // Folded authors share items, so an org filter that names one is answered from that author's own rows.
  const auto& orgs = st.filter(Dim::org);
  if (!orgs.empty()) {
    auto named = allow_names(s.authors, orgs, "(none)");
    bool any_folded = false;
    for (std::size_t a = 0; a < named.size(); ++a) any_folded |= named[a] && !kept_[a];
    if (any_folded) {
      // The named authors' rows in row order, each with its profile: its item's, under its own author. From the
      // items (a kept author's) and the folded rows, not the store's author and filter columns, which a lean engine
      // has released.
      std::vector<std::uint64_t> named_rows;  // row << 32 | k: the row's item is item_of[k], its author org_of[k]
      std::vector<std::uint32_t> item_of, org_of;
      auto add = [&](std::uint32_t r, std::uint32_t i, std::uint32_t a) {
        named_rows.push_back(std::uint64_t(r) << 32 | item_of.size());
        item_of.push_back(i), org_of.push_back(a);
      };
      const Posting& by_org = postings_[int(Dim::org)];
      for (std::uint32_t a = 0; a < named.size(); ++a) {
        if (!named[a]) continue;
        if (kept_[a]) {
          for (std::uint32_t k = by_org.start[a]; k < by_org.start[a + 1]; ++k)
            for (std::uint32_t i = by_org.items[k], r = items_.first_row[i]; r < items_.first_row[i + 1]; ++r) add(r, i, a);
        } else {
          for (std::uint32_t k = folded_row_start_[a]; k < folded_row_start_[a + 1]; ++k)
            add(folded_rows_[k], item_of_row(folded_rows_[k]), a);
        }
      }
      std::sort(named_rows.begin(), named_rows.end());
      std::vector<std::uint32_t> rows, row_item;
      std::vector<RowProfile> profiles;
      rows.reserve(named_rows.size()), profiles.reserve(named_rows.size());
      for (std::uint64_t e : named_rows) {
        const auto k = std::uint32_t(e);
        rows.push_back(std::uint32_t(e >> 32));
        profiles.push_back(item_profile(items_, item_of[k]));
        profiles.back().org = org_of[k];
      }
      group_rows(p.named_items, s, kept_, rows, &row_item, true, &profiles);
      for (std::size_t i = 0; i < rows.size(); ++i)
        if (s.type[rows[i]] == std::uint8_t(RepoType::model) && s.downloads_all[rows[i]] != kUnknownTotal)
          p.named_by_lifetime.push_back(s.downloads_all[rows[i]], row_item[i], s.created[rows[i]]);
      sort_most_downloaded_first(p.named_by_lifetime);
      p.named.items = &p.named_items;
      p.named.by_lifetime = &p.named_by_lifetime;
      mask_items(st, p.named);
    }
  }
}

std::string Engine::orgs_matching(std::string_view prefix, std::size_t limit) const {
  const Store& s = store_;
  std::string want = lower(prefix);
  std::vector<AuthorRank> hits;  // no repository counts: equal downloads go by name
  for (std::uint32_t a = 1; a < s.authors.size(); ++a)
    if (s.authors[a].size() >= want.size() && lower(std::string_view(s.authors[a]).substr(0, want.size())) == want)
      hits.push_back({author_downloads_[a], 0, a});
  keep_best_authors(hits, limit, s.authors);
  std::string out = "[";
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const std::uint32_t a = hits[i].author;
    if (i) out += ',';
    out += "{\"org\":";
    append_json_string(out, s.authors[a]);
    out += ",\"country\":";
    append_json_string(out, s.countries[s.author_country[a]]);
    out += ",\"sector\":";
    append_json_string(out, kSectorNames[s.author_sector[a]]);
    out += ",\"downloads\":";
    append_uint(out, hits[i].downloads);
    out += '}';
  }
  out += ']';
  return out;
}

Result<std::string> Engine::dimension_values(std::string_view dim) const {
  // Repositories per value, from the items (each holds the rows first_row[i] .. first_row[i + 1]): a lean engine has
  // no per-row filter columns.
  const Store& s = store_;
  const Items& it = items_;
  std::vector<std::pair<std::string, std::uint64_t>> values;
  auto count = [&](std::size_t n_values, auto value_of, auto name_of, std::size_t skip_below) {
    std::vector<std::uint64_t> n(n_values, 0);
    for (std::size_t i = 0; i < it.count(); ++i) n[value_of(i)] += it.first_row[i + 1] - it.first_row[i];
    for (std::size_t v = skip_below; v < n_values; ++v)
      if (n[v]) values.emplace_back(std::string(name_of(v)), n[v]);
  };
  auto count_dict = [&](const Names& dict, auto value_of, std::size_t skip_below = 0) {
    count(dict.size(), value_of, [&](std::size_t v) { return dict[v]; }, skip_below);
  };
  auto count_enum = [&](auto names, auto value_of, bool skip_first) {
    count(names.size(), value_of, [&](std::size_t v) { return names[v]; }, skip_first ? 1 : 0);
  };
  if (dim == "type") count_enum(kRepoTypeNames, [&](std::size_t i) { return it.type[i]; }, false);
  else if (dim == "country") count_dict(s.countries, [&](std::size_t i) { return it.country[i]; });
  else if (dim == "sector") count_enum(kSectorNames, [&](std::size_t i) { return it.sector[i]; }, false);
  else if (dim == "task") count_dict(s.tasks, [&](std::size_t i) { return it.task[i]; });
  else if (dim == "modality") count_enum(kModalityNames, [&](std::size_t i) { return s.task_modality[it.task[i]]; }, false);
  else if (dim == "library") count_dict(s.libraries, [&](std::size_t i) { return it.library[i]; });
  else if (dim == "license") count_dict(s.licenses, [&](std::size_t i) { return it.license[i]; });
  else if (dim == "family") count_dict(s.families, [&](std::size_t i) { return it.family[i]; }, 1);  // 0: no family
  else if (dim == "relation") count_enum(kRelationNames, [&](std::size_t i) { return it.relation[i]; }, false);
  else if (dim == "size") count_enum(kSizeNames, [&](std::size_t i) { return it.size[i]; }, false);
  else if (dim == "sdk") count_enum(kSdkNames, [&](std::size_t i) { return it.sdk[i]; }, true);
  else return Result<std::string>::failure("unknown dimension '" + std::string(dim).substr(0, 40) + "'");
  std::vector<std::uint32_t> order(values.size());
  std::vector<std::uint64_t> counts(values.size());
  for (std::uint32_t i = 0; i < values.size(); ++i) order[i] = i, counts[i] = values[i].second;
  rank_most_first(order.begin(), order.end(), counts);
  if (order.size() > 500) order.resize(500);
  std::string out = "[";
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i) out += ',';
    out += "[";
    append_json_string(out, values[order[i]].first);
    out += ',';
    append_uint(out, values[order[i]].second);
    out += ']';
  }
  out += ']';
  return out;
}

FilterPass& Engine::pass_for(const ViewState& state) {
  // The page asks for the views on screen one by one: they share the filter pass (and its concentration).
  ViewState key_state = state;
  key_state.view.clear();
  key_state.cumulative = false;
  std::string key = print_state(key_state);
  if (!caching_ || !pass_ || key != pass_key_) {
    pass_ = std::make_unique<FilterPass>();
    filter(state, *pass_);
    pass_key_ = caching_ ? key : std::string();
  }
  return *pass_;
}

Result<Slice> Engine::view(const ViewState& state, std::string_view name) {
  if (!is_view_name(name)) return Result<Slice>::failure("unknown view '" + std::string(name).substr(0, 40) + "'");
  return view(state, pass_for(state), name);
}

Result<std::string> Engine::all_views_json(const ViewState& state) {
  ViewState key_state = state;
  key_state.view.clear();  // embedding one view does not change the numbers
  std::string key = print_state(key_state);
  for (std::size_t i = 0; caching_ && i < recent_.size(); ++i)
    if (recent_[i].first == key) {
      std::rotate(recent_.begin(), recent_.begin() + std::ptrdiff_t(i), recent_.begin() + std::ptrdiff_t(i) + 1);
      return recent_.front().second;
    }
  FilterPass& pass = pass_for(state);
  pass.count_categories_together = fast_paths_;
  std::string out = "{";
  for (std::size_t i = 0; i < kViewNames.size(); ++i) {
    auto slice = view(state, pass, kViewNames[i]);
    if (!slice) return Result<std::string>::failure(slice.error());
    if (i) out += ',';
    append_json_string(out, kViewNames[i]);
    out += ':';
    append_slice_json(out, slice.value());
  }
  out += '}';
  if (caching_) {
    recent_.insert(recent_.begin(), {key, out});
    if (recent_.size() > 12) recent_.pop_back();
  }
  return out;
}

}  // namespace hubreport
