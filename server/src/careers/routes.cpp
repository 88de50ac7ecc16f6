// The career centre over HTTP. Every route: the career centre's staff only (other roles 403), objects of their own
// prefecture only (anything else 404).
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "core/text.h"
#include "core/time.h"
#include "careers/careers.h"
#include "http/request.h"
#include "http/router.h"

namespace kh::careers {
namespace bj = boost::json;
using accounts::reply;
using accounts::with_user;
using accounts::with_user_and_body;

namespace {
//! A CSV download for Excel: Windows-31J bytes, a Japanese file name for browsers that read filename*.
http::Response csv_file(std::string bytes, const std::string& ascii_name, const std::string& japanese_name_encoded) {
  http::Response r;
  r.content_type = "text/csv; charset=Shift_JIS";
  r.body = std::move(bytes);
  const std::string date = format_iso8601_jst(now_ms()).substr(0, 10);
  r.header("Content-Disposition", "attachment; filename=\"" + ascii_name + "-" + date + ".csv\"; filename*=UTF-8''" + japanese_name_encoded + "_" +
                                      date + ".csv");
  return r;
}
}  // namespace

void register_routes(http::Router& router, Service& s, accounts::Service& accounts) {
  // Rule: career_center staff; the programmes of their own prefecture only.
  router.add("GET", "/api/v1/career/programmes", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.programmes(c)); });
  });
  // Rule: career_center staff; the programme belongs to their prefecture.
  router.add("POST", "/api/v1/career/programmes", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create_programme(c, b), 201); });
  });
  // Rule: career_center staff of the programme's prefecture; others 404.
  router.add("GET", "/api/v1/career/programmes/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.programme(c, req.param("id"))); });
  });
  // Rule: career_center staff of the programme's prefecture (a new version); others 404.
  router.add("PUT", "/api/v1/career/programmes/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.update_programme(c, req.param("id"), b)); });
  });
  // Rule: career_center staff; the doctors of their own prefecture only.
  router.add("GET", "/api/v1/career/queue", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.queue(c)); });
  });
  // Rule: career_center staff; the doctors of their own prefecture only.
  router.add("GET", "/api/v1/career/doctors", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      return reply(s.doctors(c, req.query_param("status"), req.query_param("programme_id"), req.query_param("q")));
    });
  });
  // Rule: career_center staff; the doctors of their own prefecture only (audited).
  router.add("GET", "/api/v1/career/doctors.csv", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      auto bytes = s.registry_csv(c);
      if (!bytes) return http::error_response(bytes.error());
      return csv_file(std::move(*bytes), "career-registry", "%E7%BE%A9%E5%8B%99%E5%B9%B4%E9%99%90%E5%8C%BB%E5%B8%AB%E5%90%8D%E7%B0%BF");
    });
  });
  // Rule: career_center staff; the doctors of their own prefecture only.
  router.add("GET", "/api/v1/career/statistics", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.statistics(c, req.query_param("programme_id"), req.query_param("year"))); });
  });
  // Rule: career_center staff; the doctors of their own prefecture only.
  router.add("GET", "/api/v1/career/statistics.csv", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      auto table = req.query_param("table").value_or("");
      if (table.empty()) table = "area";
      auto bytes = s.statistics_csv(c, table, req.query_param("programme_id"), req.query_param("year"));
      if (!bytes) return http::error_response(bytes.error());
      return csv_file(std::move(*bytes), "career-statistics-" + table, "%E7%B5%B1%E8%A8%88");
    });
  });
  // Rule: career_center staff; the doctor belongs to their prefecture.
  router.add("POST", "/api/v1/career/doctors", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.register_doctor(c, b), 201); });
  });
  // Rule: career_center staff; the rows become doctors of their own prefecture (all or none).
  router.add("POST", "/api/v1/career/doctors/import", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      // The encoding is found from the bytes (UTF-8, else Windows-31J), not from a charset a browser may not send.
      if (!text::ascii_lower(req.header("content-type").value_or("")).starts_with("text/csv"))
        return http::error_response({415, "unsupported_media_type", "CSV（Content-Type: text/csv）で送信してください。", {}});
      return reply(s.import_registry(c, req.body), 201);
    });
  });
  // Rule: career_center staff of the doctor's prefecture (audited); others 404.
  router.add("GET", "/api/v1/career/doctors/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.doctor(c, req.param("id"))); });
  });
  // Rule: career_center staff of the doctor's prefecture; others 404.
  router.add("POST", "/api/v1/career/doctors/{id}/status", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.change_status(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the doctor's prefecture (nothing is saved); others 404.
  router.add("POST", "/api/v1/career/doctors/{id}/plan/check", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.check_plan(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the doctor's prefecture; others 404.
  router.add("PUT", "/api/v1/career/doctors/{id}/plan", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.save_plan(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the doctor's prefecture; others 404.
  router.add("POST", "/api/v1/career/doctors/{id}/plan/state", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.change_plan_state(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the doctor's prefecture (audited; never the doctor); others 404.
  router.add("GET", "/api/v1/career/doctors/{id}/interviews", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.interviews(c, req.param("id"))); });
  });
  // Rule: career_center staff of the doctor's prefecture; others 404.
  router.add("POST", "/api/v1/career/doctors/{id}/interviews", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.add_interview(c, req.param("id"), b), 201); });
  });
  // Rule: career_center staff of the doctor's prefecture (audited); others 404.
  router.add("GET", "/api/v1/career/doctors/{id}/ledger", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.ledger(c, req.param("id"))); });
  });
  // Rule: career_center staff; the doctors of their own prefecture only, or one of them (audited); others 404.
  router.add("GET", "/api/v1/career/ledger.csv", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      const auto id = req.query_param("doctor_id");
      auto bytes = s.ledger_csv(c, id);
      if (!bytes) return http::error_response(bytes.error());
      return csv_file(std::move(*bytes), "career-ledger", "%E7%BE%A9%E5%8B%99%E5%B9%B4%E9%99%90%E5%8F%B0%E5%B8%B3");
    });
  });
  // Rule: career_center staff of the doctor's prefecture (a one-time link to the registry's address); others 404.
  router.add("POST", "/api/v1/career/doctors/{id}/invitation", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.invite_doctor(c, req.param("id")), 201); });
  });
  // Rule: career_center staff of the doctor's prefecture; others 404.
  router.add("POST", "/api/v1/career/doctors/{id}/change-requests/{request_id}/handled", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return reply(s.handle_change_request(c, req.param("id"), req.param("request_id"), b));
    });
  });
  // Rule: career_center staff of the doctor's prefecture (the plan's open slots, the prefecture's platform
  // facilities, the requests sent); others 404.
  router.add("GET", "/api/v1/career/doctors/{id}/recruit-requests", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.recruit_options(c, req.param("id"))); });
  });
  // Rule: career_center staff of the doctor's prefecture, to a platform facility of that prefecture, for a period
  // inside an open slot (never the doctor's identity); others 404.
  router.add("POST", "/api/v1/career/doctors/{id}/recruit-requests", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.send_recruit_request(c, req.param("id"), b), 201); });
  });
  // Rule: facility staff; the requests sent to their own facilities only.
  router.add("GET", "/api/v1/facility/recruit-requests", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.facility_recruit_requests(c)); });
  });
  // Rule: facility staff of the request's facility (a draft posting of that facility); others 404.
  router.add("POST", "/api/v1/facility/recruit-requests/{id}/posting", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.recruit_request_posting(c, req.param("id")), 201); });
  });
  // Rule: facility staff of the request's facility; others 404.
  router.add("POST", "/api/v1/facility/recruit-requests/{id}/decline", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.decline_recruit_request(c, req.param("id"), b)); });
  });
  // Rule: anyone holding the invitation link (nothing is used up; an unknown, used or expired link is 400).
  router.add("POST", "/api/v1/career/invitation/preview", [&](http::Request& req) {
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    return reply(s.invitation(*body));
  });
  // Rule: anyone holding the invitation link: a logged-in seeker links their account, a visitor without a session
  // makes a seeker account for the registry's address; other roles 403.
  router.add("POST", "/api/v1/career/invitation/accept", [&](http::Request& req) {
    std::optional<accounts::CurrentUser> viewer;
    if (req.cookie("kh_session")) {
      // An expired session is nobody (the page offers a new account); a live one must send its CSRF token.
      auto current = accounts.authenticate(req);
      if (current) viewer = std::move(*current);
      else if (current.error().status != 401) return http::error_response(current.error());
    }
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    return reply(s.accept_invitation(viewer ? &*viewer : nullptr, *body, req.remote_ip));
  });
  // Rule: seekers; the registry records linked to their own account only.
  router.add("GET", "/api/v1/me/career", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.my_records(c)); });
  });
  // Rule: seekers; only a record linked to their own account (another doctor's id 404; never the interview records).
  router.add("GET", "/api/v1/me/career/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.my_record(c, req.param("id"))); });
  });
  // Rule: seekers; only their own plan, in 本人確認, at the version they read; others 404.
  router.add("POST", "/api/v1/me/career/{id}/confirm", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.confirm_my_plan(c, req.param("id"), b)); });
  });
  // Rule: seekers; only for their own record; others 404.
  router.add("POST", "/api/v1/me/career/{id}/change-requests", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.request_change(c, req.param("id"), b), 201); });
  });
}

}  // namespace kh::careers
