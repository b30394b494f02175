// JSON Lines transport of agent protocol v1: stdin/stdout, or one TCP client at a time.
#pragma once

#include <winsock2.h>
#include <windows.h>

#include <memory>
#include <string>

namespace wnc::win {

class LineIo {
 public:
  virtual ~LineIo() = default;
  // One line without its end ("\n" or "\r\n"); false at the end of input.
  bool read_line(std::string& line);
  bool write_line(const std::string& line);

 protected:
  virtual int read_some(char* buffer, int size) = 0;  // <= 0: end of input
  virtual bool write_all(const char* data, size_t size) = 0;

 private:
  std::string pending_;
};

std::unique_ptr<LineIo> stdio_lines();

class TcpListener {
 public:
  TcpListener(const std::string& host, const std::string& port);  // throws std::runtime_error
  ~TcpListener();
  TcpListener(const TcpListener&) = delete;
  TcpListener& operator=(const TcpListener&) = delete;
  std::string address() const;  // "host:port" as bound (port 0 becomes the real one)
  std::unique_ptr<LineIo> accept();  // null when the listener failed

 private:
  SOCKET socket_ = INVALID_SOCKET;
};

}  // namespace wnc::win
