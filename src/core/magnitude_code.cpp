#include "magnitude_code.h"

#include <limits>

#include "json_writer.h"

namespace hubreport {

namespace {

constexpr unsigned kWideClass = 41, kNegative = 42;

unsigned bit_length(std::uint64_t v) { return v ? 64 - unsigned(__builtin_clzll(v)) : 0; }

}  // namespace

unsigned magnitude_class(std::int64_t value) {
  const bool negative = value < 0;
  const unsigned length = bit_length(negative ? 0 - std::uint64_t(value) : std::uint64_t(value));
  return (length > kWideClass - 1 ? kWideClass : length) + (negative ? kNegative : 0);
}

void MagnitudeWriter::add(std::size_t context, std::int64_t value) {
  const std::uint64_t magnitude = value < 0 ? 0 - std::uint64_t(value) : std::uint64_t(value);
  const unsigned length = bit_length(magnitude), cls = magnitude_class(value), c = cls % kNegative;
  // The bit below the leading one goes into the symbol (lengths 2 to 40), the rest into the bits.
  if (c == kWideClass) bits_.put(magnitude >> 32, 32), bits_.put(magnitude, 32);
  else if (length > 2) bits_.put(magnitude, length - 2);
  const unsigned symbol = 2 * cls + (c > 1 && c < kWideClass ? unsigned(magnitude >> (length - 2)) & 1 : 0);
  if (!model_->scaled()) return model_->count(context, symbol);
  contexts_.push_back(std::uint32_t(context)), symbols_.push_back(std::uint16_t(symbol));
}

void MagnitudeWriter::append_json(std::string& out) {
  out += "{\"values\":";
  append_uint(out, model_->scaled() ? symbols_.size() : 0);
  out += ",\"coded\":\"";
  // The first pass, only counting, has no model to code with yet: its text is thrown away.
  if (model_->scaled()) out += encode_symbols(*model_, contexts_, symbols_);
  out += "\",\"bits\":\"";
  out += bits_.finish();
  out += "\"}";
}

__attribute__((minsize)) std::string MagnitudeReader::open(const SymbolModel& model, std::uint64_t values,
                                                           std::string_view coded, std::string_view bits) {
  // The count sizes nothing here (a symbol certain in its context takes no bits: any count could be true); the
  // caller compares it with the rows or spans it expects.
  model_ = &model, values_ = values, read_ = 0;
  bits_.open(bits);
  return symbols_.open(model, coded);
}

bool MagnitudeReader::next(std::size_t context, std::int64_t& value) {
  unsigned symbol;
  if (read_ == values_ || !symbols_.next(context, symbol)) return false;
  ++read_;
  const unsigned c = symbol / 2, second = symbol % 2;
  if (c >= 2 * kNegative) return false;
  const bool negative = c >= kNegative;
  const unsigned length = c % kNegative, width = length == kWideClass ? 64 : length ? length - 1 : 0;
  // The bit below the leading one came with the symbol (lengths 2 to 40): one bit fewer to take.
  const bool split = length > 1 && length < kWideClass;
  if (second && !split) return false;  // no second spelling of a value
  std::uint64_t bits;
  if ((negative && !length) || !bits_.take(width - split, bits)) return false;  // no -0
  if (split) bits |= std::uint64_t(second) << (width - 1);
  const std::uint64_t magnitude = length == kWideClass ? bits : length ? std::uint64_t(1) << width | bits : 0;
  if (length == kWideClass && bit_length(magnitude) < kWideClass) return false;  // a narrower value has its own class
  if (magnitude > std::uint64_t(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0)) return false;
  value = negative ? std::int64_t(0 - magnitude) : std::int64_t(magnitude);
  return true;
}

}  // namespace hubreport
