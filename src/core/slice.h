// A view's result, shaped like an ECharts dataset.source: named columns and rows of cells.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace hubreport {

struct Cell {
  enum class Kind : std::uint8_t { null, integer, fraction, text } kind = Kind::null;
  std::int64_t i = 0;
  double d = 0;
  std::string s;
  static Cell null() { return {}; }
  static Cell integer(std::int64_t v) { Cell c; c.kind = Kind::integer; c.i = v; return c; }
  static Cell fraction(double v) { Cell c; c.kind = Kind::fraction; c.d = v; return c; }
  static Cell text(std::string_view v);
};

struct Slice {
  std::string view;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

std::string slice_json(const Slice& slice);
void append_slice_json(std::string& out, const Slice& slice);
// RFC 4180 CSV with a header row. A text cell starting with = + - @ gets a leading ' so spreadsheets
// do not run it as a formula (names come from strangers).
std::string slice_csv(const Slice& slice);

}  // namespace hubreport
