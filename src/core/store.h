// The columnar store: one row per repository, dictionary-encoded strings, integer columns,
// and a sparse monthly downloads series (CSR). What the snapshot holds and what the views read.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dims.h"
#include "month.h"

namespace hubreport {

constexpr std::uint32_t kUnknownCount = 0xFFFFFFFFu;
constexpr std::uint64_t kUnknownTotal = ~std::uint64_t(0);

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
  std::vector<std::string> countries, authors, tasks, libraries, licenses, families;
  std::vector<std::uint8_t> author_country, author_sector;  // per author: index into countries, Sector
  std::vector<std::uint8_t> task_modality;                  // per task: Modality

  // Columns.
  std::vector<std::uint8_t> type, relation, sdk, depth;  // depth: steps from the family root (0 = root/none)
  std::vector<std::uint32_t> author, family;
  std::vector<std::uint16_t> task, library, license;
  std::vector<Month> created;                     // kUnknownMonth when createdAt is absent
  std::vector<std::uint32_t> downloads30, likes;  // kUnknownCount when absent
  std::vector<std::uint64_t> downloads_all;       // kUnknownTotal when absent
  std::vector<std::uint64_t> params;              // 0 when unknown
  std::vector<std::uint32_t> series_start;        // rows + 1 offsets into series_*
  std::vector<Month> series_month;
  std::vector<std::uint32_t> series_downloads;

  // Derived once after loading (not stored in the snapshot): per-row publisher country and sector, size bucket.
  std::vector<std::uint8_t> row_country, row_sector, size;

  std::size_t rows() const { return type.size(); }
  // The same repositories in another order (order[i] = the old row that becomes row i); derived fields included.
  Store permuted(const std::vector<std::uint32_t>& order) const;
  void derive_row_fields();
  // Checks that every index is in range and every stored column has the same length. "" when sound.
  // Run before derive_row_fields, which trusts the indexes.
  std::string validate() const;
  std::size_t memory_bytes() const;
};

}  // namespace hubreport
