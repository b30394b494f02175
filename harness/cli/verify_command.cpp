#include <stdlib.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "certify/bundle.h"
#include "certify/certify_run.h"
#include "certify/results_compare.h"
#include "certify/results_document.h"
#include "certify/results_reader.h"
#include "cli/commands.h"
#include "cli/sut_choice.h"
#include "output/atomic_file.h"
#include "run/describe.h"

namespace wnc::cli {

namespace fs = std::filesystem;

namespace {

struct VerifyOptions {
  std::string bundle;
  bool rerun = false, quiet = false, sut_given = false, json = false;
  SutChoice sut;
  std::vector<std::string> diff;
};

using nlohmann::json;

// A folder of our own for the re-run's saved exploration cases, gone when done.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "wnetconf-rerun-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw OutputError("cannot make a temporary folder");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Prints every finding and records each file's check in `result`'s "digests"; true when the
// bundle is intact.
bool digests_match(const std::string& dir, json& result) {
  ManifestCheck check = check_manifest(dir);
  for (const auto& f : check.findings) std::cout << dir << ": " << f.file << ": " << f.problem << "\n";
  for (const auto& n : check.notes) std::cout << dir << ": note: " << n << "\n";
  std::map<std::string, std::string> problems;
  for (const auto& f : check.findings) problems.emplace(f.file, f.problem);
  json files = json::array();
  if (check.manifest.is_object() && check.manifest.contains("files"))
    for (const auto& [file, digest] : check.manifest["files"].items())
      if (!problems.count(file)) files.push_back({{"file", file}, {"ok", true}, {"sha256", digest}});
  for (const auto& [file, problem] : problems) files.push_back({{"file", file}, {"ok", false}, {"problem", problem}});
  result["digests"].push_back({{"bundle", dir}, {"ok", check.findings.empty()}, {"files", files}, {"notes", check.notes}});
  return check.findings.empty();
}

int rerun(const VerifyOptions& o, json& result) {
  BundleContents bundle;
  std::unique_ptr<Sut> sut;
  try {
    bundle = read_bundle(o.bundle);
    sut = make_sut(o.sut);
  } catch (const InputError& e) {
    result["error"] = e.what();
    std::cerr << "wnetconf verify --rerun: " << e.what() << "\n";
    return exit_code::kBadInput;
  }
  try {
    TempDir scratch;
    CertifySettings settings = settings_from_results(bundle.results);
    settings.sut = o.sut.label();
    CertifyRequest request{settings, bundle.corpus, bundle.ledger, scratch.path(), o.quiet ? nullptr : &std::cerr};
    Certification c = run_certification(*sut, request, &explore);
    sut->bye();
    // Through the file's text, as the recorded results went.
    const auto now = nlohmann::json::parse(json_file_text(results_document(c)));
    const auto differences = compare_results(bundle.results, now);
    for (const auto& d : differences) std::cout << o.bundle << ": re-run differs: " << d << "\n";
    result["rerun"] = {{"sut", o.sut.label()},
                       {"matches", differences.empty()},
                       {"differences", differences},
                       {"scenarios", c.run.outcomes.size()},
                       {"exploration_blocks", c.exploration.size()}};
    if (!differences.empty()) return exit_code::kFailures;
    std::cout << o.bundle << ": the re-run matches: " << counted(c.run.outcomes.size(), "scenario") << ", "
              << counted(c.exploration.size(), "exploration block") << "\n";
    return exit_code::kConformant;
  } catch (const SutFailure& e) {
    result["error"] = std::string("the implementation could not be driven: ") + e.what();
    return not_driven("verify --rerun", e);
  } catch (const InputError& e) {
    result["error"] = e.what();
    std::cerr << "wnetconf verify --rerun: " << e.what() << "\n";
    return exit_code::kBadInput;
  }
}

// Exit codes as diff(1): 0 nothing changed, 1 a requirement, scenario or step did, 2 trouble.
int diff(const VerifyOptions& o, json& result) {
  try {
    const bool old_intact = digests_match(o.diff[0], result);
    if (!old_intact || !digests_match(o.diff[1], result)) {
      result["error"] = "a bundle does not verify; its results cannot be trusted";
      std::cerr << "wnetconf verify --diff: a bundle does not verify; its results cannot be trusted\n";
      return exit_code::kBadInput;
    }
    const json old_results = read_bundle(o.diff[0]).results, new_results = read_bundle(o.diff[1]).results;
    const auto changes = requirement_changes(old_results, new_results);
    const auto scenarios = scenario_changes(old_results, new_results);
    for (const auto& line : scenarios) std::cout << line << "\n";
    result["scenario_changes"] = scenarios;
    result["changes"] = json::array();
    for (const auto& c : changes) {
      std::cout << c.id << ": " << c.before << " -> " << c.after << "\n";
      result["changes"].push_back({{"id", c.id}, {"before", c.before}, {"after", c.after}});
    }
    std::cout << counted(changes.size(), "requirement") << " changed status\n";
    return changes.empty() && scenarios.empty() ? 0 : 1;
  } catch (const InputError& e) {
    result["error"] = e.what();
    std::cerr << "wnetconf verify --diff: " << e.what() << "\n";
    return exit_code::kBadInput;
  }
}

// Bad usage, said on stderr and recorded as the result's error.
int refuse(const std::string& why, json& result) {
  std::cerr << "wnetconf verify: " << why << "\n";
  result["error"] = why;
  return exit_code::kBadInput;
}

int verify(const VerifyOptions& o, json& result) {
  if (!o.diff.empty()) {
    if (!o.bundle.empty() || o.rerun) return refuse("--diff OLD NEW takes no other bundle and no --rerun", result);
    result["diff"] = {{"old", o.diff[0]}, {"new", o.diff[1]}};
    return diff(o, result);
  }
  if (o.bundle.empty()) return refuse("give a bundle (or --diff OLD NEW)", result);
  result["bundle"] = o.bundle;
  try {
    if (!digests_match(o.bundle, result)) return exit_code::kFailures;
  } catch (const InputError& e) {
    return refuse(e.what(), result);
  }
  std::cout << o.bundle << ": every digest matches the manifest\n";
  if (!o.rerun) return exit_code::kConformant;
  if (!o.sut_given) return refuse("--rerun needs --sut: the implementation to re-run against", result);
  return rerun(o, result);
}

}  // namespace

void add_verify(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("verify", "Check a certification bundle's digests; re-run it; diff two bundles");
  auto o = std::make_shared<VerifyOptions>();
  cmd->add_option("bundle", o->bundle, "The bundle's folder");
  auto* rerun_flag = cmd->add_flag("--rerun", o->rerun, "Re-run the recorded scenarios and seeds and compare");
  const SutOptions sut_options = add_sut_options(*cmd, o->sut, "The implementation to re-run against");
  CLI::Option* sut = sut_options.sut->needs(rerun_flag);
  sut_options.mutant->needs(rerun_flag);
  cmd->add_option("--diff", o->diff, "OLD NEW: the requirements, scenarios and steps that changed between two bundles")->expected(2);
  cmd->add_flag("--json", o->json, "Print a machine-readable result as the last line");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress on stderr");
  cmd->callback([o, sut, &exit_code]() {
    o->sut_given = sut->count() > 0;
    json result = {{"schema", "wnetconf-verify/1"}, {"digests", json::array()}};
    exit_code = verify(*o, result);
    result["exit_code"] = exit_code;
    result["ok"] = exit_code == exit_code::kConformant;
    if (o->json) std::cout << result.dump(-1, ' ', false, json::error_handler_t::replace) << std::endl;
  });
}

}  // namespace wnc::cli
