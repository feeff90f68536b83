// Narrow columns (narrow.h): values from the low type's maximum on are kept apart and read back exactly; monthly
// counts are runs of evenly spread months, each a total and a length.
#include "catch.hpp"
#include "store.h"

using namespace hubreport;

TEST_CASE("monthly counts read back every series, a run of evenly spread months in a total and a length", "[narrow]") {
  // Series as consecutive months' values: runs of one value, and of one value then one less (an evenly spread total),
  // split wherever neither holds; values from 0 to 2^32 - 1.
  const std::vector<std::vector<std::uint32_t>> series{
      {},
      {0},
      {7},
      {5, 5, 5, 4, 4},                // one run: 23 over 5 months
      {5, 4, 5},                      // a larger value after the smaller one starts a run
      {3, 3, 5, 5, 4, 0, 0, 1, 0},    // 3,3 | 5,5,4 | 0,0 | 1,0
      {0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFEu, 128, 127, 126},
      {2, 1, 1, 1, 0},                // 2,1,1,1 | 0: a run holds two values only
      {1, 0, 0, 1, 1, 0},             // 1,0,0 | 1,1,0
  };
  // Bytes of each: a run takes its total's (with a bit saying whether a length follows), and its length's less 2
  // when longer than a month. {3,3 | 5,5,4 | 0,0 | 1,0}: four runs of two bytes; {2^32 - 1 twice and 2^32 - 2 | 128,
  // 127 | 126}: 5 + 1, 2 + 1 and 2.
  const std::vector<std::size_t> bytes{0, 1, 1, 2, 3, 8, 11, 3, 4};
  MonthlyCounts c;
  std::vector<std::size_t> place{0};  // byte offset of each series, then the end
  for (std::size_t k = 0; k < series.size(); ++k) {
    for (auto v : series[k]) c.push_back(v);
    c.end_series();
    CHECK(c.size() - place.back() == bytes[k]);
    place.push_back(c.size());
  }
  for (std::size_t k = 0; k < series.size(); ++k) {
    std::vector<std::uint32_t> seen;
    c.each(place[k], place[k + 1], [&](std::uint32_t v) { seen.push_back(v); });
    CHECK(seen == series[k]);
    CHECK(c.count(place[k], place[k + 1]) == series[k].size());
  }
  // Consecutive series read together, as a copy of whole series (Store::permuted) appends them.
  MonthlyCounts copy;
  copy.append(c, place[3], place[7]);
  std::vector<std::uint32_t> seen, want;
  copy.each(0, copy.size(), [&](std::uint32_t v) { seen.push_back(v); });
  for (std::size_t k = 3; k < 7; ++k) want.insert(want.end(), series[k].begin(), series[k].end());
  CHECK(seen == want);
  CHECK(copy.count(0, copy.size()) == want.size());
}

TEST_CASE("narrow columns read back every value, wide ones included", "[narrow]") {
  const std::vector<std::uint32_t> values{0, 1, 65534, 65535, 65536, 7, 4000000000u, 65535, 2, 0xFFFFFFFFu, 9};
  Narrow<std::uint16_t, std::uint32_t> c;
  for (auto v : values) c.push_back(v);
  REQUIRE(c.size() == values.size());
  CHECK(c.wide_count() == 5);
  for (std::size_t k = 0; k < values.size(); ++k) CHECK(c[k] == values[k]);
  // Every range, so that a range may start at, before or after a wide value.
  for (std::size_t first = 0; first <= values.size(); ++first)
    for (std::size_t end = first; end <= values.size(); ++end) {
      std::vector<std::uint32_t> seen;
      c.each(first, end, [&](std::size_t k, std::uint32_t v) {
        CHECK(k == first + seen.size());
        seen.push_back(v);
      });
      CHECK(seen == std::vector<std::uint32_t>(values.begin() + first, values.begin() + end));
    }
  Sums s;
  s.push_back(65534), s.push_back(0xFFFFFFFFu), s.push_back(3), s.push_back(std::uint64_t(1) << 40), s.push_back(65535);
  CHECK(s[0] == 65534);
  CHECK(s[1] == 0xFFFFFFFFu);
  CHECK(s[2] == 3);
  CHECK(s[3] == std::uint64_t(1) << 40);
  CHECK(s[4] == 65535);
  CHECK(s.wide_count() == 3);
  std::vector<std::uint64_t> seen;
  s.each(1, 5, [&](std::size_t, std::uint64_t v) { seen.push_back(v); });
  CHECK(seen == std::vector<std::uint64_t>{0xFFFFFFFFu, 3, std::uint64_t(1) << 40, 65535});
}

TEST_CASE("counts with an unknown value keep unknown narrow and every count exact", "[narrow]") {
  Likes likes;
  for (std::uint32_t v : {0u, 65533u, 65534u, 65535u, 0xFFFFFFFEu, 0xFFFFFFFFu}) likes.push_back(v);
  CHECK(likes[0] == 0);
  CHECK(likes[1] == 65533);
  CHECK(likes[2] == 65534);
  CHECK(likes[3] == 65535);
  CHECK(likes[4] == 0xFFFFFFFEu);
  CHECK(likes[5] == kUnknownCount);
  LifetimeDownloads all;
  all.push_back(kUnknownTotal), all.push_back(0), all.push_back(std::uint64_t(1) << 61), all.push_back(65533);
  all.push_back(65534), all.push_back(0xFFFFFFFFu);
  CHECK(all[0] == kUnknownTotal);
  CHECK(all[1] == 0);
  CHECK(all[2] == std::uint64_t(1) << 61);
  CHECK(all[3] == 65533);
  CHECK(all[4] == 65534);
  CHECK(all[5] == 0xFFFFFFFFu);
  // Unknown stays narrow: only the counts from 65,534 up (stored one up) are kept apart, likes and lifetimes alike.
  CHECK(likes.wide_count() == 3);
  CHECK(all.wide_count() == 3);
}

TEST_CASE("repeated values read back exactly, each distinct value kept once", "[narrow]") {
  // Enough distinct values to grow the table several times, each pushed three times, with unknown (0) between.
  Repeated params;
  std::vector<std::uint64_t> pushed;
  for (int round = 0; round < 3; ++round)
    for (std::uint64_t v = 1; v <= 5000; ++v) {
      std::uint64_t value = v * 1000003ull + (v % 7 == 0 ? std::uint64_t(1) << 40 : 0);
      params.push_back(value), pushed.push_back(value);
      if (v % 3 == 0) params.push_back(0), pushed.push_back(0);
    }
  params.finish();
  params.push_back(pushed[10]), pushed.push_back(pushed[10]);  // added after finish: found again, not a new value
  params.push_back(42), pushed.push_back(42);
  REQUIRE(params.size() == pushed.size());
  for (std::size_t k = 0; k < pushed.size(); ++k) REQUIRE(params[k] == pushed[k]);
  CHECK(params.distinct() == 5001);
  // Equal means the same values row by row (this copy never went through finish()).
  Repeated forward;
  for (auto v : pushed) forward.push_back(v);
  CHECK(forward == params);
  forward.push_back(1), params.push_back(2);
  CHECK_FALSE(forward == params);
}

TEST_CASE("series starts read back every offset, blocks far apart kept whole, and flag a corrupt one", "[narrow]") {
  // Blocks of 16 offsets: block 0 short series (a byte each on its base); block 1 past its base + 255 at its last
  // offset, block 2 at its second; block 3 empty series; block 4, partial, past it at its fourth.
  std::vector<std::uint32_t> offsets{0};
  auto step = [&](std::uint32_t bytes) { offsets.push_back(offsets.back() + bytes); };
  for (int k = 0; k < 15; ++k) step(3);                             // offsets 1-15
  step(7);                                                          // block 1's base
  for (int k = 0; k < 14; ++k) step(17);                            // 238 past it
  step(256);
  step(5), step(300);                                               // block 2
  for (int k = 0; k < 14; ++k) step(1);
  for (int k = 0; k < 16; ++k) step(0);                             // block 3
  step(0), step(0), step(200), step(100), step(1);                  // block 4
  REQUIRE(offsets.size() == 69);
  SeriesStarts starts;
  for (auto v : offsets) starts.push_back(v);
  REQUIRE(starts.size() == offsets.size());
  for (std::size_t k = 0; k < offsets.size(); ++k) CHECK(starts[k] == offsets[k]);
  CHECK(starts.back() == offsets.back());
  CHECK_FALSE(starts.too_long());
  // A byte per offset and a base per 16, and the three blocks apart (block 4's five offsets) whole.
  CHECK(starts.memory_bytes() >= offsets.size() + 5 * 4 + (16 + 16 + 5) * 4);
  SeriesStarts backwards;
  backwards.push_back(0), backwards.push_back(10), backwards.push_back(9);
  CHECK(backwards.too_long());
  SeriesStarts huge;
  huge.push_back(0), huge.push_back(0x80000000u);
  CHECK(huge.too_long());
  // A block that would start past 2^31 (its base would read as a place apart): flagged, and pushing on is safe.
  SeriesStarts huge_block;
  for (std::uint32_t k = 0; k < 16; ++k) huge_block.push_back(k);
  for (std::uint32_t k = 0; k < 20; ++k) huge_block.push_back(0x80000000u + k * 300);
  CHECK(huge_block.too_long());
  CHECK(huge_block.size() == 36);
}

TEST_CASE("sparse columns keep only the values other than the usual one, and read every place back", "[narrow]") {
  // Runs of the usual value and of others across several 64-place words, a word of all others, and a partial last
  // word: each place's rank is the set bits of its word before it plus the words before.
  std::vector<std::uint32_t> values;
  for (std::uint32_t k = 0; k < 300; ++k) values.push_back(k % 7 == 0 || (k >= 128 && k < 192) ? 1000 + k : 0);
  values.push_back(kUnknownCount), values.push_back(0), values.push_back(70000);
  Likes likes;
  likes.reserve(values.size(), 0);
  Presence present;
  std::size_t set = 0;
  for (auto v : values) likes.push_back(v), present.push_back(v != 0);
  likes.shrink_to_fit();
  REQUIRE(likes.size() == values.size());
  for (std::size_t k = 0; k < values.size(); ++k) {
    CHECK(likes[k] == values[k]);
    CHECK(present[k] == (values[k] != 0));
    CHECK(present.rank(k) == set);
    set += values[k] != 0;
  }
  CHECK(present.count() == set);
  CHECK(likes.wide_count() == 1);  // 70000 (stored one up) is past 16 bits; unknown wraps to 0 and stays narrow
  Params params;
  params.reserve(6, 3);
  for (std::uint64_t v : {0ull, 7000000000ull, 0ull, 7000000000ull, 125000000ull, 0ull}) params.push_back(v);
  params.finish();
  CHECK(params[0] == 0);
  CHECK(params[1] == 7000000000ull);
  CHECK(params[3] == 7000000000ull);
  CHECK(params[4] == 125000000ull);
  CHECK(params[5] == 0);
  CHECK(params.distinct() == 2);
  Params other;
  for (std::uint64_t v : {0ull, 7000000000ull, 0ull, 7000000000ull, 125000000ull, 0ull}) other.push_back(v);
  CHECK(other == params);
  other.push_back(0), params.push_back(1);
  CHECK_FALSE(other == params);
}
