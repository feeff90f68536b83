// The columnar store: one row per repository, dictionary-encoded strings, integer columns,
// and a sparse monthly downloads series (CSR). What the snapshot holds and what the views read.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dims.h"
#include "month.h"
#include "names.h"
#include "narrow.h"

namespace hubreport {

constexpr std::uint32_t kUnknownCount = 0xFFFFFFFFu;
constexpr std::uint64_t kUnknownTotal = ~std::uint64_t(0);
// Lifetime downloads above this (2^48 - 1, 281 trillion: a thousand times the whole Hub's) are refused as corrupt: no
// real record comes near, and 65,536 of them still sum exactly in 64 bits.
constexpr std::uint64_t kMaxLifetime = (std::uint64_t(1) << 48) - 1;

// Month j (from 0) of `months` months over which `total` downloads are spread evenly, as the builder spreads a dump
// gap's lifetime difference and the snapshot's series spans are decoded: the first total % months months get one more.
constexpr std::uint64_t evenly_spread(std::uint64_t total, std::uint64_t months, std::uint64_t j) {
  return total / months + (j < total % months ? 1 : 0);
}

struct SnapshotInfo {
  std::string id, date, kind, provenance;  // date "YYYY-MM-DD"; kind "synthetic" or "real"
  Month month = kUnknownMonth;             // the snapshot date's month: "now" for the views
  Month series_first = kUnknownMonth;      // first month with download data
  bool single_dump = true;                 // downloads come from one dump: "last 30 days", not a history
};

struct Store {
  SnapshotInfo info;

  // Dictionaries. Index 0 is "unknown" (countries, tasks, libraries, licenses), "(none)" (authors: legacy ids
  // without a namespace) or "" (families: not part of any base-model chain).
  Names countries, authors, tasks, libraries, licenses, families;  // packed (names.h)
  std::vector<std::uint8_t> author_country, author_sector;  // per author: index into countries, Sector
  std::vector<std::uint8_t> task_modality;                  // per task: Modality

  // Columns.
  std::vector<std::uint8_t> type, relation, sdk, depth;  // depth: steps from the family root (0 = root/none)
  std::vector<std::uint32_t> author, family;
  std::vector<std::uint16_t> task, library, license;
  std::vector<Month> created;                     // kUnknownMonth when createdAt is absent
  std::vector<std::uint32_t> downloads30;  // kUnknownCount when absent
  Likes likes;                             // kUnknownCount when absent
  LifetimeDownloads downloads_all;         // kUnknownTotal when absent; models' only in a lean engine's store
  Params params;                                  // 0 when unknown
  // Monthly downloads, one value per month from a row's first month with downloads to its last: row r's series
  // is the months in bytes [series_start[r], series_start[r + 1]) of series_downloads (runs of evenly spread
  // months, narrow.h), its j-th for month series_begin[r] + j, 0 for a month without downloads inside the series.
  // Series are nearly always unbroken, so a month per value would cost more than the rare empty months do.
  SeriesStarts series_start;                // rows + 1 byte offsets into series_downloads
  std::vector<Month> series_begin;          // per row: the first month of its series (0 when it has none); empty in
                                            // a lean store, which keeps only the unusual ones (series_first_month)
  MonthlyCounts series_downloads;
  // Row r's first month with downloads (its series' first). A row's is usually its creation month, or the first month
  // of download data for a repository created before it (4,371,647 of the default snapshot's 4.4M rows): a lean store
  // keeps a bit per row saying which are not, and their months, where the column took 8.8 MB.
  Month usual_series_begin(std::size_t r) const {
    const Month c = created[r];
    return c == kUnknownMonth || c < info.series_first ? info.series_first : c;
  }
  Month series_first_month(std::size_t r) const;  // out of line: inlined into every reader of a series, 1.4 KB of module
  // Bytes [first, end) of row r's series in series_downloads: out of line, as two offsets read inline into every
  // reader of a series took 1.2 KB of module.
  struct SeriesBytes {
    std::size_t first, end;
  };
  SeriesBytes series_bytes(std::size_t r) const;
  bool has_series(std::size_t r) const {
    const auto b = series_bytes(r);
    return b.end > b.first;
  }
  // Months in row r's series, the empty ones inside it included.
  std::size_t series_months(std::size_t r) const {
    const auto b = series_bytes(r);
    return series_downloads.count(b.first, b.end);
  }
  // f(month, downloads) for each month of row r with downloads, in ascending order of month.
  template <class F>
  void each_download(std::size_t r, F f) const {
    Month m = series_first_month(r);
    const auto b = series_bytes(r);
    series_downloads.each(b.first, b.end, [&](std::uint32_t d) {
      if (d) f(m, d);
      ++m;
    });
  }
  // Appends row `rows() - 1`'s series from (month, downloads) pairs in strictly ascending order of month.
  template <class Pairs>
  void append_series(const Pairs& pairs) {
    series_begin.push_back(pairs.empty() ? Month(0) : Month(pairs.front().first));
    for (std::size_t j = 0; j < pairs.size(); ++j) {
      for (auto m = j ? pairs[j - 1].first + 1 : pairs[j].first; m < pairs[j].first; ++m) series_downloads.push_back(0);
      series_downloads.push_back(std::uint32_t(pairs[j].second));
    }
    series_downloads.end_series();
    series_start.push_back(std::uint32_t(series_downloads.size()));
  }
  // Months with downloads, over every row.
  std::size_t series_points() const;

  // Derived once after loading (not stored in the snapshot): per-row publisher country and sector, size bucket.
  std::vector<std::uint8_t> row_country, row_sector, size;

  std::size_t rows() const { return type.size(); }
  // The same repositories in another order (order[i] = the old row that becomes row i); derived fields included.
  Store permuted(const std::vector<std::uint32_t>& order) const;
  void derive_row_fields();
  // Gives back the per-row filter columns (all but type) and author, once an engine's items hold them, and the
  // lifetime downloads of the rows after the last model (only models' are read; rows are ordered by type, so the
  // default snapshot's 1.9M datasets and spaces give back 7.6 MB): the page's engine needs the memory. The store can
  // then no longer be validated, permuted, grouped by row or written.
  void release_filter_columns();
  // Checks that every index is in range and every stored column has the same length. "" when sound.
  // Run before derive_row_fields, which trusts the indexes.
  std::string validate() const;
  std::size_t memory_bytes() const;
  std::size_t series_begin_bytes() const {
    return series_begin.capacity() * sizeof(Month) + unusual_begin_.memory_bytes() +
           unusual_begin_months_.capacity() * sizeof(Month);
  }

 private:
  Presence unusual_begin_;                  // a lean store's rows whose series begin elsewhere
  std::vector<Month> unusual_begin_months_;  // and where, in row order
};

}  // namespace hubreport
