#include "commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "builder.h"
#include "engine.h"
#include "file_io.h"
#include "snapshot.h"
#include "snapshot_files.h"

namespace hubreport {

int fail(const char* command, const std::string& message) {
  std::fprintf(stderr, "hubreport %s: %s\n", command, message.c_str());
  return 1;
}

bool wants_help(const Args& args) {
  for (auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const char* kBuildHelp =
    "usage: hubreport build -o DIR [--models FILE...] [--datasets FILE...] [--spaces FILE...]\n"
    "                       [--id ID] [--kind real|synthetic] [--provenance TEXT] [--date YYYY-MM-DD] [--skip-bad]\n"
    "\n"
    "Reads Hub API records (a JSON array or JSON lines, plain or gzipped) and writes a snapshot directory.\n"
    "Each FILE is one dump; its date is the first YYYY-MM-DD in its name (models-2026-03-15.jsonl.gz),\n"
    "else --date. Several dated dumps of the same repositories give monthly downloads (differences of\n"
    "downloadsAllTime); one dump gives the last 30 days only. A malformed record stops the build with its\n"
    "line number, or with --skip-bad is counted and skipped.\n";

}  // namespace

int cmd_build(const Args& args) {
  if (wants_help(args)) return std::fputs(kBuildHelp, stdout), 0;
  std::string out, date;
  BuildOptions opt;
  struct Input { RepoType type; std::string path; };
  std::vector<Input> inputs;
  int current = -1;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& target) {
      if (i + 1 >= args.size()) return false;
      target = args[++i];
      return true;
    };
    if (a == "-o" || a == "--out") { if (!value(out)) return fail("build", "-o needs a directory"); current = -1; }
    else if (a == "--models") current = 0;
    else if (a == "--datasets") current = 1;
    else if (a == "--spaces") current = 2;
    else if (a == "--id") { if (!value(opt.id)) return fail("build", "--id needs a value"); current = -1; }
    else if (a == "--kind") { if (!value(opt.kind)) return fail("build", "--kind needs a value"); current = -1; }
    else if (a == "--provenance") { if (!value(opt.provenance)) return fail("build", "--provenance needs a value"); current = -1; }
    else if (a == "--date") { if (!value(date)) return fail("build", "--date needs a value"); current = -1; }
    else if (a == "--skip-bad") { opt.skip_bad = true; current = -1; }
    else if (!a.empty() && a[0] == '-') return fail("build", "unknown option '" + a + "' (see --help)");
    else if (current < 0) return fail("build", "'" + a + "': say what it holds with --models, --datasets or --spaces");
    else inputs.push_back({RepoType(current), a});
  }
  if (out.empty()) return fail("build", "missing -o DIR (see --help)");
  if (inputs.empty()) return fail("build", "no input files (see --help)");
  if (!is_valid_snapshot_id(opt.id)) return fail("build", "bad --id '" + opt.id + "' (letters, digits, '.', '_', '-')");
  if (opt.kind != "real" && opt.kind != "synthetic") return fail("build", "--kind must be real or synthetic");
  if (!date.empty() && !is_valid_date(date)) return fail("build", "--date must be YYYY-MM-DD");
  opt.date = date;
  auto tables = builtin_reference_tables();
  if (!tables) return fail("build", tables.error());
  auto t0 = std::chrono::steady_clock::now();
  Builder builder(tables.value(), opt);
  for (auto& in : inputs) {
    std::string dump_date = date_in_name(std::filesystem::path(in.path).filename().string());
    if (dump_date.empty()) dump_date = date;
    auto text = read_maybe_gzip(in.path);
    if (!text) return fail("build", text.error());
    Status err = builder.add_dump(in.type, dump_date, in.path, text.value());
    if (!err.empty()) return fail("build", err);
  }
  double t_ingest = seconds_since(t0);
  auto store = builder.finish();
  if (!store) return fail("build", store.error());
  double t_finish = seconds_since(t0) - t_ingest;
  // The page opens on the default state: precompute the engine's answer for it, so the first draw needs no engine.
  Engine engine(std::move(store.value()));
  ViewState default_state;
  default_state.snapshot = opt.id;
  DefaultViews views;
  views.state = print_state(default_state);
  auto all = engine.all_views_json(default_state);
  if (!all) return fail("build", "default views: " + all.error());
  views.json = std::move(all.value());
  double t_views = seconds_since(t0) - t_ingest - t_finish;
  const Store& built = engine.store();
  auto written = write_snapshot_dir(built, out, &views);
  if (!written) return fail("build", written.error());
  const BuildReport& rep = builder.report();
  double total = seconds_since(t0);
  std::fprintf(stderr,
               "hubreport build: %zu records from %zu dumps (%.1f MB) -> %zu repositories, %zu download points\n"
               "  read + ingest %.2f s (%.0f MB/s), derive %.2f s, default views %.2f s, write %.2f s, total %.2f s\n"
               "  snapshot %zu files, %.2f MB (%.2f bytes/repository), raw %.1f MB\n",
               rep.records, rep.dumps, double(rep.input_bytes) / 1e6, built.rows(), built.series_points(), t_ingest,
               double(rep.input_bytes) / 1e6 / std::max(t_ingest, 1e-9), t_finish, t_views, total - t_ingest - t_finish - t_views,
               total, written->files, double(written->bytes) / 1e6,
               double(written->bytes) / double(std::max<std::size_t>(built.rows(), 1)), double(written->raw_bytes) / 1e6);
  if (rep.skipped)
    std::fprintf(stderr, "  skipped %zu malformed records; first: %s\n", rep.skipped, rep.first_skip.c_str());
  return 0;
}

int cmd_info(const Args& args) {
  if (wants_help(args) || args.size() != 1)
    return std::fputs("usage: hubreport info SNAPSHOT_DIR\n\nPrints the snapshot's summary (id, date, kind, counts) as JSON.\n",
                      wants_help(args) ? stdout : stderr),
           wants_help(args) ? 0 : 2;
  auto store = read_snapshot_dir(args[0]);
  if (!store) return fail("info", store.error());
  std::printf("%s\n", snapshot_info_json(store.value()).c_str());
  return 0;
}

int cmd_view(const Args& args) {
  const char* help =
      "usage: hubreport view SNAPSHOT_DIR --view NAME [--state 'QUERY'] [--format json|csv]\n"
      "\n"
      "Prints one view as {\"view\",\"columns\",\"rows\"} JSON (or CSV with a header row). NAME is one of\n"
      "headline, growth, concentration, geography, sectors, families, orgs, tasks, sizes, licenses,\n"
      "libraries, sdks, or 'all'. QUERY is the page's URL query, e.g. 'country=CN~US&from=2025-01'.\n";
  if (wants_help(args)) return std::fputs(help, stdout), 0;
  std::string dir, view, query, format = "json";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--view" || a == "--state" || a == "--format") && i + 1 < args.size()) {
      (a == "--view" ? view : a == "--state" ? query : format) = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      return fail("view", "unknown or incomplete option '" + a + "' (see --help)");
    } else if (dir.empty()) {
      dir = a;
    } else {
      return fail("view", "unexpected argument '" + a + "'");
    }
  }
  if (dir.empty() || view.empty()) return std::fputs(help, stderr), 2;
  if (format != "json" && format != "csv") return fail("view", "--format must be json or csv");
  auto state = parse_state(query);
  if (!state) return fail("view", state.error());
  if (view != "all" && !is_view_name(view)) return fail("view", "unknown view '" + view + "' (see --help)");
  auto store = read_snapshot_dir(dir);
  if (!store) return fail("view", store.error());
  if (!state->snapshot.empty() && state->snapshot != store->info.id)
    std::fprintf(stderr, "hubreport view: note: the state names snapshot '%s', this is '%s'\n", state->snapshot.c_str(),
                 store->info.id.c_str());
  Engine engine(std::move(store.value()));
  if (view == "all") {
    if (format != "json") return fail("view", "--view all prints JSON only");
    auto all = engine.all_views_json(state.value());
    if (!all) return fail("view", all.error());
    std::printf("%s\n", all->c_str());
    return 0;
  }
  auto slice = engine.view(state.value(), view);
  if (!slice) return fail("view", slice.error());
  std::string text = format == "csv" ? slice_csv(slice.value()) : slice_json(slice.value()) + "\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

int cmd_index(const Args& args) {
  const char* help = "usage: hubreport index SNAPSHOTS_DIR --default ID\n\nWrites SNAPSHOTS_DIR/index.json listing every snapshot in it, the default first.\n";
  if (wants_help(args)) return std::fputs(help, stdout), 0;
  if (args.size() != 3 || args[1] != "--default") return std::fputs(help, stderr), 2;
  Status err = write_snapshot_index(args[0], args[2]);
  return err.empty() ? 0 : fail("index", err);
}

}  // namespace hubreport
