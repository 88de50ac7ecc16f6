// The chat over HTTP.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "chat/chat.h"
#include "http/request.h"
#include "http/router.h"

namespace kh::chat {
namespace bj = boost::json;

namespace {
//! The caller: a valid session's user, or an anonymous visitor. A session cookie whose check fails for a reason
//! other than being expired (a missing CSRF token) answers that error rather than falling back to anonymous.
Result<std::optional<accounts::CurrentUser>> session_user(accounts::Service& accounts, const http::Request& req) {
  if (!req.cookie("kh_session")) return std::optional<accounts::CurrentUser>{};
  auto c = accounts.authenticate(req);
  if (c) return std::optional(*c);
  if (c.error().status == 401) return std::optional<accounts::CurrentUser>{};
  return fail(c.error());
}

std::string chat_cookie(const http::Request& req, const accounts::Service& accounts, const std::string& secret) {
  std::string cookie = std::string(cookie_name) + "=" + secret + "; Path=/api/v1/chat; HttpOnly; SameSite=Lax; Max-Age=2592000";
  if (req.secure || accounts.settings().secure_cookies) cookie += "; Secure";
  return cookie;
}
}  // namespace

void register_routes(http::Router& router, Service& s, accounts::Service& accounts) {
  // Rule: anyone. Anonymous visitors get FAQ answers only and may continue only a conversation bound to their chat
  // cookie; a logged-in user only their own conversations (someone else's conversation id → 404). Own-data
  // answers read the caller's rows only. Rate-limited per user (per address when anonymous).
  router.add("POST", "/api/v1/chat/messages", [&](http::Request& req) {
    auto user = session_user(accounts, req);
    if (!user) return http::error_response(user.error());
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    Caller caller{*user ? &**user : nullptr, req.remote_ip, req.cookie(cookie_name)};
    auto posted = s.post(caller, *body);
    if (!posted) return http::error_response(posted.error());
    auto res = http::json_response(200, *posted->body);
    if (posted->new_secret) res.header("Set-Cookie", chat_cookie(req, accounts, *posted->new_secret));
    return res;
  });
  // Rule: coordinators (conversations handed to their organisations) and the secretariat (all handed-over ones).
  router.add("GET", "/api/v1/chat/handovers", [&](http::Request& req) {
    return accounts::with_user(accounts, req, [&](const auto& c) { return accounts::reply(s.handovers(c)); });
  });
  // Rule: coordinators of the organisation the conversation was handed to, and the secretariat, while it is handed
  // over (409 once handed back); others 404.
  router.add("POST", "/api/v1/chat/conversations/{id}/messages", [&](http::Request& req) {
    return accounts::with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return accounts::reply(s.staff_reply(c, req.param("id"), b), 201);
    });
  });
  // Rule: the conversation's owner (its user, or the anonymous visitor holding its chat cookie); once handed over,
  // also the coordinators of the organisation it went to and the secretariat; others 404.
  router.add("GET", "/api/v1/chat/conversations/{id}", [&](http::Request& req) {
    auto user = session_user(accounts, req);
    if (!user) return http::error_response(user.error());
    Caller caller{*user ? &**user : nullptr, req.remote_ip, req.cookie(cookie_name)};
    return accounts::reply(s.conversation(caller, req.param("id")));
  });
  // --- The chat's dictionary (issue 16): the secretariat edits it; everyone else 403. ---
  // Rule: the secretariat only (others 403); every group.
  router.add("GET", "/api/v1/chat/synonyms", [&](http::Request& req) {
    return accounts::with_user(accounts, req, [&](const auto& c) { return accounts::reply(s.synonyms(c)); });
  });
  // Rule: the secretariat only (others 403); audit-logged.
  router.add("POST", "/api/v1/chat/synonyms", [&](http::Request& req) {
    return accounts::with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return accounts::reply(s.create_synonym(c, b), 201);
    });
  });
  // Rule: the secretariat only (others 403); an unknown id 404; audit-logged.
  router.add("PUT", "/api/v1/chat/synonyms/{id}", [&](http::Request& req) {
    return accounts::with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return accounts::reply(s.update_synonym(c, req.param("id"), b));
    });
  });
  // Rule: the secretariat only (others 403); an unknown id 404; audit-logged.
  router.add("DELETE", "/api/v1/chat/synonyms/{id}", [&](http::Request& req) {
    return accounts::with_user(accounts, req, [&](const auto& c) {
      auto r = s.delete_synonym(c, req.param("id"));
      return r ? http::no_content() : http::error_response(r.error());
    });
  });
  // Rule: the secretariat only (others 403); any FAQ article, published or not (unknown id 404).
  router.add("GET", "/api/v1/chat/faq/{faq_id}/phrases", [&](http::Request& req) {
    return accounts::with_user(accounts, req, [&](const auto& c) { return accounts::reply(s.phrases(c, req.param("faq_id"))); });
  });
  // Rule: the secretariat only (others 403); any FAQ article (unknown id 404); audit-logged.
  router.add("PUT", "/api/v1/chat/faq/{faq_id}/phrases", [&](http::Request& req) {
    return accounts::with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return accounts::reply(s.put_phrases(c, req.param("faq_id"), b));
    });
  });
  // Rule: the secretariat only (others 403). Reads the FAQ index only: no conversation, no audit entry.
  router.add("POST", "/api/v1/chat/try", [&](http::Request& req) {
    return accounts::with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return accounts::reply(s.try_text(c, b));
    });
  });
}

}  // namespace kh::chat
