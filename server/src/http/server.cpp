#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <atomic>
#include <thread>

#include "core/log.h"
#include "core/text.h"
#include "core/time.h"
#include "http/event_stream.h"
#include "http/request_parser.h"
#include "http/router.h"
#include "http/static_files.h"

namespace kh::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

constexpr auto as_tuple_awaitable = asio::as_tuple(use_awaitable);

// Same-origin only; the web app needs no inline script. 'unsafe-inline' is not granted anywhere.
constexpr const char* content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

struct Shared {
  const ServerOptions& options;
  const Router& router;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
};

Response plain_error(int status, std::string code, std::string message) {
  return error_response({status, std::move(code), std::move(message), {}});
}

//! The last resort: no input may take a thread down. An exception that reaches here is a bug — it is logged
//! with the route so it can be found, and the client gets the envelope without any detail of it.
Response handle(Request& request, const Shared& shared) {
  const auto unexpected = [&](std::string_view what) {  // errors::internal logs the detail, the client gets none
    return error_response(errors::internal("unhandled exception in " + request.method + " " + request.path + ": " +
                                           std::string(what)));
  };
  try {
    if (auto r = shared.router.dispatch(request)) return std::move(*r);
    if (!request.path.starts_with("/api/"))
      if (auto r = serve_static(shared.options.web_root, request)) return std::move(*r);
    return plain_error(404, "not_found", "指定されたURLは存在しません。");
  } catch (const std::exception& e) {
    return unexpected(e.what());
  } catch (...) {
    return unexpected("non-standard exception");
  }
}

void set_security_headers(bhttp::fields& out, bool secure);

bhttp::response<bhttp::string_body> to_beast(Response&& r, unsigned version, bool keep_alive, bool secure) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(r.status), version};
  if (!r.content_type.empty()) out.set(bhttp::field::content_type, r.content_type);
  set_security_headers(out, secure);
  bool has_cache_control = false;
  for (auto& [name, value] : r.headers) {
    has_cache_control |= text::ascii_lower(name) == "cache-control";
    out.insert(name, value);
  }
  // API answers carry personal data: no shared cache may keep them.
  if (!has_cache_control) out.set(bhttp::field::cache_control, "no-store");
  out.body() = std::move(r.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

void access_log(const Request& req, int status, std::size_t bytes, std::int64_t started) {
  // The query string is left out on purpose: it can hold search words or tokens.
  log::info("http_request", boost::json::object{{"method", req.method}, {"path", req.path}, {"status", status},
                                                {"bytes", bytes}, {"ms", now_ms() - started}, {"ip", req.remote_ip}});
}

void set_security_headers(bhttp::fields& out, bool secure) {
  out.set(bhttp::field::server, "kakehashi");
  out.set("Content-Security-Policy", content_security_policy);
  out.set("X-Content-Type-Options", "nosniff");
  out.set("X-Frame-Options", "DENY");
  out.set("Referrer-Policy", "same-origin");
  out.set("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
  if (secure) out.set("Strict-Transport-Security", "max-age=63072000");
}

//! Server-sent events: headers once, then frames as they are pushed, and a comment every 15 s so proxies
//! keep the connection and a vanished client is noticed.
awaitable<void> serve_events(beast::tcp_stream& stream, std::shared_ptr<EventStream> events, unsigned version,
                             bool secure, Shared& shared) {
  bhttp::response<bhttp::empty_body> head{bhttp::status::ok, version};
  set_security_headers(head, secure);
  head.set(bhttp::field::content_type, "text/event-stream; charset=utf-8");
  head.set(bhttp::field::cache_control, "no-store");
  head.set("X-Accel-Buffering", "no");
  head.keep_alive(true);
  bhttp::response_serializer<bhttp::empty_body> serializer{head};
  stream.expires_never();
  auto [head_ec, _] = co_await bhttp::async_write_header(stream, serializer, as_tuple_awaitable);
  if (head_ec) co_return events->disconnect();
  auto executor = co_await asio::this_coro::executor;
  auto timer = std::make_shared<asio::steady_timer>(executor);
  // A push from another thread wakes the wait through the connection's strand, never touching it directly.
  events->set_waker([timer, executor] { asio::post(executor, [timer] { timer->cancel(); }); });
  // Whatever ends this coroutine (error, shutdown, a destroyed frame), pushes stop writing to the socket first.
  struct Detach {
    EventStream& events;
    ~Detach() { events.disconnect(); }
  } detach{*events};
  events->set_direct_socket(stream.socket().native_handle());
  for (;;) {
    std::string frames = events->take();
    if (frames.empty()) {
      if (events->closed() || shared.stopping) break;
      timer->expires_after(std::chrono::seconds(15));
      auto [wait_ec] = co_await timer->async_wait(as_tuple_awaitable);
      if (wait_ec) continue;  // woken by a push
      frames = events->take_or(": keep-alive\n\n");
    }
    auto [write_ec, __] = co_await asio::async_write(stream, asio::buffer(frames), as_tuple_awaitable);
    if (write_ec) break;
  }
}

awaitable<void> serve_connection(tcp::socket socket, Shared& shared) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  boost::system::error_code ec;
  const auto endpoint = stream.socket().remote_endpoint(ec);
  const std::string ip = ec ? "" : endpoint.address().to_string();
  for (;;) {
    // A fresh parser and a fresh deadline for each request (the 1.81 examples reuse both, which is a bug).
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(shared.options.max_body_bytes);
    parser.header_limit(max_header_bytes);
    stream.expires_after(shared.options.request_timeout);
    auto [read_ec, _] = co_await bhttp::async_read(stream, buffer, parser, as_tuple_awaitable);
    if (read_ec == bhttp::error::end_of_stream || read_ec == beast::error::timeout || read_ec == asio::error::eof ||
        read_ec == asio::error::connection_reset || read_ec == asio::error::operation_aborted)
      break;
    const auto started = now_ms();
    shared.in_flight++;
    Response response;
    Request request;
    bool keep_alive = false;
    unsigned version = 11;
    if (read_ec) {
      // Malformed or oversized input: answer once in the envelope, then close (the stream may be out of sync).
      if (read_ec == bhttp::error::body_limit)
        response = plain_error(413, "payload_too_large", "送信データが大きすぎます。");
      else if (read_ec == bhttp::error::header_limit)
        response = plain_error(431, "headers_too_large", "リクエストヘッダーが大きすぎます。");
      else
        response = plain_error(400, "bad_request", "リクエストの形式が正しくありません。");
      request.remote_ip = ip;
    } else {
      auto message = parser.release();
      version = message.version();
      keep_alive = message.keep_alive() && !shared.stopping;
      if (auto converted = to_request(message, ip, shared.options.trust_proxy)) {
        request = std::move(*converted);
        response = handle(request, shared);
        if (request.method == "HEAD") {
          // HEAD gets the headers of the GET and no body — for an event stream too: nothing is subscribed.
          response.body.clear();
          if (response.stream) {
            response.stream->disconnect();
            response.stream.reset();
            response.content_type = "text/event-stream; charset=utf-8";
          }
        }
      } else {
        response = error_response(converted.error());
        request.method = std::string(message.method_string());
        request.remote_ip = ip;
      }
    }
    if (response.stream) {
      // An event stream is not a request in flight: graceful shutdown does not wait for it.
      shared.in_flight--;
      access_log(request, 200, 0, started);
      co_await serve_events(stream, response.stream, version, request.secure, shared);
      break;
    }
    const int status = response.status;
    auto out = to_beast(std::move(response), version, keep_alive, request.secure);
    const auto bytes = out.body().size();
    stream.expires_after(shared.options.request_timeout);
    auto [write_ec, __] = co_await bhttp::async_write(stream, out, as_tuple_awaitable);
    shared.in_flight--;
    access_log(request, status, bytes, started);
    if (write_ec || !keep_alive || read_ec) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

awaitable<void> accept_loop(tcp::acceptor& acceptor, Shared& shared) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(as_tuple_awaitable);
    if (ec) {
      if (!acceptor.is_open()) co_return;
      continue;  // e.g. too many open files: keep serving the connections we have
    }
    auto executor = asio::make_strand(acceptor.get_executor());
    asio::co_spawn(executor, serve_connection(std::move(socket), shared), asio::detached);
  }
}

}  // namespace

Server::Server(ServerOptions options, const Router& router) : options_(std::move(options)), router_(router) {}

int Server::run(const std::function<void(unsigned short)>& on_listening, const std::function<void()>& on_stop) {
  asio::io_context ioc(static_cast<int>(options_.threads));
  Shared shared{options_, router_};
  tcp::acceptor acceptor(ioc);
  const tcp::endpoint endpoint(asio::ip::make_address(options_.host), options_.port);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  // Signals are caught before anyone is told we listen, so a SIGTERM right after start is still graceful.
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  on_listening(acceptor.local_endpoint().port());
  asio::steady_timer drain(ioc);
  std::chrono::steady_clock::time_point drain_started;
  std::function<void()> wait_for_drain = [&] {
    if (shared.in_flight == 0 || std::chrono::steady_clock::now() - drain_started > std::chrono::seconds(10)) {
      ioc.stop();
      return;
    }
    drain.expires_after(std::chrono::milliseconds(50));
    drain.async_wait([&](auto) { wait_for_drain(); });
  };
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    log::info("shutdown", "signal " + std::to_string(signal) + ": no new connections; finishing requests in flight");
    shared.stopping = true;
    drain_started = std::chrono::steady_clock::now();
    boost::system::error_code ignored;
    acceptor.close(ignored);
    on_stop();
    wait_for_drain();
  });

  asio::co_spawn(ioc, accept_loop(acceptor, shared), asio::detached);
  std::vector<std::jthread> pool;
  for (std::size_t i = 1; i < options_.threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  return 0;
}

}  // namespace kh::http
