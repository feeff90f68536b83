// Turns Hub API dumps into a Store: merges records of the same repository across dated dumps, derives
// publisher country/sector, family and relation, modality, size bucket, and the monthly downloads series.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "ingest.h"
#include "reference.h"
#include "store.h"

namespace hubreport {

struct BuildOptions {
  std::string id = "snapshot", kind = "real", provenance;
  std::string date;        // "YYYY-MM-DD"; default: the latest dump date
  bool skip_bad = false;   // skip malformed records (counted) instead of failing
};

struct BuildReport {
  std::size_t records = 0, skipped = 0, dumps = 0, input_bytes = 0;
  std::string first_skip;
};

class Builder {
 public:
  Builder(const ReferenceTables& ref, BuildOptions options);
  ~Builder();
  // One dump of one repository type, taken at `date` ("YYYY-MM-DD"). Dumps may come in any order.
  Status add_dump(RepoType type, const std::string& date, const std::string& source, std::string_view text);
  Result<Store> finish();
  const BuildReport& report() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The first YYYY-MM-DD in a file name ("models-2026-03-15.jsonl.gz" -> "2026-03-15"), or "".
std::string date_in_name(std::string_view name);
bool is_valid_date(std::string_view date);

}  // namespace hubreport
