// The engine's tables, built once from the store: items, roll-ups, postings, the concentration walk and the
// publishers' bounds. Kept apart from answering so the module can build this once-only code for size.
#include <algorithm>

#include "engine.h"
#include "ranking.h"

namespace hubreport {

namespace {

// Posting p of an items column (values past `values` go to value `values`): runs of consecutive items when allowed
// and smaller than a list. Three instances (8, 16 and 32-bit columns) keep the module small.
template <class T>
void build_posting(Posting& p, const std::vector<T>& column, std::size_t values, bool runs_allowed) {
  auto& [start, items, run_start, run_first, run_end] = p;
  const std::size_t n = column.size();
  auto value = [&](std::size_t i) { return std::min<std::size_t>(column[i], values); };
  std::size_t runs = 0;
  for (std::size_t i = 0; i < n; ++i) runs += i == 0 || value(i) != value(i - 1);
  const bool as_runs = runs_allowed && runs * 2 < n;
  start.assign(values + 2, 0);
  if (as_runs) run_start.assign(values + 2, 0);
  for (std::size_t i = 0; i < n; ++i) {
    ++start[value(i) + 1];
    if (as_runs && (i == 0 || value(i) != value(i - 1))) ++run_start[value(i) + 1];
  }
  for (std::size_t v = 1; v < start.size(); ++v) {
    start[v] += start[v - 1];
    if (as_runs) run_start[v] += run_start[v - 1];
  }
  std::vector<std::uint32_t> at(as_runs ? run_start.begin() : start.begin(), (as_runs ? run_start.end() : start.end()) - 1);
  if (!as_runs) {
    items.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) items[at[value(i)]++] = i;
    return;
  }
  run_first.resize(runs), run_end.resize(runs);
  for (std::uint32_t i = 0, j = 0; i < n; ++i) {
    if (i == 0 || value(i) != value(i - 1)) j = at[value(i)]++, run_first[j] = i;
    run_end[j] = i + 1;
  }
}

}  // namespace

Engine::Engine(Store store, std::size_t kept_per_measure, std::size_t walk_segment, StoreRows rows)
    : store_(std::move(store)) {
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
  {
    // Two stable sorts by one key each, through the one ranking the module holds (ranking.h), rather than a sort by
    // both keys at once: most repositories first, then most downloaded first keeps that order among equal downloads.
    std::vector<std::uint64_t> rows(s.authors.size());
    for (std::uint32_t a = 0; a < s.authors.size(); ++a) rows[a] = folded_row_start_[a + 1] - folded_row_start_[a];
    rank_most_first(folded_order_.begin(), folded_order_.end(), rows);
    folded_by_rows_ = folded_order_;
    rank_most_first(folded_order_.begin(), folded_order_.end(), author_downloads_);
  }
  // No table of each row's item (17.6 MB at 4.4M repositories): items cover consecutive rows, so loops over rows go
  // item by item, and a row's item is found with item_of_row.
  group_rows(items_, s, kept_, {}, nullptr, false);
  for (std::size_t r = 0, i = 0; r < s.rows(); r += std::size_t(1) << kRowBlockBits) {
    while (items_.first_row[i + 1] <= r) ++i;
    block_item_.push_back(std::uint32_t(i));
  }
  block_item_.push_back(std::uint32_t(items_.count() ? items_.count() - 1 : 0));
  // Nothing below (the roll-ups read the items, and the store's series and parameters), and no answer, reads them:
  // the tables built from here on reuse their memory.
  if (rows == StoreRows::lean) store_.release_filter_columns();
  // Models by lifetime downloads, most first: an LSD radix sort of (inverted lifetime << 24 | row) keys, which a
  // comparison sort of millions of rows in wasm would take several times longer to produce. Sorted after the items
  // are made and the filter columns given back, so that its keys (40 MB at 4.4M repositories) and the walk (25 MB)
  // fill the room those leave: sorted before, they were held while the items were made, when the heap peaks (wasm
  // memory after load 355.7 -> 344.1 MB, with the coarse table's shrink in roll_up).
  const auto model = std::uint8_t(RepoType::model);
  const std::uint64_t max40 = (std::uint64_t(1) << 40) - 1;  // 1.1e12: far above any repository's downloads
  std::size_t models = 0;
  std::uint64_t most = 0;
  for (std::uint32_t r = 0; r < s.rows(); ++r)
    if (s.type[r] == model && s.downloads_all[r] != kUnknownTotal) ++models, most = std::max(most, s.downloads_all[r]);
  if (s.rows() < (std::size_t(1) << 24) && most <= max40) {
    std::vector<std::uint64_t> keys, tmp;
    keys.reserve(models);
    for (std::uint32_t r = 0; r < s.rows(); ++r)
      if (s.type[r] == model && s.downloads_all[r] != kUnknownTotal)
        keys.push_back((max40 - s.downloads_all[r]) << 24 | r);
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
    std::vector<std::uint64_t>().swap(tmp);
    by_lifetime_.reserve(keys.size());
    for (auto k : keys) {
      auto r = std::uint32_t(k & 0xFFFFFF);
      by_lifetime_.push_back(s.downloads_all[r], item_of_row(r), s.created[r]);
    }
  } else {  // a row number past 24 bits or a lifetime past 40 (no real one comes near): a comparison sort
    for (std::uint32_t r = 0; r < s.rows(); ++r)
      if (s.type[r] == model && s.downloads_all[r] != kUnknownTotal)
        by_lifetime_.push_back(s.downloads_all[r], item_of_row(r), s.created[r]);
    sort_most_downloaded_first(by_lifetime_);
  }
  // The rolled-up walk's room (5 MB at 4.4M repositories), taken while the sort's keys leave a hole that fits it.
  rolled_walk_item_.reserve(by_lifetime_.size());
  std::vector<std::uint32_t> rolled_up_of;
  roll_up(coarse_, items_, s, &rolled_up_of);
  roll_up(by_org_, items_, s, nullptr, RollUp::by_org);
  roll_up(by_family_, items_, s, nullptr, RollUp::by_family);
  // Only the families view reads it, filtered on type, country, sector, family, relation and size (pass_for): the
  // other dimensions' columns, which rolling up set to 0, go back (3.4 MB at 4.4M repositories).
  std::vector<std::uint32_t>().swap(by_family_.org);
  for (auto* v : {&by_family_.task, &by_family_.library, &by_family_.license}) std::vector<std::uint16_t>().swap(*v);
  std::vector<std::uint8_t>().swap(by_family_.sdk);
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
  {
    std::vector<std::uint32_t> known(items_.created_month.size(), 0), coarse_known(coarse_.created_month.size(), 0);
    std::vector<std::uint64_t> lifetime(known.size(), 0), coarse_lifetime(coarse_known.size(), 0);
    for (std::uint32_t i = 0; i < items_.count(); ++i)
      for (std::uint32_t r = items_.first_row[i]; r < items_.first_row[i + 1]; ++r) {
        if (s.type[r] != std::uint8_t(RepoType::model) || s.downloads_all[r] == kUnknownTotal) continue;
        std::size_t k = entry_of(items_, i, s.created[r]), ck = entry_of(coarse_, rolled_up_of[i], s.created[r]);
        ++known[k], ++coarse_known[ck];
        lifetime[k] += s.downloads_all[r], coarse_lifetime[ck] += s.downloads_all[r];
      }
    auto narrow = [](auto& out, const auto& values) {
      out.reserve(values.size());
      for (auto v : values) out.push_back(v);
    };
    narrow(created_known_, known), narrow(created_lifetime_, lifetime);
    narrow(coarse_known_, coarse_known), narrow(coarse_lifetime_, coarse_lifetime);
  }
  // One pass over the items' download entries: each item's downloads up to the snapshot month (the leaderboard's
  // whole-history totals) and in every month, and the kept authors' downloads by year (bounds for the leaderboard).
  kept_slot_.assign(s.authors.size(), ~0u);
  item_downloads_.reserve(items_.count());
  std::vector<std::uint64_t> item_all(items_.count(), 0);
  for (std::uint32_t i = 0; i < items_.count(); ++i) {
    std::uint32_t org = items_.org[i];
    std::uint64_t* years = nullptr;
    if (org != kFoldedOrg) {
      if (kept_slot_[org] == ~0u) {
        kept_slot_[org] = std::uint32_t(kept_order_.size());
        kept_order_.push_back(org);
        kept_year_dl_.resize(kept_year_dl_.size() + 100, 0);
      }
      years = &kept_year_dl_[std::size_t(kept_slot_[org]) * 100];
    }
    std::uint64_t to_date = 0;
    items_.each_download(s, i, [&](Month m, std::uint64_t d) {
      item_all[i] += d;
      if (m <= s.info.month) to_date += d;
      if (years) years[m / 12] += d;
    });
    item_downloads_.push_back(to_date);
  }
  auto kept_by = [&](Dim d, std::size_t values, const auto& column) {
    if (values > 256) return;
    kept_dim_values_[int(d)] = values;
    std::vector<std::uint64_t>& dl = kept_dim_dl_[int(d)];
    dl.assign(kept_order_.size() * values, 0);
    for (std::uint32_t i = 0; i < items_.count(); ++i) {
      if (items_.org[i] == kFoldedOrg || column[i] >= values) continue;
      dl[std::size_t(kept_slot_[items_.org[i]]) * values + column[i]] += item_all[i];
    }
  };
  kept_by(Dim::relation, kRelationNames.size(), items_.relation);
  kept_by(Dim::size, kSizeNames.size(), items_.size);
  kept_by(Dim::sdk, kSdkNames.size(), items_.sdk);
  kept_by(Dim::task, s.tasks.size(), items_.task);
  kept_by(Dim::library, s.libraries.size(), items_.library);
  kept_by(Dim::license, s.licenses.size(), items_.license);
  std::vector<std::uint64_t>().swap(item_all);
  rank_most_first(kept_order_.begin(), kept_order_.end(), author_downloads_);
  std::uint64_t sum = 0;
  for (std::size_t j = 0; j < by_lifetime_.size(); ++j) {
    if (j % kPrefixStep == 0) lifetime_prefix_.push_back(sum);
    sum += by_lifetime_.lifetime(j);
  }
  if (by_lifetime_.size() % kPrefixStep == 0) lifetime_prefix_.push_back(sum);  // the end of the walk, when on a step
  // The concentration walk over the rolled-up table reads 8 bytes per model: its rolled-up item, creation month and
  // lifetime, and the rolled-up mask, which stays in cache, instead of the main table's.
  if (coarse_.count() >= 0xFFFF) std::vector<std::uint16_t>().swap(rolled_walk_item_);
  if (coarse_.count() < 0xFFFF) {
    for (std::size_t j = 0; j < by_lifetime_.size(); ++j) rolled_walk_item_.push_back(std::uint16_t(rolled_up_of[by_lifetime_.item(j)]));
    WalkSegments& w = walk_segments_;
    w.length = std::clamp<std::size_t>(walk_segment, 1, 0xFFFF);  // a cell's model count is 16 bits
    // key_of(model): its cell's key, or keys to leave it out.
    auto cells_by = [&](SegmentCells& out, std::size_t keys, auto key_of) {
      std::vector<std::uint32_t> cell_of(keys, 0xFFFFFFFFu);
      out.start.push_back(0);
      for (std::size_t j0 = 0; j0 < by_lifetime_.size(); j0 += w.length) {
        std::size_t first = out.key.size();
        for (std::size_t j = j0; j < std::min(by_lifetime_.size(), j0 + w.length); ++j) {
          std::size_t k = key_of(j);
          if (k == keys) continue;
          if (cell_of[k] == 0xFFFFFFFFu || cell_of[k] < first) {
            cell_of[k] = std::uint32_t(out.key.size());
            out.key.push_back(std::uint16_t(k)), out.models.push_back(0), out.lifetime.push_back(0);
          }
          ++out.models[cell_of[k]];
          out.lifetime[cell_of[k]] += by_lifetime_.lifetime(j);
        }
        out.start.push_back(std::uint32_t(out.key.size()));
      }
    };
    cells_by(w.by_item, coarse_.count(), [&](std::size_t j) {
      const Month created = by_lifetime_.created(j);
      return created > s.info.month && created != kUnknownMonth ? coarse_.count() : std::size_t(rolled_walk_item_[j]);
    });
    cells_by(w.by_month, std::size_t(kUnknownMonth) + 1, [&](std::size_t j) { return std::size_t(by_lifetime_.created(j)); });
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
  post_into(family_walk_, by_lifetime_.size(), s.families.size(), [&](std::uint32_t j) { return items_.family[by_lifetime_.item(j)]; }, 0);
  // As runs of consecutive items where runs take less memory than a list, straight from the items' order rather than
  // from a list made first (whose 3.7 MB per dimension at 4.4M repositories left holes); org and family, read by
  // position, stay lists.
  auto post = [&](Dim d, std::size_t values, const auto& column) {
    build_posting(postings_[int(d)], column, values, d != Dim::org && d != Dim::family);
  };
  post_into(by_family_posting_, by_family_.count(), s.families.size(), [&](std::uint32_t i) { return by_family_.family[i]; });
  post(Dim::type, kRepoTypeNames.size(), it.type);
  post(Dim::country, s.countries.size(), it.country);
  post(Dim::sector, kSectorNames.size(), it.sector);
  post(Dim::org, s.authors.size(), it.org);  // kFoldedOrg lies past every author
  post(Dim::task, s.tasks.size(), it.task);
  post(Dim::library, s.libraries.size(), it.library);
  post(Dim::license, s.licenses.size(), it.license);
  post(Dim::family, s.families.size(), it.family);
  post(Dim::relation, kRelationNames.size(), it.relation);
  post(Dim::size, kSizeNames.size(), it.size);
  post(Dim::sdk, kSdkNames.size(), it.sdk);
}

}  // namespace hubreport
