// Magnitude code (magnitude_code.h): every value comes back in its context; damage is refused, never misread.
#include "catch.hpp"

#include <limits>
#include <string>
#include <vector>

#include "magnitude_code.h"

using namespace hubreport;

namespace {

std::uint64_t next_random(std::uint64_t& seed) {
  seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  return seed >> 33;
}

// The JSON value of `key` in a writer's object, its strings unquoted.
std::string field(const std::string& json, const std::string& key) {
  auto at = json.find("\"" + key + "\":") + key.size() + 3;
  if (json[at] == '"') return json.substr(at + 1, json.find('"', at + 1) - at - 1);
  return json.substr(at, json.find_first_of(",}", at) - at);
}

// The values written with a model made for them: counted, then coded (the snapshot writer's two passes).
std::string write(SymbolModel& model, const std::vector<std::pair<std::size_t, std::int64_t>>& values) {
  std::string json;
  for (int pass = 0; pass < 2; ++pass) {
    MagnitudeWriter w(model);
    for (auto [context, v] : values) w.add(context, v);
    json.clear();
    w.append_json(json);
    if (!pass) model.scale();
  }
  return json;
}

}  // namespace

TEST_CASE("a value's class is its bit length, plus 42 when negative; 41 for the widest", "[magnitude]") {
  CHECK(magnitude_class(0) == 0);
  CHECK(magnitude_class(1) == 1);
  CHECK(magnitude_class(-1) == 43);
  CHECK(magnitude_class(5) == 3);
  CHECK(magnitude_class((std::int64_t(1) << 40) - 1) == 40);
  CHECK(magnitude_class(std::int64_t(1) << 40) == 41);
  CHECK(magnitude_class(std::numeric_limits<std::int64_t>::min()) == 83);
  CHECK(kMagnitudeClasses == 84);
}

TEST_CASE("values come back in their contexts, whatever their size and sign", "[magnitude]") {
  const std::int64_t edge[] = {0, 1, -1, 2, 3, -2, 255, 256, -65537, (std::int64_t(1) << 40) - 1, std::int64_t(1) << 40,
                               -(std::int64_t(1) << 40), std::numeric_limits<std::int64_t>::max(),
                               std::numeric_limits<std::int64_t>::min()};
  std::vector<std::pair<std::size_t, std::int64_t>> values;
  std::uint64_t seed = 7;
  for (int k = 0; k < 5000; ++k) {
    const std::uint64_t r = next_random(seed) << 31 | next_random(seed);
    const std::int64_t v = k < 14 ? edge[k] : std::int64_t(r >> (r % 62)) * (r % 3 == 0 ? -1 : 1);
    values.emplace_back(std::size_t(next_random(seed) % 4), v);
  }
  SymbolModel model(4);
  std::string json = write(model, values);
  CHECK(field(json, "values") == "5000");
  auto read_all = [&](const std::string& coded, const std::string& bits) {
    MagnitudeReader r;
    if (!r.open(model, values.size(), coded, bits).empty()) return false;
    for (auto [context, v] : values) {
      std::int64_t got = 0;
      if (!r.next(context, got) || got != v) return false;
    }
    std::int64_t more;
    return r.at_end() && !r.next(0, more);
  };
  const std::string coded = field(json, "coded"), bits = field(json, "bits");
  CHECK(read_all(coded, bits));
  CHECK_FALSE(read_all(coded, bits + "A"));
  CHECK_FALSE(read_all(coded, bits.substr(1)));
  CHECK_FALSE(read_all(coded.substr(0, coded.size() - 1), bits));
}

TEST_CASE("small values take a symbol and few bits", "[magnitude]") {
  // 2 and 3 are class 2 with the bit below the leading one 0 and 1, nothing below; 5 is class 3, that bit 0, then 1.
  SymbolModel small(1);
  const std::string json = write(small, {{0, 2}, {0, 3}, {0, 5}});
  std::string listed;
  small.append_json(listed);
  CHECK(listed == "[[4,10922,5,10923,6,10923]]");  // 3 x 10923 is one too many: the first gives it back
  CHECK(field(json, "bits") == "g");  // the 1 below 5's second bit, then zeros
}

TEST_CASE("corrupt magnitude code is refused, never misread", "[magnitude]") {
  // Two contexts: 0 holds 0 (symbol 0) and 4 or 5 (symbol 6) at even odds, 1 holds 1 (symbol 2) or -1 (symbol 86).
  SymbolModel model(2);
  REQUIRE(model.add_context({0, 16384, 6, 16384}).empty());
  REQUIRE(model.add_context({2, 16384, 86, 16384}).empty());
  auto read = [&](std::uint64_t values, const std::vector<std::uint32_t>& contexts, const std::vector<std::uint16_t>& symbols,
                  const std::string& bits) -> std::string {
    MagnitudeReader r;
    std::string err = r.open(model, values, encode_symbols(model, contexts, symbols), bits);
    if (!err.empty()) return err;
    for (std::size_t k = 0; k < contexts.size(); ++k) {
      std::int64_t v;
      if (!r.next(contexts[k], v)) return "value " + std::to_string(k);
    }
    return r.at_end() ? "" : "left over";
  };
  CHECK(read(4, {0, 1, 0, 1}, {0, 2, 6, 86}, "g") == "");  // 0, 1, 5, -1
  CHECK(read(4, {0, 1, 0, 1}, {0, 2, 6, 86}, "") == "value 2");  // 5's last bit missing
  CHECK(read(4, {0, 1, 0, 1}, {0, 2, 6, 86}, "gA") == "left over");
  CHECK(read(3, {0, 1, 0, 1}, {0, 2, 6, 86}, "g") == "value 3");  // more values than counted
  CHECK(read(5, {0, 1, 0, 1}, {0, 2, 6, 86}, "g") == "left over");
  CHECK(read(2, {0, 1}, {0, 2}, "") == "");
  CHECK(read(1, {0}, {0}, "") == "");
  // Symbols that spell no value: -0 (84), a second bit on a class without one (1: class 0 plus 1), class 84 on.
  SymbolModel odd(1);
  REQUIRE(odd.add_context({84, 8192, 1, 8192, 168, 8192, 3, 8192}).empty());
  for (std::uint16_t symbol : {84, 1, 168}) {
    MagnitudeReader r;
    REQUIRE(r.open(odd, 1, encode_symbols(odd, {0}, {symbol}), "").empty());
    std::int64_t v;
    INFO(symbol);
    CHECK_FALSE(r.next(0, v));
  }
  // Class 41 holds only values wider than 40 bits: a narrower one written there is not a second spelling of it.
  SymbolModel wide(1);
  REQUIRE(wide.add_context({82, 32768}).empty());
  MagnitudeReader r;
  REQUIRE(r.open(wide, 1, encode_symbols(wide, {0}, {82}), "AAAAAAAAABA").empty());  // 64 bits holding 16, then 2 to fill
  std::int64_t v;
  CHECK_FALSE(r.next(0, v));
}
