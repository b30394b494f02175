#include "run/step_attribution.h"

#include <algorithm>

namespace wnc {

namespace {

using namespace code;

bool holds(const std::vector<Code>& codes, Code rc) { return std::find(codes.begin(), codes.end(), rc) != codes.end(); }

}  // namespace

const char* layer_name(Layer layer) {
  switch (layer) {
    case Layer::Platform: return "platform";
    case Layer::FileSystem: return "file-system";
    case Layer::Provider: return "provider";
    case Layer::Agent: return "agent";
  }
  return "?";
}

bool is_implementations_own(Layer layer) { return layer == Layer::Platform || layer == Layer::FileSystem; }

// In each kind's rules the last, with no codes, takes every other answer.
const std::vector<DeciderRule>& decider_rules() {
  static const std::vector<DeciderRule> rules = {
      {"cancel", {kNoError}, {Layer::Platform, "the cancel succeeded",
                              "which connections go is the provider's bookkeeping, and it orphans their handles"}},
      {"cancel", {kNotConnected}, {Layer::Platform, "nothing the caller can see holds the name",
                                   "for a well-formed name nobody holds, the provider's answer passed on"}},
      {"cancel", {kOpenFiles}, {Layer::Platform, "open files or jobs stop a cancel without force",
                                "the provider's count of the open files and jobs the agent reports"}},
      {"cancel", {kDeviceInUse}, {Layer::Platform, "open directories or a current directory stop a cancel without force",
                                  "the provider's count, and its order: 2401 before 2404"}},
      {"cancel", {}, {Layer::Platform, "the router's own answer: the name's form, the profile, an extended error", ""}},
      {"add", {kNoError, kBadDevType, kBadNetName, kAlreadyAssigned, kBadDevice},
       {Layer::Provider, "the simulated network's shares, the provider's connections and its check of the device", ""}},
      {"add", {}, {Layer::Platform, "the router's own checks: the profile, the parameters, an extended error", ""}},
      {"get_connection", {}, {Layer::Platform, "the platform's lookup of a device", ""}},
      {"drives", {}, {Layer::Platform, "the platform's list of the caller's drive letters", ""}},
      {"query_dos_device", {}, {Layer::Platform, "the caller's MS-DOS device namespace", ""}},
      {"last_error", {}, {Layer::Platform, "the extended error the platform kept for the thread", ""}},
      {"profile", {}, {Layer::Platform, "what the platform left in the user's remembered connections", ""}},
      {"open", {}, {Layer::FileSystem, "a path below a mapped drive", ""}},
      {"chdir", {}, {Layer::FileSystem, "a path below a mapped drive", ""}},
      {"close", {}, {Layer::FileSystem, "closing a handle", ""}},
      {"io", {kUnexpNetErr}, {Layer::Agent, "a handle the cancel orphaned: the agent answers without reading", ""}},
      {"io", {}, {Layer::FileSystem, "reading through an open handle", ""}},
      {"job", {}, {Layer::Agent, "the agent's print jobs stand in for the spooler's", ""}},
      {"end_job", {}, {Layer::Agent, "the agent's print jobs stand in for the spooler's", ""}},
      {"fault", {}, {Layer::Agent, "the harness arms a fault", ""}},
      {"logon", {}, {Layer::Agent, "the agent's logon sessions stand in for the system's", ""}},
      {"logoff", {}, {Layer::Agent, "the agent's logon sessions stand in for the system's", ""}},
  };
  return rules;
}

const std::vector<AboutRule>& about_rules() {
  static const std::vector<std::string_view> kSeen = {"cancel", "add", "drives", "get_connection", "query_dos_device"};
  static const std::vector<AboutRule> rules = {
      {"R-DEVICE-ONLY", {"cancel"}, {kNoError, kNotConnected}, {}, true},
      {"R-REMOTE-ONLY", {"cancel"}, {kNoError, kNotConnected}, {}, true},
      {"R-FORCE-FALSE", {"cancel"}, {kNoError, kOpenFiles, kDeviceInUse}, false, true},
      {"R-FORCE-TRUE", {"cancel"}, {kNoError}, true, true},
      {"R-RC-NO-ERROR", {"cancel"}, {kNoError}},
      {"R-RC-BAD-PROFILE", {"cancel"}, {kBadProfile}},
      {"R-RC-BAD-PROFILE", {"profile"}, {}},
      {"R-RC-CANNOT-OPEN-PROFILE", {"cancel"}, {kCannotOpenProfile}},
      {"R-RC-CANNOT-OPEN-PROFILE", {"profile"}, {}},
      {"R-RC-DEVICE-IN-USE", {"cancel"}, {kDeviceInUse}},
      {"R-RC-EXTENDED-ERROR", {"cancel"}, {kExtendedError}},
      {"R-RC-EXTENDED-ERROR", {"last_error"}, {}},
      {"R-RC-NOT-CONNECTED", {"cancel"}, {kNotConnected}},
      {"R-RC-OPEN-FILES", {"cancel"}, {kOpenFiles}},
      {"R-LUID-NAMESPACE", kSeen, {}},
      {"R-LUID-ANY-SESSION", kSeen, {}},
      {"R-ANSI-UNICODE", {"cancel"}, {}, {}, false, {Api::A, Api::A2}},
      {"R-COMPAT-PROFILE", {"cancel", "profile"}, {}},
      {"R-ATOMIC", {"cancel"}, {kNotConnected, kOpenFiles, kDeviceInUse, kCannotOpenProfile, kBadProfile, kExtendedError}, {},
       true},
      {"R-NAME-CASE", {"cancel"}, {}},
      {"R-SYSTEM-GLOBAL", kSeen, {}},
      {"R-LINKED", kSeen, {}},
  };
  return rules;
}

Decider decider_of(const Step& step, std::optional<Code> rc) {
  const std::string_view kind = step_kind(step);
  for (const auto& rule : decider_rules())
    if (rule.kind == kind && (rule.codes.empty() || (rc && holds(rule.codes, *rc)))) return rule.decider;
  return {Layer::Platform, "", ""};  // unreachable: every kind ends with a catch-all (a test holds it)
}

Decider decided_by(const Step& step, Code expected, const std::optional<Result>& got) {
  const Decider wanted = decider_of(step, expected);
  const Decider given = decider_of(step, got ? std::optional<Code>(got->rc) : std::nullopt);
  if (wanted.layer == Layer::Platform && given.layer != Layer::Platform) return wanted;
  return given;
}

std::vector<std::string> requirements_about(const Step& step, Code expected, const std::optional<Result>& got,
                                            const std::vector<std::string>& covers) {
  const std::string_view kind = step_kind(step);
  const auto* cancel = std::get_if<CancelStep>(&step);
  auto matches = [&](const AboutRule& rule) {
    if (std::find(rule.kinds.begin(), rule.kinds.end(), kind) == rule.kinds.end()) return false;
    if (rule.force && (!cancel || cancel->force != *rule.force)) return false;
    if (!rule.apis.empty() && (!cancel || std::find(rule.apis.begin(), rule.apis.end(), cancel->api) == rule.apis.end()))
      return false;
    return rule.codes.empty() || holds(rule.codes, expected) || (!rule.expected_only && got && holds(rule.codes, got->rc));
  };
  std::vector<std::string> out;
  for (const auto& id : covers)
    if (std::any_of(about_rules().begin(), about_rules().end(),
                    [&](const AboutRule& rule) { return rule.requirement == id && matches(rule); }))
      out.push_back(id);
  return out;
}

}  // namespace wnc
