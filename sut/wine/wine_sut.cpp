#include "wine/wine_sut.h"

#include <filesystem>

#include "agent/process_sut.h"
#include "wine/host_tool.h"
#include "wine/wine_prefix.h"
#include "wine/wine_tools.h"

namespace wnc {

namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class WineSut final : public Sut {
 public:
  WineSut(const WineSutOptions& options, const wine::WineTools& tools)
      : prefix_(std::make_unique<wine::WinePrefix>(options.prefix_dir, options.bin_dir, tools, options.dll_overrides,
                                                   options.prefix_deadline_ms)) {
    ProcessSutOptions agent;
    // Started in C:\wnetconf, so the agent's own current directory is on the prefix's C:.
    agent.command = "cd " + shell_quote(prefix_->agent_dir()) + " && exec " + shell_quote(tools.wine) + " wnetconf-agent.exe";
    agent.env = prefix_->agent_env(options.wine_debug);
    agent.debug_trace = !options.wine_debug.empty();
    agent.step_deadline_ms = options.step_deadline_ms;
    agent.start_deadline_ms = options.start_deadline_ms;
    // Under Wine a step's API calls take about a millisecond, the round trip a few tens of
    // microseconds: sending ahead saves little, and a divergence early in a case (the ledgered
    // campaign meets one in most cases) wastes the steps sent after it. Measured on the
    // ledgered campaign: 466 steps/s one at a time, 438 with 3 in flight, 311 with 64.
    agent.max_pipeline = 1;
    agent_ = make_process_sut(agent);
  }

  Hello hello() override { return agent_->hello(); }
  void reset(const Setup& setup) override { agent_->reset(setup); }
  Result step(const Step& step) override { return agent_->step(step); }
  using Sut::run_case;
  using Sut::run_steps;
  std::vector<StepAnswer> run_steps(const StepSource& next, const KeepGoing& keep_going) override {
    return agent_->run_steps(next, keep_going);
  }
  std::vector<StepAnswer> run_case(const Setup& setup, const StepSource& next, const KeepGoing& keep_going) override {
    return agent_->run_case(setup, next, keep_going);
  }
  std::string take_debug_trace() override { return agent_->take_debug_trace(); }
  void bye() override { agent_->bye(); }

 private:
  std::unique_ptr<wine::WinePrefix> prefix_;  // declared first: outlives the agent
  std::unique_ptr<Sut> agent_;
};

}  // namespace

WineSutOptions default_wine_sut_options() {
  WineSutOptions options;
  options.bin_dir = WNETCONF_WINDOWS_BIN_DIR;
  return options;
}

std::string wine_sut_unavailable(const WineSutOptions& options) {
  if (options.bin_dir.empty())
    return std::string("the Windows agent was not cross-built: ") +
           (*WNETCONF_WINDOWS_SKIP_REASON ? WNETCONF_WINDOWS_SKIP_REASON : "no bin_dir given");
  if (options.wine.empty())
    for (const char* tool : {"wine", "wineserver"})
      if (wine::find_on_path(tool).empty())
        return std::string(tool) + " not found on PATH (Debian package wine), and no --wine given";
  for (const char* file : {"wnetconf-agent.exe", "wnetconf-np.dll"})
    if (!std::filesystem::exists(options.bin_dir + "/" + file))
      return options.bin_dir + "/" + file + " is missing (build target wnetconf_windows)";
  return {};
}

std::unique_ptr<Sut> make_wine_sut(const WineSutOptions& options) {
  const wine::WineTools tools = wine::resolve_wine(options.wine);  // before the slow prefix
  wine::check_dll_overrides(options.dll_overrides);
  if (std::string why = wine_sut_unavailable(options); !why.empty()) throw SutFailure("wine: " + why);
  return std::make_unique<WineSut>(options, tools);
}

}  // namespace wnc
