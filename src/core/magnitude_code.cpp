#include "magnitude_code.h"

#include <limits>

#include "json_writer.h"

namespace hubreport {

namespace {

constexpr unsigned kWideClass = 41, kNegative = 42;
const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(unsigned char ch) {
  if (ch >= 'A' && ch <= 'Z') return ch - 'A';
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
  if (ch >= '0' && ch <= '9') return ch - '0' + 52;
  return ch == '+' ? 62 : ch == '/' ? 63 : -1;
}

unsigned bit_length(std::uint64_t v) { return v ? 64 - unsigned(__builtin_clzll(v)) : 0; }

}  // namespace

// '#' to '~' without & < > and backslash, the first 84.
const char kMagnitudeClassChars[] = "#$%'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz";

int magnitude_class_of(unsigned char ch) {
  if (ch < '#' || ch > 'z' || ch == '&' || ch == '<' || ch == '>' || ch == '\\') return -1;
  return ch - '#' - (ch > '&') - (ch > '<') - (ch > '>') - (ch > '\\');
}

void MagnitudeWriter::put_bits(std::uint64_t bits, unsigned count) {
  while (count) {
    unsigned take = std::min(count, 6 - pending_count_);
    count -= take;
    pending_ = pending_ << take | std::uint32_t((bits >> count) & ((1u << take) - 1));
    pending_count_ += take;
    if (pending_count_ == 6) bits_ += kBase64[pending_], pending_ = 0, pending_count_ = 0;
  }
}

void MagnitudeWriter::add(std::size_t context, std::int64_t value) {
  const bool negative = value < 0;
  const std::uint64_t magnitude = negative ? 0 - std::uint64_t(value) : std::uint64_t(value);
  const unsigned length = bit_length(magnitude);
  const unsigned c = length > kWideClass - 1 ? kWideClass : length;
  classes_[context] += kMagnitudeClassChars[c + (negative ? kNegative : 0)];
  if (c == kWideClass) put_bits(magnitude >> 32, 32), put_bits(magnitude, 32);
  else if (length > 1) put_bits(magnitude, length - 1);
}

void MagnitudeWriter::append_json(std::string& out) {
  if (pending_count_) put_bits(0, 6 - pending_count_);
  out += "{\"contexts\":[";
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    if (c) out += ',';
    append_uint(out, classes_[c].size());
  }
  out += "],\"classes\":\"";
  for (const auto& c : classes_) out += c;
  out += "\",\"bits\":\"";
  out += bits_;
  out += "\"}";
}

std::string MagnitudeReader::open(std::vector<std::uint64_t> counts, std::string_view classes, std::string_view bits) {
  next_.assign(counts.size(), 0), end_.assign(counts.size(), 0);
  std::uint64_t at = 0;
  for (std::size_t c = 0; c < counts.size(); ++c) {
    if (counts[c] > classes.size() - at) return "has fewer classes than its contexts count";
    next_[c] = std::size_t(at), at += counts[c], end_[c] = std::size_t(at);
  }
  if (at != classes.size()) return "has more classes than its contexts count";
  classes_ = classes, bits_ = bits, at_ = 0, sextet_ = 0, unread_ = 0;
  return "";
}

bool MagnitudeReader::take(unsigned count, std::uint64_t& out) {
  out = 0;
  while (count) {
    if (!unread_) {
      if (at_ == bits_.size()) return false;
      int v = sextet(static_cast<unsigned char>(bits_[at_++]));
      if (v < 0) return false;
      sextet_ = unsigned(v), unread_ = 6;
    }
    const unsigned k = count < unread_ ? count : unread_;
    unread_ -= k, count -= k;
    out = out << k | ((sextet_ >> unread_) & ((1u << k) - 1));
  }
  return true;
}

bool MagnitudeReader::next(std::size_t context, std::int64_t& value) {
  if (context >= next_.size() || next_[context] == end_[context]) return false;
  const int c = magnitude_class_of(static_cast<unsigned char>(classes_[next_[context]++]));
  if (c < 0) return false;
  const bool negative = unsigned(c) >= kNegative;
  const unsigned length = unsigned(c) % kNegative, width = length == kWideClass ? 64 : length ? length - 1 : 0;
  std::uint64_t bits;
  if ((negative && !length) || !take(width, bits)) return false;  // no -0
  const std::uint64_t magnitude = length == kWideClass ? bits : length ? std::uint64_t(1) << width | bits : 0;
  if (length == kWideClass && bit_length(magnitude) < kWideClass) return false;  // a narrower value has its own class
  if (magnitude > std::uint64_t(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0)) return false;
  value = negative ? std::int64_t(0 - magnitude) : std::int64_t(magnitude);
  return true;
}

}  // namespace hubreport
