// Fuzz target: the HTTP request path. Raw bytes as they arrive on a connection → Beast's request parser with the
// server's limits → to_request (target URL, UTF-8 checks, query parameters, headers) → a Router with routes
// shaped like the real ones ({id} captures, a GET that also answers HEAD, 405 with Allow) → a response that Beast
// can serialise. Several requests may follow each other in one input, as on a kept-alive connection.
// Invariant: no crash or sanitizer report, and every request gets exactly one response with a sane status.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/log.h"
#include "core/text.h"
#include "http/request.h"
#include "http/request_parser.h"
#include "http/router.h"
#include "http/server.h"

namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using kh::http::Request;
using kh::http::Response;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "http_request fuzz: invariant failed: %s\n", what);
    std::abort();
  }
}

//! What a handler typically does with a request: path parameters, cookie, headers, query, JSON body.
Response echo(Request& req) {
  boost::json::object out;
  for (const auto& [name, value] : req.path_params) {
    check(req.param(name) == value, "param() returns the captured segment");
    check(!value.empty() && value.find('/') == std::string::npos, "a captured segment is one non-empty segment");
    out[name] = value;
  }
  if (auto session = req.cookie("kh_session")) out["session"] = *session;
  if (auto csrf = req.header("X-CSRF-Token")) out["csrf"] = *csrf;
  if (auto q = req.query_param("q")) out["q"] = *q;
  if (req.is_unsafe_method()) {
    auto body = kh::http::json_body(req);
    if (!body) return kh::http::error_response(body.error());
    kh::json::FieldReader reader(*body);
    auto title = reader.optional_string("title", "件名");
    if (auto done = reader.finish(); !done) return kh::http::error_response(done.error());
    if (title) out["title"] = *title;
  }
  return kh::http::json_response(200, out);
}

const kh::http::Router& router() {
  static const kh::http::Router r = [] {
    kh::http::Router r;
    r.add("GET", "/api/v1/health", echo);
    r.add("GET", "/api/v1/users/{id}", echo);
    r.add("PATCH", "/api/v1/users/{id}", echo);
    r.add("POST", "/api/v1/postings", echo);
    r.add("POST", "/api/v1/postings/{id}/status", echo);
    r.add("GET", "/api/v1/postings/{id}/versions", echo);
    r.add("GET", "/api/v1/applications/{id}/messages/{message_id}", echo);
    r.add("POST", "/api/v1/applications/{id}/messages", echo);
    r.add("GET", "/api/v1/reference/postal-codes/{code}", echo);
    r.add("DELETE", "/api/v1/sessions/current", echo);
    r.add("GET", "/api/v1/events", echo);
    return r;
  }();
  return r;
}

//! What server.cpp's handle() does, without the static files (web_root is empty in tests too).
Response handle(Request& request) {
  if (auto r = router().dispatch(request)) return std::move(*r);
  return kh::http::error_response({404, "not_found", "指定されたURLは存在しません。", {}});
}

//! The response as Beast would write it (status line, headers, body): a header value no peer could read
//! would make Beast throw or produce garbage here.
void serialise(Response&& r, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(r.status), version};
  if (!r.content_type.empty()) out.set(bhttp::field::content_type, r.content_type);
  for (auto& [name, value] : r.headers) out.insert(name, value);
  out.body() = std::move(r.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  std::ostringstream sink;
  sink << out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool quiet = (kh::log::set_quiet(true), true);
  (void)quiet;
  const kh::http::ServerOptions options;  // the defaults are what `serve` uses unless configured
  beast::flat_buffer buffer;
  {
    auto prepared = buffer.prepare(size);
    if (size) std::memcpy(prepared.data(), data, size);
    buffer.commit(size);
  }
  // At most a few requests per input: as on a connection, each gets a fresh parser (see serve_connection).
  for (int round = 0; round < 4 && buffer.size() > 0; ++round) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(options.max_body_bytes);
    parser.header_limit(kh::http::max_header_bytes);
    boost::system::error_code ec;
    while (!parser.is_done()) {
      const auto used = parser.put(buffer.data(), ec);
      buffer.consume(used);
      if (ec == bhttp::error::need_more || (!ec && used == 0)) {
        ec = {};
        if (used > 0 && buffer.size() > 0) continue;
        // All there is was not enough: the client stopped sending, as when a connection ends mid-message.
        parser.put_eof(ec);
        break;
      }
      if (ec) break;
    }
    if (ec || !parser.is_done()) {
      // serve_connection answers 413, 431 or 400 and closes the connection.
      const int status = ec == bhttp::error::body_limit ? 413 : ec == bhttp::error::header_limit ? 431 : 400;
      serialise(kh::http::error_response({status, "bad_request", "リクエストの形式が正しくありません。", {}}), 11, false);
      return 0;
    }
    auto message = parser.release();
    for (const bool trust_proxy : {false, true}) {
      auto converted = kh::http::to_request(message, "127.0.0.1", trust_proxy);
      Response response;
      if (converted) {
        Request& request = *converted;
        check(kh::text::is_valid_utf8(request.path), "the path is valid UTF-8");
        for (const auto& [k, v] : request.query)
          check(kh::text::is_valid_utf8(k) && kh::text::is_valid_utf8(v), "query parameters are valid UTF-8");
        for (const auto& [name, value] : request.headers)
          check(name == kh::text::ascii_lower(name), "header names are lower-cased");
        check(request.body == message.body(), "the body is passed on unchanged");
        response = handle(request);
        if (request.method == "HEAD") response.body.clear();
      } else {
        check(converted.error().status == 400, "a request that cannot be converted is a 400");
        response = kh::http::error_response(converted.error());
      }
      check(response.status >= 200 && response.status <= 599, "the status is a final HTTP status");
      serialise(std::move(response), message.version(), message.keep_alive());
    }
    if (!message.keep_alive()) break;
  }
  return 0;
}
