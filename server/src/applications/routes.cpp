// Applications, messages, coordination, interviews and training over HTTP.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "applications/applications.h"
#include "helpdesk/helpdesk.h"
#include "http/request.h"
#include "http/router.h"

namespace kh::applications {
namespace bj = boost::json;
using accounts::reply;
using accounts::with_user;

namespace {
template <class F>
http::Response with_body(accounts::Service& accounts, http::Request& req, F&& f) {
  return accounts::with_user_and_body(accounts, req, std::forward<F>(f));
}
}  // namespace

void register_routes(http::Router& router, Service& s, accounts::Service& accounts) {
  // Rule: seekers, on a published posting; others get 404.
  router.add("POST", "/api/v1/postings/{id}/applications", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create(c, req.param("id"), b), 201); });
  });
  // Rule: any logged-in user; only the applications they are a party of (all for the secretariat).
  router.add("GET", "/api/v1/applications", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.list(c, req.query_param("posting_id"))); });
  });
  // Rule: parties only: the seeker, the posting's facility staff, coordinators covering the posting, the secretariat; others get 404.
  router.add("GET", "/api/v1/applications/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.get(c, req.param("id"))); });
  });
  // Rule: parties only (others get 404), and each side only its own moves (400 otherwise).
  router.add("PATCH", "/api/v1/applications/{id}", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.move(c, req.param("id"), b)); });
  });
  // Rule: coordinators covering the posting and the secretariat; other parties get 403, everyone else 404.
  router.add("POST", "/api/v1/applications/{id}/match", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.establish_match(c, req.param("id"))); });
  });
  // Rule: parties only; others get 404.
  router.add("GET", "/api/v1/applications/{id}/messages", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.messages(c, req.param("id"))); });
  });
  // Rule: parties only; others get 404.
  router.add("POST", "/api/v1/applications/{id}/messages", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.post_message(c, req.param("id"), b), 201); });
  });
  // Rule: parties only, marking the thread read for themselves; others get 404.
  router.add("POST", "/api/v1/applications/{id}/messages/read", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      auto r = s.mark_read(c, req.param("id"));
      return r ? http::no_content() : http::error_response(r.error());
    });
  });
  // Rule: parties of this application, for a file of this thread only; others get 404.
  router.add("GET", "/api/v1/applications/{id}/attachments/{file}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      // Access to the thread is the access to its files.
      if (auto thread = s.messages(c, req.param("id")); !thread) return http::error_response(thread.error());
      auto file = s.message_attachment(req.param("id"), req.param("file"));
      if (!file) return http::error_response(file.error());
      http::Response r;
      r.content_type = file->info.content_type;
      r.body = std::move(file->data);
      r.header("Content-Disposition", "attachment; filename=\"download\"");
      r.header("Cache-Control", "private, no-store");
      return r;
    });
  });
  // Rule: rule 5: coordinators of the handling organisation and the secretariat; others get 404.
  router.add("GET", "/api/v1/applications/{id}/records", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.records(c, req.param("id"))); });
  });
  // Rule: coordinators of the handling organisation (while none handles it, any covering one) and the secretariat; other parties 403, others 404.
  router.add("POST", "/api/v1/applications/{id}/records", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.add_record(c, req.param("id"), b), 201); });
  });
  // Rule: the posting's facility staff, covering coordinators and the secretariat; the seeker gets 403, everyone else 404.
  router.add("POST", "/api/v1/applications/{id}/interviews", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.propose_interview(c, req.param("id"), b), 201); });
  });
  // Rule: parties of the application (others 404): accept the seeker, cancel any party, held facility staff and the secretariat (else 403).
  router.add("POST", "/api/v1/interviews/{id}", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.answer_interview(c, req.param("id"), b)); });
  });
  // Rule: parties of the interview's application only; others get 404.
  router.add("GET", "/api/v1/interviews/{id}/invite.ics", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      auto ics = s.interview_ics(c, req.param("id"));
      if (!ics) return http::error_response(ics.error());
      http::Response r;
      r.content_type = "text/calendar; charset=utf-8";
      r.body = std::move(*ics);
      r.header("Content-Disposition", "attachment; filename=\"interview.ics\"");
      return r;
    });
  });
  // Rule: the seeker and the posting's facility staff only; everyone else gets 404 (also coordinators and the secretariat).
  router.add("POST", "/api/v1/interviews/{id}/signal", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) {
      auto r = s.relay_signal(c, req.param("id"), b);
      return r ? http::no_content() : http::error_response(r.error());
    });
  });
  // Rule: the posting's facility staff and the secretariat; other parties get 403, everyone else 404.
  router.add("PUT", "/api/v1/applications/{id}/training/{item}", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return reply(s.record_training(c, req.param("id"), req.param("item"), b));
    });
  });
  // Rule: coordinators (postings they cover, follow-ups of their organisation) and the secretariat (all); others get 403.
  router.add("GET", "/api/v1/coordination/queue", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.queue(c)); });
  });
  // Rule: coordinators covering the posting and the secretariat; other coordinators get 404, other roles 403.
  router.add("GET", "/api/v1/coordination/postings/{id}/candidates", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.candidates(c, req.param("id"))); });
  });
}

}  // namespace kh::applications
