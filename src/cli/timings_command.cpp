// `hubreport timings`: where a filter change spends its time, view by view, natively (caches off). A profiling aid
// for the engine budget; the browser benchmark (bench/run.mjs) is the measure that counts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "engine.h"
#include "snapshot_files.h"

namespace hubreport {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  return xs[xs.size() / 2];
}

}  // namespace

int cmd_timings(const Args& args) {
  const char* help =
      "usage: hubreport timings SNAPSHOT_DIR [--state 'QUERY']... [--runs N]\n"
      "\n"
      "Prints, for each state (default: the benchmark's seven filters and no filter), the median time in ms of the\n"
      "filter pass and of each view, with the engine's answer caches off, plus the engine's memory by part. The\n"
      "views are computed as for the page (every view at once): geography's time includes the pass that counts\n"
      "the category views (geography, sectors, tasks, licenses, libraries, sdks, and the sizes view's counts).\n";
  if (wants_help(args)) return std::fputs(help, stdout), 0;
  std::string dir;
  std::vector<std::string> queries;
  int runs = 5;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--state" && i + 1 < args.size()) {
      queries.push_back(args[++i]);
    } else if (a == "--runs" && i + 1 < args.size()) {
      runs = std::max(1, std::atoi(args[++i].c_str()));
    } else if (!a.empty() && a[0] == '-') {
      return fail("timings", "unknown or incomplete option '" + a + "' (see --help)");
    } else if (dir.empty()) {
      dir = a;
    } else {
      return fail("timings", "unexpected argument '" + a + "'");
    }
  }
  if (dir.empty()) return std::fputs(help, stderr), 2;
  if (queries.empty())
    queries = {"",          "country=CN",   "type=model&from=2025-01", "sector=community", "license=apache-2.0",
               "size=1to9b", "org=Qwen", "family=Qwen&relation=quantized"};
  auto t_load = std::chrono::steady_clock::now();
  auto store = read_snapshot_dir(dir);
  if (!store) return fail("timings", store.error());
  double load_ms = ms_since(t_load);
  std::size_t rows = store->rows(), store_bytes = store->memory_bytes();
  auto t_engine = std::chrono::steady_clock::now();
  Engine engine(std::move(store.value()), Engine::kKeptPerMeasure, Engine::kWalkSegment, Engine::StoreRows::lean);
  double engine_ms = ms_since(t_engine);
  engine.set_caching(false);
  std::printf("%zu repositories; read %.0f ms, engine %.0f ms; store %.1f MB (%.1f B/repo), items %.1f MB\n\n", rows,
              load_ms, engine_ms, double(store_bytes) / 1e6, double(store_bytes) / double(std::max<std::size_t>(rows, 1)),
              double(engine.items().memory_bytes()) / 1e6);
  std::size_t total = 0;
  std::printf("| engine table | MB | B/repo |\n|---|---|---|\n");
  for (const auto& [name, bytes] : engine.memory_parts()) {
    total += bytes;
    std::printf("| %s | %.1f | %.1f |\n", name.c_str(), double(bytes) / 1e6, double(bytes) / double(std::max<std::size_t>(rows, 1)));
  }
  std::printf("| all of the above | %.1f | %.1f |\n\n", double(total) / 1e6, double(total) / double(std::max<std::size_t>(rows, 1)));

  std::printf("| state | filter |");
  for (auto v : kViewNames) std::printf(" %.*s |", int(v.size()), v.data());
  std::printf(" total |\n|---|---|");
  for (std::size_t i = 0; i <= kViewNames.size(); ++i) std::printf("---|");
  std::printf("\n");
  for (const auto& q : queries) {
    auto state = parse_state(q);
    if (!state) return fail("timings", "state '" + q + "': " + state.error());
    std::vector<double> filter_ms, total_ms;
    std::vector<std::vector<double>> view_ms(kViewNames.size());
    for (int r = 0; r < runs; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      FilterPass pass;
      engine.filter(state.value(), pass);
      pass.count_categories_together = true;
      filter_ms.push_back(ms_since(t0));
      for (std::size_t v = 0; v < kViewNames.size(); ++v) {
        auto tv = std::chrono::steady_clock::now();
        auto slice = engine.view(state.value(), pass, kViewNames[v]);
        if (!slice) return fail("timings", slice.error());
        view_ms[v].push_back(ms_since(tv));
      }
      total_ms.push_back(ms_since(t0));
    }
    std::printf("| `%s` | %.1f |", q.empty() ? "(none)" : q.c_str(), median(filter_ms));
    for (auto& t : view_ms) std::printf(" %.1f |", median(t));
    std::printf(" %.1f |\n", median(total_ms));
  }
  return 0;
}

}  // namespace hubreport
