// Placement rounds over HTTP. The centre's routes: career_center staff only (other roles 403), rounds of their own
// prefecture only (anything else 404). The facility's routes: facility staff only, rounds with a position of their
// own facility only (anything else 404). The doctor's routes (/api/v1/me/placement/...): seekers linked to a registry
// doctor, the rounds that doctor takes part in only (anything else 404).
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"
#include "placement_rounds/placement_rounds.h"

namespace kh::placement_rounds {
namespace bj = boost::json;
using accounts::reply;
using accounts::with_user;
using accounts::with_user_and_body;

namespace {
//! A CSV download for Excel: Windows-31J bytes, a Japanese file name (配属先選定の結果) for browsers that read filename*.
http::Response csv_file(std::string bytes, const std::string& ascii_name) {
  http::Response r;
  r.content_type = "text/csv; charset=Shift_JIS";
  r.body = std::move(bytes);
  const std::string date = today_iso_jst();
  r.header("Content-Disposition", "attachment; filename=\"" + ascii_name + "-" + date +
                                      ".csv\"; filename*=UTF-8''%E9%85%8D%E5%B1%9E%E5%85%88%E9%81%B8%E5%AE%9A%E3%81%AE%E7%B5%90%E6%9E%9C_" +
                                      date + ".csv");
  return r;
}
}  // namespace

void register_routes(http::Router& router, Service& s, accounts::Service& accounts) {
  // Rule: career_center staff; the rounds of their own prefecture only.
  router.add("GET", "/api/v1/placement/rounds", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.rounds(c)); });
  });
  // Rule: career_center staff; the round belongs to their prefecture (a programme of theirs, or all).
  router.add("POST", "/api/v1/placement/rounds", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create_round(c, b), 201); });
  });
  // Rule: career_center staff; the facilities and areas of their own prefecture.
  router.add("GET", "/api/v1/placement/facilities", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.facilities(c)); });
  });
  // Rule: career_center staff of the round's prefecture; others 404.
  router.add("GET", "/api/v1/placement/rounds/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.round(c, req.param("id"))); });
  });
  // Rule: career_center staff of the round's prefecture; others 404.
  router.add("PUT", "/api/v1/placement/rounds/{id}", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.update_round(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the round's prefecture; others 404.
  router.add("PUT", "/api/v1/placement/rounds/{id}/positions", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.save_positions(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the round's prefecture; others 404.
  router.add("PUT", "/api/v1/placement/rounds/{id}/caps", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.save_caps(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the round's prefecture (audited); others 404.
  router.add("GET", "/api/v1/placement/rounds/{id}/ranks", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.ranks(c, req.param("id"))); });
  });
  // Rule: career_center staff of the round's and the doctor's prefecture; others 404.
  router.add("PUT", "/api/v1/placement/rounds/{id}/doctors/{doctor}/ranks", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return reply(s.save_doctor_ranks(c, req.param("id"), req.param("doctor"), b));
    });
  });
  // Rule: career_center staff of the round's prefecture, on the facility's behalf; others 404.
  router.add("PUT", "/api/v1/placement/rounds/{id}/positions/{position}/ranks", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return reply(s.save_position_ranks(c, req.param("id"), req.param("position"), b));
    });
  });
  // Rule: career_center staff of the round's prefecture; others 404.
  router.add("POST", "/api/v1/placement/rounds/{id}/previews", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.run_preview(c, req.param("id")), 201); });
  });
  // Rule: career_center staff of the round's prefecture; others 404.
  router.add("GET", "/api/v1/placement/rounds/{id}/previews/latest", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.latest_preview(c, req.param("id"))); });
  });
  // Rule: career_center staff of the round's prefecture; others 404.
  router.add("POST", "/api/v1/placement/rounds/{id}/confirm", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.confirm(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the round's prefecture; others 404.
  router.add("PUT", "/api/v1/placement/rounds/{id}/minutes", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.save_minutes(c, req.param("id"), b)); });
  });
  // Rule: career_center staff of the round's prefecture, while the round is open; once (again: nothing new); others 404.
  router.add("POST", "/api/v1/placement/rounds/{id}/open-ranking", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.open_ranking(c, req.param("id"))); });
  });
  // Rule: career_center staff of the round's prefecture (audited), once the round is confirmed; others 404.
  router.add("GET", "/api/v1/placement/rounds/{id}/result.csv", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) {
      auto bytes = s.result_csv(c, req.param("id"));
      if (!bytes) return http::error_response(bytes.error());
      return csv_file(std::move(*bytes), "placement-result");
    });
  });
  // Rule: career_center staff of the round's prefecture, from a confirmed round (one follow-up per round); others 404.
  router.add("POST", "/api/v1/placement/rounds/{id}/follow-up", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.create_follow_up(c, req.param("id"), b), 201); });
  });
  // Rule: seekers; the rounds opened for ranking that a registry doctor linked to their own account takes part in.
  router.add("GET", "/api/v1/me/placement/rounds", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.my_rounds(c)); });
  });
  // Rule: seekers; a round their linked doctor takes part in (opened for ranking, or with their result); others 404.
  router.add("GET", "/api/v1/me/placement/rounds/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.my_round(c, req.param("id"))); });
  });
  // Rule: seekers; their own list in a round they take part in, until the doctors' deadline (then 409); others 404.
  router.add("PUT", "/api/v1/me/placement/rounds/{id}/ranks", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.save_my_ranks(c, req.param("id"), b)); });
  });
  // Rule: facility staff; the rounds with a position of their own facility only.
  router.add("GET", "/api/v1/placement/facility/rounds", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.facility_rounds(c)); });
  });
  // Rule: facility staff of a facility with a position in the round (audited); others 404.
  router.add("GET", "/api/v1/placement/facility/rounds/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.facility_round(c, req.param("id"))); });
  });
  // Rule: facility staff of the position's facility, until the facilities' deadline; others 404.
  router.add("PUT", "/api/v1/placement/facility/rounds/{id}/positions/{position}/ranks", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) {
      return reply(s.save_facility_ranks(c, req.param("id"), req.param("position"), b));
    });
  });
}

}  // namespace kh::placement_rounds
