#include <algorithm>
#include <cstring>

#include "json_writer.h"
#include "simdjson.h"
#include "snapshot_magnitudes.h"
#include "snapshot.h"
#include "state.h"

namespace hubreport {

namespace sj = simdjson::ondemand;

// The loader's once-per-column work is built for size (the module's budget); the loops over every value keep their
// own speed apart from it.
#define HUBREPORT_HOT __attribute__((noinline))
#define HUBREPORT_ONCE __attribute__((minsize, noinline))

namespace {

// Parsing needs SIMDJSON_PADDING readable bytes past the end; parts arrive unpadded, so copy once into a buffer.
class Padded {
 public:
  simdjson::padded_string_view view(std::string_view text) {
    if (buf_.size() < text.size() + simdjson::SIMDJSON_PADDING) buf_.resize(text.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buf_.data(), text.data(), text.size());
    std::memset(buf_.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(buf_.data(), text.size(), buf_.size());
  }
  void reserve(std::size_t text_bytes) { buf_.resize(text_bytes + simdjson::SIMDJSON_PADDING); }
  void release() { std::vector<char>().swap(buf_); }

 private:
  std::vector<char> buf_;
};

HUBREPORT_ONCE Status read_string_list(sj::value v, Names& out, const char* key) {
  sj::array arr;
  if (v.get_array().get(arr)) return std::string("'") + key + "' is not a list";
  out.clear();
  for (auto item : arr) {
    std::string_view s;
    if (item.get_string().get(s)) return std::string("'") + key + "' holds a non-string";
    out.push_back(s);
  }
  out.shrink_to_fit();  // grown by doubling
  return "";
}

// A column's model (magnitude code), each value's context (without them: the previous value's class), and where to
// open it when it is read later, once its contexts are known (`defer`: only opened here, when in magnitude code).
struct ColumnCode {
  const SymbolModel* model;
  const std::uint8_t* contexts = nullptr;
  MagnitudeReader* defer = nullptr;
};

// Reads an integer column (a plain array, {"runs":[value,count,...]}, or magnitude code for a column with a model)
// into values[0..n); fails on a count mismatch. One copy of the parsing loop for every column type (read_ints maps
// the values).
HUBREPORT_HOT Status read_int_column(sj::value v, std::vector<std::int64_t>& values, std::size_t n, const char* key,
                       const ColumnCode* code) {
  auto bad = [&](const std::string& why) { return std::string("column '") + key + "' " + why; };
  values.resize(n);
  sj::json_type t;
  if (v.type().get(t)) return bad("is unreadable");
  sj::array arr;
  bool runs = t == sj::json_type::object;
  if (runs) {
    sj::object obj;
    if (v.get_object().get(obj)) return bad("is not a list of runs");
    if (obj["runs"].get_array().get(arr)) {
      if (!code) return bad("is not a list or runs");
      Status err = code->defer ? open_magnitudes(obj, *code->defer, *code->model)
                               : read_magnitudes(obj, values, *code->model, code->contexts);
      return err.empty() ? err : bad(err);
    }
  } else if (v.get_array().get(arr)) {
    return bad("is not a list");
  }
  std::size_t i = 0;
  std::int64_t value = 0;
  bool have_value = false;
  for (auto item : arr) {
    std::int64_t x;
    if (item.get_int64().get(x)) return bad("holds a non-integer");
    if (runs && !have_value) {
      value = x;
      have_value = true;
      continue;
    }
    std::int64_t repeat = runs ? x : 1;
    if (!runs) value = x;
    have_value = false;
    if (repeat < 1 || std::uint64_t(repeat) > n - i) return bad("is longer than the row count");
    for (std::int64_t k = 0; k < repeat; ++k) values[i++] = value;
  }
  if (have_value) return bad("ends in the middle of a run");
  if (i != n) return std::string("column '") + key + "' has " + std::to_string(i) + " values, expected " + std::to_string(n);
  return "";
}

// read_int_column, then each value mapped into out[0..n); fails on an out-of-range value.
template <class T, class Map>
HUBREPORT_HOT Status read_ints(sj::value v, T* out, std::size_t n, const char* key, Map map, const ColumnCode* code = nullptr) {
  std::vector<std::int64_t> values;
  Status err = read_int_column(v, values, n, key, code);
  if (code && code->defer && code->defer->opened()) return err;  // read later
  if (!err.empty()) return err;
  for (std::size_t i = 0; i < n; ++i)
    if (!map(values[i], out[i])) return std::string("column '") + key + "' holds an out-of-range value";
  return "";
}

template <class T>
bool plain(std::int64_t x, T& out) {
  if (x < 0 || std::uint64_t(x) > std::uint64_t(T(~T(0)))) return false;
  out = T(x);
  return true;
}

}  // namespace

struct SnapshotLoader::Impl {
  Manifest manifest;
  bool begun = false;
  std::vector<char> received;
  std::vector<std::size_t> first_row;
  // Series of groups that arrived ahead of an earlier one, until they can be appended in order (the page sends
  // parts in order, so normally none wait: the series go straight into the store, with no second copy to free).
  // Per row group until it is appended in order: each row's first download month and its series' length in bytes,
  // and the series (runs of months, narrow.h).
  std::vector<std::vector<Month>> group_begin;
  std::vector<std::vector<std::uint32_t>> group_counts;
  std::vector<MonthlyCounts> group_downloads;
  // And the columns kept narrow (narrow.h), which are appended in row order too.
  std::vector<std::vector<std::uint32_t>> group_likes;
  std::vector<std::vector<std::uint64_t>> group_lifetime;
  std::vector<std::uint64_t> params;  // in full until finish(), which makes the store's column of repeated values
  std::size_t points = 0;  // months with downloads, as stored
  std::size_t next_group = 1;  // the manifest file whose series is appended next
  void append_ready_groups();
  void make_columns();
  bool columns_made = false;
  bool dicts_read = false;  // row groups need its symbol models
  SnapshotModels models;
  Store store;
  sj::parser parser;
  Padded pad;
};

HUBREPORT_ONCE SnapshotLoader::SnapshotLoader() : impl_(new Impl) {}
SnapshotLoader::~SnapshotLoader() = default;
const Manifest& SnapshotLoader::manifest() const { return impl_->manifest; }

HUBREPORT_ONCE Status SnapshotLoader::begin(std::string_view manifest_text) {
  auto m = parse_manifest(manifest_text);
  if (!m) return m.error();
  impl_.reset(new Impl);  // not a move-assignment of a fresh one: the module's budget
  Impl& L = *impl_;
  L.manifest = std::move(m.value());
  L.begun = true;
  std::size_t files = L.manifest.files.size();
  L.received.assign(files, 0);
  // The precomputed views file is for the page to draw from before the engine is ready, never a data part.
  for (std::size_t i = 0; i < files; ++i)
    if (L.manifest.files[i].role == "views") L.received[i] = 1;
  L.first_row.assign(files, 0);
  for (std::size_t i = 1, row = 0; i < files; ++i) {
    L.first_row[i] = row;
    row += L.manifest.files[i].rows;
  }
  L.group_begin.resize(files);
  L.group_counts.resize(files);
  L.group_downloads.resize(files);
  L.group_likes.resize(files);
  L.group_lifetime.resize(files);
  L.store.info = L.manifest.info;
  return "";
}

// The store's columns are made at the first row part, not at begin: the dictionaries part, parsed first, then leaves
// its parser's memory (freed after it) for them instead of adding to the peak.
HUBREPORT_ONCE void SnapshotLoader::Impl::make_columns() {
  if (columns_made) return;
  columns_made = true;
  std::size_t n = manifest.repositories;
  Store& s = store;
  // Room for every download point, but never more than 12 per repository (15 bytes of the 360 a repository may take,
  // api.h): a manifest that lies about its counts cannot reserve more memory than its repositories were allowed.
  // (The default snapshot has 7.4 per repository; a snapshot with more grows its series as they arrive.) The part
  // text bounds nothing here: magnitude code writes a span of many months in a few characters.
  std::size_t points = std::size_t(std::min<std::uint64_t>(manifest.series_points, std::uint64_t(n) * 12));
  s.series_start.reserve(n + 1);
  s.series_start.push_back(0);
  s.series_begin.reserve(n);
  // At 0.56 bytes a point (runs of evenly spread months, narrow.h: the default snapshot takes 0.53, its empty months
  // inside the series included). A snapshot that needs more (monthly values that vary more, as real dumps' may) grows
  // the column as its rows arrive; finish() gives back what is left unused.
  s.series_downloads.reserve(points / 2 + points / 16);
  s.type.resize(n), s.relation.resize(n), s.sdk.resize(n), s.depth.resize(n);
  s.author.resize(n), s.family.resize(n), s.task.resize(n), s.library.resize(n), s.license.resize(n);
  s.created.resize(n), s.downloads30.resize(n);
  s.likes.reserve(n, 0), s.downloads_all.reserve(n);
  params.resize(n);
  // The parser and its padding sized once for the largest row part (up to 16 MB; the default snapshot's are 1.5 to 4.8
  // MB), after the columns: growing as larger parts arrived left holes that the engine could not reuse.
  std::size_t largest = 0;
  for (const auto& f : manifest.files)
    if (f.role == "rows") largest = std::max<std::size_t>(largest, std::min<std::uint64_t>(f.raw_bytes, 16u << 20));
  pad.reserve(largest);
  if (parser.allocate(largest)) parser = sj::parser();  // no room: it grows per part, as before
}

Status SnapshotLoader::add_part(std::size_t index, std::string_view text) {
  Impl& L = *impl_;
  if (!L.begun) return "snapshot part before its manifest";
  if (index >= L.manifest.files.size()) return "snapshot part " + std::to_string(index) + " is not in the manifest";
  const ManifestFile& f = L.manifest.files[index];
  auto bad = [&](const std::string& why) { return f.path + ": " + why; };
  if (f.role == "views") return bad("the precomputed views file is not a data part");
  if (L.received[index]) return bad("received twice");
  if (text.size() != f.raw_bytes)
    return bad("holds " + std::to_string(text.size()) + " bytes, manifest says " + std::to_string(f.raw_bytes) + " (truncated or altered)");
  sj::document doc;
  sj::object obj;
  if (f.role == "rows") L.make_columns();  // before parsing: it sizes the parser
  if (L.parser.iterate(L.pad.view(text)).get(doc) || doc.get_object().get(obj)) return bad("not a JSON object");
  Store& s = L.store;
  Status err;
  if (f.role == "dicts") {
    std::size_t seen = 0;
    std::vector<std::uint8_t> tmp;
    for (auto field : obj) {
      std::string_view key;
      sj::value v;
      if (field.unescaped_key().get(key) || field.value().get(v)) return bad("malformed JSON");
      ++seen;
      if (key == "countries") err = read_string_list(v, s.countries, "countries");
      else if (key == "authors") err = read_string_list(v, s.authors, "authors");
      else if (key == "tasks") err = read_string_list(v, s.tasks, "tasks");
      else if (key == "libraries") err = read_string_list(v, s.libraries, "libraries");
      else if (key == "licenses") err = read_string_list(v, s.licenses, "licenses");
      else if (key == "families") err = read_string_list(v, s.families, "families");
      else if (key == "symbol_models") err = read_snapshot_models(v, L.models);
      else if (key == "author_country" || key == "author_sector" || key == "task_modality") {
        auto& target = key == "author_country" ? s.author_country : key == "author_sector" ? s.author_sector : s.task_modality;
        std::size_t want = key == "task_modality" ? s.tasks.size() : s.authors.size();
        target.resize(want);
        err = read_ints(v, target.data(), want, "dictionary", plain<std::uint8_t>);
      } else {
        --seen;
      }
      if (!err.empty()) return bad(err);
    }
    if (seen != 10) return bad("missing a dictionary");
    L.dicts_read = true;
  } else {
    if (!L.dicts_read) return bad("a row group before the dictionaries part, which holds its columns' models (it comes first)");
    std::size_t n = f.rows, r0 = L.first_row[index];
    std::uint64_t rows_field = 0;
    std::size_t seen = 0;
    auto& counts = L.group_counts[index];
    std::vector<std::int64_t> deltas(n), extra, skips;
    std::vector<std::uint32_t> lengths;
    std::vector<std::uint64_t> span_total;
    std::vector<std::uint8_t> known;
    MagnitudeReader coded_lengths, coded_totals, coded_recent, coded_likes;  // read once the spans are
    bool have_type = false;
    auto count_or_unknown = [](std::int64_t x, std::uint32_t& o) {
      if (x < -1 || x >= std::int64_t(kUnknownCount)) return false;
      o = x < 0 ? kUnknownCount : std::uint32_t(x);
      return true;
    };
    for (auto field : obj) {
      std::string_view key;
      sj::value v;
      if (field.unescaped_key().get(key) || field.value().get(v)) return bad("malformed JSON");
      ++seen;
      auto any = [](std::int64_t x, std::int64_t& o) { o = x; return true; };
      if (key == "group") { std::uint64_t g; if (v.get_uint64().get(g) || g + 1 != index) return bad("group number does not match its place"); }
      else if (key == "rows") { if (v.get_uint64().get(rows_field) || rows_field != n) return bad("row count does not match the manifest"); }
      else if (key == "type") {
        // Checked here, not only with the store: a row's type is the context of its number of spans.
        err = read_ints(v, &s.type[r0], n, "type", [](std::int64_t x, std::uint8_t& o) {
          o = std::uint8_t(x);
          return x >= 0 && x < std::int64_t(RowContexts::kTypes);
        });
        have_type = err.empty();
      }
      else if (key == "created" || key == "author" || key == "family") {
        // Differences along the rows, the running sum checked at each row (a step beyond 2^40 is out of range at
        // once, so the sum never overflows).
        const bool created = key == "created", author = key == "author";
        const char* name = created ? "created" : author ? "author" : "family";
        const ColumnCode code{created ? &L.models.created : author ? &L.models.author : &L.models.family};
        err = read_ints(v, deltas.data(), n, name, any, &code);
        const std::int64_t most = created ? 1199 : 0xFFFFFFFF, step = std::int64_t(1) << 40;
        std::int64_t acc = 0;
        for (std::size_t i = 0; i < n && err.empty(); ++i) {
          acc = deltas[i] < -step || deltas[i] > step ? -1 : acc + deltas[i];
          if (acc < 0 || (acc > most && !(created && acc == kUnknownMonth)))
            err = std::string(created ? "creation month" : name) + " out of range";
          else if (created) s.created[r0 + i] = Month(acc);
          else (author ? s.author : s.family)[r0 + i] = std::uint32_t(acc);
        }
      }
      else if (key == "downloads30") {
        const ColumnCode code{&L.models.downloads30, nullptr, &coded_recent};
        err = read_ints(v, &s.downloads30[r0], n, "downloads30", count_or_unknown, &code);
      } else if (key == "likes") {
        L.group_likes[index].resize(n);
        const ColumnCode code{&L.models.likes, nullptr, &coded_likes};
        err = read_ints(v, L.group_likes[index].data(), n, "likes", count_or_unknown, &code);
      }
      else if (key == "downloads_all_known") {
        known.resize(n);
        err = read_ints(v, known.data(), n, "downloads_all_known", [](std::int64_t x, std::uint8_t& o) {
          if (x != 0 && x != 1) return false;
          o = std::uint8_t(x);
          return true;
        });
      } else if (key == "downloads_all_extra") {
        extra.resize(n);
        err = read_ints(v, extra.data(), n, "downloads_all_extra", any);
      }
      else if (key == "task") err = read_ints(v, &s.task[r0], n, "task", plain<std::uint16_t>);
      else if (key == "library") err = read_ints(v, &s.library[r0], n, "library", plain<std::uint16_t>);
      else if (key == "license") err = read_ints(v, &s.license[r0], n, "license", plain<std::uint16_t>);
      else if (key == "relation") err = read_ints(v, &s.relation[r0], n, "relation", plain<std::uint8_t>);
      else if (key == "depth") err = read_ints(v, &s.depth[r0], n, "depth", plain<std::uint8_t>);
      else if (key == "params") err = read_ints(v, &L.params[r0], n, "params", plain<std::uint64_t>);
      else if (key == "sdk") err = read_ints(v, &s.sdk[r0], n, "sdk", plain<std::uint8_t>);
      else if (key == "series_spans") {
        if (!have_type) return bad("series_spans before the type column (its context)");
        counts.resize(n);
        const ColumnCode code{&L.models.series_spans, &s.type[r0]};
        // A span covers a month at least (below 1200): more spans are corrupt, and would size the next columns.
        err = read_ints(v, counts.data(), n, "series_spans", [](std::int64_t x, std::uint32_t& o) {
          if (x < 0 || x > 1200) return false;
          o = std::uint32_t(x);
          return true;
        }, &code);
      } else if (key == "span_month") {
        if (counts.size() != n) return bad("span columns before series_spans");
        std::size_t total = 0;
        for (auto c : counts) total += c;
        skips.resize(total);
        err = read_ints(v, skips.data(), total, "span_month", any);  // made months below, with the lengths
      } else if (key == "span_length" || key == "span_downloads") {
        // Magnitude code, read span by span below: each value's context depends on the previous span.
        sj::object o;
        const bool lengths_key = key == "span_length";
        err = v.get_object().get(o) ? "is not magnitude code"
                                    : open_magnitudes(o, lengths_key ? coded_lengths : coded_totals,
                                                      lengths_key ? L.models.span_length : L.models.span_downloads);
        if (!err.empty()) err = "column '" + std::string(key) + "' " + err;
      } else {
        --seen;
      }
      if (!err.empty()) return bad(err);
    }
    if (seen != 21) return bad("missing a column (a row group needs all 21 fields, created before span_month)");
    std::size_t stored = 0;
    for (auto c : counts) stored += c;
    if (skips.size() != stored || coded_lengths.size() != stored || coded_totals.size() != stored)
      return bad("span columns do not match series_spans (" + std::to_string(stored) + " spans)");
    lengths.resize(stored), span_total.resize(stored);
    // The next value of a span column, in [1, most]: nullptr, or what is wrong with it.
    auto read_span = [](MagnitudeReader& r, std::size_t context, std::int64_t most, std::int64_t& x) -> const char* {
      if (!r.next(context, x)) return "is corrupt (its classes or bits)";
      return x < 1 || x > most ? "holds an out-of-range value" : nullptr;
    };
    std::vector<std::uint32_t> recent_context(n), likes_context(n);
    for (std::size_t i = 0, k = 0; i < n; ++i) {
      SpanContexts context;
      std::uint64_t sum = 0;
      for (std::uint32_t j = 0; j < counts[i]; ++j, ++k) {
        std::int64_t length = 0, total = 0;
        const char* column = "span_length";
        const char* why = read_span(coded_lengths, context.for_length(), 1200, length);
        if (!why) column = "span_downloads", why = read_span(coded_totals, context.for_total(std::uint64_t(length)), std::int64_t(kMaxLifetime), total);
        if (why) return bad(std::string("column '") + column + "' " + why);
        lengths[k] = std::uint32_t(length), span_total[k] = std::uint64_t(total);
        context.add(span_total[k], lengths[k]), sum += span_total[k];
      }
      recent_context[i] = std::uint32_t(RowContexts::recent(s.type[r0 + i], context));
      likes_context[i] = std::uint32_t(RowContexts::likes(s.type[r0 + i], sum));
    }
    if (!coded_lengths.at_end() || !coded_totals.at_end()) return bad("a span column has bits left over");
    // The last 30 days and the likes when range-coded: read in the contexts the spans give them (RowContexts).
    if (coded_recent.opened()) err = read_coded_counts(coded_recent, "downloads30", recent_context, &s.downloads30[r0]);
    if (err.empty() && coded_likes.opened()) err = read_coded_counts(coded_likes, "likes", likes_context, L.group_likes[index].data());
    if (!err.empty()) return bad(err);
    // Each row's spans: their first months (the first against the creation month, later ones as the months skipped
    // since the previous span's end), checked before anything is sized by them.
    std::vector<Month> first(stored);
    std::size_t dense = 0, points = 0;
    for (std::size_t i = 0, k = 0; i < n; ++i) {
      std::int64_t at = s.created[r0 + i] == kUnknownMonth ? 0 : s.created[r0 + i], row_first = 0;
      for (std::uint32_t j = 0; j < counts[i]; ++j, ++k) {
        // A step beyond the 1200 months never lands in range; refusing it first keeps the sum from overflowing.
        if (skips[k] < -1200 || skips[k] > 1200) return bad("download month out of range");
        // Later spans start after the previous one ends: never a negative skip.
        if (j && skips[k] < 0) return bad("download months are not in ascending order");
        at += skips[k];
        if (at < 0 || at + lengths[k] > 1200) return bad("download month out of range");
        // Every month of a span has downloads, each fitting the store's 32 bits.
        if (span_total[k] < lengths[k]) return bad("a download span has months without downloads");
        if (evenly_spread(span_total[k], lengths[k], 0) > 0xFFFFFFFFu) return bad("a download span's months exceed 2^32 - 1 downloads");
        if (j == 0) row_first = at;
        first[k] = Month(at);
        at += lengths[k];
        points += lengths[k];
      }
      if (counts[i]) dense += std::size_t(at - row_first);
    }
    // The empty months inside the series are bounded: a corrupt part could otherwise spread a few spans over 1200
    // months each.
    if (dense - points > points + n)
      return bad("download series have " + std::to_string(dense - points) + " empty months inside them, more than their " +
                 std::to_string(points) + " months with downloads");
    // Lifetime downloads: the series' sum plus what the group adds to it.
    auto& lifetime = L.group_lifetime[index];
    lifetime.resize(n);
    for (std::size_t i = 0, k = 0; i < n; ++i) {
      std::uint64_t series = 0;
      for (std::uint32_t j = 0; j < counts[i]; ++j) series += span_total[k++];  // at most 1200 * 2^48: no overflow
      if (!known[i]) {
        if (extra[i] != 0) return bad("column 'downloads_all_extra' has a value for an unknown total");
        lifetime[i] = kUnknownTotal;
        continue;
      }
      if (extra[i] < 0 && std::uint64_t(0) - std::uint64_t(extra[i]) > series) return bad("column 'downloads_all_extra' holds an out-of-range value");
      std::uint64_t all = series + std::uint64_t(extra[i]);
      if (all > kMaxLifetime) return bad("column 'downloads_all_extra' holds an out-of-range value");
      lifetime[i] = all;
    }
    // One value per month from each series' first month to its last (store.h).
    auto& begin = L.group_begin[index];
    auto& series = L.group_downloads[index];
    begin.assign(n, 0);
    for (std::size_t i = 0, k = 0; i < n; ++i) {
      const std::size_t at = series.size();
      Month next = 0;
      if (counts[i]) begin[i] = next = first[k];
      for (std::uint32_t j = 0; j < counts[i]; ++j, ++k) {
        for (; next < first[k]; ++next) series.push_back(0);
        for (std::uint32_t m = 0; m < lengths[k]; ++m) series.push_back(std::uint32_t(evenly_spread(span_total[k], lengths[k], m)));
        next = Month(next + lengths[k]);
      }
      series.end_series();
      counts[i] = std::uint32_t(series.size() - at);  // from here on, the row's bytes
    }
    L.points += points;
  }
  if (!doc.is_alive() || !doc.at_end()) return bad("trailing text after the JSON object");
  if (f.role == "dicts") {
    // The largest part (10 MB of 143 in the default snapshot): the parser and padding sized for it (about 5 bytes per
    // byte of text) go back, so the row parts, and then the engine, reuse that memory.
    L.parser = sj::parser();
    L.pad.release();
  }
  L.received[index] = 1;
  L.append_ready_groups();
  return "";
}

void SnapshotLoader::Impl::append_ready_groups() {
  Store& s = store;
  for (; next_group < manifest.files.size() && received[next_group] && manifest.files[next_group].role == "rows"; ++next_group) {
    const auto& counts = group_counts[next_group];
    const auto& downloads = group_downloads[next_group];
    std::size_t r0 = first_row[next_group];
    const std::size_t bytes = downloads.size();
    auto& series = s.series_downloads;
    if (series.size() + bytes > series.capacity()) {
      // Room for the rest at the bytes per row so far, and a little more: not the doubling that would leave up to
      // half of the column unused at the peak.
      std::size_t done = r0 + counts.size(), total = series.size() + bytes;
      std::size_t rest = manifest.repositories > done ? manifest.repositories - done : 0;
      series.reserve(total + rest * (total / done + 1) + total / 64);
    }
    series.append(downloads, 0, bytes);
    for (std::size_t i = 0, at = 0; i < counts.size(); ++i) {
      at += counts[i];
      s.series_start.push_back(std::uint32_t(series.size() - bytes + at));  // groups are appended in order: row r0 + i
    }
    s.series_begin.insert(s.series_begin.end(), group_begin[next_group].begin(), group_begin[next_group].end());
    for (auto v : group_likes[next_group]) s.likes.push_back(v);
    for (auto v : group_lifetime[next_group]) s.downloads_all.push_back(v);
    std::vector<std::uint32_t>().swap(group_likes[next_group]);
    std::vector<std::uint64_t>().swap(group_lifetime[next_group]);
    std::vector<Month>().swap(group_begin[next_group]);
    std::vector<std::uint32_t>().swap(group_counts[next_group]);
    group_downloads[next_group] = MonthlyCounts();
  }
}

HUBREPORT_ONCE Result<Store> SnapshotLoader::finish() {
  using R = Result<Store>;
  Impl& L = *impl_;
  if (!L.begun) return R::failure("no manifest");
  for (std::size_t i = 0; i < L.received.size(); ++i)
    if (!L.received[i]) return R::failure(L.manifest.files[i].path + ": missing (listed in the manifest, never loaded)");
  L.make_columns();  // a snapshot with no rows
  Store& s = L.store;
  L.append_ready_groups();
  s.params.reserve(L.params.size(), std::size_t(L.params.size() - std::count(L.params.begin(), L.params.end(), 0)));
  for (auto v : L.params) s.params.push_back(v);
  s.params.finish();
  std::vector<std::uint64_t>().swap(L.params);
  std::size_t total = L.points;
  if (total != L.manifest.series_points)
    return R::failure("download series hold " + std::to_string(total) + " points, manifest says " + std::to_string(L.manifest.series_points));
  s.likes.shrink_to_fit();  // grown part by part, not knowing how many rows would have likes
  std::string err = s.validate();
  if (!err.empty()) return R::failure("snapshot is inconsistent: " + err);
  // Up to an eighth left unused stays: a copy without it would need room beside the column, at the peak.
  if (s.series_downloads.capacity() - s.series_downloads.size() > s.series_downloads.size() / 8) s.series_downloads.shrink_to_fit();
  std::size_t counts[3] = {0, 0, 0};
  for (auto t : s.type) ++counts[t];
  if (counts[0] != L.manifest.models || counts[1] != L.manifest.datasets || counts[2] != L.manifest.spaces)
    return R::failure("repository types disagree with the manifest counts");
  Month first = kUnknownMonth;
  for (std::size_t r = 0; r < s.rows(); ++r)
    if (s.has_series(r)) first = std::min(first, s.series_begin[r]);
  s.info.series_first = first;
  s.derive_row_fields();
  R out = std::move(s);
  impl_.reset(new Impl);  // what the loading needed (the parser, the symbol models: about 0.3 MB) goes back
  return out;
}

HUBREPORT_ONCE std::string snapshot_info_json(const Store& s) {
  std::size_t counts[3] = {0, 0, 0};
  for (auto t : s.type) ++counts[t];
  std::string o;
  JsonObject j(o);
  j.text("id", s.info.id).text("date", s.info.date).text("kind", s.info.kind).text("provenance", s.info.provenance);
  j.boolean("single_dump", s.info.single_dump).uint("repositories", s.rows()).uint("models", counts[0]);
  j.uint("datasets", counts[1]).uint("spaces", counts[2]).uint("series_points", s.series_points());
  j.uint("authors", s.authors.size()).uint("families", s.families.size() - 1);
  if (s.info.series_first == kUnknownMonth) j.raw("first_month", "null");
  else j.text("first_month", format_month(s.info.series_first));
  j.text("last_month", format_month(s.info.month)).uint("memory_bytes", s.memory_bytes());
  j.close();
  return o;
}

}  // namespace hubreport
