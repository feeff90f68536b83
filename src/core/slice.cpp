#include "slice.h"

#include "json_writer.h"

namespace hubreport {

Cell Cell::text(std::string_view v) {
  Cell c;
  c.kind = Kind::text;
  c.s = std::string(v);
  return c;
}

static void append_cell_json(std::string& out, const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::null: out += "null"; break;
    case Cell::Kind::integer: append_int(out, c.i); break;
    case Cell::Kind::fraction: append_fraction(out, c.d); break;
    case Cell::Kind::text: append_json_string(out, c.s); break;
  }
}

std::string slice_json(const Slice& s) {
  std::string out;
  append_slice_json(out, s);
  return out;
}

void append_slice_json(std::string& out, const Slice& s) {
  out += "{\"view\":";
  append_json_string(out, s.view);
  out += ",\"columns\":[";
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, s.columns[i]);
  }
  out += "],\"rows\":[";
  for (std::size_t r = 0; r < s.rows.size(); ++r) {
    out += r ? ",[" : "[";
    for (std::size_t i = 0; i < s.rows[r].size(); ++i) {
      if (i) out += ',';
      append_cell_json(out, s.rows[r][i]);
    }
    out += ']';
  }
  out += "]}";
}

static void append_csv_text(std::string& out, const std::string& text) {
  std::string v = text;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) {
    out += v;
    return;
  }
  out += '"';
  for (char ch : v) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

std::string slice_csv(const Slice& s) {
  std::string out;
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (i) out += ',';
    append_csv_text(out, s.columns[i]);
  }
  out += "\r\n";
  for (auto& row : s.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      const Cell& c = row[i];
      if (c.kind == Cell::Kind::text) append_csv_text(out, c.s);
      else if (c.kind != Cell::Kind::null) append_cell_json(out, c);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace hubreport
