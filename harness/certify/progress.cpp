#include "certify/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace wnc {

namespace {

constexpr int kBarWidth = 30;
constexpr double kRedrawSeconds = 0.1;  // a bar redrawn per item would slow fast runs down

}  // namespace

ProgressOptions progress_options_for_stderr() {
  ProgressOptions o;
  o.terminal = isatty(STDERR_FILENO) == 1;
  return o;
}

ProgressMeter::ProgressMeter(std::string what, size_t total, std::ostream& out, ProgressOptions options)
    : what_(std::move(what)), total_(total), out_(out), options_(options) {}

ProgressMeter::~ProgressMeter() { finish(); }

double ProgressMeter::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string ProgressMeter::counts(size_t done) const {
  const double seconds = elapsed();
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f/s", seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
  const size_t percent = total_ ? done * 100 / total_ : 100;
  return std::to_string(done) + "/" + std::to_string(total_) + " (" + std::to_string(percent) + "%), " + rate;
}

void ProgressMeter::tick(size_t done, std::string_view current) {
  done_ = done;
  const double now = elapsed();
  if (options_.terminal) {
    if (done < total_ && now - last_time_ < kRedrawSeconds) return;
    last_time_ = now;
    const int filled = total_ ? static_cast<int>(done * kBarWidth / total_) : kBarWidth;
    // \r and "erase to end of line" redraw in place; the name is cut so the line never wraps.
    out_ << "\r" << what_ << " [" << std::string(filled, '#') << std::string(kBarWidth - filled, '.') << "] "
         << counts(done) << " " << current.substr(0, 40) << "\x1b[K" << std::flush;
    return;
  }
  if (done - last_printed_ >= options_.every_items || now - last_time_ >= options_.every_seconds) {
    out_ << what_ << ": " << counts(done) << "\n" << std::flush;
    last_printed_ = done;
    last_time_ = now;
  }
}

void ProgressMeter::finish() {
  if (finished_) return;
  finished_ = true;
  if (options_.terminal) {
    out_ << "\r" << what_ << ": " << counts(done_) << "\x1b[K\n" << std::flush;
  } else if (last_printed_ != done_ || done_ == 0) {
    out_ << what_ << ": " << counts(done_) << "\n" << std::flush;
  }
}

}  // namespace wnc
