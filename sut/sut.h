// The one way anything drives an implementation under test: hello, reset, step, bye.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "vocabulary/result.h"
#include "vocabulary/setup.h"
#include "vocabulary/step.h"

namespace wnc {

struct Hello {
  std::string name;
  std::string version;
  std::string platform;
  std::set<std::string> capabilities;  // see sut/capabilities.h
  nlohmann::json raw;                  // the hello response as received, for manifests
  int pipeline = 1;                    // an agent's window: the most steps it takes in flight
};

// The implementation could not be driven: it died, hung past its deadline or answered
// garbage. `output` carries what it printed (stderr, the bad line) for the report.
class SutFailure : public std::runtime_error {
 public:
  // Hung: the implementation gave no answer within its deadline; Failed: anything else
  // (it died, went away, answered garbage).
  enum class Kind { Failed, Hung };
  SutFailure(const std::string& what, std::string output = {}, Kind kind = Kind::Failed)
      : std::runtime_error(what), output_(std::move(output)), kind_(kind) {}
  const std::string& output() const { return output_; }
  Kind kind() const { return kind_; }

 private:
  std::string output_;
  Kind kind_;
};

// One step's answer when steps run as a batch (Sut::run_steps).
struct StepAnswer {
  std::optional<Result> result;       // none when the step was rejected or could not be driven
  std::string rejected;               // why the implementation refused the step; it serves on
  std::optional<SutFailure> failure;  // it could not be driven at this step: the batch ends here
  std::string debug_trace;            // this step's (take_debug_trace)
};

// Called with each answer in order; false sends no further step (the answers of steps
// already sent are read and dropped).
using KeepGoing = std::function<bool(const StepAnswer&)>;

// The steps of a batch, each decided when it is asked for: the next step, or null when there
// are no more. A step stays valid until the next call. Steps decided without the
// implementation's answers (a scenario's, an exploration's against the model) can be asked
// for while the first ones run.
using StepSource = std::function<const Step*()>;

class Sut {
 public:
  virtual ~Sut() = default;
  virtual Hello hello() = 0;
  // A fresh world, as at the start of a scenario.
  virtual void reset(const Setup& setup) = 0;
  // Throws SutFailure when the implementation cannot be driven; a step the implementation
  // declines comes back as Result::unsupported.
  virtual Result step(const Step& step) = 0;
  // What the implementation logged since the last call (Wine's WINEDEBUG channels), at most
  // the last 64 KiB of it; empty when it keeps no trace. The runner and the explorer keep it
  // for a step that fails.
  virtual std::string take_debug_trace() { return {}; }
  // Runs the steps in order, as step() would one by one, until one cannot be driven or
  // `keep_going` says stop. An agent may have several in flight (pipelining,
  // docs/agent-protocol.md); answers stay in order and each still has its deadline.
  virtual std::vector<StepAnswer> run_steps(const StepSource& next, const KeepGoing& keep_going) {
    return one_at_a_time(next, keep_going);
  }
  // A fresh world for `setup`, then the steps as run_steps runs them (after the reset's debug
  // trace is dropped). Throws as reset() does when the world cannot be made; an agent may send
  // the reset in one batch with the steps.
  virtual std::vector<StepAnswer> run_case(const Setup& setup, const StepSource& next, const KeepGoing& keep_going) {
    reset(setup);
    take_debug_trace();
    return one_at_a_time(next, keep_going);
  }
  std::vector<StepAnswer> run_steps(const std::vector<Step>& steps, const KeepGoing& keep_going = {}) {
    return run_steps(each_of(steps), keep_going);
  }
  std::vector<StepAnswer> run_case(const Setup& setup, const std::vector<Step>& steps, const KeepGoing& keep_going = {}) {
    return run_case(setup, each_of(steps), keep_going);
  }
  virtual void bye() {}

 protected:
  std::vector<StepAnswer> one_at_a_time(const StepSource& next, const KeepGoing& keep_going) {
    std::vector<StepAnswer> answers;
    while (const Step* s = next()) {
      StepAnswer& a = answers.emplace_back();
      try {
        a.result = step(*s);
      } catch (const SutFailure& e) {
        a.failure = e;
      } catch (const std::invalid_argument& e) {
        a.rejected = e.what();
      }
      a.debug_trace = take_debug_trace();
      if (a.failure || (keep_going && !keep_going(a))) break;
    }
    return answers;
  }

 private:
  static StepSource each_of(const std::vector<Step>& steps) {
    return [&steps, i = size_t{0}]() mutable { return i < steps.size() ? &steps[i++] : nullptr; };
  }
};

}  // namespace wnc
