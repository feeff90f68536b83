// Seeded, deterministic generator of Hugging Face Hub API records at full scale: the synthetic default snapshot.
// Calibrated so that the Spring 2026 report's published figures (docs: REPORT.md section 1) come out of the data;
// the targets and the parameters that set them are listed at the top of synth.cpp.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "reference.h"

namespace hubreport {

struct SynthOptions {
  std::uint64_t seed = 42;
  double scale = 1.0;               // 1.0 = 2.5M models, 0.7M datasets, 1.2M spaces
  std::string date = "2026-03-15";  // snapshot date (YYYY-MM-DD)
  int first_year = 2020;            // creation dates from first_year-01 to the snapshot date
  // Optional progress and calibration notes ("calibrate: top200 share 0.4960 ..."); never needed for output.
  std::function<void(const std::string&)> log;
};

// Writes the records as JSON lines through `write(file_name, bytes)`, called many times per file, in order
// (append semantics). Files, in the order written:
//   models-<D>.jsonl, datasets-<D>.jsonl   sparse month-end dumps for every month before the snapshot month
//                                          ({"id","downloads","downloadsAllTime"} of repositories with downloads)
//   models-<DATE>.jsonl, datasets-<DATE>.jsonl, spaces-<DATE>.jsonl   full records at the snapshot date
// Every file is written at least once (an empty month dump gets one empty write). `write` returning false stops
// the generator. Returns "" on success or an error message. Output is identical for equal options and publishers.
std::string synth(const SynthOptions&, const std::vector<Publisher>&,
                  const std::function<bool(const std::string& file, std::string_view bytes)>& write);

}  // namespace hubreport
