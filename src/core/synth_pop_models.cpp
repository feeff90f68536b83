// Models of the curated publishers: the catalog's famous lines (family roots, official quantizations, distills)
// and each publisher's bulk activity, including the exact yearly counts the report quotes for Baidu, ByteDance
// Seed and Tencent.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "synth_catalog.h"
#include "synth_pop.h"

namespace hubreport::synthgen {

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t end = s.find(sep, pos);
    out.emplace_back(s.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return out;
}
std::string fill(std::string_view templ, std::string_view label) {
  std::string out(templ);
  std::size_t at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, label);
  return out;
}
std::uint8_t relation_code(std::string_view r) {
  return r == "finetune" ? 1 : r == "adapter" ? 2 : r == "quantized" ? 3 : r == "merge" ? 4 : 0;
}
int year_of_month(const Population& p, int m) { return p.options.first_year + m / 12; }

}  // namespace

std::uint64_t params_of(double billions, Rng& rng) {
  if (!(billions > 0)) return 0;
  // Models of one architecture report the same count, give or take a task head: in the hub-stats sample
  // (../shared/data/real), the 1,354 models without a base model with a parameter count have 420 distinct counts.
  // So three in four take one of four standard counts of their size, the rest a count of their own.
  double u = rng.uniform();
  double v;
  if (u < 0.75) {
    int head = int(u / 0.75 * 4);
    v = billions * 1e9 * (1.0007 + 0.0011 * head) + double(std::uint64_t(billions * 7.919e6 + 104729.0 * head) % 999983);
  } else {
    v = billions * 1e9 * (1 + 0.004 * (8 * (u - 0.75) - 1));
  }
  return std::uint64_t(std::max(1000.0, v));
}

double safetensors_chance(std::string_view lib, int year) {
  if (lib == "gguf") return 0;
  if (lib.empty()) return 0.05;
  if (lib == "pytorch" || lib == "keras" || lib == "ctranslate2" || lib == "sklearn" || lib == "ultralytics") return 0.1;
  if (lib == "stable-baselines3" || lib == "ml-agents") return 0.02;
  double by_year = year <= 2020 ? 0.08 : year == 2021 ? 0.12 : year == 2022 ? 0.25 : year == 2023 ? 0.55 : year == 2024 ? 0.8 : 0.88;
  return lib == "diffusers" ? by_year * 0.9 : by_year;
}

std::uint64_t typical_params(Rng& rng, std::string_view task, int year) {
  auto pick = [&](std::initializer_list<double> sizes, std::initializer_list<double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = rng.uniform() * total;
    auto s = sizes.begin();
    for (double w : weights) {
      if ((x -= w) < 0) return *s;
      ++s;
    }
    return *sizes.begin();
  };
  double b;
  if (task == "text-generation" && year <= 2022) b = pick({0.124, 0.355, 0.774, 1.5, 2.7, 6.0}, {40, 20, 10, 15, 8, 7});
  else if (task == "text-generation")
    b = pick({0.5, 1.1, 1.5, 3.1, 4.0, 7.2, 8.0, 13.0, 14.8, 32.8, 70.6}, {5, 6, 6, 8, 5, 25, 15, 6, 8, 5, 3});
  else if (task == "image-text-to-text" || task == "video-text-to-text" || task == "any-to-any")
    b = pick({0.5, 2.2, 3.8, 7.0, 8.3, 11.0}, {10, 15, 20, 25, 20, 10});
  else if (task == "text-to-image" || task == "image-to-image" || task == "text-to-video")
    b = pick({0.86, 1.07, 2.6, 3.5, 12.0}, {10, 30, 20, 25, 15});
  else if (task == "automatic-speech-recognition") b = pick({0.039, 0.074, 0.24, 0.77, 1.54, 0.095, 0.315}, {10, 10, 25, 15, 10, 15, 15});
  else if (task == "robotics") b = pick({0.05, 0.45, 3.5}, {60, 30, 10});
  else if (task == "reinforcement-learning") b = pick({0.00005, 0.0002, 0.001}, {1, 1, 1});
  else if (task == "sentence-similarity" || task == "feature-extraction") b = pick({0.022, 0.033, 0.11, 0.33, 0.56}, {30, 15, 30, 15, 10});
  else b = pick({0.066, 0.11, 0.125, 0.278, 0.335, 0.56, 0.025}, {15, 30, 15, 10, 10, 5, 15});
  return params_of(b, rng);
}

float decay_for(double pop, double base, Rng& rng) {
  double l = base * dexp(-0.12 * pop) * dexp(0.4 * rng.normal());
  return float(std::max(0.01, std::min(3.0, l)));
}

int task_era(int year) { return year <= 2021 ? 0 : year == 2022 ? 1 : year == 2023 ? 2 : 3; }

std::size_t pick_model_task(Rng& rng, int year) {
  int e = task_era(year);
  double total = 0;
  for (std::size_t i = 0; i < kModelTaskCount; ++i) total += kModelTasks[i].weight[e];
  double x = rng.uniform() * total;
  for (std::size_t i = 0; i < kModelTaskCount; ++i)
    if ((x -= kModelTasks[i].weight[e]) < 0) return i;
  return 0;
}

void make_catalog_models(Population& p) {
  Rng rng(p.seed, "catalog");
  for (std::size_t li = 0; li < kModelLineCount; ++li) {
    const ModelLine& L = kModelLines[li];
    int raw = (std::atoi(L.released) - p.options.first_year) * 12 + std::atoi(L.released + 5) - 1;
    if (raw > p.months) continue;  // released after the snapshot
    int month = std::max(0, raw);
    std::uint32_t author = p.author(L.org);
    std::int64_t day0 = p.time_in_month(month, rng);
    bool templated = std::strstr(L.name, "{}") != nullptr;
    auto items = split(L.variants, ',');
    int fp = family_plan(L.family);
    for (std::size_t vi = 0; vi < items.size(); ++vi) {
      auto f = split(items[vi], ':');
      std::size_t k = templated ? 1 : 0;
      std::string label = templated ? f[0] : "";
      double billions = f.size() > k ? std::atof(f[k].c_str()) : 0;
      std::string rel = f.size() > k + 1 ? f[k + 1] : "", base = f.size() > k + 2 ? f[k + 2] : "";
      if (base.empty() && *L.base) {
        auto b = split(L.base, ':');
        rel = b[0];
        base = fill(b[1], label);
      }
      Repo r;
      r.type = 0;
      r.author = author;
      r.created = std::min(day0 + std::int64_t(vi) * (600 + rng.below(3000)), p.snapshot_time - 1);
      bool gguf = std::string_view(L.library) == "gguf";
      r.params = gguf ? 0 : params_of(billions, rng);
      r.task = p.dict.intern(L.task);
      r.library = p.dict.intern(L.library);
      r.license = p.dict.intern(L.license);
      std::string_view task(L.task);
      bool llm = (task == "text-generation" || task == "image-text-to-text") && raw >= 36;  // 2023 on: 7-8B favoured
      double adj = llm && billions > 0 ? -0.3 * std::fabs(dlog(billions / 7.5) / dlog(2.0)) : -0.3 * double(vi);
      r.pop = float(L.pop + adj + 0.3 * rng.normal());
      r.decay = float(std::max(-0.03, L.decay + 0.005 * rng.normal()));
      if (!base.empty()) {
        std::uint32_t parent = p.find(0, base);
        if (parent != kNone) {
          r.parent = parent;
          r.relation = relation_code(rel);
          r.created = std::max(r.created, p.repos[parent].created + 3600);
        }
      }
      r.modified = r.created + std::int64_t(rng.exponential(90 * 86400.0));
      if (r.parent == kNone && fp >= 0) r.family = std::uint8_t(fp);
      std::uint32_t idx = p.add_repo(r, fill(L.name, label));
      if (r.parent == kNone && fp >= 0) p.family_roots[std::size_t(fp)].push_back(idx);
    }
  }
}

// One bulk repository of a curated publisher, created in `month`.
static void bulk_repo(Population& p, Rng& rng, std::uint32_t author, int type, int month, double pop) {
  if (type == 2) month = std::max(month, p.month_from_text("2021-10"));  // Spaces launched in October 2021
  Repo r;
  r.type = std::uint8_t(type);
  r.author = author;
  r.created = p.time_in_month(month, rng);
  r.modified = r.created + std::int64_t(rng.exponential(60 * 86400.0));
  int year = year_of_month(p, month);
  std::string name;
  if (type == 0) {
    const TaskMix& t = kModelTasks[pick_model_task(rng, year)];
    r.task = p.dict.intern(t.task);
    r.library = p.dict.intern(t.library);
    r.license = p.dict.intern(rng.chance(0.5) ? "apache-2.0" : pick_license(rng));
    if (rng.chance(safetensors_chance(t.library, year))) r.params = typical_params(rng, t.task, year);
    name = bulk_model_name(rng, p.authors[author].name, t.task, year);
    r.pop = float(pop - 5 + 2.0 * rng.normal());
    r.decay = decay_for(r.pop, 0.4, rng);
  } else if (type == 1) {
    std::size_t k = rng.chance(0.5) ? pick_dataset_task(rng) : kNone;
    if (k != kNone) {
      r.task = p.dict.intern(kDatasetTasks[k].task);
      r.extra = p.dict.intern(kDatasetTasks[k].modality);
    }
    r.license = p.dict.intern(rng.chance(0.5) ? "cc-by-4.0" : pick_license(rng));
    name = dataset_name(rng, k != kNone ? kDatasetTasks[k].task : "");
    r.pop = float(pop - 6 + 2.0 * rng.normal());
    r.decay = decay_for(r.pop, 0.3, rng);
  } else {
    r.extra = p.dict.intern(pick_sdk(rng, year));
    name = space_name(rng);
    r.pop = float(pop - 6 + 2.0 * rng.normal());
  }
  p.add_repo(r, name);
}

void make_org_bulk(Population& p) {
  Rng rng(p.seed, "orgs");
  const double scale = p.options.scale;
  const int first = p.options.first_year, last = first + p.months / 12;
  std::vector<int> line_year(p.curated, 9999);
  for (std::size_t i = 0; i < kModelLineCount; ++i) {
    std::uint32_t a = p.author(kModelLines[i].org);
    if (a < p.curated) line_year[a] = std::min(line_year[a], std::atoi(kModelLines[i].released));
  }
  // Months of year y inside the generated period, as a fraction of a year (the snapshot year is partial).
  auto year_fraction = [&](int y) {
    int lo = (y - first) * 12, hi = std::min(lo + 11, p.months);
    if (hi < lo) return 0.0;
    double m = hi - lo + (hi == p.months ? double(p.snapshot_day) / 30.4 : 1.0);
    return m / 12;
  };
  auto random_month_of_year = [&](int y) {
    int lo = (y - first) * 12, hi = std::min(lo + 11, p.months);
    return lo + int(rng.below(std::uint32_t(hi - lo + 1)));
  };
  // Repositories the catalog already gives an author in a year (all types count toward the yearly totals).
  auto catalog_count = [&](std::uint32_t a, int y) {
    int n = 0;
    for (auto& r : p.repos)
      if (r.author == a && year_of_month(p, r.month) == y) ++n;
    return n;
  };
  for (std::uint32_t a = 0; a < p.curated; ++a) {
    const std::string& org = p.authors[a].name;
    bool quantizer = false;
    for (std::size_t q = 0; q < kQuantizerCount; ++q) quantizer = quantizer || org == kQuantizers[q].org;
    if (quantizer) continue;
    // Chinese labs whose yearly counts the report quotes: exact totals per year.
    int special = org == "baidu" ? 1 : org == "tencent" ? 2 : org == "ByteDance-Seed" ? 3 : 0;
    if (special) {
      int base24 = special == 2 ? std::max(2, int(45 * scale + 0.5)) : std::max(2, int(30 * scale + 0.5));
      for (int y = first; y <= last; ++y) {
        int total = 0;
        if (special == 1) total = y == 2025 ? std::max(6, int(130 * scale + 0.999)) : y >= 2026 ? int(15 * scale + 0.999) : 0;
        else if (y == 2024) total = base24;
        else if (y == 2025) total = int((special == 2 ? 8.4 : 8.1) * base24 + 0.5);
        else if (y == 2023) total = int((special == 2 ? 6 : 0) * scale + 0.5);
        else if (y >= 2026) total = int((special == 2 ? 40 : 25) * scale + 0.5);
        if (year_fraction(y) <= 0) continue;
        int n = std::max(0, total - catalog_count(a, y));
        for (int i = 0; i < n; ++i) {
          double u = rng.uniform();
          bulk_repo(p, rng, a, u < 0.7 ? 0 : u < 0.85 ? 1 : 2, random_month_of_year(y), 8.0);
        }
      }
      continue;
    }
    OrgPlan plan{org.c_str(), 5, 1.5f, 1.5f, line_year[a] < 9999 ? line_year[a] : first + int(hash_str(org) % 4), 0, 7.0f};
    for (std::size_t k = 0; k < kOrgPlanCount; ++k)
      if (org == kOrgPlans[k].org) plan = kOrgPlans[k];
    int until = plan.last_year ? plan.last_year : last;
    for (int y = std::max(first, plan.first_year); y <= std::min(until, last); ++y) {
      double frac = year_fraction(y);
      const float rate[3] = {plan.models, plan.datasets, plan.spaces};
      for (int type = 0; type < 3; ++type) {
        double want = rate[type] * scale * frac;
        int n = int(want) + (rng.uniform() < want - double(int(want)) ? 1 : 0);
        for (int i = 0; i < n; ++i) bulk_repo(p, rng, a, type, random_month_of_year(y), plan.pop);
      }
    }
  }
}

}  // namespace hubreport::synthgen
