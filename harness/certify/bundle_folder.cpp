#include "certify/bundle_folder.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "certify/bundle.h"
#include "certify/manifest.h"
#include "output/atomic_file.h"

namespace wnc {

namespace fs = std::filesystem;

namespace {

// More entries than any bundle has: the walk of a wrong folder (a home, `/`) stops early.
constexpr size_t kMaxEntries = 200000;
constexpr std::uintmax_t kMaxManifestBytes = 64 << 20;

[[noreturn]] void refuse(const fs::path& target, const std::string& why) {
  throw BundleFolderRefused("--out " + target.string() + ": " + why);
}

// The absolute, normal spelling without a trailing separator: `out/`, `.` and `..` name a
// folder whose parent and name are both known.
fs::path normal_target(const fs::path& given) {
  fs::path p = fs::absolute(given).lexically_normal();
  if (p.filename().empty() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto o = outer.begin(), i = inner.begin();
  for (; o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

// The files the bundle's manifest lists, manifest.json included; refuses a folder whose
// manifest.json is not a wnetconf manifest.
std::set<std::string> listed_files(const fs::path& target) {
  const fs::path manifest = target / bundle_file::kManifest;
  std::error_code ec;
  if (!fs::is_regular_file(manifest, ec)) refuse(target, "is neither empty nor a bundle (no manifest.json): choose another folder");
  if (fs::file_size(manifest, ec) > kMaxManifestBytes) refuse(target, "its manifest.json is too large to be a bundle's");
  std::ifstream in(manifest, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_object() || j.value("format", "") != kManifestFormat || !j.contains("files") || !j.at("files").is_object())
    refuse(target, "holds a manifest.json that is not a wnetconf bundle's: it is not replaced; choose another folder");
  std::set<std::string> files{bundle_file::kManifest};
  for (const auto& [rel, digest] : j.at("files").items()) files.insert(rel);
  return files;
}

// Throws unless the target may be replaced: absent, an empty folder, or a bundle that holds
// nothing but what its manifest lists. Returns the files to delete once it is replaced.
std::set<std::string> check_replaceable(const fs::path& target) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (!fs::exists(status)) return {};
  if (fs::is_symlink(status)) refuse(target, "is a symbolic link: name the folder itself");
  if (!fs::is_directory(status)) refuse(target, "exists and is not a folder");
  const fs::path here = fs::weakly_canonical(fs::current_path());
  if (is_within(here, fs::weakly_canonical(target)))
    refuse(target, "is the current folder or one above it: a bundle needs a folder of its own");
  if (fs::is_empty(target, ec)) return {};

  const std::set<std::string> listed = listed_files(target);
  size_t entries = 0, foreign = 0;
  std::string first;
  for (auto it = fs::recursive_directory_iterator(target, fs::directory_options::none, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (++entries > kMaxEntries) refuse(target, "holds more than " + std::to_string(kMaxEntries) + " entries: not a bundle");
    const fs::file_status s = it->symlink_status();
    if (fs::is_directory(s)) continue;
    const std::string rel = fs::relative(it->path(), target).generic_string();
    if (fs::is_regular_file(s) && listed.count(rel)) continue;
    if (first.empty()) first = rel;
    ++foreign;
  }
  if (ec) refuse(target, "cannot be read: " + ec.message());
  if (foreign)
    refuse(target, "holds " + std::to_string(foreign) + " file(s) its manifest does not list (" + first +
                       (foreign > 1 ? ", …" : "") + "): certify replaces only what it wrote; move them or choose another folder");
  return listed;
}

fs::path make_temp_folder(const fs::path& beside, const std::string& suffix) {
  std::string pattern = beside.string() + suffix + "-XXXXXX";
  if (!mkdtemp(pattern.data()))
    throw OutputError(beside.string() + suffix + "-XXXXXX: cannot be created: " + std::strerror(errno));
  return pattern;
}

// Deletes the listed files of a replaced bundle, then the folders they leave empty.
bool delete_bundle(const fs::path& dir, const std::set<std::string>& listed) {
  std::error_code ec;
  std::set<fs::path> folders;
  for (const auto& rel : listed) {
    const fs::path file = dir / rel;
    for (fs::path p = file.parent_path(); p != dir && is_within(p, dir); p = p.parent_path()) folders.insert(p);
    if (fs::is_regular_file(fs::symlink_status(file, ec))) fs::remove(file, ec);
  }
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) fs::remove(*it, ec);  // deepest first; fails if not empty
  return fs::remove(dir, ec);
}

}  // namespace

BundleFolder::BundleFolder(const fs::path& target) : target_(normal_target(target)) {
  check_replaceable(target_);
  std::error_code ec;
  fs::create_directories(target_.parent_path(), ec);
  if (ec) refuse(target_, "its parent folder cannot be created: " + ec.message());
  staging_ = make_temp_folder(target_, ".incomplete");
}

BundleFolder::~BundleFolder() {
  if (done_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);  // made by mkdtemp in the constructor: only we wrote there
}

std::optional<fs::path> BundleFolder::commit() {
  const std::set<std::string> listed = check_replaceable(target_);
  std::error_code ec;
  std::optional<fs::path> aside;
  if (fs::exists(fs::symlink_status(target_, ec))) {
    if (listed.empty()) {
      fs::remove(target_);  // an empty folder
    } else {
      aside = make_temp_folder(target_, ".replaced");
      fs::rename(target_, *aside);  // onto the empty folder mkdtemp made
    }
  }
  try {
    fs::rename(staging_, target_);
  } catch (...) {
    if (aside) fs::rename(*aside, target_, ec);
    throw;
  }
  done_ = true;
  if (aside && !delete_bundle(*aside, listed)) return aside;
  return std::nullopt;
}

}  // namespace wnc
