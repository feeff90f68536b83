// The snapshot format (docs/contracts.md section 3): a manifest plus gzip-compressed JSON parts with
// dictionary-encoded, integer columns in row groups. This layer sees only uncompressed text; compression and
// hashing of the files happen in the native and browser front doors.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"
#include "magnitude_code.h"
#include "store.h"

namespace hubreport {

// 2: lifetime downloads stored as what they add to the series; 3: download months after a series' first as the
// months skipped; 4: download series as spans of months sharing a total (the builder's evenly spread dump gaps);
// 5: the widest integer columns as magnitude classes and lower bits (magnitude_code.h); 6: their classes range-coded
// in context, with models in the dictionaries part, which comes first (SnapshotModels).
constexpr int kSnapshotVersion = 6;
constexpr std::size_t kRowsPerGroup = 65536;

// The contexts of a row's download spans in magnitude code: a span's length is read in the context of the previous
// span's monthly rate (its magnitude class, 0 before a row's first span), and its total in that context and its
// length (15 months or more alike). Consecutive months of a series are alike, so the rate says much of the next.
class SpanContexts {
 public:
  static constexpr std::size_t kRates = 43, kLengths = 16;
  static constexpr std::size_t kLengthContexts = kRates, kTotalContexts = kRates * kLengths;
  std::size_t for_length() const { return previous_rate_; }
  std::size_t for_total(std::uint64_t length) const {
    return previous_rate_ * kLengths + std::size_t(length < kLengths - 1 ? length : kLengths - 1);
  }
  // After each span (length >= 1).
  void add(std::uint64_t total, std::uint64_t length) {
    std::uint64_t rate = total / length;
    std::size_t bits = rate ? 64 - std::size_t(__builtin_clzll(rate)) : 0;
    previous_rate_ = 1 + (bits < kRates - 2 ? bits : kRates - 2);
  }

 private:
  std::size_t previous_rate_ = 0;
};

// The contexts of a row's other range-coded columns, from what the reader has by then: the row's type (the type
// column comes first) for its number of spans, and for its last 30 days and its likes also its spans (read before
// them, whatever their place in the part): the last span's monthly rate (as SpanContexts has it after the row's
// spans, 0 without spans) and the bit length of the spans' sum (at most 42). Recent downloads are much like the last
// month's, and likes go with downloads.
struct RowContexts {
  static constexpr std::size_t kTypes = 3, kBuckets = SpanContexts::kRates;
  static constexpr std::size_t kSpanCounts = kTypes, kRecent = kTypes * kBuckets, kLikes = kTypes * kBuckets;
  static std::size_t recent(std::size_t type, const SpanContexts& after_spans) {
    return type * kBuckets + after_spans.for_length();
  }
  static std::size_t likes(std::size_t type, std::uint64_t spans_sum) {
    std::size_t bits = spans_sum ? 64 - std::size_t(__builtin_clzll(spans_sum)) : 0;
    return type * kBuckets + (bits < kBuckets - 1 ? bits : kBuckets - 1);
  }
};

// Each column in magnitude code has its model of symbols in context (magnitude_code.h, symbol_code.h), which the
// dictionaries part lists as "symbol_models": {"created": [...], ...}. created, author and family (deltas along the
// sorted rows, and family numbers) are coded in the context of the previous value's class: repeats follow repeats.
struct SnapshotModels {
  SymbolModel created{kMagnitudeClasses}, author{kMagnitudeClasses}, family{kMagnitudeClasses},
      downloads30{RowContexts::kRecent}, likes{RowContexts::kLikes}, series_spans{RowContexts::kSpanCounts},
      span_length{SpanContexts::kLengthContexts}, span_downloads{SpanContexts::kTotalContexts};
  static constexpr const char* kNames[] = {"created", "author", "family", "downloads30", "likes", "series_spans",
                                           "span_length", "span_downloads"};
  std::array<SymbolModel*, 8> all() {
    return {&created, &author, &family, &downloads30, &likes, &series_spans, &span_length, &span_downloads};
  }
};

struct SnapshotPart {
  std::string path;  // "dicts.json.gz", "rows-0000.json.gz"
  std::string role;  // "dicts", "rows", or "views" (the precomputed default views: not a data part)
  std::size_t rows = 0;
  std::string text;  // uncompressed JSON
  // Filled in by whoever compresses the part:
  std::size_t bytes = 0;
  std::string sha256;
};

std::vector<SnapshotPart> encode_snapshot(const Store& store, std::size_t rows_per_group = kRowsPerGroup);
// default_state: the canonical state the "views" part answers (written as "default_state" when not empty).
std::string encode_manifest(const Store& store, const std::vector<SnapshotPart>& parts,
                            const std::string& default_state = "");

// The precomputed answer of Engine::all_views_json for the snapshot's default state (print_state of {s=ID}).
constexpr const char* kDefaultViewsFile = "default-views.json.gz";

struct ManifestFile {
  std::string path, role, sha256;
  std::size_t rows = 0, bytes = 0, raw_bytes = 0;
};
struct Manifest {
  int version = 0;
  SnapshotInfo info;
  std::size_t repositories = 0, models = 0, datasets = 0, spaces = 0, series_points = 0;
  std::vector<ManifestFile> files;  // data parts (dicts, rows...), then at most one "views" file
  std::string default_state;        // the canonical state the views file answers ("" without one)
};
Result<Manifest> parse_manifest(std::string_view text);

// Builds a Store from a manifest and its parts, fed one at a time (each part's text is parsed and dropped,
// so peak memory stays near the store itself).
class SnapshotLoader {
 public:
  SnapshotLoader();
  ~SnapshotLoader();
  Status begin(std::string_view manifest_text);
  Status add_part(std::size_t index, std::string_view text);
  Result<Store> finish();
  const Manifest& manifest() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// JSON summary of a loaded snapshot (id, date, kind, counts, series range) for `hubreport info` and the page.
std::string snapshot_info_json(const Store& store);

}  // namespace hubreport
