// wnetconf-agent.exe --listen under Wine: the token, one client at a time, a fresh world per
// connection, the paths it refuses, and HKCU\Network kept with --keep-profile.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "agent/child_environment.h"
#include "agent/line_channel.h"
#include "agent/process_sut.h"
#include "agent/tcp_socket.h"
#include "agent/tcp_sut.h"
#include "wine/host_tool.h"
#include "wine/wine_prefix.h"
#include "wine/wine_sut.h"

namespace wnc {
namespace {

using namespace std::chrono_literals;

constexpr const char* kToken = "wine-tcp-test-token";

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The agent listening on 127.0.0.1, in a prefix of its own; killed with its group at the end.
class ListeningAgent {
 public:
  ListeningAgent(const wine::WinePrefix& prefix, const std::string& extra_args) : prefix_(prefix) {
    std::ofstream(prefix_.agent_dir() + "/token.txt") << kToken << "\n";
    log_ = prefix_.agent_dir() + "/agent.err";
    std::filesystem::remove(log_);  // an earlier agent's "listening on" is not this one's
    std::string command = "cd '" + prefix_.agent_dir() + "' && exec wine wnetconf-agent.exe --listen 127.0.0.1:0 " +
                          "--token-file token.txt " + extra_args + " 2>agent.err";
    std::vector<std::string> env = child_environment(prefix_.env());
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    char sh[] = "sh", dash_c[] = "-c";
    char* argv[] = {sh, dash_c, command.data(), nullptr};
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    EXPECT_EQ(posix_spawn(&pid_, "/bin/sh", nullptr, &attr, argv, envp.data()), 0);
    posix_spawnattr_destroy(&attr);
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < deadline) {
      const std::string err = read_file(log_);
      if (auto at = err.find("listening on 127.0.0.1:"); at != std::string::npos && err.find('\n', at) != std::string::npos) {
        port = std::stoi(err.substr(at + std::strlen("listening on 127.0.0.1:")));
        return;
      }
      std::this_thread::sleep_for(50ms);
    }
    ADD_FAILURE() << "the agent did not listen: " << read_file(log_);
  }
  ~ListeningAgent() { stop(); }
  void stop() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string log() const { return read_file(log_); }

  int port = 0;

 private:
  const wine::WinePrefix& prefix_;
  std::string log_;
  pid_t pid_ = -1;
};

class WineTcpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_ = default_wine_sut_options();
    options_.prefix_dir = WINE_TCP_TEST_PREFIX_DIR;
    if (std::string why = wine_sut_unavailable(options_); !why.empty()) {
      const char* ci = std::getenv("CI");
      if (ci && std::strcmp(ci, "true") == 0) FAIL() << "CI=true, and the Wine SUT cannot run: " << why;
      GTEST_SKIP() << why;
    }
    prefix_ = std::make_unique<wine::WinePrefix>(options_.prefix_dir, options_.bin_dir, wine::resolve_wine(options_.wine),
                                                  options_.dll_overrides, options_.prefix_deadline_ms);
  }
  void TearDown() override { prefix_.reset(); }

  wine::ToolRun reg(std::vector<std::string> args) {
    args.insert(args.begin(), {"wine", "reg"});
    return wine::run_tool(args, prefix_->env(), options_.prefix_dir + "/reg.log", 60000);
  }
  bool users_entry_there() {
    wine::ToolRun r = reg({"query", R"(HKCU\Network\Q)", "/v", "RemotePath"});
    return r.status == 0 && r.log.find(R"(\\srv\mine)") != std::string::npos;
  }

  WineSutOptions options_;
  std::unique_ptr<wine::WinePrefix> prefix_;
};

Setup one_logon() {
  Setup setup;
  setup.logons["alice"].user = "alice";
  setup.network.shares = {R"(\\fs1\docs)"};
  return setup;
}

std::string refusal(int port, const std::string& token) {
  try {
    make_tcp_sut("127.0.0.1", port, 20000, token);
  } catch (const SutFailure& f) {
    return f.what();
  }
  return "no SutFailure";
}

TEST_F(WineTcpTest, TokenOneClientFreshWorldAndRefusedPaths) {
  ListeningAgent agent(*prefix_, "");
  ASSERT_GT(agent.port, 0);
  EXPECT_NE(refusal(agent.port, "").find("this agent requires a token"), std::string::npos);
  EXPECT_NE(refusal(agent.port, "not-the-token").find("wrong token in hello"), std::string::npos);

  auto a = make_tcp_sut("127.0.0.1", agent.port, 20000, kToken);
  EXPECT_EQ(a->hello().name, "wnetconf-agent");
  {
    agent::UniqueFd fd = agent::connect_tcp("127.0.0.1", agent.port, 5000);
    agent::LineChannel second(fd.get(), fd.get());
    EXPECT_NE(second.read_line(10000).find("busy: another client is connected"), std::string::npos);
  }
  a->reset(one_logon());
  EXPECT_EQ(a->step(AddStep{"alice", "Y:", R"(\\fs1\docs)", ResourceType::Disk, false}).rc, code::kNoError);
  EXPECT_EQ(a->step(GetConnectionStep{"alice", "Y:"}).rc, code::kNoError);
  for (const char* path : {R"(\\?\unix\tmp\wnetconf-escape.txt)", "C:/x.txt", R"(\\.\PhysicalDrive0)"}) {
    Result r = a->step(OpenStep{"alice", path, "h", HandleKind::File});
    EXPECT_TRUE(r.unsupported.has_value()) << path;
  }
  a->bye();

  // No reset: B does not even have A's logons, and after declaring them Y: is not there.
  auto b = make_tcp_sut("127.0.0.1", agent.port, 20000, kToken);
  try {
    b->step(GetConnectionStep{"alice", "Y:"});
    ADD_FAILURE() << "client B saw client A's logon";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("a logon the reset did not declare"), std::string::npos) << e.what();
  }
  b->bye();
  EXPECT_NE(agent.log().find("refused a client"), std::string::npos) << agent.log();
}

TEST_F(WineTcpTest, KeepProfilePutsTheUsersHkcuNetworkBack) {
  ASSERT_EQ(reg({"add", R"(HKCU\Network\Q)", "/v", "RemotePath", "/t", "REG_SZ", "/d", R"(\\srv\mine)", "/f"}).status, 0);
  ASSERT_TRUE(users_entry_there());
  {  // stdio: the agent restores at the end of its input
    ProcessSutOptions stdio;
    stdio.command = "cd '" + prefix_->agent_dir() + "' && exec wine wnetconf-agent.exe --keep-profile";
    stdio.env = prefix_->env();
    stdio.start_deadline_ms = 60000;
    auto sut = make_process_sut(stdio);
    sut->reset(one_logon());
    EXPECT_EQ(sut->step(ProfileStep{"alice", "Q:"}).rc, code::kFileNotFound);  // a scenario's empty profile
    sut->bye();
  }
  EXPECT_TRUE(users_entry_there()) << "not restored at exit";
  {  // killed: the backup file stays, and the next agent restores from it when it starts
    ListeningAgent killed(*prefix_, "--keep-profile");
    make_tcp_sut("127.0.0.1", killed.port, 20000, kToken)->bye();  // a connection's fresh world empties it
    killed.stop();
  }
  EXPECT_FALSE(users_entry_there());
  ListeningAgent next(*prefix_, "--keep-profile");
  EXPECT_GT(next.port, 0);
  next.stop();
  EXPECT_TRUE(users_entry_there()) << "not restored from the backup a killed agent left";
}

}  // namespace
}  // namespace wnc
