// The work-environment centre over HTTP (workenv.h). Scope is enforced in the service: 404 outside it.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "core/text.h"
#include "http/request.h"
#include "http/router.h"
#include "workenv/hours_csv.h"
#include "workenv/workenv.h"

namespace kh::workenv {
namespace bj = boost::json;
using accounts::reply;
using accounts::with_user;
using accounts::with_user_and_body;

namespace {
std::optional<std::string> param(const http::Request& req, std::string_view key) {
  auto v = req.query_param(key);
  if (!v || v->empty()) return std::nullopt;
  return std::string(*v);
}
}  // namespace

void register_routes(http::Router& router, Service& s, accounts::Service& accounts) {
  // Rule: workenv_center members (the network of their own prefectures); others 403.
  router.add("GET", "/api/v1/workenv/members", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.members(c)); });
  });
  // Rule: the secretariat only; a workenv_center organisation (any other id is 404).
  router.add("PUT", "/api/v1/workenv/members/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.set_member_kind(c, req.param("id"), b)); });
  });
  // Rule: workenv_center members (their prefectures, or one of them with ?prefecture=); the secretariat (all, or ?prefecture=; without hours); others 403.
  router.add("GET", "/api/v1/workenv/hospitals", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.grid(c, param(req, "prefecture"))); });
  });
  // Rule: workenv_center members, in their own prefectures; others 403.
  router.add("POST", "/api/v1/workenv/hospitals", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create_hospital(c, b), 201); });
  });
  // Rule: facility staff; their own facility's hospital page (created on first use).
  router.add("GET", "/api/v1/workenv/my-hospital", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.my_hospital(c)); });
  });
  // Rule: the hospital's own facility staff, workenv_center members of its prefecture, the secretariat; others 404.
  router.add("GET", "/api/v1/workenv/hospitals/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.hospital(c, req.param("id"))); });
  });
  // Rule: the hospital's own facility staff and workenv_center members of its prefecture (the secretariat 403); others 404.
  router.add("PATCH", "/api/v1/workenv/hospitals/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.update_hospital(c, req.param("id"), b)); });
  });
  // Rule: the hospital's own facility staff, workenv_center members of its prefecture, the secretariat; others 404.
  router.add("GET", "/api/v1/workenv/hospitals/{id}/history", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.hospital_history(c, req.param("id"))); });
  });
  // Rule: the hospital's own facility staff and workenv_center members of its prefecture (the secretariat 403); others 404. Audit-logged.
  router.add("GET", "/api/v1/workenv/hospitals/{id}/hours", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.hours(c, req.param("id"), param(req, "month"))); });
  });
  // Rule: the hospital's own facility staff and workenv_center members of its prefecture (the secretariat 403); others 404.
  router.add("POST", "/api/v1/workenv/hospitals/{id}/hours", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      // The encoding is found from the bytes (UTF-8, else Windows-31J), not from a charset a browser may not send.
      if (!text::ascii_lower(req.header("content-type").value_or("")).starts_with("text/csv"))
        return http::error_response({415, "unsupported_media_type", "CSV（Content-Type: text/csv）で送信してください。", {}});
      return reply(s.upload_hours(c, req.param("id"), param(req, "month").value_or(""), req.body), 201);
    });
  });
  // Rule: facility staff and workenv_center members (the blank form, no data).
  router.add("GET", "/api/v1/workenv/hours/template.csv", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    if (auto allowed = accounts::require_role(*current, {accounts::Role::facility, accounts::Role::workenv_center}); !allowed)
      return http::error_response(allowed.error());
    http::Response r;
    r.content_type = "text/csv; charset=Shift_JIS";
    r.body = hours_csv_template();
    r.header("Content-Disposition",
             "attachment; filename=\"kakehashi_hours_template.csv\"; filename*=UTF-8''%E5%8B%A4%E5%8B%99%E6%99%82%E9%96%93%E3%83%86%E3%83%B3%E3%83%97%E3%83%AC%E3%83%BC%E3%83%88.csv");
    r.header("Cache-Control", "private, no-store");
    return r;
  });
  // Rule: workenv_center members (their prefectures' latest months); others 403. Audit-logged.
  router.add("GET", "/api/v1/workenv/at-risk", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.at_risk(c)); });
  });
  // Rule: workenv_center members (their prefectures); others 403.
  router.add("GET", "/api/v1/workenv/priorities", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.priorities(c)); });
  });
  // Rule: workenv_center members of the hospital's prefecture; the hospital's facility and the secretariat 403; others 404.
  router.add("PUT", "/api/v1/workenv/hospitals/{id}/priority", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.set_priority(c, req.param("id"), b)); });
  });
  // Rule: workenv_center members (their prefectures' cases); others 403.
  router.add("GET", "/api/v1/workenv/cases", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.cases(c, param(req, "status"), param(req, "hospital"))); });
  });
  // Rule: workenv_center members, for a hospital of their prefectures; others 403.
  router.add("POST", "/api/v1/workenv/cases", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create_case(c, b), 201); });
  });
  // Rule: workenv_center members of the case's prefecture; other members 404; other roles 403.
  router.add("GET", "/api/v1/workenv/cases/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.case_detail(c, req.param("id"))); });
  });
  // Rule: workenv_center members of the case's prefecture; other members 404; other roles 403.
  router.add("PATCH", "/api/v1/workenv/cases/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.update_case(c, req.param("id"), b)); });
  });
  // Rule: workenv_center members of the case's prefecture; other members 404; other roles 403.
  router.add("POST", "/api/v1/workenv/cases/{id}/notes", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.add_case_note(c, req.param("id"), b), 201); });
  });
  // Rule: workenv_center members (their prefectures' visits); others 403.
  router.add("GET", "/api/v1/workenv/visits", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.visits(c)); });
  });
  // Rule: workenv_center members, for a hospital of their prefectures; others 403.
  router.add("POST", "/api/v1/workenv/visits", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create_visit(c, b), 201); });
  });
  // Rule: workenv_center members of the visit's prefecture; other members 404; other roles 403.
  router.add("PATCH", "/api/v1/workenv/visits/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.update_visit(c, req.param("id"), b)); });
  });
  // Rule: workenv_center members (their prefectures' activity); others 403.
  router.add("GET", "/api/v1/workenv/report", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.activity_report(c, param(req, "fiscal_year"))); });
  });
  // Rule: workenv_center members (their prefectures' activity); others 403.
  router.add("GET", "/api/v1/workenv/report.csv", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      auto report = s.activity_report(c, param(req, "fiscal_year"));
      if (!report) return http::error_response(report.error());
      http::Response r;
      r.content_type = "text/csv; charset=Shift_JIS";
      r.body = activity_report_csv(*report);
      const auto fy = std::to_string(report->at("fiscal_year").as_int64());
      r.header("Content-Disposition", "attachment; filename=\"kakehashi_workenv_report_" + fy + ".csv\"");
      r.header("Cache-Control", "private, no-store");
      return r;
    });
  });
  // ---- meetings and minutes (meetings.cpp, minutes.cpp); the literal /meetings/series and /meetings/actions first.
  // Rule: workenv_center members (their prefectures' series); others 403.
  router.add("GET", "/api/v1/workenv/meetings/series", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.meeting_series(c)); });
  });
  // Rule: workenv_center members of kind 都道府県 or 受託者, in their own prefecture; other members and roles 403.
  router.add("POST", "/api/v1/workenv/meetings/series", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create_series(c, b), 201); });
  });
  // Rule: workenv_center members of kind 都道府県 or 受託者 of the series' prefecture (other kinds 403); other prefectures 404; other roles 403.
  router.add("PATCH", "/api/v1/workenv/meetings/series/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.update_series(c, req.param("id"), b)); });
  });
  // Rule: workenv_center members of kind 都道府県 or 受託者 of the meeting's prefecture (other kinds 403); other prefectures 404; other roles 403.
  router.add("PATCH", "/api/v1/workenv/meetings/actions/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.update_action(c, req.param("id"), b)); });
  });
  // Rule: workenv_center members (their prefectures' meetings; ?series=, ?late=1); others 403.
  router.add("GET", "/api/v1/workenv/meetings", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      return reply(s.meetings(c, param(req, "series"), param(req, "late").value_or("") == "1"));
    });
  });
  // Rule: workenv_center members of kind 都道府県 or 受託者, for a series of their prefecture; others 403.
  router.add("POST", "/api/v1/workenv/meetings", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create_meeting(c, b), 201); });
  });
  // Rule: workenv_center members of the meeting's prefecture; other prefectures 404; other roles 403.
  router.add("GET", "/api/v1/workenv/meetings/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.meeting(c, req.param("id"))); });
  });
  // Rule: workenv_center members of kind 都道府県 or 受託者 of the meeting's prefecture (other kinds 403; locked minutes 409); other prefectures 404; other roles 403.
  router.add("PATCH", "/api/v1/workenv/meetings/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.update_meeting(c, req.param("id"), b)); });
  });
  // Rule: workenv_center members of kind 都道府県 or 受託者 of the meeting's prefecture (other kinds 403; locked minutes 409); other prefectures 404; other roles 403.
  router.add("POST", "/api/v1/workenv/meetings/{id}/actions", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.add_action(c, req.param("id"), b), 201); });
  });
  // Rule: workenv_center members of kind 受託者 of the meeting's prefecture (other kinds 403; locked 409); other prefectures 404; other roles 403.
  router.add("PUT", "/api/v1/workenv/meetings/{id}/minutes", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.save_minutes(c, req.param("id"), b)); });
  });
  // Rule: workenv_center members of kind 受託者 of the meeting's prefecture (other kinds 403; not a draft 409); other prefectures 404; other roles 403.
  router.add("POST", "/api/v1/workenv/meetings/{id}/minutes/confirmation-request", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.request_confirmation(c, req.param("id"))); });
  });
  // Rule: the meeting's participants (workenv_center members of its prefecture; other members 403; not awaiting confirmation 409); other prefectures 404; other roles 403.
  router.add("POST", "/api/v1/workenv/meetings/{id}/minutes/responses", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.respond_minutes(c, req.param("id"), b), 201); });
  });
  // Rule: workenv_center members of kind 受託者 of the meeting's prefecture (other kinds 403; not awaiting confirmation or already locked 409); other prefectures 404; other roles 403. Mails the minutes to the series' labour-bureau address.
  router.add("POST", "/api/v1/workenv/meetings/{id}/minutes/lock", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.lock_minutes(c, req.param("id"))); });
  });
  // Rule: workenv_center members of kind 受託者 of the meeting's prefecture (other kinds 403; minutes not locked, or their last mail delivered, 409); other prefectures 404; other roles 403. Withdraws the undelivered mail and mails the minutes again.
  router.add("POST", "/api/v1/workenv/meetings/{id}/minutes/resend", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.resend_minutes(c, req.param("id"))); });
  });
  // Rule: workenv_center members (what to do now in their prefectures); others 403.
  router.add("GET", "/api/v1/workenv/today", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.today(c)); });
  });
}

}  // namespace kh::workenv
