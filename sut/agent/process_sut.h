// `--sut cmd:<command line>`: drives an agent process over its stdin and stdout.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "protocol/hello_json.h"
#include "sut.h"

namespace wnc {

struct ProcessSutOptions {
  std::string command;  // run via /bin/sh -c, in a process group of its own
  std::vector<std::pair<std::string, std::string>> env;  // set on top of ours (WINEPREFIX, …)
  int step_deadline_ms = 10000;   // reset and step
  int start_deadline_ms = 60000;  // from spawning to the answer to hello
  // Hand out the agent's stderr as its debug trace (Sut::take_debug_trace): for an agent
  // asked to log, such as Wine's with WINEDEBUG channels.
  bool debug_trace = false;
  // The most steps in flight (pipelining), when the agent's hello allows as many; 1: none.
  int max_pipeline = kPipelineWindow;
};

// Starts the agent and says hello (throwing SutFailure when that fails). An agent that
// dies, hangs past its deadline or answers garbage makes the call throw SutFailure with
// the tail of its stderr and the offending line; it is killed, and the next call starts a
// fresh one. {"error":…} answers throw std::invalid_argument. Never leaves a process behind.
std::unique_ptr<Sut> make_process_sut(const ProcessSutOptions& options);

}  // namespace wnc
