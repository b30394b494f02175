// One call into the API world: the steps of the scenario language (scenarios/README.md), as values.
// This file is the registry of step kinds: each step type declares its traits beside its
// fields, and `Step` lists the types. Nothing else names the kinds (docs/extending.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "vocabulary/capabilities.h"
#include "vocabulary/codes.h"

namespace wnc {

// The result fields a step may fill besides rc (protocol: "remote", "target", ...).
enum StepOutput : unsigned {
  kNoOutput = 0,
  kRemoteOutput = 1,     // get_connection
  kTargetOutput = 2,     // query_dos_device
  kDrivesOutput = 4,     // drives
  kLastErrorOutput = 8,  // last_error: code, text, provider
};

struct StepTraits {
  const char* kind;     // the scenario-language key; also the capability a hello offers for it
  const char* feature;  // a further capability every such step needs, or nullptr
  bool has_actor;       // performed `as` a logon: the type has a member `as`
  unsigned outputs;     // StepOutput bits
  // When several types share a kind, the key whose presence selects this one.
  const char* selected_by = nullptr;
};

// Which entry point a cancel goes through. W/A are WNetCancelConnection[W|A];
// W2/A2 are WNetCancelConnection2[W|A] (scenario spelling "2W"/"2A").
enum class Api { W, A, W2, A2 };
enum class ResourceType { Disk, Print };
enum class HandleKind { File, Directory };

struct AddStep {
  static constexpr StepTraits traits{"add", nullptr, true, kNoOutput};
  std::string as;
  std::optional<std::string> local;  // absent or empty: deviceless
  std::string remote;
  ResourceType type = ResourceType::Disk;
  bool persistent = false;
  bool operator==(const AddStep&) const = default;
};

struct CancelStep {
  static constexpr StepTraits traits{"cancel", nullptr, true, kNoOutput};
  std::string as;
  std::optional<std::string> name;  // nullopt is a NULL lpName
  bool force = false;
  Api api = Api::W;
  bool update_profile = false;  // CONNECT_UPDATE_PROFILE; read for W2/A2 only
  bool operator==(const CancelStep&) const = default;
};

struct GetConnectionStep {
  static constexpr StepTraits traits{"get_connection", nullptr, true, kRemoteOutput};
  std::string as;
  std::string local;
  bool operator==(const GetConnectionStep&) const = default;
};

struct DrivesStep {
  static constexpr StepTraits traits{"drives", nullptr, true, kDrivesOutput};
  std::string as;
  bool operator==(const DrivesStep&) const = default;
};

struct QueryDosDeviceStep {
  static constexpr StepTraits traits{"query_dos_device", nullptr, true, kTargetOutput};
  std::string as;
  std::string name;
  bool operator==(const QueryDosDeviceStep&) const = default;
};

struct OpenStep {
  static constexpr StepTraits traits{"open", nullptr, true, kNoOutput};
  std::string as;
  std::string path;
  std::string handle;
  HandleKind kind = HandleKind::File;
  bool operator==(const OpenStep&) const = default;
};

struct CloseStep {
  static constexpr StepTraits traits{"close", nullptr, false, kNoOutput};
  std::string handle;
  bool operator==(const CloseStep&) const = default;
};

struct IoStep {
  static constexpr StepTraits traits{"io", nullptr, false, kNoOutput};
  std::string handle;
  bool operator==(const IoStep&) const = default;
};

struct ChdirStep {
  static constexpr StepTraits traits{"chdir", nullptr, true, kNoOutput};
  std::string as;
  std::string path;
  bool operator==(const ChdirStep&) const = default;
};

struct JobStep {
  static constexpr StepTraits traits{"job", capability::kPrint, true, kNoOutput};
  std::string as;
  std::string device;
  std::string job;
  bool operator==(const JobStep&) const = default;
};

struct EndJobStep {
  static constexpr StepTraits traits{"end_job", nullptr, false, kNoOutput};
  std::string job;
  bool operator==(const EndJobStep&) const = default;
};

enum class ProfileHealth { Ok, Unreadable, Corrupt };

struct ProfileFaultStep {
  static constexpr StepTraits traits{"fault", capability::kFaultProfile, false, kNoOutput, "profile"};
  ProfileHealth health = ProfileHealth::Ok;
  std::string user;
  std::string device;  // Corrupt only: the entry that loses its RemotePath
  bool operator==(const ProfileFaultStep&) const = default;
};

struct ProviderFaultStep {
  static constexpr StepTraits traits{"fault", capability::kFaultProvider, false, kNoOutput, "provider"};
  Code code = 0;  // the provider's own error code
  std::string text;
  std::string name;  // provider name
  int times = 1;
  bool operator==(const ProviderFaultStep&) const = default;
};

struct LastErrorStep {
  static constexpr StepTraits traits{"last_error", nullptr, true, kLastErrorOutput};
  std::string as;
  bool operator==(const LastErrorStep&) const = default;
};

struct LogonStep {
  static constexpr StepTraits traits{"logon", capability::kLogonMultiple, false, kNoOutput};
  std::string name;
  std::string user;
  int session = 1;
  std::optional<std::string> linked;
  bool operator==(const LogonStep&) const = default;
};

struct LogoffStep {
  static constexpr StepTraits traits{"logoff", nullptr, true, kNoOutput};
  std::string as;
  bool operator==(const LogoffStep&) const = default;
};

// The harness's own look at a user's profile, no API call (P-PROFILE-STEP): what
// HKCU\Network holds for one device, so that what a cancel forgets is seen directly.
struct ProfileStep {
  static constexpr StepTraits traits{"profile", nullptr, false, kRemoteOutput};
  std::string user;
  std::string device;
  bool operator==(const ProfileStep&) const = default;
};

using Step = std::variant<AddStep, CancelStep, GetConnectionStep, DrivesStep,
                          QueryDosDeviceStep, OpenStep, CloseStep, IoStep, ChdirStep,
                          JobStep, EndJobStep, ProfileFaultStep, ProviderFaultStep,
                          LastErrorStep, LogonStep, LogoffStep, ProfileStep>;

namespace detail {
template <class T>
constexpr bool step_type_is_registered() {
  if constexpr (requires { T::traits; }) {
    if constexpr (T::traits.has_actor) return requires(T t) { t.as; };
    else return true;
  } else {
    return false;
  }
}
template <class... T>
constexpr bool all_registered(std::variant<T...>*) {
  return (step_type_is_registered<T>() && ...);
}
}  // namespace detail
static_assert(detail::all_registered(static_cast<Step*>(nullptr)),
              "every Step alternative declares `static constexpr StepTraits traits`, with a member `as` when has_actor");

// Calls f(std::type_identity<T>{}) for every step type T, in the variant's order.
template <class F>
constexpr void for_each_step_type(F&& f) {
  [&]<class... T>(std::variant<T...>*) { (f(std::type_identity<T>{}), ...); }(static_cast<Step*>(nullptr));
}

const StepTraits& step_traits(const Step& step);

// Every step kind once, in the variant's order: the scenario language's step keys.
const std::vector<std::string>& step_kinds();

// The scenario-language key of a step: "add", "cancel", ..., "fault".
const char* step_kind(const Step& step);

// The logon a step acts as, if it names one.
const std::string* step_actor(const Step& step);

const char* api_name(Api api);  // "W", "A", "2W", "2A"

}  // namespace wnc
