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
};

struct CancelStep {
  std::string as;
  std::optional<std::string> name;  // nullopt is a NULL lpName
  bool force = false;
  Api api = Api::W;
  bool update_profile = false;  // CONNECT_UPDATE_PROFILE; read for W2/A2 only
};

struct GetConnectionStep {
  std::string as;
  std::string local;
};

struct DrivesStep {
  std::string as;
};

struct QueryDosDeviceStep {
  std::string as;
  std::string name;
};

struct OpenStep {
  std::string as;
  std::string path;
  std::string handle;
  HandleKind kind = HandleKind::File;
};

struct CloseStep {
  std::string handle;
};

struct IoStep {
  std::string handle;
};

struct ChdirStep {
  std::string as;
  std::string path;
};

struct JobStep {
  std::string as;
  std::string device;
  std::string job;
};

struct EndJobStep {
  std::string job;
};

enum class ProfileHealth { Ok, Unreadable, Corrupt };

struct ProfileFaultStep {
  ProfileHealth health = ProfileHealth::Ok;
  std::string user;
  std::string device;  // Corrupt only: the entry that loses its RemotePath
};

struct ProviderFaultStep {
  Code code = 0;  // the provider's own error code
  std::string text;
  std::string name;  // provider name
  int times = 1;
};

struct LastErrorStep {
  std::string as;
};

struct LogonStep {
  std::string name;
  std::string user;
  int session = 1;
  std::optional<std::string> linked;
};

struct LogoffStep {
  std::string as;
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
