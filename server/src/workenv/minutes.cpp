// The minutes (議事概要) of a centre meeting (workenv.h): the 受託者 drafts, sends them for confirmation, each
// participant confirms or comments, the 受託者 revises and locks, and locking mails them to the labour bureau's
// registered address (the series' `bureau_email`) through the mail outbox, logged with the outbox row so the
// meeting page shows the delivery state. Locked minutes cannot change (409).
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

}  // namespace

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
    m.minutes_status = "confirming";
    m.updated_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(mrepo::update_meeting(c, m));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "minutes_sent_for_confirmation",
                             "第" + std::to_string(m.minutes_version) + "版を参加者" + std::to_string(people.size()) + "名に確認依頼",
                             m.updated_at));
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
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(mrepo::insert_response(c, m.id, resp));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, decision,
                             "第" + std::to_string(m.minutes_version) + "版" + (comment.empty() ? "" : "：" + comment), resp.at));
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
    // The mail: the meeting, the agenda with outcomes, the action items, the minutes and who confirmed them.
    std::map<std::string, std::string> latest;
    for (const auto& resp : KH_TRY(mrepo::responses(c, m.id))) latest[resp.user_id] = resp.decision;
    std::string participants, confirmations;
    for (const auto& uid : KH_TRY(mrepo::participants(c, m.id))) {
      const auto label = KH_TRY(accounts_.person_label(uid));
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
    message.subject = "【議事概要】" + prefecture + " " + s.title + "（" + format_date_ja(m.held_on) + "開催）";
    message.body = prefecture + "医療勤務環境改善支援センターの" + s.title + "の議事概要（確定版）をお送りします。\n\n"
                   "■ 開催日：" + format_date_ja(m.held_on) + "\n■ 場所・方法：" + m.place + "\n■ 出席者：\n" + participants +
                   "\n■ 議題と結果：\n" + (agenda.empty() ? "  （なし）\n" : agenda) +
                   "\n■ 対応事項：\n" + (actions.empty() ? "  （なし）\n" : actions) +
                   "\n■ 議事概要（第" + std::to_string(m.minutes_version) + "版）：\n" + m.minutes_body +
                   "\n\n■ 参加者の確認状況：\n" + confirmations +
                   "\n本メールは、かけはしの医療勤務環境改善支援センターの画面から送信しています。\n";
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

}  // namespace kh::workenv
