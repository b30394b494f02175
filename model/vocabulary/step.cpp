#include "vocabulary/step.h"

#include <algorithm>

namespace wnc {

const StepTraits& step_traits(const Step& step) {
  return std::visit([](const auto& s) -> const StepTraits& { return std::decay_t<decltype(s)>::traits; }, step);
}

const std::vector<std::string>& step_kinds() {
  static const std::vector<std::string> kinds = [] {
    std::vector<std::string> out;
    for_each_step_type([&]<class T>(std::type_identity<T>) {
      if (std::find(out.begin(), out.end(), T::traits.kind) == out.end()) out.emplace_back(T::traits.kind);
    });
    return out;
  }();
  return kinds;
}

const char* step_kind(const Step& step) { return step_traits(step).kind; }

const std::string* step_actor(const Step& step) {
  return std::visit(
      [](const auto& s) -> const std::string* {
        if constexpr (std::decay_t<decltype(s)>::traits.has_actor) return &s.as;
        else return nullptr;
      },
      step);
}

const char* api_name(Api api) {
  switch (api) {
    case Api::W: return "W";
    case Api::A: return "A";
    case Api::W2: return "2W";
    case Api::A2: return "2A";
  }
  return "?";
}

}  // namespace wnc
