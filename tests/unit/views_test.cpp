// Every view on the hand-made fixture: tests/fixtures/small/cases.txt holds view | state | expected slice.
#include <sstream>

#include "catch.hpp"
#include "fixtures.h"

using namespace hubreport;
using namespace hubreport::test;

namespace {
std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}
}  // namespace

TEST_CASE("views on the small fixture match the hand-computed slices", "[views]") {
  Engine engine = small_engine();
  std::istringstream cases(read_text(source_path("tests/fixtures/small/cases.txt")));
  std::string line;
  int checked = 0;
  while (std::getline(cases, line)) {
    if (trim(line).empty() || line[0] == '#') continue;
    auto a = line.find('|'), b = line.find('|', a + 1);
    REQUIRE(b != std::string::npos);
    std::string view = trim(line.substr(0, a)), query = trim(line.substr(a + 1, b - a - 1)), expected = trim(line.substr(b + 1));
    auto state = parse_state(query);
    REQUIRE(state.ok());
    auto slice = engine.view(state.value(), view);
    REQUIRE(slice.ok());
    INFO(view << " | " << query);
    CHECK(slice_json(slice.value()) == expected);
    ++checked;
  }
  CHECK(checked >= 18);
}

TEST_CASE("concentration: top-N, under-K and the Lorenz curve", "[views]") {
  Engine engine = small_engine();
  auto slice = engine.view(parse_state("").value(), "concentration");
  REQUIRE(slice.ok());
  auto find = [&](const std::string& measure, double n) -> const std::vector<Cell>* {
    for (auto& row : slice->rows) {
      double rn = row[1].kind == Cell::Kind::integer ? double(row[1].i) : row[1].d;
      if (row[0].s == measure && std::abs(rn - n) < 1e-9) return &row;
    }
    return nullptr;
  };
  // Lifetimes known for 6 models: 90000, 50000, 40000, 199, 150, 0 (total 180349); bert's is unknown.
  REQUIRE(find("top_models", 10));
  CHECK((*find("top_models", 10))[2].d == Approx(1.0));
  CHECK((*find("models_under", 1))[2].d == Approx(1.0 / 6));
  CHECK((*find("models_under", 200))[2].d == Approx(0.5));
  CHECK((*find("unknown_lifetime", 1))[2].d == Approx(1.0 / 7));
  // Lorenz at 0.5: the bottom 3 models (0, 150, 199) hold 349 of 180349.
  CHECK((*find("lorenz", 0.5))[2].d == Approx(349.0 / 180349).margin(1e-6));
  CHECK((*find("lorenz", 1))[2].d == Approx(1.0));
  CHECK((*find("lorenz", 0))[2].d == Approx(0.0));
}

TEST_CASE("all views in one call equal the views one by one", "[views]") {
  Engine engine = small_engine();
  ViewState st = parse_state("from=2025-01&sector=community").value();
  auto all = engine.all_views_json(st);
  REQUIRE(all.ok());
  for (auto name : kViewNames) {
    auto one = engine.view(st, name);
    REQUIRE(one.ok());
    CHECK(all->find("\"" + std::string(name) + "\":" + slice_json(one.value())) != std::string::npos);
  }
  CHECK_FALSE(engine.view(st, "nope").ok());
}

TEST_CASE("CSV output quotes and defuses text", "[views]") {
  Slice s{"x", {"name", "n"}, {{Cell::text("=cmd()"), Cell::integer(1)}, {Cell::text("a,\"b\""), Cell::null()}}};
  CHECK(slice_csv(s) == "name,n\r\n'=cmd(),1\r\n\"a,\"\"b\"\"\",\r\n");
}

TEST_CASE("answers are remembered by canonical state, not by spelling", "[views]") {
  Engine engine = small_engine();
  auto first = engine.all_views_json(parse_state("country=US~CN&from=2025-01").value());
  auto same = engine.all_views_json(parse_state("from=2025-01&country=CN~US&view=orgs").value());
  auto other = engine.all_views_json(parse_state("country=CN&from=2025-01").value());
  REQUIRE(first.ok());
  CHECK(first.value() == same.value());
  CHECK(first.value() != other.value());
  for (int i = 0; i < 20; ++i) engine.all_views_json(parse_state("to=20" + std::to_string(10 + i) + "-01").value());
  CHECK(engine.all_views_json(parse_state("country=US~CN&from=2025-01").value()).value() == first.value());
}
