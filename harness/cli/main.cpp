#include <filesystem>
#include <iostream>

#include "agent/process_groups.h"
#include "cli/commands.h"
#include "vocabulary/version.h"
#include "output/interrupt_notice.h"

int main(int argc, char** argv) {
  CLI::App app{"wnetconf: conformance harness for the Windows network-connection API"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("wnetconf ") + wnc::kVersion);
  app.footer(
      "--sut: model (the reference model), sim (the simulated Windows stack, the default), wine (the\n"
      "Windows agent under Wine), cmd:<command line> (an agent on stdio), tcp:<host>:<port> (an agent on TCP).\n"
      "Exit codes: 0 conformant, 1 conformance failures, 2 bad usage or input, 3 the implementation could not\n"
      "be driven, 4 an internal error (a bug in wnetconf: please report it).\n"
      "Documentation: man wnetconf, and the docs/ folder of the source.");
  // Agents run in process groups of their own, which Ctrl-C does not reach: end them.
  wnc::handle_interrupts(&wnc::kill_agent_groups);
  int exit_code = 0;
  wnc::cli::add_run(app, exit_code);
  wnc::cli::add_requirements(app, exit_code);
  wnc::cli::add_explore(app, exit_code);
  wnc::cli::add_replay(app, exit_code);
  wnc::cli::add_certify(app, exit_code);
  wnc::cli::add_verify(app, exit_code);
  wnc::cli::add_agent(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : wnc::cli::exit_code::kBadInput;
  } catch (const std::filesystem::filesystem_error& e) {  // a path the user named cannot be used
    std::cerr << "wnetconf: " << e.what() << "\n";
    return wnc::cli::exit_code::kBadInput;
  } catch (const std::exception& e) {  // the commands catch bad input: the rest is a bug
    std::cerr << "wnetconf: internal error: " << e.what() << "\n";
    return wnc::cli::exit_code::kInternalError;
  }
  return exit_code;
}
