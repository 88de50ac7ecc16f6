// The facility's candidates and contact requests over HTTP.
#include <boost/json.hpp>

#include <charconv>
#include <map>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "audit/routes.h"
#include "contact_requests/contact_requests.h"
#include "http/request.h"
#include "http/router.h"

namespace kh::contact_requests {
namespace bj = boost::json;
using accounts::reply;
using accounts::with_user;
using accounts::with_user_and_body;

Result<CandidateQuery> read_candidate_query(const http::Request& req) {
  CandidateQuery q;
  std::map<std::string, std::string> problems;
  // A whole number in [min, max] or absent; anything else names the parameter.
  const auto number = [&](std::string_view key, const char* label, int min, int max) -> std::optional<int> {
    const auto v = req.query_param(key);
    if (!v || v->empty()) return std::nullopt;
    int n = 0;
    const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc{} || end != v->data() + v->size() || n < min || n > max) {
      problems[std::string(key)] = std::string("「") + label + "」は" + std::to_string(min) + "から" + std::to_string(max) +
                                   "までの整数で指定してください。";
      return std::nullopt;
    }
    return n;
  };
  q.page = number("page", "ページ", 1, 1000).value_or(1);
  q.per_page = number("per_page", "1ページの件数", 1, 100).value_or(20);
  q.min_score = number("min_score", "一致度の下限", 0, 100).value_or(0);
  q.min_experience = number("min_experience", "経験年数の下限", 0, 60);
  q.max_distance_km = number("max_distance_km", "距離の上限（km）", 1, 3000);
  if (auto sort = req.query_param("sort"); sort && !sort->empty()) {
    if (*sort != "score" && *sort != "experience" && *sort != "distance" && *sort != "start")
      problems["sort"] = "「並び順」は score（一致度）, experience（経験年数）, distance（距離）, start（勤務開始）のいずれかです。";
    else q.sort = *sort;
  }
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));
  return q;
}

void register_routes(http::Router& router, Service& s, accounts::Service& accounts) {
  // Rule: the posting's own facility staff, coordinators covering its prefecture and job category, the secretariat; others get 404.
  router.add("GET", "/api/v1/postings/{id}/matches", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      auto q = read_candidate_query(req);
      if (!q) return http::error_response(q.error());
      return reply(s.candidates(c, req.param("id"), *q));
    });
  });
  // Rule: the posting's own facility staff (coordinators and the secretariat covering it get 403); others get 404.
  router.add("POST", "/api/v1/postings/{id}/contact-requests", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.send(c, req.param("id"), b), 201); });
  });
  // Rule: the posting's own facility staff, coordinators covering it, the secretariat; others get 404.
  router.add("GET", "/api/v1/postings/{id}/contact-requests", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.of_posting(c, req.param("id"))); });
  });
  // Rule: the posting's own facility staff; others get 404.
  router.add("GET", "/api/v1/postings/{id}/notice-preview", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.notice_preview(c, req.param("id"))); });
  });
  // Rule: seekers, their own requests only.
  router.add("GET", "/api/v1/me/contact-requests", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.mine(c)); });
  });
  // Rule: seekers, only a request sent to them (anyone else's reads as 404; other roles 403).
  router.add("PATCH", "/api/v1/contact-requests/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.answer(c, req.param("id"), b)); });
  });
  // Rule: coordinators (requests on postings they cover) and the secretariat (all).
  router.add("GET", "/api/v1/coordination/contact-requests", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.queue(c)); });
  });
}

}  // namespace kh::contact_requests
