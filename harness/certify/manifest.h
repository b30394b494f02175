// manifest.json: SHA-256 digests of everything a bundle holds and of what the certification
// stood on (corpus, model version, requirement catalog, seeds, hello, agent binary).
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace wnc {

inline constexpr const char* kManifestFormat = "wnetconf-manifest/1";

struct ManifestInfo {
  std::string vendor;
  nlohmann::json agent_binary;           // agent_binary_entry(), or null
  std::vector<std::string> merged_from;  // the shards' manifest digests, for a merged bundle
};

// {"path", "sha256"} of the implementation's agent binary. Throws when it cannot be read.
nlohmann::json agent_binary_entry(const std::filesystem::path& binary);

// Digests every file under `dir` and writes dir/manifest.json, which carries its own digest.
void write_manifest(const std::filesystem::path& dir, const ManifestInfo& info);

struct Finding {
  std::string file;     // relative to the bundle
  std::string problem;  // "digest mismatch (manifest abc…, file def…)", "missing", ...
};

struct ManifestCheck {
  std::vector<Finding> findings;   // empty: the bundle is as certify wrote it
  std::vector<std::string> notes;  // what could not be checked here (an absent agent binary)
  nlohmann::json manifest;         // as read, or null
};

// Recomputes every digest. Throws InputError when `dir` is not a directory.
ManifestCheck check_manifest(const std::filesystem::path& dir);

// The digest over the corpus: of the sha256sum lines ("<digest>  corpus/<file>\n") of its
// files, sorted by path, so `find corpus -type f | LC_ALL=C sort | xargs sha256sum | sha256sum`
// gives it too.
std::string corpus_digest(const std::map<std::string, std::string>& file_digests);

// The manifest's own digest: of its indented text without the "manifest_sha256" field.
std::string manifest_self_digest(nlohmann::json manifest);

}  // namespace wnc
