#include "explore/rapidcheck_run.h"

#include <rapidcheck.h>
#include <rapidcheck/detail/Configuration.h>
#include <rapidcheck/detail/TestListener.h>

#include <iostream>
#include <sstream>

namespace wnc {

namespace {

class CaseListener : public rc::detail::TestListener {
 public:
  explicit CaseListener(const std::function<void()>& finished) : finished_(finished) {}
  void onTestCaseFinished(const rc::detail::CaseDescription&) override { finished_(); }
  void onShrinkTried(const rc::detail::CaseDescription&, bool) override {}
  void onTestFinished(const rc::detail::TestMetadata&, const rc::detail::TestResult&) override {}

 private:
  const std::function<void()>& finished_;
};

// RapidCheck reads its configuration, and prints a random seed of its own, on first use.
void configure_quietly() {
  std::ostringstream quiet;
  auto* previous = std::cerr.rdbuf(quiet.rdbuf());
  rc::detail::configuration();
  std::cerr.rdbuf(previous);
}

}  // namespace

PropertyOutcome run_property(const std::string& name, const PropertyBudget& budget, const std::function<void()>& property,
                             const std::function<void()>& case_finished) {
  configure_quietly();
  rc::detail::TestParams params;
  params.seed = budget.seed;
  params.maxSuccess = budget.cases;
  params.maxSize = budget.max_size;
  params.maxDiscardRatio = 100;
  rc::detail::TestMetadata metadata{"explore", name};
  CaseListener listener(case_finished);
  const auto result = rc::detail::checkProperty(rc::detail::toProperty(property), metadata, params, listener);

  PropertyOutcome out;
  if (rc::detail::FailureResult failure; result.match(failure)) {
    rc::detail::Configuration config;
    config.testParams = params;
    config.reproduce[metadata.id] = failure.reproduce;
    out.kind = PropertyOutcome::Kind::Failed;
    out.description = failure.description;
    out.reproduce = rc::detail::configToMinimalString(config);
  } else if (rc::detail::Error error; result.match(error)) {
    out.kind = PropertyOutcome::Kind::Error;
    out.description = error.description;
  } else if (rc::detail::GaveUpResult gave_up; result.match(gave_up)) {
    out.kind = PropertyOutcome::Kind::GaveUp;
    out.description = gave_up.description;
  }
  return out;
}

}  // namespace wnc
