// On the full default snapshot (4.4M repositories), the fast paths (postings, rolled-up tables, the orgs and
// families bounds, the packed concentration walk) must give exactly what plain scans give: the small random stores
// of the unit tests cannot reach every branch of the bounds.
#include <filesystem>
#include <string>

#include "catch.hpp"
#include "engine.h"
#include "snapshot_files.h"

using namespace hubreport;

TEST_CASE("fast paths equal plain scans on the full default snapshot", "[full]") {
  const std::string dir = std::string(HUBREPORT_SOURCE_DIR) + "/build/site/snapshots/synthetic-2026-03";
  INFO("needs the default snapshot: run scripts/build.sh first");
  REQUIRE(std::filesystem::exists(dir + "/manifest.json"));
  auto store = read_snapshot_dir(dir);
  REQUIRE(store.ok());
  Engine engine(std::move(store.value()));
  const char* states[] = {"", "type=model&from=2025-01", "sector=community", "license=apache-2.0", "size=1to9b",
                          "from=2023-01&to=2023-12", "type=space", "country=CN", "sector=community&from=2026-01",
                          "relation=quantized&from=2024-06&to=2024-09", "task=text-generation&type=model",
                          "org=Qwen", "family=Qwen&relation=quantized"};
  for (const char* q : states) {
    INFO(q);
    ViewState st = parse_state(q).value();
    engine.set_fast_paths(true);
    std::string fast = engine.all_views_json(st).value();
    engine.set_fast_paths(false);
    CHECK(fast == engine.all_views_json(st).value());
  }
}
