#include "run/signature.h"

#include "vocabulary/internal_error.h"

namespace wnc {

namespace {

std::string step_form(const Step& step) {
  std::string form = step_traits(step).kind;
  if (const auto* cancel = std::get_if<CancelStep>(&step)) form += std::string(" ") + api_name(cancel->api);
  return form;
}

const char* trouble_word(StepTrouble trouble) {
  switch (trouble) {
    case StepTrouble::Crash: return "crash";
    case StepTrouble::Hang: return "hang";
    case StepTrouble::Rejected: return "rejected";
    case StepTrouble::None: break;
  }
  return nullptr;
}

}  // namespace

std::string divergence_signature(const Step& step, const Expectation& want, const Result& got, StepTrouble trouble) {
  const std::string form = step_form(step);
  if (const char* word = trouble_word(trouble)) return form + ": " + word;
  if (got.unsupported) return form + ": unsupported";
  if (got.rc != want.rc) return form + ": expected " + describe_code(want.rc) + ", got " + describe_code(got.rc);
  const std::vector<std::string> differ = mismatches(want, got);
  WNC_ASSERT(!differ.empty(), "a signature is taken of a step that diverged");
  // Every mismatch other than rc's starts with its field's name: "remote: expected ...".
  return form + ": " + differ.front().substr(0, differ.front().find(':')) + " differs";
}

}  // namespace wnc
