// The view state: the URL query string is the state, parsed and printed by one definition.
#include "catch.hpp"
#include "state.h"

using namespace hubreport;

TEST_CASE("state round-trips through its canonical query", "[state]") {
  auto st = parse_state("?s=synthetic-2026-03&v=2&country=US~CN&from=2024-01&to=2025-12&type=model&cum=1&embed=geography");
  REQUIRE(st.ok());
  CHECK(st->snapshot == "synthetic-2026-03");
  CHECK(st->filter(Dim::country) == std::vector<std::string>{"CN", "US"});
  CHECK(format_month(st->from) == "2024-01");
  CHECK(st->cumulative);
  CHECK(st->view == "geography");
  std::string printed = print_state(st.value());
  CHECK(printed == "s=synthetic-2026-03&v=2&from=2024-01&to=2025-12&type=model&country=CN~US&cum=1&embed=geography");
  auto again = parse_state(printed);
  REQUIRE(again.ok());
  CHECK(again.value() == st.value());
  CHECK(print_state(again.value()) == printed);
}

TEST_CASE("defaults are left out and empty queries are the default view", "[state]") {
  auto st = parse_state("");
  REQUIRE(st.ok());
  CHECK(print_state(st.value()) == "v=2");  // the version is always printed, so every link says it
  CHECK(print_state(parse_state("s=x&cum=0").value()) == "s=x&v=2");
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
  CHECK(err("v=2&embed=all").find("'embed'") != std::string::npos);
  CHECK(err("v=9").find("version") != std::string::npos);
  CHECK(err("v=9").find("'v'") != std::string::npos);
  CHECK(err("v=").find("'v'") != std::string::npos);
  CHECK(err("v=1&v=1") == "key 'v' appears twice");
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

TEST_CASE("state version 1 links are migrated to version 2", "[state]") {
  auto migrate = [](const std::string& q) {
    auto st = parse_state(q);
    return st.ok() ? print_state(st.value()) : "error: " + st.error();
  };
  // Every link made before version 2 has no `v`: version 1, where the embed key was `view`.
  CHECK(migrate("s=synthetic-2026-03&sector=industry&view=geography") ==
        "s=synthetic-2026-03&v=2&sector=industry&embed=geography");
  CHECK(migrate("view=orgs&country=US~CN&from=2024-01&cum=1&s=snap") == "s=snap&v=2&from=2024-01&country=CN~US&cum=1&embed=orgs");
  CHECK(migrate("s=snap&country=CN") == "s=snap&v=2&country=CN");  // everything else is unchanged
  CHECK(migrate("v=1&s=snap&view=sdks") == "s=snap&v=2&embed=sdks");  // an explicit v=1 too
  CHECK(migrate("view=sdks&v=1") == "v=2&embed=sdks");               // wherever v stands
  // A migrated link and its version 2 form are the same state.
  CHECK(parse_state("s=a&view=growth").value() == parse_state("s=a&v=2&embed=growth").value());
  // Version 2 calls the key `embed`: `view` there is an error that names it, and `embed` means nothing in version 1.
  CHECK(migrate("s=snap&v=2&view=geography") == "error: unknown key 'view' in a version 2 link (version 2 calls it 'embed')");
  CHECK(migrate("s=snap&embed=geography").find("error: unknown key 'embed'") == 0);
  CHECK(migrate("v=3&s=snap").find("error: bad value for 'v': unknown state version '3'") == 0);
  // Printing and parsing the current version is a fixed point.
  std::string v2 = migrate("s=snap&view=geography&org=Qwen");
  CHECK(migrate(v2) == v2);
}
