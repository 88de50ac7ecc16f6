// Contact requests from facilities: sending, answering, and what each party may see of them.
#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "accounts/accounts.h"
#include "applications/applications.h"
#include "audit/audit.h"
#include "contact_requests/contact_requests.h"
#include "contact_requests/views.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/time.h"
#include "mail/mail.h"
#include "matching/matching.h"
#include "notify/notify.h"
#include "postings/postings.h"
#include "seekers/seekers.h"
#include "store/database.h"

namespace kh::contact_requests {
namespace bj = boost::json;
namespace {

const Error posting_not_found = errors::not_found("指定された募集は見つかりません。");
const Error request_not_found = errors::not_found("指定されたコンタクト依頼は見つかりません。");
constexpr std::size_t max_candidates = 500;  // the engine's best; a facility never pages beyond them
constexpr std::size_t max_per_request = 20;

bool member_of(const accounts::CurrentUser& u, const std::string& org) {
  return std::any_of(u.user.organisations.begin(), u.user.organisations.end(), [&](const auto& o) { return o.id == org; });
}

struct Access { bool facility = false, coordinator = false, secretariat = false; };

//! Who may look at a posting's candidates and requests: its facility's staff, coordinators covering it, the
//! secretariat; anyone else gets the answer of a posting that does not exist.
Result<std::pair<postings::Posting, Access>> posting_for(postings::Service& postings, const accounts::CurrentUser& viewer,
                                                         const std::string& posting_id) {
  auto p = KH_TRY(postings.find(posting_id));
  if (!p) return fail(posting_not_found);
  Access a;
  a.facility = viewer.user.role == accounts::Role::facility && member_of(viewer, p->facility_id);
  a.coordinator = accounts::covering_organisation(viewer.user, p->workplace.prefecture, p->category) != nullptr;
  a.secretariat = viewer.user.role == accounts::Role::secretariat;
  if (!(a.facility || a.coordinator || a.secretariat)) return fail(posting_not_found);
  return std::pair{std::move(*p), a};
}

//! The start of today in Japan (UTC+9), in UTC milliseconds: the daily limit counts from there.
std::int64_t start_of_day_jst(std::int64_t now) {
  constexpr std::int64_t day = 86'400'000, offset = 9 * 3'600'000;
  return (now + offset) / day * day - offset;
}

struct RequestRow {
  std::string id, posting_id, seeker_id, state;
  std::optional<std::string> application_id, stage;
  bool matched = false;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> answered_at;
};

constexpr const char* request_columns =
    "SELECT r.id, r.posting_id, r.seeker_id, r.state, r.application_id, a.stage, a.matched_at, r.created_at, r.answered_at "
    "FROM facility_contact_requests r LEFT JOIN applications a ON a.id = r.application_id ";

RequestRow read_row(const store::Row& row) {
  RequestRow r{row.text(0), row.text(1), row.text(2), row.text(3), row.optional_text(4), row.optional_text(5), !row.is_null(6),
               row.integer(7), std::nullopt};
  if (!row.is_null(8)) r.answered_at = row.integer(8);
  return r;
}

}  // namespace

Result<bj::object> Service::candidates(const accounts::CurrentUser& viewer, const std::string& posting_id, const CandidateQuery& q) {
  auto [posting, access] = KH_TRY(posting_for(postings_, viewer, posting_id));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  // The requests already sent for this posting, by seeker: a declined candidate is never offered again.
  std::map<std::string, RequestRow> requested;
  for (const auto& row : KH_TRY(c.execute(std::string(request_columns) + "WHERE r.posting_id = $1", {posting.id})).rows) {
    auto r = read_row(row);
    requested.emplace(r.seeker_id, std::move(r));
  }
  std::vector<matching::Scored> kept;
  for (auto& m : engine_.seekers_for_posting(posting.id, max_candidates)) {
    // Coordinators no longer need a declined candidate; the facility keeps seeing it as 依頼済み (below).
    if (auto it = requested.find(m.id); !access.facility && it != requested.end() &&
                                        facility_state(it->second.state, it->second.stage, it->second.matched) == "declined")
      continue;
    const auto& f = m.fit;
    if (m.score < q.min_score) continue;
    if (q.min_experience && f.experience_years < *q.min_experience) continue;
    if (q.max_distance_km && !f.in_area && (f.road_km < 0 || f.road_km > *q.max_distance_km)) continue;
    kept.push_back(std::move(m));
  }
  // The engine's order (score, then the finer score, then id) is the tie-break of every other order.
  const auto unknown_last = [](int v) { return v < 0 ? INT32_MAX : v; };
  if (q.sort == "experience")
    std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.fit.experience_years > b.fit.experience_years; });
  else if (q.sort == "distance")
    std::stable_sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
      return (a.fit.in_area ? 0 : unknown_last(a.fit.road_km)) < (b.fit.in_area ? 0 : unknown_last(b.fit.road_km));
    });
  else if (q.sort == "start")
    std::stable_sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
      return unknown_last(a.fit.start_gap_days) < unknown_last(b.fit.start_gap_days);
    });
  bj::array items;
  const std::size_t from = static_cast<std::size_t>((q.page - 1) * q.per_page);
  for (std::size_t i = from; i < kept.size() && items.size() < static_cast<std::size_t>(q.per_page); ++i) {
    const auto& m = kept[i];
    auto profile = KH_TRY(seekers_.find(m.id));
    if (!profile) continue;
    // Pseudonymous only: the handle this posting's facility knows the seeker by, and the conditions.
    const auto handle = seekers_.handle_for(m.id, posting.facility_id);
    bj::object item{{"handle", handle}, {"candidate", seekers::anonymous_json(*profile, handle)}};
    matching::add_score_json(item, m);
    const auto it = requested.find(m.id);
    if (it == requested.end()) item["request"] = nullptr;
    else item["request"] = access.facility ? facility_card_request(it->second.id, facility_state(it->second.state, it->second.stage, it->second.matched))
                                           : request_summary(it->second.id, facility_state(it->second.state, it->second.stage, it->second.matched));
    const bool open_to_requests = accepts_facility_requests(*profile);
    item["can_request"] = access.facility && it == requested.end() && open_to_requests && posting.status == "published";
    if (!open_to_requests) item["note"] = "この方は医療機関からのコンタクト依頼を受け付けていません。";
    items.push_back(std::move(item));
  }
  bj::object out{{"items", std::move(items)}, {"total", kept.size()}, {"page", q.page}, {"per_page", q.per_page}};
  if (access.facility) {
    auto sent = KH_TRY(c.execute("SELECT COUNT(*) FROM facility_contact_requests WHERE posting_id = $1 AND created_at >= $2",
                                 {posting.id, start_of_day_jst(now_ms())}));
    out["requests_left_today"] = std::max<std::int64_t>(0, static_cast<std::int64_t>(settings_.per_posting_per_day) - sent.rows[0].integer(0));
  }
  return out;
}

Result<bj::object> Service::send(const accounts::CurrentUser& facility, const std::string& posting_id, const bj::object& body) {
  auto [posting, access] = KH_TRY(posting_for(postings_, facility, posting_id));
  if (!access.facility) return fail(errors::forbidden("コンタクト依頼を送れるのは、募集を出した医療機関の職員です。"));
  if (posting.status != "published")
    return fail(errors::conflict("posting_not_published", "公開中の募集でのみコンタクト依頼を送れます。"));
  json::FieldReader f(body);
  auto handles = f.optional_string_list("candidates", "候補者", max_per_request * 2).value_or(std::vector<std::string>{});
  const auto message = f.optional_text("message", "メッセージ", 1000);
  if (!f.has_error("candidates")) {
    std::vector<std::string> unique;
    for (auto& h : handles)
      if (std::find(unique.begin(), unique.end(), h) == unique.end()) unique.push_back(h);
    handles = std::move(unique);
    if (handles.empty()) f.add_error("candidates", "コンタクト依頼を送る「候補者」を1人以上選んでください。");
    else if (handles.size() > max_per_request)
      f.add_error("candidates", "一度に選べる「候補者」は" + std::to_string(max_per_request) + "人までです。");
  }
  KH_TRY_VOID(f.finish());

  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  std::set<std::string> already;
  for (const auto& row : KH_TRY(c.execute("SELECT seeker_id FROM facility_contact_requests WHERE posting_id = $1", {posting.id})).rows)
    already.insert(row.text(0));
  // The handles this facility sees on this posting's candidate list, and who is behind each.
  std::map<std::string, std::string> seeker_of;
  for (const auto& m : engine_.seekers_for_posting(posting.id, max_candidates))
    seeker_of.emplace(seekers_.handle_for(m.id, posting.facility_id), m.id);
  std::vector<std::string> seekers;
  for (std::size_t i = 0; i < handles.size(); ++i) {
    const auto it = seeker_of.find(handles[i]);
    const std::string key = "candidates";
    if (it == seeker_of.end())
      f.add_error(key, "「" + handles[i] + "」はこの募集の候補者にいません。候補者の一覧から選び直してください。");
    else if (already.contains(it->second)) {
      // The same answer whether the candidate declined or has not answered yet: the facility must not learn who declined.
      f.add_error(key, "「" + handles[i] + "」にはすでにコンタクト依頼を送っています。");
    } else {
      auto profile = KH_TRY(seekers_.find(it->second));
      if (!profile || !accepts_facility_requests(*profile))
        f.add_error(key, "「" + handles[i] + "」は医療機関からのコンタクト依頼を受け付けていません。");
      else seekers.push_back(it->second);
    }
  }
  KH_TRY_VOID(f.finish());

  // Who brokers: the coordinating organisations covering the posting's prefecture and category; the secretariat
  // when none does.
  std::vector<accounts::Organisation> brokers;
  for (const auto& org : KH_TRY(accounts_.list_organisations()))
    if (accounts::covers(org, posting.workplace.prefecture, posting.category)) brokers.push_back(org);
  std::vector<accounts::User> staff;
  for (const auto& org : brokers)
    for (auto& u : KH_TRY(accounts_.members_of(org.id))) staff.push_back(std::move(u));
  if (brokers.empty())
    for (auto& u : KH_TRY(accounts_.list_users()))
      if (u.role == accounts::Role::secretariat && u.status == "active") staff.push_back(std::move(u));

  const auto now = now_ms();
  const auto summary = anonymous_summary(posting, postings_.catalogue());
  bj::array created;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    // The daily limit, counted inside the transaction with the inserts it limits.
    auto sent = KH_TRY(c.execute("SELECT COUNT(*) FROM facility_contact_requests WHERE posting_id = $1 AND created_at >= $2",
                                 {posting.id, start_of_day_jst(now)}));
    const auto left = static_cast<std::int64_t>(settings_.per_posting_per_day) - sent.rows[0].integer(0);
    if (static_cast<std::int64_t>(seekers.size()) > left)
      return fail(errors::conflict("limit_reached",
                                   "この募集で本日送れるコンタクト依頼はあと" + std::to_string(std::max<std::int64_t>(0, left)) + "件です（1日" +
                                       std::to_string(settings_.per_posting_per_day) + "件まで）。明日以降にお送りください。"));
    for (const auto& seeker_id : seekers) {
      const auto id = crypto::new_id("fcr");
      KH_TRY(c.execute("INSERT INTO facility_contact_requests (id, posting_id, seeker_id, facility_id, sent_by, message, state, "
                       "coordinator_org_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'sent', $7, $8)",
                       {id, posting.id, seeker_id, posting.facility_id, facility.user.id,
                        store::optional_text(message && !message->empty() ? message : std::nullopt),
                        store::optional_text(brokers.empty() ? std::nullopt : std::optional(brokers.front().id)), now}));
      KH_TRY_VOID(audit::record(c, accounts::actor_of(facility), "contact_request_sent", "posting", posting.id,
                                "request " + id + " to seeker " + seeker_id));
      KH_TRY_VOID(notify_seeker(c, seeker_id, id, summary));
      for (const auto& u : staff)
        KH_TRY(notify::insert_for_staff(c, u, {{}, u.id, "contact_request", "医療機関からコンタクト依頼（スカウト）がありました",
                                               "募集「" + posting.title + "」の医療機関が候補者にコンタクト依頼を送りました。求職者の回答を待っています。",
                                               "/coordination", 0, {}},
                                        "fcr:" + id + ":" + u.id, settings_.public_url));
      created.push_back(request_summary(id, "sent"));
      created.back().as_object()["handle"] = seekers_.handle_for(seeker_id, posting.facility_id);
    }
    return {};
  }));
  return bj::object{{"items", std::move(created)}};
}

Result<void> Service::notify_seeker(store::Connection& c, const std::string& seeker_id, const std::string& request_id,
                                    const std::string& summary) {
  auto user = KH_TRY(accounts_.find_user(seeker_id));
  auto profile = KH_TRY(seekers_.find(seeker_id));
  if (!user || user->status != "active") return {};
  // Per the seeker's choice for notices: at once, in the daily digest, or in the app only.
  std::string pref = "immediate";
  if (profile)
    if (const auto doc = bj::parse(profile->json); doc.as_object().contains("notify")) pref = std::string(doc.at("notify").as_string());
  const auto mail = pref == "off" ? notify::MailState::none : pref == "daily" ? notify::MailState::digest : notify::MailState::sent;
  const std::string title = "条件に合う医療機関からコンタクト依頼がありました";
  const bool fresh = KH_TRY(notify::insert(c, {{}, seeker_id, "contact_request", title, summary, "/contact-requests", 0, {}},
                                           "fcr:" + request_id + ":" + seeker_id, mail));
  if (fresh && mail == notify::MailState::sent)
    KH_TRY_VOID(mail::enqueue(c, {user->email, "【かけはし】" + title,
                                  user->display_name + " 様\n\n希望条件に合う医療機関から、コーディネーターを通じたコンタクト依頼が届きました。\n\n" +
                                      summary + "\n\nお受けになるか、お断りになるかを次の画面でお選びください（お断りしても医療機関にお名前は伝わりません）。\n" +
                                      settings_.public_url + "/contact-requests\n\n通知の受け取り方は「希望条件」の画面で変更できます。\n"}));
  return {};
}

Result<bj::object> Service::of_posting(const accounts::CurrentUser& viewer, const std::string& posting_id) {
  auto [posting, access] = KH_TRY(posting_for(postings_, viewer, posting_id));
  auto lease = KH_TRY(pool_.acquire());
  auto rows = KH_TRY((*lease).execute(std::string(request_columns) + "WHERE r.posting_id = $1 ORDER BY r.created_at DESC, r.id",
                                      {posting.id}));
  bj::array items, unanswered;
  std::int64_t declined = 0, awaiting = 0;
  for (const auto& row : rows.rows) {
    const auto r = read_row(row);
    const auto state = facility_state(r.state, r.stage, r.matched);
    auto item = request_summary(r.id, state);
    // Never who declined. For the facility, a request the seeker has not accepted — still waiting or declined —
    // carries no handle, id or time: with either one, a decline could be told apart from a request that waits
    // (by elimination). They come last, waiting before declined, in no order that follows the candidates.
    if (access.facility && (state == "sent" || state == "declined")) {
      ++(state == "sent" ? awaiting : declined);
      item.erase("id");
      unanswered.push_back(std::move(item));
      continue;
    }
    if (state == "declined") ++declined;
    item["sent_at"] = format_iso8601_jst(r.created_at);
    if (state == "declined") item.erase("id");
    else item["handle"] = seekers_.handle_for(r.seeker_id, posting.facility_id);
    if (r.application_id && state != "declined" && !access.facility) item["application_id"] = *r.application_id;
    if (r.application_id && state != "declined" && access.facility && r.matched) item["application_id"] = *r.application_id;
    items.push_back(std::move(item));
  }
  std::stable_partition(unanswered.begin(), unanswered.end(), [](const bj::value& v) { return v.at("state") == "sent"; });
  for (auto& item : unanswered) items.push_back(std::move(item));
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}, {"declined", declined}, {"awaiting", awaiting}};
}

Result<bj::object> Service::mine(const accounts::CurrentUser& seeker) {
  KH_TRY_VOID(accounts::require_role(seeker, {accounts::Role::seeker}));
  auto lease = KH_TRY(pool_.acquire());
  auto rows = KH_TRY((*lease).execute(std::string(request_columns) + "WHERE r.seeker_id = $1 ORDER BY r.created_at DESC, r.id",
                                      {seeker.user.id}));
  bj::array items;
  for (const auto& row : rows.rows) {
    const auto r = read_row(row);
    auto posting = KH_TRY(postings_.find(r.posting_id));
    if (!posting) continue;
    items.push_back(seeker_view(r.id, r.state, r.application_id, r.created_at, r.answered_at, *posting, seeker, postings_));
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

Result<bj::object> Service::answer(const accounts::CurrentUser& seeker, const std::string& id, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(seeker, {accounts::Role::seeker}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto rows = KH_TRY(c.execute(std::string(request_columns) + "WHERE r.id = $1 AND r.seeker_id = $2", {id, seeker.user.id}));
  if (rows.rows.empty()) return fail(request_not_found);  // someone else's request reads like none
  const auto r = read_row(rows.rows[0]);
  json::FieldReader f(body);
  const auto action = f.required_string("action", "回答", 20);
  if (!action.empty() && action != "accept" && action != "decline")
    f.add_error("action", "「回答」は accept（受ける）または decline（断る）です。");
  KH_TRY_VOID(f.finish());
  if (r.state != "sent")
    return fail(errors::conflict("already_answered", r.state == "accepted" ? "このコンタクト依頼にはすでに「受ける」と回答しています。"
                                                                          : "このコンタクト依頼にはすでに「断る」と回答しています。"));
  auto posting = KH_TRY(postings_.find(r.posting_id));
  if (!posting) return fail(request_not_found);
  const auto now = now_ms();
  std::optional<std::string> application_id;
  if (action == "accept") {
    if (posting->status != "published")
      return fail(errors::conflict("posting_closed", "この募集はすでに公開を終了しているため、お受けできません。"));
    // Claim the request first, so a second answer in parallel cannot create a second application.
    auto claimed = KH_TRY(c.execute("UPDATE facility_contact_requests SET state = 'accepted', answered_at = $2 WHERE id = $1 AND state = 'sent'",
                                    {id, now}));
    if (claimed.affected != 1) return fail(errors::conflict("already_answered", "このコンタクト依頼にはすでに回答しています。"));
    // The coordinator brokers it like the seeker's own contact request: the same application, the same rules.
    auto created = applications_.create(seeker, r.posting_id,
                                        bj::object{{"kind", "contact_request"},
                                                   {"message", "医療機関からのコンタクト依頼を受けました。調整をお願いします。"}});
    if (created) application_id = std::string(created->at("id").as_string());
    else if (created.error().code == "already_applied") {
      auto existing = KH_TRY(c.execute("SELECT id FROM applications WHERE posting_id = $1 AND seeker_id = $2", {r.posting_id, seeker.user.id}));
      if (!existing.rows.empty()) application_id = existing.rows[0].text(0);
    } else {
      (void)c.execute("UPDATE facility_contact_requests SET state = 'sent', answered_at = NULL WHERE id = $1", {id});
      return fail(created.error());
    }
    KH_TRY(c.execute("UPDATE facility_contact_requests SET application_id = $2 WHERE id = $1", {id, store::optional_text(application_id)}));
    KH_TRY_VOID(audit::record(c, accounts::actor_of(seeker), "contact_request_accepted", "posting", r.posting_id, "request " + id));
  } else {
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      auto done = KH_TRY(c.execute("UPDATE facility_contact_requests SET state = 'declined', answered_at = $2 WHERE id = $1 AND state = 'sent'",
                                   {id, now}));
      if (done.affected != 1) return fail(errors::conflict("already_answered", "このコンタクト依頼にはすでに回答しています。"));
      KH_TRY_VOID(audit::record(c, accounts::actor_of(seeker), "contact_request_declined", "posting", r.posting_id, "request " + id));
      // The facility learns that one request was declined, never by whom.
      for (const auto& u : KH_TRY(accounts_.members_of(posting->facility_id)))
        KH_TRY(notify::insert_for_staff(c, u, {{}, u.id, "contact_request", "コンタクト依頼の1件が辞退されました",
                                               "募集「" + posting->title + "」のコンタクト依頼のうち1件が辞退されました。",
                                               "/facility/postings/" + posting->id + "/matches", 0, {}},
                                        "fcr:" + id + ":declined:" + u.id, settings_.public_url));
      return {};
    }));
  }
  return seeker_view(id, action == "accept" ? "accepted" : "declined", application_id, r.created_at, now, *posting, seeker, postings_);
}

Result<bj::object> Service::notice_preview(const accounts::CurrentUser& facility, const std::string& posting_id) {
  auto [posting, access] = KH_TRY(posting_for(postings_, facility, posting_id));
  if (!access.facility) return fail(posting_not_found);
  std::vector<std::string> ids;
  engine_.visit_seekers_for_draft(posting, [&](const std::string& id, int) { ids.push_back(id); });
  // As the notifier will do it: mail at once for 即時 (immediate) seekers and for every urgent posting, the daily
  // digest for the others, nothing by mail for those who turned mails off; everyone gets the in-app notice.
  const bool urgent = posting.urgency == "immediate";
  std::int64_t mail_now = 0, digest = 0, app_only = 0;
  for (const auto& id : ids) {
    auto profile = KH_TRY(seekers_.find(id));
    std::string pref = "immediate";
    if (profile)
      if (const auto doc = bj::parse(profile->json); doc.as_object().contains("notify")) pref = std::string(doc.at("notify").as_string());
    if (pref == "off") ++app_only;
    else if (urgent || pref == "immediate") ++mail_now;
    else ++digest;
  }
  return bj::object{{"seekers", ids.size()}, {"mail_now", mail_now}, {"daily_digest", digest}, {"in_app_only", app_only},
                    {"urgent", urgent}, {"already_published", posting.status == "published"}};
}

Result<bj::object> Service::queue(const accounts::CurrentUser& coordinator) {
  KH_TRY_VOID(accounts::require_role(coordinator, {accounts::Role::coordinator, accounts::Role::secretariat}));
  auto lease = KH_TRY(pool_.acquire());
  auto rows = KH_TRY((*lease).execute(std::string(request_columns) + "WHERE r.state = 'sent' ORDER BY r.created_at", {}));
  bj::array items;
  for (const auto& row : rows.rows) {
    const auto r = read_row(row);
    auto p = KH_TRY(postings_.find(r.posting_id));
    if (!p) continue;
    const bool mine = coordinator.user.role == accounts::Role::secretariat ||
                      accounts::covering_organisation(coordinator.user, p->workplace.prefecture, p->category) != nullptr;
    if (!mine) continue;
    auto message = KH_TRY((*lease).execute("SELECT message FROM facility_contact_requests WHERE id = $1", {r.id}));
    items.push_back({{"id", r.id}, {"posting_id", p->id}, {"posting_title", p->title}, {"facility_name", p->facility_name},
                     {"handle", seekers_.handle_for(r.seeker_id, p->facility_id)},
                     {"message", message.rows[0].is_null(0) ? bj::value(nullptr) : bj::value(message.rows[0].text(0))},
                     {"sent_at", format_iso8601_jst(r.created_at)}});
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

}  // namespace kh::contact_requests
