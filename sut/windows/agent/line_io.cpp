#include "line_io.h"

#include <ws2tcpip.h>

#include <stdexcept>

namespace wnc::win {

bool LineIo::read_line(std::string& line) {
  for (;;) {
    if (size_t end = pending_.find('\n'); end != std::string::npos) {
      line = pending_.substr(0, end);
      pending_.erase(0, end + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    char buffer[4096];
    int n = read_some(buffer, sizeof buffer);
    if (n <= 0) return false;  // a last line without its newline is not a request
    pending_.append(buffer, static_cast<size_t>(n));
  }
}

bool LineIo::write_line(const std::string& line) {
  std::string out = line + "\n";
  return write_all(out.data(), out.size());
}

namespace {

// Raw handles, not the C runtime's streams: no text-mode translation, no buffering.
class HandleLines final : public LineIo {
 protected:
  int read_some(char* buffer, int size) override {
    DWORD n = 0;
    if (!ReadFile(GetStdHandle(STD_INPUT_HANDLE), buffer, static_cast<DWORD>(size), &n, nullptr)) return 0;
    return static_cast<int>(n);
  }
  bool write_all(const char* data, size_t size) override {
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    while (size > 0) {
      DWORD n = 0;
      if (!WriteFile(out, data, static_cast<DWORD>(size), &n, nullptr) || n == 0) return false;
      data += n;
      size -= n;
    }
    return true;
  }
};

class SocketLines final : public LineIo {
 public:
  explicit SocketLines(SOCKET s) : socket_(s) {}
  ~SocketLines() override { closesocket(socket_); }

 protected:
  int read_some(char* buffer, int size) override { return recv(socket_, buffer, size, 0); }
  bool write_all(const char* data, size_t size) override {
    while (size > 0) {
      int n = send(socket_, data, static_cast<int>(size), 0);
      if (n <= 0) return false;
      data += n;
      size -= static_cast<size_t>(n);
    }
    return true;
  }

 private:
  SOCKET socket_;
};

}  // namespace

std::unique_ptr<LineIo> stdio_lines() { return std::make_unique<HandleLines>(); }

TcpListener::TcpListener(const std::string& host, const std::string& port) {
  WSADATA wsa;
  if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) throw std::runtime_error("WSAStartup failed");
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0 || !found)
    throw std::runtime_error("cannot resolve " + host + ":" + port);
  socket_ = ::socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  bool ok = socket_ != INVALID_SOCKET && bind(socket_, found->ai_addr, static_cast<int>(found->ai_addrlen)) == 0 &&
            listen(socket_, 1) == 0;
  freeaddrinfo(found);
  if (!ok) throw std::runtime_error("cannot listen on " + host + ":" + port + " (WSA error " +
                                    std::to_string(WSAGetLastError()) + ")");
}

TcpListener::~TcpListener() {
  if (socket_ != INVALID_SOCKET) closesocket(socket_);
  WSACleanup();
}

std::string TcpListener::address() const {
  sockaddr_storage addr{};
  int size = sizeof addr;
  getsockname(socket_, reinterpret_cast<sockaddr*>(&addr), &size);
  char host[NI_MAXHOST] = "", port[NI_MAXSERV] = "";
  getnameinfo(reinterpret_cast<sockaddr*>(&addr), size, host, sizeof host, port, sizeof port,
              NI_NUMERICHOST | NI_NUMERICSERV);
  return std::string(host) + ":" + port;
}

std::unique_ptr<LineIo> TcpListener::accept() {
  SOCKET client = ::accept(socket_, nullptr, nullptr);
  if (client == INVALID_SOCKET) return nullptr;
  return std::make_unique<SocketLines>(client);
}

}  // namespace wnc::win
