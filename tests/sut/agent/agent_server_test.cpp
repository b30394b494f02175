#include "agent/agent_server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "echo_sut.h"
#include "protocol/protocol_limits.h"

namespace wnc {
namespace {

using nlohmann::json;

struct Served {
  int rc;
  std::vector<json> answers;
};

Served serve(Sut& sut, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out;
  Served s{serve_agent(sut, in, out), {}};
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) s.answers.push_back(json::parse(line));
  return s;
}

TEST(AgentServer, AnswersHelloResetStepAndBye) {
  test::EchoSut sut;
  Served s = serve(sut,
                   R"({"op":"hello","protocol":1})" "\n"
                   R"({"op":"reset","profile":"nt-linked","logons":{"alice":{"user":"alice","session":2}}})" "\n"
                   R"({"op":"step","step":{"add":{"as":"alice","local":"Z:","remote":"\\\\fs1\\docs"}}})" "\n"
                   R"({"op":"step","step":{"get_connection":{"as":"alice","local":"Z:"}}})" "\n"
                   R"({"op":"step","step":{"drives":{"as":"alice"}}})" "\n"
                   R"({"op":"step","step":{"open":{"as":"alice","path":"Z:\\a","handle":"h"}}})" "\n"
                   R"({"op":"bye"})" "\n"
                   R"({"op":"hello","protocol":1})" "\n");
  EXPECT_EQ(s.rc, 0);
  ASSERT_EQ(s.answers.size(), 7u);  // nothing after bye
  EXPECT_EQ(s.answers[0], json::parse(R"({"ok":true,"protocol":1,"pipeline":64,
      "implementation":{"name":"echo","version":"1.0","platform":"test"},
      "capabilities":["add","drives","get_connection","last_error"]})"));
  EXPECT_EQ(s.answers[1], json({{"ok", true}}));
  EXPECT_EQ(sut.last_setup.profile, BehaviourProfile::NtLinked);
  EXPECT_EQ(sut.last_setup.logons.at("alice").session, 2);
  EXPECT_EQ(s.answers[2], json({{"rc", 0}}));
  EXPECT_EQ(s.answers[3], json({{"rc", 0}, {"remote", R"(\\fs1\docs)"}}));
  EXPECT_EQ(s.answers[4], json({{"rc", 0}, {"drives", "CZ"}}));
  EXPECT_EQ(s.answers[5], json({{"unsupported", "echo does not do open"}}));
  EXPECT_EQ(s.answers[6], json({{"ok", true}}));
}

// A stream that counts its flushes: the writes a file's would make.
class CountingBuf : public std::stringbuf {
 public:
  int flushes = 0;

 protected:
  int sync() override {
    ++flushes;
    return std::stringbuf::sync();
  }
};

// Each answer is written before the next request is served, even when that request has
// already arrived: an answer held back would be lost if the next step crashed the agent, and
// the client would blame a step that had been answered.
TEST(AgentServer, WritesEachAnswerBeforeServingTheNextRequest) {
  struct Recording : test::EchoSut {
    const CountingBuf* out = nullptr;
    std::vector<int> flushes_before_step;
    Result step(const Step& s) override {
      flushes_before_step.push_back(out->flushes);
      return EchoSut::step(s);
    }
  };
  Recording sut;
  CountingBuf buf;
  sut.out = &buf;
  std::istringstream in(R"({"op":"hello","protocol":1})" "\n"
                        R"({"op":"reset","logons":{"alice":{"user":"alice"}}})" "\n"
                        R"({"op":"step","step":{"drives":{"as":"alice"}}})" "\n"
                        R"({"op":"step","step":{"drives":{"as":"alice"}}})" "\n");
  std::ostream out(&buf);
  EXPECT_EQ(serve_agent(sut, in, out), 0);
  EXPECT_EQ(sut.flushes_before_step, (std::vector<int>{2, 3}));
  const std::string written = buf.str();
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 4);
}

TEST(AgentServer, HelloRelaysARawAnswer) {
  struct Relayed : test::EchoSut {
    Hello hello() override {
      Hello h = EchoSut::hello();
      h.raw = {{"ok", true}, {"protocol", 1}, {"implementation", {{"name", "wine"}}}, {"extra", 7}};
      return h;
    }
  } sut;
  Served s = serve(sut, R"({"op":"hello","protocol":1})" "\n");
  ASSERT_EQ(s.answers.size(), 1u);
  EXPECT_EQ(s.answers[0]["extra"], 7);
  EXPECT_EQ(s.answers[0]["implementation"]["name"], "wine");
}

// Each limit of protocol_limits.h is named in the error, and serving goes on (a line longer
// than a request may be ends serving: ARequestLongerThanTheLimitEndsServingWithAnError).
TEST(AgentServer, RefusesRequestsBeyondTheLimitsNamingThem) {
  const std::string deep = std::string(40, '[') + std::string(40, ']');
  std::string many = "[0";
  for (int i = 0; i < 500000; ++i) many += ",0";
  many += "]";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {deep, "refused at byte 33: nested deeper than the limit of 32 levels"},
      {R"({"op":"hello","protocol":")" + std::string(70000, 'a') + R"("})",
       "refused at byte 70027: a string longer than the limit of 65536 bytes"},
      {many, "more values than the limit of 500000"},
  };
  std::string input;
  for (const auto& [request, _] : cases) input += request + "\n";
  input += R"({"op":"step","step":{"drives":{"as":"a"}}})" "\n";

  test::EchoSut sut;
  Served s = serve(sut, input);
  ASSERT_EQ(s.answers.size(), cases.size() + 1);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_NE(s.answers[i].value("error", "").find(cases[i].second), std::string::npos) << s.answers[i];
  }
  EXPECT_EQ(s.answers.back(), json({{"rc", 0}, {"drives", "C"}}));
}

TEST(AgentServer, AnswersEveryMalformedRequestWithAnErrorAndKeepsServing) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"this is not json", "not JSON"},
      {"", "not JSON"},
      {"[1,2]", "JSON object"},
      {R"({"op":"hello","protocol":1e999})", "not JSON: [json.exception.out_of_range.406] number overflow"},
      {R"({"op":"step","step":{"drives":{"as":"a"}},"x":-1e400})", "not JSON: [json.exception.out_of_range.406]"},
      {R"({"op":"hello","protocol":18446744073709551617})", "bad hello request at /protocol"},
      {R"({"op":"reset","logons":{"a":{"user":"a","session":1e300}}})", "/logons/a/session: expected an integer"},
      {R"({"op":"reset","logons":{"a":{"user":"a","session":99999999999999999999}}})", "/logons/a/session"},
      {R"({"op":"step","step":{"fault":{"provider":{"code":-1,"name":"n"}}}})", "bad step request at /step/fault"},
      {R"({"step":{}})", "missing 'op'"},
      {R"({"op":"dance"})", "unknown op 'dance'"},
      {R"({"op":"hello"})", "missing required key 'protocol'"},
      {R"({"op":"hello","protocol":2})", "bad hello request at /protocol"},
      {R"({"op":"reset","profile":"xp"})", "bad reset request at /profile"},
      {R"({"op":"reset","logons":{"a":{"user":"a","sesion":2}}})", "/logons/a/sesion"},
      {R"({"op":"step"})", "bad step request at /: missing required key 'step'"},
      {R"({"op":"step","step":{"juggle":{"as":"a"}}})", "bad step request at /step/juggle: unknown step 'juggle'"},
      {R"({"op":"step","step":{"cancel":{"as":"a","name":"Z:","force":"yes"}}})",
       "bad step request at /step/cancel/force: expected true or false"},
      {R"({"op":"step","step":{"drives":{}}})", "/step/drives: missing required key 'as'"},
      {R"({"op":"step","step":{"drives":{"as":"a"}},"extra":1})", "unknown key 'extra'"},
      {R"({"op":"step","step":{"logon":{"name":"n","user":"nobody"}}})", "step: no such user 'nobody'"},
  };
  std::string input;
  for (const auto& [request, _] : cases) input += request + "\n";
  input += R"({"op":"step","step":{"drives":{"as":"a"}}})" "\n";

  test::EchoSut sut;
  Served s = serve(sut, input);
  EXPECT_EQ(s.rc, 0);
  ASSERT_EQ(s.answers.size(), cases.size() + 1);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(cases[i].first);
    ASSERT_TRUE(s.answers[i].contains("error")) << s.answers[i];
    EXPECT_EQ(s.answers[i].size(), 1u);
    EXPECT_NE(s.answers[i]["error"].get<std::string>().find(cases[i].second), std::string::npos)
        << s.answers[i]["error"];
  }
  EXPECT_EQ(s.answers.back(), json({{"rc", 0}, {"drives", "C"}}));
}

TEST(AgentServer, EndOfInputEndsServing) {
  test::EchoSut sut;
  Served s = serve(sut, R"({"op":"reset"})" "\n" R"({"op":"reset"})");  // no final newline
  EXPECT_EQ(s.rc, 0);
  EXPECT_EQ(s.answers.size(), 2u);
  EXPECT_EQ(sut.resets, 2);
}

TEST(AgentServer, ARequestLongerThanTheLimitEndsServingWithAnError) {
  test::EchoSut sut;
  Served s = serve(sut, R"({"op":"reset"})" "\n" + std::string(kMaxRequestLine + 1, ' ') + "\n" R"({"op":"reset"})" "\n");
  EXPECT_EQ(s.rc, 1);
  ASSERT_EQ(s.answers.size(), 2u);
  EXPECT_EQ(s.answers[1], json({{"error", "a request longer than 1048576 bytes (the limit of a request line)"}}));
  EXPECT_EQ(sut.resets, 1);
}

TEST(AgentServer, ARequestOfExactlyTheLimitIsServed) {
  test::EchoSut sut;
  std::string request = R"({"op":"reset"})";
  request += std::string(kMaxRequestLine - request.size(), ' ');
  Served s = serve(sut, request + "\n");
  EXPECT_EQ(s.rc, 0);
  EXPECT_EQ(s.answers, std::vector<json>{json({{"ok", true}})});
}

}  // namespace
}  // namespace wnc
