// Where open and chdir may make what a scenario names. A client chooses every path, so the
// agent creates files and folders only on the test network: under a drive the provider
// connected, or (under Wine, where \\server\share resolves inside the prefix) under a share
// the reset declared, and under Wine's C:, which belongs to a prefix made for this run.
// Elsewhere it opens only what exists, and it refuses what would reach beyond the machine:
// on Windows a UNC path goes to the real redirector, which would connect to that host.
#pragma once

#include <string_view>

namespace wnc::win {

enum class PathUse {
  Create,        // on the test network: make what is missing on the way
  OpenExisting,  // elsewhere: touch only what exists
};

// Throws Unsupported for a path the agent will not touch: a '/' anywhere, a device or
// long-path form (\\?\, \\.\), a UNC path on Windows, a drive the user mapped on Windows.
PathUse path_use(std::wstring_view path);

// Whether a file open with OpenExisting would, on Windows, need a file the agent may not
// create (a local file that is not there): the scenario cannot run on this machine.
bool missing_local_file(std::wstring_view path);

}  // namespace wnc::win
