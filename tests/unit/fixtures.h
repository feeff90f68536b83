// Test support: read fixture files and build an Engine through the real path (builder -> snapshot encoding ->
// loader), without gzip so it runs the same natively and in wasm.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "builder.h"
#include "engine.h"
#include "snapshot.h"

namespace hubreport::test {

inline std::string source_path(const std::string& rel) { return std::string(HUBREPORT_SOURCE_DIR) + "/" + rel; }

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline ReferenceTables fixture_tables(const std::string& dir) {
  ReferenceTables t;
  t.publishers = parse_publishers(read_text(dir + "/publishers.csv")).value();
  t.families = parse_families(read_text(dir + "/families.csv")).value();
  t.taxonomy = parse_taxonomy(read_text(dir + "/taxonomy.tsv")).value();
  return t;
}

// Round-trips a store through the snapshot format (encode, then load part by part).
inline Result<Store> round_trip(const Store& store) {
  auto parts = encode_snapshot(store, 4);  // tiny row groups so fixtures span several
  for (auto& p : parts) p.sha256 = std::string(64, '0');
  SnapshotLoader loader;
  Status err = loader.begin(encode_manifest(store, parts));
  if (!err.empty()) return Result<Store>::failure(err);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    err = loader.add_part(i, parts[i].text);
    if (!err.empty()) return Result<Store>::failure(err);
  }
  return loader.finish();
}

// Rebuilds every row's download series from f(row, pairs), which may change the row's (month, downloads) pairs.
template <class F>
void rewrite_series(Store& s, F f) {
  Store out;
  out.series_start.push_back(0);
  std::vector<std::pair<Month, std::uint32_t>> pairs;
  for (std::size_t r = 0; r < s.rows(); ++r) {
    pairs.clear();
    s.each_download(r, [&](Month m, std::uint32_t d) { pairs.emplace_back(m, d); });
    f(r, pairs);
    out.append_series(pairs);
  }
  s.series_start = std::move(out.series_start), s.series_begin = std::move(out.series_begin);
  s.series_downloads = std::move(out.series_downloads);
}

struct Dump {
  RepoType type;
  std::string date, file;
};

inline Result<Store> build_fixture(const std::string& dir, const std::vector<Dump>& dumps, const std::string& date = "") {
  static ReferenceTables tables;  // the builder keeps a reference
  tables = fixture_tables(dir);
  BuildOptions opt;
  opt.id = "fixture";
  opt.date = date;
  Builder b(tables, opt);
  for (auto& d : dumps) {
    Status err = b.add_dump(d.type, d.date, d.file, read_text(dir + "/" + d.file));
    if (!err.empty()) return Result<Store>::failure(err);
  }
  auto store = b.finish();
  if (!store) return store;
  return round_trip(store.value());
}

inline Engine small_engine() {
  std::string dir = source_path("tests/fixtures/small");
  auto store = build_fixture(dir, {{RepoType::model, "2026-01-31", "models.jsonl"},
                                   {RepoType::dataset, "2026-01-31", "datasets.jsonl"},
                                   {RepoType::space, "2026-01-31", "spaces.jsonl"}});
  if (!store) throw std::runtime_error(store.error());
  return Engine(std::move(store.value()));
}

}  // namespace hubreport::test
