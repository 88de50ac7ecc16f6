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
  router.add("POST", "/api/v1/postings/{id}/applications", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create(c, req.param("id"), b), 201); });
  });
  router.add("GET", "/api/v1/applications", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.list(c, req.query_param("posting_id"))); });
  });
  router.add("GET", "/api/v1/applications/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.get(c, req.param("id"))); });
  });
  router.add("PATCH", "/api/v1/applications/{id}", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.move(c, req.param("id"), b)); });
  });
  router.add("POST", "/api/v1/applications/{id}/match", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.establish_match(c, req.param("id"))); });
  });
  router.add("GET", "/api/v1/applications/{id}/messages", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.messages(c, req.param("id"))); });
  });
  router.add("POST", "/api/v1/applications/{id}/messages", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.post_message(c, req.param("id"), b), 201); });
  });
  router.add("POST", "/api/v1/applications/{id}/messages/read", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      auto r = s.mark_read(c, req.param("id"));
      return r ? http::no_content() : http::error_response(r.error());
    });
  });
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
  router.add("GET", "/api/v1/applications/{id}/records", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.records(c, req.param("id"))); });
  });
  router.add("POST", "/api/v1/applications/{id}/records", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.add_record(c, req.param("id"), b), 201); });
  });
  router.add("POST", "/api/v1/applications/{id}/interviews", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.propose_interview(c, req.param("id"), b), 201); });
  });
  router.add("POST", "/api/v1/interviews/{id}", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.answer_interview(c, req.param("id"), b)); });
  });
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
  router.add("POST", "/api/v1/interviews/{id}/signal", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) {
      auto r = s.relay_signal(c, req.param("id"), b);
      return r ? http::no_content() : http::error_response(r.error());
    });
  });
  router.add("PUT", "/api/v1/applications/{id}/training/{item}", [&](http::Request& req) {
    return with_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return reply(s.record_training(c, req.param("id"), req.param("item"), b));
    });
  });
  router.add("GET", "/api/v1/coordination/queue", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.queue(c)); });
  });
  router.add("GET", "/api/v1/coordination/postings/{id}/candidates", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.candidates(c, req.param("id"))); });
  });
}

}  // namespace kh::applications
