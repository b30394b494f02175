// A scenario of the scenario language v1 (scenarios/README.md), loaded and validated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vocabulary/result.h"
#include "vocabulary/setup.h"
#include "vocabulary/step.h"

namespace wnc {

// What a step must return. Unset fields are not checked.
struct Expectation {
  Code rc = code::kNoError;
  std::optional<std::string> remote;           // case-insensitive equality
  std::optional<std::string> target_endswith;  // case-insensitive suffix
  std::optional<std::string> includes, excludes, exactly;  // drive letters, upper case
  std::optional<Code> code;
  std::optional<std::string> text, provider;
  bool operator==(const Expectation&) const = default;
};

struct SourcePos {
  int line = 0;  // 1-based; 0 when the scenario was not read from a file
  int column = 0;
};

struct ScenarioStep {
  Step step;
  Expectation expect;
  SourcePos pos;
};

struct Scenario {
  std::string id;
  std::string title;
  std::vector<std::string> covers;
  Setup setup;
  std::vector<ScenarioStep> steps;
  std::string file;  // where it was loaded from
};

// What a step must return to agree with `reference`: every output it has, compared as
// scenarios compare (a target by its suffix, names case-insensitively).
Expectation expectation_of(const Result& reference);

// Every mismatch between `expect` and `got`, in words; empty when `got` satisfies it.
std::vector<std::string> mismatches(const Expectation& expect, const Result& got);

}  // namespace wnc
