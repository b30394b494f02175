// A bug in wnetconf, as opposed to bad input or an implementation that diverges. WNC_ASSERT
// stays on under NDEBUG: a broken assumption throws InternalError, which the command line
// reports as "wnetconf: internal error: <file:line: message>" with exit code 4. It throws
// rather than aborts so that exploration and agents can say which step it happened in.
#pragma once

#include <stdexcept>
#include <string>

namespace wnc {

class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

[[noreturn]] inline void fail_assertion(const char* file, int line, const char* condition, const char* why) {
  throw InternalError(std::string(file) + ":" + std::to_string(line) + ": " + why + " (" + condition + ")");
}

}  // namespace wnc

#define WNC_ASSERT(condition, why) \
  ((condition) ? void() : ::wnc::fail_assertion(__FILE__, __LINE__, #condition, why))
