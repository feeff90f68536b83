// Runs the hubreport command line for the native tests: exit status and everything it printed.
#pragma once
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace hubreport::test {

struct Run {
  int status;
  std::string out;  // stdout and stderr together
};

inline Run run(const std::string& args) {
  Run r{0, ""};
  FILE* p = popen((std::string(HUBREPORT_CLI) + " " + args + " 2>&1").c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace hubreport::test
