// hubreport synth and hubreport calibrate: the synthetic default snapshot and its check against the report.
#include <chrono>
#include <cstdio>
#include <map>

#include "calibrate.h"
#include "commands.h"
#include "file_io.h"
#include "reference.h"
#include "snapshot_files.h"
#include "synth.h"

namespace hubreport {

int cmd_synth(const Args& args) {
  const char* help =
      "usage: hubreport synth -o DIR [--scale X] [--seed N] [--date YYYY-MM-DD]\n"
      "\n"
      "Writes a seeded, deterministic synthetic Hub as Hub API JSON lines into DIR: full dumps at the snapshot date\n"
      "(models-DATE.jsonl, datasets-DATE.jsonl, spaces-DATE.jsonl) and sparse month-end dumps before it, which\n"
      "'hubreport build' turns into a monthly downloads history. Scale 1.0 = 2.5M models, 0.7M datasets, 1.2M spaces,\n"
      "calibrated to the Spring 2026 report's published figures ('hubreport calibrate' checks them).\n";
  if (wants_help(args)) return std::fputs(help, stdout), 0;
  std::string out;
  SynthOptions opt;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (i + 1 >= args.size()) return fail("synth", "'" + a + "' needs a value (see --help)");
    const std::string& v = args[++i];
    if (a == "-o" || a == "--out") out = v;
    else if (a == "--scale") opt.scale = std::atof(v.c_str());
    else if (a == "--seed") opt.seed = std::strtoull(v.c_str(), nullptr, 10);
    else if (a == "--date") opt.date = v;
    else return fail("synth", "unknown option '" + a + "' (see --help)");
  }
  if (out.empty()) return fail("synth", "missing -o DIR (see --help)");
  if (!(opt.scale > 0 && opt.scale <= 4)) return fail("synth", "--scale must be in (0, 4]");
  auto tables = builtin_reference_tables();
  if (!tables) return fail("synth", tables.error());
  Status err = make_dirs(out);
  if (!err.empty()) return fail("synth", err);
  auto t0 = std::chrono::steady_clock::now();
  std::map<std::string, std::FILE*> files;
  std::size_t bytes = 0;
  std::string result = synth(opt, tables->publishers, [&](const std::string& name, std::string_view data) {
    std::FILE*& f = files[name];
    if (!f && !(f = std::fopen((out + "/" + name).c_str(), "wb"))) return false;
    bytes += data.size();
    return std::fwrite(data.data(), 1, data.size(), f) == data.size();
  });
  bool closed = true;
  for (auto& [name, f] : files) closed = (f && std::fclose(f) == 0) && closed;
  if (!result.empty()) return fail("synth", result);
  if (!closed) return fail("synth", "could not write into " + out);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "hubreport synth: %zu files, %.1f MB in %.1f s\n", files.size(), double(bytes) / 1e6, secs);
  return 0;
}

int cmd_calibrate(const Args& args) {
  const char* help =
      "usage: hubreport calibrate SNAPSHOT_DIR [--scale X]\n"
      "\n"
      "Prints one row per figure the Spring 2026 report published (name, published value, the snapshot's value\n"
      "computed through the normal views, tolerance, pass/fail) and exits non-zero if any fails. --scale multiplies\n"
      "the published counts for a scaled-down synthetic snapshot (default: 1).\n";
  if (wants_help(args)) return std::fputs(help, stdout), 0;
  std::string dir;
  double scale = 1.0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--scale" && i + 1 < args.size()) scale = std::atof(args[++i].c_str());
    else if (dir.empty() && args[i][0] != '-') dir = args[i];
    else return fail("calibrate", "unexpected argument '" + args[i] + "' (see --help)");
  }
  if (dir.empty()) return std::fputs(help, stderr), 2;
  if (!(scale > 0)) return fail("calibrate", "--scale must be positive");
  auto store = read_snapshot_dir(dir);
  if (!store) return fail("calibrate", store.error());
  Engine engine(std::move(store.value()));
  auto rows = calibrate(engine, scale);
  std::fputs(calibration_table(rows).c_str(), stdout);
  for (auto& r : rows)
    if (!r.pass) return 1;
  return 0;
}

}  // namespace hubreport
