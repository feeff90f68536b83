#include "engine.h"

#include <algorithm>
#include <cctype>

#include "json_writer.h"
#include "ranking.h"

namespace hubreport {

Engine::Engine(Store store, std::size_t kept_per_measure, std::size_t walk_segment) : store_(std::move(store)) {
  const Store& s = store_;
  Month first = s.info.series_first;
  for (auto m : s.created)
    if (m != kUnknownMonth) first = std::min(first, m);
  data_first_ = first == kUnknownMonth ? s.info.month : first;
  author_downloads_ = author_downloads(s);
  kept_ = kept_authors(s, author_downloads_, kept_per_measure);
  for (std::size_t a = 0; a < kept_.size(); ++a)
    if (!kept_[a]) folded_max_downloads_ = std::max(folded_max_downloads_, author_downloads_[a]);
  folded_row_start_.assign(s.authors.size() + 1, 0);
  for (std::uint32_t r = 0; r < s.rows(); ++r)
    if (!kept_[s.author[r]]) ++folded_row_start_[s.author[r] + 1];
  for (std::size_t a = 0; a < s.authors.size(); ++a) {
    if (folded_row_start_[a + 1]) folded_order_.push_back(std::uint32_t(a));
    folded_row_start_[a + 1] += folded_row_start_[a];
  }
  folded_rows_.resize(folded_row_start_.back());
  {
    std::vector<std::uint32_t> at(folded_row_start_.begin(), folded_row_start_.end() - 1);
    for (std::uint32_t r = 0; r < s.rows(); ++r)
      if (!kept_[s.author[r]]) folded_rows_[at[s.author[r]]++] = r;
  }
  auto rows_of = [&](std::uint32_t a) { return folded_row_start_[a + 1] - folded_row_start_[a]; };
  std::stable_sort(folded_order_.begin(), folded_order_.end(), [&](std::uint32_t x, std::uint32_t y) {
    return author_downloads_[x] != author_downloads_[y] ? author_downloads_[x] > author_downloads_[y] : rows_of(x) > rows_of(y);
  });
  folded_by_rows_ = folded_order_;
  {
    std::vector<std::uint64_t> rows(s.authors.size());
    for (std::uint32_t a = 0; a < s.authors.size(); ++a) rows[a] = rows_of(a);
    rank_most_first(folded_by_rows_.begin(), folded_by_rows_.end(), rows);
  }
  row_item_.reserve(s.rows());
  items_ = group_rows(s, kept_, {}, &row_item_, false);
  std::vector<std::uint32_t> rolled_up_of;
  coarse_ = roll_up(items_, s, &rolled_up_of);
  by_org_ = roll_up(items_, s, nullptr, RollUp::by_org);
  by_family_ = roll_up(items_, s, nullptr, RollUp::by_family);
  family_derivatives_.assign(s.families.size(), 0);
  for (std::uint32_t i = 0; i < items_.count(); ++i)
    if (items_.family[i] && items_.relation[i])
      for (std::uint32_t k = items_.created_start[i]; k < items_.created_start[i + 1]; ++k)
        family_derivatives_[items_.family[i]] += items_.created_repos[k];
  for (std::uint32_t fam = 1; fam < s.families.size(); ++fam)
    if (family_derivatives_[fam]) family_order_.push_back(fam);
  rank_most_first(family_order_.begin(), family_order_.end(),
                  std::vector<std::uint64_t>(family_derivatives_.begin(), family_derivatives_.end()));
  // Per creation entry of both tables: models with known lifetime downloads and their sum.
  auto entry_of = [](const Items& t, std::uint32_t i, Month m) {
    auto first = t.created_month.begin() + t.created_start[i], last = t.created_month.begin() + t.created_start[i + 1];
    return std::size_t(std::lower_bound(first, last, m) - t.created_month.begin());
  };
  created_known_.assign(items_.created_month.size(), 0);
  created_lifetime_.assign(items_.created_month.size(), 0);
  coarse_known_.assign(coarse_.created_month.size(), 0);
  coarse_lifetime_.assign(coarse_.created_month.size(), 0);
  for (std::uint32_t r = 0; r < s.rows(); ++r) {
    if (s.type[r] != std::uint8_t(RepoType::model) || s.downloads_all[r] == kUnknownTotal) continue;
    std::uint32_t i = row_item_[r];
    std::size_t k = entry_of(items_, i, s.created[r]), ck = entry_of(coarse_, rolled_up_of[i], s.created[r]);
    ++created_known_[k], ++coarse_known_[ck];
    created_lifetime_[k] += s.downloads_all[r], coarse_lifetime_[ck] += s.downloads_all[r];
  }
  kept_slot_.assign(s.authors.size(), ~0u);
  for (std::uint32_t i = 0; i < items_.count(); ++i) {
    std::uint32_t org = items_.org[i];
    if (org == kFoldedOrg) continue;
    if (kept_slot_[org] == ~0u) {
      kept_slot_[org] = std::uint32_t(kept_order_.size());
      kept_order_.push_back(org);
      kept_year_dl_.resize(kept_year_dl_.size() + 100, 0);
    }
    std::uint64_t* years = &kept_year_dl_[std::size_t(kept_slot_[org]) * 100];
    for (std::uint32_t k = items_.dl_start[i]; k < items_.dl_start[i + 1]; ++k) years[items_.dl_month[k] / 12] += items_.dl_sum[k];
  }
  auto kept_by = [&](Dim d, std::size_t values, const auto& column) {
    if (values > 256) return;
    kept_dim_values_[int(d)] = values;
    std::vector<std::uint64_t>& dl = kept_dim_dl_[int(d)];
    dl.assign(kept_order_.size() * values, 0);
    for (std::uint32_t i = 0; i < items_.count(); ++i) {
      if (items_.org[i] == kFoldedOrg || column[i] >= values) continue;
      std::uint64_t& cell = dl[std::size_t(kept_slot_[items_.org[i]]) * values + column[i]];
      for (std::uint32_t k = items_.dl_start[i]; k < items_.dl_start[i + 1]; ++k) cell += items_.dl_sum[k];
    }
  };
  kept_by(Dim::relation, kRelationNames.size(), items_.relation);
  kept_by(Dim::size, kSizeNames.size(), items_.size);
  kept_by(Dim::sdk, kSdkNames.size(), items_.sdk);
  kept_by(Dim::task, s.tasks.size(), items_.task);
  kept_by(Dim::library, s.libraries.size(), items_.library);
  kept_by(Dim::license, s.licenses.size(), items_.license);
  rank_most_first(kept_order_.begin(), kept_order_.end(), author_downloads_);
  item_downloads_.assign(items_.count(), 0);
  for (std::size_t i = 0; i < items_.count(); ++i)
    for (std::uint32_t k = items_.dl_start[i]; k < items_.dl_start[i + 1]; ++k)
      if (items_.dl_month[k] <= s.info.month) item_downloads_[i] += items_.dl_sum[k];
  // Models by lifetime downloads, most first: an LSD radix sort of (inverted lifetime << 24 | row) keys, which a
  // comparison sort of millions of rows in wasm would take several times longer to produce.
  const auto model = std::uint8_t(RepoType::model);
  if (s.rows() < (std::size_t(1) << 24)) {
    std::vector<std::uint64_t> keys, tmp;
    const std::uint64_t max40 = (std::uint64_t(1) << 40) - 1;  // 1.1e12: far above any repository's downloads
    for (std::uint32_t r = 0; r < s.rows(); ++r)
      if (s.type[r] == model && s.downloads_all[r] != kUnknownTotal)
        keys.push_back((max40 - std::min(s.downloads_all[r], max40)) << 24 | r);
    tmp.resize(keys.size());
    // The keys are made in row order and each pass is stable, so sorting on the lifetime bits (24 and up) leaves ties
    // in row order; a pass whose digit is the same in every key (the top bits, unless some lifetime is huge) is skipped.
    for (int shift = 24; shift < 64; shift += 16) {
      std::vector<std::uint32_t> count(65537, 0);
      for (auto k : keys) ++count[((k >> shift) & 0xFFFF) + 1];
      if (std::count(count.begin(), count.end(), std::uint32_t(keys.size())) == 1) continue;
      for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
      for (auto k : keys) tmp[count[(k >> shift) & 0xFFFF]++] = k;
      keys.swap(tmp);
    }
    by_lifetime_.reserve(keys.size());
    for (auto k : keys) {
      auto r = std::uint32_t(k & 0xFFFFFF);
      by_lifetime_.push_back({s.downloads_all[r], row_item_[r], s.created[r]});
    }
  } else {  // too many rows to pack a row number in 24 bits: a comparison sort
    for (std::uint32_t r = 0; r < s.rows(); ++r)
      if (s.type[r] == model && s.downloads_all[r] != kUnknownTotal)
        by_lifetime_.push_back({s.downloads_all[r], row_item_[r], s.created[r]});
    sort_most_downloaded_first(by_lifetime_);
  }
  std::uint64_t sum = 0;
  for (std::size_t j = 0; j < by_lifetime_.size(); ++j) {
    if (j % kPrefixStep == 0) lifetime_prefix_.push_back(sum);
    sum += by_lifetime_[j].lifetime;
  }
  if (by_lifetime_.size() % kPrefixStep == 0) lifetime_prefix_.push_back(sum);  // the end of the walk, when on a step
  // The concentration walk over the rolled-up table reads 8 bytes per model instead of 20: (rolled-up item, creation
  // month) packed in one word, and the lifetime in another (the few above 32 bits are read from by_lifetime_).
  if (coarse_.count() < 0xFFFF) {
    rolled_walk_key_.reserve(by_lifetime_.size());
    rolled_walk_lifetime_.reserve(by_lifetime_.size());
    for (const LifetimeEntry& e : by_lifetime_) {
      rolled_walk_key_.push_back(rolled_up_of[e.item] << 16 | e.created);
      rolled_walk_lifetime_.push_back(std::uint32_t(std::min<std::uint64_t>(e.lifetime, kLifetimeInWalk)));
    }
    WalkSegments& w = walk_segments_;
    w.length = std::clamp<std::size_t>(walk_segment, 1, 0xFFFF);  // a cell's model count is 16 bits
    // key_of(model): its cell's key, or keys to leave it out.
    auto cells_by = [&](SegmentCells& out, std::size_t keys, auto key_of) {
      std::vector<std::uint32_t> cell_of(keys, 0xFFFFFFFFu);
      out.start.push_back(0);
      for (std::size_t j0 = 0; j0 < by_lifetime_.size(); j0 += w.length) {
        std::size_t first = out.key.size();
        for (std::size_t j = j0; j < std::min(by_lifetime_.size(), j0 + w.length); ++j) {
          std::size_t k = key_of(by_lifetime_[j]);
          if (k == keys) continue;
          if (cell_of[k] == 0xFFFFFFFFu || cell_of[k] < first) {
            cell_of[k] = std::uint32_t(out.key.size());
            out.key.push_back(std::uint16_t(k)), out.models.push_back(0), out.lifetime.push_back(0);
          }
          ++out.models[cell_of[k]];
          out.lifetime[cell_of[k]] += by_lifetime_[j].lifetime;
        }
        out.start.push_back(std::uint32_t(out.key.size()));
      }
    };
    cells_by(w.by_item, coarse_.count(), [&](const LifetimeEntry& e) {
      return e.created > s.info.month && e.created != kUnknownMonth ? coarse_.count() : std::size_t(rolled_up_of[e.item]);
    });
    cells_by(w.by_month, std::size_t(kUnknownMonth) + 1, [](const LifetimeEntry& e) { return std::size_t(e.created); });
  }
  // Postings: a counting sort of the items by each dimension's value (values past `values`, and `skip`, left out).
  const Items& it = items_;
  auto post_into = [&](Posting& p, std::size_t n, std::size_t values, auto value_of, std::size_t skip = ~std::size_t(0)) {
    p.start.assign(values + 2, 0);
    for (std::uint32_t i = 0; i < n; ++i) ++p.start[std::min<std::size_t>(value_of(i), values) + 1];
    if (skip <= values) p.start[skip + 1] = 0;
    for (std::size_t v = 1; v < p.start.size(); ++v) p.start[v] += p.start[v - 1];
    p.items.resize(p.start.back());
    std::vector<std::uint32_t> at(p.start.begin(), p.start.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i) {
      std::size_t v = std::min<std::size_t>(value_of(i), values);
      if (v != skip) p.items[at[v]++] = i;
    }
  };
  post_into(family_walk_, by_lifetime_.size(), s.families.size(), [&](std::uint32_t j) { return items_.family[by_lifetime_[j].item]; }, 0);
  auto post = [&](Dim d, std::size_t values, auto value_of) { post_into(postings_[int(d)], it.count(), values, value_of); };
  post_into(by_family_posting_, by_family_.count(), s.families.size(), [&](std::uint32_t i) { return by_family_.family[i]; });
  post(Dim::type, kRepoTypeNames.size(), [&](std::uint32_t i) { return it.type[i]; });
  post(Dim::country, s.countries.size(), [&](std::uint32_t i) { return it.country[i]; });
  post(Dim::sector, kSectorNames.size(), [&](std::uint32_t i) { return it.sector[i]; });
  post(Dim::org, s.authors.size(), [&](std::uint32_t i) { return it.org[i] == kFoldedOrg ? s.authors.size() : it.org[i]; });
  post(Dim::task, s.tasks.size(), [&](std::uint32_t i) { return it.task[i]; });
  post(Dim::modality, s.tasks.size(), [&](std::uint32_t i) { return it.task[i]; });  // allowed values are tasks
  post(Dim::library, s.libraries.size(), [&](std::uint32_t i) { return it.library[i]; });
  post(Dim::license, s.licenses.size(), [&](std::uint32_t i) { return it.license[i]; });
  post(Dim::family, s.families.size(), [&](std::uint32_t i) { return it.family[i]; });
  post(Dim::relation, kRelationNames.size(), [&](std::uint32_t i) { return it.relation[i]; });
  post(Dim::size, kSizeNames.size(), [&](std::uint32_t i) { return it.size[i]; });
  post(Dim::sdk, kSdkNames.size(), [&](std::uint32_t i) { return it.sdk[i]; });
}

std::vector<std::uint32_t> Engine::candidates(const Pass& p, std::uint16_t own, bool* all) const {
  *all = true;
  if (p.items != &items_ || !use_postings_) return {};  // a small table of named authors: scan it whole
  int best = -1;
  std::size_t best_count = items_.count();
  for (int d = 0; d < kDimCount; ++d) {
    if ((own >> d) & 1 || !((p.filtered >> d) & 1)) continue;
    const Posting& post = postings_[d];
    std::size_t n = 0;
    for (auto v : p.allowed[d]) n += post.start[v + 1] - post.start[v];
    if (n < best_count) best = d, best_count = n;
  }
  if (best < 0 || (best_count * 4 > items_.count() * 3 && best_count > 0)) return {};  // barely selective: scan
  *all = false;
  std::vector<std::uint32_t> out;
  out.reserve(best_count);
  const Posting& post = postings_[best];
  for (auto v : p.allowed[best]) out.insert(out.end(), post.items.begin() + post.start[v], post.items.begin() + post.start[v + 1]);
  return out;
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
      std::vector<std::uint32_t> rows, row_item;
      for (std::uint32_t r = 0; r < s.rows(); ++r)
        if (named[s.author[r]]) rows.push_back(r);
      std::vector<std::uint8_t> kept = kept_;
      for (std::size_t a = 0; a < named.size(); ++a) kept[a] |= named[a];
      p.named_items = group_rows(s, kept, rows, &row_item, true);
      for (std::size_t i = 0; i < rows.size(); ++i)
        if (s.type[rows[i]] == std::uint8_t(RepoType::model) && s.downloads_all[rows[i]] != kUnknownTotal)
          p.named_by_lifetime.push_back({s.downloads_all[rows[i]], row_item[i], s.created[rows[i]]});
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

const FilterPass& Engine::pass_for(const ViewState& state) {
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
  const FilterPass& pass = pass_for(state);
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
  if (caching_) {
    recent_.insert(recent_.begin(), {key, out});
    if (recent_.size() > 12) recent_.pop_back();
  }
  return out;
}

}  // namespace hubreport
