// The range coder (symbol_code.h): what is written reads back; damage never reads as data.
#include "catch.hpp"

#include <string>
#include <vector>

#include "symbol_code.h"

using namespace hubreport;

namespace {

std::uint64_t next_random(std::uint64_t& seed) {
  seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  return seed >> 33;
}

}  // namespace

TEST_CASE("a model scales each context's counts to 2^15, every symbol seen kept", "[symbols]") {
  SymbolModel m(4);
  m.count(0, 7);                                   // one symbol: certain
  for (unsigned s = 0; s < 200; ++s) m.count(1, s);  // 200 alike
  for (int k = 0; k < 1000000; ++k) m.count(2, 3);   // one far likelier than 199 seen once: rounding them up to 1
  for (unsigned s = 4; s < 203; ++s) m.count(2, s);  // overshoots, which the likeliest gives back
  m.scale();                                       // context 3 never seen
  REQUIRE(m.contexts() == 4);
  for (std::size_t c = 0; c < 4; ++c) {
    std::uint32_t sum = 0, start = 0;
    for (auto e = m.begin(c); e != m.end(c); ++e) {
      CHECK(e->start == start);
      CHECK(e->frequency >= 1);
      start += e->frequency, sum += e->frequency;
    }
    CHECK(sum == (c == 3 ? 0u : 1u << SymbolModel::kScaleBits));
  }
  CHECK(m.end(0) - m.begin(0) == 1);
  CHECK(m.end(1) - m.begin(1) == 200);
  CHECK(m.end(2) - m.begin(2) == 200);
  CHECK(m.begin(2)->symbol == 3);  // likeliest first
  CHECK(m.begin(4) == nullptr);
  // Listed: the likeliest first, an empty list for a context never seen.
  std::string json;
  m.append_json(json);
  CHECK(json.substr(0, 12) == "[[7,32768],[");
  CHECK(json.substr(json.size() - 5) == "],[]]");
}

TEST_CASE("range-coded symbols read back in their contexts", "[symbols]") {
  std::uint64_t seed = 99;
  std::vector<std::uint32_t> contexts;
  std::vector<std::uint16_t> symbols;
  SymbolModel m(3);
  for (int k = 0; k < 20000; ++k) {
    const std::uint32_t c = std::uint32_t(next_random(seed) % 3);
    // Context 0 lopsided, 1 spread over 150 symbols, 2 always the same.
    const std::uint64_t r = next_random(seed);
    const std::uint16_t s = std::uint16_t(c == 0 ? (r % 100 < 95 ? 5 : r % 7) : c == 1 ? r % 150 : 42);
    contexts.push_back(c), symbols.push_back(s), m.count(c, s);
  }
  m.scale();
  const std::string text = encode_symbols(m, contexts, symbols);
  // Close to the entropy: context 0 about 0.4 bits a symbol, 1 about 7.2, 2 none.
  CHECK(text.size() * 6 < 20000 / 3 * (0.45 + 7.3) + 64);
  SymbolReader r;
  REQUIRE(r.open(m, text).empty());
  for (std::size_t k = 0; k < symbols.size(); ++k) {
    unsigned s = 0;
    REQUIRE(r.next(contexts[k], s));
    REQUIRE(s == symbols[k]);
  }
  CHECK(r.at_end());
  // Nothing coded: the state alone, which reads back as the end.
  SymbolReader empty;
  const std::string nothing = encode_symbols(m, {}, {});
  CHECK(nothing.size() == 6);
  REQUIRE(empty.open(m, nothing).empty());
  CHECK(empty.at_end());
  // Damage: every character replaced in turn is refused (a failed read, or not at the end), never read as data.
  for (std::size_t at = 0; at < 60; ++at) {
    std::string bad = text;
    bad[at] = bad[at] == 'Q' ? 'R' : 'Q';
    SymbolReader d;
    if (!d.open(m, bad).empty()) continue;
    bool read = true;
    for (std::size_t k = 0; k < symbols.size() && read; ++k) {
      unsigned s = 0;
      read = d.next(contexts[k], s);
    }
    INFO("character " << at);
    CHECK_FALSE((read && d.at_end()));
  }
  CHECK_FALSE(SymbolReader().open(m, "AAAA").empty());   // 24 bits: no state
  CHECK_FALSE(SymbolReader().open(m, "AAAAAA").empty()); // a state below the coder's range
  CHECK_FALSE(SymbolReader().open(m, "gAA*AA").empty()); // not base64
}
