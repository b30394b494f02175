// Fuzzes the client's decoding of agent answers (sut/agent/agent_client.*, sut/protocol/):
// each line of the input is an answer, in order, to hello, reset and then steps, read by the
// real AgentClient from a socket. An answer is a hello, a result, a refusal or a SutFailure;
// nothing else escapes.
#include <fcntl.h>
#include <sys/socket.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "agent/agent_client.h"
#include "agent/unique_fd.h"
#include "fuzz_check.h"

namespace {

using namespace wnc;

// An agent that has already said everything it will say: its answers wait in a socket
// whose far end is shut for writing, so every read ends at once.
class ScriptedLink final : public agent::AgentLink {
 public:
  explicit ScriptedLink(std::string_view answers) {
    int fds[2];
    FUZZ_CHECK(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
    ours_.reset(fds[0]);
    theirs_.reset(fds[1]);
    ::fcntl(theirs_.get(), F_SETFL, O_NONBLOCK);
    // What does not fit the socket's buffer is cut: the client sees the line end early.
    while (!answers.empty()) {
      const ssize_t n = ::write(theirs_.get(), answers.data(), answers.size());
      if (n <= 0) break;
      answers.remove_prefix(static_cast<std::size_t>(n));
    }
    ::shutdown(theirs_.get(), SHUT_WR);
    channel_ = std::make_unique<agent::LineChannel>(ours_.get(), ours_.get());
  }
  agent::LineChannel& channel() override { return *channel_; }
  agent::AgentEnd kill() override { return {"killed", ""}; }
  void close(int) override {}

 private:
  agent::UniqueFd ours_, theirs_;
  std::unique_ptr<agent::LineChannel> channel_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view answers(reinterpret_cast<const char*>(data), size);
  bool connected = false;
  auto connect = [&]() -> std::unique_ptr<agent::AgentLink> {
    if (connected) throw SutFailure("fuzz: the scripted agent is gone");
    connected = true;
    return std::make_unique<ScriptedLink>(answers);
  };
  try {
    agent::AgentClient client("fuzz", connect, {1000, 1000});
    const Hello hello = client.hello();
    FUZZ_CHECK(!hello.raw.is_null());
    try {
      client.reset(Setup{});
    } catch (const std::invalid_argument&) {  // refused: the agent is alive
    }
    for (;;) {
      try {
        client.step(DrivesStep{"alice"});
      } catch (const std::invalid_argument&) {
      }
    }
  } catch (const SutFailure&) {  // every session ends here, when the answers run out
  }
  return 0;
}
