// The career centre over HTTP. Every route: the career centre's staff only (other roles 403), objects of their own
// prefecture only (anything else 404).
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "careers/careers.h"
#include "http/request.h"
#include "http/router.h"

namespace kh::careers {
namespace bj = boost::json;
using accounts::reply;
using accounts::with_user;
using accounts::with_user_and_body;

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
  // Rule: career_center staff; the doctor belongs to their prefecture.
  router.add("POST", "/api/v1/career/doctors", [&](http::Request& req) {
    return with_user_and_body(accounts, req, [&](const auto& c, const bj::object& b) { return reply(s.register_doctor(c, b), 201); });
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
  // Rule: career_center staff of the doctor's prefecture (audited); others 404.
  router.add("GET", "/api/v1/career/doctors/{id}/ledger", [&](http::Request& req) {
    return with_user(accounts, req, [&](const auto& c) { return reply(s.ledger(c, req.param("id"))); });
  });
}

}  // namespace kh::careers
