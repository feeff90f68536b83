// Snapshot directories on disk: write (compress + hash) and read (verify sizes and hashes, then decode).
#pragma once
#include <string>

#include "result.h"
#include "store.h"

namespace hubreport {

struct WriteReport {
  std::size_t files = 0, bytes = 0, raw_bytes = 0;
};
// The precomputed views the page draws before its engine is ready: the engine's `views` answer for `state`.
struct DefaultViews {
  std::string state;  // canonical query (print_state of the snapshot's default state)
  std::string json;   // Engine::all_views_json for it
};
// Writes the data parts, then (if `views`) default-views.json.gz listed last with role "views", then manifest.json.
Result<WriteReport> write_snapshot_dir(const Store& store, const std::string& dir, const DefaultViews* views = nullptr);
Result<Store> read_snapshot_dir(const std::string& dir);
// snapshots/index.json for a site: every subdirectory holding a manifest.json, the default first.
Status write_snapshot_index(const std::string& snapshots_dir, const std::string& default_id);

}  // namespace hubreport
