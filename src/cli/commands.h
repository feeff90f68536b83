// The command line's subcommands; each returns the process exit status.
#pragma once
#include <string>
#include <vector>

namespace hubreport {

using Args = std::vector<std::string>;
int cmd_build(const Args& args);
int cmd_info(const Args& args);
int cmd_view(const Args& args);
int cmd_synth(const Args& args);
int cmd_calibrate(const Args& args);
int cmd_index(const Args& args);
int cmd_export(const Args& args);
int cmd_timings(const Args& args);

// Shared by the commands: prints "hubreport CMD: message" to stderr and returns 1.
int fail(const char* command, const std::string& message);
bool wants_help(const Args& args);

}  // namespace hubreport
