#include "agent/tcp_sut.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <thread>

#include <unistd.h>

#include "agent/agent_server.h"
#include "agent/line_channel.h"
#include "agent/tcp_socket.h"
#include "echo_sut.h"
#include "vocabulary/input_error.h"

namespace wnc {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

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

// Hands every connection the same implementation, so that a test can watch it.
class Forward final : public Sut {
 public:
  explicit Forward(Sut& to) : to_(to) {}
  Hello hello() override { return to_.hello(); }
  void reset(const Setup& setup) override { to_.reset(setup); }
  Result step(const Step& step) override { return to_.step(step); }
  void bye() override {}

 private:
  Sut& to_;
};

// Serves on 127.0.0.1 from a thread of its own, until destroyed.
class Server {
 public:
  explicit Server(Sut& sut, TcpServeOptions options = {})
      : Server([&sut] { return std::make_unique<Forward>(sut); }, std::move(options)) {}
  Server(MakeSut make, TcpServeOptions options) : make_(std::move(make)) {
    EXPECT_EQ(pipe(stop_), 0);
    if (options.host.empty()) options.host = "127.0.0.1";
    options.stop_fd = stop_[0];
    options_ = std::move(options);
    result_ = std::async(std::launch::async, [this] { return serve_agent_tcp(make_, options_, log_); });
    std::string line = first_line_.wait();
    EXPECT_TRUE(line.starts_with("listening on 127.0.0.1:")) << line;
    port = std::stoi(line.substr(line.rfind(':') + 1));
  }
  ~Server() { EXPECT_EQ(stop(), 0); }
  int stop() {
    if (!result_.valid()) return 0;
    EXPECT_EQ(write(stop_[1], "x", 1), 1);
    int rc = result_.wait_for(5s) == std::future_status::ready ? result_.get() : -1;
    close(stop_[0]);
    close(stop_[1]);
    return rc;
  }

  int port = 0;

 private:
  MakeSut make_;
  TcpServeOptions options_;
  int stop_[2] = {-1, -1};
  FirstLine first_line_;
  std::ostream log_{&first_line_};
  std::future<int> result_;
};

// A bare connection, to see exactly what the server writes.
struct RawClient {
  explicit RawClient(int port) : fd(agent::connect_tcp("127.0.0.1", port, 2000)), channel(fd.get(), fd.get()) {}
  json ask(const std::string& line) { return json::parse(channel.request(line, 2000)); }
  json read() { return json::parse(channel.read_line(3000)); }
  // The server closed the connection.
  bool closed() {
    try {
      channel.read_line(3000);
      return false;
    } catch (const agent::ChannelError& e) {
      return e.kind() == agent::ChannelError::Kind::Closed;
    }
  }
  agent::UniqueFd fd;
  agent::LineChannel channel;
};

TcpServeOptions with_token(std::string token) {
  TcpServeOptions o;
  o.token = std::move(token);
  return o;
}
TcpServeOptions with_idle_ms(int idle_ms) {
  TcpServeOptions o;
  o.idle_ms = idle_ms;
  return o;
}
TcpServeOptions on_host(std::string host) {
  TcpServeOptions o;
  o.host = std::move(host);
  return o;
}

std::string error_of(const json& answer) {
  EXPECT_TRUE(answer.contains("error")) << answer;
  return answer.value("error", "");
}

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
}

TEST(TcpSut, NoAgentListeningIsAFailure) {
  test::EchoSut served;
  auto server = std::make_unique<Server>(served);
  int port = server->port;
  server.reset();  // the server is gone
  try {
    make_tcp_sut("127.0.0.1", port);
    FAIL() << "no SutFailure";
  } catch (const SutFailure& f) {
    EXPECT_NE(std::string(f.what()).find("Connection refused"), std::string::npos) << f.what();
  }
}

TEST(TcpAgent, ByeEndsTheConnectionNotTheServer) {
  test::EchoSut served;
  Server server(served);
  make_tcp_sut("127.0.0.1", server.port)->bye();
  auto again = make_tcp_sut("127.0.0.1", server.port);
  EXPECT_EQ(again->hello().name, "echo");
  again->bye();
  EXPECT_EQ(server.stop(), 0);
}

TEST(TcpAgent, EachConnectionStartsFromAFreshWorld) {
  Server server([] { return std::make_unique<test::EchoSut>(); }, {});
  auto a = make_tcp_sut("127.0.0.1", server.port);
  EXPECT_EQ(a->step(AddStep{"alice", "Y:", R"(\\fs2\home)"}).rc, code::kNoError);
  EXPECT_EQ(a->step(DrivesStep{"alice"}).drives, "CY");
  a->bye();
  auto b = make_tcp_sut("127.0.0.1", server.port);  // no reset: B must still not see Y:
  EXPECT_EQ(b->step(DrivesStep{"alice"}).drives, "C");
  b->bye();
}

TEST(TcpAgent, AClientWithoutTheTokenGetsOneErrorLineAndIsClosed) {
  test::EchoSut served;
  Server server(served, with_token("s3cret-token"));
  struct Case {
    std::string request, says;
  };
  for (const Case& c : {Case{R"({"op":"hello","protocol":1})", "requires a token"},
                        Case{R"({"op":"hello","protocol":1,"token":"s3cret-tokeN"})", "wrong token"},
                        Case{R"({"op":"hello","protocol":1,"token":"s3cret"})", "wrong token"},
                        Case{R"({"op":"hello","protocol":1,"token":7})", "requires a token"},
                        Case{R"({"op":"reset"})", "requires a token"},
                        Case{"not json", "requires a token"}}) {
    SCOPED_TRACE(c.request);
    RawClient client(server.port);
    EXPECT_NE(error_of(client.ask(c.request)).find(c.says), std::string::npos);
    EXPECT_TRUE(client.closed());
  }
  EXPECT_EQ(served.resets, 0);
  try {
    make_tcp_sut("127.0.0.1", server.port);
    FAIL() << "no SutFailure";
  } catch (const SutFailure& f) {
    EXPECT_NE(std::string(f.what()).find("the agent refused hello: this agent requires a token"), std::string::npos)
        << f.what();
  }
  auto sut = make_tcp_sut("127.0.0.1", server.port, 2000, "s3cret-token");
  sut->reset(wnc::Setup{});
  EXPECT_EQ(sut->step(DrivesStep{"alice"}).drives, "C");
  sut->bye();
  EXPECT_EQ(served.resets, 1);
}

TEST(TcpAgent, ASecondClientIsToldTheAgentIsBusy) {
  test::EchoSut served;
  Server server(served);
  auto first = make_tcp_sut("127.0.0.1", server.port);  // connected, then silent
  RawClient second(server.port);
  EXPECT_NE(error_of(second.read()).find("busy: another client is connected"), std::string::npos);
  EXPECT_TRUE(second.closed());
  EXPECT_EQ(first->step(DrivesStep{"alice"}).drives, "C");  // the first is still served
  first->bye();
}

TEST(TcpAgent, AnIdleClientIsDisconnectedAndTheNextIsServed) {
  test::EchoSut served;
  Server server(served, with_idle_ms(200));
  RawClient idle(server.port);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NE(error_of(idle.read()).find("no request within 200 ms"), std::string::npos);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 190ms);
  EXPECT_TRUE(idle.closed());
  auto next = make_tcp_sut("127.0.0.1", server.port);
  EXPECT_EQ(next->hello().name, "echo");
  next->bye();
}

TEST(TcpAgent, ARequestLongerThanTheLimitIsRefused) {
  test::EchoSut served;
  Server server(served);
  RawClient client(server.port);
  std::string huge(kMaxRequestLine + 100, 'x');
  client.channel.write_line(huge, 5000);
  EXPECT_NE(error_of(client.read()).find("a request longer than 1048576 bytes"), std::string::npos);
  EXPECT_TRUE(client.closed());
}

TEST(TcpAgent, ANonLoopbackAddressNeedsAToken) {
  test::EchoSut served;
  std::ostringstream log;
  EXPECT_THROW(serve_agent_tcp([&] { return std::make_unique<Forward>(served); }, on_host("0.0.0.0"), log),
               InputError);
  EXPECT_THROW(serve_agent_tcp([&] { return std::make_unique<Forward>(served); }, on_host("::"), log), InputError);
  EXPECT_EQ(log.str(), "");  // refused before listening
  EXPECT_TRUE(agent::is_loopback("127.0.0.1"));
  EXPECT_TRUE(agent::is_loopback("127.3.4.5"));
  EXPECT_TRUE(agent::is_loopback("::1"));
  EXPECT_FALSE(agent::is_loopback("0.0.0.0"));
  EXPECT_FALSE(agent::is_loopback("10.1.2.3"));
}

}  // namespace
}  // namespace wnc
