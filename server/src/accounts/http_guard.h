#pragma once
//! Helpers for route handlers: the logged-in user of a request, or the right error answer.
#include <boost/json/object.hpp>

#include <optional>

#include "accounts/accounts.h"
#include "http/request.h"

namespace kh::accounts {

//! Runs `f(user)` with the request's logged-in user, or answers with the authentication error (401/403).
template <class F>
http::Response with_user(Service& accounts, const http::Request& req, F&& f) {
  auto current = accounts.authenticate(req);
  if (!current) return http::error_response(current.error());
  return f(*current);
}

//! Like with_user, with the JSON body read too (415/400 when it is not a JSON object).
template <class F>
http::Response with_user_and_body(Service& accounts, const http::Request& req, F&& f) {
  return with_user(accounts, req, [&](const CurrentUser& c) {
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    return f(c, *body);
  });
}

//! The logged-in user when the request has a valid session; nullopt for an anonymous visitor (public pages
//! show the same thing to an expired session as to nobody).
inline std::optional<CurrentUser> optional_viewer(Service& accounts, const http::Request& req) {
  if (!req.cookie("kh_session")) return std::nullopt;
  auto c = accounts.authenticate(req);
  return c ? std::optional(*c) : std::nullopt;
}

//! A service result as a JSON answer.
inline http::Response reply(const Result<boost::json::object>& r, int status = 200) {
  return r ? http::json_response(status, *r) : http::error_response(r.error());
}

}  // namespace kh::accounts
