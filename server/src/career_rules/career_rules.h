#pragma once
//! The rules engine of the career centre (issue 13, キャリア形成プログラム): a programme's rules as data, the check
//! of a doctor's career plan against them, and the obligation ledger month by month. Pure computation: no I/O,
//! no database, no JSON. The caller resolves everything that needs data (whether a facility lies in a 医師少数区域
//! or is designated as equivalent, whether it is outside the prefecture, which hospital groups it belongs to).
//! README.md in this folder has the definitions: how a month is counted, the deadline, the states of a rule.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kh::career_rules {

// ---- calendar ----------------------------------------------------------------------------------------------

//! Days since 1970-01-01 (the unit of kh::parse_date).
using Day = std::int32_t;
//! A calendar month as one number: year × 12 + (month − 1). 2031年3月 is 2031 × 12 + 2.
using Month = std::int32_t;

constexpr Month month_of(int year, int month) { return year * 12 + (month - 1); }
inline int year_of(Month m) { return m / 12; }
inline int month_number(Month m) { return m % 12 + 1; }
Day day_of(int year, int month, int day);
Month month_containing(Day d);
Day first_day(Month m);
Day last_day(Month m);
int days_in(Month m);
//! 「2031年3月」
std::string format_month_ja(Month m);
//! 「2027年4月1日」 (plain, for the engine's messages; the web formats dates itself)
std::string format_day_ja(Day d);

// ---- plans ---------------------------------------------------------------------------------------------------

//! 臨床研修 / 専門研修 / 勤務 / 大学院 (research only) / 留学 (abroad, counted as out of prefecture) / 中断.
enum class AssignmentKind : std::uint8_t { clinical_training, specialist_training, work, graduate_school, study_abroad, interruption };
std::string_view kind_code(AssignmentKind k);
std::string_view kind_label_ja(AssignmentKind k);
std::optional<AssignmentKind> parse_kind(std::string_view code);

//! Reasons of an interruption (中断): childcare 育児, nursing_care 介護, maternity 出産, illness 疾病,
//! study_abroad 留学, other その他.
bool is_interruption_reason(std::string_view code);
//! The Japanese name of a reason code; the code itself when unknown.
std::string_view interruption_reason_label_ja(std::string_view code);

//! One stretch of a doctor's career: planned (the plan) or actual (a record of what happened, 実績).
struct Assignment {
  std::string id;                   //!< the caller's id, echoed in findings and month rows
  std::string facility_id;          //!< empty for an interruption, or study abroad without a host
  std::string facility_name;        //!< for the messages
  Day start = 0, end = 0;           //!< inclusive
  AssignmentKind kind = AssignmentKind::work;
  bool shortage_area = false;       //!< in a 医師少数区域, or a facility the centre designated as equivalent
  bool out_of_prefecture = false;   //!< outside the prefecture or abroad (留学 always counts as abroad)
  std::vector<std::string> groups;  //!< codes of the programme's hospital groups the facility belongs to
  std::string interruption_reason;  //!< kind interruption: a reason code
  bool actual = false;              //!< a record of what happened; it overrides planned days it overlaps
};

// ---- rules ---------------------------------------------------------------------------------------------------

enum class RuleKind : std::uint8_t {
  total_period,            //!< 対象期間: months ≥ max(months, ⌈loan_factor × loan months⌉); exactly one per programme
  shortage_months,         //!< months in 医師少数区域 or designated facilities ≥ months
  posting_min_months,      //!< each posting (勤務・専門研修) at one facility ≥ months
  group_months,            //!< one facility of hospital group `group` for ≥ months
  out_of_prefecture_cap,   //!< months outside the prefecture or abroad ≤ months in total
  research_cap,            //!< months of research-only 大学院 ≤ months
  specialist_by_year,      //!< specialist certification by March of graduation year + year; `months` of 専門研修 needed
  interruption_cap,        //!< interruptions for `reason` extend the deadline by at most months
};
std::string_view rule_kind_code(RuleKind k);
std::optional<RuleKind> parse_rule_kind(std::string_view code);
std::string_view rule_kind_label_ja(RuleKind k);

//! One rule of a programme version: a kind and its parameters (only those of its kind are read).
struct Rule {
  std::string id;          //!< unique within the programme version
  RuleKind kind = RuleKind::total_period;
  int months = 0;          //!< the minimum or the cap, in months (see RuleKind)
  double loan_factor = 0;  //!< total_period: also ≥ loan_factor × the loan period (0: not used)
  int year = 0;            //!< specialist_by_year: years after graduation
  std::string group;       //!< group_months: the hospital group's code
  std::string group_name;  //!< group_months: its name, for the messages
  std::string reason;      //!< interruption_cap: an interruption reason code
};

//! The largest number of months any rule may name (50 years): beyond that a parameter is a typing error.
inline constexpr int max_rule_months = 600;

//! What is wrong with one rule, as a Japanese sentence naming the parameter; nullopt when it is usable.
std::optional<std::string> validate_rule(const Rule& rule);
//! The first problem of a programme's rule set: a bad rule, an id given twice, no or two 対象期間 rules, two
//! caps for one interruption reason.
std::optional<std::string> validate_rules(std::span<const Rule> rules);
//! The rule in one Japanese line, e.g. 「医師少数区域等での勤務 48か月以上」.
std::string describe_rule(const Rule& rule);

// ---- the doctor ------------------------------------------------------------------------------------------------

struct Doctor {
  Month obligation_start = 0;                  //!< the first month of the obligation (usually April after graduation)
  int graduation_year = 0;                     //!< graduated in March of this year
  int loan_months = 0;                         //!< the loan period (修学資金の貸与期間), 0 without a loan
  std::optional<Day> specialist_certified_on;  //!< the day the specialist certification was obtained
};

// ---- results -------------------------------------------------------------------------------------------------

enum class Severity : std::uint8_t { violation, warning };
std::string_view severity_code(Severity s);

//! A problem of the plan, in Japanese. A plan with any violation can only be saved as a draft.
struct Finding {
  Severity severity = Severity::violation;
  std::string code;           //!< the rule kind's code, or invalid_dates, overlap, gap, reason_without_cap
  std::string rule_id;        //!< the rule concerned ("" for the plan's own problems)
  std::string assignment_id;  //!< the assignment concerned, if one is
  std::string message;
};

//! met: already fulfilled by what has been served. on_track: not yet, but the plan fulfils it by the deadline.
//! at_risk: the plan does not, but it still can be. broken: it can no longer be (time is up, or a cap is
//! already exceeded by what has been served).
enum class RuleState : std::uint8_t { met, on_track, at_risk, broken };
std::string_view rule_state_code(RuleState s);
std::string_view rule_state_label_ja(RuleState s);

struct RuleStatus {
  std::string rule_id;
  RuleKind kind = RuleKind::total_period;
  RuleState state = RuleState::on_track;
  int required = 0;    //!< the minimum or the cap, in months (0 where months do not apply)
  int served = 0;      //!< months before the current month
  int projected = 0;   //!< months served and planned up to the deadline
  Month deadline = 0;  //!< the month by which it must be fulfilled
  std::string message;
};

//! One calendar month of the ledger: the assignment it is counted for (see README: most days, ties to the later).
struct MonthRow {
  Month month = 0;
  std::int32_t assignment = -1;  //!< index into the assignments given, or -1: nothing (a gap)
  bool past = false;             //!< before the current month: served (or missed)
  bool counted = false;          //!< counts toward the 対象期間 (an assignment that is not an interruption)
  bool in_period = false;        //!< between the obligation start and the deadline
};

struct Evaluation {
  Month start = 0;            //!< the obligation's first month
  Month deadline = 0;         //!< its last month: start + required − 1, extended by interruptions within their caps
  Month current = 0;          //!< the month of `today`
  int required_months = 0;    //!< of the 対象期間 rule
  int extension_months = 0;   //!< interruption months that moved the deadline
  int served_months = 0;      //!< counted months in the period before the current month
  int served_shortage_months = 0;
  int served_out_of_prefecture_months = 0;
  int served_research_months = 0;
  int interruption_months = 0;        //!< interruption months in the period, past and planned
  int projected_months = 0;           //!< counted months in the period, served and planned
  int remaining_months = 0;           //!< required − served (0 when met)
  std::vector<MonthRow> months;       //!< from the earlier of the start and the first assignment to the later of the deadline and the last
  std::vector<RuleStatus> rules;      //!< one per rule, in the rules' order
  std::vector<Finding> findings;      //!< violations first, then warnings, each in time order
  bool has_violation() const;
};

//! Checks the assignments (actual and planned) of a doctor against a programme version's rules as of `today`.
//! Requires validate_rules(rules) to have passed; assignments whose end lies before their start are reported
//! (invalid_dates) and otherwise ignored. Time O(days covered + months × rules); no allocation per day beyond
//! one array for the whole period.
Evaluation evaluate(const Doctor& doctor, std::span<const Rule> rules, std::span<const Assignment> assignments,
                    Day today);

}  // namespace kh::career_rules
