#include "certify/merge.h"

#include "certify/bundle.h"
#include "certify/bundle_folder.h"
#include "certify/certify_run.h"
#include "certify/results_reader.h"
#include "vocabulary/input_error.h"

namespace wnc {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// What the shards of one certification share, by the digests their manifests record.
void check_same_certification(const fs::path& first, const json& a, const fs::path& other, const json& b) {
  for (const char* subject : {"corpus", "model_version", "requirement_catalog", "seeds", "hello", "ledger", "agent_binary"}) {
    const json& x = a.at("subjects").at(subject);
    const json& y = b.at("subjects").at(subject);
    const bool same = x.is_null() == y.is_null() && (x.is_null() || x.at("sha256") == y.at("sha256"));
    if (!same)
      throw InputError(other.string() + " is not a shard of the certification in " + first.string() + ": its " +
                               subject + " differs");
  }
}

}  // namespace

Certification merge_bundles(const fs::path& out, const std::vector<fs::path>& shards) {
  if (shards.empty()) throw InputError("--merge needs the shard bundles to merge");
  std::vector<BundleContents> contents;
  std::vector<json> docs;
  std::vector<std::string> digests;
  for (const auto& dir : shards) {
    if (fs::exists(out) && fs::exists(dir) && fs::equivalent(out, dir)) throw InputError("the merged bundle cannot overwrite shard " + dir.string());
    ManifestCheck check = check_manifest(dir);
    if (!check.findings.empty())
      throw InputError(dir.string() + " does not verify: " + check.findings.front().file + ": " + check.findings.front().problem);
    contents.push_back(read_bundle(dir));
    if (contents.size() > 1) check_same_certification(shards.front(), contents.front().manifest, dir, contents.back().manifest);
    docs.push_back(contents.back().results);
    digests.push_back(contents.back().manifest.at("manifest_sha256").get<std::string>());
  }
  const BundleContents& first = contents.front();
  Certification merged = certification_from_results(docs, first.corpus, first.ledger, first.hello);

  BundleFolder folder(out);
  const fs::path& staged = folder.staging();
  fs::copy(shards.front() / bundle_file::kCorpus, staged / bundle_file::kCorpus, fs::copy_options::recursive);
  if (first.ledger) fs::copy_file(shards.front() / bundle_file::kLedger, staged / bundle_file::kLedger);
  for (const auto& dir : shards)
    if (fs::exists(dir / kExplorationDir))
      fs::copy(dir / kExplorationDir, staged / kExplorationDir, fs::copy_options::recursive | fs::copy_options::skip_existing);
  write_bundle(staged, merged,
               {merged.settings.vendor, first.manifest.at("subjects").at("agent_binary"), digests});
  folder.commit();
  return merged;
}

}  // namespace wnc
