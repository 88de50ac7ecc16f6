// Calendar arithmetic (proleptic Gregorian, H. Hinnant's days-from-civil) and the codes and labels of the engine.
#include <array>
#include <string>

#include "career_rules/career_rules.h"

namespace kh::career_rules {

namespace {
struct Civil {
  int year, month, day;
};
Civil civil_from_days(Day z32) {
  long z = static_cast<long>(z32) + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}
}  // namespace

Day day_of(int year, int month, int day) {
  const long y = year - (month <= 2);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<Day>(era * 146097 + static_cast<long>(doe) - 719468);
}

Month month_containing(Day d) {
  const Civil c = civil_from_days(d);
  return month_of(c.year, c.month);
}
Day first_day(Month m) { return day_of(year_of(m), month_number(m), 1); }
Day last_day(Month m) { return first_day(m + 1) - 1; }
int days_in(Month m) { return first_day(m + 1) - first_day(m); }

std::string format_month_ja(Month m) {
  return std::to_string(year_of(m)) + "年" + std::to_string(month_number(m)) + "月";
}
std::string format_day_ja(Day d) {
  const Civil c = civil_from_days(d);
  return std::to_string(c.year) + "年" + std::to_string(c.month) + "月" + std::to_string(c.day) + "日";
}

// ---- codes and labels ----------------------------------------------------------------------------------------

namespace {
struct KindName {
  AssignmentKind kind;
  std::string_view code, label;
};
constexpr std::array<KindName, 6> kinds{{
    {AssignmentKind::clinical_training, "clinical_training", "臨床研修"},
    {AssignmentKind::specialist_training, "specialist_training", "専門研修"},
    {AssignmentKind::work, "work", "勤務"},
    {AssignmentKind::graduate_school, "graduate_school", "大学院"},
    {AssignmentKind::study_abroad, "study_abroad", "留学"},
    {AssignmentKind::interruption, "interruption", "中断"},
}};
struct ReasonName {
  std::string_view code, label;
};
constexpr std::array<ReasonName, 6> reasons{{
    {"childcare", "育児"},
    {"nursing_care", "介護"},
    {"maternity", "出産"},
    {"illness", "疾病"},
    {"study_abroad", "留学"},
    {"other", "その他"},
}};
struct RuleKindName {
  RuleKind kind;
  std::string_view code, label;
};
constexpr std::array<RuleKindName, 8> rule_kinds{{
    {RuleKind::total_period, "total_period", "対象期間"},
    {RuleKind::shortage_months, "shortage_months", "医師少数区域等での勤務"},
    {RuleKind::posting_min_months, "posting_min_months", "1医療機関での勤務期間"},
    {RuleKind::group_months, "group_months", "指定医療機関群での勤務"},
    {RuleKind::out_of_prefecture_cap, "out_of_prefecture_cap", "県外・海外での勤務の上限"},
    {RuleKind::research_cap, "research_cap", "大学院（研究のみ）の上限"},
    {RuleKind::specialist_by_year, "specialist_by_year", "専門医資格の取得期限"},
    {RuleKind::interruption_cap, "interruption_cap", "中断の上限"},
}};
}  // namespace

std::string_view kind_code(AssignmentKind k) { return kinds[static_cast<std::size_t>(k)].code; }
std::string_view kind_label_ja(AssignmentKind k) { return kinds[static_cast<std::size_t>(k)].label; }
std::optional<AssignmentKind> parse_kind(std::string_view code) {
  for (const auto& k : kinds)
    if (k.code == code) return k.kind;
  return std::nullopt;
}

bool is_interruption_reason(std::string_view code) {
  for (const auto& r : reasons)
    if (r.code == code) return true;
  return false;
}
std::string_view interruption_reason_label_ja(std::string_view code) {
  for (const auto& r : reasons)
    if (r.code == code) return r.label;
  return code;
}

std::string_view rule_kind_code(RuleKind k) { return rule_kinds[static_cast<std::size_t>(k)].code; }
std::string_view rule_kind_label_ja(RuleKind k) { return rule_kinds[static_cast<std::size_t>(k)].label; }
std::optional<RuleKind> parse_rule_kind(std::string_view code) {
  for (const auto& k : rule_kinds)
    if (k.code == code) return k.kind;
  return std::nullopt;
}

std::string_view severity_code(Severity s) { return s == Severity::violation ? "violation" : "warning"; }

std::string_view rule_state_code(RuleState s) {
  switch (s) {
    case RuleState::met: return "met";
    case RuleState::on_track: return "on_track";
    case RuleState::at_risk: return "at_risk";
    case RuleState::broken: return "broken";
  }
  return "broken";
}
std::string_view rule_state_label_ja(RuleState s) {
  switch (s) {
    case RuleState::met: return "達成";
    case RuleState::on_track: return "計画どおり";
    case RuleState::at_risk: return "要注意";
    case RuleState::broken: return "違反";
  }
  return "違反";
}

}  // namespace kh::career_rules
