// Where certify and merge write a bundle, and how a finished bundle replaces an earlier one
// without deleting anything the harness did not write (docs/certification.md, "Where a
// bundle is written").
//
// The new bundle is written into a staging folder beside the target, `<target>.incomplete-XXXXXX`.
// commit() swaps it in by rename; only then are the earlier bundle's files deleted, and only
// those its manifest lists. A run that fails or is interrupted leaves the target as it was.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>

#include "vocabulary/input_error.h"

namespace wnc {

// The target cannot take a bundle: it is not a folder, not a bundle, holds files its
// manifest does not list, or is the current folder or one above it.
class BundleFolderRefused : public InputError {
 public:
  using InputError::InputError;
};

class BundleFolder {
 public:
  // Checks the target (throws BundleFolderRefused) and creates the staging folder.
  explicit BundleFolder(const std::filesystem::path& target);
  // Removes the staging folder unless commit() or keep() was called.
  ~BundleFolder();
  BundleFolder(const BundleFolder&) = delete;
  BundleFolder& operator=(const BundleFolder&) = delete;

  const std::filesystem::path& staging() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }

  // Puts the staged bundle at the target. Returns the folder the earlier bundle was moved
  // to when it could not be emptied completely (someone added files to it meanwhile).
  std::optional<std::filesystem::path> commit();
  // Leaves the staging folder where it is: it holds findings of a run that did not finish.
  void keep() { done_ = true; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool done_ = false;
};

}  // namespace wnc
