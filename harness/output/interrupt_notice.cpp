#include "output/interrupt_notice.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace wnc {

namespace {

// The handler may only read a fixed buffer: no allocation inside a signal handler.
char g_notice[4096] = "";
void (*g_cleanup)() = nullptr;

extern "C" void on_interrupt(int signal) {
  ssize_t ignored = write(STDERR_FILENO, g_notice, std::strlen(g_notice));
  (void)ignored;
  if (g_cleanup) g_cleanup();
  _exit(128 + signal);
}

void store(const std::string& notice) {
  const size_t n = std::min(notice.size(), sizeof g_notice - 1);
  std::memcpy(g_notice, notice.data(), n);
  g_notice[n] = '\0';
}

}  // namespace

void handle_interrupts(void (*cleanup)()) {
  g_cleanup = cleanup;
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

InterruptNotice::InterruptNotice(const std::string& notice) : outer_(g_notice) {
  store(notice);
  outer_handler_ = std::signal(SIGINT, on_interrupt);
}

InterruptNotice::~InterruptNotice() {
  std::signal(SIGINT, outer_handler_);
  store(outer_);
}

void InterruptNotice::set(const std::string& notice) { store(notice); }

}  // namespace wnc
