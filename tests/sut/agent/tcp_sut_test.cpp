#include "agent/tcp_sut.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <thread>

#include "agent/agent_server.h"
#include "echo_sut.h"

namespace wnc {
namespace {

using namespace std::chrono_literals;

// A log that hands its first line to another thread: the port serve_agent_tcp bound.
class FirstLine : public std::streambuf {
 public:
  std::string wait() {
    std::unique_lock lock(mutex_);
    EXPECT_TRUE(ready_.wait_for(lock, 5s, [&] { return done_; }));
    return line_;
  }

 private:
  int overflow(int c) override {
    std::lock_guard lock(mutex_);
    if (c == '\n') {
      done_ = true;
      ready_.notify_all();
    } else if (!done_) {
      line_.push_back(static_cast<char>(c));
    }
    return c;
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::string line_;
  bool done_ = false;
};

// Serves `sut` on 127.0.0.1 from a thread of its own.
class Server {
 public:
  explicit Server(Sut& sut) {
    result_ = std::async(std::launch::async, [&] { return serve_agent_tcp(sut, "127.0.0.1", 0, log_); });
    std::string line = first_line_.wait();
    EXPECT_TRUE(line.starts_with("listening on 127.0.0.1:")) << line;
    port = std::stoi(line.substr(line.rfind(':') + 1));
  }
  // A test that failed half-way leaves the server waiting: say bye so that it ends.
  ~Server() {
    if (result_.valid() && result_.wait_for(0s) != std::future_status::ready) try {
        make_tcp_sut("127.0.0.1", port, 1000)->bye();
      } catch (const SutFailure&) {
      }
  }
  int finish() { return result_.wait_for(5s) == std::future_status::ready ? result_.get() : -1; }

  int port = 0;

 private:
  FirstLine first_line_;
  std::ostream log_{&first_line_};
  std::future<int> result_;
};

// io takes longer than the client's deadline in the tests, and says when it is over.
struct SlowIo : test::EchoSut {
  Result step(const Step& step) override {
    if (std::holds_alternative<IoStep>(step)) {
      std::this_thread::sleep_for(400ms);
      io_over.set_value();
    }
    return EchoSut::step(step);
  }
  std::promise<void> io_over;
};

TEST(TcpSut, DrivesAnAgentOverTcp) {
  test::EchoSut served;
  Server server(served);
  auto sut = make_tcp_sut("127.0.0.1", server.port);
  EXPECT_EQ(sut->hello().name, "echo");
  sut->reset(wnc::Setup{});
  EXPECT_EQ(sut->step(AddStep{"alice", "Y:", R"(\\fs2\home)"}).rc, code::kNoError);
  EXPECT_EQ(sut->step(DrivesStep{"alice"}).drives, "CY");
  EXPECT_THROW(sut->step(LogonStep{"n", "nobody", 1, std::nullopt}), std::invalid_argument);
  sut->bye();
  EXPECT_EQ(server.finish(), 0);
  EXPECT_EQ(served.resets, 1);
}

TEST(TcpSut, ASlowAgentFailsAtTheDeadlineAndTheNextCallReconnects) {
  SlowIo served;
  Server server(served);
  auto sut = make_tcp_sut("127.0.0.1", server.port, 200);
  sut->reset(wnc::Setup{});
  try {
    sut->step(IoStep{"h"});
    FAIL() << "no SutFailure";
  } catch (const SutFailure& f) {
    EXPECT_EQ(std::string(f.what()),
              "tcp:127.0.0.1:" + std::to_string(server.port) + ": the agent did not answer step within 200 ms");
  }
  ASSERT_EQ(served.io_over.get_future().wait_for(5s), std::future_status::ready);
  sut->reset(wnc::Setup{});  // a new connection: the server has dropped the old one
  EXPECT_EQ(sut->step(DrivesStep{"alice"}).drives, "C");
  EXPECT_EQ(served.resets, 2);
  sut->bye();
  EXPECT_EQ(server.finish(), 0);
}

TEST(TcpSut, NoAgentListeningIsAFailure) {
  test::EchoSut served;
  Server server(served);
  int port = server.port;
  make_tcp_sut("127.0.0.1", port)->bye();  // the server is gone
  ASSERT_EQ(server.finish(), 0);
  try {
    make_tcp_sut("127.0.0.1", port);
    FAIL() << "no SutFailure";
  } catch (const SutFailure& f) {
    EXPECT_NE(std::string(f.what()).find("Connection refused"), std::string::npos) << f.what();
  }
}

}  // namespace
}  // namespace wnc
