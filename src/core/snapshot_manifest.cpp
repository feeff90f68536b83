// The snapshot manifest: what the files are, their sizes and hashes, and the counts the parts must add up to.
// Read once per load, so it lives apart from the row decoder and is built for size in the wasm module.
#include "simdjson.h"
#include "snapshot.h"
#include "state.h"

namespace hubreport {

namespace sj = simdjson::ondemand;

Result<Manifest> parse_manifest(std::string_view text) {
  using R = Result<Manifest>;
  simdjson::padded_string padded(text);
  sj::parser parser;
  sj::document doc;
  sj::object obj;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(obj)) return R::failure("manifest is not a JSON object");
  Manifest m;
  std::string_view format, id, date, kind, provenance;
  std::int64_t version = 0;
  bool single = true;
  auto bad = [](const std::string& why) { return R::failure("manifest: " + why); };
  if (obj["format"].get_string().get(format) || format != "hubreport-snapshot") return bad("not a hubreport snapshot manifest");
  if (obj["version"].get_int64().get(version)) return bad("no format version");
  if (version != kSnapshotVersion)
    return bad("format version " + std::to_string(version) + " is not supported (this build reads version " +
               std::to_string(kSnapshotVersion) + "); rebuild the snapshot or update the page");
  m.version = int(version);
  if (obj["id"].get_string().get(id) || !is_valid_snapshot_id(id)) return bad("missing or invalid id");
  if (obj["date"].get_string().get(date) || date.size() != 10 || !parse_month(date)) return bad("missing or invalid date");
  if (obj["kind"].get_string().get(kind) || (kind != "synthetic" && kind != "real")) return bad("kind must be synthetic or real");
  if (obj["provenance"].get_string().get(provenance)) return bad("missing provenance");
  if (obj["single_dump"].get_bool().get(single)) return bad("missing single_dump");
  m.info.id = std::string(id);
  m.info.date = std::string(date);
  m.info.kind = std::string(kind);
  m.info.provenance = std::string(provenance);
  m.info.month = *parse_month(date);
  m.info.single_dump = single;
  sj::object counts;
  if (obj["counts"].get_object().get(counts)) return bad("missing counts");
  std::uint64_t v[5];
  const char* names[5] = {"repositories", "models", "datasets", "spaces", "series_points"};
  for (int i = 0; i < 5; ++i)
    if (counts[names[i]].get_uint64().get(v[i])) return bad(std::string("missing count '") + names[i] + "'");
  m.repositories = v[0], m.models = v[1], m.datasets = v[2], m.spaces = v[3], m.series_points = v[4];
  if (m.models + m.datasets + m.spaces != m.repositories) return bad("type counts do not add up to the repositories");
  sj::array files;
  if (obj["files"].get_array().get(files)) return bad("missing files");
  std::size_t rows = 0;
  for (auto f : files) {
    ManifestFile mf;
    std::string_view path, role, sha;
    std::uint64_t frows, bytes, raw;
    sj::object fo;
    if (f.get_object().get(fo) || fo["path"].get_string().get(path) || fo["role"].get_string().get(role) ||
        fo["rows"].get_uint64().get(frows) || fo["bytes"].get_uint64().get(bytes) || fo["raw_bytes"].get_uint64().get(raw) ||
        fo["sha256"].get_string().get(sha))
      return bad("a file entry lacks path, role, rows, bytes, raw_bytes or sha256");
    bool safe_path = !path.empty() && path.size() < 64 && path.find("..") == std::string_view::npos &&
                     path.find('/') == std::string_view::npos && path.find('\\') == std::string_view::npos;
    if (!safe_path) return bad("unsafe file path");
    if (role != "dicts" && role != "rows" && role != "views") return bad("unknown file role");
    if (role == "views" && frows != 0) return bad("the views file holds no rows");
    if (sha.size() != 64) return bad("sha256 must be 64 hex digits");
    if (raw > (std::uint64_t(1) << 31)) return bad("a part larger than 2 GiB");
    mf.path = std::string(path), mf.role = std::string(role), mf.sha256 = std::string(sha);
    mf.rows = frows, mf.bytes = bytes, mf.raw_bytes = raw;
    rows += role == "rows" ? frows : 0;
    m.files.push_back(std::move(mf));
  }
  if (m.files.empty() || m.files[0].role != "dicts") return bad("the first file must be the dictionaries");
  // Data parts first (dictionaries, then row groups), then at most one precomputed views file: not a data part.
  std::size_t data_parts = m.files.size();
  if (m.files.back().role == "views") --data_parts;
  for (std::size_t i = 1; i < m.files.size(); ++i) {
    if (m.files[i].role == "views" && i + 1 != m.files.size()) return bad("the views file must be listed last, and only once");
    if (m.files[i].role == "dicts") return bad("only one dictionaries file is allowed");
  }
  std::string_view default_state;
  if (obj["default_state"].get_string().get(default_state) == simdjson::SUCCESS) {
    if (default_state.size() > 4096) return bad("default_state too long");
    m.default_state = std::string(default_state);
  }
  if (data_parts < m.files.size() && m.default_state.empty())
    return bad("a views file needs default_state (the state it answers)");
  if (rows != m.repositories)
    return bad("row groups hold " + std::to_string(rows) + " rows but counts say " + std::to_string(m.repositories));
  return m;
}

}  // namespace hubreport
