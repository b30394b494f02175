// One call into the API world: the steps of the scenario language (SPEC 2.1), as values.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "vocabulary/codes.h"

namespace wnc {

// Which entry point a cancel goes through. W/A are WNetCancelConnection[W|A];
// W2/A2 are WNetCancelConnection2[W|A] (scenario spelling "2W"/"2A").
enum class Api { W, A, W2, A2 };
enum class ResourceType { Disk, Print };
enum class HandleKind { File, Directory };

struct AddStep {
  std::string as;
  std::optional<std::string> local;  // absent or empty: deviceless
  std::string remote;
  ResourceType type = ResourceType::Disk;
  bool persistent = false;
  bool operator==(const AddStep&) const = default;
};

struct CancelStep {
  std::string as;
  std::optional<std::string> name;  // nullopt is a NULL lpName
  bool force = false;
  Api api = Api::W;
  bool update_profile = false;  // CONNECT_UPDATE_PROFILE; read for W2/A2 only
  bool operator==(const CancelStep&) const = default;
};

struct GetConnectionStep {
  std::string as;
  std::string local;
  bool operator==(const GetConnectionStep&) const = default;
};

struct DrivesStep {
  std::string as;
  bool operator==(const DrivesStep&) const = default;
};

struct QueryDosDeviceStep {
  std::string as;
  std::string name;
  bool operator==(const QueryDosDeviceStep&) const = default;
};

struct OpenStep {
  std::string as;
  std::string path;
  std::string handle;
  HandleKind kind = HandleKind::File;
  bool operator==(const OpenStep&) const = default;
};

struct CloseStep {
  std::string handle;
  bool operator==(const CloseStep&) const = default;
};

struct IoStep {
  std::string handle;
  bool operator==(const IoStep&) const = default;
};

struct ChdirStep {
  std::string as;
  std::string path;
  bool operator==(const ChdirStep&) const = default;
};

struct JobStep {
  std::string as;
  std::string device;
  std::string job;
  bool operator==(const JobStep&) const = default;
};

struct EndJobStep {
  std::string job;
  bool operator==(const EndJobStep&) const = default;
};

enum class ProfileHealth { Ok, Unreadable, Corrupt };

struct ProfileFaultStep {
  ProfileHealth health = ProfileHealth::Ok;
  std::string user;
  std::string device;  // Corrupt only: the entry that loses its RemotePath
  bool operator==(const ProfileFaultStep&) const = default;
};

struct ProviderFaultStep {
  Code code = 0;  // the provider's own error code
  std::string text;
  std::string name;  // provider name
  int times = 1;
  bool operator==(const ProviderFaultStep&) const = default;
};

struct LastErrorStep {
  std::string as;
  bool operator==(const LastErrorStep&) const = default;
};

struct LogonStep {
  std::string name;
  std::string user;
  int session = 1;
  std::optional<std::string> linked;
  bool operator==(const LogonStep&) const = default;
};

struct LogoffStep {
  std::string as;
  bool operator==(const LogoffStep&) const = default;
};

using Step = std::variant<AddStep, CancelStep, GetConnectionStep, DrivesStep,
                          QueryDosDeviceStep, OpenStep, CloseStep, IoStep, ChdirStep,
                          JobStep, EndJobStep, ProfileFaultStep, ProviderFaultStep,
                          LastErrorStep, LogonStep, LogoffStep>;

// The scenario-language key of a step: "add", "cancel", ..., "fault".
const char* step_kind(const Step& step);

// The logon a step acts as, if it names one.
const std::string* step_actor(const Step& step);

const char* api_name(Api api);  // "W", "A", "2W", "2A"

}  // namespace wnc
