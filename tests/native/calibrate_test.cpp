// hubreport calibrate on a smaller seeded synthetic snapshot (through the real ingest path), and on a snapshot that
// cannot match the report.
#include <cstdio>
#include <filesystem>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "catch.hpp"
#include "cli_run.h"
#include "fixtures.h"

namespace fs = std::filesystem;
using hubreport::test::Run;
using hubreport::test::run;

namespace {
std::size_t count(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("a seeded 5% synthetic snapshot passes every published figure, scaled", "[calibrate]") {
  fs::path dir = fs::temp_directory_path() / ("hubreport-calibrate-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string d = dir.string();
  Run synth = run("synth -o " + d + "/dumps --scale 0.05 --seed 42");
  REQUIRE(synth.status == 0);
  Run build = run("build -o " + d + "/snap --id synthetic-test --kind synthetic --models " + d + "/dumps/models-*.jsonl --datasets " +
                  d + "/dumps/datasets-*.jsonl --spaces " + d + "/dumps/spaces-*.jsonl");
  INFO(build.out);
  REQUIRE(build.status == 0);
  Run cal = run("calibrate " + d + "/snap --scale 0.05");
  INFO(cal.out);
  CHECK(cal.status == 0);
  CHECK(count(cal.out, " pass\n") == 25);
  CHECK(cal.out.find("25 passed, 0 failed") != std::string::npos);
  // The same seed gives the same data: a second run writes byte-identical dumps.
  Run again = run("synth -o " + d + "/dumps2 --scale 0.05 --seed 42");
  REQUIRE(again.status == 0);
  CHECK(hubreport::test::read_text(d + "/dumps/models-2026-03-15.jsonl") == hubreport::test::read_text(d + "/dumps2/models-2026-03-15.jsonl"));
  fs::remove_all(dir);
}

TEST_CASE("calibrate fails, row by row, on data unlike the report", "[calibrate]") {
  fs::path dir = fs::temp_directory_path() / ("hubreport-calibrate-small-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string small = hubreport::test::source_path("tests/fixtures/small");
  REQUIRE(run("build -o " + dir.string() + " --date 2026-01-31 --models " + small + "/models.jsonl").status == 0);
  Run cal = run("calibrate " + dir.string());
  CHECK(cal.status != 0);
  CHECK(cal.out.find("FAIL") != std::string::npos);
  CHECK(cal.out.find("public models") != std::string::npos);
  fs::remove_all(dir);
}
