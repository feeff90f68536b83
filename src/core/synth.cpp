// The synthetic default snapshot: a seeded, deterministic Hugging Face Hub at full scale, calibrated so that the
// Spring 2026 report's published figures (REPORT.md section 1) come out of it when built and measured by
// `hubreport calibrate` (src/core/calibrate.cpp says exactly how each figure is measured).
//
// Targets and the generator parameters that set them (scale 1.0; counts scale with --scale):
//
//   figure (published)                           set by
//   -------------------------------------------  ------------------------------------------------------------------
//   over 2M models, over 500k datasets           make_fill_models: 2.5M models; make_datasets: 0.7M; make_spaces: 1.2M,
//                                                created 2^(months/12) (each year close to doubling), Spaces from 2021-10
//   half of models under 200 lifetime downloads  fit_downloads: the overall scale g puts the median lifetime at 200
//   top 200 models hold 49.6% of downloads       fit_downloads: kappa (amp = exp(kappa * pop)) by secant on the share;
//                                                pop of the catalog's famous lines (synth_catalog_models.cpp) makes the
//                                                head recognisable (bert, all-MiniLM, Qwen2.5/3, Llama 3.x, Whisper)
//   China 41%, US 36.5% of known-country model   make_targets (synth_fit.cpp) country knots, imposed per month by
//   downloads over the last 12 months; China     raking the cell multipliers; China passes the US in the month twelve
//   passes the US during 2025                    months before the snapshot (2025-03) and keeps rising
//   industry 70% -> 37%, individuals 17% -> 39%  make_targets sector knots (first 12 months of the history, last 12)
//   Qwen > 113,000 direct derivatives, > 200,000 kFamilyPlans (synth_catalog_vocab.cpp): Qwen 118,500 direct + 95,000
//   in the family; Llama ~27,000, DeepSeek       deeper; Llama 27,000 + 30,000; DeepSeek 6,000 + 3,500; quotas are
//   ~6,000 direct derivatives                    exact (make_family_derivatives) and net of the catalog's own children
//   Baidu 0 repositories in 2024, 100+ in 2025   make_org_bulk: exact yearly totals (2024: 0; 2025: 130 * scale)
//   ByteDance-Seed and Tencent grow 8-9x         make_org_bulk: 2025 total = 8.1x (Seed) / 8.4x (Tencent) of 2024
//   robotics datasets 1,145 -> 26,991, largest   make_datasets: exact counts before/after the year-ago month; every
//   dataset task category                        other category has a fixed count well below (kDatasetTasks)
//   mean downloaded model size 20.8B, median     fit_downloads: size-class shares of known-size downloads in the last
//   far below; 1-9B the most downloaded bucket   12 months: <1B 35%, 1-5B 20%, 5-10B 21% (median under 5B), 10-100B
//                                                and 100B+ solved by bisection so the mean is 20.8B
//
// Month dumps (synth_write.cpp): downloadsAllTime is always the exact cumulative count. A repository is listed in
// a month-end dump at its first downloads, then whenever it had 1,000+ downloads in the month, its total at least
// doubled, or 12 months passed since its last listing; the builder spreads each gap's difference evenly over the
// gap's months, so popular repositories keep an exact monthly series and the long tail costs few records
// (about 6M records at scale 1.0). About 70% of models have no downloads in the snapshot month (Osborne et al.).
//
// Realism beyond the figures: lognormal popularity with Pareto-like head, per-repository decay of downloads after
// release, Zipf-distributed community accounts, quantizer accounts (TheBloke, mradermacher, bartowski, unsloth,
// mlx-community, ...) by era, and names, tasks, libraries and licenses drawn per era.
//
// Determinism: xoshiro256** seeded by splitmix64 per stage, own samplers and exp/log (synth_math.h), no unordered
// iteration, ties broken by index: the same options give the same bytes on every machine.
#include "synth.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "synth_fit.h"
#include "synth_pop.h"
#include "synth_write.h"

namespace hubreport {

std::string synth(const SynthOptions& options, const std::vector<Publisher>& publishers,
                  const std::function<bool(const std::string& file, std::string_view bytes)>& write) {
  using namespace synthgen;
  const std::string& d = options.date;
  auto digits = [&](std::size_t a, std::size_t b) {
    for (std::size_t i = a; i < b; ++i)
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !digits(0, 4) || !digits(5, 7) || !digits(8, 10))
    return "bad snapshot date '" + d + "' (expected YYYY-MM-DD)";
  int year = std::atoi(d.c_str()), month = std::atoi(d.c_str() + 5), day = std::atoi(d.c_str() + 8);
  static const int days_in[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month < 1 || month > 12 || day < 1 || day > days_in[month - 1] - (month == 2 && !leap ? 1 : 0))
    return "bad snapshot date '" + d + "'";
  if (options.first_year < 2000 || year < options.first_year + 2 || year > 2099)
    return "the snapshot date must be at least two years after first_year";
  if (!(options.scale > 0) || options.scale > 4) return "scale must be in (0, 4]";
  if (publishers.empty()) return "no publishers table";

  auto t0 = std::chrono::steady_clock::now();
  // Progress notes go to options.log; HUBREPORT_SYNTH_LOG=1 prints them to stderr when no log is given.
  const char* env = std::getenv("HUBREPORT_SYNTH_LOG");
  auto note = [&](const std::string& s) {
    if (!options.log && !(env && *env == '1')) return;
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    char b[32];
    std::snprintf(b, sizeof b, "[%5.1fs] ", secs);
    if (options.log) options.log(b + s);
    else std::fprintf(stderr, "%s%s\n", b, s.c_str());
  };
  Population p;
  p.options = options;
  p.seed = options.seed;
  p.init_calendar();
  if (p.months > 250) return "too many months between first_year and the snapshot date";
  make_authors(p, publishers);
  make_catalog_models(p);
  make_org_bulk(p);
  make_family_derivatives(p);
  make_fill_models(p);
  make_datasets(p);
  make_spaces(p);
  finish_population(p);
  std::size_t n[3] = {0, 0, 0};
  for (auto& r : p.repos) ++n[r.type];
  note("population: " + std::to_string(n[0]) + " models, " + std::to_string(n[1]) + " datasets, " + std::to_string(n[2]) +
       " spaces, " + std::to_string(p.authors.size()) + " authors");
  Fit fit = fit_downloads(p);
  for (auto& s : fit.notes) note(s);
  WriteStats stats;
  std::string err = write_all(p, fit, write, stats);
  if (!err.empty()) return err;
  note("wrote " + std::to_string(stats.history_records) + " monthly records, " + std::to_string(stats.bytes / 1000000) + " MB");
  return "";
}

}  // namespace hubreport
