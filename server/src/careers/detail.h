#pragma once
//! What the career centre's service files share (internal to the module): errors, the code lists, a programme's
//! groups, a plan's assignments as the API takes them, a doctor loaded with their programme version, and the
//! helpers that turn stored JSON into the rules engine's input. service.cpp defines the functions; statistics.cpp
//! and doctor_account.cpp use them.
#include <boost/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "career_rules/career_rules.h"
#include "careers/repo.h"
#include "core/error.h"

namespace kh::reference { class Catalogue; }
namespace kh::store { class Connection; }

namespace kh::careers::detail {
namespace bj = boost::json;
namespace cr = career_rules;

//! The group whose member facilities the centre designates as equivalent to a 医師少数区域.
inline constexpr std::string_view shortage_equivalent_group = "shortage_equivalent";

inline const Error programme_not_found = errors::not_found("指定されたプログラムは見つかりません。");
inline const Error doctor_not_found = errors::not_found("指定された医師は見つかりません。");

// ---- code lists ----------------------------------------------------------------------------------------------

struct Code {
  std::string_view code, label;
};
inline constexpr std::array<Code, 5> doctor_kinds{{
    {"regional_prefecture_loan", "地域枠（県の修学資金あり）"},
    {"regional_other_loan", "地域枠（他の修学資金あり）"},
    {"regional_no_loan", "地域枠（修学資金なし）"},
    {"jichi", "自治医科大学卒業"},
    {"voluntary", "任意参加"},
}};
inline constexpr std::array<Code, 7> statuses{{
    {"clinical_training", "臨床研修"},
    {"specialist_training", "専門研修"},
    {"obligation", "義務勤務"},
    {"post_obligation", "義務明け"},
    {"interrupted", "中断中"},
    {"withdrawn", "離脱"},
    {"completed", "満了"},
}};
//! Reasons of a 離脱 (withdrawal); interruptions use the engine's reasons (育児・介護・出産・疾病・留学・その他).
inline constexpr std::array<Code, 5> withdrawal_reasons{{
    {"repayment", "修学資金の返還"},
    {"career_change", "進路の変更"},
    {"family", "家庭の事情"},
    {"illness", "疾病"},
    {"other", "その他"},
}};
inline constexpr std::array<std::string_view, 19> basic_areas{
    "内科", "小児科", "皮膚科", "精神科", "外科", "整形外科", "産婦人科", "眼科", "耳鼻咽喉科", "泌尿器科",
    "脳神経外科", "放射線科", "麻酔科", "病理", "臨床検査", "救急科", "形成外科", "リハビリテーション科", "総合診療"};
//! draft 下書き (has violations), proposed 案, confirmation 本人確認, confirmed (the doctor confirmed it with their
//! own account), approved 承認.
inline constexpr std::array<Code, 5> plan_states{{
    {"draft", "下書き（違反あり）"},
    {"proposed", "案"},
    {"confirmation", "本人確認中"},
    {"confirmed", "本人確認済み"},
    {"approved", "承認済み"},
}};

template <std::size_t N>
std::optional<std::string_view> label_of(const std::array<Code, N>& list, std::string_view code) {
  for (const auto& c : list)
    if (c.code == code) return c.label;
  return std::nullopt;
}
template <std::size_t N>
std::string choices(const std::array<Code, N>& list) {
  std::string s;
  for (const auto& c : list) s += (s.empty() ? "" : "、") + std::string(c.label);
  return s;
}

struct Group {
  std::string code, name;
  std::vector<std::string> members;  //!< facility names
};

//! The plan's assignments as the API takes them; every problem names the item ("assignments[1].start").
struct AssignmentInput {
  std::string id, facility_name, kind;
  std::optional<std::string> facility_id, department, area_code, interruption_reason;
  std::string start, end;
  bool out_of_prefecture = false, actual = false;
};

struct Loaded {
  repo::Doctor doctor;
  std::optional<repo::ProgrammeVersion> version;
  std::vector<Group> groups;
  std::vector<cr::Rule> rules;
};

//! The ledger of a loaded doctor: the evaluation of their plan in force with every month.
struct LedgerOf {
  std::vector<cr::Assignment> assignments;
  cr::Evaluation evaluation;
};

// ---- shared helpers (service.cpp) ------------------------------------------------------------------------------

bool covers(const std::vector<std::string>& prefectures, const std::string& prefecture);
//! 「吉田 修（栃木県地域医療支援センター）」: how people read who did something.
std::string person(const accounts::CurrentUser& u);
//! Today's date in Japan, as days since 1970-01-01.
cr::Day today_jst();
std::string month_code(cr::Month m);
bj::object rule_json(const cr::Rule& r);
std::vector<cr::Rule> rules_from_stored(const std::string& text, const std::vector<Group>& groups);
std::vector<Group> groups_from_stored(const std::string& text);
bj::array groups_json(const std::vector<Group>& groups);
bj::array assignments_json(const std::vector<AssignmentInput>& list);
std::vector<AssignmentInput> assignments_from_stored(const std::string& text);
std::vector<cr::Assignment> engine_assignments(const std::vector<AssignmentInput>& list, const std::vector<Group>& groups,
                                               const reference::Catalogue& catalogue, const std::string& prefecture);
cr::Doctor engine_doctor(const repo::Doctor& d);
bj::object evaluation_json(const cr::Evaluation& ev, const std::vector<cr::Rule>& rules, const std::vector<cr::Assignment>& as,
                           bool with_months);
//! The doctor within the centre's scope with the programme version they are bound to; 404 outside the scope.
Result<Loaded> load_doctor(store::Connection& c, const std::vector<std::string>& prefectures, const std::string& id);
Result<bj::object> account_json(store::Connection& c, const std::string& doctor_id);
Result<bj::array> change_requests_json(store::Connection& c, const std::string& doctor_id);
Result<LedgerOf> evaluate_plan_in_force(store::Connection& c, const Loaded& l, const reference::Catalogue& catalogue);

}  // namespace kh::careers::detail
