// P-INVALID on the harness side: which steps are valid input at a point of a scenario. The
// loader rejects the first invalid step with its position; the explorer generates only
// valid ones. (The model keeps its own copy of these rules: it is the oracle.)
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "vocabulary/setup.h"
#include "vocabulary/step.h"

namespace wnc {

// What is wrong with a step. It points into the step checked, so that checking allocates
// nothing (the explorer checks every step it generates); explain() says it in words.
struct Problem {
  enum class Rule {
    UndeclaredLogon,      // stepping as, or linking to, a logon that is not logged on
    AlreadyLoggedOn,      // a logon step for a live name
    BadPartner,           // linked to system, to another user's logon, or to a paired one
    SystemLogoff,
    UndeclaredHandle,     // io/close of a handle no open step named
    HandleOpen,           // open of a handle that is open
    UndeclaredJob,        // end_job of a job no job step named
    JobActive,            // job of a job that is active
    NotADevice,           // a corrupt profile entry that is not a device name
  };
  Rule rule;
  const char* field;      // the step's key that holds the wrong value: "as", "handle", ...
  std::string_view name;  // the value the message quotes
};

class Validity {
 public:
  // `setup` must pass misdeclared_link().
  explicit Validity(const Setup& setup);

  // The first declared logon whose `linked` is not one other declared logon of its own user
  // (each logon in at most one pair), if any.
  static const std::string* misdeclared_link(const Setup& setup);

  std::optional<Problem> check(const Step& step) const;
  // Tracks what a valid step changes: logons, pairs, handles, jobs.
  void apply(const Step& step);
  std::string explain(const Problem& problem) const;

  const std::set<std::string>& declared_handles() const { return declared_handles_; }
  const std::set<std::string>& open_handles() const { return open_handles_; }
  const std::set<std::string>& declared_jobs() const { return declared_jobs_; }
  const std::set<std::string>& active_jobs() const { return active_jobs_; }

 private:
  struct Live {
    std::string user;
    std::optional<std::string> partner;  // a live linked logon; pairs are symmetric
  };

  std::optional<Problem> check_kind(const Step& step) const;
  void pair(const std::string& a, const std::string& b);

  std::map<std::string, Live> logons_;  // the live ones, system included
  std::set<std::string> declared_handles_, open_handles_;
  std::set<std::string> declared_jobs_, active_jobs_;
};

}  // namespace wnc
