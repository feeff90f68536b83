// Calibration of the synthetic downloads: each repository's monthly downloads are
//   amp * exp(-decay * age) * (first month: the part of it after creation) * mult[cell][month]
// with amp = exp(kappa * pop). synth_fit.cpp chooses kappa (the top-200 share), the per-cell monthly multipliers
// (sector, country and size-class shares by raking) and the overall scale (half of the models under 200 downloads).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "synth_pop.h"

namespace hubreport::synthgen {

struct Fit {
  double kappa = 1;
  std::vector<double> mult;     // models: kCells x (months + 1), cell-major
  std::vector<double> ds_mult;  // datasets: months + 1
  std::vector<std::string> notes;
};

Fit fit_downloads(const Population& p);

// The repository's download weight in its creation month relative to a full month.
inline double first_fraction(const Population& p, const Repo& r) {
  std::size_t m = r.month;
  std::int64_t len = p.month_start[m + 1] - p.month_start[m];
  std::int64_t end = int(m) == p.months ? p.snapshot_time : p.month_start[m + 1];
  double f = double(end - r.created) / double(len);
  return f < 0.001 ? 0.001 : f;
}
// Last month with downloads worth computing (the profile has decayed by 1e-6 after it).
inline int active_end(const Population& p, const Repo& r) {
  if (r.decay <= 0) return p.months;
  int k = int(13.8 / r.decay) + 1;
  return std::min(p.months, int(r.month) + k);
}

}  // namespace hubreport::synthgen
