// When a case may go on past a known divergence: only when the step left both worlds as they
// were, the model's judged exactly and the implementation's from its answer.
#include "explore/going_on.h"

#include <gtest/gtest.h>

namespace wnc {
namespace {

Setup one_share() {
  Setup s;
  s.logons["alice"] = {"alice", 1, std::nullopt};
  s.network.shares = {R"(\\fs1\docs)"};
  return s;
}

// Whether the model's world is left as it was by `step` after `before_steps`.
bool model_leaves(const std::vector<Step>& before_steps, const Step& step) {
  model::State s = model::initial_state(one_share());
  for (const Step& b : before_steps) model::apply(s, b);
  const model::State before = s;
  model::apply(s, step);
  return model_leaves_world(before, s);
}

Result answer(Code rc) {
  Result r;
  r.rc = rc;
  return r;
}

const Step kAdd = AddStep{"alice", "Z:", R"(\\fs1\docs)"};
const Step kCancelZ = CancelStep{"alice", "Z:", false, Api::W, false};

TEST(GoingOn, TheModelsWorldIsJudgedExactly) {
  EXPECT_TRUE(model_leaves({}, kCancelZ)) << "a cancel of nothing fails and changes nothing";
  EXPECT_TRUE(model_leaves({kAdd}, GetConnectionStep{"alice", "Z:"}));
  EXPECT_FALSE(model_leaves({}, kAdd)) << "an add makes a connection";
  EXPECT_FALSE(model_leaves({kAdd}, kCancelZ)) << "a cancel that succeeds drops it";
}

TEST(GoingOn, NotWhileAProviderFaultIsArmed) {
  const Step fault = ProviderFaultStep{1208, "down", "wnetconf", 1};
  EXPECT_FALSE(model_leaves({fault}, DrivesStep{"alice"})) << "the implementation might spend the fault here";
}

TEST(GoingOn, TheImplementationsWorldIsJudgedFromItsAnswer) {
  const Step open = OpenStep{"alice", R"(Z:\a.txt)", "h1", HandleKind::File};
  EXPECT_TRUE(leaves_both_worlds(open, true, answer(code::kFileNotFound), StepTrouble::None)) << "it failed the open";
  EXPECT_FALSE(leaves_both_worlds(open, true, answer(code::kNoError), StepTrouble::None)) << "it opened a file";
  EXPECT_TRUE(leaves_both_worlds(GetConnectionStep{"alice", "Z:"}, true, answer(code::kNoError), StepTrouble::None))
      << "a step that only reads";
  EXPECT_FALSE(leaves_both_worlds(open, false, answer(code::kFileNotFound), StepTrouble::None)) << "the model's changed";
  EXPECT_FALSE(leaves_both_worlds(kCancelZ, true, answer(code::kExtendedError), StepTrouble::None))
      << "an extended error the model's world does not have";
  for (StepTrouble t : {StepTrouble::Crash, StepTrouble::Hang, StepTrouble::Rejected})
    EXPECT_FALSE(leaves_both_worlds(DrivesStep{"alice"}, true, answer(code::kNoError), t));
}

}  // namespace
}  // namespace wnc
