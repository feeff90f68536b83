// Compares a snapshot with the Spring 2026 report's published figures (REPORT.md section 1), computing each figure
// through the normal views, so the check exercises exactly what the page shows.
#pragma once
#include <string>
#include <vector>

#include "engine.h"

namespace hubreport {

struct CalibrationRow {
  std::string name, published, measured, tolerance;
  bool pass = false;
};

// `scale` multiplies the published counts (a 0.05 snapshot should hold 5% of the models); shares are unscaled.
std::vector<CalibrationRow> calibrate(Engine& engine, double scale);
std::string calibration_table(const std::vector<CalibrationRow>& rows);

}  // namespace hubreport
