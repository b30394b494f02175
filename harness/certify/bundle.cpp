#include "certify/bundle.h"

#include <algorithm>
#include <sstream>

#include "certify/html_report.h"
#include "certify/junit_report.h"
#include "certify/markdown_report.h"
#include "certify/results_document.h"
#include "output/atomic_file.h"
#include "requirements.h"
#include "scenario/input_file.h"
#include "scenario/scenario_loader.h"
#include "vocabulary/input_error.h"

namespace wnc {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The catalog the verdicts were given against, as text a reviewer can read and a digest
// can pin.
std::string catalog_text() {
  std::ostringstream out;
  out << "# wnetconf requirement catalog, model " << kModelVersion << "\n";
  for (const auto& r : requirements()) {
    out << "\n" << r.id << "\n  rule: " << r.rule << "\n  source: " << r.source << "\n  picks:";
    for (const auto& p : r.picks) out << " " << p;
    out << "\n";
  }
  out << "\n# picks\n";
  for (const auto& p : picks()) out << "\n" << p.id << "\n  rule: " << p.rule << "\n";
  return out.str();
}

std::shared_ptr<const std::vector<Scenario>> load_corpus(const fs::path& dir) {
  std::vector<Scenario> corpus = load_scenarios({dir / bundle_file::kCorpus});
  for (auto& sc : corpus) sc.file = fs::relative(sc.file, dir).generic_string();
  std::sort(corpus.begin(), corpus.end(), [](const Scenario& a, const Scenario& b) { return a.id < b.id; });
  return std::make_shared<const std::vector<Scenario>>(std::move(corpus));
}

Ledger load_bundle_ledger(const fs::path& dir) {
  Ledger ledger = load_ledger(dir / bundle_file::kLedger);
  ledger.file = bundle_file::kLedger;  // the same in every copy of the bundle
  return ledger;
}

Hello hello_from_document(const json& j) {
  Hello h;
  const json& impl = j.at("implementation");
  h.name = impl.at("name").get<std::string>();
  h.version = impl.at("version").get<std::string>();
  h.platform = impl.at("platform").get<std::string>();
  h.capabilities = j.at("capabilities").get<std::set<std::string>>();
  h.raw = j;
  return h;
}

}  // namespace

std::shared_ptr<const std::vector<Scenario>> import_corpus(const std::vector<Scenario>& scenarios, const fs::path& root,
                                                           const fs::path& dir) {
  fs::create_directories(dir / bundle_file::kCorpus);
  for (const auto& sc : scenarios) {
    const fs::path rel = fs::is_directory(root) ? fs::relative(sc.file, root) : fs::path(sc.file).filename();
    const fs::path target = dir / bundle_file::kCorpus / rel;
    fs::create_directories(target.parent_path());
    fs::copy_file(sc.file, target, fs::copy_options::overwrite_existing);
  }
  return load_corpus(dir);
}

Ledger import_ledger(const fs::path& ledger, const fs::path& dir) {
  load_ledger(ledger);  // bad input is reported against the vendor's own file
  fs::copy_file(ledger, dir / bundle_file::kLedger, fs::copy_options::overwrite_existing);
  return load_bundle_ledger(dir);
}

void write_bundle(const fs::path& dir, const Certification& c, const ManifestInfo& info) {
  write_file_atomically(dir / bundle_file::kModelVersion, std::string(kModelVersion) + "\n");
  write_file_atomically(dir / bundle_file::kCatalog, catalog_text());
  write_file_atomically(dir / bundle_file::kSeeds, json_file_text(seeds_document(c.settings)));
  write_file_atomically(dir / bundle_file::kHello, json_file_text(hello_document(c.run.hello)));
  const std::string results = json_file_text(results_document(c));
  write_file_atomically(dir / bundle_file::kResults, results);
  // Rendered from the file's text, so the reports show exactly what results.json says
  // (invalid UTF-8 from an agent already replaced).
  const json doc = json::parse(results);
  write_file_atomically(dir / bundle_file::kJunit, junit_report(doc));
  write_file_atomically(dir / bundle_file::kHtml, html_report(doc));
  write_file_atomically(dir / bundle_file::kMarkdown, markdown_report(doc));
  write_manifest(dir, info);
}

BundleContents read_bundle(const fs::path& dir) {
  BundleContents b;
  try {
    b.results = read_json_input_file(dir / bundle_file::kResults, limits::kBundleJson);
    b.manifest = read_json_input_file(dir / bundle_file::kManifest, limits::kBundleJson);
    b.hello = hello_from_document(read_json_input_file(dir / bundle_file::kHello, limits::kBundleJson));
  } catch (const json::exception& e) {  // a bundle is input: someone else's file
    throw InputError(dir.string() + ": not a bundle wnetconf wrote: " + e.what());
  }
  b.corpus = load_corpus(dir);
  if (fs::exists(dir / bundle_file::kLedger)) b.ledger = load_bundle_ledger(dir);
  return b;
}

}  // namespace wnc
