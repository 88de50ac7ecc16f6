#pragma once
//! The hours engine of the work-environment centre (issue 15, 医師の時間外・休日労働): monthly hours per
//! pseudonymous doctor evaluated against the 80 / 100 / 155 h marks and the annual cap of the doctor's 水準, the
//! hospital's flags, and the centre's 優先訪問先リスト. Pure computation: no I/O, no database, no JSON, no names —
//! a doctor is the hospital's own code. README.md in this folder has the rules and the figures.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kh::workenv_hours {

//! Hours are kept in whole minutes so that a threshold is met exactly (80.0 h is 4,800 minutes, never 4,799.99).
using Minutes = std::int32_t;
inline constexpr Minutes hours(int h) { return h * 60; }

//! The doctor group's 水準 (medical-practice overtime level) and its annual cap.
//! a: A水準 960 h. renkei_b: 連携B 960 h at this hospital, 1,860 h with other workplaces. b, c1, c2: 1,860 h.
enum class Level : std::uint8_t { a, renkei_b, b, c1, c2 };
std::string_view level_code(Level level);                     //!< "A", "連携B", "B", "C-1", "C-2"
std::optional<Level> parse_level(std::string_view code);      //!< the codes above; also "連携Ｂ", "C1", "c-1" (NFKC-ish)
Minutes annual_cap_total(Level level);                        //!< own + other workplaces
std::optional<Minutes> annual_cap_own(Level level);           //!< only 連携B: 960 h at this hospital

//! A month as a number that orders and subtracts: year * 12 + (month - 1).
struct YearMonth {
  std::int32_t index = 0;
  static YearMonth of(int year, int month) { return {year * 12 + (month - 1)}; }
  int year() const { return index / 12; }
  int month() const { return index % 12 + 1; }
  //! The fiscal year (年度, April to March) the month belongs to: 2025-03 is FY2024, 2025-04 is FY2025.
  int fiscal_year() const { return month() >= 4 ? year() : year() - 1; }
  //! 1 for April … 12 for March.
  int fiscal_month() const { return (month() + 8) % 12 + 1; }
  std::string iso() const;  //!< "2025-04"
  auto operator<=>(const YearMonth&) const = default;
};
//! "YYYY-MM" (or "YYYY/MM", "YYYY-M") with a month 1–12 and a year 2000–2100; nullopt otherwise.
std::optional<YearMonth> parse_year_month(std::string_view text);

//! One doctor's month as the hospital reports it (one row of the upload).
struct MonthRow {
  std::string doctor_code;       //!< the hospital's pseudonymous code, never a name
  std::string department;
  Level level = Level::a;
  YearMonth month;
  Minutes overtime = 0;          //!< 時間外・休日労働 at this hospital
  Minutes other_workplaces = 0;  //!< 時間外・休日労働 at other workplaces (副業・兼業)
  Minutes longest_continuous = 0;      //!< 最長連続勤務時間
  std::int32_t interval_shortfalls = 0;  //!< days the 9-hour 勤務間インターバル was not secured
  Minutes compensatory_rest_owed = 0;    //!< 代償休息 not yet taken
  bool interview_done = false;           //!< 面接指導 done this month
};

//! The marks of the rules.
inline constexpr Minutes mark_80 = hours(80);
inline constexpr Minutes mark_100 = hours(100);    //!< 面接指導 required before reaching it
inline constexpr Minutes mark_155 = hours(155);    //!< 就業上の措置 required
inline constexpr Minutes continuous_limit = hours(28);
inline constexpr Minutes interval_hours = hours(9);

//! What is wrong with a doctor's month, as bits.
enum Flag : std::uint32_t {
  over_80 = 1u << 0,
  over_100 = 1u << 1,          //!< ≥ 100 h: 面接指導 required
  interview_gap = 1u << 2,     //!< ≥ 100 h without 面接指導
  over_155 = 1u << 3,          //!< ≥ 155 h: measures required
  continuous_breach = 1u << 4, //!< longest continuous work over 28 h
  interval_breach = 1u << 5,   //!< at least one 9-hour interval not secured
  rest_owed = 1u << 6,         //!< 代償休息 still owed
  projected_over_cap = 1u << 7,//!< the projected fiscal-year total exceeds the cap (own or total)
  ytd_over_cap = 1u << 8,      //!< the year to date already exceeds it
};

//! One doctor's month evaluated with the fiscal year up to it.
struct DoctorEvaluation {
  std::string doctor_code;
  std::string department;
  Level level = Level::a;
  YearMonth month;
  Minutes month_total = 0;      //!< overtime + other workplaces this month
  Minutes month_own = 0;
  Minutes ytd_total = 0;        //!< fiscal year to date, this month included
  Minutes ytd_own = 0;
  Minutes projected_total = 0;  //!< the year's total if the months still to come go like the reported ones
  Minutes projected_own = 0;
  Minutes cap_total = 0;
  std::optional<Minutes> cap_own;
  std::int32_t months_reported = 0;  //!< months of the fiscal year with a row, up to this one
  Minutes longest_continuous = 0;
  std::int32_t interval_shortfalls = 0;
  Minutes compensatory_rest_owed = 0;
  bool interview_done = false;
  std::uint32_t flags = 0;
  bool has(Flag f) const { return (flags & f) != 0; }
  //! Worst first: how the at-risk list is ordered (measures, interview gaps, projected over cap, hours).
  std::int64_t severity() const;
};

//! Evaluates `month` for every doctor with a row in it. `rows` are a hospital's rows of any months (other fiscal
//! years and later months are ignored; at most one row per doctor and month). Ordered worst first, then by code.
//! Projection: the year to date plus the average of the reported months times the fiscal months still to come.
std::vector<DoctorEvaluation> evaluate(std::span<const MonthRow> rows, YearMonth month);

//! A hospital's month in counts.
struct HospitalFlags {
  std::int32_t doctors = 0;
  std::int32_t over_80 = 0;
  std::int32_t over_100 = 0;
  std::int32_t over_155 = 0;
  std::int32_t interview_gaps = 0;
  std::int32_t projected_over_cap = 0;
  std::int32_t ytd_over_cap = 0;
  std::int32_t continuous_breaches = 0;
  std::int32_t interval_breaches = 0;
  std::int32_t rest_owed = 0;
  Minutes max_month_total = 0;
  //! Doctors with any flag: the hospital's at-risk count.
  std::int32_t at_risk = 0;
};
HospitalFlags summarize(std::span<const DoctorEvaluation> evaluations);

//! The rows the centre holds, per hospital and month. Uploading a month replaces that month of that hospital
//! wholesale (a doctor missing from the new upload is gone from the month) and hands back what it replaced, so
//! the caller can keep the history.
class HoursBook {
 public:
  //! Replaces `hospital`'s `month` with `rows` (each row's month is set to `month`); returns the previous rows.
  std::vector<MonthRow> replace_month(const std::string& hospital, YearMonth month, std::vector<MonthRow> rows);
  //! The rows of the hospital's fiscal year containing `month`, up to and including it.
  std::vector<MonthRow> fiscal_year_rows(const std::string& hospital, YearMonth month) const;
  std::vector<DoctorEvaluation> evaluate(const std::string& hospital, YearMonth month) const;
  std::vector<std::string> hospitals() const;
  std::optional<YearMonth> latest_month(const std::string& hospital) const;

 private:
  std::map<std::string, std::map<YearMonth, std::vector<MonthRow>>> months_;
};

// ---- 優先訪問先リスト ------------------------------------------------------------------------------------------

//! What the centre knows about a hospital, for ranking. Dates are days since 1970-01-01.
struct HospitalFacts {
  std::string hospital_id;
  std::string name;
  HospitalFlags hours;                       //!< of the hospital's latest month
  std::optional<std::int64_t> evaluation_due;  //!< re-evaluation (評価受審) due date
  std::optional<std::int64_t> plan_review_due; //!< 時短計画 yearly review due date
  std::optional<std::int64_t> last_visit;      //!< the last visit done
  std::int32_t open_cases = 0;
  std::int32_t manual_points = 0;              //!< staff's raise (> 0) or lower (< 0)
  std::string manual_note;
};

enum class ReasonCode : std::uint8_t {
  projected_over_cap, interview_gap, measures_required, evaluation_due, plan_review_due, no_recent_visit,
  open_cases, manual
};
std::string_view reason_code(ReasonCode code);

struct Reason {
  ReasonCode code;
  std::int32_t points;
  std::string text;  //!< Japanese, e.g. 「年間上限を超える見込みの医師が3人」
};

struct Priority {
  std::int32_t index;  //!< into the facts given
  std::int32_t score;
  std::vector<Reason> reasons;  //!< largest points first
};

//! Days ahead within which a due date counts: 評価受審 needs at least 4 months' lead (120 days), the plan's
//! yearly review 60 days; a visit older than 365 days (or none) is a reason.
inline constexpr std::int64_t evaluation_lead_days = 120;
inline constexpr std::int64_t plan_review_lead_days = 60;
inline constexpr std::int64_t visit_interval_days = 365;

//! The priority list: every hospital with a positive score, highest first (ties: more at-risk doctors, then the
//! id). A hospital with no reason (or one lowered to zero or below) is left out.
std::vector<Priority> rank(std::span<const HospitalFacts> hospitals, std::int64_t today);

}  // namespace kh::workenv_hours
