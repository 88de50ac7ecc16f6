// The minutes (議事概要) of a centre meeting (workenv.h): the 受託者 drafts, sends them for confirmation, each
// participant confirms or comments, the 受託者 revises and locks, and locking mails them to the labour bureau's
// registered address (the series' `bureau_email`) through the mail outbox, logged with the outbox row so the
// meeting page shows the delivery state; a mail that did not go out can be sent again by hand (the one it replaces
// is withdrawn from the outbox). Locked minutes cannot change (409). Participants hear of a confirmation request,
// and the 受託者 of a comment and of every participant having confirmed, in the app and by mail (notify).
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "mail/mail.h"
#include "notify/notify.h"
#include "reference/prefectures.h"
#include "store/database.h"
#include "workenv/detail.h"
#include "workenv/meetings_detail.h"
#include "workenv/meetings_repo.h"
#include "workenv/workenv.h"

namespace kh::workenv {
namespace bj = boost::json;

namespace {

std::string outcome_label(const std::optional<std::string>& kind) {
  if (!kind) return "";
  if (*kind == "shared") return "【共有】";
  if (*kind == "decided") return "【決定】";
  if (*kind == "action") return "【対応事項】";
  return "";
}

std::string meeting_link(const std::string& id) { return "/workenv/meetings/" + id; }

//! 「実務者連絡調整会議（2026年11月10日開催）」
std::string meeting_name(const mrepo::Series& s, const mrepo::Meeting& m) {
  return s.title + "（" + format_date_ja(m.held_on) + "開催）";
}

//! The active users of the prefecture's 受託者 organisations, but not `except`: they hear how the confirmation goes.
Result<std::vector<accounts::User>> contractor_users(store::Connection& c, accounts::Service& accounts,
                                                     const std::string& prefecture, const std::string& except) {
  std::vector<accounts::User> out;
  for (const auto& o : KH_TRY(accounts.list_organisations())) {
    if (o.kind != accounts::OrgKind::workenv_center || o.prefecture != prefecture) continue;
    auto kind = KH_TRY(c.execute("SELECT 1 FROM workenv_members WHERE organisation_id = $1 AND kind = 'contractor'", {o.id}));
    if (kind.rows.empty()) continue;
    for (auto& u : KH_TRY(accounts.members_of(o.id))) {
      const bool known = std::any_of(out.begin(), out.end(), [&](const accounts::User& x) { return x.id == u.id; });
      if (u.status == "active" && u.id != except && !known) out.push_back(std::move(u));
    }
  }
  return out;
}

//! The mail of locked minutes to the labour bureau: the meeting, attendees, the agenda with outcomes, the action
//! items, the minutes and who confirmed them.
Result<mail::Message> minutes_mail(store::Connection& c, accounts::Service& accounts, const mrepo::Meeting& m,
                                   const mrepo::Series& s, bool resend) {
  std::map<std::string, std::string> latest;
  for (const auto& resp : KH_TRY(mrepo::responses(c, m.id))) latest[resp.user_id] = resp.decision;
  std::string participants, confirmations;
  for (const auto& uid : KH_TRY(mrepo::participants(c, m.id))) {
    const auto label = KH_TRY(accounts.person_label(uid));
    participants += "  " + label + "\n";
    const auto& d = latest[uid];
    confirmations += "  " + label + "：" + (d == "confirmed" ? "確認済み" : d == "commented" ? "コメントあり" : "未回答") + "\n";
  }
  for (const auto& invited : text::split(m.invited, '\n')) participants += "  " + invited + "\n";
  std::string agenda;
  int n = 0;
  for (const auto& i : KH_TRY(mrepo::items(c, m.id))) {
    agenda += "  " + std::to_string(++n) + ". " + i.title + "\n";
    if (!i.outcome.empty()) agenda += "     " + outcome_label(i.outcome_kind) + i.outcome + "\n";
  }
  std::string actions;
  for (const auto& a : KH_TRY(mrepo::actions_of(c, m.id)))
    actions += "  ・" + a.title + "（担当: " + a.owner + "、期限: " + format_date_ja(a.due_date) + "）\n";
  for (const auto& a : KH_TRY(mrepo::carried_actions(c, s.id, m.id, m.held_on)))
    actions += "  ・［前回から］" + a.title + "（担当: " + a.owner + "、期限: " + format_date_ja(a.due_date) + "、" +
               (a.status == "done" ? "完了" : "継続") + "）\n";
  const auto* pref = reference::find_prefecture(m.prefecture);
  const std::string prefecture = pref ? std::string(pref->name) : m.prefecture;
  mail::Message message;
  message.to = s.bureau_email;
  message.subject = "【議事概要】" + prefecture + " " + s.title + "（" + format_date_ja(m.held_on) + "開催）" + (resend ? "（再送）" : "");
  message.body = prefecture + "医療勤務環境改善支援センターの" + s.title + "の議事概要（確定版）をお送りします。\n" +
                 (resend ? "先にお送りしたメールが届かなかったため、あらためてお送りします。\n" : "") +
                 "\n■ 開催日：" + format_date_ja(m.held_on) + "\n■ 場所・方法：" + m.place + "\n■ 出席者：\n" + participants +
                 "\n■ 議題と結果：\n" + (agenda.empty() ? "  （なし）\n" : agenda) +
                 "\n■ 対応事項：\n" + (actions.empty() ? "  （なし）\n" : actions) +
                 "\n■ 議事概要（第" + std::to_string(m.minutes_version) + "版）：\n" + m.minutes_body +
                 "\n\n■ 参加者の確認状況：\n" + confirmations +
                 "\n本メールは、かけはしの医療勤務環境改善支援センターの画面から送信しています。\n";
  return message;
}

}  // namespace

Result<std::vector<accounts::User>> active_users(accounts::Service& accounts, const std::vector<std::string>& ids,
                                                 const std::string& except) {
  std::vector<accounts::User> out;
  for (const auto& uid : ids) {
    if (uid == except) continue;
    if (auto u = KH_TRY(accounts.find_user(uid)); u && u->status == "active") out.push_back(std::move(*u));
  }
  return out;
}

Result<void> notify_confirmation_request(store::Connection& c, accounts::Service& accounts, const mrepo::Series& s,
                                         const mrepo::Meeting& m, const std::vector<accounts::User>& people,
                                         const accounts::User& requester) {
  const auto version = std::to_string(m.minutes_version);
  for (const auto& u : people)
    KH_TRY(notify::insert_for_staff(
        c, u,
        {{}, u.id, "workenv_minutes", "議事概要の確認をお願いします",
         accounts::person_label(requester) + "から、" + meeting_name(s, m) + "の議事概要（第" + version +
             "版）の確認依頼が届きました。会議のページで内容を読み、「内容を確認しました」またはコメントで回答してください。"
             "議事概要は" + format_date_ja(minutes_due_on(m, s.minutes_due_days)) + "までに労働局へ送付する予定です。",
         meeting_link(m.id), 0, {}},
        // Once per person and version: a participant added while confirming is told once, never twice.
        "workenv_minutes_confirm:" + m.id + ":" + version + ":" + u.id, accounts.settings().public_url));
  return {};
}

Result<bj::object> Service::save_minutes(const accounts::CurrentUser& viewer, const std::string& id, const bj::object& body) {
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto m = KH_TRY(visible_meeting(c, viewer, id));
    KH_TRY_VOID(require_contractor(c, viewer, m.prefecture));
    if (m.minutes_status == "locked") return fail(minutes_locked);
    json::FieldReader r(body);
    const auto minutes_text = r.required_text("body", "議事概要", 20000);
    KH_TRY_VOID(r.finish());
    const bool revision = m.minutes_status == "confirming";
    if (m.minutes_status == "none") m.minutes_status = "draft";
    m.minutes_body = minutes_text;
    ++m.minutes_version;
    m.updated_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(mrepo::update_meeting(c, m));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, revision ? "minutes_revised" : "minutes_saved",
                             "第" + std::to_string(m.minutes_version) + "版", m.updated_at));
      return audit::record(c, accounts::actor_of(viewer), "workenv_minutes_saved", "workenv_meeting", m.id,
                           std::to_string(m.minutes_version));
    }));
  }
  return meeting(viewer, id);
}

Result<bj::object> Service::request_confirmation(const accounts::CurrentUser& viewer, const std::string& id) {
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto m = KH_TRY(visible_meeting(c, viewer, id));
    KH_TRY_VOID(require_contractor(c, viewer, m.prefecture));
    if (m.minutes_status == "locked") return fail(minutes_locked);
    if (m.minutes_status == "none")
      return fail(errors::conflict("minutes_missing", "先に議事概要の下書きを保存してください。"));
    if (m.minutes_status == "confirming")
      return fail(errors::conflict("minutes_confirming", "この議事概要はすでに確認依頼中です。"));
    const auto people = KH_TRY(mrepo::participants(c, m.id));
    if (people.empty())
      return fail(errors::validation({{"participant_ids", "確認を依頼する「参加者」が登録されていません。会議の参加者を登録してください。"}}));
    const auto s = KH_TRY(mrepo::find_series(c, m.series_id)).value();
    // Every participant but the one asking hears of it: in the app, and by mail per their own choice.
    const auto notified = KH_TRY(active_users(accounts_, people, viewer.user.id));
    m.minutes_status = "confirming";
    m.updated_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(mrepo::update_meeting(c, m));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "minutes_sent_for_confirmation",
                             "第" + std::to_string(m.minutes_version) + "版を参加者" + std::to_string(people.size()) + "名に確認依頼",
                             m.updated_at));
      KH_TRY_VOID(notify_confirmation_request(c, accounts_, s, m, notified, viewer.user));
      return audit::record(c, accounts::actor_of(viewer), "workenv_minutes_confirmation_requested", "workenv_meeting", m.id);
    }));
  }
  return meeting(viewer, id);
}

Result<bj::object> Service::respond_minutes(const accounts::CurrentUser& viewer, const std::string& id, const bj::object& body) {
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto m = KH_TRY(visible_meeting(c, viewer, id));
    const auto people = KH_TRY(mrepo::participants(c, m.id));
    if (std::find(people.begin(), people.end(), viewer.user.id) == people.end())
      return fail(errors::forbidden("議事概要を確認できるのは、この会議の参加者です。"));
    if (m.minutes_status == "locked") return fail(minutes_locked);
    if (m.minutes_status != "confirming")
      return fail(errors::conflict("minutes_not_confirming", "この議事概要はまだ確認依頼されていません。"));
    json::FieldReader r(body);
    const auto decision = str(body, "decision");
    if (decision != "confirmed" && decision != "commented")
      r.add_error("decision", "「確認結果」は confirmed（確認しました）, commented（コメントする）のいずれかです。");
    auto comment = r.optional_text("comment", "コメント", 2000).value_or("");
    if (decision == "commented" && comment.empty() && !r.has_error("comment"))
      r.add_error("comment", "コメントするときは「コメント」を入力してください。");
    KH_TRY_VOID(r.finish());
    mrepo::Response resp{viewer.user.id, decision, comment, m.minutes_version, now_ms()};
    // The 受託者 hear of a comment, and of the moment every participant has confirmed the current version.
    std::map<std::string, mrepo::Response> latest;
    for (const auto& earlier : KH_TRY(mrepo::responses(c, m.id))) latest[earlier.user_id] = earlier;
    latest[viewer.user.id] = resp;
    const bool all_confirmed = std::all_of(people.begin(), people.end(), [&](const std::string& uid) {
      auto it = latest.find(uid);
      return it != latest.end() && it->second.decision == "confirmed" && it->second.version == m.minutes_version;
    });
    const auto s = KH_TRY(mrepo::find_series(c, m.series_id)).value();
    std::vector<accounts::User> contractors;
    if (decision == "commented" || all_confirmed) contractors = KH_TRY(contractor_users(c, accounts_, m.prefecture, viewer.user.id));
    const auto version = std::to_string(m.minutes_version);
    const auto who = accounts::person_label(viewer.user);
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(mrepo::insert_response(c, m.id, resp));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, decision,
                             "第" + version + "版" + (comment.empty() ? "" : "：" + comment), resp.at));
      for (const auto& u : contractors) {
        if (decision == "commented")
          KH_TRY(notify::insert_for_staff(
              c, u,
              {{}, u.id, "workenv_minutes", "議事概要にコメントがありました",
               who + "が、" + meeting_name(s, m) + "の議事概要（第" + version +
                   "版）にコメントしました。会議のページでコメントを確認し、必要なら議事概要を修正してください。",
               meeting_link(m.id), 0, {}},
              "workenv_minutes_comment:" + m.id + ":" + viewer.user.id + ":" + std::to_string(resp.at) + ":" + u.id,
              accounts_.settings().public_url));
        if (all_confirmed)
          KH_TRY(notify::insert_for_staff(
              c, u,
              {{}, u.id, "workenv_minutes", "議事概要の確認がそろいました",
               meeting_name(s, m) + "の議事概要（第" + version + "版）を参加者" + std::to_string(people.size()) +
                   "名全員が確認しました。会議のページで確定すると、労働局に送付されます（送付期限：" +
                   format_date_ja(minutes_due_on(m, s.minutes_due_days)) + "）。",
               meeting_link(m.id), 0, {}},
              "workenv_minutes_confirmed:" + m.id + ":" + version + ":" + u.id, accounts_.settings().public_url));
      }
      return audit::record(c, accounts::actor_of(viewer), "workenv_minutes_" + decision, "workenv_meeting", m.id);
    }));
  }
  return meeting(viewer, id);
}

Result<bj::object> Service::lock_minutes(const accounts::CurrentUser& viewer, const std::string& id) {
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto m = KH_TRY(visible_meeting(c, viewer, id));
    KH_TRY_VOID(require_contractor(c, viewer, m.prefecture));
    if (m.minutes_status == "locked")
      return fail(errors::conflict("minutes_locked", "この議事概要はすでに確定・送付済みです。"));
    if (m.minutes_status != "confirming")
      return fail(errors::conflict("minutes_not_confirming", "参加者に確認を依頼してから確定してください。"));
    const auto s = KH_TRY(mrepo::find_series(c, m.series_id)).value();
    const auto message = KH_TRY(minutes_mail(c, accounts_, m, s, false));
    m.minutes_status = "locked";
    m.locked_at = m.updated_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(mrepo::update_meeting(c, m));
      mrepo::Send send;
      send.id = crypto::new_id("wmx");
      send.mail_id = KH_TRY(mail::enqueue_with_id(c, message));
      send.to = s.bureau_email;
      send.version = m.minutes_version;
      send.sent_by = viewer.user.id;
      send.at = *m.locked_at;
      KH_TRY_VOID(mrepo::insert_send(c, m.id, send));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "locked", "第" + std::to_string(m.minutes_version) + "版で確定", send.at));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "mailed", "労働局（" + s.bureau_email + "）へ送付", send.at));
      return audit::record(c, accounts::actor_of(viewer), "workenv_minutes_locked", "workenv_meeting", m.id, s.bureau_email);
    }));
  }
  return meeting(viewer, id);
}

Result<bj::object> Service::resend_minutes(const accounts::CurrentUser& viewer, const std::string& id) {
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto m = KH_TRY(visible_meeting(c, viewer, id));
    KH_TRY_VOID(require_contractor(c, viewer, m.prefecture));
    if (m.minutes_status != "locked")
      return fail(errors::conflict("minutes_not_locked",
                                   "議事概要はまだ確定していません。再送できるのは、確定して労働局に送付したメールが届いていないときです。"));
    const auto sends = KH_TRY(mrepo::sends(c, m.id));
    if (sends.empty())
      return fail(errors::conflict("minutes_not_sent", "この議事概要を労働局に送付した記録がありません。"));
    const auto& last = sends.front();
    if (last.delivered_at)
      return fail(errors::conflict("minutes_already_sent", "この議事概要は" + format_datetime_ja(*last.delivered_at) +
                                                               "に労働局へ送信済みのため、再送できません。"));
    const auto s = KH_TRY(mrepo::find_series(c, m.series_id)).value();
    const auto message = KH_TRY(minutes_mail(c, accounts_, m, s, true));
    const auto previous = send_status_label(send_status(last), last.attempts);
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      // The mail that did not go out is withdrawn, so the labour bureau never gets both.
      if (!last.withdrawn_at && !KH_TRY(mail::withdraw(c, last.mail_id)))
        return fail(errors::conflict("minutes_sending", "前回のメールを送信している最中です。少し待ってからページを読み込み直してください。"));
      mrepo::Send send;
      send.id = crypto::new_id("wmx");
      send.mail_id = KH_TRY(mail::enqueue_with_id(c, message));
      send.to = s.bureau_email;
      send.version = m.minutes_version;
      send.sent_by = viewer.user.id;
      send.at = now_ms();
      send.kind = "resend";
      KH_TRY_VOID(mrepo::insert_send(c, m.id, send));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "resent",
                             "労働局（" + s.bureau_email + "）へ再送（前回：" + previous + "、" + last.to + "）", send.at));
      return audit::record(c, accounts::actor_of(viewer), "workenv_minutes_resent", "workenv_meeting", m.id, s.bureau_email);
    }));
  }
  return meeting(viewer, id);
}

}  // namespace kh::workenv
