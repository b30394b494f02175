#include "agent/process_sut.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <chrono>
#include <filesystem>

#include "fake_agent_options.h"

namespace wnc {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// The agent's pid, which EchoSut tells in last_error.
pid_t agent_pid(Sut& sut) { return std::stoi(*sut.step(LastErrorStep{"alice"}).text); }

bool process_gone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }

SutFailure failure_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const SutFailure& f) {
    return f;
  }
  ADD_FAILURE() << "no SutFailure";
  return SutFailure("none");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ProcessSut, DrivesAnAgentProcess) {
  auto sut = make_process_sut(fake("normal"));
  Hello h = sut->hello();
  EXPECT_EQ(h.name, "echo");
  EXPECT_EQ(h.version, "1.0");
  EXPECT_EQ(h.platform, "test");
  EXPECT_EQ(h.capabilities, (std::set<std::string>{"add", "drives", "get_connection", "last_error"}));
  EXPECT_EQ(h.raw["protocol"], 1);

  sut->reset(one_logon());
  EXPECT_EQ(sut->step(AddStep{"alice", "Z:", R"(\\fs1\docs)"}).rc, code::kNoError);
  EXPECT_EQ(sut->step(AddStep{"alice", "Z:", R"(\\fs1\docs)"}).rc, code::kAlreadyAssigned);
  EXPECT_EQ(sut->step(GetConnectionStep{"alice", "Z:"}).remote, R"(\\fs1\docs)");
  EXPECT_EQ(sut->step(DrivesStep{"alice"}).drives, "CZ");
  EXPECT_EQ(sut->step(OpenStep{"alice", "Z:\\a", "h"}).unsupported, "echo does not do open");
  EXPECT_EQ(sut->step(LastErrorStep{"alice"}).code, 1u);  // one reset so far
}

TEST(ProcessSut, AnErrorAnswerIsInvalidArgumentAndTheAgentLivesOn) {
  auto sut = make_process_sut(fake("normal"));
  sut->reset(one_logon());
  pid_t pid = agent_pid(*sut);
  try {
    sut->step(LogonStep{"n", "nobody", 1, std::nullopt});
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "step: no such user 'nobody'");
  }
  EXPECT_EQ(agent_pid(*sut), pid);
}

TEST(ProcessSut, PassesTheEnvironment) {
  ProcessSutOptions o = fake("normal");
  o.env = {{"WNC_FAKE_TAG", "prefix-1"}};
  auto sut = make_process_sut(o);
  EXPECT_EQ(sut->step(LastErrorStep{"alice"}).provider, "prefix-1");
}

TEST(ProcessSut, ADyingAgentIsAFailureWithItsStderrAndTheNextCallStartsAFreshOne) {
  auto sut = make_process_sut(fake("stderr 2"));
  sut->reset(one_logon());
  pid_t first = agent_pid(*sut);  // step 1
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  EXPECT_TRUE(contains(f.what(), "went away during step (exited with status 3)")) << f.what();
  EXPECT_TRUE(contains(f.what(), "cmd:exec")) << f.what();
  EXPECT_EQ(f.output(), "fake_agent: disk on fire at step 2\n");
  EXPECT_TRUE(process_gone(first));

  sut->reset(one_logon());  // a fresh agent, said hello to again
  pid_t second = agent_pid(*sut);
  EXPECT_NE(second, first);
  EXPECT_EQ(sut->hello().name, "echo");
}

TEST(ProcessSut, AnAbortIsReportedWithItsSignal) {
  auto sut = make_process_sut(fake("crash 1"));
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  EXPECT_TRUE(contains(f.what(), "killed by signal 6")) << f.what();
}

TEST(ProcessSut, AHangingAgentFailsAtTheDeadlineAndIsKilled) {
  auto sut = make_process_sut(fake("hang 2", 300));
  pid_t pid = agent_pid(*sut);  // step 1
  auto start = steady_clock::now();
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  auto took = steady_clock::now() - start;
  EXPECT_TRUE(contains(f.what(), "did not answer step within 300 ms")) << f.what();
  EXPECT_GE(took, milliseconds(290));
  EXPECT_LT(took, milliseconds(2000));
  EXPECT_TRUE(process_gone(pid));
  sut->reset(one_logon());  // a fresh agent answers
  EXPECT_NE(agent_pid(*sut), pid);
}

TEST(ProcessSut, AnAgentThatNeverSaysHelloFailsAtTheStartDeadline) {
  ProcessSutOptions o = fake("hang-hello 0");
  o.start_deadline_ms = 200;
  auto start = steady_clock::now();
  SutFailure f = failure_of([&] { make_process_sut(o); });
  EXPECT_TRUE(contains(f.what(), "did not answer hello within 200 ms")) << f.what();
  EXPECT_LT(steady_clock::now() - start, milliseconds(2000));
}

TEST(ProcessSut, GarbageIsAFailureQuotingTheLine) {
  auto sut = make_process_sut(fake("garbage 1"));
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  EXPECT_TRUE(contains(f.what(), "answered step with garbage at byte 1: not JSON")) << f.what();
  EXPECT_EQ(f.output(), "stdout: this is not json\n");
}

TEST(ProcessSut, AnAnswerOfTheWrongShapeIsAFailure) {
  auto sut = make_process_sut(fake("shape 1"));
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  EXPECT_TRUE(contains(f.what(), "garbage at /rc: expected an integer")) << f.what();
  EXPECT_EQ(f.output(), "stdout: {\"rc\":\"two\"}\n");
}

TEST(ProcessSut, ANumberBeyondADoubleIsAFailureNotACrash) {
  auto sut = make_process_sut(fake("overflow 1"));
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  EXPECT_TRUE(contains(f.what(), "answered step with garbage at byte 10: not JSON")) << f.what();
  EXPECT_EQ(f.output(), "stdout: {\"rc\":1e999}\n");
}

TEST(ProcessSut, AnAnswerNestedBeyondTheLimitIsAFailureNamingIt) {
  auto sut = make_process_sut(fake("deep 1"));
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  EXPECT_TRUE(contains(f.what(), "answered step with garbage at byte 44: nested deeper than the limit of 32 levels"))
      << f.what();
}

TEST(ProcessSut, ANumberBeyondSixtyFourBitsIsAFailureNotACrash) {
  auto sut = make_process_sut(fake("huge 1"));
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  EXPECT_TRUE(contains(f.what(), "garbage at /rc: expected an integer")) << f.what();
}

TEST(ProcessSut, AHelloBeyondADoubleIsAFailureNotACrash) {
  SutFailure f = failure_of([&] { make_process_sut(fake("hostile-hello 0")); });
  EXPECT_TRUE(contains(f.what(), "answered hello with garbage at byte 26: not JSON")) << f.what();
}

TEST(ProcessSut, ACommandThatCannotRunIsAFailureWithTheShellsWords) {
  ProcessSutOptions o;
  o.command = "/nonexistent/wnetconf-agent";
  SutFailure f = failure_of([&] { make_process_sut(o); });
  EXPECT_TRUE(contains(f.what(), "went away during hello (exited with status 127)")) << f.what();
  EXPECT_TRUE(contains(f.output(), "/nonexistent/wnetconf-agent")) << f.output();
}

TEST(ProcessSut, AChattyAgentDoesNotBlockAndKeepsTheTailOfItsStderr) {
  auto sut = make_process_sut(fake("chatty 1048576 stderr 2"));
  sut->reset(one_logon());
  EXPECT_EQ(sut->step(DrivesStep{"alice"}).drives, "C");
  SutFailure f = failure_of([&] { sut->step(DrivesStep{"alice"}); });
  EXPECT_LE(f.output().size(), 64u * 1024 + 100);
  EXPECT_GE(f.output().size(), 64u * 1024);
  EXPECT_TRUE(f.output().starts_with("[")) << f.output().substr(0, 80);
  EXPECT_TRUE(f.output().ends_with("chatter chatter\nfake_agent: disk on fire at step 2\n"));
}

TEST(ProcessSut, FailuresLeaveNoDescriptorsBehind) {
  auto open_fds = [] {
    return std::distance(std::filesystem::directory_iterator("/proc/self/fd"), std::filesystem::directory_iterator());
  };
  auto before = open_fds();
  {
    auto sut = make_process_sut(fake("stderr 1"));
    for (int i = 0; i < 3; ++i) EXPECT_THROW(sut->step(DrivesStep{"alice"}), SutFailure);
    EXPECT_EQ(open_fds(), before);  // no agent running after a failure
  }
  EXPECT_EQ(open_fds(), before);
}

TEST(ProcessSut, ByeEndsTheAgent) {
  auto sut = make_process_sut(fake("normal"));
  pid_t pid = agent_pid(*sut);
  sut->bye();
  EXPECT_TRUE(process_gone(pid));
}

TEST(ProcessSut, DestroyingTheClientEndsTheAgent) {
  auto sut = make_process_sut(fake("normal"));
  pid_t pid = agent_pid(*sut);
  sut.reset();
  EXPECT_TRUE(process_gone(pid));
}

}  // namespace
}  // namespace wnc
