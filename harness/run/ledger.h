// A vendor's ledger of known divergences (docs/certification.md): expectations/<vendor>.yaml.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "vocabulary/codes.h"

namespace wnc {

// One known divergence. Exactly one of `scenario`, `requirement` and `signature` is set:
// scenario and requirement entries explain corpus scenarios (runner.h); signature and
// requirement entries explain divergences met while exploring (docs/explore.md).
struct Divergence {
  std::string scenario;     // a scenario id
  std::string requirement;  // a requirement ID: every scenario that covers it, every explored
                            // step that exercises it
  std::optional<int> step;  // scenario and requirement entries: 1-based; absent: the first diverging step
  Code observed = 0;        // the rc the implementation returns there (not for signature entries)
  std::string reason;
  int line = 0;             // where it stands in the ledger
  bool crash = false;       // `observed: crash`: the implementation dies there instead
  std::string signature{};  // a divergence signature (run/signature.h)
  std::optional<Code> expected{};  // requirement entries: the rc the model expects, if it matters
  std::string cause{};             // the id of one of the ledger's causes, if given

  std::string where(const std::string& ledger_file) const;  // "file:line"
  std::string what() const;  // "scenario x, step 3, ERROR_X (n)" / "signature '...'"
};

// Why divergences happen, once each; `layer` says whose code it is: the platform under
// test (its network API), its file system, or the test provider or agent (the harness's own
// stand-ins for a network), so that a report counts only the platform's against it.
// `requirements`: the ones it breaks (a divergence outside them, in a lookup the scenarios
// observe through, counts against none).
struct Cause {
  std::string id, title, layer, text;
  std::vector<std::string> requirements{};
};

struct Ledger {
  std::string vendor;
  std::string file;
  std::vector<Divergence> divergences;
  std::vector<Cause> causes{};
};

// What exploration knows of a divergence it met: its signature, the requirements the
// diverging step exercises, and the codes there.
struct ExploredDivergence {
  std::string signature;
  std::vector<std::string> requirements;
  Code expected = 0;
  Code observed = 0;
  bool crash = false;  // the implementation could not be driven at that step
};

// The ledger entry that explains a divergence met while exploring: a signature entry with the
// same signature, or a requirement entry with no step whose requirement the step exercises, with its
// observed code or crash (and its expected code, when it names one). Null when none does.
const Divergence* explaining(const Ledger& ledger, const ExploredDivergence& divergence);

// Throws ScenarioError (file:line:column) on bad input; `name` stands for the file in messages.
Ledger parse_ledger(const std::string& yaml_text, const std::string& name);
Ledger load_ledger(const std::filesystem::path& file);

}  // namespace wnc
