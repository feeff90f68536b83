// The view state: the URL query string is the state, parsed and printed by one definition.
#include "catch.hpp"
#include "state.h"

using namespace hubreport;

TEST_CASE("state round-trips through its canonical query", "[state]") {
  auto st = parse_state("?s=synthetic-2026-03&country=US~CN&from=2024-01&to=2025-12&type=model&cum=1&view=geography");
  REQUIRE(st.ok());
  CHECK(st->snapshot == "synthetic-2026-03");
  CHECK(st->filter(Dim::country) == std::vector<std::string>{"CN", "US"});
  CHECK(format_month(st->from) == "2024-01");
  CHECK(st->cumulative);
  CHECK(st->view == "geography");
  std::string printed = print_state(st.value());
  CHECK(printed == "s=synthetic-2026-03&from=2024-01&to=2025-12&type=model&country=CN~US&cum=1&view=geography");
  auto again = parse_state(printed);
  REQUIRE(again.ok());
  CHECK(again.value() == st.value());
  CHECK(print_state(again.value()) == printed);
}

TEST_CASE("defaults are left out and empty queries are the default view", "[state]") {
  auto st = parse_state("");
  REQUIRE(st.ok());
  CHECK(print_state(st.value()).empty());
  CHECK(print_state(parse_state("s=x&cum=0").value()) == "s=x");
}

TEST_CASE("names with any characters survive percent-encoding", "[state]") {
  ViewState st;
  st.snapshot = "a";
  st.filter(Dim::org) = {"we~ird&org=x", "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A", "<img src=x>"};
  std::string q = print_state(st);
  CHECK(q.find('<') == std::string::npos);
  CHECK(q.find("~ird") == std::string::npos);  // the list separator inside a value is escaped
  auto back = parse_state(q);
  REQUIRE(back.ok());
  auto want = st.filter(Dim::org);
  std::sort(want.begin(), want.end());
  CHECK(back->filter(Dim::org) == want);
}

TEST_CASE("bad links give errors that name the key", "[state]") {
  auto err = [](const std::string& q) {
    auto st = parse_state(q);
    return st.ok() ? std::string("ok") : st.error();
  };
  CHECK(err("foo=1") == "unknown key 'foo'");
  CHECK(err("from=2024-13").find("'from'") != std::string::npos);
  CHECK(err("from=1999-01").find("'from'") != std::string::npos);
  CHECK(err("from=2025-05&to=2024-01").find("after") != std::string::npos);
  CHECK(err("type=models").find("'type'") != std::string::npos);
  CHECK(err("country=usa").find("'country'") != std::string::npos);
  CHECK(err("sector=industry~evil").find("'sector'") != std::string::npos);
  CHECK(err("s=../etc").find("'s'") != std::string::npos);
  CHECK(err("view=all").find("'view'") != std::string::npos);
  CHECK(err("v=9").find("version") != std::string::npos);
  CHECK(err("country=US&country=CN") == "key 'country' appears twice");
  CHECK(err("org=%ZZ").find("percent") != std::string::npos);
  CHECK(err("org=%C3%28").find("UTF-8") != std::string::npos);   // invalid UTF-8
  CHECK(err("org=%00x").find("control") != std::string::npos);
  CHECK(err("org=a~~b").find("empty") != std::string::npos);
  CHECK(err(std::string(kMaxQueryBytes + 1, 'a')).find("too long") != std::string::npos);
  std::string many = "org=";
  for (int i = 0; i < 300; ++i) many += (i ? "~o" : "o") + std::to_string(i);
  CHECK(err(many).find("items") != std::string::npos);
  CHECK(err("org=" + std::string(kMaxValueBytes + 1, 'x')).find("longer") != std::string::npos);
  CHECK(err("v=1&size=1to9b~unknown&relation=merge&modality=robotics&sdk=gradio") == "ok");
}

TEST_CASE("the state as JSON for the page", "[state]") {
  auto st = parse_state("s=x&org=Qwen&to=2025-06");
  REQUIRE(st.ok());
  std::string json = state_to_json(st.value());
  CHECK(json.find("\"org\":[\"Qwen\"]") != std::string::npos);
  CHECK(json.find("\"to\":\"2025-06\"") != std::string::npos);
  CHECK(json.find("\"from\":null") != std::string::npos);
}
