// Columns of counts that almost always fit in fewer bits than the largest can need: each value in `Low`, and the
// few from Low's maximum on exact in a list apart, by place. Most of the engine's memory is such columns.
#pragma once
#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace hubreport {

template <class Low, class Wide>
class Narrow {
 public:
  Wide operator[](std::size_t k) const { return low_[k] != kWide ? Wide(low_[k]) : wide(k); }
  void push_back(Wide v) {
    if (v >= kWide) wide_.emplace_back(std::uint32_t(low_.size()), v);
    low_.push_back(v >= kWide ? kWide : Low(v));
  }
  // f(k, value) for each place k in [first, end): one search for the range's first wide value, not one per value.
  template <class F>
  void each(std::size_t first, std::size_t end, F f) const {
    std::size_t w = kNone;
    for (std::size_t k = first; k < end; ++k) {
      if (low_[k] != kWide) {
        f(k, Wide(low_[k]));
        continue;
      }
      if (w == kNone) w = std::size_t(lower(k) - wide_.begin());
      f(k, wide_[w++].second);
    }
  }
  void reserve(std::size_t n) { low_.reserve(n); }
  // Place j takes from's value at place order[j]: a permutation in one pass, no push_back per value.
  void assign_permuted(const Narrow& from, const std::vector<std::uint32_t>& order) {
    low_.resize(order.size()), wide_.clear();
    for (std::size_t j = 0; j < order.size(); ++j) {
      low_[j] = from.low_[order[j]];
      if (low_[j] == kWide) wide_.emplace_back(std::uint32_t(j), from.wide(order[j]));
    }
  }
  void shrink_to_fit() { low_.shrink_to_fit(), wide_.shrink_to_fit(); }
  // Keeps places [0, n) only, the narrow values in memory their size (the wide ones are few).
  void truncate(std::size_t n) {
    if (n >= size()) return;
    std::vector<Low>(low_.begin(), low_.begin() + std::ptrdiff_t(n)).swap(low_);
    while (!wide_.empty() && wide_.back().first >= n) wide_.pop_back();
  }
  std::size_t size() const { return low_.size(); }
  std::size_t capacity() const { return low_.capacity(); }
  std::size_t wide_count() const { return wide_.size(); }
  // The values below Low's maximum; a place holding the maximum is exact in operator[].
  const Low* low_data() const { return low_.data(); }
  std::size_t memory_bytes() const { return low_.capacity() * sizeof(Low) + wide_.capacity() * sizeof(wide_[0]); }
  bool operator==(const Narrow& o) const { return low_ == o.low_ && wide_ == o.wide_; }

 private:
  static constexpr Low kWide = std::numeric_limits<Low>::max();
  static constexpr std::size_t kNone = ~std::size_t(0);
  typename std::vector<std::pair<std::uint32_t, Wide>>::const_iterator lower(std::size_t k) const {
    return std::lower_bound(wide_.begin(), wide_.end(), k, [](const auto& e, std::size_t x) { return e.first < x; });
  }
  Wide wide(std::size_t k) const { return lower(k)->second; }
  std::vector<Low> low_;
  std::vector<std::pair<std::uint32_t, Wide>> wide_;  // (place, value), ascending by place
};

// Counts where Wide's maximum means unknown (kUnknownCount, kUnknownTotal in store.h): stored one up, so that unknown
// wraps to 0 and stays narrow.
template <class Low, class Wide>
class CountsOrUnknown {
 public:
  Wide operator[](std::size_t k) const { return Wide(v_[k] - 1); }
  void push_back(Wide v) { v_.push_back(Wide(v + 1)); }
  void reserve(std::size_t n) { v_.reserve(n); }
  void shrink_to_fit() { v_.shrink_to_fit(); }
  void truncate(std::size_t n) { v_.truncate(n); }
  std::size_t size() const { return v_.size(); }
  std::size_t wide_count() const { return v_.wide_count(); }
  std::size_t memory_bytes() const { return v_.memory_bytes(); }
  bool operator==(const CountsOrUnknown& o) const { return v_ == o.v_; }

 private:
  Narrow<Low, Wide> v_;
};

// Distinct 64-bit values in first-seen order: place 0 holds 0, and each other value takes the next place when first
// seen. Found through an open-addressing table (a power of two, at most half full) that finish() gives back; a
// hand-written table, not std::unordered_map, whose prime-sized buckets cost the wasm module about 4 KB.
class Distinct {
 public:
  std::uint32_t place_of(std::uint64_t v) {
    if (v == 0) return 0;
    if (2 * values_.size() >= table_.size()) grow();
    for (std::size_t slot = hash(v);; slot = (slot + 1) & (table_.size() - 1)) {
      std::uint32_t place = table_[slot];
      if (place == 0) {  // place 0 (the value 0) is never looked up, so it marks an empty slot
        table_[slot] = std::uint32_t(values_.size());
        values_.push_back(v);
        return table_[slot];
      }
      if (values_[place] == v) return place;
    }
  }
  std::uint64_t operator[](std::uint32_t place) const { return values_[place]; }
  std::size_t size() const { return values_.size(); }  // with the 0 at place 0
  void finish() { std::vector<std::uint32_t>().swap(table_), values_.shrink_to_fit(); }
  std::size_t memory_bytes() const {
    return values_.capacity() * sizeof(std::uint64_t) + table_.capacity() * sizeof(std::uint32_t);
  }

 private:
  std::size_t hash(std::uint64_t v) const { return std::size_t((v * 0x9E3779B97F4A7C15ull) >> 32) & (table_.size() - 1); }
  void grow() {
    std::size_t slots = 1024;
    while (slots < 4 * values_.size()) slots *= 2;
    table_.assign(slots, 0);
    for (std::uint32_t place = 1; place < values_.size(); ++place) {
      std::size_t slot = hash(values_[place]);
      while (table_[slot] != 0) slot = (slot + 1) & (table_.size() - 1);
      table_[slot] = place;
    }
  }
  std::vector<std::uint64_t> values_{0};
  std::vector<std::uint32_t> table_;  // slot -> place, 0 when empty
};

// Which places of a column hold something other than its usual value: a bit each, and per 64 places the count of
// set bits before them, so that a place's rank among the set ones is one population count. 0.19 bytes a place.
class Presence {
 public:
  bool operator[](std::size_t k) const { return (bits_[k >> 6] >> (k & 63)) & 1; }
  // Set places before place k.
  std::size_t rank(std::size_t k) const {
    return before_[k >> 6] + std::size_t(__builtin_popcountll(bits_[k >> 6] & ((std::uint64_t(1) << (k & 63)) - 1)));
  }
  void push_back(bool set) {
    if ((size_ & 63) == 0) bits_.push_back(0), before_.push_back(std::uint32_t(count_));
    if (set) bits_.back() |= std::uint64_t(1) << (size_ & 63), ++count_;
    ++size_;
  }
  void reserve(std::size_t n) { bits_.reserve(n / 64 + 1), before_.reserve(n / 64 + 1); }
  std::size_t size() const { return size_; }
  std::size_t count() const { return count_; }  // set places
  std::size_t memory_bytes() const { return bits_.capacity() * 8 + before_.capacity() * 4; }
  bool operator==(const Presence& o) const { return size_ == o.size_ && bits_ == o.bits_; }

 private:
  std::vector<std::uint64_t> bits_;
  std::vector<std::uint32_t> before_;
  std::size_t size_ = 0, count_ = 0;
};

// A column whose places mostly hold one usual value (no likes; no parameter count): a Presence bit per place, and
// only the other places' values, in order, in Column. Of the default snapshot's 4.4M repositories, 1.65M have likes
// and 1.48M a parameter count.
template <class Column, class Value, Value kUsual>
class Sparse {
 public:
  Value operator[](std::size_t k) const { return present_[k] ? Value(others_[present_.rank(k)]) : kUsual; }
  void push_back(Value v) {
    present_.push_back(v != kUsual);
    if (v != kUsual) others_.push_back(v);
  }
  // Room for n places, of which `others` do not hold the usual value.
  void reserve(std::size_t n, std::size_t others) { present_.reserve(n), others_.reserve(others); }
  std::size_t size() const { return present_.size(); }
  // As far as Column has them:
  void shrink_to_fit() { others_.shrink_to_fit(); }
  void finish() { others_.finish(); }
  std::size_t distinct() const { return others_.distinct(); }
  std::size_t wide_count() const { return others_.wide_count(); }
  std::size_t memory_bytes() const { return present_.memory_bytes() + others_.memory_bytes(); }
  bool operator==(const Sparse& o) const { return present_ == o.present_ && others_ == o.others_; }

 private:
  Presence present_;
  Column others_;
};

// Values that repeat: each a 32-bit place in the list of distinct values. Parameter counts repeat per architecture
// and its variants (the default snapshot: 276,052 distinct among 1.48M known).
class Repeated {
 public:
  std::uint64_t operator[](std::size_t k) const { return values_[places_[k]]; }
  void push_back(std::uint64_t v) { places_.push_back(values_.place_of(v)); }
  void reserve(std::size_t n) { places_.reserve(n); }
  void finish() { values_.finish(); }
  std::size_t size() const { return places_.size(); }
  std::size_t distinct() const { return values_.size() - 1; }
  std::size_t memory_bytes() const { return places_.capacity() * sizeof(std::uint32_t) + values_.memory_bytes(); }
  bool operator==(const Repeated& o) const {
    if (size() != o.size()) return false;
    for (std::size_t k = 0; k < size(); ++k)
      if ((*this)[k] != o[k]) return false;
    return true;
  }

 private:
  std::vector<std::uint32_t> places_;
  Distinct values_;
};

// Rows' byte offsets into their series (store.h): a 32-bit base per 16 offsets and a byte each on top of it, 1.25
// bytes an offset instead of 4. A block whose offsets reach past its base + 255 (a series of many runs: 1,906 of the
// default snapshot's 275,000 blocks) keeps its 16 offsets whole in a list apart, its base then the place of the first
// with the top bit set. An offset from 2^31 on, or below the one before it (a corrupt store), is remembered as
// too_long(), which Store::validate reports.
class SeriesStarts {
 public:
  std::uint32_t operator[](std::size_t k) const {
    const std::uint32_t b = base_[k >> 4];
    return (b & kApart) ? apart_[(b & ~kApart) + (k & 15)] : b + off_[k];
  }
  void push_back(std::uint32_t v) {
    if ((off_.size() & 15) == 0) base_.push_back(v);
    if (v >= kApart || v < last_) too_long_ = true;  // then no read is trusted until validate() has said so
    last_ = v;
    std::uint32_t& b = base_.back();
    if (!(b & kApart) && v - b > 0xFF) {  // the block's offsets so far move to the list apart
      const std::uint32_t base = b;
      b = kApart | std::uint32_t(apart_.size());
      for (std::size_t k = off_.size() & ~std::size_t(15); k < off_.size(); ++k) apart_.push_back(base + off_[k]);
    }
    if (b & kApart) apart_.push_back(v);
    off_.push_back(std::uint8_t(b & kApart ? 0 : v - b));
  }
  void reserve(std::size_t n) { base_.reserve(n / 16 + 1), off_.reserve(n); }
  std::size_t size() const { return off_.size(); }
  std::uint32_t back() const { return (*this)[size() - 1]; }
  bool too_long() const { return too_long_; }
  std::size_t memory_bytes() const { return base_.capacity() * 4 + off_.capacity() + apart_.capacity() * 4; }
  bool operator==(const SeriesStarts& o) const { return base_ == o.base_ && off_ == o.off_ && apart_ == o.apart_; }

 private:
  static constexpr std::uint32_t kApart = 0x80000000u;
  std::vector<std::uint32_t> base_;
  std::vector<std::uint8_t> off_;
  std::vector<std::uint32_t> apart_;
  std::uint32_t last_ = 0;  // the offset pushed last
  bool too_long_ = false;
};

// Sums over items (items.h): most are small. Of the main table's 13.3M monthly download sums in the default snapshot,
// 99.8% are under 65,535 (86% under 255), so 16 bits each plus the rare wide ones exact halve them (53 -> 27 MB).
using Sums = Narrow<std::uint16_t, std::uint64_t>;
// Repositories counted together (an item's created in one month): nearly always far fewer than 65,535.
using RepoCounts = Narrow<std::uint16_t, std::uint32_t>;
// Repositories' downloads per month (store.h) as runs of months over which a total is spread evenly (evenly_spread,
// store.h: the first total % months months one more), the shape the snapshot gives them and the builder's dump gaps
// take: a run is its total and its months, each in 7 bits a byte (low bits first, the high bit set on every byte but
// a number's last), the months only when more than one (a bit below the total says so). The default snapshot's 32.6M
// monthly values make 8.55M runs, 5.1M of them a single month: 17.3 MB, where a value each in the same bytes took
// 40.7. Places are byte offsets, and a run never reaches past its series, so a series is read alone and in order.
class MonthlyCounts {
 public:
  // Appends the next month's value of the series being written; end_series() closes it.
  void push_back(std::uint32_t v) {
    if (run_months_ && ((v == run_high_ && run_low_ == 0) || (run_high_ && v == run_high_ - 1))) {
      ++run_months_;
      if (v != run_high_) ++run_low_;
      return;
    }
    end_series();
    run_high_ = v, run_months_ = 1;
  }
  // Writes the open run: size() and every read see the series from here on.
  void end_series() {
    if (!run_months_) return;
    const std::uint64_t total = std::uint64_t(run_high_) * run_months_ - run_low_;
    put(total << 1 | (run_months_ > 1));
    if (run_months_ > 1) put(run_months_ - 2);
    run_months_ = run_low_ = 0;
  }
  // Appends bytes [first, end) of `from`, whole series.
  void append(const MonthlyCounts& from, std::size_t first, std::size_t end) {
    end_series();
    bytes_.insert(bytes_.end(), from.bytes_.begin() + std::ptrdiff_t(first), from.bytes_.begin() + std::ptrdiff_t(end));
  }
  // f(value) for each month held in bytes [first, end), in order.
  template <class F>
  void each(std::size_t first, std::size_t end, F f) const {
    const std::uint8_t *p = bytes_.data() + first, *last = bytes_.data() + end;
    while (p < last) {
      Run r;
      p = read_run(p, r);
      for (std::uint32_t j = 0; j < r.months; ++j) f(r.low + (j < r.high_months));  // one call of f: module size
    }
  }
  // Months held in bytes [first, end).
  std::size_t count(std::size_t first, std::size_t end) const {
    std::size_t n = 0;
    for (const std::uint8_t *p = bytes_.data() + first, *last = bytes_.data() + end; p < last;)
      n += (get(p) & 1) ? std::size_t(get(p) + 2) : 1;
    return n;
  }
  std::size_t size() const { return bytes_.size(); }  // in bytes, of the series ended
  void reserve(std::size_t bytes) { bytes_.reserve(bytes); }
  std::size_t capacity() const { return bytes_.capacity(); }
  void shrink_to_fit() { bytes_.shrink_to_fit(); }
  std::size_t memory_bytes() const { return bytes_.capacity(); }
  bool operator==(const MonthlyCounts& o) const { return bytes_ == o.bytes_; }

 private:
  void put(std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) bytes_.push_back(std::uint8_t(v | 0x80));
    bytes_.push_back(std::uint8_t(v));
  }
  static std::uint64_t get(const std::uint8_t*& p) {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      const std::uint64_t b = *p++;
      v |= (b & 0x7F) << shift;
      if (b < 0x80) return v;
    }
  }
  // A run read back: `months` months, the first high_months of them low + 1 and the rest low.
  struct Run {
    std::uint32_t low, high_months, months;
  };
  // Out of line: inlined into every reader of a series, the division and the two numbers took 6 KB of the wasm module.
  [[gnu::noinline]] static const std::uint8_t* read_run(const std::uint8_t* p, Run& r) {
    const std::uint64_t head = get(p);
    if (!(head & 1)) {
      r = {std::uint32_t(head >> 1), 0, 1};
      return p;
    }
    const std::uint64_t total = head >> 1, months = get(p) + 2;
    r = {std::uint32_t(total / months), std::uint32_t(total % months), std::uint32_t(months)};
    return p;
  }
  std::vector<std::uint8_t> bytes_;
  // The open run: run_months_ months (0: none), of which the last run_low_ hold run_high_ - 1 and the others run_high_.
  std::uint32_t run_high_ = 0, run_months_ = 0, run_low_ = 0;
};
// Likes (none of the default snapshot's reaches 65,535; most repositories have none) and lifetime downloads (21,580
// of its 2.5M models' reach 65,534: 16 bits, where 32 took 10 MB) of a repository, and its parameter count (0: unknown).
using Likes = Sparse<CountsOrUnknown<std::uint16_t, std::uint32_t>, std::uint32_t, 0>;
using Params = Sparse<Repeated, std::uint64_t, 0>;
using LifetimeDownloads = CountsOrUnknown<std::uint16_t, std::uint64_t>;

}  // namespace hubreport
