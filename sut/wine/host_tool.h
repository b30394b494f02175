// Runs a host tool (wineboot, wineserver, wine regedit) to completion, with its output
// in a log file: Wine's background processes inherit the tool's stdout, so a pipe would
// never reach its end.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace wnc::wine {

using Env = std::vector<std::pair<std::string, std::string>>;

struct ToolRun {
  int status = -1;  // the exit status; -1 when it did not exit by the deadline (it is killed)
  std::string log;  // the tail of what it printed
};

ToolRun run_tool(const std::vector<std::string>& argv, const Env& env, const std::string& log_path,
                 int deadline_ms);

// The full path of a program found on PATH; empty if none.
std::string find_on_path(const std::string& program);

}  // namespace wnc::wine
