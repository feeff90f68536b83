#include <cstdio>

#include "json_writer.h"
#include "magnitude_code.h"
#include "snapshot.h"

namespace hubreport {

namespace {

void append_strings(std::string& out, const char* key, const Names& list) {
  out += '"';
  out += key;
  out += "\":";
  append_json_string_list(out, list);
}

// A column in magnitude code: its model, and each value's context (RowContexts), or without them the previous value's
// class.
struct Coded {
  SymbolModel* model;
  const std::vector<std::uint32_t>* contexts = nullptr;
};

// A column of integers, as {"runs":[value,count,value,count,...]} when runs of equal values make it shorter (rows are
// ordered by profile, so most columns are long runs), otherwise as a plain array or, given a model, in magnitude code.
template <class Get>
void append_ints(std::string& out, const char* key, std::size_t n, Get get, const Coded& coded = {nullptr}) {
  std::vector<std::int64_t> v(n);
  std::size_t runs = 0;
  for (std::size_t i = 0; i < n; ++i) {
    v[i] = get(i);
    runs += (i == 0 || v[i] != v[i - 1]) ? 1 : 0;
  }
  out += ",\"";
  out += key;
  if (runs * 3 < n) {
    out += "\":{\"runs\":[";
    for (std::size_t i = 0; i < n;) {
      std::size_t j = i;
      while (j < n && v[j] == v[i]) ++j;
      if (i) out += ',';
      append_int(out, v[i]);
      out += ',';
      append_uint(out, j - i);
      i = j;
    }
    out += "]}";
    return;
  }
  if (coded.model) {
    MagnitudeWriter w(*coded.model);
    for (std::size_t i = 0; i < n; ++i)
      w.add(coded.contexts ? (*coded.contexts)[i] : i ? magnitude_class(v[i - 1]) : 0, v[i]);
    out += "\":";
    w.append_json(out);
    return;
  }
  out += "\":[";
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += ',';
    append_int(out, v[i]);
  }
  out += ']';
}

// One row group's part; the models count its symbols until they are scaled (the first of encode_snapshot's passes).
SnapshotPart encode_group(const Store& s, std::size_t first, std::size_t n, std::size_t g, SnapshotModels& models) {
  auto unknown_or = [](auto v, auto unknown) { return v == unknown ? std::int64_t(-1) : std::int64_t(v); };
  char name[32];
  std::snprintf(name, sizeof name, "rows-%04zu.json.gz", g);
  SnapshotPart part{name, "rows", n, "{\"group\":", 0, ""};
  std::string& t = part.text;
  append_uint(t, g);
  t += ",\"rows\":";
  append_uint(t, n);
  auto at = [&](std::size_t i) { return first + i; };
  // The series as spans of consecutive months with downloads, each its total spread evenly (evenly_spread, store.h):
  // a dump gap's difference is spread that way by the builder, so a span is usually a whole gap, months long.
  std::vector<std::int64_t> spans(n), months, lengths, downloads;
  std::vector<std::pair<Month, std::uint32_t>> points;
  for (std::size_t i = 0; i < n; ++i) {
    points.clear();
    s.each_download(at(i), [&](Month m, std::uint32_t d) { points.emplace_back(m, d); });
    // A span's first month is coded against the creation month, later ones as the months skipped since the end
    // of the previous span: nearly every series is unbroken, so the column is one long run of zeros.
    std::int64_t prev = s.created[at(i)] == kUnknownMonth ? 0 : s.created[at(i)];
    for (std::size_t k = 0; k < points.size();) {
      // The longest run of x then x - 1 over consecutive months: exactly what spreading its total gives back.
      const std::uint32_t x = points[k].second;
      std::uint64_t total = x;
      std::size_t e = k + 1;
      for (bool lower = false; e < points.size() && points[e].first == points[e - 1].first + 1; ++e) {
        const std::uint32_t d = points[e].second;
        if (d + 1 == x) lower = true;
        else if (lower || d != x) break;
        total += d;
      }
      months.push_back(std::int64_t(points[k].first) - prev - (spans[i] ? 1 : 0));
      lengths.push_back(std::int64_t(e - k));
      downloads.push_back(std::int64_t(total));
      prev = points[e - 1].first, ++spans[i], k = e;
    }
  }
  // The coded columns' contexts (RowContexts), as the reader will have them.
  std::vector<std::uint32_t> by_type(n), recent(n), by_sum(n);
  for (std::size_t i = 0, k = 0; i < n; ++i) {
    SpanContexts context;
    std::uint64_t sum = 0;
    for (std::int64_t j = 0; j < spans[i]; ++j, ++k)
      context.add(std::uint64_t(downloads[k]), std::uint64_t(lengths[k])), sum += std::uint64_t(downloads[k]);
    by_type[i] = std::uint32_t(s.type[at(i)]);
    recent[i] = std::uint32_t(RowContexts::recent(s.type[at(i)], context));
    by_sum[i] = std::uint32_t(RowContexts::likes(s.type[at(i)], sum));
  }
  const Coded coded_recent{&models.downloads30, &recent}, coded_likes{&models.likes, &by_sum},
      coded_spans{&models.series_spans, &by_type};
  // Sorted columns are delta-coded: mostly zeros, which compress to almost nothing.
  append_ints(t, "type", n, [&](std::size_t i) { return std::int64_t(s.type[at(i)]); });
  append_ints(t, "created", n, [&](std::size_t i) {
    return std::int64_t(s.created[at(i)]) - (i ? std::int64_t(s.created[at(i) - 1]) : 0);
  }, {&models.created});
  append_ints(t, "author", n, [&](std::size_t i) {
    return std::int64_t(s.author[at(i)]) - (i ? std::int64_t(s.author[at(i) - 1]) : 0);
  }, {&models.author});
  append_ints(t, "downloads30", n, [&](std::size_t i) { return unknown_or(s.downloads30[at(i)], kUnknownCount); }, coded_recent);
  append_ints(t, "likes", n, [&](std::size_t i) { return unknown_or(s.likes[at(i)], kUnknownCount); }, coded_likes);
  // Lifetime downloads as what they add to the monthly series (often nothing): the series already carries most of
  // them, and a column of zeros costs almost no bytes.
  append_ints(t, "downloads_all_known", n, [&](std::size_t i) { return std::int64_t(s.downloads_all[at(i)] != kUnknownTotal); });
  append_ints(t, "downloads_all_extra", n, [&](std::size_t i) {
    std::uint64_t all = s.downloads_all[at(i)];
    if (all == kUnknownTotal) return std::int64_t(0);
    std::uint64_t series = 0;
    s.each_download(at(i), [&](Month, std::uint32_t d) { series += d; });
    return std::int64_t(all) - std::int64_t(series);
  });
  append_ints(t, "task", n, [&](std::size_t i) { return std::int64_t(s.task[at(i)]); });
  append_ints(t, "library", n, [&](std::size_t i) { return std::int64_t(s.library[at(i)]); });
  append_ints(t, "license", n, [&](std::size_t i) { return std::int64_t(s.license[at(i)]); });
  append_ints(t, "family", n, [&](std::size_t i) {
    return std::int64_t(s.family[at(i)]) - (i ? std::int64_t(s.family[at(i) - 1]) : 0);
  }, {&models.family});
  append_ints(t, "relation", n, [&](std::size_t i) { return std::int64_t(s.relation[at(i)]); });
  append_ints(t, "depth", n, [&](std::size_t i) { return std::int64_t(s.depth[at(i)]); });
  append_ints(t, "params", n, [&](std::size_t i) { return std::int64_t(s.params[at(i)]); });
  append_ints(t, "sdk", n, [&](std::size_t i) { return std::int64_t(s.sdk[at(i)]); });
  append_ints(t, "series_spans", n, [&](std::size_t i) { return spans[i]; }, coded_spans);
  append_ints(t, "span_month", months.size(), [&](std::size_t k) { return months[k]; });
  MagnitudeWriter span_lengths(models.span_length), span_totals(models.span_downloads);
  for (std::size_t i = 0, k = 0; i < n; ++i) {
    SpanContexts context;
    for (std::int64_t j = 0; j < spans[i]; ++j, ++k) {
      span_lengths.add(context.for_length(), lengths[k]);
      span_totals.add(context.for_total(std::uint64_t(lengths[k])), downloads[k]);
      context.add(std::uint64_t(downloads[k]), std::uint64_t(lengths[k]));
    }
  }
  t += ",\"span_length\":";
  span_lengths.append_json(t);
  t += ",\"span_downloads\":";
  span_totals.append_json(t);
  t += "}\n";
  return part;
}

}  // namespace

std::vector<SnapshotPart> encode_snapshot(const Store& s, std::size_t rows_per_group) {
  // Two passes over the row groups: the first counts the coded columns' symbols (its text is thrown away), the
  // second codes them with the models made from those counts.
  SnapshotModels models;
  for (std::size_t first = 0, g = 0; first < s.rows(); first += rows_per_group, ++g)
    encode_group(s, first, std::min(rows_per_group, s.rows() - first), g, models);
  for (SymbolModel* m : models.all()) m->scale();

  std::vector<SnapshotPart> parts;
  SnapshotPart dicts{"dicts.json.gz", "dicts", 0, "{", 0, ""};
  std::string& d = dicts.text;
  append_strings(d, "countries", s.countries);
  d += ',';
  append_strings(d, "authors", s.authors);
  append_ints(d, "author_country", s.authors.size(), [&](std::size_t i) { return std::int64_t(s.author_country[i]); });
  append_ints(d, "author_sector", s.authors.size(), [&](std::size_t i) { return std::int64_t(s.author_sector[i]); });
  d += ',';
  append_strings(d, "tasks", s.tasks);
  append_ints(d, "task_modality", s.tasks.size(), [&](std::size_t i) { return std::int64_t(s.task_modality[i]); });
  d += ',';
  append_strings(d, "libraries", s.libraries);
  d += ',';
  append_strings(d, "licenses", s.licenses);
  d += ',';
  append_strings(d, "families", s.families);
  d += ",\"symbol_models\":{";
  for (std::size_t k = 0; k < models.all().size(); ++k) {
    d += k ? ",\"" : "\"";
    d += SnapshotModels::kNames[k];
    d += "\":";
    models.all()[k]->append_json(d);
  }
  d += "}}\n";
  parts.push_back(std::move(dicts));
  for (std::size_t first = 0, g = 0; first < s.rows(); first += rows_per_group, ++g)
    parts.push_back(encode_group(s, first, std::min(rows_per_group, s.rows() - first), g, models));
  return parts;
}

std::string encode_manifest(const Store& s, const std::vector<SnapshotPart>& parts, const std::string& default_state) {
  std::size_t counts[3] = {0, 0, 0};
  for (auto t : s.type) ++counts[t];
  std::string m = "{\n  \"format\": \"hubreport-snapshot\",\n  \"version\": ";
  append_int(m, kSnapshotVersion);
  m += ",\n  \"id\": ";
  append_json_string(m, s.info.id);
  m += ",\n  \"date\": ";
  append_json_string(m, s.info.date);
  m += ",\n  \"kind\": ";
  append_json_string(m, s.info.kind);
  m += ",\n  \"provenance\": ";
  append_json_string(m, s.info.provenance);
  m += ",\n  \"single_dump\": ";
  m += s.info.single_dump ? "true" : "false";
  m += ",\n  \"counts\": {\"repositories\": ";
  append_uint(m, s.rows());
  m += ", \"models\": ";
  append_uint(m, counts[0]);
  m += ", \"datasets\": ";
  append_uint(m, counts[1]);
  m += ", \"spaces\": ";
  append_uint(m, counts[2]);
  m += ", \"series_points\": ";
  append_uint(m, s.series_points());
  m += "},\n";
  if (!default_state.empty()) {
    m += "  \"default_state\": ";
    append_json_string(m, default_state);
    m += ",\n";
  }
  m += "  \"files\": [";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    m += i ? ",\n    " : "\n    ";
    m += "{\"path\": ";
    append_json_string(m, parts[i].path);
    m += ", \"role\": ";
    append_json_string(m, parts[i].role);
    m += ", \"rows\": ";
    append_uint(m, parts[i].rows);
    m += ", \"bytes\": ";
    append_uint(m, parts[i].bytes);
    m += ", \"raw_bytes\": ";
    append_uint(m, parts[i].text.size());
    m += ", \"sha256\": ";
    append_json_string(m, parts[i].sha256);
    m += "}";
  }
  m += "\n  ]\n}\n";
  return m;
}

}  // namespace hubreport
