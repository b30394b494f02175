#include "explore/coverage.h"

#include "scenario/name_forms.h"

namespace wnc {

namespace {

bool has_lower(const std::string& s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

// Another live logon of the caller's user holds a device redirection the caller cannot see.
bool hidden_sibling_device(const model::State& s, const std::string& as, bool* other_session) {
  const auto& me = s.logons.at(as);
  for (const auto& [id, c] : s.connections) {
    if (!c.device || c.owners.count(as) || c.owners.count(kSystemLogon)) continue;
    for (const auto& owner : c.owners) {
      const auto& other = s.logons.at(owner);
      if (other.user != me.user) continue;
      *other_session = other.session != me.session;
      return true;
    }
  }
  return false;
}

}  // namespace

RequirementIds requirements_exercised(const model::State& before, const Step& step, const Result& result) {
  RequirementIds out = requirements_of_situation(before, step);
  add_requirements_of_answer(step, result, out);
  return out;
}

RequirementIds requirements_of_situation(const model::State& s, const Step& step) {
  RequirementIds out;
  const std::string* as = step_actor(step);
  if (as && s.logons.count(*as)) {
    bool other_session = false;
    if (hidden_sibling_device(s, *as, &other_session)) {
      out.push_back("R-LUID-NAMESPACE");
      if (other_session) out.push_back("R-LUID-ANY-SESSION");
    }
    if (*as != kSystemLogon)
      for (const auto& [id, c] : s.connections)
        if (c.device && c.owners.count(kSystemLogon)) {
          out.push_back("R-SYSTEM-GLOBAL");
          break;
        }
    if (s.behaviour == BehaviourProfile::NtLinked && s.logons.at(*as).partner) out.push_back("R-LINKED");
  }
  return out;
}

void add_requirements_of_answer(const Step& step, const Result& r, RequirementIds& out) {
  const auto* c = std::get_if<CancelStep>(&step);
  if (!c) return;
  if (c->name && has_lower(*c->name)) out.push_back("R-NAME-CASE");
  if (c->api == Api::A || c->api == Api::A2) out.push_back("R-ANSI-UNICODE");
  const bool device = c->name && is_device_name(*c->name);
  if ((c->api == Api::W || c->api == Api::A) && device) out.push_back("R-COMPAT-PROFILE");
  if (r.rc != code::kNoError) out.push_back("R-ATOMIC");
  switch (r.rc) {
    case code::kNoError:
      out.push_back("R-RC-NO-ERROR");
      out.push_back(device ? "R-DEVICE-ONLY" : "R-REMOTE-ONLY");
      if (c->force) out.push_back("R-FORCE-TRUE");
      break;
    case code::kOpenFiles: out.insert(out.end(), {"R-RC-OPEN-FILES", "R-FORCE-FALSE"}); break;
    case code::kDeviceInUse: out.insert(out.end(), {"R-RC-DEVICE-IN-USE", "R-FORCE-FALSE"}); break;
    case code::kBadProfile: out.push_back("R-RC-BAD-PROFILE"); break;
    case code::kCannotOpenProfile: out.push_back("R-RC-CANNOT-OPEN-PROFILE"); break;
    case code::kExtendedError: out.push_back("R-RC-EXTENDED-ERROR"); break;
    case code::kNotConnected: out.push_back("R-RC-NOT-CONNECTED"); break;
    default: break;
  }
}

}  // namespace wnc
