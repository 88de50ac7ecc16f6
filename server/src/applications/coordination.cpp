// The coordinator's workspace: the queue, candidate search over the matching engine, and coordination records
// that only the handling organisation's coordinators and the secretariat can read (rule 5).
#include <boost/json.hpp>

#include <algorithm>

#include "accounts/accounts.h"
#include "applications/loaded.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/time.h"
#include "matching/matching.h"
#include "postings/postings.h"
#include "seekers/seekers.h"
#include "store/database.h"

namespace kh::applications {
namespace bj = boost::json;
namespace {
constexpr const char* record_kinds[][2] = {{"note", "メモ"}, {"call", "電話"}, {"adjustment", "条件調整"}};

//! Whether the viewer works on this posting: the secretariat everywhere, a coordinator where it covers.
bool works_on(const accounts::CurrentUser& u, const postings::Posting& p) {
  return u.user.role == accounts::Role::secretariat ||
         accounts::covering_organisation(u.user, p.workplace.prefecture, p.category) != nullptr;
}
}  // namespace

Result<bj::object> Service::records(const accounts::CurrentUser& viewer, const std::string& id) {
  auto a = KH_TRY(load(viewer, id));
  if (!a.sees_records(viewer)) return fail(errors::not_found("指定された調整記録は見つかりません。"));
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT c.id, c.kind, c.body, c.follow_up_on, c.created_at, u.display_name FROM coordination_records c "
                                   "JOIN users u ON u.id = c.author_id WHERE c.application_id = $1 ORDER BY c.created_at, c.id", {id}));
  bj::array items;
  for (const auto& row : r.rows)
    items.push_back({{"id", row.text(0)}, {"kind", row.text(1)}, {"body", row.text(2)},
                     {"follow_up_on", row.is_null(3) ? bj::value(nullptr) : bj::value(row.text(3))},
                     {"created_at", format_iso8601_jst(row.integer(4))}, {"author", row.text(5)}});
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

Result<bj::object> Service::add_record(const accounts::CurrentUser& coordinator, const std::string& id, const bj::object& body) {
  auto a = KH_TRY(load(coordinator, id));
  if (!a.as_coordinator && !a.as_secretariat) return fail(errors::forbidden("調整記録はコーディネーターと事務局が作成します。"));
  // The first coordinator to record becomes the handling organisation; others of other organisations may not.
  std::string org = a.coordinator_org_id.value_or("");
  if (org.empty())
    if (const auto* o = accounts::covering_organisation(coordinator.user, a.posting.workplace.prefecture, a.posting.category))
      org = o->id;
  if (!a.as_secretariat && std::none_of(coordinator.user.organisations.begin(), coordinator.user.organisations.end(),
                                        [&](const auto& o) { return o.id == org; }))
    return fail(errors::forbidden("この案件はほかの団体が担当しています。"));
  json::FieldReader f(body);
  const auto kind = f.required_string("kind", "種類", 20);
  if (!kind.empty() && std::none_of(std::begin(record_kinds), std::end(record_kinds), [&](const auto& k) { return kind == k[0]; }))
    f.add_error("kind", "「種類」は note（メモ）, call（電話）, adjustment（条件調整）のいずれかです。");
  const auto text = f.required_text("body", "内容", 4000);
  const auto follow_up = f.optional_string("follow_up_on", "次回対応日", 10);
  if (follow_up && !follow_up->empty() && !is_valid_date(*follow_up))
    f.add_error("follow_up_on", "「次回対応日」は YYYY-MM-DD の形式の実在する日付で入力してください。");
  KH_TRY_VOID(f.finish());
  // The secretariat writing before any coordinator has taken the case records under its own organisation, and
  // does not become the handling organisation by doing so.
  std::string record_org = org;
  if (record_org.empty() && a.as_secretariat && !coordinator.user.organisations.empty())
    record_org = coordinator.user.organisations.front().id;
  if (record_org.empty())
    return fail(errors::conflict("no_handling_organisation",
                                 "この案件を担当する団体がまだ決まっていません。担当のコーディネーターが記録を作成してください。"));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    if (!org.empty()) KH_TRY(c.execute("UPDATE applications SET coordinator_org_id = COALESCE(coordinator_org_id, $2) WHERE id = $1", {id, org}));
    KH_TRY(c.execute("INSERT INTO coordination_records (id, application_id, organisation_id, author_id, kind, body, follow_up_on, created_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                     {crypto::new_id("rec"), id, record_org, coordinator.user.id, kind, text,
                      follow_up && !follow_up->empty() ? store::Param{*follow_up} : store::Param{nullptr}, now_ms()}));
    return audit::record(c, accounts::actor_of(coordinator), "coordination_record", "application", id, kind);
  }));
  return records(coordinator, id);
}

Result<bj::object> Service::queue(const accounts::CurrentUser& coordinator) {
  KH_TRY_VOID(accounts::require_role(coordinator, {accounts::Role::coordinator, accounts::Role::secretariat}));
  const bool everywhere = coordinator.user.role == accounts::Role::secretariat;
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  bj::array contact_requests, follow_ups, urgent;
  auto open = KH_TRY(c.execute("SELECT a.id, a.posting_id, a.created_at FROM applications a WHERE a.kind = 'contact_request' "
                               "AND a.matched_at IS NULL AND a.stage IN ('new', 'coordinating') ORDER BY a.created_at"));
  for (const auto& r : open.rows) {
    auto p = KH_TRY(postings_.find(r.text(1)));
    if (!p || !works_on(coordinator, *p)) continue;
    contact_requests.push_back({{"application_id", r.text(0)}, {"posting_id", p->id}, {"posting_title", p->title},
                                {"urgency", p->urgency}, {"created_at", format_iso8601_jst(r.integer(2))}});
  }
  const std::string today = format_iso8601_jst(now_ms()).substr(0, 10);
  auto due = KH_TRY(c.execute("SELECT c.application_id, c.follow_up_on, c.body, c.organisation_id FROM coordination_records c "
                              "WHERE c.follow_up_on IS NOT NULL AND c.follow_up_on <= $1 ORDER BY c.follow_up_on", {today}));
  for (const auto& r : due.rows) {
    const bool mine = everywhere || std::any_of(coordinator.user.organisations.begin(), coordinator.user.organisations.end(),
                                                [&](const auto& o) { return o.id == r.text(3); });
    if (!mine) continue;
    // The note is shown by the same rule as the records themselves (coverage may have narrowed since).
    auto a = load(coordinator, r.text(0));
    if (a && a->sees_records(coordinator))
      follow_ups.push_back({{"application_id", r.text(0)}, {"follow_up_on", r.text(1)}, {"note", r.text(2)}});
  }
  // Urgent published postings in the region that have no application, inquiry or contact request yet (the page says
  // so: 「まだ応募・連絡のない急募求人」), the soonest start first: those are the ones to find people for now.
  auto taken = KH_TRY(c.execute("SELECT DISTINCT posting_id FROM applications"));
  std::vector<std::string> with_candidates;
  for (const auto& r : taken.rows) with_candidates.push_back(r.text(0));
  auto facility_postings = KH_TRY(c.execute("SELECT id FROM postings WHERE status = 'published' AND urgency = 'immediate' ORDER BY start_date, published_at DESC"));
  for (const auto& r : facility_postings.rows) {
    if (std::find(with_candidates.begin(), with_candidates.end(), r.text(0)) != with_candidates.end()) continue;
    auto p = KH_TRY(postings_.find(r.text(0)));
    if (!p || !works_on(coordinator, *p)) continue;
    bj::object item{{"posting_id", p->id}, {"title", p->title}, {"start_date", p->start_date}};
    std::size_t n = 0;
    engine_.visit_seekers_for_posting(p->id, [&](const std::string&, int) { ++n; });
    item["matching_seekers"] = n;
    urgent.push_back(std::move(item));
    if (urgent.size() >= 50) break;
  }
  // Hires whose training is not complete, so the coordinator can follow up.
  auto training = KH_TRY(c.execute("SELECT DISTINCT t.application_id FROM trainings t WHERE t.completed_on IS NULL"));
  bj::array open_training;
  for (const auto& r : training.rows) {
    auto a = load(coordinator, r.text(0));
    if (a) open_training.push_back({{"application_id", a->id}, {"posting_title", a->posting.title}});
  }
  return bj::object{{"contact_requests", std::move(contact_requests)}, {"follow_ups_due", std::move(follow_ups)},
                    {"urgent_without_candidates", std::move(urgent)}, {"open_training", std::move(open_training)}};
}

Result<bj::object> Service::candidates(const accounts::CurrentUser& coordinator, const std::string& posting_id) {
  KH_TRY_VOID(accounts::require_role(coordinator, {accounts::Role::coordinator, accounts::Role::secretariat}));
  auto p = KH_TRY(postings_.find(posting_id));
  if (!p || !works_on(coordinator, *p))
    return fail(errors::not_found("指定された募集は見つかりません。"));
  bj::array items;
  for (const auto& m : engine_.seekers_for_posting(posting_id, 50)) {
    auto profile = KH_TRY(seekers_.find(m.id));
    if (!profile) continue;
    // Named as the posting's facility will know them, so coordinator and facility speak of the same handle.
    bj::object item{{"candidate", seekers::anonymous_json(*profile, seekers_.handle_for(m.id, p->facility_id))}};
    matching::add_score_json(item, m);
    items.push_back(std::move(item));
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

}  // namespace kh::applications
