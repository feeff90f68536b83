// Reads Hub API records (a JSON array as the API pages them, or JSON lines) with simdjson.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "record.h"
#include "result.h"

namespace hubreport {

struct IngestStats {
  std::size_t records = 0, skipped = 0;
  std::string first_error;  // "line N: why" of the first skipped record
};

// Calls `emit` for each well-formed record. A malformed record is reported as "line N: why"; with
// skip_bad it is counted and skipped, otherwise ingest stops with that error. `source` names the input in errors.
Result<IngestStats> ingest_records(std::string_view text, RepoType type, bool skip_bad, const std::string& source,
                                   const std::function<void(RepoRecord&&)>& emit);

}  // namespace hubreport
