#include "matching/routes.h"

#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "audit/routes.h"
#include "http/request.h"
#include "http/router.h"
#include "matching/matching.h"
#include "postings/postings.h"
#include "seekers/seekers.h"

namespace kh::matching {
namespace bj = boost::json;

void add_score_json(bj::object& item, const Scored& m) {
  item["score"] = m.score;
  bj::array reasons, details;
  for (const auto& r : m.reason_details()) {
    reasons.push_back(bj::string(r.text));
    details.push_back({{"text", r.text}, {"effect", r.positive ? "plus" : "minus"}});
  }
  item["reasons"] = std::move(reasons);
  item["reason_details"] = std::move(details);
  item["distance_km"] = m.fit.in_area ? bj::value(0) : m.fit.road_km >= 0 ? bj::value(m.fit.road_km) : bj::value(nullptr);
  item["in_preferred_area"] = m.fit.in_area;
  item["experience_years"] = m.fit.experience_years >= 0 ? bj::value(m.fit.experience_years) : bj::value(nullptr);
}

namespace {

constexpr std::size_t max_results = 500;

}  // namespace

void register_routes(http::Router& router, Engine& engine, postings::Service& postings, seekers::Service& seekers,
                     accounts::Service& accounts) {
  // Rule: seekers, their own recommendations only.
  router.add("GET", "/api/v1/me/matches", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    if (auto ok = accounts::require_role(*current, {accounts::Role::seeker}); !ok) return http::error_response(ok.error());
    const int page = audit::page_param(req, "page", 1, 1000), per_page = audit::page_param(req, "per_page", 20, 100);
    const auto all = engine.postings_for_seeker(current->user.id, max_results);
    bj::array items;
    for (std::size_t i = static_cast<std::size_t>((page - 1) * per_page); i < all.size() && items.size() < static_cast<std::size_t>(per_page); ++i) {
      auto p = postings.find(all[i].id);
      if (!p || !*p) continue;
      bj::object item{{"posting", postings::to_json(**p, postings.disclosure(**p, &*current), postings.catalogue())}};
      add_score_json(item, all[i]);
      items.push_back(std::move(item));
    }
    return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", all.size()}, {"page", page},
                                               {"per_page", per_page}});
  });
  // The facility's side (GET /api/v1/postings/{id}/matches and its contact requests) is in contact_requests/.
}

}  // namespace kh::matching
