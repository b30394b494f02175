#include "agent/output_tail.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace wnc::agent {

OutputTail::OutputTail(UniqueFd fd, std::size_t capacity) : fd_(std::move(fd)), capacity_(capacity) {
  int stop[2];
  if (pipe2(stop, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
  stop_read_.reset(stop[0]);
  stop_write_.reset(stop[1]);
  fcntl(fd_.get(), F_SETFL, fcntl(fd_.get(), F_GETFL) | O_NONBLOCK);
  thread_ = std::thread([this] { drain(); });
}

OutputTail::~OutputTail() { stop(); }

namespace {

// The last `capacity` bytes of `text`, after a line saying how many went before them.
std::string bounded(const std::string& text, std::size_t dropped, std::size_t capacity) {
  std::size_t excess = text.size() > capacity ? text.size() - capacity : 0;
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "[" + std::string&&.
  std::string out;
  if (dropped + excess > 0) out.append("[").append(std::to_string(dropped + excess)).append(" earlier bytes not kept]\n");
  return out.append(text, excess);
}

// Appends, trimming in bulk past twice the capacity: amortised O(1) per byte.
void append_bounded(std::string& text, std::size_t& dropped, const char* data, std::size_t n, std::size_t capacity) {
  text.append(data, n);
  if (text.size() > 2 * capacity) {
    dropped += text.size() - capacity;
    text.erase(0, text.size() - capacity);
  }
}

}  // namespace

std::string OutputTail::finish() {
  stop();
  std::lock_guard lock(mutex_);
  return bounded(tail_, dropped_, capacity_);
}

std::string OutputTail::take() {
  if (thread_.joinable()) read_available();  // after finish() the pipe is not read again
  std::lock_guard lock(mutex_);
  std::string out = fresh_.empty() ? std::string() : bounded(fresh_, fresh_dropped_, capacity_);
  fresh_.clear();
  fresh_dropped_ = 0;
  return out;
}

void OutputTail::stop() {
  if (!thread_.joinable()) return;
  char byte = 0;
  while (::write(stop_write_.get(), &byte, 1) < 0 && errno == EINTR) {
  }
  thread_.join();
}

void OutputTail::drain() {
  for (;;) {
    pollfd p[2] = {{fd_.get(), POLLIN, 0}, {stop_read_.get(), POLLIN, 0}};
    if (::poll(p, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (p[0].revents && !read_available()) return;
    if (p[1].revents) {
      read_available();  // what the writer left in the pipe before it went
      return;
    }
  }
}

bool OutputTail::read_available() {
  std::lock_guard reading(read_mutex_);
  char chunk[16 * 1024];
  for (;;) {
    ssize_t n = ::read(fd_.get(), chunk, sizeof chunk);
    if (n == 0) return false;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno == EAGAIN || errno == EWOULDBLOCK;
    }
    std::lock_guard lock(mutex_);
    append_bounded(tail_, dropped_, chunk, static_cast<std::size_t>(n), capacity_);
    append_bounded(fresh_, fresh_dropped_, chunk, static_cast<std::size_t>(n), capacity_);
  }
}

}  // namespace wnc::agent
