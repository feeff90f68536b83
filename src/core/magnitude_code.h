// Integer columns of the snapshot as magnitude classes and the bits below each value's leading one, the classes
// grouped by a context the reader knows before each value (for a download span: its length, and the previous span's
// monthly rate). Gzip then codes each group's classes with their own frequencies, close to what the context says
// about them, and spends a bit on each lower bit, which no text of digits gets down to. The default snapshot's span
// totals take 2.32 bytes per repository gzipped this way, 2.90 written in decimal (`bench/snapshot_columns.mjs`).
//
// In a part: {"contexts":[count per context],"classes":"one character per value, by context","bits":"base64"}.
// A value's class is its bit length (0 for 0, up to 40) or 41 for a wider one, plus 42 when it is negative; the bits
// are the magnitude's bits below its leading one (all 64 of them for class 41), most significant first.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hubreport {

// The character of magnitude class c (c < 84; printable ASCII that JSON and HTML leave as it is), and back (-1 for
// any other character).
extern const char kMagnitudeClassChars[];
int magnitude_class_of(unsigned char ch);

class MagnitudeWriter {
 public:
  explicit MagnitudeWriter(std::size_t contexts) : classes_(contexts) {}
  void add(std::size_t context, std::int64_t value);
  // Appends the JSON object (once: its last bits are padded to a whole base64 character).
  void append_json(std::string& out);

 private:
  void put_bits(std::uint64_t bits, unsigned count);
  std::vector<std::string> classes_;
  std::string bits_;  // base64
  std::uint32_t pending_ = 0;
  unsigned pending_count_ = 0;
};

class MagnitudeReader {
 public:
  // counts[c] values in context c, their classes in context order, their lower bits in base64. "" when the three
  // agree on their sizes as far as can be seen before reading (each value's bits are checked as it is read).
  std::string open(std::vector<std::uint64_t> counts, std::string_view classes, std::string_view bits);
  std::size_t size() const { return classes_.size(); }  // values
  // The next value of the given context; false when the context has none left or the text is corrupt.
  bool next(std::size_t context, std::int64_t& value);
  // After the last value: every class and bit was read (what is left is the last character's zero padding).
  bool at_end() const { return at_ == bits_.size() && (sextet_ & ((1u << unread_) - 1)) == 0; }

 private:
  bool take(unsigned count, std::uint64_t& out);
  std::vector<std::size_t> next_, end_;  // per context: its next class and the end of its classes
  std::string_view classes_, bits_;
  std::size_t at_ = 0;      // base64 characters read
  unsigned sextet_ = 0;     // the last one's 6 bits, of which the low `unread_` are not yet taken
  unsigned unread_ = 0;
};

}  // namespace hubreport
