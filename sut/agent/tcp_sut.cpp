#include "agent/tcp_sut.h"

#include <system_error>

#include "agent/agent_client.h"
#include "agent/tcp_socket.h"

namespace wnc {

namespace {

class TcpLink final : public agent::AgentLink {
 public:
  explicit TcpLink(agent::UniqueFd socket) : socket_(std::move(socket)), channel_(socket_.get(), socket_.get()) {}

  agent::LineChannel& channel() override { return channel_; }
  // The agent is not ours to end: dropping the connection is all a client can do.
  agent::AgentEnd kill() override {
    socket_.reset();
    return {};
  }
  void close(int) override { socket_.reset(); }

 private:
  agent::UniqueFd socket_;
  agent::LineChannel channel_;
};

}  // namespace

std::unique_ptr<Sut> make_tcp_sut(const std::string& host, int port, int step_deadline_ms, const std::string& token) {
  std::string label = "tcp:" + agent::tcp_address(host, port);
  auto connect = [=]() -> std::unique_ptr<agent::AgentLink> {
    try {
      return std::make_unique<TcpLink>(agent::connect_tcp(host, port, step_deadline_ms));
    } catch (const std::system_error& e) {
      throw SutFailure(label + ": " + e.what());
    }
  };
  return std::make_unique<agent::AgentClient>(label, connect, agent::Deadlines{step_deadline_ms, step_deadline_ms},
                                             token);
}

}  // namespace wnc
