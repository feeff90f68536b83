#include "snapshot_files.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <filesystem>

#include "file_io.h"
#include "json_writer.h"
#include "sha256.h"
#include "snapshot.h"

namespace hubreport {

Result<WriteReport> write_snapshot_dir(const Store& store, const std::string& dir, const DefaultViews* views) {
  using R = Result<WriteReport>;
  Status err = make_dirs(dir);
  if (!err.empty()) return R::failure(err);
  auto parts = encode_snapshot(store);
  if (views) parts.push_back(SnapshotPart{kDefaultViewsFile, "views", 0, views->json, 0, ""});
  // Compressing is most of the writing time and parts are independent: one worker per core.
  std::vector<std::string> errors(parts.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < parts.size();) {
      // Written once, downloaded by every reader: the slowest, smallest level.
      std::string gz = gzip(parts[i].text, 12);
      parts[i].bytes = gz.size();
      parts[i].sha256 = sha256_hex(gz);
      errors[i] = write_file(dir + "/" + parts[i].path, gz);
    }
  };
  std::vector<std::thread> workers(std::max(1u, std::thread::hardware_concurrency()) - 1);
  for (auto& w : workers) w = std::thread(work);
  work();
  for (auto& w : workers) w.join();
  WriteReport rep;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!errors[i].empty()) return R::failure(errors[i]);
    rep.files += 1, rep.bytes += parts[i].bytes, rep.raw_bytes += parts[i].text.size();
  }
  std::string manifest = encode_manifest(store, parts, views ? views->state : std::string());
  err = write_file(dir + "/manifest.json", manifest);
  if (!err.empty()) return R::failure(err);
  rep.bytes += manifest.size();
  return rep;
}

Result<Store> read_snapshot_dir(const std::string& dir) {
  using R = Result<Store>;
  auto manifest = read_file(dir + "/manifest.json");
  if (!manifest) return R::failure("snapshot missing: " + manifest.error());
  SnapshotLoader loader;
  Status err = loader.begin(manifest.value());
  if (!err.empty()) return R::failure(dir + ": " + err);
  const auto& files = loader.manifest().files;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    if (f.role == "views") continue;  // the page's precomputed default views: not data
    auto gz = read_file(dir + "/" + f.path);
    if (!gz) return R::failure("snapshot file missing: " + gz.error());
    if (gz->size() != f.bytes)
      return R::failure(f.path + ": " + std::to_string(gz->size()) + " bytes, manifest says " + std::to_string(f.bytes) +
                        " (truncated or altered)");
    if (sha256_hex(gz.value()) != f.sha256) return R::failure(f.path + ": content hash does not match the manifest");
    auto raw = gunzip(gz.value(), f.raw_bytes);
    if (!raw) return R::failure(f.path + ": " + raw.error());
    err = loader.add_part(i, raw.value());
    if (!err.empty()) return R::failure(err);
  }
  return loader.finish();
}

Status write_snapshot_index(const std::string& snapshots_dir, const std::string& default_id) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, Manifest>> found;
  std::error_code ec;
  for (auto& entry : fs::directory_iterator(snapshots_dir, ec)) {
    if (!entry.is_directory()) continue;
    auto text = read_file(entry.path().string() + "/manifest.json");
    if (!text) continue;
    auto m = parse_manifest(text.value());
    if (!m) return entry.path().string() + ": " + m.error();
    if (m->info.id != entry.path().filename().string())
      return entry.path().string() + ": the directory name must equal the snapshot id '" + m->info.id + "'";
    found.emplace_back(m->info.id, std::move(m.value()));
  }
  if (ec) return snapshots_dir + ": " + ec.message();
  auto def = std::find_if(found.begin(), found.end(), [&](auto& f) { return f.first == default_id; });
  if (def == found.end()) return "default snapshot '" + default_id + "' is not in " + snapshots_dir;
  std::sort(found.begin(), found.end(), [&](auto& a, auto& b) {
    if ((a.first == default_id) != (b.first == default_id)) return a.first == default_id;
    return a.second.info.date > b.second.info.date;
  });
  std::string out = "{\"default\":";
  append_json_string(out, default_id);
  out += ",\"snapshots\":[";
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Manifest& m = found[i].second;
    std::size_t bytes = 0;
    for (auto& f : m.files) bytes += f.bytes;
    out += i ? ",\n  " : "\n  ";
    JsonObject j(out);
    j.text("id", m.info.id).text("date", m.info.date).text("kind", m.info.kind).uint("repositories", m.repositories);
    j.uint("bytes", bytes).close();
  }
  out += "\n]}\n";
  return write_file(snapshots_dir + "/index.json", out);
}

}  // namespace hubreport
