// JSON Lines transport of agent protocol v1: stdin/stdout, or one TCP client at a time.
#pragma once

#include <winsock2.h>
#include <windows.h>

#include <memory>
#include <string>

namespace wnc::win {

enum class LineRead { Line, None, End, TooLong };

class LineIo {
 public:
  virtual ~LineIo() = default;
  // Waits for one line without its end ("\n" or "\r\n"): Line, End at the end of input,
  // or TooLong past kMaxRequestLine.
  LineRead read_line(std::string& line);
  // Reads once, which must not block (the caller saw the input ready), and hands out a
  // line if one is complete: Line, None, End or TooLong.
  LineRead read_line_now(std::string& line);
  // A line already received, without reading: Line, None or TooLong.
  LineRead take_line(std::string& line);
  bool write_line(const std::string& line);

 protected:
  virtual int read_some(char* buffer, int size) = 0;  // <= 0: end of input
  virtual bool write_all(const char* data, size_t size) = 0;

 private:
  std::string pending_;
};

std::unique_ptr<LineIo> stdio_lines();

// A connected client: its lines, and its socket for select().
class SocketLines final : public LineIo {
 public:
  explicit SocketLines(SOCKET s) : socket_(s) {}
  ~SocketLines() override { closesocket(socket_); }
  SOCKET socket() const { return socket_; }

 protected:
  int read_some(char* buffer, int size) override;
  bool write_all(const char* data, size_t size) override;

 private:
  SOCKET socket_;
};

class TcpListener {
 public:
  TcpListener(const std::string& host, int port);  // throws std::runtime_error
  ~TcpListener();
  TcpListener(const TcpListener&) = delete;
  TcpListener& operator=(const TcpListener&) = delete;
  std::string address() const;  // "host:port" as bound (port 0 becomes the real one)
  std::unique_ptr<SocketLines> accept();  // null when the listener failed
  SOCKET socket() const { return socket_; }

 private:
  SOCKET socket_ = INVALID_SOCKET;
};

// Whether every address `host` names is a loopback one (127.0.0.0/8, ::1); a host that does
// not resolve is not.
bool is_loopback(const std::string& host);

}  // namespace wnc::win
