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

std::string OutputTail::finish() {
  stop();
  std::lock_guard lock(mutex_);
  std::size_t excess = tail_.size() > capacity_ ? tail_.size() - capacity_ : 0;
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "[" + std::string&&.
  std::string out;
  if (dropped_ + excess > 0) out.append("[").append(std::to_string(dropped_ + excess)).append(" earlier bytes not kept]\n");
  return out.append(tail_, excess);
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
  char chunk[16 * 1024];
  for (;;) {
    ssize_t n = ::read(fd_.get(), chunk, sizeof chunk);
    if (n == 0) return false;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno == EAGAIN || errno == EWOULDBLOCK;
    }
    std::lock_guard lock(mutex_);
    tail_.append(chunk, static_cast<std::size_t>(n));
    if (tail_.size() > 2 * capacity_) {  // trim in bulk: amortised O(1) per byte
      dropped_ += tail_.size() - capacity_;
      tail_.erase(0, tail_.size() - capacity_);
    }
  }
}

}  // namespace wnc::agent
