// A bug in wnetconf met while exploring is an InternalError, never a divergence.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "explore/explore_state.h"
#include "explore/explorer.h"
#include "model_sut.h"
#include "vocabulary/internal_error.h"

namespace wnc {
namespace {

TEST(ExploreState, ABrokenModelInvariantAfterAStepIsAnInternalError) {
  ExploreState s(wnc::Setup{});
  s.world.fault.remaining = -1;
  try {
    s.apply(DrivesStep{kSystemLogon});
    FAIL() << "no InternalError";
  } catch (const InternalError& e) {
    EXPECT_NE(std::string(e.what()).find("invariant after drives"), std::string::npos) << e.what();
  }
}

// The model, until its step `fail_at`, where an assumption of wnetconf breaks.
class BuggySut : public Sut {
 public:
  Hello hello() override { return model_->hello(); }
  void reset(const Setup& setup) override { model_->reset(setup); }
  Result step(const Step& step) override {
    ++steps_;
    WNC_ASSERT(steps_ != kFailAt, "the test's broken assumption");
    return model_->step(step);
  }

 private:
  static constexpr int kFailAt = 30;
  std::unique_ptr<Sut> model_ = make_model_sut();
  int steps_ = 0;
};

TEST(Explore, AnExceptionFromWnetconfIsThrownAsAnInternalErrorNotShrunkAsADivergence) {
  const auto dir = std::filesystem::temp_directory_path() / "wnetconf-explore-internal-error";
  std::filesystem::remove_all(dir);
  BuggySut sut;
  ExploreOptions options;
  options.seed = 7;
  options.cases = 50;
  options.save_dir = dir.string();
  std::ostringstream log;
  try {
    explore(sut, options, log);
    FAIL() << "no InternalError";
  } catch (const InternalError& e) {
    EXPECT_NE(std::string(e.what()).find("exploring seed 7: "), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("the test's broken assumption"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir)) << "nothing is saved as a regression";
}

}  // namespace
}  // namespace wnc
