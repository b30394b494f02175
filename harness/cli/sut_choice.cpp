#include "cli/sut_choice.h"

#include <iostream>

#include "agent/host_port.h"
#include "agent/process_sut.h"
#include "agent/tcp_sut.h"
#include "cli/commands.h"
#include "cli/install_layout.h"
#include "explore/reproduce.h"
#include "model_sut.h"
#include "protocol/agent_access.h"
#include "sim/sim_sut.h"
#include "vocabulary/input_error.h"
#include "wine/wine_sut.h"

namespace wnc::cli {

std::string SutChoice::flags() const {
  // A deadline decides which slow step is a hang: another one is part of what ran.
  const bool own_deadline = step_deadline_ms != SutChoice{}.step_deadline_ms;
  // The Wine and its DLLs are part of what ran; its prefix and debug channels are not.
  std::string overrides;
  for (const auto& dll : wine_dll_overrides) overrides += " --wine-dll-override " + shell_word(dll);
  return "--sut " + shell_word(spec) + (mutant.empty() ? "" : " --mutant " + shell_word(mutant)) +
         (own_deadline ? " --step-deadline-ms " + std::to_string(step_deadline_ms) : "") +
         (wine.empty() ? "" : " --wine " + shell_word(wine)) + overrides;
}

std::string SutChoice::label() const { return spec + (mutant.empty() ? "" : " --mutant " + mutant); }

SutOptions add_sut_options(CLI::App& cmd, SutChoice& choice, const std::string& sut_help) {
  return {cmd.add_option("--sut", choice.spec, sut_help)->capture_default_str(),
          cmd.add_option("--mutant", choice.mutant, "A named bug to inject into the sim"),
          cmd.add_option("--step-deadline-ms", choice.step_deadline_ms, "Per-step deadline for agents")->capture_default_str(),
          cmd.add_option("--wine-prefix", choice.wine_prefix,
                         "--sut wine: the prefix folder, kept after the run (default: a private one under ~/.cache/wnetconf, "
                         "deleted after it)"),
          cmd.add_option("--wine", choice.wine,
                         "--sut wine: the wine binary, or a Wine build tree (wine or loader/wine, server/wineserver); "
                         "its wineserver runs too (default: wine on PATH)"),
          cmd.add_option("--wine-debug", choice.wine_debug,
                         "--sut wine: WINEDEBUG channels for the agent (+mpr,+relay); a failing step keeps its trace"),
          cmd.add_option("--wine-dll-override", choice.wine_dll_overrides,
                         "--sut wine: a DLL (mpr.dll) copied into the prefix's system32 and loaded instead of Wine's "
                         "(native first); repeatable")
              ->type_name("FILE"),
          cmd.add_option("--token-file", choice.token_file, "tcp: the agent's shared secret, sent in hello")
              ->envname(kTokenFileEnv)};
}

std::unique_ptr<Sut> make_sut(const SutChoice& c) {
  if (!c.mutant.empty() && c.spec != "sim") throw InputError("--mutant applies to --sut sim only");
  if (c.spec != "wine") {
    if (!c.wine_prefix.empty()) throw InputError("--wine-prefix applies to --sut wine only");
    if (!c.wine.empty()) throw InputError("--wine applies to --sut wine only");
    if (!c.wine_debug.empty()) throw InputError("--wine-debug applies to --sut wine only");
    if (!c.wine_dll_overrides.empty()) throw InputError("--wine-dll-override applies to --sut wine only");
  }
  if (c.spec == "model") return make_model_sut();
  if (c.spec == "sim") return make_sim_sut(c.mutant);
  if (c.spec == "wine") {
    WineSutOptions options = default_wine_sut_options();
    options.bin_dir = windows_agent_dir();
    options.prefix_dir = c.wine_prefix;
    options.wine = c.wine;
    options.wine_debug = c.wine_debug;
    options.dll_overrides = c.wine_dll_overrides;
    options.step_deadline_ms = c.step_deadline_ms;
    if (std::string why = wine_sut_unavailable(options); !why.empty())
      throw SutFailure("--sut wine is unavailable: " + why);
    return make_wine_sut(options);
  }
  if (c.spec.rfind("cmd:", 0) == 0 && c.spec.size() > 4) {
    ProcessSutOptions options;
    options.command = c.spec.substr(4);
    options.step_deadline_ms = c.step_deadline_ms;
    return make_process_sut(options);
  }
  if (c.spec.rfind("tcp:", 0) == 0) {
    const agent::HostPort address = agent::parse_host_port(c.spec.substr(4), "--sut " + c.spec);
    const std::string token = c.token_file.empty() ? std::string() : read_token_file(c.token_file);
    return make_tcp_sut(address.host, address.port, c.step_deadline_ms, token);
  }
  throw InputError("unknown --sut '" + c.spec + "' (expected model, sim, wine, cmd:<command>, tcp:<host>:<port>)");
}

int not_driven(const std::string& command, const SutFailure& failure) {
  std::cerr << "wnetconf " << command << ": the implementation could not be driven: " << failure.what() << "\n"
            << failure.output() << "\n";
  return exit_code::kSutNotDriven;
}

}  // namespace wnc::cli
