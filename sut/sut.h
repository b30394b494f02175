// The one way anything drives an implementation under test: hello, reset, step, bye.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>

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
  virtual void bye() {}
};

}  // namespace wnc
