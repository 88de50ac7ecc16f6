#include "http/request_parser.h"

#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include "core/text.h"

namespace kh::http {

Result<Request> to_request(const boost::beast::http::request<boost::beast::http::string_body>& in,
                           const std::string& ip, bool trust_proxy) {
  Request r;
  r.method = std::string(in.method_string());
  r.target = std::string(in.target());
  auto url = boost::urls::parse_origin_form(in.target());
  if (!url) return fail(errors::bad_request("URLの形式が正しくありません。"));
  r.path = url->path();
  if (!text::is_valid_utf8(r.path)) return fail(errors::bad_request("URLの文字コードが正しくありません。"));
  for (auto param : url->params()) {
    if (!text::is_valid_utf8(param.key) || !text::is_valid_utf8(param.value))
      return fail(errors::bad_request("検索条件の文字コードが正しくありません。"));
    r.query.emplace(param.key, param.value);
  }
  for (const auto& field : in) r.headers[text::ascii_lower(field.name_string())] = std::string(field.value());
  r.body = in.body();
  r.remote_ip = ip;
  if (trust_proxy) {
    // The last entry is the one our own proxy appended; earlier ones are whatever the client sent.
    if (auto fwd = r.header("x-forwarded-for")) r.remote_ip = text::trim(fwd->substr(fwd->rfind(',') == std::string::npos ? 0 : fwd->rfind(',') + 1));
    r.secure = r.header("x-forwarded-proto") == "https";
  }
  return r;
}

}  // namespace kh::http
