#include "model_sut.h"

#include "vocabulary/capabilities.h"
#include "protocol/hello_json.h"
#include "reference_model.h"
#include "requirements.h"

namespace wnc {

namespace {

class ModelSut final : public Sut {
 public:
  Hello hello() override {
    Hello h{"wnetconf-model", std::string(kModelVersion), "reference model", capability::all(), {}};
    h.raw = hello_to_json(h);
    return h;
  }
  void reset(const Setup& setup) override { state_ = model::initial_state(setup); }
  Result step(const Step& step) override { return model::apply(state_, step); }

 private:
  model::State state_ = model::initial_state(Setup{});
};

}  // namespace

std::unique_ptr<Sut> make_model_sut() { return std::make_unique<ModelSut>(); }

}  // namespace wnc
