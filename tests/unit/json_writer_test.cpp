// The JSON text every answer is written in: native and wasm must print the same bytes, and names from the data
// must stay inert text.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

#include "catch.hpp"
#include "json_writer.h"

using namespace hubreport;

namespace {
template <class F>
std::string written(F f) {
  std::string out = "x";  // appends after what is there
  f(out);
  return out.substr(1);
}
}  // namespace

TEST_CASE("json writer: strings escape quotes, backslashes, controls and HTML's <, > and &") {
  CHECK(written([](std::string& o) { append_json_string(o, ""); }) == "\"\"");
  CHECK(written([](std::string& o) { append_json_string(o, "Qwen/Qwen2.5-7B"); }) == "\"Qwen/Qwen2.5-7B\"");
  CHECK(written([](std::string& o) { append_json_string(o, "a\"b\\c"); }) == "\"a\\\"b\\\\c\"");
  CHECK(written([](std::string& o) { append_json_string(o, "\n\r\t"); }) == "\"\\n\\r\\t\"");
  CHECK(written([](std::string& o) { append_json_string(o, std::string_view("\0\x1f", 2)); }) == "\"\\u0000\\u001f\"");
  CHECK(written([](std::string& o) { append_json_string(o, "<img src=x onerror=alert(1)>&"); }) ==
        "\"\\u003cimg src=x onerror=alert(1)\\u003e\\u0026\"");
  CHECK(written([](std::string& o) { append_json_string(o, "caf\xc3\xa9 \xe4\xb8\xad"); }) == "\"caf\xc3\xa9 \xe4\xb8\xad\"");
}

TEST_CASE("json writer: integers, down to the extremes") {
  CHECK(written([](std::string& o) { append_uint(o, 0); }) == "0");
  CHECK(written([](std::string& o) { append_uint(o, 1234567890); }) == "1234567890");
  CHECK(written([](std::string& o) { append_uint(o, std::numeric_limits<std::uint64_t>::max()); }) == "18446744073709551615");
  CHECK(written([](std::string& o) { append_int(o, -7); }) == "-7");
  CHECK(written([](std::string& o) { append_int(o, std::numeric_limits<std::int64_t>::min()); }) == "-9223372036854775808");
  CHECK(written([](std::string& o) { append_int(o, std::numeric_limits<std::int64_t>::max()); }) == "9223372036854775807");
}

TEST_CASE("json writer: fractions have at most 6 decimals, no trailing zeros, no negative zero") {
  CHECK(written([](std::string& o) { append_fraction(o, 0); }) == "0");
  CHECK(written([](std::string& o) { append_fraction(o, 1); }) == "1");
  CHECK(written([](std::string& o) { append_fraction(o, 0.5); }) == "0.5");
  CHECK(written([](std::string& o) { append_fraction(o, 0.4961); }) == "0.4961");
  CHECK(written([](std::string& o) { append_fraction(o, -1.25); }) == "-1.25");
  CHECK(written([](std::string& o) { append_fraction(o, 123.000001); }) == "123.000001");
  CHECK(written([](std::string& o) { append_fraction(o, 0.0000004); }) == "0");
  CHECK(written([](std::string& o) { append_fraction(o, -0.0000004); }) == "0");
  CHECK(written([](std::string& o) { append_fraction(o, 0.9999996); }) == "1");
  CHECK(written([](std::string& o) { append_fraction(o, 0.00001); }) == "0.00001");
  CHECK(written([](std::string& o) { append_fraction(o, std::nan("")); }) == "null");
  CHECK(written([](std::string& o) { append_fraction(o, std::numeric_limits<double>::infinity()); }) == "null");

  // Any value prints as its nearest millionth: read back, within half a millionth, in the shortest form.
  std::mt19937_64 rng(7);
  for (int k = 0; k < 100000; ++k) {
    const double v = double(std::int64_t(rng() % 2000000000001) - 1000000000000) / 1e6 + double(rng() % 1000) * 1e-10;
    const std::string s = written([&](std::string& o) { append_fraction(o, v); });
    INFO(v << " -> " << s);
    REQUIRE(std::fabs(std::strtod(s.c_str(), nullptr) - v) <= 5e-7 + 1e-9 * std::fabs(v));
    const auto dot = s.find('.');
    if (dot != std::string::npos) {
      REQUIRE(s.size() - dot - 1 <= 6);
      REQUIRE(s.back() != '0');
    }
    REQUIRE(s != "-0");
  }
}
