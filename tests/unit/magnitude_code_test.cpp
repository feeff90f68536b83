#include "catch.hpp"

#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "magnitude_code.h"

using namespace hubreport;

namespace {

struct Coded {
  std::vector<std::uint64_t> counts;
  std::string classes, bits;
};

// Splits the writer's JSON into its three fields (the test's own reading, not the snapshot loader's).
Coded split(const std::string& json) {
  Coded c;
  auto list = json.substr(json.find('[') + 1, json.find(']') - json.find('[') - 1);
  for (std::size_t at = 0; at < list.size();) {
    std::size_t end = list.find(',', at);
    c.counts.push_back(std::stoull(list.substr(at, end - at)));
    at = end == std::string::npos ? list.size() : end + 1;
  }
  auto field = [&](const std::string& key) {
    auto at = json.find("\"" + key + "\":\"") + key.size() + 4;
    return json.substr(at, json.find('"', at) - at);
  };
  c.classes = field("classes"), c.bits = field("bits");
  return c;
}

}  // namespace

TEST_CASE("magnitude classes use characters JSON and HTML leave alone, one each", "[magnitude]") {
  REQUIRE(std::strlen(kMagnitudeClassChars) == 84);
  for (int c = 0; c < 84; ++c) CHECK(magnitude_class_of(static_cast<unsigned char>(kMagnitudeClassChars[c])) == c);
  int classes = 0;
  for (int ch = 0; ch < 256; ++ch) {
    if (magnitude_class_of(static_cast<unsigned char>(ch)) < 0) continue;
    ++classes;
    CHECK(std::strchr("\"\\<>&", ch) == nullptr);
    CHECK((ch > ' ' && ch < 127));
  }
  CHECK(classes == 84);
}

TEST_CASE("values come back in their contexts, whatever their size and sign", "[magnitude]") {
  const std::int64_t edge[] = {0, 1, -1, 2, 3, -2, 255, 256, -65537, (std::int64_t(1) << 40) - 1, std::int64_t(1) << 40,
                               -(std::int64_t(1) << 40), std::numeric_limits<std::int64_t>::max(),
                               std::numeric_limits<std::int64_t>::min()};
  std::vector<std::pair<std::size_t, std::int64_t>> values;
  std::uint64_t seed = 7;
  for (int k = 0; k < 5000; ++k) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::int64_t v = k < 14 ? edge[k] : std::int64_t(seed >> (seed % 64)) * ((seed >> 7) % 3 == 0 ? -1 : 1);
    values.emplace_back(std::size_t(seed >> 40) % 5, v);
  }
  MagnitudeWriter w(5);
  for (auto [context, v] : values) w.add(context, v);
  std::string json;
  w.append_json(json);
  Coded c = split(json);
  REQUIRE(c.counts.size() == 5);
  MagnitudeReader r;
  REQUIRE(r.open(c.counts, c.classes, c.bits).empty());
  CHECK(r.size() == values.size());
  for (auto [context, v] : values) {
    std::int64_t got = 0;
    REQUIRE(r.next(context, got));
    CHECK(got == v);
  }
  CHECK(r.at_end());
  std::int64_t more;
  CHECK_FALSE(r.next(0, more));
}

TEST_CASE("small values take a character and few bits", "[magnitude]") {
  MagnitudeWriter w(1);
  for (std::int64_t v : {0, 1, 2, 3, 5, -3}) w.add(0, v);
  std::string json;
  w.append_json(json);
  // Classes 0, 1, 2, 2, 3 and 42 + 2; lower bits -, -, 0, 1, 01 and 1: "01011" and a 0 to fill the base64 character
  // (22, W).
  CHECK(json == std::string("{\"contexts\":[6],\"classes\":\"") + kMagnitudeClassChars[0] + kMagnitudeClassChars[1] +
                    kMagnitudeClassChars[2] + kMagnitudeClassChars[2] + kMagnitudeClassChars[3] + kMagnitudeClassChars[44] +
                    "\",\"bits\":\"W\"}");
}

TEST_CASE("corrupt magnitude code is refused, never misread", "[magnitude]") {
  MagnitudeWriter w(2);
  for (std::int64_t v : {5, 900, -7, 0, 123456789}) w.add(v == 900 ? 1 : 0, v);
  std::string json;
  w.append_json(json);
  const Coded good = split(json);
  // Reads every value in its context; "" when all read and nothing is left over, else where it stopped.
  auto read = [](const Coded& c) -> std::string {
    MagnitudeReader r;
    std::string err = r.open(c.counts, c.classes, c.bits);
    if (!err.empty()) return err;
    const std::size_t contexts[] = {0, 1, 0, 0, 0};
    for (std::size_t k = 0; k < 5; ++k) {
      std::int64_t v;
      if (!r.next(contexts[k], v)) return "value " + std::to_string(k);
    }
    return r.at_end() ? "" : "left over";
  };
  REQUIRE(read(good).empty());
  Coded c = good;
  c.counts[0] += 1;
  CHECK(read(c) == "has fewer classes than its contexts count");
  c = good, c.counts[1] = 0;
  CHECK(read(c) == "has more classes than its contexts count");
  c = good, c.classes[1] = '"';  // not a class: context 0's second, read third
  CHECK(read(c) == "value 2");
  c = good, c.classes[0] = kMagnitudeClassChars[42];  // -0
  CHECK(read(c) == "value 0");
  c = good, c.bits += "A";
  CHECK(read(c) == "left over");
  c = good, c.bits.pop_back();
  CHECK(read(c) == "value 4");
  c = good, c.bits[0] = '=';  // not base64
  CHECK(read(c) == "value 0");
  // Class 41 holds only values wider than 40 bits: a narrower one written there is not a second spelling of it.
  MagnitudeWriter wide(1);
  wide.add(0, std::int64_t(1) << 50);
  json.clear();
  wide.append_json(json);
  c = split(json);
  REQUIRE(c.bits.size() == 11);
  c.bits = "AAAAAAAAABA";  // 64 bits holding 16 (bit 59 of the text's 66 is the 10th character's last), then 2 to fill
  MagnitudeReader r;
  REQUIRE(r.open(c.counts, c.classes, c.bits).empty());
  std::int64_t v;
  CHECK_FALSE(r.next(0, v));
}
