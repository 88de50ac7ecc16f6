#pragma once
//! The HTTP listener. Beast and Asio stay inside server.cpp; callers see only options and a Router.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace kh::http {

class Router;

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;                        //!< 0 picks a free port (tests)
  std::size_t threads = 4;                           //!< request threads (handlers may block on the database)
  std::size_t max_body_bytes = 1 << 20;              //!< larger bodies get 413
  std::chrono::seconds request_timeout{30};          //!< per request, reset for each one on a kept-alive connection
  std::string web_root;                              //!< built web app (index.html + assets); empty: API only
  bool trust_proxy = false;                          //!< honour X-Forwarded-For / X-Forwarded-Proto
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  //! Listens, calls `on_listening(port)` once bound, and serves until SIGTERM or SIGINT. In-flight requests
  //! are allowed to finish (up to 10 s) before it returns; `on_stop` runs first so workers can wind down.
  int run(const std::function<void(unsigned short)>& on_listening, const std::function<void()>& on_stop);

 private:
  ServerOptions options_;
  const Router& router_;
};

}  // namespace kh::http
