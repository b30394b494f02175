#include "agent/process_sut.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <system_error>
#include <thread>

#include "agent/agent_client.h"
#include "agent/child_environment.h"
#include "agent/output_tail.h"
#include "agent/process_groups.h"

namespace wnc {

namespace {

using agent::UniqueFd;

constexpr std::size_t kStderrTail = 64 * 1024;
constexpr int kReapMs = 5000;  // for a SIGKILLed agent to be gone

[[noreturn]] void fail(int err, const char* what) { throw std::system_error(err, std::generic_category(), what); }

struct Pipe {
  UniqueFd read, write;
};

// Our ends stay clear of 0-2: the child dup2s onto those, and a clash would clobber one.
UniqueFd above_stdio(UniqueFd fd) {
  if (fd.get() > 2) return fd;
  UniqueFd moved(fcntl(fd.get(), F_DUPFD_CLOEXEC, 3));
  if (!moved) fail(errno, "fcntl");
  return moved;
}

Pipe make_pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) fail(errno, "pipe2");
  return {above_stdio(UniqueFd(fds[0])), above_stdio(UniqueFd(fds[1]))};
}


std::string describe(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return "killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
  return {};
}

// Waits up to timeout_ms for `pid` to exit without reaping it: until reaped, its pid (the
// id of its process group) cannot be reused, so killing the group stays safe.
void wait_exit(pid_t pid, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    siginfo_t info{};
    int rc = waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    if ((rc == 0 && info.si_pid == pid) || (rc < 0 && errno != EINTR)) return;
    if (std::chrono::steady_clock::now() >= deadline) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

class SpawnSetup {
 public:
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
};

// An agent process: its own process group (so its children go with it), stdin and
// stdout as the channel, stderr kept as a tail for failure reports.
class ProcessLink final : public agent::AgentLink {
 public:
  explicit ProcessLink(const ProcessSutOptions& options) : debug_trace_(options.debug_trace) {
    Pipe in = make_pipe(), out = make_pipe(), err = make_pipe();
    stderr_ = std::make_unique<agent::OutputTail>(std::move(err.read), kStderrTail);

    SpawnSetup spawn;
    posix_spawn_file_actions_adddup2(&spawn.actions, in.read.get(), 0);
    posix_spawn_file_actions_adddup2(&spawn.actions, out.write.get(), 1);
    posix_spawn_file_actions_adddup2(&spawn.actions, err.write.get(), 2);
    sigset_t none, pipe_only;
    sigemptyset(&none);
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    posix_spawnattr_setflags(&spawn.attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&spawn.attr, 0);
    posix_spawnattr_setsigmask(&spawn.attr, &none);
    // A harness that ignores SIGPIPE must not hand that on: an agent whose client is gone should die.
    posix_spawnattr_setsigdefault(&spawn.attr, &pipe_only);

    std::vector<std::string> env = child_environment(options.env);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string command = options.command;
    char sh[] = "sh", dash_c[] = "-c";
    char* argv[] = {sh, dash_c, command.data(), nullptr};
    if (int rc = posix_spawn(&pid_, "/bin/sh", &spawn.actions, &spawn.attr, argv, envp.data()); rc != 0)
      fail(rc, "posix_spawn /bin/sh");
    if (!track_agent_group(pid_)) {
      end(0);
      throw std::system_error(EAGAIN, std::generic_category(),
                              "more than " + std::to_string(kMaxAgentGroups) + " agents at once");
    }

    to_agent_ = std::move(in.write);
    from_agent_ = std::move(out.read);
    channel_ = std::make_unique<agent::LineChannel>(from_agent_.get(), to_agent_.get());
  }

  ~ProcessLink() override { end(0); }

  agent::LineChannel& channel() override { return *channel_; }

  agent::AgentEnd kill() override {
    std::string status = end(0);
    return {status, stderr_->finish()};
  }

  void close(int grace_ms) override { end(grace_ms); }

  std::string take_trace() override { return debug_trace_ ? stderr_->take() : std::string(); }
  bool keeps_trace() const override { return debug_trace_; }

 private:
  // Closes the agent's stdin, which ends a serving agent, and gives it grace_ms to go;
  // then kills the group, reaps the agent and says how it ended.
  std::string end(int grace_ms) {
    if (pid_ <= 0) return {};
    to_agent_.reset();
    if (grace_ms > 0) wait_exit(pid_, grace_ms);
    ::kill(-pid_, SIGKILL);
    wait_exit(pid_, kReapMs);
    untrack_agent_group(pid_);
    int status = 0;
    std::string how = waitpid(pid_, &status, WNOHANG) == pid_ ? describe(status) : std::string();
    pid_ = -1;
    return how;
  }

  bool debug_trace_;
  pid_t pid_ = -1;
  UniqueFd to_agent_;
  UniqueFd from_agent_;
  std::unique_ptr<agent::OutputTail> stderr_;
  std::unique_ptr<agent::LineChannel> channel_;
};

}  // namespace

std::unique_ptr<Sut> make_process_sut(const ProcessSutOptions& options) {
  std::string label = "cmd:" + options.command;
  auto connect = [options, label]() -> std::unique_ptr<agent::AgentLink> {
    try {
      return std::make_unique<ProcessLink>(options);
    } catch (const std::system_error& e) {
      throw SutFailure(label + ": cannot start the agent: " + e.what());
    }
  };
  return std::make_unique<agent::AgentClient>(
      label, connect, agent::Deadlines{options.start_deadline_ms, options.step_deadline_ms}, std::string(),
      options.max_pipeline);
}

}  // namespace wnc
