#include "vocabulary/capabilities.h"

#include "vocabulary/step.h"

namespace wnc::capability {

const std::vector<std::string>& features() {
  static const std::vector<std::string> names = {kLogonMultiple, kLogonSystem, kFaultProfile, kFaultProvider,
                                                 kProfileNtLinked, kApiAnsi, kNameNull, kPrint};
  return names;
}

const std::set<std::string>& all() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out(step_kinds().begin(), step_kinds().end());
    out.insert(features().begin(), features().end());
    return out;
  }();
  return names;
}

}  // namespace wnc::capability
