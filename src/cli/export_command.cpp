// hubreport export: a loaded snapshot as flat little-endian binary columns plus schema.json, so the benchmark can
// feed other engines (DuckDB, Perspective, crossfilter, plain JS) exactly the repositories the page loads.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "commands.h"
#include "json_writer.h"
#include "snapshot_files.h"

namespace hubreport {

namespace {

template <class T>
bool write_column(const std::string& dir, const std::string& name, const std::vector<T>& v) {
  std::ofstream out(dir + "/" + name, std::ios::binary);
  out.write(reinterpret_cast<const char*>(v.data()), std::streamsize(v.size() * sizeof(T)));
  return bool(out);
}

void append_names(std::string& out, const char* key, const Names& names) {
  out += ",\"";
  out += key;
  out += "\":";
  append_json_string_list(out, names);
}

}  // namespace

int cmd_export(const Args& args) {
  const char* help =
      "usage: hubreport export SNAPSHOT_DIR --out DIR\n"
      "\n"
      "Writes the snapshot's repositories as one little-endian binary file per column (NAME.TYPE, e.g. type.u8,\n"
      "created.u16 with 65535 = unknown, downloads_all.f64 with -1 = unknown, likes.u32 with 4294967295 = unknown),\n"
      "the monthly downloads series (series_row.u32, series_month.u16, series_downloads.u32, series_start.u32), and\n"
      "schema.json (dictionaries, the snapshot month, the first data month). Months count from 2000-01 = 0.\n"
      "For benchmarks: other engines load exactly the data the page loads.\n";
  if (wants_help(args)) return std::fputs(help, stdout), 0;
  std::string dir, out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--out" && i + 1 < args.size()) out = args[++i];
    else if (!args[i].empty() && args[i][0] == '-') return fail("export", "unknown or incomplete option '" + args[i] + "'");
    else if (dir.empty()) dir = args[i];
    else return fail("export", "unexpected argument '" + args[i] + "'");
  }
  if (dir.empty() || out.empty()) return std::fputs(help, stderr), 2;
  auto loaded = read_snapshot_dir(dir);
  if (!loaded) return fail("export", loaded.error());
  const Store& s = loaded.value();
  std::filesystem::create_directories(out);

  std::size_t n = s.rows();
  std::vector<std::uint8_t> direct(n), modality(n);
  std::vector<std::uint32_t> likes(n);
  std::vector<double> params(n), downloads_all(n);
  // The peers read the months with downloads only, each with its row and month.
  std::vector<std::uint32_t> series_row, series_downloads, series_start{0};
  std::vector<Month> series_month;
  Month data_first = s.info.series_first;
  for (std::size_t r = 0; r < n; ++r) {
    direct[r] = s.depth[r] == 1;
    likes[r] = s.likes[r];
    modality[r] = s.task_modality[s.task[r]];
    params[r] = double(s.params[r]);  // exact: parameter counts are far below 2^53
    downloads_all[r] = s.downloads_all[r] == kUnknownTotal ? -1.0 : double(s.downloads_all[r]);
    s.each_download(r, [&](Month m, std::uint32_t d) {
      series_row.push_back(std::uint32_t(r)), series_month.push_back(m), series_downloads.push_back(d);
    });
    series_start.push_back(std::uint32_t(series_row.size()));
    if (s.created[r] != kUnknownMonth && (data_first == kUnknownMonth || s.created[r] < data_first)) data_first = s.created[r];
  }
  if (data_first == kUnknownMonth) data_first = s.info.month;

  bool ok = write_column(out, "type.u8", s.type) && write_column(out, "created.u16", s.created) &&
            write_column(out, "author.u32", s.author) && write_column(out, "country.u8", s.row_country) &&
            write_column(out, "sector.u8", s.row_sector) && write_column(out, "task.u16", s.task) &&
            write_column(out, "modality.u8", modality) && write_column(out, "library.u16", s.library) &&
            write_column(out, "license.u16", s.license) && write_column(out, "family.u32", s.family) &&
            write_column(out, "relation.u8", s.relation) && write_column(out, "direct.u8", direct) &&
            write_column(out, "size.u8", s.size) && write_column(out, "sdk.u8", s.sdk) &&
            write_column(out, "params.f64", params) && write_column(out, "downloads_all.f64", downloads_all) &&
            write_column(out, "likes.u32", likes) && write_column(out, "series_row.u32", series_row) &&
            write_column(out, "series_month.u16", series_month) &&
            write_column(out, "series_downloads.u32", series_downloads) &&
            write_column(out, "series_start.u32", series_start) &&
            write_column(out, "author_country.u8", s.author_country) && write_column(out, "author_sector.u8", s.author_sector);
  if (!ok) return fail("export", "cannot write columns into " + out);

  std::string schema = "{\"id\":";
  append_json_string(schema, s.info.id);
  schema += ",\"rows\":" + std::to_string(n) + ",\"series\":" + std::to_string(series_row.size());
  schema += ",\"month\":" + std::to_string(s.info.month) + ",\"data_first\":" + std::to_string(data_first);
  schema += ",\"series_first\":" + std::to_string(s.info.series_first);
  schema += std::string(",\"single_dump\":") + (s.info.single_dump ? "true" : "false");
  append_names(schema, "countries", s.countries);
  append_names(schema, "tasks", s.tasks);
  append_names(schema, "libraries", s.libraries);
  append_names(schema, "licenses", s.licenses);
  append_names(schema, "families", s.families);
  append_names(schema, "authors", s.authors);
  schema += ",\"task_modality\":[";
  for (std::size_t t = 0; t < s.task_modality.size(); ++t) schema += (t ? "," : "") + std::to_string(s.task_modality[t]);
  schema += "]}\n";
  std::ofstream(out + "/schema.json") << schema;
  std::printf("exported %zu repositories, %zu series entries to %s\n", n, series_row.size(), out.c_str());
  return 0;
}

}  // namespace hubreport
