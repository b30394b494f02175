#include <iostream>
#include <optional>

#include "agent/agent_server.h"
#include "agent/host_port.h"
#include "cli/commands.h"
#include "cli/sut_choice.h"
#include "protocol/agent_access.h"

namespace wnc::cli {

namespace {

struct AgentOptions {
  SutChoice sut;
  std::string listen;
  std::string token_file;
  int idle_ms = kDefaultIdleMs;
};

int serve(const AgentOptions& o) {
  if (o.listen.empty()) {
    std::unique_ptr<Sut> impl = make_sut(o.sut);
    std::ios::sync_with_stdio(false);  // one line per request: C stdio sync only costs
    return serve_agent(*impl, std::cin, std::cout);
  }
  const agent::HostPort address = agent::parse_host_port(o.listen, "--listen " + o.listen);
  TcpServeOptions tcp{address.host, address.port, {}, o.idle_ms};
  if (!o.token_file.empty()) tcp.token = read_token_file(o.token_file);
  make_sut(o.sut);  // a bad --mutant is reported before listening
  return serve_agent_tcp([&o] { return make_sut(o.sut); }, tcp, std::cerr);
}

}  // namespace

void add_agent(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("agent", "Serve agent protocol v1 for a built-in implementation (stdio or TCP)");
  auto o = std::make_shared<AgentOptions>();
  cmd->add_option("--sut", o->sut.spec, "model or sim")->capture_default_str()->check(CLI::IsMember({"model", "sim"}));
  cmd->add_option("--mutant", o->sut.mutant, "A named bug to inject into the sim");
  cmd->add_option("--listen", o->listen,
                  "HOST:PORT to serve on TCP instead of stdio (port 0: any); loopback only without --token-file");
  cmd->add_option("--token-file", o->token_file, "TCP: the shared secret every client must send in hello (unused on stdio)")
      ->envname(kTokenFileEnv);
  cmd->add_option("--idle-ms", o->idle_ms, "TCP: disconnect a client silent this long")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 3600 * 1000));
  cmd->callback([o, &exit_code]() {
    try {
      exit_code = serve(*o);
    } catch (const InputError& e) {
      std::cerr << "wnetconf agent: " << e.what() << "\n";
      exit_code = exit_code::kBadInput;
    }
  });
}

}  // namespace wnc::cli
