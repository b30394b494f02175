// The last bytes a process writes to a pipe (an agent's stderr), read by a thread of its
// own so that a chatty agent never blocks on a full pipe between requests.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

#include "agent/unique_fd.h"

namespace wnc::agent {

class OutputTail {
 public:
  OutputTail(UniqueFd fd, std::size_t capacity);
  ~OutputTail();
  OutputTail(const OutputTail&) = delete;
  OutputTail& operator=(const OutputTail&) = delete;

  // Takes in what is already in the pipe, stops reading and returns the tail. Call it
  // once the writer is gone: its children (wineserver, say) may hold the pipe open forever.
  std::string finish();
  // What arrived since the last take (its last `capacity` bytes, saying how many went
  // before them), keeping it in the tail for finish(). Reads the pipe first: what the
  // writer wrote before its last answer belongs to that answer, read by the thread or not.
  std::string take();

 private:
  void drain();
  bool read_available();  // false at end of file
  void stop();

  UniqueFd fd_;
  UniqueFd stop_read_;
  UniqueFd stop_write_;
  std::size_t capacity_;
  std::mutex read_mutex_;  // one reader at a time, so pieces keep their order
  std::mutex mutex_;
  std::string tail_;         // up to 2 * capacity_, trimmed to capacity_ when read
  std::size_t dropped_ = 0;  // bytes trimmed off the front
  std::string fresh_;        // since the last take, bounded like tail_
  std::size_t fresh_dropped_ = 0;
  std::thread thread_;
};

}  // namespace wnc::agent
