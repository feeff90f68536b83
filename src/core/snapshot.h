// The snapshot format (docs/contracts.md section 3): a manifest plus gzip-compressed JSON parts with
// dictionary-encoded, integer columns in row groups. This layer sees only uncompressed text; compression and
// hashing of the files happen in the native and browser front doors.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"
#include "store.h"

namespace hubreport {

// 2: lifetime downloads stored as what they add to the series; 3: download months after a series' first as the
// months skipped; 4: download series as spans of months sharing a total (the builder's evenly spread dump gaps).
constexpr int kSnapshotVersion = 4;
constexpr std::size_t kRowsPerGroup = 65536;

struct SnapshotPart {
  std::string path;  // "dicts.json.gz", "rows-0000.json.gz"
  std::string role;  // "dicts", "rows", or "views" (the precomputed default views: not a data part)
  std::size_t rows = 0;
  std::string text;  // uncompressed JSON
  // Filled in by whoever compresses the part:
  std::size_t bytes = 0;
  std::string sha256;
};

std::vector<SnapshotPart> encode_snapshot(const Store& store, std::size_t rows_per_group = kRowsPerGroup);
// default_state: the canonical state the "views" part answers (written as "default_state" when not empty).
std::string encode_manifest(const Store& store, const std::vector<SnapshotPart>& parts,
                            const std::string& default_state = "");

// The precomputed answer of Engine::all_views_json for the snapshot's default state (print_state of {s=ID}).
constexpr const char* kDefaultViewsFile = "default-views.json.gz";

struct ManifestFile {
  std::string path, role, sha256;
  std::size_t rows = 0, bytes = 0, raw_bytes = 0;
};
struct Manifest {
  int version = 0;
  SnapshotInfo info;
  std::size_t repositories = 0, models = 0, datasets = 0, spaces = 0, series_points = 0;
  std::vector<ManifestFile> files;  // data parts (dicts, rows...), then at most one "views" file
  std::string default_state;        // the canonical state the views file answers ("" without one)
};
Result<Manifest> parse_manifest(std::string_view text);

// Builds a Store from a manifest and its parts, fed one at a time (each part's text is parsed and dropped,
// so peak memory stays near the store itself).
class SnapshotLoader {
 public:
  SnapshotLoader();
  ~SnapshotLoader();
  Status begin(std::string_view manifest_text);
  Status add_part(std::size_t index, std::string_view text);
  Result<Store> finish();
  const Manifest& manifest() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// JSON summary of a loaded snapshot (id, date, kind, counts, series range) for `hubreport info` and the page.
std::string snapshot_info_json(const Store& store);

}  // namespace hubreport
