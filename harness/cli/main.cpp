#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"wnetconf: conformance harness for the Windows network-connection API"};
  app.require_subcommand(1);
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
  }
  return exit_code;
}
