// The requirement catalog (docs/behaviour.md): every rule in the project's words, with the
// source sentence it stands on, and the picks (PS-* and docs/picks.md's P-*) it relies on.
#pragma once

#include <string_view>
#include <vector>

namespace wnc {

struct Requirement {
  std::string_view id;
  std::string_view rule;
  std::string_view source;                // a sentence of the seed page, or "pick: ..."
  std::vector<std::string_view> picks;    // pick IDs a verdict on this rule depends on
};

struct Pick {
  std::string_view id;
  std::string_view rule;
};

const std::vector<Requirement>& requirements();
const std::vector<Pick>& picks();
const Requirement* find_requirement(std::string_view id);

// Bumped whenever a rule of the model changes; certification manifests record it.
inline constexpr std::string_view kModelVersion = "1.0.0";

}  // namespace wnc
