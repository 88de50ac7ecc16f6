#pragma once
//! Plain request/response types: modules see these, never Beast.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

#include <boost/json/object.hpp>

namespace kh::http {

struct Request {
  std::string method;                                //!< "GET", "POST" …
  std::string target;                                //!< raw target with query
  std::string path;                                  //!< decoded path without query
  std::multimap<std::string, std::string> query;     //!< decoded query parameters
  std::map<std::string, std::string> headers;        //!< header names lower-cased
  std::string body;
  std::string remote_ip;
  bool secure = false;                               //!< reached over TLS (directly or via a trusted proxy)
  std::map<std::string, std::string> path_params;    //!< filled by the router from {name} segments

  std::optional<std::string> header(std::string_view name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  const std::string& param(std::string_view name) const { return path_params.at(std::string(name)); }
  bool is_unsafe_method() const { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }
};

class EventStream;

struct Response {
  int status = 200;
  //! Set for server-sent events: the server sends the headers, then whatever is pushed to the stream.
  std::shared_ptr<EventStream> stream;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

//! The body as a JSON object; 415 unless sent as application/json (which also keeps cross-site forms out).
Result<boost::json::object> json_body(const Request& request);

Response json_response(int status, const boost::json::value& body);
Response no_content();
//! The SPEC.md error envelope: {"error":{"code","message","fields"}}.
Response error_response(const Error& error);
//! Turns a Result into a response: the value rendered by `render`, or the error envelope.
template <class T, class F>
Response respond(const Result<T>& result, F&& render) {
  if (!result) return error_response(result.error());
  return render(*result);
}

}  // namespace kh::http
