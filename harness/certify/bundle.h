// A certification bundle on disk (docs/certification.md): the corpus and ledger it ran,
// the results in three forms, and the manifest that makes it verifiable.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "certify/certification.h"
#include "certify/manifest.h"

namespace wnc {

namespace bundle_file {
inline constexpr const char* kResults = "results.json";
inline constexpr const char* kJunit = "junit.xml";
inline constexpr const char* kHtml = "report.html";
inline constexpr const char* kMarkdown = "report.md";
inline constexpr const char* kManifest = "manifest.json";
inline constexpr const char* kHello = "hello.json";
inline constexpr const char* kSeeds = "seeds.json";
inline constexpr const char* kModelVersion = "model-version.txt";
inline constexpr const char* kCatalog = "requirements.txt";
inline constexpr const char* kLedger = "ledger.yaml";
inline constexpr const char* kCorpus = "corpus";
}  // namespace bundle_file

// Copies the scenario files into dir/corpus, keeping their paths below `root` (the
// --scenarios folder, or a lone file's folder), and loads them back from there.
std::shared_ptr<const std::vector<Scenario>> import_corpus(const std::vector<Scenario>& scenarios,
                                                           const std::filesystem::path& root,
                                                           const std::filesystem::path& dir);

// Copies the ledger into dir/ledger.yaml and loads it from there.
Ledger import_ledger(const std::filesystem::path& ledger, const std::filesystem::path& dir);

// Writes the results, reports, hello, seeds, model version and catalog, then the manifest.
// The corpus and ledger are imported before the run; the explorer saves its failing cases.
void write_bundle(const std::filesystem::path& dir, const Certification& c, const ManifestInfo& info);

// What merging and re-running start from: all read from the bundle, never from elsewhere.
struct BundleContents {
  nlohmann::json results;
  nlohmann::json manifest;
  Hello hello;
  std::shared_ptr<const std::vector<Scenario>> corpus;  // sorted by id, files relative to the bundle
  std::optional<Ledger> ledger;
};

// Throws InputError (ScenarioError among them) on bad content.
BundleContents read_bundle(const std::filesystem::path& dir);

}  // namespace wnc
