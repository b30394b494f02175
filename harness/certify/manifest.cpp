#include "certify/manifest.h"

#include <fstream>
#include <sstream>

#include "certify/bundle.h"
#include "certify/results_document.h"
#include "certify/sha256.h"
#include "scenario/input_file.h"
#include "output/atomic_file.h"
#include "vocabulary/input_error.h"
#include "vocabulary/version.h"

namespace wnc {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Every file of the bundle but the manifest, by path relative to it.
std::map<std::string, fs::path> bundle_files(const fs::path& dir) {
  std::map<std::string, fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_directory()) continue;
    const std::string rel = fs::relative(entry.path(), dir).generic_string();
    if (rel != bundle_file::kManifest) out[rel] = entry.path();
  }
  return out;
}

bool in_corpus(const std::string& rel) { return rel.rfind(std::string(bundle_file::kCorpus) + "/", 0) == 0; }

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

json subject(const std::map<std::string, std::string>& digests, const char* file) {
  if (!digests.count(file)) return nullptr;
  return {{"file", file}, {"sha256", digests.at(file)}};
}

}  // namespace

json agent_binary_entry(const fs::path& binary) {
  return {{"path", fs::absolute(binary).lexically_normal().string()}, {"sha256", sha256_file(binary)}};
}

std::string corpus_digest(const std::map<std::string, std::string>& file_digests) {
  std::string lines;
  for (const auto& [rel, digest] : file_digests)
    if (in_corpus(rel)) lines += digest + "  " + rel + "\n";
  return sha256_hex(lines);
}

std::string manifest_self_digest(json manifest) {
  manifest.erase("manifest_sha256");
  return sha256_hex(json_file_text(manifest));
}

void write_manifest(const fs::path& dir, const ManifestInfo& info) {
  std::map<std::string, std::string> digests;
  size_t corpus_files = 0;
  for (const auto& [rel, path] : bundle_files(dir)) {
    digests[rel] = sha256_file(path);
    corpus_files += in_corpus(rel);
  }
  const std::string version = read_text(dir / bundle_file::kModelVersion);
  json model = subject(digests, bundle_file::kModelVersion);
  model["value"] = version.substr(0, version.find('\n'));
  json manifest = {{"format", kManifestFormat},
                   {"vendor", info.vendor},
                   {"harness_version", kVersion},
                   {"subjects",
                    {{"corpus", {{"sha256", corpus_digest(digests)}, {"files", corpus_files}}},
                     {"model_version", model},
                     {"requirement_catalog", subject(digests, bundle_file::kCatalog)},
                     {"seeds", subject(digests, bundle_file::kSeeds)},
                     {"hello", subject(digests, bundle_file::kHello)},
                     {"ledger", subject(digests, bundle_file::kLedger)},
                     {"agent_binary", info.agent_binary}}},
                   {"files", digests}};
  if (!info.merged_from.empty()) manifest["merged_from"] = info.merged_from;
  manifest["manifest_sha256"] = manifest_self_digest(manifest);
  write_file_atomically(dir / bundle_file::kManifest, json_file_text(manifest));
}

namespace {

// Every file's digest, the corpus's, the subjects' and the agent binary's against `check.manifest`.
void check_digests(const fs::path& dir, ManifestCheck& check) {
  auto finding = [&](const std::string& file, const std::string& problem) { check.findings.push_back({file, problem}); };
  const json& recorded = check.manifest.at("files");
  std::map<std::string, std::string> now;
  for (const auto& [rel, path] : bundle_files(dir)) {
    now[rel] = sha256_file(path);
    if (!recorded.contains(rel)) finding(rel, "not in the manifest: added after certification");
  }
  for (const auto& [rel, digest] : recorded.items()) {
    if (!now.count(rel)) finding(rel, "missing");
    else if (now.at(rel) != digest.get<std::string>())
      finding(rel, "digest mismatch (manifest " + digest.get<std::string>() + ", file " + now.at(rel) + ")");
  }

  const json& subjects = check.manifest.at("subjects");
  if (subjects.at("corpus").at("sha256") != corpus_digest(now))
    finding(bundle_file::kCorpus + std::string("/"), "the digest over the corpus does not match");
  for (const auto& [name, s] : subjects.items()) {
    if (!s.is_object() || !s.contains("file")) continue;
    const std::string file = s.at("file").get<std::string>();
    if (!recorded.contains(file) || recorded.at(file) != s.at("sha256"))
      finding(file, "the manifest's " + name + " digest disagrees with its file list");
  }
  const json& model = subjects.at("model_version");
  if (!model.is_null() && now.count(bundle_file::kModelVersion) &&
      read_text(dir / bundle_file::kModelVersion) != model.at("value").get<std::string>() + "\n")
    finding(bundle_file::kModelVersion, "does not hold the model version the manifest records");

  const json& agent = subjects.at("agent_binary");
  if (agent.is_object()) {
    const fs::path binary = agent.at("path").get<std::string>();
    if (!fs::exists(binary)) check.notes.push_back("agent binary " + binary.string() + " is not on this machine: not checked");
    else if (sha256_file(binary) != agent.at("sha256").get<std::string>())
      finding(binary.string(), "the agent binary's digest does not match: it is not the binary that was certified");
  }
}

}  // namespace

ManifestCheck check_manifest(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw InputError(dir.string() + ": not a directory");
  ManifestCheck check;
  auto finding = [&](const std::string& file, const std::string& problem) { check.findings.push_back({file, problem}); };
  const fs::path manifest_path = dir / bundle_file::kManifest;
  if (!fs::exists(manifest_path)) {
    finding(bundle_file::kManifest, "missing: this is not a bundle, or its manifest was removed");
    return check;
  }
  // Not JSON, or beyond limits::kBundleJson: bad input (file:line:column), not a finding.
  check.manifest = read_json_input_file(manifest_path, limits::kBundleJson);
  try {
    if (check.manifest.value("format", "") != kManifestFormat) throw std::runtime_error("not " + std::string(kManifestFormat));
    if (check.manifest.at("manifest_sha256") != manifest_self_digest(check.manifest))
      finding(bundle_file::kManifest, "does not match its own digest: it was edited");
  } catch (const std::exception& e) {
    finding(bundle_file::kManifest, std::string("unreadable: ") + e.what());
    check.manifest = nullptr;
    return check;
  }

  try {
    check_digests(dir, check);
  } catch (const json::exception& e) {  // valid JSON, but not the manifest's shape
    finding(bundle_file::kManifest, std::string("malformed: ") + e.what());
  }
  return check;
}

}  // namespace wnc
