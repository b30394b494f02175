#include <fstream>
#include <iostream>
#include <sstream>

#include "run/shard.h"
#include "cli/commands.h"
#include "cli/install_layout.h"
#include "cli/sut_choice.h"
#include "run/describe.h"
#include "run/run_json.h"
#include "run/run_text.h"
#include "run/runner.h"
#include "scenario/scenario_loader.h"
#include "sim/sim_sut.h"

namespace wnc::cli {

namespace {

struct RunOptions {
  std::vector<std::string> paths;
  SutChoice sut;
  std::string ledger;
  std::string shard;  // "i/n"; else GTEST_TOTAL_SHARDS / GTEST_SHARD_INDEX
  bool json = false;
  bool verbose = false;
};

void add_run_options(CLI::App* cmd, RunOptions& opt) {
  add_sut_options(*cmd, opt.sut);
  cmd->add_option("--expect", opt.ledger, "A vendor ledger of known divergences");
  cmd->add_flag("--json", opt.json, "Print a machine-readable summary as the last line");
  cmd->add_flag("-v,--verbose", opt.verbose, "Also list passing scenarios");
  cmd->add_option("--shard", opt.shard, "Run only shard i of n (0-based), as GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS");
}

int run_paths(const RunOptions& opt, const char* name) {
  std::vector<Scenario> scenarios;
  std::optional<Ledger> ledger;
  std::unique_ptr<Sut> sut;
  try {
    const ShardSpec spec = shard_from_env_or_flag(opt.shard);
    const std::vector<Scenario> loaded = load_scenarios({opt.paths.begin(), opt.paths.end()});
    if (!opt.ledger.empty()) {
      ledger = load_ledger(opt.ledger);
      check_ledger_scenarios(*ledger, loaded);
    }
    scenarios = shard(loaded, spec);
    if (spec.partial())
      std::cout << "shard " << spec.text() << " (--shard or GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS): "
                << counted(scenarios.size(), "scenario") << "\n";
    sut = make_sut(opt.sut);
  } catch (const SutFailure& e) {
    return not_driven(name, e);
  } catch (const InputError& e) {
    std::cerr << "wnetconf " << name << ": " << e.what() << "\n";
    return exit_code::kBadInput;
  }
  try {
    RunReport report = run_scenarios(*sut, scenarios, ledger ? &*ledger : nullptr,
                                     [&](const ScenarioOutcome& o, size_t, size_t) {
                                       if (o.status != Status::Passed || opt.verbose) print_outcome(std::cout, o);
                                     });
    sut->bye();
    std::cout << "wnetconf " << name << " against " << report.hello.name << " " << report.hello.version << " ("
              << report.hello.platform << ")" << (opt.sut.mutant.empty() ? "" : ", mutant " + opt.sut.mutant) << "\n";
    print_totals(std::cout, report);
    std::cout << "verdict: " << verdict_words(report.conformant(), report) << "\n";
    if (opt.json) std::cout << summary_json(report).dump() << std::endl;
    return report.conformant() ? exit_code::kConformant : exit_code::kFailures;
  } catch (const SutFailure& e) {
    return not_driven(name, e);
  }
}

// The --mutant a case saved by explore was found under, from the command its header records;
// empty for none (or a file explore did not write).
std::string mutant_found_under(const std::string& file) {
  std::ifstream in(file);
  const std::string found_by = "# Minimal failing case found by: ";
  for (std::string line; std::getline(in, line) && line.rfind("#", 0) == 0;) {
    if (line.rfind(found_by, 0) != 0) continue;
    std::istringstream words(line.substr(found_by.size()));
    for (std::string word; words >> word;)
      if (word == "--mutant" && words >> word) return word;
  }
  return "";
}

}  // namespace

void add_run(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("run", "Run scenarios against an implementation");
  auto opt = std::make_shared<RunOptions>();
  auto list_mutants = std::make_shared<bool>(false);
  cmd->add_option("paths", opt->paths, "Scenario files or folders");
  cmd->add_flag("--list-mutants", *list_mutants, "List the sim's named mutants and exit");
  add_run_options(cmd, *opt);
  cmd->callback([opt, list_mutants, &exit_code]() {
    if (*list_mutants) {
      for (const auto& m : sim_mutants()) std::cout << m.name << "  " << m.description << "\n";
      exit_code = exit_code::kConformant;
      return;
    }
    if (opt->paths.empty()) {
      std::cerr << "wnetconf run: name scenario files or folders (the corpus: " << corpus_dir() << ")\n";
      exit_code = exit_code::kBadInput;
      return;
    }
    exit_code = run_paths(*opt, "run");
  });
}

void add_replay(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("replay", "Re-run a saved failing case (a scenario written by explore)");
  auto opt = std::make_shared<RunOptions>();
  opt->paths.resize(1);
  cmd->add_option("file", opt->paths[0], "The scenario file")->required();
  add_run_options(cmd, *opt);
  opt->verbose = true;
  cmd->callback([opt, &exit_code]() {
    // A case that shows a mutant's bug passes on the clean sim: said, so a pass is not taken for a fix.
    if (const std::string found = mutant_found_under(opt->paths[0]); !found.empty() && found != opt->sut.mutant)
      std::cerr << "wnetconf replay: this case was found under --mutant " << found << "; run "
                << (opt->sut.mutant.empty() ? "without it" : "under --mutant " + opt->sut.mutant) << ", it may pass\n";
    exit_code = run_paths(*opt, "replay");
  });
}

}  // namespace wnc::cli
