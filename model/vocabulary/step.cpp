#include "vocabulary/step.h"

#include <type_traits>

namespace wnc {

namespace {
template <class T>
constexpr const char* kind_of() {
  if constexpr (std::is_same_v<T, AddStep>) return "add";
  if constexpr (std::is_same_v<T, CancelStep>) return "cancel";
  if constexpr (std::is_same_v<T, GetConnectionStep>) return "get_connection";
  if constexpr (std::is_same_v<T, DrivesStep>) return "drives";
  if constexpr (std::is_same_v<T, QueryDosDeviceStep>) return "query_dos_device";
  if constexpr (std::is_same_v<T, OpenStep>) return "open";
  if constexpr (std::is_same_v<T, CloseStep>) return "close";
  if constexpr (std::is_same_v<T, IoStep>) return "io";
  if constexpr (std::is_same_v<T, ChdirStep>) return "chdir";
  if constexpr (std::is_same_v<T, JobStep>) return "job";
  if constexpr (std::is_same_v<T, EndJobStep>) return "end_job";
  if constexpr (std::is_same_v<T, ProfileFaultStep>) return "fault";
  if constexpr (std::is_same_v<T, ProviderFaultStep>) return "fault";
  if constexpr (std::is_same_v<T, LastErrorStep>) return "last_error";
  if constexpr (std::is_same_v<T, LogonStep>) return "logon";
  if constexpr (std::is_same_v<T, LogoffStep>) return "logoff";
}
}  // namespace

const char* step_kind(const Step& step) {
  return std::visit([](const auto& s) { return kind_of<std::decay_t<decltype(s)>>(); }, step);
}

const std::string* step_actor(const Step& step) {
  return std::visit(
      [](const auto& s) -> const std::string* {
        if constexpr (requires { s.as; }) return &s.as;
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
