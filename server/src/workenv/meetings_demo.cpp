// The demo's meetings (issue 15): 東京都's 運営協議会 and monthly 実務者連絡調整会議 with the four kinds of the
// network as participants. Three meetings with minutes in different states: one locked and mailed to the labour
// bureau (the mail is on the demo's sent-mail page), one awaiting confirmation with a confirmation and a comment
// (and late: more than 14 days after the meeting), one a draft; and an upcoming 運営協議会 with action items
// carried over. Written through the service, with the same rules as the pages.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "workenv/detail.h"
#include "workenv/meetings_detail.h"
#include "workenv/workenv.h"

namespace kh::workenv {
namespace bj = boost::json;

Result<void> load_demo_meetings(Service& service, accounts::Service& accounts) {
  auto contractor = KH_TRY(accounts.act_as("workenv-13"));
  auto pref = KH_TRY(accounts.act_as("workenv-13-pref"));
  auto bureau = KH_TRY(accounts.act_as("workenv-13-roukyoku"));
  auto adviser = KH_TRY(accounts.act_as("workenv-13-adviser"));
  if (!contractor || !pref || !bureau || !adviser) return {};
  const bj::array people{bj::string(contractor->user.id), bj::string(pref->user.id), bj::string(bureau->user.id),
                         bj::string(adviser->user.id)};
  const bj::array bodies{"東京都医師会", "東京都看護協会", "東京都病院協会", "東京都社会保険労務士会"};
  const auto today = today_days();
  const auto day = [&](std::int64_t offset) { return iso_of_days(today + offset); };
  const std::string bureau_email = "tokyo-roudoukyoku@kakehashi.example";
  auto council = KH_TRY(service.create_series(*pref, bj::object{{"kind", "council"}, {"title", "東京都医療勤務環境改善支援センター運営協議会"},
                                                                 {"bureau_email", bureau_email}, {"minutes_due_days", 30},
                                                                 {"invited", bodies}}));
  auto liaison = KH_TRY(service.create_series(*contractor, bj::object{{"kind", "liaison"}, {"title", "実務者連絡調整会議"},
                                                                       {"bureau_email", bureau_email}, {"minutes_due_days", 14},
                                                                       {"invited", bj::array{"東京都医師会"}}}));
  const std::string liaison_id(liaison.at("id").as_string());
  const auto meeting_id = [](const bj::object& m) { return std::string(m.at("id").as_string()); };

  // 1. Locked and mailed: the meeting 75 days ago.
  auto first = KH_TRY(service.create_meeting(*contractor, bj::object{
      {"series_id", liaison_id}, {"held_on", day(-75)}, {"place", "オンライン（Web会議）"}, {"participant_ids", people},
      {"items", bj::array{
          bj::object{{"title", "宿日直許可の申請状況"}, {"outcome_kind", "shared"}, {"outcome", "申請中の5病院の状況を労働局から共有。"}},
          bj::object{{"title", "優先訪問先の見直し"}, {"outcome_kind", "decided"}, {"outcome", "B水準の3病院を次月の訪問先とする。"}},
          bj::object{{"title", "評価受審の準備支援"}, {"outcome_kind", "action"}, {"outcome", "受審予定の病院に説明資料を送る。"}}}}}));
  const auto first_id = meeting_id(first);
  auto done_action = KH_TRY(service.add_action(*contractor, first_id, bj::object{{"title", "宿日直許可の申請状況を各病院に確認する"}, {"owner", "東京労働局 中島"}, {"due_date", day(-50)}}));
  KH_TRY(service.add_action(*contractor, first_id, bj::object{{"title", "B水準の病院一覧を更新する"}, {"owner", "東京都 佐藤"}, {"due_date", day(-20)}}));
  KH_TRY(service.save_minutes(*contractor, first_id, bj::object{{"body",
      "1. 宿日直許可：労働局より申請中の5病院の状況の共有があった。\n2. 優先訪問先：B水準の3病院を次月に訪問することとした。\n"
      "3. 評価受審：受審予定の病院に説明資料を送ることとした。"}}));
  KH_TRY(service.request_confirmation(*contractor, first_id));
  KH_TRY(service.respond_minutes(*bureau, first_id, bj::object{{"decision", "confirmed"}}));
  KH_TRY(service.respond_minutes(*pref, first_id, bj::object{{"decision", "confirmed"}}));
  KH_TRY(service.lock_minutes(*contractor, first_id));
  KH_TRY(service.update_action(*contractor, std::string(done_action.at("id").as_string()), bj::object{{"status", "done"}}));

  // 2. Awaiting confirmation, 40 days ago (late: due 14 days after): the labour bureau confirmed, the adviser commented.
  auto second = KH_TRY(service.create_meeting(*contractor, bj::object{
      {"series_id", liaison_id}, {"held_on", day(-40)}, {"place", "東京都庁 第一本庁舎 会議室"}, {"participant_ids", people},
      {"items", bj::array{
          bj::object{{"title", "面接指導の実施状況"}, {"outcome_kind", "shared"}, {"outcome", "面接指導の未実施が2病院であることを共有。"}},
          bj::object{{"title", "説明会の開催"}, {"outcome_kind", "decided"}, {"outcome", "タスクシフトの説明会を開催する。"}}}}}));
  const auto second_id = meeting_id(second);
  KH_TRY(service.add_action(*contractor, second_id, bj::object{{"title", "説明会の会場を確保する"}, {"owner", "センター 山田"}, {"due_date", day(10)}}));
  KH_TRY(service.save_minutes(*contractor, second_id, bj::object{{"body",
      "1. 面接指導：未実施の2病院に訪問時に確認する。\n2. 説明会：タスクシフトの説明会を開催することとした。"}}));
  KH_TRY(service.request_confirmation(*contractor, second_id));
  KH_TRY(service.respond_minutes(*bureau, second_id, bj::object{{"decision", "confirmed"}}));
  KH_TRY(service.respond_minutes(*adviser, second_id, bj::object{{"decision", "commented"},
      {"comment", "2. の説明会は社労士会も共催できます。その旨を追記してください。"}}));

  // 3. A draft, 5 days ago.
  auto third = KH_TRY(service.create_meeting(*contractor, bj::object{
      {"series_id", liaison_id}, {"held_on", day(-5)}, {"place", "オンライン（Web会議）"}, {"participant_ids", people},
      {"items", bj::array{
          bj::object{{"title", "36協定の特別条項の届出"}, {"outcome_kind", "shared"}, {"outcome", "届出の時期を各病院に周知する。"}},
          bj::object{{"title", "前回からの対応事項の確認"}}}}}));
  KH_TRY(service.save_minutes(*contractor, meeting_id(third), bj::object{{"body",
      "1. 36協定：特別条項の届出時期を各病院に周知することとした。\n2. 前回からの対応事項：（記入中）"}}));

  // The next 運営協議会, in a month: no minutes yet.
  KH_TRY(service.create_meeting(*pref, bj::object{
      {"series_id", std::string(council.at("id").as_string())}, {"held_on", day(30)}, {"place", "東京都庁 第一本庁舎 大会議室"},
      {"participant_ids", people}, {"invited", bodies},
      {"items", bj::array{bj::object{{"title", "今年度の活動報告"}}, bj::object{{"title", "医療機関支援の方針"}}}}}));
  return {};
}

}  // namespace kh::workenv
