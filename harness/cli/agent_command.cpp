#include <iostream>
#include <optional>

#include "agent/agent_server.h"
#include "agent/host_port.h"
#include "cli/commands.h"
#include "cli/sut_choice.h"

namespace wnc::cli {

void add_agent(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("agent", "Serve agent protocol v1 for a built-in implementation (stdio or TCP)");
  auto sut = std::make_shared<SutChoice>();
  auto listen = std::make_shared<std::string>();
  cmd->add_option("--sut", sut->spec, "model or sim")->capture_default_str()->check(CLI::IsMember({"model", "sim"}));
  cmd->add_option("--mutant", sut->mutant, "A named bug to inject into the sim");
  cmd->add_option("--listen", *listen, "HOST:PORT to serve on TCP instead of stdio (port 0: any)");
  cmd->callback([sut, listen, &exit_code]() {
    std::unique_ptr<Sut> impl;
    std::optional<agent::HostPort> address;
    try {
      if (!listen->empty()) address = agent::parse_host_port(*listen, "--listen " + *listen);
      impl = make_sut(*sut);
    } catch (const InputError& e) {
      std::cerr << "wnetconf agent: " << e.what() << "\n";
      exit_code = exit_code::kBadInput;
      return;
    }
    if (!address) {
      std::ios::sync_with_stdio(false);  // one line per request: C stdio sync only costs
      exit_code = serve_agent(*impl, std::cin, std::cout);
      return;
    }
    exit_code = serve_agent_tcp(*impl, address->host, address->port, std::cerr);
  });
}

}  // namespace wnc::cli
