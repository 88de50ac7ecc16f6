// Turns matches into notices: a new or edited posting finds its seekers, a new or edited profile finds its
// postings, and both sides hear of it once.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "core/log.h"
#include "core/text.h"
#include "core/time.h"
#include "mail/mail.h"
#include "matching/matching.h"
#include "notify/notify.h"
#include "postings/postings.h"
#include "reference/reference.h"
#include "seekers/seekers.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::notify {
namespace {

constexpr const char* cursor_name = "notifier";
// Every matching seeker is told (a cap would silently drop someone); the limit only guards against a runaway.
constexpr std::size_t max_notices_per_posting = 1'000'000;

int hour_jst() { return std::stoi(format_iso8601_jst(now_ms()).substr(11, 2)); }

}  // namespace

Notifier::Notifier(store::Pool& pool, const matching::Engine& engine, postings::Service& postings,
                   seekers::Service& seekers, accounts::Service& accounts, const reference::Catalogue& catalogue,
                   Settings settings)
    : pool_(pool), engine_(engine), postings_(postings), seekers_(seekers), accounts_(accounts), catalogue_(catalogue),
      settings_(std::move(settings)) {}

Result<void> Notifier::initialise() {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto existing = KH_TRY(c.execute("SELECT seq FROM projection_cursors WHERE name = $1", {std::string(cursor_name)}));
  if (!existing.rows.empty()) return {};
  auto latest = KH_TRY(c.execute("SELECT COALESCE(MAX(seq), 0) FROM change_log"));
  KH_TRY(c.execute("INSERT INTO projection_cursors (name, seq) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                   {std::string(cursor_name), latest.rows[0].integer(0)}));
  return {};
}

void Notifier::run_once(std::int64_t up_to_seq) {
  auto lease = pool_.acquire();
  if (!lease) return;
  auto& c = **lease;
  for (int batch = 0; batch < 20; ++batch) {
    auto cursor = c.execute("SELECT seq FROM projection_cursors WHERE name = $1", {std::string(cursor_name)});
    if (!cursor || cursor->rows.empty()) return;
    const auto from = cursor->rows[0].integer(0);
    auto changes = store::changes_since(c, from, 100);
    if (!changes || changes->empty()) break;
    std::int64_t at = from;
    for (const auto& change : *changes) {
      if (change.seq > up_to_seq) return;  // the engine has not seen it yet
      // Claiming the cursor step inside the same transaction makes each change handled exactly once, even
      // with several processes: the loser's UPDATE matches no row and it stops.
      auto step = store::in_transaction(c, [&]() -> Result<bool> {
        auto moved = KH_TRY(c.execute("UPDATE projection_cursors SET seq = $2 WHERE name = $1 AND seq = $3",
                                      {std::string(cursor_name), change.seq, at}));
        if (moved.affected != 1) return false;
        if (change.entity == "posting") KH_TRY_VOID(handle_posting(c, change.entity_id));
        else if (change.entity == "seeker_profile") KH_TRY_VOID(handle_seeker(c, change.entity_id));
        return true;
      });
      if (!step) {
        log::error("notifier", step.error().message);
        return;
      }
      if (!*step) break;  // another process moved the cursor; re-read it
      at = change.seq;
    }
  }
  const auto period = today_iso_jst();
  if (period != last_digest_period_ && hour_jst() >= settings_.digest_hour_jst) {
    if (auto sent = send_digest(period)) last_digest_period_ = period;
  }
}

Result<void> Notifier::notify_seeker_of_posting(store::Connection& c, const std::string& user_id,
                                                const postings::Posting& posting_ref, const std::vector<std::string>& reasons) {
  const auto* posting = &posting_ref;
  const std::string& posting_id = posting->id;
  if (posting->status != "published") return {};
  auto profile = KH_TRY(seekers_.find(user_id));
  auto user = KH_TRY(accounts_.find_user(user_id));
  if (!profile || !user || user->status != "active") return {};
  const auto doc = boost::json::parse(profile->json).as_object();
  const std::string pref = doc.contains("notify") ? std::string(doc.at("notify").as_string()) : "immediate";
  const auto* prefecture = reference::find_prefecture(posting->workplace.prefecture);
  const auto category = catalogue_.category(posting->category);
  // Only the posting's public facts: never the facility, whether or not the posting is masked.
  const std::string summary = "「" + posting->title + "」（" + (category ? category->name : posting->category) + "・" +
                              std::string(prefecture ? prefecture->name : "") + "、勤務開始 " + format_date_ja(posting->start_date) + "）";
  const bool urgent = posting->urgency == "immediate";
  const MailState mail = pref == "off" ? MailState::none
                         : (urgent || pref == "immediate") ? MailState::sent
                                                          : MailState::digest;
  // Urgency reads 急募 everywhere a person sees it (the web's badge, the form, the search); in a title it is the
  // bracketed prefix 【急募】, the same word, as Japanese job notices write it.
  Notification n{{}, user_id, "match", urgent ? "【急募】おすすめの求人があります" : "おすすめの求人があります",
                 summary + "\n理由: " + text::join(reasons, "・"), "/postings/" + posting_id, 0, {}};
  const bool fresh = KH_TRY(insert(c, n, "match:" + posting_id + ":" + user_id, mail));
  if (fresh && mail == MailState::sent)
    KH_TRY_VOID(mail::enqueue(c, {user->email, "【かけはし】" + n.title,
                                  user->display_name + " 様\n\n希望条件に合う求人が見つかりました。\n\n" + summary +
                                      "\n理由: " + text::join(reasons, "・") + "\n\n詳細: " + settings_.public_url + *n.link +
                                      "\n\n通知の受け取り方は「希望条件」の画面で変更できます。\n"}));
  return {};
}

Result<void> Notifier::handle_posting(store::Connection& c, const std::string& posting_id) {
  const auto matches = engine_.seekers_for_posting(posting_id, max_notices_per_posting);
  if (matches.empty()) return {};
  auto posting = KH_TRY(postings_.find(posting_id));
  if (!posting) return {};
  for (const auto& m : matches) KH_TRY_VOID(notify_seeker_of_posting(c, m.id, *posting, m.reasons()));
  for (const auto& member : KH_TRY(accounts_.members_of(posting->facility_id))) {
    Notification n{{}, member.id, "candidates", "募集に合う求職者が見つかりました",
                   "募集「" + posting->title + "」に条件の合う求職者が" + std::to_string(matches.size()) +
                       "人います。候補者の一覧で確認できます（氏名などはマッチング成立まで表示されません）。",
                   "/facility/postings/" + posting_id + "/matches", 0, {}};
    KH_TRY(insert(c, n, "candidates:" + posting_id + ":" + member.id, MailState::none));
  }
  return {};
}

Result<void> Notifier::handle_seeker(store::Connection& c, const std::string& user_id) {
  for (const auto& m : engine_.postings_for_seeker(user_id, 50)) {
    auto posting = KH_TRY(postings_.find(m.id));
    if (!posting) continue;
    KH_TRY_VOID(notify_seeker_of_posting(c, user_id, *posting, m.reasons()));
    for (const auto& member : KH_TRY(accounts_.members_of(posting->facility_id))) {
      Notification n{{}, member.id, "candidate", "新しい候補者が見つかりました",
                     "募集「" + posting->title + "」に条件の合う求職者が新たに見つかりました。",
                     "/facility/postings/" + m.id + "/matches", 0, {}};
      KH_TRY(insert(c, n, "candidate:" + m.id + ":" + user_id + ":" + member.id, MailState::none));
    }
  }
  return {};
}

Result<int> Notifier::send_digest(const std::string& period) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  int mails = 0;
  bool claimed_today = false;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    // One row per day across all processes: whoever inserts it sends the digest.
    auto claimed = KH_TRY(c.execute("INSERT INTO job_runs (job, period, ran_at) VALUES ('daily_digest', $1, $2) "
                                    "ON CONFLICT (job, period) DO NOTHING", {period, now_ms()}));
    if (claimed.affected != 1) return {};
    claimed_today = true;
    auto rows = KH_TRY(c.execute("SELECT user_id, title, body, link, created_at FROM notifications WHERE mail_state = 'digest' "
                                 "ORDER BY user_id, created_at"));
    std::map<std::string, std::string> bodies;
    std::int64_t newest = 0;
    for (const auto& r : rows.rows) newest = std::max(newest, r.integer(4));
    for (const auto& r : rows.rows)
      bodies[r.text(0)] += "■ " + r.text(1) + "\n" + r.text(2) + "\n" + settings_.public_url + r.text(3) + "\n\n";
    for (const auto& [user_id, text] : bodies) {
      auto user = KH_TRY(accounts_.find_user(user_id));
      if (!user || user->status != "active") continue;
      // Seekers get their recommended postings; staff who chose the digest, their day's notices.
      const bool seeker = user->role == accounts::Role::seeker;
      KH_TRY_VOID(mail::enqueue(c, {user->email, seeker ? "【かけはし】本日のおすすめ求人" : "【かけはし】本日のお知らせ",
                                    user->display_name + (seeker ? " 様\n\n前回のお知らせ以降の新しいおすすめ求人です。\n\n"
                                                                 : " 様\n\n前回のまとめ以降のお知らせです。\n\n") + text}));
      ++mails;
    }
    // Only what this digest listed: a notice that arrived meanwhile waits for the next one.
    KH_TRY(c.execute("UPDATE notifications SET mail_state = 'sent' WHERE mail_state = 'digest' AND created_at <= $1", {newest}));
    return {};
  }));
  if (claimed_today && also_daily_) also_daily_();
  return mails;
}

}  // namespace kh::notify
