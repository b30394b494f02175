#include "explore/going_on.h"

namespace wnc {

namespace {

bool only_reads(const Step& step) {
  return std::holds_alternative<GetConnectionStep>(step) || std::holds_alternative<DrivesStep>(step) ||
         std::holds_alternative<QueryDosDeviceStep>(step) || std::holds_alternative<LastErrorStep>(step) ||
         std::holds_alternative<ProfileStep>(step);
}

}  // namespace

bool model_leaves_world(const model::State& before, const model::State& after) {
  return before.fault.remaining == 0 && before == after;
}

bool leaves_both_worlds(const Step& step, bool model_leaves_world, const Result& got, StepTrouble trouble) {
  if (!model_leaves_world || trouble != StepTrouble::None) return false;
  if (got.rc == code::kExtendedError) return false;
  return only_reads(step) || got.rc != code::kNoError;
}

}  // namespace wnc
