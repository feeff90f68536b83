// The command line end to end: build from gzipped and plain dumps, info, view, exit statuses and messages,
// and a damaged snapshot on disk (hash mismatch, truncated gzip, missing file).
#include <cstdio>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "catch.hpp"
#include "file_io.h"
#include "cli_run.h"
#include "fixtures.h"
#include "sha256.h"
#include "snapshot.h"

using namespace hubreport;
namespace fs = std::filesystem;
using hubreport::test::Run;
using hubreport::test::run;

namespace {

std::string temp_dir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("hubreport-cli-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

}  // namespace

TEST_CASE("hubreport build, info and view on a gzipped dump", "[cli]") {
  std::string dir = temp_dir("build");
  std::string small = test::source_path("tests/fixtures/small");
  // A gzipped copy of the models, named with its dump date.
  REQUIRE(write_file(dir + "/models-2026-01-31.jsonl.gz", gzip(test::read_text(small + "/models.jsonl"))).empty());
  Run b = run("build -o " + dir + "/snap --id cli-test --models " + dir + "/models-2026-01-31.jsonl.gz --datasets " + small +
              "/datasets.jsonl --spaces " + small + "/spaces.jsonl --date 2026-01-31");
  INFO(b.out);
  REQUIRE(b.status == 0);
  CHECK(b.out.find("11 repositories") != std::string::npos);
  Run info = run("info " + dir + "/snap");
  CHECK(info.status == 0);
  CHECK(info.out.find("\"id\":\"cli-test\"") != std::string::npos);
  CHECK(info.out.find("\"models\":7") != std::string::npos);
  Run v = run("view " + dir + "/snap --view sdks --format csv");
  CHECK(v.status == 0);
  CHECK(v.out == "month,sdk,repos\r\n2025-02,docker,1\r\n2025-03,gradio,1\r\n");
  Run bad_state = run("view " + dir + "/snap --view growth --state 'colour=red'");
  CHECK(bad_state.status != 0);
  CHECK(bad_state.out.find("unknown key 'colour'") != std::string::npos);
  Run bad_view = run("view " + dir + "/snap --view pie");
  CHECK(bad_view.status != 0);
  CHECK(bad_view.out.find("unknown view 'pie'") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("every command explains itself and fails clearly", "[cli]") {
  for (const char* cmd : {"build", "info", "view", "synth", "calibrate", "index"}) {
    Run h = run(std::string(cmd) + " --help");
    INFO(cmd << ": " << h.out);
    CHECK(h.status == 0);
    CHECK(h.out.find("usage: hubreport") != std::string::npos);
  }
  CHECK(run("").status != 0);
  Run unknown = run("frobnicate");
  CHECK(unknown.status != 0);
  CHECK(unknown.out.find("unknown command 'frobnicate'") != std::string::npos);
  Run no_input = run("build -o /tmp/x");
  CHECK(no_input.status != 0);
  CHECK(no_input.out.find("no input files") != std::string::npos);
  Run no_date = run("build -o /tmp/x --models " + test::source_path("tests/fixtures/small/models.jsonl"));
  CHECK(no_date.status != 0);
  CHECK(no_date.out.find("no dump date") != std::string::npos);
  Run missing = run("info /nonexistent/snapshot");
  CHECK(missing.status != 0);
  CHECK(missing.out.find("snapshot missing") != std::string::npos);
}

TEST_CASE("a malformed record stops the build with its line, or is skipped on request", "[cli]") {
  std::string dir = temp_dir("bad");
  REQUIRE(write_file(dir + "/models-2025-01-31.jsonl", "{\"id\":\"a/b\"}\n{\"id\":\"a/c\",\"likes\":\"x\"}\n{\"id\":\"a/d\"}\n").empty());
  Run fatal = run("build -o " + dir + "/snap --models " + dir + "/models-2025-01-31.jsonl");
  CHECK(fatal.status != 0);
  CHECK(fatal.out.find("line 2: likes: expected a number") != std::string::npos);
  Run skip = run("build -o " + dir + "/snap --skip-bad --models " + dir + "/models-2025-01-31.jsonl");
  CHECK(skip.status == 0);
  CHECK(skip.out.find("skipped 1 malformed records") != std::string::npos);
  CHECK(skip.out.find("2 repositories") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("damaged snapshot files on disk are caught before decoding", "[cli]") {
  std::string dir = temp_dir("damage");
  std::string small = test::source_path("tests/fixtures/small");
  REQUIRE(run("build -o " + dir + "/snap --date 2026-01-31 --models " + small + "/models.jsonl").status == 0);
  std::string rows = dir + "/snap/rows-0000.json.gz";
  std::string good = read_file(rows).value();

  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x20;
  REQUIRE(write_file(rows, flipped).empty());
  CHECK(run("info " + dir + "/snap").out.find("content hash does not match") != std::string::npos);

  REQUIRE(write_file(rows, good.substr(0, good.size() / 2)).empty());
  CHECK(run("info " + dir + "/snap").out.find("truncated or altered") != std::string::npos);

  fs::remove(rows);
  CHECK(run("info " + dir + "/snap").out.find("snapshot file missing") != std::string::npos);

  REQUIRE(write_file(rows, good).empty());
  CHECK(run("info " + dir + "/snap").status == 0);
  fs::remove_all(dir);
}

TEST_CASE("hubreport build writes the precomputed default views, listed and hashed", "[cli]") {
  std::string dir = temp_dir("views");
  std::string small = test::source_path("tests/fixtures/small");
  REQUIRE(run("build -o " + dir + "/snap --id views-test --date 2026-01-31 --models " + small + "/models.jsonl --datasets " +
              small + "/datasets.jsonl --spaces " + small + "/spaces.jsonl")
              .status == 0);
  auto manifest = parse_manifest(read_file(dir + "/snap/manifest.json").value());
  REQUIRE(manifest.ok());
  // The canonical query of the default state (s=ID and nothing else).
  CHECK(manifest->default_state == "s=views-test&v=2");
  const ManifestFile& f = manifest->files.back();
  CHECK(f.path == "default-views.json.gz");
  CHECK(f.role == "views");
  CHECK(f.rows == 0);
  std::size_t views_files = 0;
  for (auto& m : manifest->files) views_files += m.role == "views";
  CHECK(views_files == 1);
  std::string gz = read_file(dir + "/snap/" + f.path).value();
  CHECK(gz.size() == f.bytes);
  CHECK(sha256_hex(gz) == f.sha256);
  auto text = gunzip(gz, f.raw_bytes);
  REQUIRE(text.ok());
  CHECK(text->size() == f.raw_bytes);
  // Exactly what the engine answers for that state, read back from the snapshot.
  Run all = run("view " + dir + "/snap --view all --state '" + manifest->default_state + "'");
  REQUIRE(all.status == 0);
  CHECK(all.out == text.value() + "\n");
  CHECK(text->find("\"headline\":") != std::string::npos);
  CHECK(text->find("\"sdks\":") != std::string::npos);
  // The snapshot still reads without it: it is not a data part.
  fs::remove(dir + "/snap/" + f.path);
  CHECK(run("info " + dir + "/snap").status == 0);
  fs::remove_all(dir);
}

TEST_CASE("gunzip rejects damaged gzip", "[cli]") {
  std::string gz = gzip(std::string(10000, 'x'));
  CHECK(gunzip(gz).ok());
  CHECK_FALSE(gunzip(gz.substr(0, gz.size() - 10)).ok());
  std::string bad = gz;
  bad[20] ^= 0xFF;
  CHECK_FALSE(gunzip(bad).ok());
  CHECK(gunzip(gz + gz)->size() == 20000);  // concatenated members
}
