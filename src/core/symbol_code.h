// Symbols coded close to their entropy under a fixed model: per context, each symbol's frequency scaled to 2^15
// (`SymbolModel`, written once in the snapshot's dictionaries part), and a range coder over them (rANS with a 32-bit
// state, byte-wise). Gzip's Huffman codes spend a whole bit where a context's likeliest class has odds of nine in ten,
// and one code table serves a whole block of contexts: the default snapshot's span totals took 0.74 bytes per
// repository for their classes gzipped, 0.59 by their frequencies in context.
// Also the base64 bit text both this and the magnitude code (magnitude_code.h) are written in.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hubreport {

// Bits as base64 text (A-Za-z0-9+/, no padding), most significant first; the last character is filled with zeros.
class Base64Writer {
 public:
  void put(std::uint64_t bits, unsigned count);  // the low `count` bits of `bits` (count <= 64)
  std::string& finish();                         // once: fills the last character
  std::string& text() { return text_; }

 private:
  std::string text_;
  std::uint32_t pending_ = 0;
  unsigned pending_count_ = 0;
};

class Base64Reader {
 public:
  void open(std::string_view text) { text_ = text, at_ = 0, buffer_ = 0, unread_ = 0; }
  bool take(unsigned count, std::uint64_t& out);  // false past the end or on a character that is not base64
  // Every character read, and what is left of the last is its zero filling.
  bool at_end() const { return at_ == text_.size() && (buffer_ & ((std::uint64_t(1) << unread_) - 1)) == 0; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;        // characters read
  std::uint64_t buffer_ = 0;  // the last characters' bits, of which the low `unread_` (fewer than 38) are not yet taken
  unsigned unread_ = 0;
};

class SymbolModel {
 public:
  static constexpr unsigned kScaleBits = 15, kSymbols = 256;
  explicit SymbolModel(std::size_t contexts = 0) : contexts_(contexts) {}
  std::size_t contexts() const { return contexts_; }
  bool scaled() const { return scaled_; }

  // The writer's side: every symbol counted, then scale(); every context seen keeps each of its symbols at 1 in 2^15
  // at least.
  void count(std::size_t context, unsigned symbol);
  void scale();
  // [[symbol,frequency,...] per context] (an empty list for a context never seen).
  void append_json(std::string& out) const;

  // The reader's side: each context's list as read, in order (at most contexts()); "" or what is wrong with it (the
  // frequencies of a context sum to 2^15, or it is empty; symbols below kSymbols, each once). The model is scaled
  // once every context is listed.
  std::string add_context(const std::vector<std::uint64_t>& pairs);

  struct Entry {
    std::uint16_t symbol;
    std::uint32_t start, frequency;  // [start, start + frequency) of 2^15
  };
  // A context's entries, likeliest first; nullptr past the last context.
  const Entry* begin(std::size_t context) const { return context + 1 < first_.size() ? entries_.data() + first_[context] : nullptr; }
  const Entry* end(std::size_t context) const { return entries_.data() + first_[context + 1]; }
  // The entry whose range holds `slot` (< 2^15) in a context with entries: the search starts where the slot's 256th of
  // the range does (a context may list up to 256 symbols: a linear search was a fifth of the loading time).
  const Entry* find(std::size_t context, std::uint32_t slot) const {
    const Entry* e = entries_.data() + first_[context] + buckets_[context << kBucketBits | slot >> (kScaleBits - kBucketBits)];
    while (slot >= e->start + e->frequency) ++e;
    return e;
  }

 private:
  std::size_t contexts_;
  std::vector<std::uint64_t> counts_;    // writer: kSymbols per context, sized at the first count
  std::vector<std::uint32_t> first_;  // per context listed, its first entry; one more at the end (once one is)
  std::vector<Entry> entries_;
  static constexpr unsigned kBucketBits = 7;
  std::vector<std::uint8_t> buckets_;  // per context, per 2^(15 - kBucketBits) slots: the entry its first slot is in
  bool scaled_ = false;
};

// The symbols (their contexts alongside) coded under `model` (scaled, every symbol counted in its context), as base64.
std::string encode_symbols(const SymbolModel& model, const std::vector<std::uint32_t>& contexts,
                           const std::vector<std::uint16_t>& symbols);

class SymbolReader {
 public:
  // "" or what is wrong (too short to hold the coder's state).
  std::string open(const SymbolModel& model, std::string_view base64);
  // The next symbol in its context; false when the text is corrupt or used up.
  bool next(std::size_t context, unsigned& symbol);
  // After the last symbol: every byte read, and the coder's state back where the writer began.
  bool at_end() const;

 private:
  const SymbolModel* model_ = nullptr;
  std::vector<std::uint8_t> bytes_;  // the text's bytes, decoded at once (byte by byte, a third of the reading)
  std::size_t at_ = 0;
  std::uint32_t state_ = 0;
};

}  // namespace hubreport
