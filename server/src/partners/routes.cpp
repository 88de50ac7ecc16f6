// Feed subscriptions for coordinating organisations, and the feeds themselves (JSON, Atom) by token.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"
#include "partners/partners.h"
#include "postings/postings.h"

namespace kh::partners {
namespace bj = boost::json;
namespace {

bj::object subscription_json(const Subscription& s, const std::string& public_url) {
  bj::array prefs, cats;
  for (const auto& p : s.prefectures) prefs.push_back(bj::string(p));
  for (const auto& c : s.categories) cats.push_back(bj::string(c));
  const std::string base = public_url + "/api/v1/feeds/" + s.token;
  return {{"id", s.id}, {"name", s.name}, {"prefectures", std::move(prefs)}, {"categories", std::move(cats)},
          {"urgency", s.urgency ? bj::value(*s.urgency) : nullptr}, {"digest_email", s.digest_email ? bj::value(*s.digest_email) : nullptr},
          {"json_url", base + "/postings.json"}, {"atom_url", base + "/postings.atom"},
          {"created_at", format_iso8601_jst(s.created_at_ms)}};
}

}  // namespace

void register_routes(http::Router& router, Service& partners, accounts::Service& accounts) {
  // Rule: coordinators and the secretariat; only the subscriptions of their (first) organisation.
  router.add("GET", "/api/v1/feeds", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto list = partners.list(*current);
    if (!list) return http::error_response(list.error());
    bj::array items;
    for (const auto& s : *list) items.push_back(subscription_json(s, partners.public_url()));
    const auto total = items.size();
    return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", total}});
  });
  // Rule: coordinators and the secretariat; the subscription belongs to their (first) organisation.
  router.add("POST", "/api/v1/feeds", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    auto s = partners.create(*current, *body);
    return s ? http::json_response(201, subscription_json(*s, partners.public_url())) : http::error_response(s.error());
  });
  // Rule: coordinators and the secretariat, for a subscription of their (first) organisation only; others get 404 (also the secretariat).
  router.add("DELETE", "/api/v1/feeds/{id}", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto r = partners.remove(*current, req.param("id"));
    return r ? http::no_content() : http::error_response(r.error());
  });
  // Rule: anyone holding the feed token; no session.
  router.add("GET", "/api/v1/feeds/{token}/postings.json", [&](http::Request& req) {
    auto s = partners.by_token(req.param("token"));
    if (!s) return http::error_response(s.error());
    if (!*s) return http::error_response(errors::not_found("指定された配信は見つかりません。"));
    bj::array items;
    for (const auto& p : partners.postings_for(**s))
      items.push_back(postings::to_json(p, postings::Disclosure::masked, partners.catalogue()));
    const auto total = items.size();
    return http::json_response(200, bj::object{{"name", (*s)->name}, {"items", std::move(items)}, {"total", total}});
  });
  // Rule: anyone holding the feed token; no session.
  router.add("GET", "/api/v1/feeds/{token}/postings.atom", [&](http::Request& req) {
    auto s = partners.by_token(req.param("token"));
    if (!s) return http::error_response(s.error());
    if (!*s) return http::error_response(errors::not_found("指定された配信は見つかりません。"));
    http::Response r;
    r.content_type = "application/atom+xml; charset=utf-8";
    r.body = partners.atom(**s);
    return r;
  });
}

}  // namespace kh::partners
