#include "model_sut.h"

#include "capabilities.h"
#include "reference_model.h"
#include "requirements.h"

namespace wnc {

const std::set<std::string>& all_capabilities() {
  static const std::set<std::string> all = {
      "add", "cancel", "get_connection", "drives", "query_dos_device", "open", "close", "io",
      "chdir", "job", "end_job", "fault", "last_error", "logon", "logoff",
      capability::kLogonMultiple, capability::kLogonSystem, capability::kFaultProfile,
      capability::kFaultProvider, capability::kProfileNtLinked, capability::kApiAnsi,
      capability::kNameNull, capability::kPrint};
  return all;
}

nlohmann::json hello_json(const std::string& name, const std::string& version,
                          const std::string& platform, const std::set<std::string>& capabilities) {
  return {{"ok", true},
          {"protocol", 1},
          {"implementation", {{"name", name}, {"version", version}, {"platform", platform}}},
          {"capabilities", capabilities}};
}

namespace {

class ModelSut final : public Sut {
 public:
  Hello hello() override {
    Hello h{"wnetconf-model", std::string(kModelVersion), "reference model", all_capabilities(), {}};
    h.raw = hello_json(h.name, h.version, h.platform, h.capabilities);
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
