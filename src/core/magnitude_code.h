// Integer columns of the snapshot as magnitude classes, range-coded in contexts the reader knows before each value,
// and the bits below each value's leading one. A value's class is its bit length (0 for 0, up to 40) or 41 for a
// wider one, plus 42 when it is negative. Its symbol is twice its class plus the bit below its leading one (bit
// lengths 2 to 40; else plus 0): the model (symbol_code.h) then also sees how lopsided that bit is (downloads and
// likes are far likelier near the bottom of their octave than near its top). The bits below those two (all 64 for
// class 41) follow in `bits`, most significant first, as base64.
//
// In a part: {"values":count,"coded":"base64","bits":"base64"}: the symbols range-coded in value order with the
// column's model, which the dictionaries part lists (SnapshotModels, snapshot.h). Format 5 wrote the classes as one
// character each for gzip to code: the default snapshot's span totals took 2.32 bytes per repository that way, 2.12
// range-coded (`bench/snapshot_columns.mjs`).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "symbol_code.h"

namespace hubreport {

// Classes 0 to 83: the context of a value in a column coded by its previous value's class (deltas along sorted rows,
// where a repeat is likely to follow a repeat).
constexpr std::size_t kMagnitudeClasses = 84;
unsigned magnitude_class(std::int64_t value);

class MagnitudeWriter {
 public:
  // `model` counts the symbols while it is not yet scaled (the writer's first pass, whose JSON is thrown away) and
  // codes them once it is.
  explicit MagnitudeWriter(SymbolModel& model) : model_(&model) {}
  void add(std::size_t context, std::int64_t value);
  // Appends the JSON object (once: its last bits are padded to a whole base64 character).
  void append_json(std::string& out);

 private:
  Base64Writer bits_;
  SymbolModel* model_;
  std::vector<std::uint32_t> contexts_;  // each value's context and symbol, in order
  std::vector<std::uint16_t> symbols_;
};

class MagnitudeReader {
 public:
  // `values` symbols under `model` (scaled) in `coded`, their lower bits in `bits`; "" or what is wrong as far as can
  // be seen before reading (each value is checked as it is read).
  std::string open(const SymbolModel& model, std::uint64_t values, std::string_view coded, std::string_view bits);
  std::uint64_t size() const { return values_; }  // values
  bool opened() const { return model_ != nullptr; }
  // The next value, in its context; false when none is left or the text is corrupt.
  bool next(std::size_t context, std::int64_t& value);
  // After the last value: every symbol and bit was read (what is left is the last character's zero filling).
  bool at_end() const { return read_ == values_ && bits_.at_end() && symbols_.at_end(); }

 private:
  Base64Reader bits_;
  const SymbolModel* model_ = nullptr;
  SymbolReader symbols_;
  std::uint64_t values_ = 0, read_ = 0;
};

}  // namespace hubreport
