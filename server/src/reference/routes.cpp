// Reference endpoints: public reads for forms and search, and the secretariat's CSV imports.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"
#include "reference/reference.h"
#include "store/database.h"

namespace kh::reference {
namespace bj = boost::json;
namespace {

http::Response list(bj::array items) {
  const auto total = items.size();
  auto res = http::json_response(200, bj::object{{"items", std::move(items)}, {"total", total}});
  res.header("Cache-Control", "public, max-age=300");
  return res;
}

template <class F>
http::Response secretariat_csv_import(http::Request& req, accounts::Service& accounts, store::Pool& pool, F&& import) {
  auto current = accounts.authenticate(req);
  if (!current) return http::error_response(current.error());
  if (auto ok = accounts::require_role(*current, {accounts::Role::secretariat}); !ok) return http::error_response(ok.error());
  const auto type = text::ascii_lower(req.header("content-type").value_or(""));
  if (!type.starts_with("text/csv"))
    return http::error_response({415, "unsupported_media_type", "CSV（Content-Type: text/csv）で送信してください。", {}});
  auto lease = pool.acquire();
  if (!lease) return http::error_response(lease.error());
  auto imported = import(**lease);
  if (!imported) return http::error_response(imported.error());
  return http::json_response(200, bj::object{{"imported", *imported}});
}

}  // namespace

void register_routes(http::Router& router, store::Pool& pool, Catalogue& catalogue, accounts::Service& accounts) {
  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/reference/prefectures", [](http::Request&) {
    bj::array items;
    for (const auto& p : prefectures()) items.push_back({{"code", p.code}, {"name", p.name}, {"name_en", p.name_en}});
    return list(std::move(items));
  });
  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/reference/categories", [&catalogue](http::Request&) {
    bj::array items;
    for (const auto& c : catalogue.categories()) items.push_back({{"code", c.code}, {"name", c.name}, {"name_en", c.name_en}});
    return list(std::move(items));
  });
  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/reference/specialties", [&catalogue](http::Request&) {
    bj::array items;
    for (const auto& s : catalogue.specialties())
      items.push_back({{"name", s.name}, {"basic_area", s.basic_area}, {"is_basic", s.name == s.basic_area}});
    return list(std::move(items));
  });
  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/reference/municipalities", [&catalogue](http::Request& req) {
    // A prefecture's list, or a search by name or kana (q), nationwide or within a prefecture.
    const auto prefecture = req.query_param("prefecture").value_or("");
    const auto q = req.query_param("q").value_or("");
    bj::array items;
    if (prefecture.empty() && q.empty()) return list(std::move(items));  // nothing chosen yet: nothing to list
    for (const auto& m : catalogue.find_municipalities(prefecture, q, q.empty() ? 1000 : 50)) {
      bj::object o{{"code", m.code}, {"prefecture", m.prefecture}, {"name", m.name}, {"kana", m.kana}, {"area", m.area_code}};
      if (m.latitude && m.longitude) o["position"] = {{"latitude", *m.latitude}, {"longitude", *m.longitude}};
      items.push_back(std::move(o));
    }
    return list(std::move(items));
  });
  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/reference/areas", [&catalogue](http::Request& req) {
    bj::array items;
    for (const auto& a : catalogue.areas(req.query_param("prefecture").value_or(""))) {
      bj::array munis;
      for (const auto& m : a.municipalities) munis.push_back(bj::string(m));
      bj::object o{{"code", a.code}, {"prefecture", a.prefecture}, {"name", a.name}, {"municipalities", std::move(munis)}};
      if (a.designation)
        o["designation"] = {{"designation", a.designation->designation}, {"plan_period", a.designation->plan_period},
                            {"physician_index", a.designation->physician_index ? bj::value(*a.designation->physician_index) : nullptr},
                            {"source", a.designation->source}};
      items.push_back(std::move(o));
    }
    return list(std::move(items));
  });
  // The designations in force and every earlier one, with who set them (by name, never login ID).
  // Rule: anyone, without a session (designations are public).
  router.add("GET", "/api/v1/reference/areas/{code}/designations", [&pool, &catalogue](http::Request& req) {
    const auto area = catalogue.area(req.param("code"));
    if (!area) return http::error_response(errors::not_found("指定された二次医療圏は見つかりません。"));
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    auto history = designation_history(**lease, area->code);
    if (!history) return http::error_response(history.error());
    bj::array items;
    for (const auto& h : *history)
      items.push_back({{"designation", h.designation.designation}, {"plan_period", h.designation.plan_period},
                       {"physician_index", h.designation.physician_index ? bj::value(*h.designation.physician_index) : nullptr},
                       {"source", h.designation.source}, {"set_by", h.set_by_name ? bj::value(*h.set_by_name) : nullptr},
                       {"note", h.note ? bj::value(*h.note) : nullptr}, {"set_at", format_iso8601_jst(h.set_at_ms)}});
    const auto total = items.size();
    return http::json_response(200, bj::object{{"area", area->code}, {"items", std::move(items)}, {"total", total}});
  });

  // The prefecture's 医師確保計画 binds, so its designation replaces the national one from now on.
  // Rule: the career centre (地域医療支援センター) of the area's own prefecture, or the secretariat; others get 404.
  router.add("PUT", "/api/v1/reference/areas/{code}/designation", [&pool, &catalogue, &accounts](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    if (auto ok = accounts::require_role(*current, {accounts::Role::career_center, accounts::Role::secretariat}); !ok)
      return http::error_response(ok.error());
    const auto area = catalogue.area(req.param("code"));
    const auto& u = current->user;
    const bool own = u.role == accounts::Role::secretariat ||
                     (area && std::any_of(u.organisations.begin(), u.organisations.end(),
                                          [&](const auto& o) { return o.prefecture == area->prefecture; }));
    if (!area || !own) return http::error_response(errors::not_found("指定された二次医療圏は見つかりません。"));
    auto o = json::parse_object(req.body);
    if (!o) return http::error_response(o.error());
    json::FieldReader f(*o);
    const auto designation = f.required_string("designation", "区分", 20);
    if (!designation.empty() && !is_designation(designation))
      f.add_error("designation", "「区分」は 医師少数区域・中間・医師多数区域 のいずれかを選んでください。");
    const auto note = f.optional_text("note", "根拠・備考", 1000);
    if (auto ok = f.finish(); !ok) return http::error_response(ok.error());
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    const std::string who = accounts::person_label(u);
    if (auto r = set_designation(**lease, *area, designation, note && !note->empty() ? note : std::nullopt, u.id, who); !r)
      return http::error_response(r.error());
    if (auto r = audit::record(**lease, accounts::actor_of(*current), "area_designation_set", "medical_area", area->code, designation); !r)
      return http::error_response(r.error());
    if (auto r = catalogue.load(**lease); !r) return http::error_response(r.error());
    return http::json_response(200, bj::object{{"area", area->code}, {"designation", designation}});
  });

  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/reference/postal-codes/{code}", [&pool](http::Request& req) {
    std::string code;
    for (char ch : text::fold(req.param("code")))
      if (ch >= '0' && ch <= '9') code += ch;  // accepts 100-0001, １００００００ …
    if (code.size() != 7)
      return http::error_response(errors::validation({{"postal_code", "「郵便番号」は7桁の数字で入力してください。"}}));
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    auto found = lookup_postal_code(**lease, code);
    if (!found) return http::error_response(found.error());
    bj::array items;
    for (const auto& a : *found)
      items.push_back({{"postal_code", a.postal_code}, {"prefecture", a.prefecture}, {"municipality", a.municipality_code},
                       {"municipality_name", a.municipality_name}, {"town", a.town}});
    return list(std::move(items));
  });
  // Rule: the secretariat only.
  router.add("POST", "/api/v1/reference/areas/import", [&](http::Request& req) {
    return secretariat_csv_import(req, accounts, pool, [&](store::Connection& c) -> Result<int> {
      const int n = KH_TRY(import_areas_csv(c, req.body));
      KH_TRY_VOID(catalogue.load(c));
      return n;
    });
  });
  // Rule: the secretariat only.
  router.add("POST", "/api/v1/reference/postal-codes/import", [&](http::Request& req) {
    return secretariat_csv_import(req, accounts, pool, [&](store::Connection& c) { return import_postal_codes_csv(c, req.body); });
  });
}

}  // namespace kh::reference
