// GET /api/v1/audit: the secretariat reads the audit log.
#include <boost/json.hpp>

#include <algorithm>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "audit/routes.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"
#include "store/database.h"

namespace kh::audit {

int page_param(const http::Request& req, std::string_view name, int fallback, int max) {
  auto v = req.query_param(name);
  if (!v || v->empty() || v->size() > 6) return fallback;
  for (char ch : *v)
    if (ch < '0' || ch > '9') return fallback;
  return std::clamp(std::stoi(*v), 1, max);
}

void register_routes(http::Router& router, accounts::Service& accounts, store::Pool& pool) {
  // Rule: the secretariat only.
  router.add("GET", "/api/v1/audit", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    if (auto ok = accounts::require_role(*current, {accounts::Role::secretariat}); !ok)
      return http::error_response(ok.error());
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    Query q{req.query_param("action"), req.query_param("actor_id"), page_param(req, "page", 1, 100000),
            page_param(req, "per_page", 50, 200)};
    auto page = list(**lease, q);
    if (!page) return http::error_response(page.error());
    boost::json::array items;
    for (const auto& e : page->items) {
      boost::json::object o{{"id", e.id}, {"at", format_iso8601_jst(e.at_ms)}, {"action", e.action}, {"ip", e.ip}};
      o["actor_id"] = e.actor_id ? boost::json::value(*e.actor_id) : nullptr;
      o["actor_login"] = e.actor_login ? boost::json::value(*e.actor_login) : nullptr;
      o["subject_type"] = e.subject_type ? boost::json::value(*e.subject_type) : nullptr;
      o["subject_id"] = e.subject_id ? boost::json::value(*e.subject_id) : nullptr;
      o["detail"] = e.detail ? boost::json::value(*e.detail) : nullptr;
      items.push_back(std::move(o));
    }
    return http::json_response(200, boost::json::object{{"items", std::move(items)}, {"total", page->total}});
  });
}

}  // namespace kh::audit
