// Every input a fuzzer once crashed on (tests/fuzz_regressions/<target>/) runs again here, natively and in wasm.
#include <dirent.h>

#include "catch.hpp"
#include "fixtures.h"

using namespace hubreport;
using namespace hubreport::test;

namespace {
std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') out.push_back(dir + "/" + e->d_name);
    closedir(d);
  }
  return out;
}
}  // namespace

TEST_CASE("inputs that once crashed the ingest fuzzer are handled", "[fuzz]") {
  auto files = files_in(source_path("tests/fuzz_regressions/ingest"));
  CHECK_FALSE(files.empty());
  ReferenceTables tables;
  tables.taxonomy = {{"text-generation", Modality::text}};
  for (auto& f : files) {
    INFO(f);
    BuildOptions opt;
    opt.skip_bad = true;
    Builder b(tables, opt);
    std::string text = read_text(f);
    if (b.add_dump(RepoType::model, "2025-06-30", f, text).empty()) {
      auto store = b.finish();
      if (store) CHECK(Engine(std::move(store.value())).all_views_json(ViewState{}).ok());
    }
  }
}

TEST_CASE("inputs that once crashed the state fuzzer are handled", "[fuzz]") {
  for (auto& f : files_in(source_path("tests/fuzz_regressions/state"))) {
    INFO(f);
    auto st = parse_state(read_text(f));
    if (st) CHECK(parse_state(print_state(st.value())).value() == st.value());
    else CHECK_FALSE(st.error().empty());
  }
}
