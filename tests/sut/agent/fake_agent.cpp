// An agent process for the client tests: serves EchoSut on stdio, misbehaving on demand.
//   fake_agent [MODE N]...
//   crash N     abort at step N          hang N     sleep forever at step N
//   garbage N   print a non-JSON line    shape N    print {"rc":"two"} at step N
//   stderr N    say something on stderr at step N, then exit 3
//   hang-hello 0   never answer hello    chatty N   write N bytes to stderr first
//   overflow N  print {"rc":1e999}       huge N     print an rc beyond 64 bits at step N
//   hostile-hello 0   answer hello with protocol 1e999
//   deep N      print an answer nested 100 levels deep at step N
//   serial 0    announce no pipelining, and exit 7 when a request comes before the answer
//               to the one before it
#include <poll.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "agent/agent_server.h"
#include "echo_sut.h"

namespace {

class FaultySut : public wnc::test::EchoSut {
 public:
  FaultySut(std::string mode, int at) : mode_(std::move(mode)), at_(at) {}

  wnc::Hello hello() override {
    if (mode_ == "hang-hello") hang();
    if (mode_ == "hostile-hello")
      std::cout << R"({"ok":true,"protocol":1e999,"implementation":{"name":"x","version":"1","platform":"p"},"capabilities":[]})"
                << std::endl;
    return EchoSut::hello();
  }

  wnc::Result step(const wnc::Step& step) override {
    if (mode_ == "serial") expect_nothing_more();
    if (++steps_ == at_) misbehave();
    return EchoSut::step(step);
  }

 private:
  // A client that waits for each answer sends nothing while a step is served.
  static void expect_nothing_more() {
    usleep(5000);
    pollfd in{0, POLLIN, 0};
    if (std::cin.rdbuf()->in_avail() > 0 || poll(&in, 1, 0) > 0) {
      std::cerr << "fake_agent: a request came before the answer to the one before it" << std::endl;
      std::exit(7);
    }
  }

  [[noreturn]] static void hang() {
    for (;;) pause();
  }

  void misbehave() {
    if (mode_ == "crash") std::abort();
    if (mode_ == "hang") hang();
    if (mode_ == "garbage") std::cout << "this is not json" << std::endl;
    if (mode_ == "shape") std::cout << R"({"rc":"two"})" << std::endl;
    if (mode_ == "overflow") std::cout << R"({"rc":1e999})" << std::endl;
    if (mode_ == "deep") std::cout << R"({"rc":0,"x":)" << std::string(100, '[') << std::string(100, ']') << "}" << std::endl;
    if (mode_ == "huge") std::cout << R"({"rc":123456789012345678901234567890})" << std::endl;
    if (mode_ == "stderr") {
      std::cerr << "fake_agent: disk on fire at step " << steps_ << std::endl;
      std::exit(3);
    }
  }

  std::string mode_;
  int at_;
  int steps_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string mode = "normal";
  int at = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string name = argv[i];
    int n = std::atoi(argv[i + 1]);
    if (name == "chatty") {
      for (int written = 0; written < n; written += 16) std::cerr << "chatter chatter\n";
    } else {
      mode = name;
      at = n;
    }
  }
  if (mode == "serial") std::ios::sync_with_stdio(false);  // so that in_avail() sees what cin read ahead
  FaultySut sut(mode, at);
  return wnc::serve_agent(sut, std::cin, std::cout, mode == "serial" ? 1 : wnc::kPipelineWindow);
}
