// A vendor's ledger of known divergences (SPEC 2.4): expectations/<vendor>.yaml.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "vocabulary/codes.h"

namespace wnc {

struct Divergence {
  std::string scenario;     // a scenario id, or empty when `requirement` is set
  std::string requirement;  // a requirement ID: every scenario that covers it
  std::optional<int> step;  // 1-based; any step when absent
  Code observed = 0;        // the rc the implementation returns at the first diverging step
  std::string reason;
  int line = 0;             // where it stands in the ledger
  bool crash = false;       // `observed: crash`: the implementation dies there instead
};

struct Ledger {
  std::string vendor;
  std::string file;
  std::vector<Divergence> divergences;
};

// Throws ScenarioError (file:line:column) on bad input; `name` stands for the file in messages.
Ledger parse_ledger(const std::string& yaml_text, const std::string& name);
Ledger load_ledger(const std::filesystem::path& file);

}  // namespace wnc
