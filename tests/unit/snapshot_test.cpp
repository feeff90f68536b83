// The snapshot format: a round trip keeps everything; every kind of damage gives a specific error.
#include "catch.hpp"
#include "fixtures.h"
#include "magnitude_code.h"
#include "sha256.h"

#include <cstdlib>

using namespace hubreport;
using namespace hubreport::test;

namespace {

struct Parts {
  std::string manifest;
  std::vector<SnapshotPart> parts;
};

Parts small_parts() {
  Engine engine = small_engine();
  Parts p;
  p.parts = encode_snapshot(engine.store(), 4);
  for (auto& part : p.parts) part.sha256 = sha256_hex(part.text);
  p.manifest = encode_manifest(engine.store(), p.parts);
  return p;
}

// Loads manifest + parts; returns "" or the first error.
std::string load(const std::string& manifest, const std::vector<std::string>& texts, bool skip_last = false) {
  SnapshotLoader loader;
  Status err = loader.begin(manifest);
  if (!err.empty()) return err;
  for (std::size_t i = 0; i + (skip_last ? 1 : 0) < texts.size(); ++i) {
    err = loader.add_part(i, texts[i]);
    if (!err.empty()) return err;
  }
  auto store = loader.finish();
  return store.ok() ? "" : store.error();
}

std::vector<std::string> texts_of(const Parts& p) {
  std::vector<std::string> t;
  for (auto& part : p.parts) t.push_back(part.text);
  return t;
}

void replace(std::string& s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
}

// [begin, end) of the JSON value of field `name` in a row group's text: a list, or an object (runs, magnitude code).
std::pair<std::size_t, std::size_t> value_at(const std::string& g, const std::string& name) {
  auto at = g.find("\"" + name + "\":");
  REQUIRE(at != std::string::npos);
  at += name.size() + 3;
  std::size_t end = at;
  int depth = 0;
  bool in_string = false;  // magnitude classes hold brackets
  do {
    const char ch = g[end++];
    if (ch == '"') in_string = !in_string;
    else if (!in_string && (ch == '[' || ch == '{')) ++depth;
    else if (!in_string && (ch == ']' || ch == '}')) --depth;
  } while (depth > 0 && end < g.size());
  return {at, end};
}

void replace_value(std::string& g, const std::string& name, const std::string& value) {
  auto [at, end] = value_at(g, name);
  g.replace(at, end - at, value);
}

std::vector<long long> numbers_in(const std::string& list) {
  std::vector<long long> v;
  for (const char* p = list.c_str() + list.find('[') + 1; *p != ']';) {
    char* end;
    v.push_back(std::strtoll(p, &end, 10));
    p = *end == ',' ? end + 1 : end;
  }
  return v;
}

// A coded column's model as the dictionaries part lists it, read the test's own way ([[symbol,frequency,...],...]).
SymbolModel model_in(const std::string& dicts, const std::string& name) {
  const auto [at, end] = value_at(dicts, name);
  std::size_t contexts = 0;
  for (std::size_t k = at + 1; k + 1 < end; ++k) contexts += dicts[k] == '[';
  SymbolModel m(contexts);
  std::vector<std::uint64_t> pairs;
  for (std::size_t k = at + 1; k + 1 < end; ++k) {
    if (dicts[k] == '[') pairs.clear();
    else if (dicts[k] == ']') REQUIRE(m.add_context(pairs).empty());
    else if (dicts[k] != ',') pairs.push_back(std::strtoull(&dicts[k], nullptr, 10)), k = dicts.find_first_of(",]", k) - 1;
  }
  return m;
}

// A field of magnitude code, read the test's own way: its values' count and a reader over them (coded columns with
// `model`, filled from the dictionaries part).
MagnitudeReader magnitudes_in(const std::string& dicts, const std::string& g, const std::string& name,
                              std::size_t& values, SymbolModel& model) {
  const auto [begin, end] = value_at(g, name);
  const std::size_t at = begin;
  const std::string v = g.substr(at, end - at);
  auto text = [&](const std::string& key) {
    auto from = v.find("\"" + key + "\":\"") + key.size() + 4;
    return std::string_view(g).substr(at + from, v.find('"', from) - from);
  };
  MagnitudeReader r;
  REQUIRE(v.find("{\"values\":") == 0);
  values = std::size_t(std::stoull(v.substr(10)));
  model = model_in(dicts, name);
  REQUIRE(r.open(model, values, text("coded"), text("bits")).empty());
  return r;
}

bool is_magnitudes(const std::string& g, std::size_t at) { return g.compare(at, 10, "{\"values\":") == 0; }

// The values of column `name` in one context (a plain array, runs or magnitude code).
std::vector<long long> ints_in(const std::string& dicts, const std::string& g, const std::string& name) {
  auto [at, end] = value_at(g, name);
  std::vector<long long> out;
  if (is_magnitudes(g, at)) {
    std::size_t n;
    SymbolModel model;
    MagnitudeReader r = magnitudes_in(dicts, g, name, n, model);
    // A row's number of spans is coded in the context of its type (RowContexts); created, author and family in that
    // of the previous value's class (the last 30 days and the likes are not read here).
    REQUIRE(name != "downloads30");
    REQUIRE(name != "likes");
    const auto types = name == "series_spans" ? ints_in(dicts, g, "type") : std::vector<long long>();
    for (std::int64_t v; out.size() < n;) {
      const std::size_t k = out.size();
      REQUIRE(r.next(!types.empty() ? std::size_t(types[k]) : k ? magnitude_class(out[k - 1]) : 0, v));
      out.push_back(v);
    }
    CHECK(r.at_end());
    return out;
  }
  auto v = numbers_in(g.substr(at, end - at));
  if (g[at] != '{') return v;
  for (std::size_t k = 1; k < v.size(); k += 2) out.insert(out.end(), std::size_t(v[k]), v[k - 1]);
  return out;
}

// A row group's span lengths and totals, read in their contexts (snapshot.h).
std::pair<std::vector<long long>, std::vector<long long>> spans_in(const std::string& dicts, const std::string& g) {
  std::size_t n_lengths, n_totals;
  SymbolModel length_model, total_model;
  MagnitudeReader lengths = magnitudes_in(dicts, g, "span_length", n_lengths, length_model),
                  totals = magnitudes_in(dicts, g, "span_downloads", n_totals, total_model);
  std::pair<std::vector<long long>, std::vector<long long>> out;
  for (long long spans : ints_in(dicts, g, "series_spans")) {
    SpanContexts context;
    for (long long j = 0; j < spans; ++j) {
      std::int64_t length = 0, total = 0;
      REQUIRE(lengths.next(context.for_length(), length));
      REQUIRE(totals.next(context.for_total(std::uint64_t(length)), total));
      context.add(std::uint64_t(total), std::uint64_t(length));
      out.first.push_back(length), out.second.push_back(total);
    }
  }
  CHECK((lengths.at_end() && totals.at_end()));
  return out;
}

// A row group's span lengths and totals as the writer would code them (as far as the lists go), with models made
// for them: the columns, then the models' JSON.
struct SpanCode {
  std::string lengths, totals, length_model, total_model;
};
SpanCode span_code(const std::vector<long long>& spans, const std::vector<long long>& lengths,
                   const std::vector<long long>& totals) {
  SymbolModel lm(SpanContexts::kLengthContexts), tm(SpanContexts::kTotalContexts);
  SpanCode out;
  for (int pass = 0; pass < 2; ++pass) {  // the first counts the symbols, as the writer's first pass does
    MagnitudeWriter l(lm), t(tm);
    std::size_t k = 0;
    for (long long row_spans : spans) {
      SpanContexts context;
      for (long long j = 0; j < row_spans; ++j, ++k) {
        const long long length = k < lengths.size() ? lengths[k] : 1, total = k < totals.size() ? totals[k] : 1;
        if (k < lengths.size()) l.add(context.for_length(), length);
        if (k < totals.size()) t.add(context.for_total(std::uint64_t(length)), total);
        context.add(std::uint64_t(total), std::uint64_t(length > 0 ? length : 1));
      }
    }
    out.lengths.clear(), out.totals.clear();
    l.append_json(out.lengths), t.append_json(out.totals);
    if (!pass) lm.scale(), tm.scale();
  }
  lm.append_json(out.length_model), tm.append_json(out.total_model);
  return out;
}

// Codes a row group's last 30 days and likes again (rows `first` on of `s`, when range-coded) in the contexts that
// the given spans give them (RowContexts), with models made for them: in `g`, and their models in `dicts`.
void recode_by_spans(std::string& dicts, std::string& g, const Store& s, std::size_t first, const std::vector<long long>& spans,
                     const std::vector<long long>& lengths, const std::vector<long long>& totals) {
  std::vector<std::uint32_t> recent, likes;
  std::size_t k = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    SpanContexts context;
    std::uint64_t sum = 0;
    for (long long j = 0; j < spans[i]; ++j, ++k) {
      const long long length = k < lengths.size() && lengths[k] > 0 ? lengths[k] : 1, total = k < totals.size() ? totals[k] : 1;
      context.add(std::uint64_t(total), std::uint64_t(length)), sum += std::uint64_t(total);
    }
    recent.push_back(std::uint32_t(RowContexts::recent(s.type[first + i], context)));
    likes.push_back(std::uint32_t(RowContexts::likes(s.type[first + i], sum)));
  }
  auto recode = [&](const std::string& name, const std::vector<std::uint32_t>& contexts, std::size_t count, auto value) {
    if (g.compare(value_at(g, name).first, 10, "{\"values\":") != 0) return;  // runs: no contexts
    SymbolModel model(count);
    std::string column, listed;
    for (int pass = 0; pass < 2; ++pass) {
      MagnitudeWriter w(model);
      for (std::size_t i = 0; i < contexts.size(); ++i) w.add(contexts[i], value(first + i));
      column.clear();
      w.append_json(column);
      if (!pass) model.scale();
    }
    model.append_json(listed);
    replace_value(g, name, column);
    replace_value(dicts, name, listed);
  };
  auto known = [](std::uint32_t x) { return x == kUnknownCount ? std::int64_t(-1) : std::int64_t(x); };
  recode("downloads30", recent, RowContexts::kRecent, [&](std::size_t r) { return known(s.downloads30[r]); });
  recode("likes", likes, RowContexts::kLikes, [&](std::size_t r) { return known(s.likes[r]); });
}

// How many values column `name` of a row group's text holds (a plain array, runs or magnitude code).
std::size_t values_in(const std::string& dicts, const std::string& g, const std::string& name) {
  auto [at, end] = value_at(g, name);
  if (is_magnitudes(g, at)) {
    std::size_t n;
    SymbolModel model;
    magnitudes_in(dicts, g, name, n, model);
    return n;
  }
  const bool runs = g[at] == '{';
  auto v = numbers_in(g.substr(at, end - at));
  if (!runs) return v.size();
  std::size_t n = 0;
  for (std::size_t k = 1; k < v.size(); k += 2) n += std::size_t(v[k]);
  return n;
}

// Encodes and loads s: its download series and lifetimes come back as they were.
void series_survive_round_trip(const Store& s) {
  auto again = round_trip(s);
  REQUIRE(again.ok());
  CHECK(again->series_start == s.series_start);
  CHECK(again->series_begin == s.series_begin);
  CHECK(again->series_downloads == s.series_downloads);
  CHECK(again->downloads_all == s.downloads_all);
}

}  // namespace

TEST_CASE("snapshot round trip keeps every column", "[snapshot]") {
  Engine engine = small_engine();  // already built through encode -> load
  auto again = round_trip(engine.store());
  REQUIRE(again.ok());
  const Store &a = engine.store(), &b = again.value();
  CHECK(a.type == b.type);
  CHECK(a.author == b.author);
  CHECK(a.created == b.created);
  CHECK(a.downloads_all == b.downloads_all);
  CHECK(a.series_start == b.series_start);
  CHECK(a.series_begin == b.series_begin);
  CHECK(a.series_downloads == b.series_downloads);
  CHECK(a.params == b.params);
  CHECK(a.families == b.families);
  CHECK(a.authors == b.authors);
  CHECK(encode_snapshot(a, 4)[1].text == encode_snapshot(b, 4)[1].text);
  CHECK(load(small_parts().manifest, texts_of(small_parts())).empty());
}

Store dumps_store() {
  auto store = build_fixture(source_path("tests/fixtures/dumps"), {{RepoType::model, "2025-11-30", "models-2025-11-30.jsonl"},
                                                                   {RepoType::model, "2025-12-31", "models-2025-12-31.jsonl"},
                                                                   {RepoType::model, "2026-02-28", "models-2026-02-28.jsonl"}});
  REQUIRE(store.ok());
  return std::move(store.value());
}

TEST_CASE("a month without downloads inside a series is kept as such", "[snapshot]") {
  // The store keeps one value per month of a series (store.h); the snapshot stores the months with downloads only.
  Store s = dumps_store();
  std::size_t r = 0;
  while (r < s.rows() && s.series_months(r) < 2) ++r;
  REQUIRE(r < s.rows());
  const std::size_t points = s.series_points();
  // Row r's second month becomes empty: its later months move one month on.
  rewrite_series(s, [&](std::size_t row, auto& pairs) {
    for (std::size_t j = 1; row == r && j < pairs.size(); ++j) ++pairs[j].first;
  });
  REQUIRE(s.validate().empty());
  CHECK(s.series_points() == points);
  std::vector<std::pair<Month, std::uint32_t>> seen;
  s.each_download(r, [&](Month m, std::uint32_t d) { seen.emplace_back(m, d); });
  REQUIRE(seen.size() >= 2);
  CHECK(seen[0].first == s.series_begin[r]);
  CHECK(seen[1].first == s.series_begin[r] + 2);
  series_survive_round_trip(s);
}

TEST_CASE("series are stored as spans of months sharing a total", "[snapshot]") {
  // A span is its months' downloads spread evenly (the first total % months months one more): the builder's dump
  // gaps, or any run of x then x - 1 over consecutive months.
  Store s = dumps_store();
  REQUIRE(s.created[0] == 310);
  rewrite_series(s, [&](std::size_t row, auto& pairs) {
    if (row != 0) return;
    pairs = {{300, 9}, {301, 9}, {302, 8}, {303, 8}, {304, 8}, {306, 1}, {307, 1}, {308, 3}, {309, 5}, {310, 4}};
  });
  REQUIRE(s.validate().empty());
  const auto parts = encode_snapshot(s, 4);
  const std::string& g = parts[1].text;
  CHECK(ints_in(parts[0].text, g, "series_spans") == std::vector<long long>{4, 1, 3});
  CHECK(g.find("\"span_month\":[-10,1,0,0,0,1,0,0]") != std::string::npos);
  auto [lengths, totals] = spans_in(parts[0].text, g);
  CHECK(lengths == std::vector<long long>{5, 2, 1, 2, 1, 1, 1, 2});
  CHECK(totals == std::vector<long long>{42, 2, 3, 9, 7, 40, 60, 190});
  series_survive_round_trip(s);

  // Any series comes back as it was: random ones over few values, with months left out.
  std::uint64_t seed = 12345;
  auto next = [&](std::uint64_t below) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % below;
  };
  const std::uint32_t values[] = {1, 2, 3, 7, 8, 9, 4000000000u};
  for (int round = 0; round < 200; ++round) {
    rewrite_series(s, [&](std::size_t row, auto& pairs) {
      pairs.clear();
      Month m = Month(280 + next(40));
      for (std::size_t k = 0, len = next(30); k < len; ++k, m = Month(m + 1 + (next(5) == 0 ? next(3) : 0)))
        pairs.emplace_back(m, values[next(row == 2 ? 7 : 6)]);
    });
    REQUIRE(s.validate().empty());
    INFO("round " << round);
    series_survive_round_trip(s);
  }
}

TEST_CASE("download spans must ascend, fit their months and may leave few months empty", "[snapshot]") {
  Store s = dumps_store();
  auto parts = encode_snapshot(s, 4);
  for (auto& part : parts) part.sha256 = std::string(64, '0');
  // Three models: months 310 and 311-313; 313; 310, 311 and 312-313.
  const std::string months = "[0,0,0,1,0,0]", lengths = "[1,3,1,1,1,2]", totals = "[5,22,7,40,60,190]";
  REQUIRE(spans_in(parts[0].text, parts[1].text) == std::make_pair(numbers_in(lengths), numbers_in(totals)));
  // The months replaced in their list; lengths and totals written again in magnitude code, one list damaged.
  auto load_with = [&](const std::string& column, const std::string& stored, const std::string& damaged) {
    auto copy = parts;
    std::string& g = copy[1].text;
    if (column == "span_month") {
      replace(g, "\"span_month\":" + stored, "\"span_month\":" + damaged);
    } else {
      SpanCode c = span_code(ints_in(copy[0].text, g, "series_spans"), numbers_in(column == "span_length" ? damaged : lengths),
                             numbers_in(column == "span_downloads" ? damaged : totals));
      replace_value(g, "span_length", c.lengths);
      replace_value(g, "span_downloads", c.totals);
      replace_value(copy[0].text, "span_length", c.length_model);
      replace_value(copy[0].text, "span_downloads", c.total_model);
      recode_by_spans(copy[0].text, g, s, 0, ints_in(copy[0].text, g, "series_spans"),
                      numbers_in(column == "span_length" ? damaged : lengths), numbers_in(column == "span_downloads" ? damaged : totals));
    }
    std::vector<std::string> texts;
    for (auto& part : copy) texts.push_back(part.text);
    return load(encode_manifest(s, copy), texts);
  };
  CHECK(load_with("span_month", months, months).empty());
  CHECK(load_with("span_length", lengths, lengths).empty());
  CHECK(load_with("span_downloads", totals, totals).empty());
  // Later spans count the months skipped since the previous one's end, so never negative.
  CHECK(load_with("span_month", months, "[0,-1,0,1,0,0]").find("download months are not in ascending order") != std::string::npos);
  // A month skipped inside a series is fine; the few spans of a corrupt part spread over many months are not.
  CHECK(load_with("span_month", months, "[0,1,0,1,0,3]").empty());
  CHECK(load_with("span_month", months, "[0,30,0,1,30,30]").find("90 empty months inside them, more than their 9 months with downloads") !=
        std::string::npos);
  // Every month of a span has downloads, within the store's 32 bits, and within the 1200 months.
  CHECK(load_with("span_downloads", totals, "[5,2,7,40,60,190]").find("a download span has months without downloads") != std::string::npos);
  CHECK(load_with("span_downloads", totals, "[5,22,7,40,60,9999999999]").find("exceed 2^32 - 1 downloads") != std::string::npos);
  CHECK(load_with("span_downloads", totals, "[5,22,7,40,60,8589934590]").empty());  // 2^32 - 1 in each of two months
  CHECK(load_with("span_downloads", totals, "[5,22,7,40,60,0]").find("'span_downloads' holds an out-of-range value") != std::string::npos);
  CHECK(load_with("span_length", lengths, "[1,3,1,1,1,0]").find("'span_length' holds an out-of-range value") != std::string::npos);
  CHECK(load_with("span_length", lengths, "[1,3,1,1,1,900]").find("download month out of range") != std::string::npos);
  CHECK(load_with("span_length", lengths, "[1,3,1,1]").find("span columns do not match series_spans (6 spans)") != std::string::npos);
}

TEST_CASE("parts may arrive in any order", "[snapshot]") {
  // The page sends parts in order and their series go straight into the store; a part that arrives early waits.
  Parts p = small_parts();
  auto texts = texts_of(p);
  REQUIRE(texts.size() >= 4);
  auto load_in = [&](std::vector<std::size_t> order) {
    SnapshotLoader loader;
    REQUIRE(loader.begin(p.manifest).empty());
    for (auto i : order) {
      INFO("part " << i);
      REQUIRE(loader.add_part(i, texts[i]) == "");
    }
    auto store = loader.finish();
    REQUIRE(store.ok());
    return std::move(store.value());
  };
  // The dictionaries first (they hold the row groups' models), then the row groups in any order.
  std::vector<std::size_t> forward, backward{0};
  for (std::size_t i = 0; i < texts.size(); ++i) forward.push_back(i);
  for (std::size_t i = 1; i < texts.size(); ++i) backward.push_back(texts.size() - i);
  std::vector<std::size_t> shuffled = forward;
  std::swap(shuffled[1], shuffled[3]);
  Store a = load_in(forward);
  {
    SnapshotLoader loader;
    REQUIRE(loader.begin(p.manifest).empty());
    CHECK(loader.add_part(1, texts[1]).find("rows-0000.json.gz: a row group before the dictionaries part") == 0);
  }
  for (const auto& order : {backward, shuffled}) {
    Store b = load_in(order);
    CHECK(a.series_start == b.series_start);
    CHECK(a.series_begin == b.series_begin);
    CHECK(a.series_downloads == b.series_downloads);
    CHECK(a.downloads_all == b.downloads_all);
  }
  CHECK(a.series_start.back() == a.series_downloads.size());
}

TEST_CASE("damaged snapshots give specific errors", "[snapshot]") {
  Parts p = small_parts();
  auto texts = texts_of(p);
  REQUIRE(texts.size() >= 3);

  SECTION("wrong format version") {
    std::string m = p.manifest;
    replace(m, "\"version\": 6", "\"version\": 7");
    CHECK(load(m, texts).find("format version 7 is not supported") != std::string::npos);
  }
  SECTION("not a manifest") { CHECK(load("<html>404</html>", texts).find("manifest") != std::string::npos); }
  SECTION("truncated part") {
    auto t = texts;
    t[1].resize(t[1].size() / 2);
    CHECK(load(p.manifest, t).find("truncated or altered") != std::string::npos);
  }
  SECTION("bad JSON of the right size") {
    auto t = texts;
    t[1][0] = '[';
    CHECK(load(p.manifest, t).find("rows-0000.json.gz") != std::string::npos);
  }
  SECTION("a row group missing") { CHECK(load(p.manifest, texts, true).find("missing") != std::string::npos); }
  SECTION("counts that disagree with the manifest") {
    std::string m = p.manifest;
    replace(m, "\"models\": 7, \"datasets\": 2", "\"models\": 8, \"datasets\": 1");
    CHECK(load(m, texts).find("disagree") != std::string::npos);
  }
  SECTION("a row count that disagrees") {
    std::string m = p.manifest;
    replace(m, "\"repositories\": 11", "\"repositories\": 12");
    CHECK_FALSE(load(m, texts).empty());
  }
  SECTION("values out of range") {
    auto t = texts;
    std::string& g = t[1];
    auto at = g.find_first_of("0123456789", g.find("\"type\":"));  // the first value, plain or run-length coded
    REQUIRE(at != std::string::npos);
    g[at] = '9';  // same length: type 9 does not exist
    CHECK(load(p.manifest, t).find("column 'type' holds an out-of-range value") != std::string::npos);
  }
  SECTION("run-length columns that do not add up") {
    Engine engine = small_engine();
    auto parts = encode_snapshot(engine.store(), 4);
    for (auto& part : parts) part.sha256 = std::string(64, '0');
    // The column `name` of the first row group replaced; with a model for it in the dictionaries, of the only row
    // group of all 11 rows (other groups would be read with that model too).
    auto one_group = encode_snapshot(engine.store(), 1000);
    REQUIRE(one_group.size() == 2);
    for (auto& part : one_group) part.sha256 = std::string(64, '0');
    auto damage = [&](const std::string& column, const std::string& name = "sdk", const std::string& model = "") {
      auto copy = model.empty() ? parts : one_group;
      std::string& g = copy[1].text;
      replace_value(g, name, column);
      if (!model.empty()) replace_value(copy[0].text, name, model);
      std::vector<std::string> t;
      for (auto& part : copy) t.push_back(part.text);
      return load(encode_manifest(engine.store(), copy), t);  // sizes in the manifest follow the damage
    };
    CHECK(damage("{\"runs\":[0,5]}").find("longer than the row count") != std::string::npos);
    CHECK(damage("{\"runs\":[0,2,1]}").find("middle of a run") != std::string::npos);
    CHECK(damage("{\"runs\":[0,0,0,4]}").find("longer than the row count") != std::string::npos);
    CHECK(damage("{\"runs\":[0,3]}").find("has 3 values, expected 4") != std::string::npos);
    CHECK(damage("[0,0,0,0]").empty());
    // Integer lists are decoded from their text: anything but integers is refused, whitespace is not.
    CHECK(damage("[ 0 ,0,\n0,\t0 ]").empty());
    CHECK(damage("[]").find("has 0 values, expected 4") != std::string::npos);
    for (const char* junk : {"[0,0,0,1.5]", "[0,0,0,1e2]", "[0,0,0,\"0\"]", "[0,0,0,-]", "[0,0,0,]", "[0,0,,0]", "[0,0,0,[0]]",
                             "[0,0,0,99999999999999999999]", "[0,0,0,true]", "[0,0,0,null]"}) {
      INFO(junk);
      CHECK(damage(junk).find("'sdk' holds a non-integer") != std::string::npos);
    }
    CHECK(damage("[0,0,0,-1]").find("'sdk' holds an out-of-range value") != std::string::npos);
    CHECK(damage("[0,0,0,0,0]").find("'sdk' is longer than the row count") != std::string::npos);
    CHECK(damage("{\"runs\":[0,4]}").empty());
    // An author index past the dictionary.
    CHECK(damage("[9999999,0,0,0]", "author").find("out of range") != std::string::npos);
    // Range-coded (symbol_code.h), with a model of the test's own in the dictionaries: 0 (symbol 0), or 4 and 5
    // (symbol 6: class 3, the bit below its leading one 0, one bit below that), at even odds.
    // The same odds in each of the column's contexts, so that the symbols code alike in any.
    auto in_every_context = [](const std::string& odds, std::size_t contexts = RowContexts::kLikes) {
      std::string list = "[" + odds;
      for (std::size_t c = 1; c < contexts; ++c) list += "," + odds;
      return list + "]";
    };
    const std::string even = in_every_context("[0,16384,6,16384]");
    SymbolModel model(1);
    REQUIRE(model.add_context({0, 16384, 6, 16384}).empty());
    // n zeros, then `last` when not 0.
    auto zeros = [](std::size_t n, std::uint16_t last = 0) {
      std::vector<std::uint16_t> v(n, 0);
      if (last) v.push_back(last);
      return v;
    };
    auto coded = [&](std::uint64_t values, const std::vector<std::uint16_t>& symbols, const std::string& bits) {
      return "{\"values\":" + std::to_string(values) + ",\"coded\":\"" +
             encode_symbols(model, std::vector<std::uint32_t>(symbols.size(), 0), symbols) + "\",\"bits\":\"" + bits + "\"}";
    };
    CHECK(damage(coded(11, zeros(11), ""), "likes", even) == "");
    CHECK(damage(coded(11, zeros(10, 6), "g"), "likes", even) == "");  // 5 (bit 1), then 00000 to fill
    CHECK(damage(coded(10, zeros(10), ""), "likes", even).find("'likes' has 10 values, expected 11") != std::string::npos);
    CHECK(damage(coded(11, zeros(10, 6), ""), "likes", even).find("'likes' has fewer values or bits than expected") != std::string::npos);
    CHECK(damage(coded(11, zeros(11), "A"), "likes", even).find("'likes' has more values or bits than expected") != std::string::npos);
    CHECK(damage(coded(11, zeros(13), ""), "likes", even).find("'likes' has more values or bits than expected") != std::string::npos);
    std::string cut = coded(11, zeros(11), "");  // its first 30 bits: not even the coder's 32-bit state
    const std::size_t from = cut.find("\"coded\":\"") + 9;
    cut.erase(from + 5, cut.find('"', from) - from - 5);
    CHECK(damage(cut, "likes", even).find("'likes' is too short or not base64") != std::string::npos);
    CHECK(damage("{\"values\":11,\"classes\":\"\",\"bits\":\"\"}", "likes", even).find("'likes' is not a list, runs or magnitude code (values, coded, bits)") != std::string::npos);
    CHECK(damage("{\"values\":4}", "sdk").find("'sdk' is not a list or runs") != std::string::npos);
    // A symbol the model does not hold reads as another or fails, and the coder's state then does not end where it began.
    CHECK(damage(coded(11, zeros(10, 6), "g"), "likes", in_every_context("[0,32768]")).find("'likes' has more values or bits than expected") != std::string::npos);
    // Models that cannot be coded with.
    CHECK(damage(coded(11, zeros(11), ""), "likes", in_every_context("[0,16384,6,16383]")).find("dicts.json.gz: symbol model of likes has frequencies that do not add up to 2^15") != std::string::npos);
    CHECK(damage(coded(11, zeros(11), ""), "likes", in_every_context("[0,16384,0,16384]")).find("symbol model of likes lists a symbol out of range or twice") != std::string::npos);
    CHECK(damage(coded(11, zeros(11), ""), "likes", in_every_context("[0,16384,256,16384]")).find("symbol model of likes lists a symbol out of range or twice") != std::string::npos);
    CHECK(damage(coded(11, zeros(11), ""), "likes", "[[0,32768],[0,32768]]").find("symbol model of likes has a wrong list of contexts") != std::string::npos);
    CHECK(damage(coded(11, zeros(11), ""), "likes", in_every_context("[0,16384,6]")).find("symbol model of likes lists a symbol without its frequency") != std::string::npos);
    CHECK(damage(coded(11, zeros(11), ""), "likes", "{}").find("symbol model of likes is not a list of contexts") != std::string::npos);
    // Span columns read in their contexts: a model of the wrong number of contexts.
    CHECK(damage(coded(1, zeros(1), ""), "span_length", in_every_context("[0,32768]", 2)).find("symbol model of span_length has a wrong list of contexts") != std::string::npos);
    // Lifetime downloads are the series' sum plus the extra column: never below zero, nothing for unknown totals.
    std::string below = damage("{\"runs\":[-9000000000,4]}", "downloads_all_extra");
    INFO(below);
    CHECK((below.find("'downloads_all_extra' holds an out-of-range") != std::string::npos ||
           below.find("'downloads_all_extra' has a value for an unknown total") != std::string::npos));
    CHECK(damage("{\"runs\":[2,4]}", "downloads_all_known").find("out-of-range") != std::string::npos);
    // More spans than there are months is refused before the span columns are sized by it.
    CHECK(damage("[0,0,0,4000000000]", "series_spans").find("'series_spans' holds an out-of-range value") != std::string::npos);
    CHECK(damage("[0,0,0,1201]", "series_spans").find("'series_spans' holds an out-of-range value") != std::string::npos);
    // Span months: a step that would overflow, or land before month 0 or past month 1199, is refused.
    const std::size_t spans = values_in(parts[0].text, parts[1].text, "span_length");
    REQUIRE(spans >= 2);
    {
      // Coded symbols altered: read as other values, which go out of range or leave the coder elsewhere than it began.
      auto [at, end] = value_at(parts[1].text, "span_length");
      std::string v = parts[1].text.substr(at, end - at);
      char& first = v[v.find("\"coded\":\"") + 9];
      first = first == '/' ? '+' : '/';
      const std::string err = damage(v, "span_length");
      INFO(err);
      CHECK((err.find("'span_length' holds an out-of-range value") != std::string::npos ||
             err.find("'span_length' is corrupt") != std::string::npos ||
             err.find("'span_length' is too short or not base64") != std::string::npos ||
             err.find("a span column has bits left over") != std::string::npos));
    }
    auto months = [&](const std::string& first, const std::string& rest) {
      return damage("{\"runs\":[" + first + ",1," + rest + "," + std::to_string(spans - 1) + "]}", "span_month");
    };
    CHECK(months("0", "0").empty());
    CHECK(months("9223372036854775807", "0").find("download month out of range") != std::string::npos);
    CHECK(months("0", "9223372036854775807").find("download month out of range") != std::string::npos);
    CHECK(months("-2000", "0").find("download month out of range") != std::string::npos);
    CHECK(months("0", "1200").find("download month out of range") != std::string::npos);
  }
  SECTION("unsafe file names in the manifest") {
    std::string m = p.manifest;
    replace(m, "\"path\": \"dicts.json.gz\"", "\"path\": \"../../etc/pass\"");
    CHECK(load(m, texts).find("unsafe file path") != std::string::npos);
  }
  SECTION("a part fed twice") {
    SnapshotLoader loader;
    REQUIRE(loader.begin(p.manifest).empty());
    REQUIRE(loader.add_part(0, texts[0]).empty());
    CHECK(loader.add_part(0, texts[0]).find("twice") != std::string::npos);
    CHECK(loader.add_part(99, texts[0]).find("not in the manifest") != std::string::npos);
  }
}

TEST_CASE("sha256 matches known digests", "[snapshot]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("the precomputed views file is listed last and is never a data part", "[snapshot]") {
  Engine engine = small_engine();
  Parts p = small_parts();
  std::vector<std::string> data = texts_of(p);
  auto views = p.parts;
  views.push_back(SnapshotPart{kDefaultViewsFile, "views", 0, "{\"headline\":{}}", 0, std::string(64, 'a')});
  std::string manifest = encode_manifest(engine.store(), views, "s=x&v=2");
  auto m = parse_manifest(manifest);
  REQUIRE(m.ok());
  CHECK(m->default_state == "s=x&v=2");
  CHECK(m->files.back().role == "views");
  // Loading the data parts alone finishes: the views file is not waited for.
  CHECK(load(manifest, data).empty());
  // Handing it to the loader as a part is refused.
  SnapshotLoader loader;
  REQUIRE(loader.begin(manifest).empty());
  CHECK(loader.add_part(views.size() - 1, views.back().text).find("not a data part") != std::string::npos);
  // Without default_state, or anywhere but last, the manifest is refused.
  CHECK_FALSE(parse_manifest(encode_manifest(engine.store(), views)).ok());
  std::swap(views[views.size() - 1], views[views.size() - 2]);
  CHECK(parse_manifest(encode_manifest(engine.store(), views, "s=x&v=2")).error().find("listed last") != std::string::npos);
}
