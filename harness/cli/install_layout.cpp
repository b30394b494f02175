#include "cli/install_layout.h"

#include <filesystem>

#include "wine/wine_sut.h"

namespace wnc::cli {

namespace fs = std::filesystem;

std::string executable_dir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : self.parent_path().string();
}

namespace {

// `relative` from the executable's folder, when it exists there.
std::string installed(const char* relative, const char* probe) {
  const std::string dir = executable_dir();
  if (dir.empty()) return {};
  const fs::path candidate = (fs::path(dir) / relative).lexically_normal();
  std::error_code ec;
  return fs::exists(candidate / probe, ec) ? candidate.string() : std::string();
}

}  // namespace

std::string corpus_dir() {
  const std::string data = installed(WNETCONF_INSTALL_DATA_FROM_BIN, "scenarios");
  return data.empty() ? std::string(WNETCONF_SOURCE_SCENARIOS) : data + "/scenarios";
}

std::string windows_agent_dir() {
  const std::string agent = installed(WNETCONF_INSTALL_AGENT_FROM_BIN, "wnetconf-agent.exe");
  return agent.empty() ? default_wine_sut_options().bin_dir : agent;
}

}  // namespace wnc::cli
