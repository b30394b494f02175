// The plain loop of issue 5.7: the Wine bench's step mix as direct API calls inside one Wine
// process, no agent and no protocol. Cross-built with x86_64-w64-mingw32-g++ (bench/CMakeLists.txt)
// and run by wnetconf_wine_bench in the bench's own prefix while its agent is alive: the agent's
// `reset` has written the network into wnetconf-np.dll's named section, which the provider
// loaded into this process finds by name, so the calls reach the same provider in the same state.
//
//   wine wnetconf-plain-loop.exe [MIXES]
//
// One mix is: WNetAddConnection2W(Z: -> \\fs1\docs), GetLogicalDrives, WNetGetConnectionW(Z:),
// QueryDosDeviceW(Z:), WNetCancelConnectionW(Z:, FALSE), WNetGetLastErrorW. Prints one line:
//   mixes=N calls=C seconds=S add_us=.. drives_us=.. get_connection_us=.. query_dos_device_us=..
//   cancel_us=.. last_error_us=..
// (per-call means). Exits 1, saying which call, if add or cancel does not give 0.
#include <windows.h>
#include <winnetwk.h>

#include <cstdio>
#include <cstdlib>

#include "vocabulary/step.h"

namespace {

enum Kind { kAdd, kDrives, kGetConnection, kQueryDosDevice, kCancel, kLastError, kKinds };
// Named as the steps the agent runs for the same calls, so the two lines compare field by field.
const char* const kNames[kKinds] = {wnc::AddStep::traits.kind,         wnc::DrivesStep::traits.kind,
                                    wnc::GetConnectionStep::traits.kind, wnc::QueryDosDeviceStep::traits.kind,
                                    wnc::CancelStep::traits.kind,      wnc::LastErrorStep::traits.kind};

LARGE_INTEGER now() {
  LARGE_INTEGER t;
  QueryPerformanceCounter(&t);
  return t;
}

struct Mix {
  wchar_t local[3] = L"Z:";
  wchar_t remote[11] = L"\\\\fs1\\docs";
  long long ticks[kKinds] = {};

  // Returns 0, or the failing rc of add/cancel (then `failed` says which).
  DWORD run(const char** failed) {
    NETRESOURCEW resource{};
    resource.dwType = RESOURCETYPE_DISK;
    resource.lpLocalName = local;
    resource.lpRemoteName = remote;
    wchar_t buffer[1024];
    DWORD chars = 0, error = 0;
    wchar_t text[1024], provider[256];

    LARGE_INTEGER t0 = now();
    DWORD rc = WNetAddConnection2W(&resource, nullptr, nullptr, 0);
    LARGE_INTEGER t1 = now();
    ticks[kAdd] += t1.QuadPart - t0.QuadPart;
    if (rc != NO_ERROR) {
      *failed = kNames[kAdd];
      return rc;
    }

    volatile DWORD mask = GetLogicalDrives();
    (void)mask;
    LARGE_INTEGER t2 = now();
    ticks[kDrives] += t2.QuadPart - t1.QuadPart;

    chars = 1024;
    WNetGetConnectionW(local, buffer, &chars);
    LARGE_INTEGER t3 = now();
    ticks[kGetConnection] += t3.QuadPart - t2.QuadPart;

    QueryDosDeviceW(local, buffer, 1024);
    LARGE_INTEGER t4 = now();
    ticks[kQueryDosDevice] += t4.QuadPart - t3.QuadPart;

    rc = WNetCancelConnectionW(local, FALSE);
    LARGE_INTEGER t5 = now();
    ticks[kCancel] += t5.QuadPart - t4.QuadPart;
    if (rc != NO_ERROR) {
      *failed = kNames[kCancel];
      return rc;
    }

    WNetGetLastErrorW(&error, text, 1024, provider, 256);
    LARGE_INTEGER t6 = now();
    ticks[kLastError] += t6.QuadPart - t5.QuadPart;
    return NO_ERROR;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const long mixes = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 200;
  if (mixes <= 0) {
    std::fprintf(stderr, "usage: wnetconf-plain-loop.exe [MIXES > 0]\n");
    return 2;
  }
  LARGE_INTEGER frequency;
  QueryPerformanceFrequency(&frequency);

  const char* failed = nullptr;
  Mix warm;  // the first calls load the provider's section and the mount manager's handle
  if (DWORD rc = warm.run(&failed)) {
    std::fprintf(stderr, "wnetconf-plain-loop: warm-up %s gave %lu (is an agent's reset alive in this prefix?)\n",
                 failed, rc);
    return 1;
  }

  Mix mix;
  LARGE_INTEGER start = now();
  for (long i = 0; i < mixes; ++i) {
    if (DWORD rc = mix.run(&failed)) {
      std::fprintf(stderr, "wnetconf-plain-loop: mix %ld: %s gave %lu\n", i, failed, rc);
      return 1;
    }
  }
  LARGE_INTEGER end = now();

  const double seconds = static_cast<double>(end.QuadPart - start.QuadPart) / static_cast<double>(frequency.QuadPart);
  std::printf("mixes=%ld calls=%ld seconds=%.6f", mixes, mixes * kKinds, seconds);
  for (int k = 0; k < kKinds; ++k)
    std::printf(" %s_us=%.2f", kNames[k],
                1e6 * static_cast<double>(mix.ticks[k]) / static_cast<double>(frequency.QuadPart) /
                    static_cast<double>(mixes));
  std::printf("\n");
  std::fflush(stdout);
  return 0;
}
