// The notification centre and the live event stream.
#include <boost/json.hpp>

#include <charconv>

#include "accounts/accounts.h"
#include "audit/routes.h"
#include "core/time.h"
#include "http/event_stream.h"
#include "http/request.h"
#include "http/router.h"
#include "notify/notify.h"
#include "store/database.h"

namespace kh::notify {
namespace bj = boost::json;

void register_routes(http::Router& router, store::Pool& pool, accounts::Service& accounts, EventHub& hub) {
  // Rule: any logged-in user; only their own events.
  router.add("GET", "/api/v1/events", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    auto valid_until = accounts.session_valid_until(current->session_digest);
    if (!valid_until || !*valid_until) return http::error_response(errors::unauthorized());
    // A browser that reconnects (its process died, the network dropped) names the last event it got. Subscribed
    // first, then the missed notices replayed, so nothing falls between the two; a live push of a replayed notice
    // is dropped. The replay comes before `ready`, whose unread count is the absolute figure.
    std::optional<std::int64_t> last_seen;
    if (auto h = req.header("last-event-id")) {
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(h->data(), h->data() + h->size(), v);
      if (ec == std::errc{} && end == h->data() + h->size() && v >= 0) last_seen = v;
    }
    auto stream = hub.subscribe(current->user.id, current->session_digest, **valid_until);
    if (last_seen) {
      auto missed = created_since(**lease, current->user.id, *last_seen, 200);
      if (!missed) { stream->disconnect(); return http::error_response(missed.error()); }
      std::int64_t through = 0;
      for (const auto& [seq, n] : *missed) {
        stream->push("notification", live_event_data(n), std::to_string(seq));
        through = seq;
      }
      if (through > 0) stream->skip_through(through);
    }
    auto unread = (*lease)->execute("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
                                    {current->user.id});
    if (!unread) { stream->disconnect(); return http::error_response(unread.error()); }
    http::Response res;
    res.stream = std::move(stream);
    res.stream->push("ready", bj::serialize(bj::object{{"unread", unread->rows[0].integer(0)}}));
    return res;
  });

  // Rule: any logged-in user; only their own notices.
  router.add("GET", "/api/v1/notifications", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    auto& c = **lease;
    const int page = audit::page_param(req, "page", 1, 100000), per_page = audit::page_param(req, "per_page", 20, 100);
    auto counts = c.execute("SELECT COUNT(*), COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) "
                            "FROM notifications WHERE user_id = $1", {current->user.id});
    auto rows = c.execute("SELECT id, kind, title, body, link, created_at, read_at FROM notifications WHERE user_id = $1 "
                          "ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
                          {current->user.id, std::int64_t{per_page}, std::int64_t{(page - 1) * per_page}});
    if (!counts || !rows) return http::error_response(!counts ? counts.error() : rows.error());
    bj::array items;
    for (const auto& r : rows->rows)
      items.push_back({{"id", r.text(0)}, {"kind", r.text(1)}, {"title", r.text(2)}, {"body", r.text(3)},
                       {"link", r.is_null(4) ? bj::value(nullptr) : bj::value(r.text(4))},
                       {"created_at", format_iso8601_jst(r.integer(5))},
                       {"read", !r.is_null(6)}});
    return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", counts->rows[0].integer(0)},
                                               {"unread", counts->rows[0].integer(1)}, {"page", page}, {"per_page", per_page}});
  });

  // Rule: any logged-in user, for their own notice only; others get 404 (also the secretariat).
  router.add("POST", "/api/v1/notifications/{id}/read", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    // The user id in the condition is the access check: another user's notice is simply not found.
    auto r = (*lease)->execute("UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2",
                               {req.param("id"), current->user.id, now_ms()});
    if (!r) return http::error_response(r.error());
    if (r->affected != 1) return http::error_response(errors::not_found("指定されたお知らせは見つかりません。"));
    return http::no_content();
  });

  // Rule: any logged-in user; marks only their own notices.
  router.add("POST", "/api/v1/notifications/read-all", [&](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    auto r = (*lease)->execute("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
                               {current->user.id, now_ms()});
    if (!r) return http::error_response(r.error());
    return http::no_content();
  });
}

}  // namespace kh::notify
