// What Ctrl-C prints before the process exits with 130. Whatever was found is on disk
// already (saved as it is found); the notice says where. Scopes nest: the innermost one's
// notice is printed, and leaving a scope restores the outer one's.
#pragma once

#include <string>

namespace wnc {

// From now on SIGINT and SIGTERM print the current notice, call `cleanup` (which must be
// async-signal-safe: it ends the agents' process groups) and exit with 128 + the signal.
void handle_interrupts(void (*cleanup)());

class InterruptNotice {
 public:
  explicit InterruptNotice(const std::string& notice);
  ~InterruptNotice();
  InterruptNotice(const InterruptNotice&) = delete;
  InterruptNotice& operator=(const InterruptNotice&) = delete;

  // Replaces this scope's notice (e.g. once a case is saved).
  void set(const std::string& notice);

 private:
  std::string outer_;
  void (*outer_handler_)(int);
};

}  // namespace wnc
