#include "items.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <numeric>

namespace hubreport {

std::size_t param_bin(std::uint64_t v) {
  int msb = 63 - __builtin_clzll(v);
  int frac = msb >= 4 ? int((v >> (msb - 4)) & 15) : int((v << (4 - msb)) & 15);
  return std::size_t(msb * 16 + frac);
}

double param_bin_mid(std::size_t b) {
  double lo = std::ldexp(1.0 + double(b % 16) / 16.0, int(b / 16));
  double hi = std::ldexp(1.0 + double(b % 16 + 1) / 16.0, int(b / 16));
  return (lo + hi) / 2;
}

std::size_t Items::memory_bytes() const {
  auto b = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return b(type) * 7 + b(org) + b(family) + b(task) + b(library) + b(license) + b(first_row) + b(created_start) +
         b(created_month) + created_repos.memory_bytes() + created_likes.memory_bytes() + b(dl_start) + b(dl_begin) + dl_sum.memory_bytes() + b(sized_start) +
         b(sized_month) + b(sized_known) + b(sized_weighted) + b(sized_bin_start) + b(sized_bin) + b(sized_dl);
}

Month Items::last_download_month(const Store& s, std::size_t i) const {
  if (!row_series(i)) return dl_start[i + 1] > dl_start[i] ? dl_month(i, dl_start[i + 1] - 1) : Month(0);
  const std::uint32_t r = first_row[i];
  return s.has_series(r) ? Month(s.series_first_month(r) + s.series_months(r) - 1) : Month(0);
}

namespace {
// One copy per column type, not inlined per column: sixteen inlined copies cost the module 2.4 KB.
template <class T>
[[gnu::noinline]] void reserve_each(std::initializer_list<std::vector<T>*> columns, std::size_t n) {
  for (auto* v : columns) v->reserve(n);
}
}  // namespace

void Items::reserve(std::size_t items, std::size_t created_entries, std::size_t dl_entries) {
  reserve_each({&type, &country, &sector, &relation, &size, &sdk, &direct}, items);
  reserve_each({&org, &family}, items);
  reserve_each({&task, &library, &license}, items);
  reserve_each({&first_row, &created_start, &dl_start}, items + 1);
  dl_begin.reserve(items);
  created_repos.reserve(created_entries);
  reserve_each({&created_month}, created_entries);
  created_likes.reserve(created_entries);
  dl_sum.reserve(dl_entries);
}

void Items::add_sized(Month month, std::uint16_t bin, std::uint64_t dl, unsigned __int128 weighted) {
  if (sized_month.size() == sized_start.back() || sized_month.back() != month) {
    sized_month.push_back(month), sized_known.push_back(0), sized_weighted.push_back(0);
    sized_bin_start.push_back(sized_bin_start.back());
  }
  sized_known.back() += dl, sized_weighted.back() += weighted;
  if (sized_bin.size() == sized_bin_start[sized_bin_start.size() - 2] || sized_bin.back() != bin) {
    sized_bin.push_back(bin), sized_dl.push_back(0);
    ++sized_bin_start.back();
  }
  sized_dl.back() += dl;
}

std::vector<std::uint64_t> author_downloads(const Store& s) {
  std::vector<std::uint64_t> downloads(s.authors.size(), 0);
  for (std::size_t r = 0; r < s.rows(); ++r)
    s.each_download(r, [&](Month, std::uint32_t d) { downloads[s.author[r]] += d; });
  return downloads;
}

std::vector<std::uint8_t> kept_authors(const Store& s, const std::vector<std::uint64_t>& downloads, std::size_t per_measure) {
  std::size_t n = s.authors.size();
  std::vector<std::uint8_t> kept(n, 0);
  std::vector<std::uint64_t> repos(n, 0);
  for (std::size_t r = 0; r < s.rows(); ++r) ++repos[s.author[r]];
  for (std::size_t a = 0; a < n; ++a)
    if (s.author_country[a] != 0 || s.author_sector[a] != std::uint8_t(Sector::community)) kept[a] = 1;  // curated
  // The most downloaded and the most prolific accounts (ties broken by author index: deterministic).
  const std::vector<std::uint64_t>* measures[] = {&downloads, &repos};
  for (const std::vector<std::uint64_t>* measure : measures) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::size_t k = std::min(per_measure, n);
    auto more = [&](std::uint32_t x, std::uint32_t y) { return (*measure)[x] != (*measure)[y] ? (*measure)[x] > (*measure)[y] : x < y; };
    std::nth_element(order.begin(), order.begin() + std::ptrdiff_t(k ? k - 1 : 0), order.end(), more);
    for (std::size_t i = 0; i < k; ++i)
      if ((*measure)[order[i]] > 0) kept[order[i]] = 1;
  }
  return kept;
}

ItemKey RowProfile::key() const {
  // The dimensions the rolled-up items keep (rollup.h) come first, so the items of one rolled-up item are adjacent
  // and rolling up reads memory in order.
  std::uint64_t a = std::uint64_t(type) << 56 | std::uint64_t(country) << 48 | std::uint64_t(sector) << 40 |
                    std::uint64_t(relation) << 32 | std::uint64_t(size) << 24 | std::uint64_t(sdk) << 16;
  std::uint64_t b = std::uint64_t(task) << 48 | std::uint64_t(library) << 32 | std::uint64_t(license) << 16 | direct;
  std::uint64_t c = std::uint64_t(org) << 32 | family;
  return {a, b, c};
}

RowProfile row_profile(const Store& s, const std::vector<std::uint8_t>& kept, std::size_t r) {
  return {s.type[r],    s.row_country[r], s.row_sector[r], s.relation[r], s.size[r],    s.sdk[r],
          std::uint8_t(s.depth[r] == 1 ? 1 : 0), s.task[r], s.library[r], s.license[r],
          kept[s.author[r]] ? s.author[r] : kFoldedOrg, s.family[r]};
}

RowProfile item_profile(const Items& it, std::size_t i) {
  return {it.type[i], it.country[i], it.sector[i], it.relation[i], it.size[i],    it.sdk[i],
          it.direct[i], it.task[i],  it.library[i], it.license[i], it.org[i],    it.family[i]};
}

void group_rows(Items& it, const Store& s, const std::vector<std::uint8_t>& kept, const std::vector<std::uint32_t>& rows,
                std::vector<std::uint32_t>* row_item, bool with_sized, const std::vector<RowProfile>* profiles) {
  it.has_sized = with_sized;
  std::size_t n = rows.empty() ? s.rows() : rows.size();
  auto row_at = [&](std::size_t i) { return rows.empty() ? std::uint32_t(i) : rows[i]; };
  auto profile_at = [&](std::size_t i) { return profiles ? (*profiles)[i] : row_profile(s, kept, row_at(i)); };
  // Per-item accumulators, dense over months (and month x bin for sized downloads), emptied at each item's end.
  std::vector<std::uint64_t> dl_acc(1200, 0);
  int dl_lo = 1200, dl_hi = -1;  // the current item's first and last months with downloads
  struct Sized {
    std::uint32_t key;  // month << 16 | bin
    std::uint64_t dl;
    unsigned __int128 weighted;
  };
  std::vector<Sized> sized;
  std::vector<std::uint64_t> sized_order;
  std::vector<std::uint64_t> created;  // month << 32 | row, for the current item (one sort of plain integers)
  ItemKey current{~0ull, ~0ull, ~0ull};
  std::size_t item_rows = 0;

  auto flush = [&] {
    if (it.type.empty()) return;
    std::sort(created.begin(), created.end());
    for (std::size_t i = 0; i < created.size();) {
      std::size_t j = i;
      std::uint64_t likes = 0;
      while (j < created.size() && created[j] >> 32 == created[i] >> 32) {
        std::uint32_t l = s.likes[std::uint32_t(created[j])];
        if (l != kUnknownCount) likes += l;
        ++j;
      }
      it.created_month.push_back(Month(created[i] >> 32));
      it.created_repos.push_back(std::uint32_t(j - i));
      it.created_likes.push_back(likes);
      i = j;
    }
    created.clear();
    it.created_start.push_back(std::uint32_t(it.created_month.size()));
    if (item_rows == 1) {
      it.dl_begin.push_back(Items::kRowSeries);
      for (int m = dl_lo; m <= dl_hi; ++m) dl_acc[m] = 0;
    } else {
      it.dl_begin.push_back(dl_hi < 0 ? Month(0) : Month(dl_lo));
      for (int m = dl_lo; m <= dl_hi; ++m) it.dl_sum.push_back(dl_acc[m]), dl_acc[m] = 0;
    }
    dl_lo = 1200, dl_hi = -1, item_rows = 0;
    it.dl_start.push_back(std::uint32_t(it.dl_sum.size()));
    // By (month, bin), through their keys packed with their places: a sort of plain integers.
    sized_order.clear();
    for (std::size_t k = 0; k < sized.size(); ++k) sized_order.push_back(std::uint64_t(sized[k].key) << 32 | k);
    std::sort(sized_order.begin(), sized_order.end());
    for (std::uint64_t o : sized_order) {
      const Sized& z = sized[o & 0xFFFFFFFFu];
      it.add_sized(Month(z.key >> 16), std::uint16_t(z.key & 0xFFFF), z.dl, z.weighted);
    }
    sized.clear();
    if (with_sized) it.sized_start.push_back(std::uint32_t(it.sized_month.size()));
  };

  // Count the items, their distinct creation months and the span of their download months first, so each column is
  // allocated once at its size: grown by doubling, they were copied over and over (most of the engine's build time
  // in wasm went to those copies) and kept a third of the download entries' room unused.
  {
    std::size_t items = 0, created_entries = 0, dl_entries = 0;
    std::vector<std::uint32_t> created_stamp(std::size_t(kUnknownMonth) + 1, 0);
    int lo = 1200, hi = -1;  // the current item's download months
    std::size_t rows_in_item = 0;
    auto end_item = [&] {
      if (hi >= lo && rows_in_item > 1) dl_entries += std::size_t(hi - lo + 1);
      lo = 1200, hi = -1, rows_in_item = 0;
    };
    ItemKey last{~0ull, ~0ull, ~0ull};
    for (std::size_t i = 0; i < n; ++i) {
      std::uint32_t r = row_at(i);
      ItemKey key = profile_at(i).key();
      if (!(key == last) || items == 0) end_item(), ++items, last = key;
      ++rows_in_item;
      const auto stamp = std::uint32_t(items);
      if (created_stamp[s.created[r]] != stamp) created_stamp[s.created[r]] = stamp, ++created_entries;
      s.each_download(r, [&](Month m, std::uint32_t) { lo = std::min(lo, int(m)), hi = std::max(hi, int(m)); });
    }
    end_item();
    it.reserve(items, created_entries, dl_entries);
    if (row_item) row_item->reserve(row_item->size() + n);
  }
  it.created_start.push_back(0);
  it.dl_start.push_back(0);
  if (with_sized) it.sized_start.push_back(0);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t r = row_at(i);
    const RowProfile p = profile_at(i);
    ItemKey key = p.key();
    if (!(key == current) || it.type.empty()) {
      flush();
      current = key;
      it.type.push_back(p.type);
      it.country.push_back(p.country);
      it.sector.push_back(p.sector);
      it.relation.push_back(p.relation);
      it.size.push_back(p.size);
      it.sdk.push_back(p.sdk);
      it.direct.push_back(p.direct);
      it.org.push_back(p.org);
      it.family.push_back(p.family);
      it.task.push_back(p.task);
      it.library.push_back(p.library);
      it.license.push_back(p.license);
      it.first_row.push_back(r);
    }
    if (row_item) row_item->push_back(std::uint32_t(it.type.size() - 1));
    ++item_rows;
    created.push_back(std::uint64_t(s.created[r]) << 32 | r);
    s.each_download(r, [&](Month m, std::uint32_t d) {
      dl_lo = std::min(dl_lo, int(m)), dl_hi = std::max(dl_hi, int(m));
      dl_acc[m] += d;
    });
    if (with_sized)
      each_sized_download(s, r, [&](Month m, std::size_t bin, std::uint64_t d, unsigned __int128 w) {
        sized.push_back({std::uint32_t(m) << 16 | std::uint32_t(bin), d, w});
      });
  }
  flush();
  it.first_row.push_back(rows.empty() ? std::uint32_t(n) : ~0u);
}

}  // namespace hubreport
