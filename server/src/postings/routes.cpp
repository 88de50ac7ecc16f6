#include "postings/routes.h"

#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "core/text.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"
#include "postings/facility_list.h"
#include "postings/postings.h"
#include "postings/search_cache.h"
#include "postings/search_index.h"
#include "store/change_follower.h"

namespace kh::postings {
namespace bj = boost::json;
using accounts::optional_viewer;
namespace {

bj::object facets_json(const SearchResult& r) {
  bj::object out;
  for (const auto& [facet, values] : r.facets) {
    bj::object counts;
    for (const auto& [value, n] : values) counts[value] = n;
    out[facet] = std::move(counts);
  }
  return out;
}

}  // namespace

void register_routes(http::Router& router, Service& postings, SearchIndex& index, store::ChangeFollower& follower,
                     accounts::Service& accounts) {
  // Rule: anyone; only published postings are listed, masked per viewer.
  router.add("GET", "/api/v1/postings", [&, anonymous_cache = std::make_shared<AnonymousSearchCache>()](http::Request& req) {
    auto query = parse_search_query(req.query, postings.catalogue());
    if (!query) return http::error_response(query.error());
    const auto viewer = optional_viewer(accounts, req);
    // A visitor without a session sees what every visitor sees: served from the cache while the index is unchanged.
    std::string key;
    const auto version = index.version();
    if (!viewer) {
      for (const auto& [name, value] : req.query) key.append(name).append(1, '\0').append(value).append(1, '\0');
      if (auto cached = anonymous_cache->find(key, version)) {
        http::Response r;
        r.body = std::move(*cached);
        return r;
      }
    }
    const auto result = index.search(*query);
    bj::array items;
    for (const auto& p : result.items)
      items.push_back(to_json(p, disclosure_for(p, viewer ? &*viewer : nullptr), postings.catalogue()));
    auto response = http::json_response(200, bj::object{{"items", std::move(items)}, {"total", result.total},
                                                        {"page", query->page}, {"per_page", query->per_page},
                                                        {"facets", facets_json(result)}});
    // Stored under the version read before searching: a change meanwhile makes it stale at once, never wrong.
    if (!viewer) anonymous_cache->store(key, version, response.body);
    return response;
  });

  // Rule: anyone for a published posting; an unpublished one only its own facility's staff and the secretariat; others get 404.
  router.add("GET", "/api/v1/postings/{id}", [&](http::Request& req) {
    auto found = postings.find(req.param("id"));
    if (!found) return http::error_response(found.error());
    const auto viewer = optional_viewer(accounts, req);
    const auto* v = viewer ? &*viewer : nullptr;
    // Unpublished postings exist only for their facility and the secretariat; to everyone else they are 404,
    // exactly like an id that never existed.
    const bool insider = v && (v->user.role == accounts::Role::secretariat ||
                               std::any_of(v->user.organisations.begin(), v->user.organisations.end(),
                                           [&](const auto& o) { return found->has_value() && o.id == (*found)->facility_id; }));
    if (!*found || ((*found)->status != "published" && !insider))
      return http::error_response(errors::not_found("指定された募集は見つかりません。"));
    return http::json_response(200, to_json(**found, postings.disclosure(**found, v), postings.catalogue()));
  });

  // Rule: facility staff, for one of their own facilities (another facility_id: 400 field error).
  router.add("POST", "/api/v1/postings", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    auto created = postings.create(*current, *body);
    if (!created) return http::error_response(created.error());
    follower.catch_up();  // the next search, from anyone, already sees it
    return http::json_response(201, to_json(*created, Disclosure::full, postings.catalogue()));
  });

  // Rule: the posting's own facility staff only; others get 404 (the secretariat 403).
  router.add("PATCH", "/api/v1/postings/{id}", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    auto updated = postings.update(*current, req.param("id"), *body);
    if (!updated) return http::error_response(updated.error());
    follower.catch_up();
    auto fresh = postings.find(updated->id);
    const Posting& shown = (fresh && *fresh) ? **fresh : *updated;
    return http::json_response(200, to_json(shown, Disclosure::full, postings.catalogue()));
  });

  // Rule: the posting's own facility staff and the secretariat; others get 404.
  router.add("GET", "/api/v1/postings/{id}/versions", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto versions = postings.versions(*current, req.param("id"));
    if (!versions) return http::error_response(versions.error());
    bj::array items;
    std::map<std::string, std::string> labels;  // a few people edit a posting: each looked up once
    for (const auto& v : *versions) {
      if (!labels.contains(v.changed_by)) {
        auto label = accounts.person_label(v.changed_by);
        if (!label) return http::error_response(label.error());
        labels[v.changed_by] = *label;
      }
      items.push_back({{"version", v.version}, {"changed_at", format_iso8601_jst(v.changed_at_ms)},
                       {"changed_by", labels[v.changed_by]}, {"changes", bj::parse(v.changes)}});
    }
    const auto total = items.size();
    return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", total}});
  });

  // Rule: facility staff; the rows become postings of the user's first facility.
  router.add("POST", "/api/v1/postings/import", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    // The encoding is found from the bytes (UTF-8, else Windows-31J), not from a charset a browser may not send.
    if (!text::ascii_lower(req.header("content-type").value_or("")).starts_with("text/csv"))
      return http::error_response({415, "unsupported_media_type", "CSV（Content-Type: text/csv）で送信してください。", {}});
    auto created = postings.import_csv(*current, req.body);
    if (!created) return http::error_response(created.error());
    follower.catch_up();
    bj::array ids;
    for (const auto& p : *created) ids.push_back(bj::string(p.id));
    return http::json_response(201, bj::object{{"imported", created->size()}, {"ids", std::move(ids)}});
  });

  // Rule: facility staff only.
  router.add("GET", "/api/v1/postings/import/template.csv", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    if (auto allowed = accounts::require_role(*current, {accounts::Role::facility}); !allowed)
      return http::error_response(allowed.error());
    // The example starts a month from today (Japan time), so it is a posting that could be registered as it is.
    http::Response r;
    r.content_type = "text/csv; charset=Shift_JIS";
    r.body = csv_template(format_iso8601_jst(now_ms() + 30LL * 24 * 3600 * 1000).substr(0, 10));
    r.header("Content-Disposition",
             "attachment; filename=\"kakehashi_postings_template.csv\"; filename*=UTF-8''%E5%8B%9F%E9%9B%86%E7%99%BB%E9%8C%B2%E3%83%86%E3%83%B3%E3%83%97%E3%83%AC%E3%83%BC%E3%83%88.csv");
    r.header("Cache-Control", "private, no-store");
    return r;
  });

  // Rule: facility staff; only the postings of their own facilities.
  router.add("GET", "/api/v1/facility/postings", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto list = postings.list_for_facility(*current);
    if (!list) return http::error_response(list.error());
    auto query = parse_facility_list_query(req.query, postings.catalogue());
    if (!query) return http::error_response(query.error());
    // The counts per status are of every posting, whatever the filter: they are the page's overview.
    bj::object counts{{"draft", 0}, {"published", 0}, {"paused", 0}, {"closed", 0}};
    for (const auto& p : *list) counts[p.status] = counts[p.status].as_int64() + 1;
    const auto page = filter_facility_list(*list, *query);
    bj::array items;
    for (const auto* p : page.items) items.push_back(to_json(*p, Disclosure::full, postings.catalogue()));
    bj::object out{{"items", std::move(items)}, {"total", page.total}, {"counts", std::move(counts)}, {"page", query->page}};
    out["per_page"] = query->per_page ? bj::value(*query->per_page) : bj::value(nullptr);
    return http::json_response(200, std::move(out));
  });
}

}  // namespace kh::postings
