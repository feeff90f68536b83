#include "symbol_code.h"

#include <algorithm>
#include <cstdlib>

#include "json_writer.h"

namespace hubreport {

namespace {

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(unsigned char ch) {
  if (ch >= 'A' && ch <= 'Z') return ch - 'A';
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
  if (ch >= '0' && ch <= '9') return ch - '0' + 52;
  return ch == '+' ? 62 : ch == '/' ? 63 : -1;
}

// The coder's state stays in [kLow, 256 kLow) between symbols; the writer starts it at kLow, where the reader ends.
constexpr std::uint32_t kLow = 1u << 23;
constexpr std::uint32_t kScale = 1u << SymbolModel::kScaleBits;

}  // namespace

void Base64Writer::put(std::uint64_t bits, unsigned count) {
  while (count) {
    unsigned take = std::min(count, 6 - pending_count_);
    count -= take;
    pending_ = pending_ << take | std::uint32_t((bits >> count) & ((1u << take) - 1));
    pending_count_ += take;
    if (pending_count_ == 6) text_ += kBase64[pending_], pending_ = 0, pending_count_ = 0;
  }
}

std::string& Base64Writer::finish() {
  if (pending_count_) put(0, 6 - pending_count_);
  return text_;
}

bool Base64Reader::take(unsigned count, std::uint64_t& out) {
  if (count > 32) {  // a class-41 value's 64 bits, in two
    std::uint64_t high, low;
    if (!take(count - 32, high) || !take(32, low)) return false;
    out = high << 32 | low;
    return true;
  }
  while (unread_ < count) {
    if (at_ == text_.size()) return false;
    const int v = sextet(static_cast<unsigned char>(text_[at_++]));
    if (v < 0) return false;
    buffer_ = buffer_ << 6 | unsigned(v), unread_ += 6;
  }
  unread_ -= count;
  out = (buffer_ >> unread_) & ((std::uint64_t(1) << count) - 1);
  return true;
}

void SymbolModel::count(std::size_t context, unsigned symbol) {
  if (counts_.empty()) counts_.resize(contexts_ * kSymbols);
  ++counts_[context * kSymbols + symbol];
}

void SymbolModel::scale() {
  std::vector<std::uint64_t> pairs;
  if (counts_.empty()) counts_.resize(contexts_ * kSymbols);
  for (std::size_t context = 0; context < contexts_; ++context) {
    const std::uint64_t* c = &counts_[context * kSymbols];
    pairs.clear();
    std::uint64_t total = 0;
    for (unsigned s = 0; s < kSymbols; ++s) total += c[s];
    // Likeliest first (the reader searches a context in order); each at least 1 of 2^15, the likeliest taking up
    // what rounding left over.
    std::vector<unsigned> order;
    for (unsigned s = 0; s < kSymbols; ++s)
      if (c[s]) order.push_back(s);
    std::stable_sort(order.begin(), order.end(), [&](unsigned a, unsigned b) { return c[a] > c[b]; });
    std::int64_t left = kScale;
    for (unsigned s : order) {
      std::uint64_t f = std::max<std::uint64_t>(1, (c[s] * kScale + total / 2) / total);
      pairs.push_back(s), pairs.push_back(f), left -= std::int64_t(f);
    }
    // Rounding up rare symbols may overshoot: take it back from the likeliest, which stay far above 1.
    for (std::size_t k = 1; left && k < pairs.size(); k += 2) {
      std::int64_t give = std::max<std::int64_t>(left, 1 - std::int64_t(pairs[k]));
      pairs[k] = std::uint64_t(std::int64_t(pairs[k]) + give), left -= give;
    }
    add_context(pairs);
  }
  std::vector<std::uint64_t>().swap(counts_);
}

void SymbolModel::append_json(std::string& out) const {
  out += '[';
  for (std::size_t c = 0; c < contexts_; ++c) {
    out += c ? ",[" : "[";
    for (auto e = begin(c); e != end(c); ++e) {
      if (e != begin(c)) out += ',';
      append_uint(out, e->symbol);
      out += ',';
      append_uint(out, e->frequency);
    }
    out += ']';
  }
  out += ']';
}

__attribute__((minsize)) std::string SymbolModel::add_context(const std::vector<std::uint64_t>& pairs) {
  if (pairs.size() % 2) return "lists a symbol without its frequency";
  std::vector<bool> seen(kSymbols);
  std::uint64_t start = 0;
  const std::size_t first = entries_.size();
  for (std::size_t k = 0; k < pairs.size(); k += 2) {
    const std::uint64_t s = pairs[k], f = pairs[k + 1];
    if (s >= kSymbols || seen[s]) return "lists a symbol out of range or twice";
    if (f < 1 || f > kScale - start) return "has frequencies that do not add up to 2^15";
    seen[s] = true;
    entries_.push_back({std::uint16_t(s), std::uint32_t(start), std::uint32_t(f)});
    start += f;
  }
  if (!pairs.empty() && start != kScale) {
    entries_.resize(first);
    return "has frequencies that do not add up to 2^15";
  }
  if (first_.empty()) first_.push_back(0);
  if (first_.size() > contexts_) return "has a wrong list of contexts";
  for (std::uint32_t b = 0, k = 0; b < 1u << kBucketBits; ++b) {
    const std::uint32_t slot = b << (kScaleBits - kBucketBits);
    while (first + k + 1 < entries_.size() && slot >= entries_[first + k].start + entries_[first + k].frequency) ++k;
    buckets_.push_back(std::uint8_t(k));  // at most 255: 256 symbols at most, each its own
  }
  first_.push_back(std::uint32_t(entries_.size()));
  scaled_ = first_.size() == contexts_ + 1;
  return "";
}

std::string encode_symbols(const SymbolModel& model, const std::vector<std::uint32_t>& contexts,
                           const std::vector<std::uint16_t>& symbols) {
  // rANS codes last in, first out: the symbols go in backwards and the bytes come out backwards, so that the reader
  // takes both forwards.
  std::string bytes;
  std::uint32_t x = kLow;
  for (std::size_t k = symbols.size(); k-- > 0;) {
    const SymbolModel::Entry *e = model.begin(contexts[k]), *end = model.end(contexts[k]);
    while (e != end && e->symbol != symbols[k]) ++e;
    if (e == end) std::abort();  // the model was counted on other symbols than these: the writer's own mistake
    const std::uint32_t f = e->frequency, most = ((kLow >> SymbolModel::kScaleBits) << 8) * f;
    while (x >= most) bytes += char(x & 0xFF), x >>= 8;
    x = (x / f << SymbolModel::kScaleBits) + x % f + e->start;
  }
  for (int k = 0; k < 4; ++k) bytes += char(x & 0xFF), x >>= 8;
  Base64Writer out;
  for (std::size_t k = bytes.size(); k-- > 0;) out.put(static_cast<unsigned char>(bytes[k]), 8);
  return std::move(out.finish());
}

__attribute__((minsize)) std::string SymbolReader::open(const SymbolModel& model, std::string_view base64) {
  model_ = &model;
  Base64Reader text;
  text.open(base64);
  bytes_.clear(), at_ = 0, state_ = 0;
  bytes_.reserve(base64.size() * 3 / 4);
  for (std::uint64_t byte; bytes_.size() < base64.size() * 6 / 8 && text.take(8, byte);) bytes_.push_back(std::uint8_t(byte));
  // What is left after the last whole byte is the last character's zero filling.
  if (bytes_.size() != base64.size() * 6 / 8 || !text.at_end()) return "is too short or not base64";
  if (bytes_.size() < 4) return "is too short or not base64";
  for (int k = 0; k < 4; ++k) state_ = state_ << 8 | bytes_[at_++];
  if (state_ < kLow || state_ >= kLow << 8) return "is too short or not base64";  // never a state the writer leaves
  return "";
}

bool SymbolReader::next(std::size_t context, unsigned& symbol) {
  const SymbolModel::Entry* e = model_->begin(context);
  if (!e || e == model_->end(context)) return false;  // past the contexts, or one with no symbols (none written in it)
  const std::uint32_t slot = state_ & (kScale - 1);
  e = model_->find(context, slot);  // the frequencies add up to 2^15: some entry holds the slot
  symbol = e->symbol;
  state_ = e->frequency * (state_ >> SymbolModel::kScaleBits) + slot - e->start;
  while (state_ < kLow) {
    if (at_ == bytes_.size()) return false;
    state_ = state_ << 8 | bytes_[at_++];
  }
  return true;
}

bool SymbolReader::at_end() const { return state_ == kLow && at_ == bytes_.size(); }

}  // namespace hubreport
