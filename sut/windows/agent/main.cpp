// wnetconf-agent.exe: serves agent protocol v1 (docs/agent-protocol.md) on stdin/stdout, or on TCP with
// --listen HOST:PORT, performing every step with the platform's real API.
#include <windows.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "../common/text.h"
#include "agent/host_port.h"
#include "profile_keeper.h"
#include "protocol/agent_access.h"
#include "session.h"
#include "vocabulary/input_error.h"

namespace {

void write_stderr(const std::string& text) {
  DWORD written = 0;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), text.data(), static_cast<DWORD>(text.size()), &written, nullptr);
}

// A crash (Wine's mpr dies on some NULL names) ends the process at once with one line
// that names the exception and the module it happened in: no debugger, no dialog.
LONG WINAPI report_crash(EXCEPTION_POINTERS* info) {
  const EXCEPTION_RECORD& record = *info->ExceptionRecord;
  wchar_t module_path[MAX_PATH] = L"?";
  HMODULE module = nullptr;
  if (GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                         static_cast<LPCWSTR>(record.ExceptionAddress), &module))
    GetModuleFileNameW(module, module_path, MAX_PATH);
  char line[512];
  std::snprintf(line, sizeof line, "wnetconf-agent: crashed: exception 0x%08lx at %p in %s\n",
                static_cast<unsigned long>(record.ExceptionCode), record.ExceptionAddress,
                wnc::win::narrow(module_path).c_str());
  write_stderr(line);
  TerminateProcess(GetCurrentProcess(), record.ExceptionCode);
  return EXCEPTION_EXECUTE_HANDLER;
}

constexpr const char* kUsage =
    "usage: wnetconf-agent.exe [--listen HOST:PORT [--token-file FILE] [--idle-ms N]] [--keep-profile]\n"
    "Serves wnetconf agent protocol v1 (JSON Lines) on stdin/stdout, or on TCP: loopback only\n"
    "without a token (--token-file, or the file WNETCONF_TOKEN_FILE names). HKCU\\Network is saved\n"
    "at start and restored at exit on Windows, and under Wine with --keep-profile.\n";

struct Options {
  std::string listen;
  std::wstring token_file;
  int idle_ms = wnc::kDefaultIdleMs;
  bool keep_profile = false;
};

// Throws InputError naming the option.
Options parse(int argc, wchar_t** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::wstring arg = argv[i];
    auto value = [&]() -> std::wstring {
      if (i + 1 >= argc) throw wnc::InputError(wnc::win::narrow(arg) + " needs a value");
      return argv[++i];
    };
    if (arg == L"--listen") {
      o.listen = wnc::win::narrow(value());
    } else if (arg == L"--token-file") {
      o.token_file = value();
    } else if (arg == L"--idle-ms") {
      const std::string text = wnc::win::narrow(value());
      if (text.empty() || text.size() > 8 || text.find_first_not_of("0123456789") != std::string::npos ||
          std::stoi(text) < 1)
        throw wnc::InputError("--idle-ms " + text + ": expected a number of milliseconds from 1 to 99999999");
      o.idle_ms = std::stoi(text);
    } else if (arg == L"--keep-profile") {
      o.keep_profile = true;
    } else {
      throw wnc::InputError("unknown option " + wnc::win::narrow(arg));
    }
  }
  if (o.token_file.empty())
    if (const wchar_t* env = _wgetenv(L"WNETCONF_TOKEN_FILE"); env && *env) o.token_file = env;
  return o;
}

std::wstring current_directory() {
  wchar_t dir[MAX_PATH];
  DWORD n = GetCurrentDirectoryW(MAX_PATH, dir);
  return std::wstring(dir, n < MAX_PATH ? n : 0);
}

wnc::win::ProfileKeeper* g_keeper = nullptr;

// Ctrl-C, or the console closing: the user's profile goes back before the process ends.
BOOL WINAPI on_console_event(DWORD) {
  if (g_keeper) g_keeper->restore();
  ExitProcess(130);
}

int listen_on(wnc::win::AgentState& state, const wnc::agent::HostPort& address, const wnc::win::TcpOptions& options) {
  try {
    wnc::win::TcpListener listener(address.host, address.port);
    write_stderr("wnetconf-agent: listening on " + listener.address() + "\n");
    wnc::win::serve_tcp(state, listener, options);
    return 1;
  } catch (const std::exception& e) {
    write_stderr(std::string("wnetconf-agent: ") + e.what() + "\n");
    return 1;
  }
}

}  // namespace

int wmain(int argc, wchar_t** argv) {
  SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
  SetUnhandledExceptionFilter(report_crash);

  Options options;
  std::optional<wnc::agent::HostPort> address;
  wnc::win::TcpOptions tcp;
  try {
    options = parse(argc, argv);
    if (!options.listen.empty()) address = wnc::agent::parse_host_port(options.listen, "--listen " + options.listen);
    if (address) {
      tcp.idle_ms = options.idle_ms;
      if (!options.token_file.empty()) tcp.token = wnc::read_token_file(std::filesystem::path(options.token_file));
      else if (!wnc::win::is_loopback(address->host))
        throw wnc::InputError("--listen " + options.listen +
                              ": not a loopback address; serving beyond this machine needs --token-file "
                              "(without a token the agent listens on loopback only)");
    }
  } catch (const wnc::InputError& e) {
    write_stderr(std::string("wnetconf-agent: ") + e.what() + "\n" + kUsage);
    return 2;
  }

  wnc::win::AgentState state;
  state.platform = wnc::win::detect_platform();
  state.start_directory = current_directory();

  std::unique_ptr<wnc::win::ProfileKeeper> keeper;
  if (!state.platform.wine || options.keep_profile) {
    try {
      keeper = std::make_unique<wnc::win::ProfileKeeper>();
    } catch (const std::exception& e) {
      write_stderr(std::string("wnetconf-agent: ") + e.what() + "\n");
      return 1;
    }
    g_keeper = keeper.get();
    SetConsoleCtrlHandler(on_console_event, TRUE);
  }

  if (address) return listen_on(state, *address, tcp);
  auto io = wnc::win::stdio_lines();
  wnc::win::serve(state, *io);
  return 0;
}
