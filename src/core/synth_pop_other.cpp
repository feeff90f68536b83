// Datasets (with the report's robotics boom: 1,145 robotics datasets a year before the snapshot, 26,991 at it,
// the largest task category) and Spaces (launched October 2021; SDK shares shifting from Streamlit to Docker).
#include <algorithm>
#include <cmath>

#include "synth_catalog.h"
#include "synth_pop.h"

namespace hubreport::synthgen {

namespace {

struct FamousDataset {
  const char* org;
  const char* name;
  const char* month;
  const char* task;
  const char* modality;
  const char* license;
  float pop;
};
const FamousDataset kFamousDatasets[] = {
    {"google", "fleurs", "2022-06", "automatic-speech-recognition", "audio", "cc-by-4.0", 9.0f},
    {"openai", "gsm8k", "2022-04", "text-generation", "text", "mit", 10.0f},
    {"cais", "mmlu", "2022-01", "question-answering", "text", "mit", 10.5f},
    {"Anthropic", "hh-rlhf", "2022-12", "", "text", "mit", 9.0f},
    {"mozilla-foundation", "common_voice_11_0", "2022-10", "automatic-speech-recognition", "audio", "cc0-1.0", 9.0f},
    {"tatsu-lab", "alpaca", "2023-03", "text-generation", "text", "cc-by-nc-4.0", 9.0f},
    {"wikimedia", "wikipedia", "2023-10", "text-generation", "text", "cc-by-sa-3.0", 9.5f},
    {"HuggingFaceH4", "ultrachat_200k", "2023-10", "text-generation", "text", "mit", 9.0f},
    {"HuggingFaceFW", "fineweb", "2024-04", "text-generation", "text", "odc-by", 10.0f},
    {"HuggingFaceFW", "fineweb-edu", "2024-05", "text-generation", "text", "odc-by", 10.0f},
    {"allenai", "c4", "2022-03", "text-generation", "text", "odc-by", 10.0f},
    {"open-r1", "OpenR1-Math-220k", "2025-02", "text-generation", "text", "apache-2.0", 8.5f},
    {"nvidia", "OpenMathReasoning", "2025-04", "question-answering", "text", "cc-by-4.0", 8.5f},
    {"facebook", "natural_reasoning", "2025-02", "text-generation", "text", "cc-by-nc-4.0", 8.0f},
    {"HuggingFaceM4", "the_cauldron", "2024-04", "", "image", "", 8.5f},
};

// Largest-remainder counts per month for `total` items spread in proportion to weights.
std::vector<long> spread(double total, const std::vector<double>& w) {
  double sum = 0;
  for (double x : w) sum += x;
  std::vector<long> out(w.size(), 0);
  if (sum <= 0 || total <= 0) return out;
  std::vector<std::pair<double, std::size_t>> rest;
  long assigned = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    double x = total * w[i] / sum;
    out[i] = long(x);
    assigned += out[i];
    rest.emplace_back(-(x - double(out[i])), i);
  }
  std::sort(rest.begin(), rest.end());
  for (std::size_t i = 0; assigned < long(total + 0.5) && i < rest.size(); ++i, ++assigned) ++out[rest[i].second];
  return out;
}

std::vector<double> growth_weights(const Population& p, double per_year, int from) {
  std::vector<double> w(std::size_t(p.months) + 1, 0);
  for (int t = std::max(0, from); t <= p.months; ++t)
    w[std::size_t(t)] = dpow(per_year, t / 12.0) * (t == p.months ? p.snapshot_day / 30.4 : 1.0);
  return w;
}

void add_dataset(Population& p, Rng& rng, std::uint32_t author, int month, std::string_view task, std::string_view modality,
                 const std::string& license, const std::string& name, double pop) {
  Repo r;
  r.type = 1;
  r.author = author;
  r.created = p.time_in_month(month, rng);
  r.modified = r.created + std::int64_t(rng.exponential(30 * 86400.0));
  r.task = p.dict.intern(task);
  r.extra = p.dict.intern(modality);
  r.license = p.dict.intern(license);
  r.pop = float(pop);
  r.decay = decay_for(pop, 1.0, rng);
  p.add_repo(r, name);
}

}  // namespace

std::size_t pick_dataset_task(Rng& rng) {
  double total = 0;
  for (std::size_t i = 0; i < kDatasetTaskCount; ++i) total += kDatasetTasks[i].count;
  double x = rng.uniform() * total;
  for (std::size_t i = 0; i < kDatasetTaskCount; ++i)
    if ((x -= kDatasetTasks[i].count) < 0) return i;
  return 0;
}

const char* pick_sdk(Rng& rng, int year) {
  static const char* sdk[4] = {"gradio", "streamlit", "static", "docker"};
  static const double w[5][4] = {{62, 30, 8, 0}, {62, 25, 8, 5}, {60, 15, 7, 18}, {58, 10, 7, 25}, {52, 7, 8, 33}};
  int e = std::max(0, std::min(4, year - 2021));
  double x = rng.uniform() * 100;
  for (int i = 0; i < 4; ++i)
    if ((x -= w[e][i]) < 0) return sdk[i];
  return sdk[0];
}

void make_datasets(Population& p) {
  Rng rng(p.seed, "datasets");
  const double s = p.options.scale;
  const int S = p.months;
  for (auto& d : kFamousDatasets) {
    std::uint32_t a = p.author(d.org);
    if (a == kNone) continue;
    int raw = (std::atoi(d.month) - p.options.first_year) * 12 + std::atoi(d.month + 5) - 1;
    if (raw > S) continue;
    add_dataset(p, rng, a, std::max(0, raw), d.task, d.modality, d.license, d.name, d.pop);
  }
  // Robotics: LeRobot-format datasets from mid-2024, a twenty-fold jump in the last twelve months.
  std::uint32_t lerobot = p.author("lerobot"), unitree = p.author("unitreerobotics");
  double year_ago = std::floor(1145 * s + 0.5), now = std::floor(26991 * s + 0.5);
  int start = std::max(0, p.month_from_text("2024-05"));
  std::vector<double> early(std::size_t(S) + 1, 0), late(std::size_t(S) + 1, 0);
  for (int t = start; t <= S - 12; ++t) early[std::size_t(t)] = dpow(1.25, t - start);
  for (int t = std::max(0, S - 11); t <= S; ++t) late[std::size_t(t)] = dpow(1.2, t - (S - 11)) * (t == S ? p.snapshot_day / 30.4 : 1.0);
  auto n_early = spread(year_ago, early), n_late = spread(now - year_ago, late);
  for (int t = 0; t <= S; ++t)
    for (long i = 0; i < n_early[std::size_t(t)] + n_late[std::size_t(t)]; ++i) {
      double u = rng.uniform();
      std::uint32_t a = (u < 0.03 && lerobot != kNone) ? lerobot : (u < 0.035 && unitree != kNone) ? unitree : p.pick_community(rng);
      // One draw per statement: the order of evaluation of function arguments is unspecified.
      const char* license = rng.chance(0.85) ? "apache-2.0" : "mit";
      std::string name = robotics_dataset_name(rng);
      double pop = -0.5 + 2.0 * rng.normal();
      add_dataset(p, rng, a, t, "robotics", "timeseries", license, name, pop);
    }
  // Other task categories: fixed counts, each growing at its own pace.
  for (std::size_t k = 0; k < kDatasetTaskCount; ++k) {
    const DatasetTask& dt = kDatasetTasks[k];
    auto n = spread(std::floor(dt.count * s + 0.5), growth_weights(p, dt.growth, 0));
    for (int t = 0; t <= S; ++t)
      for (long i = 0; i < n[std::size_t(t)]; ++i) {
        std::uint32_t a = p.pick_community(rng);
        std::string license = pick_license(rng), name = dataset_name(rng, dt.task);
        double pop = 0.3 + 2.4 * rng.normal();
        add_dataset(p, rng, a, t, dt.task, dt.modality, license, name, pop);
      }
  }
  // Datasets without a task category: the rest of the 0.7M, doubling every year.
  double have = 0;
  for (auto& r : p.repos) have += r.type == 1 ? 1 : 0;
  auto n = spread(std::max(0.0, std::floor(7e5 * s + 0.5) - have), growth_weights(p, 2.0, 0));
  static const char* modality[] = {"text", "text", "text", "tabular", "image", "audio", ""};
  for (int t = 0; t <= S; ++t)
    for (long i = 0; i < n[std::size_t(t)]; ++i) {
      std::uint32_t a = p.pick_community(rng);
      const char* mod = rng.pick(modality);
      std::string license = pick_license(rng), name = dataset_name(rng, "");
      double pop = -0.8 + 2.4 * rng.normal();
      add_dataset(p, rng, a, t, "", mod, license, name, pop);
    }
}

void make_spaces(Population& p) {
  Rng rng(p.seed, "spaces");
  double have = 0;
  for (auto& r : p.repos) have += r.type == 2 ? 1 : 0;
  auto n = spread(std::max(0.0, std::floor(1.2e6 * p.options.scale + 0.5) - have),
                  growth_weights(p, 2.2, p.month_from_text("2021-10")));
  for (int t = 0; t <= p.months; ++t)
    for (long i = 0; i < n[std::size_t(t)]; ++i) {
      Repo r;
      r.type = 2;
      r.author = p.pick_community(rng);
      r.created = p.time_in_month(t, rng);
      r.modified = r.created + std::int64_t(rng.exponential(20 * 86400.0));
      r.extra = p.dict.intern(pick_sdk(rng, p.options.first_year + t / 12));
      r.license = p.dict.intern(rng.chance(0.5) ? "" : pick_license(rng));
      r.pop = float(-1.0 + 2.2 * rng.normal());
      p.add_repo(r, space_name(rng));
    }
}

}  // namespace hubreport::synthgen
