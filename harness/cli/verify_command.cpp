#include <stdlib.h>

#include <filesystem>
#include <iostream>

#include "certify/bundle.h"
#include "certify/certify_run.h"
#include "certify/results_compare.h"
#include "certify/results_document.h"
#include "certify/results_reader.h"
#include "cli/commands.h"
#include "cli/sut_choice.h"
#include "output/atomic_file.h"

namespace wnc::cli {

namespace fs = std::filesystem;

namespace {

struct VerifyOptions {
  std::string bundle;
  bool rerun = false, quiet = false, sut_given = false;
  SutChoice sut;
  std::vector<std::string> diff;
};

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

// Prints every finding; true when the bundle is intact.
bool digests_match(const std::string& dir) {
  ManifestCheck check = check_manifest(dir);
  for (const auto& f : check.findings) std::cout << dir << ": " << f.file << ": " << f.problem << "\n";
  for (const auto& n : check.notes) std::cout << dir << ": note: " << n << "\n";
  return check.findings.empty();
}

int rerun(const VerifyOptions& o) {
  BundleContents bundle;
  std::unique_ptr<Sut> sut;
  try {
    bundle = read_bundle(o.bundle);
    sut = make_sut(o.sut);
  } catch (const InputError& e) {
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
    if (!differences.empty()) return exit_code::kFailures;
    std::cout << o.bundle << ": the re-run matches: " << c.run.outcomes.size() << " scenarios, " << c.exploration.size()
              << " exploration blocks\n";
    return exit_code::kConformant;
  } catch (const SutFailure& e) {
    return not_driven("verify --rerun", e);
  } catch (const InputError& e) {
    std::cerr << "wnetconf verify --rerun: " << e.what() << "\n";
    return exit_code::kBadInput;
  }
}

// Exit codes as diff(1): 0 no requirement changed, 1 some did, 2 trouble.
int diff(const VerifyOptions& o) {
  try {
    if (!digests_match(o.diff[0]) || !digests_match(o.diff[1])) {
      std::cerr << "wnetconf verify --diff: a bundle does not verify; its results cannot be trusted\n";
      return exit_code::kBadInput;
    }
    const auto changes = requirement_changes(read_bundle(o.diff[0]).results, read_bundle(o.diff[1]).results);
    for (const auto& c : changes) std::cout << c.id << ": " << c.before << " -> " << c.after << "\n";
    std::cout << changes.size() << " requirement" << (changes.size() == 1 ? "" : "s") << " changed status\n";
    return changes.empty() ? 0 : 1;
  } catch (const InputError& e) {
    std::cerr << "wnetconf verify --diff: " << e.what() << "\n";
    return exit_code::kBadInput;
  }
}

int verify(const VerifyOptions& o) {
  if (!o.diff.empty()) {
    if (!o.bundle.empty() || o.rerun) {
      std::cerr << "wnetconf verify: --diff OLD NEW takes no other bundle and no --rerun\n";
      return exit_code::kBadInput;
    }
    return diff(o);
  }
  if (o.bundle.empty()) {
    std::cerr << "wnetconf verify: give a bundle (or --diff OLD NEW)\n";
    return exit_code::kBadInput;
  }
  try {
    if (!digests_match(o.bundle)) return exit_code::kFailures;
  } catch (const InputError& e) {
    std::cerr << "wnetconf verify: " << e.what() << "\n";
    return exit_code::kBadInput;
  }
  std::cout << o.bundle << ": every digest matches the manifest\n";
  if (!o.rerun) return exit_code::kConformant;
  if (!o.sut_given) {
    std::cerr << "wnetconf verify: --rerun needs --sut: the implementation to re-run against\n";
    return exit_code::kBadInput;
  }
  return rerun(o);
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
  cmd->add_option("--diff", o->diff, "OLD NEW: requirements whose status changed between two bundles")->expected(2);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress on stderr");
  cmd->callback([o, sut, &exit_code]() {
    o->sut_given = sut->count() > 0;
    exit_code = verify(*o);
  });
}

}  // namespace wnc::cli
