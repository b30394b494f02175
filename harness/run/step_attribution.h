// Whose answer a step is, and which requirements it is about: two declared tables
// (docs/attribution.md), so that a requirement's verdict counts only the steps that are about
// it and that the implementation's own code decided, never a lookup or a harness stand-in
// that a scenario passes through.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vocabulary/result.h"
#include "vocabulary/step.h"

namespace wnc {

// The layers of the Windows stack a step goes through. The platform and its file system are
// the implementation under test; the provider and the agent are the harness's own stand-ins
// for a network and a redirector (sut/windows), or the parts of an implementation that play them.
enum class Layer { Platform, FileSystem, Provider, Agent };
const char* layer_name(Layer layer);  // "platform", "file-system", "provider", "agent"
bool is_implementations_own(Layer layer);  // platform or file system

struct Decider {
  Layer layer;
  std::string_view why;       // in the table's words
  std::string_view rests_on;  // what a platform answer shows only through the provider, or empty
};

// The layer that decides the answer `rc` to a step of this kind (the table's first rule for the
// kind and code). `rc` absent: the step was not answered (a crash), judged by the kind alone.
Decider decider_of(const Step& step, std::optional<Code> rc);

// A step is the platform's when either the answer expected or the answer got is the
// platform's to give: an answer the platform should have given and did not is its own.
Decider decided_by(const Step& step, Code expected, const std::optional<Result>& got);

// Of `covers`, the requirements the step is about (the second table), in `covers`' order.
std::vector<std::string> requirements_about(const Step& step, Code expected, const std::optional<Result>& got,
                                            const std::vector<std::string>& covers);

// The tables themselves, for the docs' check and the tests.
struct DeciderRule {
  std::string_view kind;
  std::vector<Code> codes;  // empty: every other answer
  Decider decider;
};
const std::vector<DeciderRule>& decider_rules();

struct AboutRule {
  std::string_view requirement;
  std::vector<std::string_view> kinds;
  std::vector<Code> codes;  // empty: any answer; else the expected or the got rc is one of them
  std::optional<bool> force{};  // cancels with this force only
  bool expected_only = false;   // `codes` holds the expected rc: the requirement is about what should happen
  std::vector<Api> apis{};      // cancels through these entry points only; empty: any
};
const std::vector<AboutRule>& about_rules();

}  // namespace wnc
