// Progress of a long run on stderr, so stdout stays byte-for-byte deterministic: a bar with
// counts and rate redrawn in place on a terminal, plain periodic lines in logs (CI, pipes).
#pragma once

#include <chrono>
#include <cstddef>
#include <iostream>
#include <string>
#include <string_view>

namespace wnc {

struct ProgressOptions {
  bool terminal = false;
  size_t every_items = 25;     // plain mode: a line at least this often...
  double every_seconds = 10;   // ...or after this long, whichever comes first
};

// Terminal mode when stderr is a terminal (isatty); plain otherwise.
ProgressOptions progress_options_for_stderr();

class ProgressMeter {
 public:
  ProgressMeter(std::string what, size_t total, std::ostream& out = std::cerr,
                ProgressOptions options = progress_options_for_stderr());
  // `done` items of `total` are finished; `current` names the last one (terminal mode).
  void tick(size_t done, std::string_view current = {});
  // Ends the bar's line; prints the closing line in plain mode. Called by the destructor.
  void finish();
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

 private:
  double elapsed() const;
  std::string counts(size_t done) const;  // "45/99 (45%), 12.3/s"

  std::string what_;
  size_t total_;
  std::ostream& out_;
  ProgressOptions options_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  size_t done_ = 0;
  size_t last_printed_ = 0;
  double last_time_ = 0;
  bool finished_ = false;
};

}  // namespace wnc
