#include <filesystem>
#include <iostream>
#include <sstream>

#include "certify/bundle.h"
#include "certify/bundle_folder.h"
#include "certify/certify_run.h"
#include "certify/merge.h"
#include "certify/results_document.h"
#include "cli/commands.h"
#include "cli/install_layout.h"
#include "cli/sut_choice.h"
#include "output/interrupt_notice.h"
#include "run/describe.h"
#include "run/run_json.h"
#include "run/run_text.h"
#include "scenario/scenario_loader.h"

namespace wnc::cli {

namespace fs = std::filesystem;

namespace {

struct CertifyOptions {
  SutChoice sut;
  std::string vendor, ledger, out, shard, agent_binary;
  std::string scenarios = corpus_dir();
  CertifySettings settings;
  std::vector<std::string> merge;
  bool json = false, quiet = false;
};

// The agent binary a manifest pins: the one given, or a cmd: SUT's program when it is a file.
nlohmann::json agent_binary(const CertifyOptions& o) {
  if (!o.agent_binary.empty()) return agent_binary_entry(o.agent_binary);
  if (o.sut.spec.rfind("cmd:", 0) == 0) {
    std::istringstream command(o.sut.spec.substr(4));
    std::string program;
    command >> program;
    if (fs::is_regular_file(program)) return agent_binary_entry(program);
  }
  return nullptr;
}

void print_outcome_lines(const Certification& c, const std::string& bundle, bool json) {
  std::cout << "wnetconf certify " << c.settings.vendor << ": " << c.run.hello.name << " " << c.run.hello.version << " ("
            << c.run.hello.platform << ")" << (c.settings.shard.partial() ? ", shard " + c.settings.shard.text() : "") << "\n";
  print_totals(std::cout, c.run);
  long long cases = 0, steps = 0;
  for (const auto& b : c.exploration) {
    cases += b.report.cases;
    steps += b.report.steps;
  }
  std::cout << "exploration: " << counted(c.exploration.size(), "block") << ", " << counted(cases, "case") << ", "
            << counted(steps, "step") << ", "
            << (c.exploration_passed() ? "no divergence" : "DIVERGED") << "\n";
  if (c.run.tested_anything() && !c.tested_a_requirement())
    std::cout << "no requirement was tested: the scenarios that ran cover none, so this is not conformant\n";
  std::cout << "verdict: " << verdict_words(c.conformant(), c.run) << "\nbundle: " << bundle << "\n";
  if (json)
    std::cout << nlohmann::json{{"verdict", c.verdict()}, {"conformant", c.conformant()}, {"bundle", bundle},
                                {"summary", summary_json(c.run)}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << std::endl;
}

int merge(const CertifyOptions& o) {
  if (o.merge.size() < 2) {
    std::cerr << "wnetconf certify: --merge OUT DIR... needs the merged bundle's folder and at least one shard\n";
    return exit_code::kBadInput;
  }
  std::vector<fs::path> shards(o.merge.begin() + 1, o.merge.end());
  try {
    Certification c = merge_bundles(o.merge.front(), shards);
    print_outcome_lines(c, o.merge.front(), o.json);
    return c.conformant() ? exit_code::kConformant : exit_code::kFailures;
  } catch (const InputError& e) {
    std::cerr << "wnetconf certify --merge: " << e.what() << "\n";
    return exit_code::kBadInput;
  }
}

// A run that did not finish keeps its staging folder only when the explorer saved findings
// there; the target is untouched either way.
void abandon(BundleFolder& folder) {
  const fs::path findings = folder.staging() / kExplorationDir;
  std::error_code ec;
  if (fs::is_directory(findings, ec) && !fs::is_empty(findings, ec)) {
    folder.keep();
    std::cerr << "wnetconf certify: the cases found so far are kept in " << findings.string() << "\n";
  }
  std::cerr << "wnetconf certify: " << folder.target().string() << " was left as it was\n";
}

int certify(CertifyOptions& o) {
  if (o.vendor.empty() || o.out.empty()) {
    std::cerr << "wnetconf certify: --vendor and --out are required (or --merge OUT DIR...)\n";
    return exit_code::kBadInput;
  }
  std::shared_ptr<const std::vector<Scenario>> corpus;
  std::optional<Ledger> ledger;
  std::unique_ptr<Sut> sut;
  std::optional<BundleFolder> folder;
  nlohmann::json agent;
  try {
    o.settings.vendor = o.vendor;
    o.settings.sut = o.sut.label();
    o.settings.shard = shard_from_env_or_flag(o.shard);
    const std::vector<Scenario> loaded = load_scenarios({o.scenarios});
    if (!o.ledger.empty()) check_ledger_scenarios(load_ledger(o.ledger), loaded);
    agent = agent_binary(o);
    folder.emplace(o.out);
    sut = make_sut(o.sut);
    corpus = import_corpus(loaded, o.scenarios, folder->staging());
    if (!o.ledger.empty()) ledger = import_ledger(o.ledger, folder->staging());
  } catch (const SutFailure& e) {
    return not_driven("certify", e);
  } catch (const InputError& e) {
    std::cerr << "wnetconf certify: " << e.what() << "\n";
    return exit_code::kBadInput;
  }
  const std::string out = folder->target().string();
  try {
    CertifyRequest request{o.settings, corpus, ledger, folder->staging(), o.quiet ? nullptr : &std::cerr};
    Certification c;
    {
      // Before the exploration, which says where its findings are once it has some.
      InterruptNotice notice("\nwnetconf certify: interrupted; " + out + " was left as it was; this run's files are in " +
                             folder->staging().string() + "\n");
      c = run_certification(*sut, request, &explore);
    }
    sut->bye();
    write_bundle(folder->staging(), c, {o.vendor, agent, {}});
    if (auto aside = folder->commit())
      std::cerr << "wnetconf certify: the earlier bundle gained files it did not list; they are kept in " << aside->string()
                << "\n";
    print_outcome_lines(c, out, o.json);
    return c.conformant() ? exit_code::kConformant : exit_code::kFailures;
  } catch (const SutFailure& e) {
    const int code = not_driven("certify", e);
    abandon(*folder);
    return code;
  } catch (const InputError& e) {  // the bundle cannot be written
    std::cerr << "wnetconf certify: " << e.what() << "\n";
    abandon(*folder);
    return exit_code::kBadInput;
  } catch (...) {  // a bug in wnetconf, reported by main(); the findings so far are kept
    abandon(*folder);
    throw;
  }
}

}  // namespace

void add_certify(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("certify", "Certify an implementation: run the corpus and a fixed-seed exploration, write a bundle");
  auto o = std::make_shared<CertifyOptions>();
  add_sut_options(*cmd, o->sut);
  cmd->add_option("--vendor", o->vendor, "Who is certified: named in every report");
  cmd->add_option("--expect", o->ledger, "The vendor's ledger of known divergences");
  cmd->add_option("--out", o->out, "The bundle's folder: new, empty, or an earlier bundle, replaced once the new one is complete");
  cmd->add_option("--scenarios", o->scenarios, "The scenario corpus: a folder or a file")->capture_default_str();
  cmd->add_option("--seed", o->settings.seed, "The exploration's seed")->capture_default_str();
  cmd->add_option("--cases", o->settings.cases, "Exploration cases")->capture_default_str()->check(CLI::Range(0, 10000000));
  cmd->add_option("--max-steps", o->settings.max_steps, "Longest explored step sequence")->capture_default_str()->check(CLI::Range(1, 10000));
  cmd->add_option("--shard", o->shard, "Run shard i of n (0 <= i < n); default GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS");
  cmd->add_option("--agent-binary", o->agent_binary, "The implementation's agent binary, for the manifest");
  cmd->add_option("--merge", o->merge, "OUT DIR...: merge shard bundles into one bundle at OUT")->expected(2, -1);
  cmd->add_flag("--json", o->json, "Print a machine-readable summary as the last line");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress on stderr");
  cmd->callback([o, &exit_code]() { exit_code = o->merge.empty() ? certify(*o) : merge(*o); });
}

}  // namespace wnc::cli
