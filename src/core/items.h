// Repositories grouped into items: consecutive rows that agree on every filter dimension become one item whose
// creation months, likes and monthly downloads are summed. The views scan items instead of rows, so a filter change
// costs in proportion to the number of distinct profiles, not repositories. The builder orders rows so that equal
// profiles are adjacent; any other order is still correct, only less grouped.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "narrow.h"
#include "store.h"

namespace hubreport {

// Authors outside the kept set share this org value inside items (the long tail of individual accounts).
constexpr std::uint32_t kFoldedOrg = 0xFFFFFFFFu;

struct Items {
  // Filter dimensions, one value per item.
  std::vector<std::uint8_t> type, country, sector, relation, size, sdk, direct;  // direct: depth == 1
  std::vector<std::uint32_t> org, family;
  std::vector<std::uint16_t> task, library, license;
  std::vector<std::uint32_t> first_row;  // items cover consecutive rows of the source: [first_row[i], first_row[i+1])

  // Repositories created per month (kUnknownMonth for unknown dates) with their known likes.
  std::vector<std::uint32_t> created_start;
  std::vector<Month> created_month;
  RepoCounts created_repos;
  Sums created_likes;
  // Downloads per month, one sum per month from an item's first month with downloads to its last: item i's month
  // dl_begin[i] + j holds dl_sum[dl_start[i] + j], 0 for a month without downloads (1 in 18 in the default snapshot;
  // a month per sum would cost more). An item of one repository holds no sums: its dl_begin is kRowSeries and its
  // downloads are that repository's series in the store, which a copy would repeat (709K of the default snapshot's
  // 925K items, with 8.3M of its 13.3M monthly sums: 16.5 MB).
  std::vector<std::uint32_t> dl_start;
  std::vector<Month> dl_begin;
  Sums dl_sum;
  static constexpr Month kRowSeries = kUnknownMonth;  // never a download month
  bool row_series(std::size_t i) const { return dl_begin[i] == kRowSeries; }
  Month dl_month(std::size_t i, std::uint32_t k) const { return Month(dl_begin[i] + (k - dl_start[i])); }
  // f(month, downloads) for each month of item i with downloads, in ascending order of month.
  template <class F>
  void each_download(const Store& s, std::size_t i, F f) const {
    if (row_series(i)) return s.each_download(first_row[i], [&](Month m, std::uint32_t d) { f(m, std::uint64_t(d)); });
    const Month begin = dl_begin[i];
    const std::uint32_t first = dl_start[i];
    dl_sum.each(first, dl_start[i + 1], [&](std::size_t k, std::uint64_t d) {
      if (d) f(Month(begin + (k - first)), d);
    });
  }
  // The last month with downloads of item i (0 when none).
  Month last_download_month(const Store& s, std::size_t i) const;
  // Appends the current (last) item's downloads from (month, sum) pairs in ascending order of month.
  template <class Pairs>
  void append_downloads(const Pairs& pairs) {
    dl_begin.push_back(pairs.empty() ? Month(0) : Month(pairs.front().first));
    for (std::size_t j = 0; j < pairs.size(); ++j) {
      for (auto m = j ? pairs[j - 1].first + 1 : pairs[j].first; m < pairs[j].first; ++m) dl_sum.push_back(0);
      dl_sum.push_back(pairs[j].second);
    }
    dl_start.push_back(std::uint32_t(dl_sum.size()));
  }
  // Downloads of models with a known parameter count, per month: their sum and their parameter-weighted sum (for the
  // exact mean), then split by log2 parameter bin (16 bins per doubling, for the median). Only when grouped
  // with_sized: the engine's main table leaves them out (they would be its largest part) and reads them from the rows
  // when it needs them.
  bool has_sized = false;
  std::vector<std::uint32_t> sized_start;  // per item: its months [sized_start[i], sized_start[i + 1])
  std::vector<Month> sized_month;
  std::vector<std::uint64_t> sized_known;
  std::vector<unsigned __int128> sized_weighted;
  std::vector<std::uint32_t> sized_bin_start{0};  // per month entry: its bins [sized_bin_start[k], sized_bin_start[k + 1])
  std::vector<std::uint16_t> sized_bin;
  std::vector<std::uint64_t> sized_dl;
  // Adds to the current (last) item, in ascending order of month then bin; equal (month, bin) pairs are summed.
  void add_sized(Month month, std::uint16_t bin, std::uint64_t dl, unsigned __int128 weighted);

  std::size_t count() const { return type.size(); }
  std::size_t memory_bytes() const;
  // Room for exactly this many items and creation and download entries.
  void reserve(std::size_t items, std::size_t created_entries, std::size_t dl_entries);
};

// Log2 bin of a parameter count (16 bins per doubling) and the bin's midpoint.
std::size_t param_bin(std::uint64_t params);
double param_bin_mid(std::size_t bin);

// Lifetime downloads (the sum of the monthly series) per author.
std::vector<std::uint64_t> author_downloads(const Store& store);
// Authors kept apart (not folded): every curated publisher, and the most downloaded and most prolific accounts.
std::vector<std::uint8_t> kept_authors(const Store& store, const std::vector<std::uint64_t>& downloads,
                                       std::size_t per_measure = 2000);
// The item profile of a row, comparable for grouping and sorting (the builder orders rows by it).
struct ItemKey {
  std::uint64_t a, b, c;
  bool operator==(const ItemKey& o) const { return a == o.a && b == o.b && c == o.c; }
  bool operator<(const ItemKey& o) const { return a != o.a ? a < o.a : b != o.b ? b < o.b : c < o.c; }
};
// A row's filter dimensions as an item holds them (org: kFoldedOrg for an author outside the kept set).
struct RowProfile {
  std::uint8_t type, country, sector, relation, size, sdk, direct;
  std::uint16_t task, library, license;
  std::uint32_t org, family;
  ItemKey key() const;
};
RowProfile row_profile(const Store& s, const std::vector<std::uint8_t>& kept, std::size_t row);
// Item i's profile: that of each of its rows.
RowProfile item_profile(const Items& it, std::size_t i);
inline ItemKey item_key(const Store& s, const std::vector<std::uint8_t>& kept, std::size_t row) {
  return row_profile(s, kept, row).key();
}

// Groups the given rows (all rows when `rows` is empty), in their order. row_item, when given, receives the item
// of each grouped row, in the same order. profiles, when given, holds each given row's profile (rows[i]'s at i):
// the store's filter columns are then not read, so an engine that has released them (engine.h) can still group.
// Into `it`, a new (empty) Items: the tables are filled where they stay, as no Items is ever moved (the move
// assignment of its thirty columns took 2.6 KB of the wasm module).
void group_rows(Items& it, const Store& s, const std::vector<std::uint8_t>& kept, const std::vector<std::uint32_t>& rows,
                std::vector<std::uint32_t>* row_item, bool with_sized, const std::vector<RowProfile>* profiles = nullptr);

// f(month, param bin, downloads, parameter-weighted downloads) for each download month of a model row with a known
// parameter count: what the sized entries sum.
template <class F>
void each_sized_download(const Store& s, std::uint32_t r, F f) {
  std::uint64_t params = s.params[r];
  if (!params || s.type[r] != std::uint8_t(RepoType::model)) return;
  std::size_t bin = param_bin(params);
  s.each_download(r, [&](Month m, std::uint32_t d) { f(m, bin, std::uint64_t(d), static_cast<unsigned __int128>(params) * d); });
}


}  // namespace hubreport
