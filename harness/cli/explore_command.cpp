#include <iostream>
#include <random>

#include "cli/commands.h"
#include "cli/sut_choice.h"
#include "explore/explore_blocks.h"
#include "explore/reproduce.h"
#include "output/atomic_file.h"
#include "run/describe.h"
#include "run/ledger.h"
#include "vocabulary/codes.h"

namespace wnc::cli {

namespace {

void print_summary(std::ostream& out, const ExploreReport& report, const ExploreOptions& options, const Ledger* ledger) {
  out << counted(report.cases, "case") << ", " << counted(report.steps, "step") << ": "
      << (report.passed ? (report.known.empty() ? "all agree" : "no new divergence") : "DIVERGED") << "\n";
  if (!report.stopped.empty()) out << "stopped early: " << report.stopped << "\n";
  if (report.divergences.empty() && !report.failure.empty()) out << report.failure;
  if (!options.keep_going && !report.divergences.empty()) {
    out << report.failure;
    if (!report.saved_file.empty())
      out << "shrunk to " << counted(report.shrunk_length, "step") << ", saved as " << report.saved_file << "\n";
  }
  if (options.keep_going) {
    out << "distinct divergences: " << report.divergences.size() << "\n";
    for (size_t i = 0; i < report.divergences.size(); ++i) {
      const FoundDivergence& d = report.divergences[i];
      out << "  " << i + 1 << ". " << d.signature << "\n     " << counted(d.cases, "case") << ", first case "
          << d.first_case << ", shrunk to " << counted(d.shrunk_length, "step") << ", "
          << (d.saved_file.empty() ? "not saved" : d.saved_file) << "\n";
    }
  }
  if (!ledger) return;
  out << "known divergences (" << ledger->file << "): " << report.known.size() << "\n";
  for (const KnownFinding& k : report.known)
    out << "  " << k.signature << "\n     " << counted(k.cases, "case") << ", first case "
        << k.first_case << ", " << k.entry << "\n";
  const auto stale = report.stale_entries(*ledger);
  if (!stale.empty()) {
    out << "stale ledger entries (nothing in this exploration matched them; not a failure):\n";
    for (const Divergence* d : stale) out << "  " << d->where(ledger->file) << ": " << d->what() << "\n";
  }
}

}  // namespace

void add_explore(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("explore", "Differential property-based exploration: model vs an implementation");
  struct Options {
    SutChoice sut;
    std::optional<std::uint64_t> seed;
    ExploreOptions explore;
    bool require_coverage = false;
    bool json = false;
    std::string shard;
    std::string ledger_file;
    std::optional<double> budget;
  };
  auto opt = std::make_shared<Options>();
  // Everything that decides the run but a budget, which only makes it time-dependent.
  auto command_of = [](const Options& o, std::uint64_t seed, int cases) {
    return explore_command({o.sut.flags(), seed, cases, o.explore.max_steps, o.explore.keep_going, o.ledger_file});
  };
  add_sut_options(*cmd, opt->sut);
  cmd->add_option("--seed", opt->seed, "The seed that decides the whole run (chosen and printed if absent)");
  cmd->add_option("--cases", opt->explore.cases, "Test cases to run")->capture_default_str()->check(CLI::Range(1, 10000000));
  cmd->add_option("--max-steps", opt->explore.max_steps, "Longest step sequence")->capture_default_str()->check(CLI::Range(1, 10000));
  cmd->add_option("--save-dir", opt->explore.save_dir, "Where a failing case is saved as a scenario")->capture_default_str();
  cmd->add_option("--shard", opt->shard, "Run only shard i of n (0-based) of the case blocks, as certify splits them");
  cmd->add_flag("--keep-going", opt->explore.keep_going,
                "A campaign: go on after a divergence; save each distinct divergence once");
  cmd->add_option("--budget", opt->budget, "Wall-clock bound in seconds: no case starts after it")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--expect", opt->ledger_file, "A vendor ledger: the divergences it explains are known, not failures");
  cmd->add_flag("--require-coverage", opt->require_coverage, "Fail unless every return code of the seed page was hit");
  cmd->add_flag("--json", opt->json, "Print a machine-readable summary as the last line");
  cmd->add_flag("-v,--verbose", opt->explore.verbose, "Log every case's swarm knobs");
  cmd->callback([opt, command_of, &exit_code]() {
    opt->explore.seed = opt->seed ? *opt->seed : std::random_device{}() * 4294967296ULL + std::random_device{}();
    std::cout << "seed: " << opt->explore.seed << std::endl;
    opt->explore.label = opt->sut.mutant.empty() ? opt->sut.spec : opt->sut.mutant;
    opt->explore.command = command_of(*opt, opt->explore.seed, opt->explore.cases);
    std::string reproduce = opt->explore.command;
    opt->explore.budget_seconds = opt->budget;
    std::unique_ptr<Sut> sut;
    ShardSpec spec;
    std::optional<Ledger> ledger;
    try {
      spec = shard_from_env_or_flag(opt->shard);
      if (spec.partial() && opt->explore.keep_going)
        throw InputError("--keep-going explores one campaign: it cannot be sharded");
      if (!opt->ledger_file.empty()) {
        ledger = load_ledger(opt->ledger_file);
        opt->explore.ledger = &*ledger;
      }
      require_writable_folder(opt->explore.save_dir);  // before a divergence is found, not after
      sut = make_sut(opt->sut);
    } catch (const SutFailure& e) {
      exit_code = not_driven("explore", e);
      return;
    } catch (const InputError& e) {
      std::cerr << "wnetconf explore: " << e.what() << "\n";
      exit_code = exit_code::kBadInput;
      return;
    }
    ExploreReport report;
    try {
      const Hello hello = sut->hello();
      std::cout << "model " << "vs " << hello.name << " " << hello.version << " (" << hello.platform << ")"
                << (opt->sut.mutant.empty() ? "" : ", mutant " + opt->sut.mutant) << "; cases " << opt->explore.cases
                << ", max steps " << opt->explore.max_steps << std::endl;
      if (spec.partial()) std::cout << "shard " << spec.text() << " (--shard or GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS)\n";
      if (!spec.partial()) {
        report = explore(*sut, opt->explore, std::cout);
      } else {
        // This shard's blocks, each its own seed, as certify cuts them; stop at a failure. A
        // block explored alone reproduces it.
        const ExploreFn explore_block = [&](Sut& s, const ExploreOptions& block, std::ostream& log) {
          ExploreOptions named = block;
          named.command = command_of(*opt, block.seed, block.cases);
          return explore(s, named, log);
        };
        explore_blocks(*sut, opt->explore, spec, std::cout, explore_block,
                       {[&](const ExploreSlice& slice) {
                          std::cout << "shard " << spec.text() << ", block " << slice.block << ": seed " << slice.seed
                                    << ", " << counted(slice.cases, "case") << std::endl;
                        },
                        [&](const ExploreSlice& slice, ExploreReport part) {
                          if (!part.passed) reproduce = command_of(*opt, slice.seed, slice.cases);
                          part.cases += report.cases;
                          part.steps += report.steps;
                          part.seconds += report.seconds;
                          for (const auto& [k, n] : report.cancel_codes) part.cancel_codes[k] += n;
                          for (const auto& [k, n] : report.requirements) part.requirements[k] += n;
                          report = std::move(part);
                          return report.passed;
                        }});
      }
      sut->bye();
    } catch (const SutFailure& e) {
      exit_code = not_driven("explore", e);
      return;
    }
    print_summary(std::cout, report, opt->explore, ledger ? &*ledger : nullptr);
    if (!report.passed) {
      for (const auto& d : report.divergences)
        if (!d.save_error.empty())
          std::cerr << "wnetconf explore: the case of '" << d.signature << "' could not be saved: " << d.save_error
                    << "\nhere it is instead:\n"
                    << d.unsaved_case;
      if (!report.saved_file.empty())
        std::cout << "replay: wnetconf replay " << shell_word(report.saved_file) << " " << opt->sut.flags() << "\n";
      std::cout << "reproduce: " << reproduce << " (RapidCheck: " << report.reproduce << ")\n";
    }
    std::cout << "cancel return codes:";
    for (const auto& [name, n] : report.cancel_codes) std::cout << " " << name << "=" << n;
    std::cout << "\nrequirements exercised:";
    for (const auto& [id, n] : report.requirements) std::cout << " " << id << "=" << n;
    std::cout << "\n";
    const bool coverage_ok = !opt->require_coverage || report.all_seed_codes_hit();
    if (!coverage_ok) {
      std::cout << "coverage: never hit:";
      for (Code c : seed_cancel_codes())
        if (!report.cancel_codes.count(code_name(c))) std::cout << " " << describe_code(c);
      std::cout << "\n";
    }
    if (opt->explore.budget_seconds)
      std::cout << "budget: " << (report.budget_spent ? "spent" : "not reached") << " (the work a budget allows depends on time)\n";
    std::cout << "time: " << report.seconds << " s (" << static_cast<long long>(report.steps / std::max(report.seconds, 1e-9))
              << " steps/s)\n";
    if (opt->json) {
      nlohmann::json summary = report.to_json();
      if (ledger) {
        summary["stale"] = nlohmann::json::array();
        for (const Divergence* d : report.stale_entries(*ledger)) summary["stale"].push_back(d->where(ledger->file));
      }
      summary["seconds"] = report.seconds;  // the one field that varies between equal runs
      std::cout << summary.dump() << std::endl;
    }
    exit_code = !report.stopped.empty()                ? exit_code::kSutNotDriven
                : report.passed && coverage_ok ? exit_code::kConformant
                                               : exit_code::kFailures;
  });
}

}  // namespace wnc::cli
