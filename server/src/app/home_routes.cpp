#include "app/home_routes.h"

#include <algorithm>
#include <set>
#include <string>

#include <boost/json.hpp>

#include "app/context.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"

namespace kh::app {
namespace bj = boost::json;
using accounts::Role;
namespace {

//! A bed report older than this is stale on the board (reports are asked for daily).
constexpr std::int64_t stale_report_hours = 24;
//! "This week" for interviews: today and the next six days, in Japan.
constexpr std::int64_t interview_window_days = 7;

//! The counts come from the modules' own services (so the same visibility rules apply as on their pages),
//! plus a few counts over the interview, training and notice tables of applications the viewer sees.
class HomeCounter {
 public:
  HomeCounter(Context& ctx, const accounts::CurrentUser& viewer) : ctx_(ctx), viewer_(viewer) {}

  Result<bj::object> unread_notices() {
    auto r = KH_TRY(query("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL", {viewer_.user.id}));
    return bj::object{{"unread_notices", r.rows[0].integer(0)}};
  }

  //! Facility: new applications, unread messages, interviews in the coming week, open training items and
  //! published postings nobody has contacted yet. Seeker: new recommendations, unread replies, interviews
  //! waiting for their answer and those coming in the week.
  Result<bj::object> applications_side() {
    auto list = KH_TRY(ctx_.applications->list(viewer_, std::nullopt));
    std::set<std::string> ids, contacted_postings;
    std::int64_t fresh = 0, unread = 0;
    for (const auto& item : list.at("items").as_array()) {
      const auto& a = item.as_object();
      ids.emplace(a.at("id").as_string());
      contacted_postings.emplace(a.at("posting_id").as_string());
      if (a.at("stage").as_string() == "new") ++fresh;
      unread += a.at("unread_messages").to_number<std::int64_t>();
    }
    const auto now = now_ms();
    const std::string today = iso_date_jst(now), week_end = iso_date_jst(now + (interview_window_days - 1) * 24 * 3600 * 1000);
    std::int64_t awaiting = 0, this_week = 0;
    auto interviews = KH_TRY(query("SELECT application_id, status, chosen_slot FROM interviews WHERE status IN ('proposed', 'scheduled')"));
    for (const auto& r : interviews.rows) {
      if (!ids.contains(r.text(0))) continue;
      if (r.text(1) == "proposed") ++awaiting;
      else if (!r.is_null(2) && r.text(2).substr(0, 10) >= today && r.text(2).substr(0, 10) <= week_end) ++this_week;
    }
    bj::object out{{"unread_messages", unread}, {"interviews_this_week", this_week}, {"interviews_awaiting_answer", awaiting}};
    if (viewer_.user.role == Role::seeker) {
      // A recommendation is a match notice that links to a posting (an established match links to the application).
      auto recs = KH_TRY(query("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND kind = 'match' AND read_at IS NULL "
                                    "AND link LIKE '/postings/%'", {viewer_.user.id}));
      out["new_recommendations"] = recs.rows[0].integer(0);
      return out;
    }
    out["new_applications"] = fresh;
    auto training = KH_TRY(query("SELECT application_id FROM trainings WHERE completed_on IS NULL"));
    out["open_training"] = std::count_if(training.rows.begin(), training.rows.end(), [&](const auto& r) { return ids.contains(r.text(0)); });
    auto postings = KH_TRY(ctx_.postings->list_for_facility(viewer_));
    out["postings_without_candidates"] = std::count_if(postings.begin(), postings.end(), [&](const auto& p) {
      return p.status == "published" && !contacted_postings.contains(p.id);
    });
    return out;
  }

  //! Coordinator and secretariat: the size of each part of the coordination queue.
  Result<bj::object> queue() {
    auto q = KH_TRY(ctx_.applications->queue(viewer_));
    bj::object out;
    for (const auto* key : {"contact_requests", "follow_ups_due", "urgent_without_candidates", "open_training"})
      out[key] = q.at(key).as_array().size();
    return out;
  }

  //! Aggregator (and secretariat): facilities on the board whose latest report is stale or missing.
  Result<bj::object> board_freshness() {
    beds::BoardQuery q;
    q.scope = KH_TRY(ctx_.beds->scope_of(viewer_));
    q.all = true;
    const auto board = ctx_.beds->board(q);
    const auto cutoff = now_ms() - stale_report_hours * 3600 * 1000;
    std::int64_t stale = 0, never = 0;
    for (const auto& row : board.rows) {
      if (!row.latest) ++never;
      else if (row.latest->reported_at_ms < cutoff) ++stale;
    }
    return bj::object{{"board_facilities", board.total}, {"stale_reports", stale}, {"no_reports", never}, {"stale_after_hours", stale_report_hours}};
  }

  //! Secretariat: inquiries waiting for the secretariat (new ones and follow-up questions).
  Result<bj::object> open_inquiries() {
    std::int64_t open = 0;
    for (const auto* status : {"received", "follow_up"}) {
      auto list = KH_TRY(ctx_.helpdesk->list_inquiries(viewer_, std::string(status), std::nullopt, 1, 1));
      open += list.at("total").to_number<std::int64_t>();
    }
    return bj::object{{"open_inquiries", open}};
  }

 private:
  //! One query on a connection of its own: no connection is held while a service takes one (the pool is small).
  Result<store::QueryResult> query(std::string_view sql, const store::Params& params = {}) {
    auto lease = KH_TRY(ctx_.pool->acquire());
    return lease->execute(sql, params);
  }

  Context& ctx_;
  const accounts::CurrentUser& viewer_;
};

Result<bj::object> home_counts(Context& ctx, const accounts::CurrentUser& viewer) {
  HomeCounter counter(ctx, viewer);
  bj::object counts = KH_TRY(counter.unread_notices());
  auto merge = [&](bj::object part) {
    for (auto& [key, value] : part) counts[key] = value;
  };
  switch (viewer.user.role) {
    case Role::seeker:
      merge(KH_TRY(counter.applications_side()));
      // Placement rounds (issue 14): a doctor linked to the registry, while a round waits for their ranks.
      merge(KH_TRY(ctx.placement_rounds->home_counts(viewer)));
      break;
    case Role::facility:
      merge(KH_TRY(counter.applications_side()));
      // Placement rounds (issue 14): present only while the facility has an open round to rank.
      merge(KH_TRY(ctx.placement_rounds->home_counts(viewer)));
      break;
    case Role::coordinator: merge(KH_TRY(counter.queue())); break;
    case Role::aggregator: merge(KH_TRY(counter.board_freshness())); break;
    case Role::secretariat:
      merge(KH_TRY(counter.queue()));
      merge(KH_TRY(counter.board_freshness()));
      merge(KH_TRY(counter.open_inquiries()));
      break;
    case Role::workenv_center: {
      // The centre's "what to do now" (workenv::Service::today): the same counts as its page.
      auto today = KH_TRY(ctx.workenv->today(viewer));
      counts["workenv_due_cases"] = today.at("due_cases").as_array().size();
      counts["workenv_proposed_visits"] = today.at("proposed_visits").as_array().size();
      counts["workenv_interview_gaps"] = today.at("interview_gaps");
      counts["workenv_projected_over_cap"] = today.at("projected_over_cap");
      counts["workenv_late_minutes"] = today.at("late_minutes").as_array().size();
      break;
    }
    case Role::career_center: merge(KH_TRY(ctx.placement_rounds->home_counts(viewer))); break;
  }
  return bj::object{{"role", std::string(accounts::role_code(viewer.user.role))}, {"counts", std::move(counts)},
                    {"as_of", format_iso8601_jst(now_ms())}};
}

}  // namespace

void register_home_routes(http::Router& router, Context& ctx) {
  // Rule: any logged-in user, about what they themselves may see (each count by the rules of its own module).
  router.add("GET", "/api/v1/me/home", [&ctx](http::Request& req) {
    auto current = ctx.accounts->authenticate(req);
    if (!current) return http::error_response(current.error());
    auto counts = home_counts(ctx, *current);
    if (!counts) return http::error_response(counts.error());
    return http::json_response(200, std::move(*counts));
  });
}

}  // namespace kh::app
