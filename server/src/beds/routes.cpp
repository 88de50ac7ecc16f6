// Bed reports (facilities), the board and its CSV (aggregators within the places they serve, the secretariat).
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "audit/routes.h"
#include "beds/beds.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"
#include "reference/prefectures.h"
#include "store/change_follower.h"

namespace kh::beds {
namespace bj = boost::json;
namespace {

bj::array codes_json(const std::vector<Code>& codes) {
  bj::array out;
  for (const auto& c : codes) out.push_back({{"code", c.code}, {"name", c.name}});
  return out;
}

bj::object report_json(const Report& r) {
  bj::array wards;
  for (const auto& w : r.wards)
    wards.push_back({{"ward_type", w.ward_type}, {"permitted", w.permitted}, {"secured", w.secured}, {"vacant", w.vacant}});
  bj::object acceptance;
  for (const auto& [k, v] : r.acceptance) acceptance[k] = v;
  return {{"id", r.id}, {"facility_id", r.facility_id}, {"reported_at", format_iso8601_jst(r.reported_at_ms)},
          {"reported_by", r.reported_by}, {"wards", std::move(wards)}, {"acceptance", std::move(acceptance)},
          {"note", r.note ? bj::value(*r.note) : nullptr}};
}

bj::object row_json(const BoardRow& r) {
  const auto* pref = reference::find_prefecture(r.prefecture);
  return {{"facility_id", r.facility_id}, {"name", r.name}, {"prefecture", r.prefecture},
          {"prefecture_name", pref ? pref->name : ""}, {"area", r.area}, {"area_name", r.area_name},
          {"municipality", r.municipality}, {"municipality_name", r.municipality_name}, {"address", r.address},
          {"permitted", r.permitted}, {"secured", r.secured}, {"vacant", r.vacant},
          {"latest", r.latest ? bj::value(report_json(*r.latest)) : bj::value(nullptr)}};
}

Result<BoardQuery> parse_query(const http::Request& req, std::vector<std::string> scope) {
  BoardQuery q;
  q.scope = std::move(scope);
  std::map<std::string, std::string> problems;
  auto get = [&](const char* k) -> std::optional<std::string> {
    auto v = req.query_param(k);
    return v && !v->empty() ? v : std::nullopt;
  };
  q.prefecture = get("prefecture");
  if (q.prefecture && !reference::find_prefecture(*q.prefecture)) problems["prefecture"] = "「都道府県」の指定が正しくありません。";
  q.area = get("area");
  q.q = get("q");
  if (q.q && q.q->size() > 300) problems["q"] = "「医療機関名・住所」は100文字以内で入力してください。";
  q.accepts = get("accepts");
  if (q.accepts && std::none_of(patient_categories().begin(), patient_categories().end(), [&](const Code& c) { return *q.accepts == c.code; }))
    problems["accepts"] = "「受入区分」の指定が正しくありません。";
  if (auto s = get("sort")) {
    if (*s != "name" && *s != "area" && *s != "vacant" && *s != "updated") problems["sort"] = "「並び順」は name, area, vacant, updated のいずれかです。";
    else q.sort = *s;
  }
  q.page = audit::page_param(req, "page", 1, 1000000);
  q.per_page = audit::page_param(req, "per_page", 50, 500);
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));
  return q;
}

//! The viewer's scope and the query's filters, or why the viewer may not see the board.
Result<BoardQuery> board_query(const http::Request& req, Service& beds, accounts::Service& accounts) {
  auto current = KH_TRY(accounts.authenticate(req));
  return parse_query(req, KH_TRY(beds.scope_of(current)));
}

}  // namespace

void register_routes(http::Router& router, Service& beds, accounts::Service& accounts) {
  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/beds/reference", [](http::Request&) {
    return http::json_response(200, bj::object{{"ward_types", codes_json(ward_types())},
                                               {"patient_categories", codes_json(patient_categories())},
                                               {"statuses", codes_json(acceptance_statuses())}});
  });

  // Rule: facility staff, for one of their own facilities (another facility_id: 400 field error).
  router.add("POST", "/api/v1/beds/reports", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    auto r = beds.submit(*current, *body);
    if (!r) return http::error_response(r.error());
    beds.refresh(r->facility_id);  // the board shows it at once in this process; others follow the change log
    return http::json_response(201, report_json(*r));
  });

  // Rule: facility staff; the history of their (first) facility only (aggregators and the secretariat use the facility detail below).
  router.add("GET", "/api/v1/beds/reports", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    if (auto ok = accounts::require_role(*current, {accounts::Role::facility}); !ok) return http::error_response(ok.error());
    if (current->user.organisations.empty()) return http::error_response(errors::forbidden());
    auto list = beds.history(current->user.organisations.front().id, audit::page_param(req, "per_page", 20, 200));
    if (!list) return http::error_response(list.error());
    bj::array items;
    for (const auto& r : *list) items.push_back(report_json(r));
    const auto total = items.size();
    return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", total}});
  });

  // Rule: aggregators (rows in the prefectures or 二次医療圏 they serve) and the secretariat (all rows); others get 403.
  router.add("GET", "/api/v1/beds/board", [&](http::Request& req) {
    auto q = board_query(req, beds, accounts);
    if (!q) return http::error_response(q.error());
    const auto page = beds.board(*q);
    bj::array items;
    for (const auto& r : page.rows) items.push_back(row_json(r));
    return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", page.total}, {"page", q->page},
                                               {"per_page", q->per_page}});
  });

  // Rule: aggregators (rows in the places they serve) and the secretariat (all rows); others get 403.
  router.add("GET", "/api/v1/beds/board.csv", [&](http::Request& req) {
    auto q = board_query(req, beds, accounts);
    if (!q) return http::error_response(q.error());
    http::Response r;
    r.content_type = "text/csv; charset=Shift_JIS";
    r.body = beds.csv(*q);
    const std::string date = format_iso8601_jst(now_ms()).substr(0, 10);
    // The Japanese file name for browsers that read filename*, an ASCII one for the rest.
    r.header("Content-Disposition", "attachment; filename=\"beds-" + date + ".csv\"; filename*=UTF-8''%E7%97%85%E5%BA%8A%E7%8A%B6%E6%B3%81_" + date + ".csv");
    return r;
  });

  // Rule: the facility's own staff, aggregators serving its prefecture or 二次医療圏, the secretariat; others get 404.
  router.add("GET", "/api/v1/beds/facilities/{id}", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto row = beds.row(req.param("id"));
    // Facilities see their own; aggregators the places they serve; the secretariat all.
    bool allowed = false;
    if (row) {
      if (auto scope = beds.scope_of(*current)) allowed = beds::Service::sees(*scope, *row);
      for (const auto& o : current->user.organisations) allowed |= o.id == row->facility_id;
    }
    if (!allowed) return http::error_response(errors::not_found("指定された医療機関は見つかりません。"));
    auto history = beds.history(row->facility_id, audit::page_param(req, "history", 20, 200));
    if (!history) return http::error_response(history.error());
    bj::array items;
    for (const auto& r : *history) items.push_back(report_json(r));
    auto o = row_json(*row);
    o["history"] = std::move(items);
    return http::json_response(200, o);
  });
}

}  // namespace kh::beds
