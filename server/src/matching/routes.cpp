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
namespace {

bj::array reasons_json(const Scored& s) {
  bj::array out;
  for (const auto& r : s.reasons()) out.push_back(bj::string(r));
  return out;
}

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
      items.push_back({{"posting", postings::to_json(**p, postings.disclosure(**p, &*current), postings.catalogue())},
                       {"score", all[i].score}, {"reasons", reasons_json(all[i])}});
    }
    return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", all.size()}, {"page", page},
                                               {"per_page", per_page}});
  });

  // Rule: the posting's own facility staff, coordinators covering its prefecture and job category, the secretariat; others get 404.
  router.add("GET", "/api/v1/postings/{id}/matches", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto p = postings.find(req.param("id"));
    if (!p) return http::error_response(p.error());
    const auto& u = current->user;
    // The facility's own staff, coordinators covering the posting's prefecture and category, and the secretariat.
    bool allowed = u.role == accounts::Role::secretariat;
    if (*p) {
      allowed |= accounts::covering_organisation(u, (*p)->workplace.prefecture, (*p)->category) != nullptr;
      for (const auto& o : u.organisations) allowed |= u.role == accounts::Role::facility && o.id == (*p)->facility_id;
    }
    if (!*p || !allowed) return http::error_response(errors::not_found("指定された募集は見つかりません。"));
    const int page = audit::page_param(req, "page", 1, 1000), per_page = audit::page_param(req, "per_page", 20, 100);
    const auto all = engine.seekers_for_posting((*p)->id, max_results);
    bj::array items;
    for (std::size_t i = static_cast<std::size_t>((page - 1) * per_page); i < all.size() && items.size() < static_cast<std::size_t>(per_page); ++i) {
      auto profile = seekers.find(all[i].id);
      if (!profile || !*profile) continue;
      // Pseudonymous only: the handle and the conditions, never name, licence number, phone or notes.
      // The handle is the one this posting's facility knows the seeker by (a different one for every facility).
      const auto handle = seekers.handle_for((*profile)->user_id, (*p)->facility_id);
      items.push_back({{"candidate", seekers::anonymous_json(**profile, handle)}, {"score", all[i].score},
                       {"reasons", reasons_json(all[i])}});
    }
    return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", all.size()}, {"page", page},
                                               {"per_page", per_page}});
  });
}

}  // namespace kh::matching
