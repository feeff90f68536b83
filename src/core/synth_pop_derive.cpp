// Derivatives (fine-tunes, adapters, quantizations, merges) with exact per-family quotas, and the community's
// original models that fill each month up to the Hub's exponential growth.
#include <algorithm>
#include <cmath>
#include <string>

#include "synth_catalog.h"
#include "synth_pop.h"

namespace hubreport::synthgen {

namespace {

// Organisations that also publish fine-tunes and merges of open models (kept when the curated table lists them).
// Organisations that also publish fine-tunes and merges of open models (kept when the curated table lists them),
// most active first: the k-th is picked with weight 1/k^1.2.
const char* const kDerivativeOrgs[] = {
    "nvidia", "NousResearch", "huihui-ai", "mlabonne", "cognitivecomputations", "allenai", "unsloth", "TheDrummer",
    "Sao10K", "failspy", "open-r1", "HuggingFaceH4", "arcee-ai", "Undi95", "jondurbin", "NeverSleep", "teknium",
    "prithivMLmods", "microsoft", "google", "ibm-granite", "Intel", "PrimeIntellect", "NovaSky-AI", "ServiceNow-AI",
    "Open-Orca", "PygmalionAI", "Writer", "h2oai", "abacusai", "beomi", "elyza", "rinna", "cyberagent", "tokyotech-llm",
    "scb10x", "speakleash", "IlyaGusev", "T-Systems-onsite", "maritaca-ai", "aisingapore", "inceptionai", "m42-health",
    "GoToCompany", "shibing624", "amd", "LiquidAI", "Zyphra", "Snowflake", "togethercomputer", "princeton-nlp",
    "UCLA-AGI", "TIGER-Lab", "GAIR", "PKU-Alignment", "RUCAIBox", "HIT-SCIR", "kaist-ai", "MBZUAI", "llm-jp",
    "swap-uniba", "BSC-LT", "projecte-aina"};

struct Context {
  std::vector<std::uint32_t> orgs;  // derivative-making organisations present in the table
  WeightedPick org_pick;
  std::vector<int> q_from, q_to;    // quantizer activity, month indexes
  std::vector<std::uint32_t> q_author;
  std::uint32_t city96 = kNone, xenova = kNone, onnx = kNone;
};

Context make_context(const Population& p) {
  Context c;
  for (const char* o : kDerivativeOrgs)
    if (p.author(o) != kNone) {
      c.orgs.push_back(p.author(o));
      c.org_pick.add(1 / dpow(double(c.orgs.size()), 1.2));
    }
  for (std::size_t q = 0; q < kQuantizerCount; ++q) {
    c.q_author.push_back(p.author(kQuantizers[q].org));
    c.q_from.push_back(p.month_from_text(kQuantizers[q].from));
    c.q_to.push_back(*kQuantizers[q].to ? p.month_from_text(kQuantizers[q].to) : p.months);
  }
  c.city96 = p.author("city96");
  c.xenova = p.author("Xenova");
  c.onnx = p.author("onnx-community");
  return c;
}

std::uint8_t pick_relation(Rng& rng, float ft, float ad, float qu, float me) {
  double x = rng.uniform() * double(ft + ad + qu + me);
  if ((x -= ft) < 0) return 1;
  if ((x -= ad) < 0) return 2;
  if ((x -= qu) < 0) return 3;
  return 4;
}

bool contains_gguf(const std::string& s) { return s.find("GGUF") != std::string::npos || s.find("gguf") != std::string::npos; }

// Adds one derivative of `parent` created at `created`; `style` is the family's naming style.
std::uint32_t add_derivative(Population& p, const Context& c, Rng& rng, std::uint32_t parent, std::uint8_t relation,
                             std::int64_t created, int style, int family) {
  const Repo par = p.repos[parent];
  int month = p.month_of(created), year = p.options.first_year + month / 12;
  Repo r;
  r.type = 0;
  r.created = created;
  r.modified = created + std::int64_t(rng.exponential(25 * 86400.0));
  r.parent = parent;
  r.relation = relation;
  r.task = par.task;
  r.family = family < 0 ? 0xFF : std::uint8_t(family);
  r.license = rng.chance(0.7) ? par.license : p.dict.intern(pick_license(rng));
  // Who publishes it.
  int qstyle = 5;
  double bonus = 0, decay_base = 1.3;
  r.author = kNone;
  if (relation == 3) {
    if (style == 1 && c.city96 != kNone && rng.chance(0.25)) r.author = c.city96, qstyle = 0;
    else if ((style == 2 || style == 4) && c.xenova != kNone && rng.chance(0.3))
      r.author = (year >= 2024 && c.onnx != kNone && rng.chance(0.4)) ? c.onnx : c.xenova;
    else if (style == 0 && rng.chance(0.6)) {
      double total = 0;
      for (std::size_t q = 0; q < kQuantizerCount; ++q)
        if (c.q_author[q] != kNone && month >= c.q_from[q] && month <= c.q_to[q]) total += kQuantizers[q].weight;
      double x = rng.uniform() * total;
      for (std::size_t q = 0; q < kQuantizerCount && total > 0; ++q) {
        if (c.q_author[q] == kNone || month < c.q_from[q] || month > c.q_to[q]) continue;
        if ((x -= kQuantizers[q].weight) < 0) {
          r.author = c.q_author[q];
          qstyle = kQuantizers[q].style;
          bonus = kQuantizers[q].pop;
          decay_base = 0.8;
          break;
        }
      }
    }
  } else if (!c.orgs.empty() && rng.chance(0.03)) {
    r.author = c.orgs[c.org_pick(rng)];
    bonus = p.authors[r.author].sector == kIndustry ? 1.5 : 0.0;
    decay_base = 0.35;
  }
  if (r.author == kNone) r.author = p.pick_community(rng);
  std::string name = derivative_name(rng, p.authors[par.author].name, p.name(par), relation, style, qstyle, year);
  for (int retry = 0; retry < 3 && p.taken(0, r.author, name); ++retry)  // another quantization of the same parent
    name = derivative_name(rng, p.authors[par.author].name, p.name(par), relation, style, qstyle, year);
  // Library and parameters as the Hub reports them.
  const std::string& plib = p.dict[par.library];
  std::string lib = plib.empty() ? "transformers" : plib;
  double factor = 1;
  if (relation == 2) {
    lib = style == 1 ? "diffusers" : "peft";
    // LoRA ranks come in a few sizes, so an adapter's count is one of a few fractions of its base's.
    static const double kRanks[5] = {0.0025, 0.005, 0.01, 0.02, 0.03};
    factor = kRanks[std::min(4, int(rng.uniform() * 5))];
  } else if (relation == 3) {
    if (qstyle == 2) lib = "mlx", factor = 0.28;
    else if (qstyle == 4) factor = 1;
    else if (contains_gguf(name)) lib = "gguf";
    else factor = 0.3;
  }
  r.library = p.dict.intern(lib);
  std::uint64_t base = par.params ? par.params : typical_params(rng, p.dict[par.task], year);
  if (lib != "gguf" && rng.chance(std::max(0.5, safetensors_chance(lib, year))))
    r.params = std::max<std::uint64_t>(1000000, std::uint64_t(double(base) * factor));
  static const double rel_base[5] = {0, 0.3, -0.8, 1.2, -0.3};
  r.pop = float(rel_base[relation] + 0.3 * (par.pop - 4) + bonus + 2.3 * rng.normal());
  r.decay = decay_for(r.pop, decay_base, rng);
  if (relation == 4 && rng.chance(0.6) && par.parent != kNone) r.parent2 = par.parent;
  return p.add_repo(r, name);
}

}  // namespace

void make_family_derivatives(Population& p) {
  Rng rng(p.seed, "families");
  Context c = make_context(p);
  const double ms = month_seconds();
  std::vector<int> existing(kFamilyPlanCount, 0);
  for (auto& r : p.repos)
    if (r.parent != kNone && p.repos[r.parent].parent == kNone && p.repos[r.parent].family != 0xFF)
      ++existing[p.repos[r.parent].family];
  for (std::size_t f = 0; f < kFamilyPlanCount; ++f) {
    const FamilyPlan& plan = kFamilyPlans[f];
    auto& roots = p.family_roots[f];
    if (roots.empty()) continue;
    double top = -1e9;
    for (auto k : roots) top = std::max(top, double(p.repos[k].pop));
    WeightedPick pick;
    for (auto k : roots) {
      double avail = double(p.snapshot_time - p.repos[k].created) / ms;
      pick.add(dexp(double(p.repos[k].pop) - top) * (1 - dexp(-avail / plan.lag)));
    }
    if (pick.empty()) continue;
    int direct = std::max(0, int(plan.direct * p.options.scale + 0.5) - existing[f]);
    std::vector<std::uint32_t> made;
    WeightedPick by_pop;
    for (int i = 0; i < direct; ++i) {
      std::uint32_t root = roots[pick(rng)];
      double avail = double(p.snapshot_time - 1 - p.repos[root].created) / ms;
      double lag = -plan.lag * dlog(1 - rng.uniform() * (1 - dexp(-avail / plan.lag)));
      std::int64_t t = p.repos[root].created + 3600 + std::int64_t(lag * ms);
      std::uint8_t rel = pick_relation(rng, plan.finetune, plan.adapter, plan.quantized, plan.merge);
      std::uint32_t k = add_derivative(p, c, rng, root, rel, std::min(t, p.snapshot_time - 1), plan.style, int(f));
      made.push_back(k);
      by_pop.add(dexp(0.7 * std::min(12.0, double(p.repos[k].pop))));
    }
    int deeper = int(plan.deeper * p.options.scale + 0.5);
    std::vector<std::uint32_t> deep;
    for (int i = 0; i < deeper && !made.empty(); ++i) {
      std::uint32_t parent = (!deep.empty() && rng.chance(0.25)) ? deep[rng.below(std::uint32_t(deep.size()))] : made[by_pop(rng)];
      double avail = double(p.snapshot_time - 1 - p.repos[parent].created) / ms;
      double lag = -2.0 * dlog(1 - rng.uniform() * (1 - dexp(-avail / 2.0)));
      std::int64_t t = std::min(p.repos[parent].created + 600 + std::int64_t(lag * ms), p.snapshot_time - 1);
      std::uint8_t rel = plan.style == 1 ? pick_relation(rng, 0.4f, 0.5f, 0.1f, 0) : pick_relation(rng, 0.3f, 0.05f, 0.55f, 0.1f);
      deep.push_back(add_derivative(p, c, rng, parent, rel, t, plan.style, int(f)));
    }
  }
}

void make_fill_models(Population& p) {
  Rng rng(p.seed, "fill");
  Context c = make_context(p);
  const int S = p.months;
  const double total = std::floor(2.5e6 * p.options.scale + 0.5);
  std::vector<double> have(std::size_t(S) + 1, 0), w(std::size_t(S) + 1, 0), need(std::size_t(S) + 1, 0);
  double have_all = 0, w_all = 0, need_all = 0;
  for (auto& r : p.repos)
    if (r.type == 0) have[r.month] += 1, have_all += 1;
  for (int t = 0; t <= S; ++t) {
    w[std::size_t(t)] = dpow(2.0, t / 12.0) * (t == S ? p.snapshot_day / 30.4 : 1.0);
    w_all += w[std::size_t(t)];
  }
  for (int t = 0; t <= S; ++t) {
    need[std::size_t(t)] = std::max(0.0, total * w[std::size_t(t)] / w_all - have[std::size_t(t)]);
    need_all += need[std::size_t(t)];
  }
  double remaining = std::max(0.0, total - have_all);
  // Largest-remainder rounding of the remaining models over the months.
  std::vector<long> count(std::size_t(S) + 1, 0);
  std::vector<std::pair<double, int>> rest;
  long assigned = 0;
  for (int t = 0; t <= S && need_all > 0; ++t) {
    double x = remaining * need[std::size_t(t)] / need_all;
    count[std::size_t(t)] = long(x);
    assigned += long(x);
    rest.emplace_back(-(x - double(long(x))), t);
  }
  std::sort(rest.begin(), rest.end());
  for (std::size_t i = 0; assigned < long(remaining) && i < rest.size(); ++i, ++assigned) ++count[std::size_t(rest[i].second)];

  // Parents for derivatives outside the curated families: earlier originals, by popularity.
  std::vector<std::uint32_t> older;
  for (std::uint32_t k = 0; k < p.repos.size(); ++k)
    if (p.repos[k].type == 0 && p.repos[k].parent == kNone && p.repos[k].family == 0xFF) older.push_back(k);
  std::sort(older.begin(), older.end(), [&](std::uint32_t a, std::uint32_t b) {
    return p.repos[a].created != p.repos[b].created ? p.repos[a].created < p.repos[b].created : a < b;
  });
  std::size_t next_older = 0;
  WeightedPick cand;
  std::vector<std::uint32_t> cand_idx;
  auto add_candidate = [&](std::uint32_t k) {
    cand_idx.push_back(k);
    cand.add(dexp(0.6 * std::min(14.0, double(p.repos[k].pop))));
  };
  for (int t = 0; t <= S; ++t) {
    while (next_older < older.size() && p.repos[older[next_older]].month < t) add_candidate(older[next_older++]);
    int year = p.options.first_year + t / 12;
    std::vector<std::uint32_t> fresh;
    for (long i = 0; i < count[std::size_t(t)]; ++i) {
      std::int64_t created = p.time_in_month(t, rng);
      if (t >= 12 && !cand.empty() && rng.chance(0.12)) {
        std::uint32_t parent = cand_idx[cand(rng)];
        const std::string& task = p.dict[p.repos[parent].task];
        int style = task == "text-generation" ? 0 : task == "text-to-image" ? 1 : task == "automatic-speech-recognition" ? 3 : 2;
        add_derivative(p, c, rng, parent, pick_relation(rng, 0.6f, 0.15f, 0.2f, 0.05f), created, style, -1);
        continue;
      }
      const TaskMix& tm = kModelTasks[pick_model_task(rng, year)];
      std::string_view task(tm.task);
      Repo r;
      r.type = 0;
      r.created = created;
      r.modified = created + std::int64_t(rng.exponential(20 * 86400.0));
      r.author = p.pick_community(rng);
      r.task = p.dict.intern(tm.task);
      r.library = p.dict.intern(tm.library);
      r.license = p.dict.intern(pick_license(rng));
      if (rng.chance(safetensors_chance(tm.library, year))) r.params = typical_params(rng, task, year);
      double adj = task == "reinforcement-learning" ? -1.5 : task.empty() ? -1.2 : task == "sentence-similarity" ? 0.5 : 0.0;
      r.pop = float(adj + 2.6 * rng.normal());
      r.decay = decay_for(r.pop, 1.3, rng);
      fresh.push_back(p.add_repo(r, original_model_name(rng, task, year)));
    }
    for (auto k : fresh) add_candidate(k);
  }
}

}  // namespace hubreport::synthgen
