// hubreport: the command line front door to the engine (build snapshots, inspect them, print any view).
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "builder.h"
#include "commands.h"

using namespace hubreport;

namespace {

const char* kUsage =
    "usage: hubreport COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  build      ingest Hub API JSON dumps into a snapshot directory\n"
    "  info       print a snapshot's summary as JSON\n"
    "  view       print one view of a snapshot as JSON or CSV\n"
    "  synth      write a seeded synthetic Hub (Hub API JSON lines)\n"
    "  calibrate  compare a snapshot with the report's published figures\n"
    "  index      write snapshots/index.json for a site\n"
    "  export     write a snapshot as flat binary columns (for benchmarks)\n"
    "  timings    time the filter pass and each view natively (a profiling aid)\n"
    "\n"
    "'hubreport COMMAND --help' describes each command.\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "build") return cmd_build(args);
  if (command == "info") return cmd_info(args);
  if (command == "view") return cmd_view(args);
  if (command == "synth") return cmd_synth(args);
  if (command == "calibrate") return cmd_calibrate(args);
  if (command == "index") return cmd_index(args);
  if (command == "export") return cmd_export(args);
  if (command == "timings") return cmd_timings(args);
  std::fprintf(stderr, "hubreport: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
