// Newline-framed text over a pair of file descriptors (two pipes, or one socket for both):
// the framing every agent transport shares. Every wait is bounded by a deadline, and a
// peer that went away is an error, never a SIGPIPE.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "protocol/protocol_limits.h"

namespace wnc::agent {

class ChannelError : public std::runtime_error {
 public:
  enum class Kind { Closed, Timeout, TooLong, Io };
  ChannelError(Kind kind, const std::string& what, std::string partial = {})
      : std::runtime_error(what), kind_(kind), partial_(std::move(partial)) {}
  Kind kind() const { return kind_; }
  // What had arrived of an unfinished line, clipped for a report.
  const std::string& partial() const { return partial_; }

 private:
  Kind kind_;
  std::string partial_;
};

// A line quoted in a report: at most a few KiB of it.
std::string clip_line(std::string_view line);

// While one lives, SIGPIPE is blocked in this thread, so that writes to a pipe make no
// signal-mask calls of their own (a pipelined case writes several times). The outermost one
// restores the mask and drops a SIGPIPE the writes raised, as each write does alone.
class SigpipeHold {
 public:
  SigpipeHold();
  ~SigpipeHold();
  SigpipeHold(const SigpipeHold&) = delete;
  SigpipeHold& operator=(const SigpipeHold&) = delete;

 private:
  sigset_t before_;
  bool outermost_;
};

class LineChannel {
 public:
  static constexpr int kForever = -1;
  static constexpr std::size_t kMaxLine = protocol_limits::kMaxLineBytes;

  // Borrows the descriptors and makes them non-blocking. A line longer than max_line is
  // an error (TooLong).
  LineChannel(int read_fd, int write_fd, std::size_t max_line = kMaxLine);

  // Writes `line` and a newline, then reads the answering line; one deadline for both.
  std::string request(std::string_view line, int timeout_ms);
  void write_line(std::string_view line, int timeout_ms);
  // Writes lines already framed, each ending in a newline, in as few writes as it can.
  void write_lines(std::string_view framed, int timeout_ms);
  // The next line, without its newline (nor a CR before it).
  std::string read_line(int timeout_ms);
  // Never waits: a line already received, or one completed by what has arrived since;
  // nullopt when there is none yet. For a caller that polls the descriptor itself.
  std::optional<std::string> read_line_now();

 private:
  using Deadline = std::optional<std::chrono::steady_clock::time_point>;
  static Deadline deadline_in(int timeout_ms);
  void write_all(std::string_view data, Deadline deadline);
  std::string read_until_newline(Deadline deadline);
  std::optional<std::string> take_line();  // throws TooLong past max_line_
  void read_available();                   // throws Closed at end of input
  ChannelError too_long(const std::string& line) const;
  ssize_t write_some(std::string_view data);

  int read_fd_;
  int write_fd_;
  bool write_is_socket_;
  std::size_t max_line_;
  std::string buffer_;       // bytes read past the last line handed out
  std::size_t scanned_ = 0;  // how much of buffer_ holds no newline
};

}  // namespace wnc::agent
