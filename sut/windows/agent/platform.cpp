#include "platform.h"

#include <windows.h>

#include "../common/device_links.h"
#include "vocabulary/capabilities.h"
#include "vocabulary/step.h"

namespace wnc::win {

namespace {

template <typename F>
F ntdll_function(const char* name) {
  return reinterpret_cast<F>(reinterpret_cast<void*>(GetProcAddress(GetModuleHandleW(L"ntdll.dll"), name)));
}

std::string wine_description() {
  using GetString = const char*(CDECL*)();
  using GetHost = void(CDECL*)(const char**, const char**);
  std::string out = std::string("Wine ") + ntdll_function<GetString>("wine_get_version")();
  if (auto build = ntdll_function<GetString>("wine_get_build_id")) out += std::string(" (") + build() + ")";
  if (auto host = ntdll_function<GetHost>("wine_get_host_version")) {
    const char *sysname = nullptr, *release = nullptr;
    host(&sysname, &release);
    if (sysname && release) out += std::string(" on ") + sysname + " " + release;
  }
  return out;
}

std::string windows_description() {
  using RtlGetVersion = LONG(WINAPI*)(OSVERSIONINFOW*);
  OSVERSIONINFOW v{};
  v.dwOSVersionInfoSize = sizeof v;
  if (auto get = ntdll_function<RtlGetVersion>("RtlGetVersion")) get(&v);
  return "Windows " + std::to_string(v.dwMajorVersion) + "." + std::to_string(v.dwMinorVersion) + "." +
         std::to_string(v.dwBuildNumber);
}

}  // namespace

Platform detect_platform() {
  Platform p;
  p.wine = running_on_wine();
  p.description = p.wine ? wine_description() : windows_description();
  p.provider_loaded = GetModuleHandleW(L"wnetconf-np.dll") != nullptr;
  return p;
}

std::set<std::string> capabilities(const Platform& platform) {
  std::set<std::string> caps(step_kinds().begin(), step_kinds().end());
  // Not claimed: logon, logoff, logon.multiple, logon.system and profile.nt-linked, since
  // the agent acts as its own process identity only (on Wine every token is the same fake
  // one, and LogonUserW's handles cannot be impersonated).
  caps.erase(LogonStep::traits.kind);
  caps.erase(LogoffStep::traits.kind);
  caps.insert({capability::kFaultProfile, capability::kApiAnsi, capability::kNameNull});
  if (platform.provider_loaded) caps.insert(capability::kFaultProvider);
  // A print job opens the LPT device as a file; Wine resolves file names through the
  // prefix's dosdevices/ directory, which a DefineDosDevice'd LPT link never reaches.
  if (platform.wine) {
    caps.erase(JobStep::traits.kind);
    caps.erase(EndJobStep::traits.kind);
  } else {
    caps.insert(capability::kPrint);
  }
  return caps;
}

}  // namespace wnc::win
