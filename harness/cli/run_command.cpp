#include <iostream>

#include "cli/commands.h"
#include "run/run_summary.h"
#include "run/runner.h"
#include "scenario/scenario_loader.h"
#include "sut_factory.h"

namespace wnc::cli {

void add_run(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("run", "Run scenarios against an implementation");
  struct Options {
    std::vector<std::string> paths;
    SutChoice sut;
    std::string ledger;
    bool json = false;
    bool verbose = false;
  };
  auto opt = std::make_shared<Options>();
  cmd->add_option("paths", opt->paths, "Scenario files or folders")->required();
  cmd->add_option("--sut", opt->sut.spec, "model, sim, wine, cmd:<command>, tcp:<host>:<port>")->capture_default_str();
  cmd->add_option("--mutant", opt->sut.mutant, "A named bug to inject into the sim");
  cmd->add_option("--expect", opt->ledger, "A vendor ledger of known divergences");
  cmd->add_option("--step-deadline-ms", opt->sut.step_deadline_ms, "Per-step deadline for agents")->capture_default_str();
  cmd->add_flag("--json", opt->json, "Print a machine-readable summary as the last line");
  cmd->add_flag("-v,--verbose", opt->verbose, "Also list passing scenarios");
  cmd->callback([opt, &exit_code]() {
    std::vector<Scenario> scenarios;
    std::optional<Ledger> ledger;
    std::unique_ptr<Sut> sut;
    try {
      std::vector<std::filesystem::path> paths(opt->paths.begin(), opt->paths.end());
      scenarios = load_scenarios(paths);
      if (!opt->ledger.empty()) ledger = load_ledger(opt->ledger);
      sut = make_sut(opt->sut);
    } catch (const std::exception& e) {
      std::cerr << "wnetconf run: " << e.what() << "\n";
      exit_code = exit_code::kBadInput;
      return;
    }
    try {
      RunReport report = run_scenarios(*sut, scenarios, ledger ? &*ledger : nullptr,
                                       [&](const ScenarioOutcome& o, size_t, size_t) {
                                         if (o.status != Status::Passed || opt->verbose) print_outcome(std::cout, o);
                                       });
      sut->bye();
      std::cout << "wnetconf run against " << report.hello.name << " " << report.hello.version << " ("
                << report.hello.platform << ")\n";
      print_totals(std::cout, report);
      if (opt->json) std::cout << summary_json(report).dump() << std::endl;
      exit_code = report.conformant() ? exit_code::kConformant : exit_code::kFailures;
    } catch (const SutFailure& e) {
      std::cerr << "wnetconf run: the implementation could not be driven: " << e.what() << "\n" << e.output() << "\n";
      exit_code = exit_code::kSutNotDriven;
    }
  });
}

}  // namespace wnc::cli
