#include "agent/line_channel.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace wnc::agent {

namespace {

constexpr std::size_t kClip = 4096;

void set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

bool is_socket(int fd) {
  struct stat st {};
  return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

// write() to a pipe whose reader is gone raises SIGPIPE, and there is no flag to stop it.
// Block it in this thread around the write and swallow the one the write raised, so the
// process's own disposition of SIGPIPE is left alone. A caller that blocks SIGPIPE itself
// keeps what it gets.
thread_local int sigpipe_holds = 0;  // SigpipeHolds alive in this thread

sigset_t sigpipe_only() {
  sigset_t pipe_only;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  return pipe_only;
}

// The SIGPIPE pending in this thread, if any, is dropped.
void drop_pending_sigpipe() {
  const sigset_t pipe_only = sigpipe_only();
  const timespec zero{};
  while (sigtimedwait(&pipe_only, nullptr, &zero) < 0 && errno == EINTR) {
  }
}

ssize_t write_without_sigpipe(int fd, const char* data, std::size_t size) {
  if (sigpipe_holds > 0) return ::write(fd, data, size);
  const sigset_t pipe_only = sigpipe_only();
  sigset_t old_mask;
  pthread_sigmask(SIG_BLOCK, &pipe_only, &old_mask);
  if (sigismember(&old_mask, SIGPIPE)) return ::write(fd, data, size);
  // Not blocked until now, so none was pending: one pending after the write is its own.
  ssize_t n = ::write(fd, data, size);
  const int saved = errno;
  if (n < 0 && saved == EPIPE) drop_pending_sigpipe();
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  errno = saved;
  return n;
}

[[noreturn]] void throw_io(const char* doing, int err) {
  if (err == EPIPE || err == ECONNRESET)
    throw ChannelError(ChannelError::Kind::Closed, std::string("the peer closed the connection while ") + doing);
  throw ChannelError(ChannelError::Kind::Io, std::string(doing) + ": " + std::strerror(err));
}

// Waits until `fd` is ready for `events`; throws Timeout past the deadline.
void wait_ready(int fd, short events, const std::optional<std::chrono::steady_clock::time_point>& deadline,
                const std::string& partial) {
  using namespace std::chrono;
  for (;;) {
    int timeout = -1;
    if (deadline) {
      auto left = duration_cast<milliseconds>(*deadline - steady_clock::now()).count();
      timeout = left > 0 ? static_cast<int>(left) + 1 : 0;  // +1: never wake just early
    }
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, timeout);
    if (n > 0) return;  // ready, or hung up: the read or write says which
    if (n < 0 && errno != EINTR) throw_io("waiting", errno);
    if (n == 0 && deadline && steady_clock::now() >= *deadline)
      throw ChannelError(ChannelError::Kind::Timeout, "no answer before the deadline", clip_line(partial));
  }
}

}  // namespace

SigpipeHold::SigpipeHold() : outermost_(sigpipe_holds++ == 0) {
  if (!outermost_) return;
  const sigset_t pipe_only = sigpipe_only();
  pthread_sigmask(SIG_BLOCK, &pipe_only, &before_);
}

SigpipeHold::~SigpipeHold() {
  --sigpipe_holds;
  if (!outermost_) return;
  const int saved = errno;
  if (!sigismember(&before_, SIGPIPE)) drop_pending_sigpipe();  // not blocked before: it is ours
  pthread_sigmask(SIG_SETMASK, &before_, nullptr);
  errno = saved;
}

std::string clip_line(std::string_view line) {
  if (line.size() <= kClip) return std::string(line);
  return std::string(line.substr(0, kClip)) + "... (" + std::to_string(line.size() - kClip) +
         " more bytes)";
}

LineChannel::LineChannel(int read_fd, int write_fd, std::size_t max_line)
    : read_fd_(read_fd), write_fd_(write_fd), write_is_socket_(is_socket(write_fd)), max_line_(max_line) {
  set_nonblocking(read_fd_);
  set_nonblocking(write_fd_);
}

LineChannel::Deadline LineChannel::deadline_in(int timeout_ms) {
  if (timeout_ms < 0) return std::nullopt;
  return std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
}

std::string LineChannel::request(std::string_view line, int timeout_ms) {
  Deadline deadline = deadline_in(timeout_ms);
  std::string framed(line);
  framed += '\n';
  write_all(framed, deadline);
  return read_until_newline(deadline);
}

void LineChannel::write_line(std::string_view line, int timeout_ms) {
  std::string framed(line);
  framed += '\n';
  write_all(framed, deadline_in(timeout_ms));
}

void LineChannel::write_lines(std::string_view framed, int timeout_ms) { write_all(framed, deadline_in(timeout_ms)); }

std::string LineChannel::read_line(int timeout_ms) { return read_until_newline(deadline_in(timeout_ms)); }

ssize_t LineChannel::write_some(std::string_view data) {
  if (write_is_socket_) return ::send(write_fd_, data.data(), data.size(), MSG_NOSIGNAL);
  return write_without_sigpipe(write_fd_, data.data(), data.size());
}

void LineChannel::write_all(std::string_view data, Deadline deadline) {
  while (!data.empty()) {
    ssize_t n = write_some(data);
    if (n > 0) {
      data.remove_prefix(static_cast<std::size_t>(n));
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      wait_ready(write_fd_, POLLOUT, deadline, {});
    } else if (errno != EINTR) {
      throw_io("writing", errno);
    }
  }
}

std::string LineChannel::read_until_newline(Deadline deadline) {
  for (;;) {
    if (std::optional<std::string> line = take_line()) return *line;
    wait_ready(read_fd_, POLLIN, deadline, buffer_);
    read_available();
  }
}

std::optional<std::string> LineChannel::read_line_now() {
  if (std::optional<std::string> line = take_line()) return line;
  read_available();
  return take_line();
}

std::optional<std::string> LineChannel::take_line() {
  if (std::size_t nl = buffer_.find('\n', scanned_); nl != std::string::npos) {
    std::string line = buffer_.substr(0, nl);
    buffer_.erase(0, nl + 1);
    scanned_ = 0;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.size() > max_line_) throw too_long(line);
    return line;
  }
  scanned_ = buffer_.size();
  if (buffer_.size() > max_line_) throw too_long(buffer_);
  return std::nullopt;
}

ChannelError LineChannel::too_long(const std::string& line) const {
  return ChannelError(ChannelError::Kind::TooLong, "a line longer than " + std::to_string(max_line_) + " bytes",
                      clip_line(line));
}

void LineChannel::read_available() {
  char chunk[64 * 1024];
  ssize_t n = ::read(read_fd_, chunk, sizeof chunk);
  if (n > 0) {
    buffer_.append(chunk, static_cast<std::size_t>(n));
  } else if (n == 0) {
    throw ChannelError(ChannelError::Kind::Closed, "the peer closed the connection", clip_line(buffer_));
  } else if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
    throw_io("reading", errno);
  }
}

}  // namespace wnc::agent
