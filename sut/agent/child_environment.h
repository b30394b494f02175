// The environment a child process gets: ours, with some variables replaced or added.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace wnc {

// Entries "NAME=value" for execve/posix_spawn: every variable of ours not named in
// `overrides`, then the overrides in order.
std::vector<std::string> child_environment(const std::vector<std::pair<std::string, std::string>>& overrides);

}  // namespace wnc
