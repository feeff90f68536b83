// JSON-lines output of the synthetic Hub (month-end dumps and the snapshot's full records).
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "synth_fit.h"

namespace hubreport::synthgen {

struct WriteStats {
  std::size_t history_records = 0, bytes = 0;
};

// Writes every file in order through `write`; returns "" or an error.
std::string write_all(const Population& p, const Fit& fit, const std::function<bool(const std::string&, std::string_view)>& write,
                      WriteStats& stats);
// One full Hub API record (model, dataset or Space) as a JSON line.
void append_full_record(std::string& out, const Population& p, const Repo& r, std::uint32_t index, std::uint64_t month_downloads,
                        std::uint64_t total);

}  // namespace hubreport::synthgen
