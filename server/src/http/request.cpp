#include "http/request.h"

#include <boost/json.hpp>

#include "core/json.h"
#include "core/text.h"

namespace kh::http {

std::optional<std::string> Request::header(std::string_view name) const {
  auto it = headers.find(text::ascii_lower(name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto raw = header("cookie");
  if (!raw) return std::nullopt;
  std::string_view rest = *raw;
  while (!rest.empty()) {
    auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return std::nullopt;
}

Result<boost::json::object> json_body(const Request& request) {
  const auto type = text::ascii_lower(request.header("content-type").value_or(""));
  if (!type.starts_with("application/json"))
    return fail(Error{415, "unsupported_media_type", "リクエスト本文はJSON（Content-Type: application/json）で送信してください。", {}});
  return json::parse_object(request.body);
}

Response json_response(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  return r;
}

Response no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response error_response(const Error& error) {
  boost::json::object fields;
  for (const auto& [k, v] : error.fields) fields[k] = v;
  boost::json::object inner{{"code", error.code}, {"message", error.message}};
  if (!fields.empty()) inner["fields"] = std::move(fields);
  auto response = json_response(error.status, boost::json::object{{"error", std::move(inner)}});
  if (error.retry_after_seconds > 0) response.header("Retry-After", std::to_string(error.retry_after_seconds));
  return response;
}

}  // namespace kh::http
