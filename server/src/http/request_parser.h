#pragma once
//! From a parsed Beast message to the plain http::Request the router sees. Kept out of server.cpp (which owns
//! the sockets) so that the fuzz target server/fuzz/http_request_fuzz.cpp runs exactly this code.
#include <cstddef>
#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "core/error.h"
#include "http/request.h"

namespace kh::http {

//! The header limit of every request (431 beyond it); the body limit is ServerOptions::max_body_bytes.
inline constexpr std::size_t max_header_bytes = 16 * 1024;

//! Converts a Beast request; fails with 400 for a target that is not a valid origin-form URL, or whose path or
//! query parameters are not valid UTF-8. Header names are lower-cased. With `trust_proxy`, the last entry of
//! X-Forwarded-For is the client IP and X-Forwarded-Proto: https marks the request secure.
Result<Request> to_request(const boost::beast::http::request<boost::beast::http::string_body>& in,
                           const std::string& ip, bool trust_proxy);

}  // namespace kh::http
