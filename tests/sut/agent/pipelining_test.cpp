// Pipelining (docs/agent-protocol.md): a batch of steps through an agent that announces a
// window is answered as one step at a time would be, a failure names the step that got no
// answer, a stop drops what was in flight without losing the thread, and an agent that
// announces nothing is sent one request at a time; a case's reset travels with its steps.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "agent/process_sut.h"
#include "fake_agent_options.h"
#include "protocol/hello_json.h"

namespace wnc {
namespace {

const std::string kDocs = R"(\\fs1\docs)";

std::vector<Step> mix() {
  return {AddStep{"alice", "Z:", kDocs},       AddStep{"alice", "Z:", kDocs}, GetConnectionStep{"alice", "Z:"},
          DrivesStep{"alice"},                 LogonStep{"n", "nobody", 1, std::nullopt},
          OpenStep{"alice", "Z:\\a", "h"},     DrivesStep{"alice"}};
}

TEST(Pipelining, TheAgentAnnouncesItsWindow) {
  EXPECT_EQ(make_process_sut(fake("normal"))->hello().pipeline, kPipelineWindow);
  EXPECT_EQ(make_process_sut(fake("serial 0"))->hello().pipeline, 1);
}

// The same answers, rejected and unsupported steps included, as step() one by one.
TEST(Pipelining, ABatchIsAnsweredAsOneStepAtATime) {
  auto one_by_one = make_process_sut(fake("normal"));
  one_by_one->reset(one_logon());
  auto batch = make_process_sut(fake("normal"));
  batch->reset(one_logon());
  const std::vector<StepAnswer> answers = batch->run_steps(mix());
  ASSERT_EQ(answers.size(), mix().size());
  for (size_t i = 0; i < answers.size(); ++i) {
    SCOPED_TRACE("step " + std::to_string(i + 1));
    try {
      const Result want = one_by_one->step(mix()[i]);
      ASSERT_TRUE(answers[i].result);
      EXPECT_EQ(*answers[i].result, want);
    } catch (const std::invalid_argument& e) {
      EXPECT_FALSE(answers[i].result);
      EXPECT_EQ(answers[i].rejected, e.what());
    }
  }
  EXPECT_EQ(answers[4].rejected, "step: no such user 'nobody'");
}

// More requests than fit a pipe, so the window and the byte bound are what keep both sides moving.
TEST(Pipelining, AThousandStepsGoThrough) {
  auto sut = make_process_sut(fake("normal"));
  sut->reset(one_logon());
  std::vector<Step> steps(1000, GetConnectionStep{"alice", std::string(3000, 'x')});
  const std::vector<StepAnswer> answers = sut->run_steps(steps);
  ASSERT_EQ(answers.size(), steps.size());
  for (const auto& a : answers) EXPECT_TRUE(a.result && !a.failure);
}

TEST(Pipelining, ACrashFailsTheFirstStepWithoutAnAnswer) {
  auto sut = make_process_sut(fake("crash 3"));
  sut->reset(one_logon());
  const std::vector<StepAnswer> answers = sut->run_steps(mix());
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_TRUE(answers[0].result && answers[1].result);
  ASSERT_TRUE(answers[2].failure);
  EXPECT_NE(std::string(answers[2].failure->what()).find("went away during step"), std::string::npos)
      << answers[2].failure->what();
  EXPECT_EQ(sut->hello().name, "echo");  // a fresh agent
}

// The agent dies at step 3 while the client is still deciding step 6: the write of step 6
// fails, and the answers to steps 1 and 2 are still read before step 3 is failed.
TEST(Pipelining, AWriteToADeadAgentStillReadsWhatItAnswered) {
  auto sut = make_process_sut(fake("crash 3"));
  std::vector<Step> steps = mix();
  steps.push_back(DrivesStep{"alice"});
  size_t asked = 0;
  const StepSource slow_at_6 = [&]() -> const Step* {
    if (asked == 5) std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return asked < steps.size() ? &steps[asked++] : nullptr;
  };
  const std::vector<StepAnswer> answers = sut->run_case(one_logon(), slow_at_6, {});
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_TRUE(answers[0].result && answers[1].result);
  ASSERT_TRUE(answers[2].failure);
  EXPECT_NE(std::string(answers[2].failure->what()).find("went away during step"), std::string::npos)
      << answers[2].failure->what();
}

TEST(Pipelining, AHangFailsItsStepAtTheStepDeadline) {
  auto sut = make_process_sut(fake("hang 2", 300));
  sut->reset(one_logon());
  const std::vector<StepAnswer> answers = sut->run_steps(mix());
  ASSERT_EQ(answers.size(), 2u);
  ASSERT_TRUE(answers[1].failure);
  EXPECT_EQ(answers[1].failure->kind(), SutFailure::Kind::Hung);
}

// The answers still in flight at a stop are read and dropped: the next step gets its own.
TEST(Pipelining, AStopDropsTheAnswersInFlight) {
  auto sut = make_process_sut(fake("normal"));
  sut->reset(one_logon());
  int seen = 0;
  const std::vector<StepAnswer> answers = sut->run_steps(mix(), [&](const StepAnswer&) { return ++seen < 1; });
  EXPECT_EQ(answers.size(), 1u);
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(sut->step(GetConnectionStep{"alice", "Z:"}).remote, kDocs);
}

// Sut::run_case sends the reset in the steps' batch: each case starts from a fresh world.
TEST(Pipelining, AResetGoesAheadOfTheCaseSteps) {
  auto sut = make_process_sut(fake("normal"));
  for (int round = 1; round <= 2; ++round) {
    SCOPED_TRACE("case " + std::to_string(round));
    const std::vector<StepAnswer> answers = sut->run_case(one_logon(), mix());
    ASSERT_EQ(answers.size(), mix().size());
    ASSERT_TRUE(answers[0].result && answers[1].result);
    EXPECT_EQ(answers[0].result->rc, code::kNoError);
    EXPECT_EQ(answers[1].result->rc, code::kAlreadyAssigned);
  }
}

// A refused reset throws as reset() does, after the answers of the steps behind it are read
// and dropped: the next request gets its own answer.
TEST(Pipelining, ARefusedResetDropsTheStepsBehindIt) {
  auto sut = make_process_sut(fake("normal"));
  wnc::Setup refused = one_logon();
  refused.logons["refused"] = LogonDecl{"alice", 1, std::nullopt};
  try {
    sut->run_case(refused, mix());
    FAIL() << "the reset was refused";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("echo refuses a logon named 'refused'"), std::string::npos) << e.what();
  }
  EXPECT_EQ(sut->step(GetConnectionStep{"alice", "Y:"}).rc, code::kNotConnected);
  const std::vector<StepAnswer> answers = sut->run_case(one_logon(), mix());
  ASSERT_EQ(answers.size(), mix().size());
  EXPECT_EQ(answers[0].result->rc, code::kNoError);
}

// Steps are asked for as they can be sent: none after a stop when they go one at a time.
TEST(Pipelining, AStopAsksForNoFurtherStep) {
  auto sut = make_process_sut(fake("serial 0"));
  const std::vector<Step> steps = mix();
  size_t asked = 0;
  const StepSource next = [&]() -> const Step* { return asked < steps.size() ? &steps[asked++] : nullptr; };
  const std::vector<StepAnswer> answers = sut->run_case(one_logon(), next, [](const StepAnswer&) { return false; });
  EXPECT_EQ(answers.size(), 1u);
  EXPECT_EQ(asked, 1u);
}

// When deciding a step throws (the explorer's model broke an invariant), the answers already in
// flight must not reach the next request: the next case gets its own.
TEST(Pipelining, ASourceThatThrowsLeavesNoAnswerBehind) {
  auto sut = make_process_sut(fake("normal"));
  const std::vector<Step> steps = mix();
  size_t asked = 0;
  const StepSource throws_at_3 = [&]() -> const Step* {
    if (asked == 2) throw std::logic_error("the model broke an invariant");
    return &steps[asked++];
  };
  EXPECT_THROW(sut->run_case(one_logon(), throws_at_3, {}), std::logic_error);
  const std::vector<StepAnswer> answers = sut->run_case(one_logon(), {GetConnectionStep{"alice", "Z:"}});
  ASSERT_EQ(answers.size(), 1u);
  ASSERT_TRUE(answers[0].result);
  EXPECT_EQ(answers[0].result->rc, code::kNotConnected);
}

// fake_agent serial exits 7 when a request arrives while it serves the one before.
TEST(Pipelining, AnAgentThatAnnouncesNoWindowGetsOneRequestAtATime) {
  auto sut = make_process_sut(fake("serial 0"));
  sut->reset(one_logon());
  const std::vector<StepAnswer> answers = sut->run_steps(mix());
  ASSERT_EQ(answers.size(), mix().size());
  for (const auto& a : answers) EXPECT_FALSE(a.failure) << a.failure->what() << a.failure->output();
}

}  // namespace
}  // namespace wnc
