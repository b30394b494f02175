// A divergence's signature names the step kind, its API form and what differed, and nothing
// that changes between seeds: logons, devices, paths.
#include "run/signature.h"

#include <gtest/gtest.h>

namespace wnc {
namespace {

Result rc_only(Code c) {
  Result r;
  r.rc = c;
  return r;
}

TEST(Signature, NamesTheKindTheApiFormAndBothCodes) {
  CancelStep cancel{"alice", "Z:", true, Api::W2, true};
  EXPECT_EQ(divergence_signature(cancel, expectation_of(rc_only(code::kNoError)), rc_only(code::kOpenFiles), StepTrouble::None),
            "cancel 2W: expected NO_ERROR (0), got ERROR_OPEN_FILES (2401)");
  cancel.as = "bob";
  cancel.name = R"(\\fs2\home)";
  cancel.force = false;
  cancel.update_profile = false;
  EXPECT_EQ(divergence_signature(cancel, expectation_of(rc_only(code::kNoError)), rc_only(code::kOpenFiles), StepTrouble::None),
            "cancel 2W: expected NO_ERROR (0), got ERROR_OPEN_FILES (2401)")
      << "the caller, the name and the flags are not part of it";
  cancel.api = Api::A;
  EXPECT_EQ(divergence_signature(cancel, expectation_of(rc_only(code::kNoError)), rc_only(code::kOpenFiles), StepTrouble::None),
            "cancel A: expected NO_ERROR (0), got ERROR_OPEN_FILES (2401)");
}

TEST(Signature, NamesTheFirstOutputThatDiffers) {
  Result want;
  want.code = 5001;
  want.text = "server on fire";
  want.provider = "TestNet";
  Result got = want;
  got.text = "";
  got.provider = "";
  EXPECT_EQ(divergence_signature(LastErrorStep{"alice"}, expectation_of(want), got, StepTrouble::None), "last_error: text differs");
  Result remote;
  remote.remote = R"(\\fs1\docs)";
  EXPECT_EQ(divergence_signature(GetConnectionStep{"alice", "Z:"}, expectation_of(remote), Result{}, StepTrouble::None),
            "get_connection: remote differs");
}

TEST(Signature, ACrashAHangAndARefusalAreTheirOwn) {
  const Step add = AddStep{"alice", "Z:", R"(\\fs1\docs)", ResourceType::Disk, true};
  Result broken;
  broken.unsupported = "the implementation could not be driven: agent exited";
  const Expectation want = expectation_of(Result{});
  EXPECT_EQ(divergence_signature(add, want, broken, StepTrouble::Crash), "add: crash");
  EXPECT_EQ(divergence_signature(add, want, broken, StepTrouble::Hang), "add: hang");
  EXPECT_EQ(divergence_signature(add, want, broken, StepTrouble::Rejected), "add: rejected");
  broken.unsupported = "no print redirections here";
  EXPECT_EQ(divergence_signature(add, want, broken, StepTrouble::None), "add: unsupported");
}

}  // namespace
}  // namespace wnc
