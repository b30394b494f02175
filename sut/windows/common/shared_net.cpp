#include "shared_net.h"

namespace wnc::win {

namespace {

// Session-local names: every process of one logon session (and, on Wine, of one prefix)
// sees the same network.
constexpr wchar_t kSectionName[] = L"Local\\wnetconf-np-net-v2";
constexpr wchar_t kMutexName[] = L"Local\\wnetconf-np-lock-v2";

struct Shared {
  HANDLE mutex = nullptr;
  SharedNet* net = nullptr;
};

BOOL CALLBACK open_shared(PINIT_ONCE, PVOID, PVOID* context) {
  static Shared shared;
  HANDLE section = CreateFileMappingW(INVALID_HANDLE_VALUE, nullptr, PAGE_READWRITE, 0,
                                      sizeof(SharedNet), kSectionName);
  HANDLE mutex = CreateMutexW(nullptr, FALSE, kMutexName);
  if (section && mutex) {
    // A new section is zero-filled: an empty network, no connections, no fault.
    shared.net = static_cast<SharedNet*>(
        MapViewOfFile(section, FILE_MAP_ALL_ACCESS, 0, 0, sizeof(SharedNet)));
    shared.mutex = mutex;
  }
  *context = &shared;
  return TRUE;  // the handles stay open for the life of the process
}

const Shared& shared() {
  static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
  void* context = nullptr;
  InitOnceExecuteOnce(&once, open_shared, nullptr, &context);
  return *static_cast<Shared*>(context);
}

}  // namespace

SharedNetLock::SharedNetLock() {
  const Shared& s = shared();
  if (!s.net || !s.mutex) return;
  DWORD wait = WaitForSingleObject(s.mutex, INFINITE);
  // An abandoned mutex means a holder died mid-update; the state is still usable.
  if (wait == WAIT_OBJECT_0 || wait == WAIT_ABANDONED) net_ = s.net;
}

SharedNetLock::~SharedNetLock() {
  if (net_) ReleaseMutex(shared().mutex);
}

LUID caller_logon() {
  LUID none{};
  HANDLE token = nullptr;
  if (!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token) &&
      !OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
    return none;
  TOKEN_STATISTICS stats{};
  DWORD size = 0;
  BOOL ok = GetTokenInformation(token, TokenStatistics, &stats, sizeof stats, &size);
  CloseHandle(token);
  return ok ? stats.AuthenticationId : none;
}

bool same_logon(const LUID& a, const LUID& b) {
  return a.LowPart == b.LowPart && a.HighPart == b.HighPart;
}

}  // namespace wnc::win
