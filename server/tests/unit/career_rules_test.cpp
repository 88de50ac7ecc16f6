// The career centre's rules engine (issue 13): the calendar, how months are counted (month boundaries, leap years,
// overlapping assignments, actual records over the plan), the deadline and its extension by interruptions, every
// rule kind in each of its states with its Japanese message, the plan's findings, and the rule set's refusals.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "career_rules/career_rules.h"

using namespace kh::career_rules;

namespace {

Day D(const char* iso) {
  int y = 0, m = 0, d = 0;
  std::sscanf(iso, "%d-%d-%d", &y, &m, &d);
  return day_of(y, m, d);
}

Assignment work(std::string id, std::string facility, const char* from, const char* to, bool shortage = false) {
  Assignment a;
  a.id = std::move(id);
  a.facility_id = facility;
  a.facility_name = facility + "病院";
  a.start = D(from);
  a.end = D(to);
  a.kind = AssignmentKind::work;
  a.shortage_area = shortage;
  return a;
}
Assignment of_kind(Assignment a, AssignmentKind k) {
  a.kind = k;
  return a;
}
Assignment actual(Assignment a) {
  a.actual = true;
  return a;
}
Assignment leave(std::string id, std::string reason, const char* from, const char* to) {
  Assignment a;
  a.id = std::move(id);
  a.start = D(from);
  a.end = D(to);
  a.kind = AssignmentKind::interruption;
  a.interruption_reason = std::move(reason);
  return a;
}

Rule total(int months = 108, double factor = 0) {
  Rule r;
  r.id = "total";
  r.kind = RuleKind::total_period;
  r.months = months;
  r.loan_factor = factor;
  return r;
}
Rule rule(std::string id, RuleKind kind, int months) {
  Rule r;
  r.id = std::move(id);
  r.kind = kind;
  r.months = months;
  return r;
}

//! Obligation from April 2022 for 108 months: deadline March 2031.
Doctor doctor() {
  Doctor d;
  d.obligation_start = month_of(2022, 4);
  d.graduation_year = 2022;
  return d;
}

const RuleStatus& status(const Evaluation& ev, std::string_view id) {
  for (const auto& s : ev.rules)
    if (s.rule_id == id) return s;
  throw std::runtime_error("no status for " + std::string(id));
}
std::vector<std::string> codes(const Evaluation& ev, Severity s) {
  std::vector<std::string> out;
  for (const auto& f : ev.findings)
    if (f.severity == s) out.push_back(f.code);
  return out;
}
long count_of(const Evaluation& ev, Severity s, std::string_view code) {
  return std::count_if(ev.findings.begin(), ev.findings.end(),
                       [&](const Finding& f) { return f.severity == s && f.code == code; });
}
int counted_for(const Evaluation& ev, std::int32_t assignment) {
  return static_cast<int>(std::count_if(ev.months.begin(), ev.months.end(),
                                        [&](const MonthRow& r) { return r.assignment == assignment; }));
}

}  // namespace

// ---- calendar ------------------------------------------------------------------------------------------------

TEST(CareerCalendar, DaysAndMonthsRoundTrip) {
  EXPECT_EQ(day_of(1970, 1, 1), 0);
  EXPECT_EQ(day_of(2000, 3, 1) - day_of(2000, 2, 28), 2);  // 2000 is a leap year (divisible by 400)
  EXPECT_EQ(day_of(2100, 3, 1) - day_of(2100, 2, 28), 1);  // 2100 is not
  EXPECT_EQ(days_in(month_of(2028, 2)), 29);
  EXPECT_EQ(days_in(month_of(2027, 2)), 28);
  EXPECT_EQ(days_in(month_of(2027, 12)), 31);
  EXPECT_EQ(month_containing(D("2028-02-29")), month_of(2028, 2));
  EXPECT_EQ(month_containing(D("2028-03-01")), month_of(2028, 3));
  EXPECT_EQ(first_day(month_of(2031, 3)), D("2031-03-01"));
  EXPECT_EQ(last_day(month_of(2031, 3)), D("2031-03-31"));
  EXPECT_EQ(last_day(month_of(2027, 12)), D("2027-12-31"));
  EXPECT_EQ(format_month_ja(month_of(2031, 3)), "2031年3月");
  EXPECT_EQ(format_day_ja(D("2028-02-29")), "2028年2月29日");
  for (Day d = D("2020-01-01"); d < D("2032-01-01"); ++d) {
    const Month m = month_containing(d);
    ASSERT_LE(first_day(m), d);
    ASSERT_GE(last_day(m), d);
  }
}

// ---- counting months -------------------------------------------------------------------------------------------

TEST(CareerMonths, AWholeYearFromTheFirstIsTwelveMonths) {
  std::vector<Assignment> plan{work("a", "A", "2027-04-01", "2028-03-31")};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2022-04-01"));
  EXPECT_EQ(counted_for(ev, 0), 12);
}

TEST(CareerMonths, AYearStartingMidMonthIsTwelveMonthsEitherSideOfTheHalf) {
  // 16 April – 15 April: each April is shared 15/15 with a gap; the tie goes to whatever begins later in the month.
  for (const auto& [from, to] : std::vector<std::pair<const char*, const char*>>{
           {"2027-04-16", "2028-04-15"}, {"2027-04-15", "2028-04-14"}, {"2027-04-17", "2028-04-16"},
           {"2027-04-10", "2028-04-09"}, {"2027-04-25", "2028-04-24"}}) {
    std::vector<Assignment> plan{work("a", "A", from, to)};
    const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2022-04-01"));
    EXPECT_EQ(counted_for(ev, 0), 12) << from << " – " << to;
  }
}

TEST(CareerMonths, LeapFebruary) {
  auto months = [](const char* from, const char* to) {
    std::vector<Assignment> plan{work("a", "A", from, to)};
    return counted_for(evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2022-04-01")), 0);
  };
  EXPECT_EQ(months("2028-02-01", "2028-02-29"), 1);
  EXPECT_EQ(months("2028-02-01", "2028-02-28"), 1);  // 28 of 29 days
  EXPECT_EQ(months("2027-02-15", "2027-02-28"), 1);  // 14 of 28: a tie, and it begins later than the gap
  EXPECT_EQ(months("2028-02-16", "2028-02-29"), 0);  // 14 of 29: less than half
  EXPECT_EQ(months("2028-02-15", "2028-02-29"), 1);  // 15 of 29
  EXPECT_EQ(months("2028-02-29", "2029-02-28"), 12);
}

TEST(CareerMonths, ConsecutiveAssignmentsSplitAMonthAtTheirBoundary) {
  // A until 15 October, B from 16 October: October is a 15/16 split and goes to B.
  std::vector<Assignment> plan{work("a", "A", "2027-04-01", "2027-10-15"), work("b", "B", "2027-10-16", "2028-03-31")};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2022-04-01"));
  EXPECT_EQ(counted_for(ev, 0), 6);
  EXPECT_EQ(counted_for(ev, 1), 6);
  EXPECT_EQ(count_of(ev, Severity::violation, "overlap"), 0);
}

TEST(CareerMonths, OverlappingPlannedAssignmentsAreAViolationAndTheLaterStartHoldsTheOverlap) {
  std::vector<Assignment> plan{work("a", "A", "2027-04-01", "2029-03-31"), work("b", "B", "2028-04-01", "2029-03-31")};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2022-04-01"));
  EXPECT_EQ(counted_for(ev, 0), 12);
  EXPECT_EQ(counted_for(ev, 1), 12);
  ASSERT_FALSE(ev.findings.empty());
  EXPECT_EQ(ev.findings[0].code, "overlap");
  EXPECT_EQ(ev.findings[0].severity, Severity::violation);
  EXPECT_EQ(ev.findings[0].assignment_id, "b");
  EXPECT_NE(ev.findings[0].message.find("計画の期間が重なっています：A病院（2027年4月1日〜2029年3月31日）とB病院"), std::string::npos)
      << ev.findings[0].message;
  EXPECT_TRUE(ev.has_violation());
}

TEST(CareerMonths, AnOverlapContainedInALongAssignmentIsFound) {
  // b lies inside a; c starts after b ended but still inside a: both overlap a (the one reaching furthest).
  std::vector<Assignment> plan{work("a", "A", "2027-04-01", "2030-03-31"), work("b", "B", "2027-10-01", "2027-12-31"),
                               work("c", "C", "2028-04-01", "2028-06-30")};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2022-04-01"));
  EXPECT_EQ(count_of(ev, Severity::violation, "overlap"), 2);
  EXPECT_EQ(counted_for(ev, 0), 36 - 3 - 3);
}

TEST(CareerMonths, ActualRecordsOverrideThePlanWithoutAFinding) {
  std::vector<Assignment> plan{work("plan", "A", "2027-04-01", "2028-03-31"),
                               actual(work("done", "C", "2027-04-01", "2027-09-30"))};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2027-10-01"));
  EXPECT_EQ(counted_for(ev, 0), 6);
  EXPECT_EQ(counted_for(ev, 1), 6);
  EXPECT_EQ(count_of(ev, Severity::violation, "overlap"), 0);
}

TEST(CareerMonths, OverlappingActualRecordsAreAWarning) {
  std::vector<Assignment> plan{actual(work("x", "A", "2027-04-01", "2027-09-30")),
                               actual(work("y", "B", "2027-09-01", "2028-03-31"))};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2028-04-01"));
  const auto w = codes(ev, Severity::warning);
  EXPECT_NE(std::find(w.begin(), w.end(), "overlap"), w.end());
  EXPECT_EQ(count_of(ev, Severity::violation, "overlap"), 0);
}

TEST(CareerMonths, EndBeforeStartIsReportedAndIgnored) {
  std::vector<Assignment> plan{work("bad", "A", "2027-04-01", "2027-03-31")};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2022-04-01"));
  ASSERT_FALSE(ev.findings.empty());
  EXPECT_EQ(ev.findings[0].code, "invalid_dates");
  EXPECT_EQ(ev.findings[0].message, "A病院の終了日（2027年3月31日）が開始日（2027年4月1日）より前です。");
  EXPECT_EQ(counted_for(ev, 0), 0);
}

// ---- total period and the deadline ---------------------------------------------------------------------------

TEST(CareerTotal, RequiredIsTheLargerOfTheMonthsAndTheLoanMultiple) {
  Doctor d = doctor();
  d.loan_months = 72;  // 6 years × 1.5 = 108
  auto ev = evaluate(d, std::vector<Rule>{total(108, 1.5)}, {}, D("2022-04-01"));
  EXPECT_EQ(ev.required_months, 108);
  EXPECT_EQ(ev.deadline, month_of(2031, 3));
  d.loan_months = 96;  // 8 years × 1.5 = 144
  ev = evaluate(d, std::vector<Rule>{total(108, 1.5)}, {}, D("2022-04-01"));
  EXPECT_EQ(ev.required_months, 144);
  EXPECT_EQ(ev.deadline, month_of(2034, 3));
  d.loan_months = 25;  // 37.5 → 38: a part of a month is a whole month
  ev = evaluate(d, std::vector<Rule>{total(0, 1.5)}, {}, D("2022-04-01"));
  EXPECT_EQ(ev.required_months, 38);
}

TEST(CareerTotal, AFullPlanIsOnTrackAndAGapPutsItAtRisk) {
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2031-03-31")};
  auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2025-04-10"));
  EXPECT_EQ(status(ev, "total").state, RuleState::on_track);
  EXPECT_EQ(ev.served_months, 36);
  EXPECT_EQ(ev.remaining_months, 72);
  EXPECT_FALSE(ev.has_violation());

  plan = {work("a", "A", "2022-04-01", "2027-03-31"), work("b", "B", "2027-10-01", "2031-03-31")};
  ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2025-04-10"));
  const auto& s = status(ev, "total");
  EXPECT_EQ(s.state, RuleState::at_risk);
  EXPECT_EQ(s.projected, 102);
  EXPECT_EQ(s.message,
            "対象期間の勤務が108か月に対して36か月です（残り72か月、期限2031年3月）。計画では期限までに102か月で、6か月足りません。");
  const auto w = codes(ev, Severity::warning);
  ASSERT_NE(std::find(w.begin(), w.end(), "gap"), w.end());
  bool gap_message = false;
  for (const auto& f : ev.findings) gap_message |= f.message == "2027年4月から2027年9月まで予定がありません（6か月）。";
  EXPECT_TRUE(gap_message);
  EXPECT_TRUE(ev.has_violation());
}

TEST(CareerTotal, MetAndBroken) {
  std::vector<Assignment> plan{actual(work("a", "A", "2022-04-01", "2031-03-31"))};
  auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2031-04-01"));
  EXPECT_EQ(status(ev, "total").state, RuleState::met);
  EXPECT_EQ(status(ev, "total").message, "対象期間の勤務108か月を満たしています（108か月）。");
  // Six months without work in the past: the period cannot be completed by the deadline any more.
  plan = {actual(work("a", "A", "2022-04-01", "2026-03-31")), work("b", "B", "2026-10-01", "2031-03-31")};
  ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2026-10-01"));
  EXPECT_EQ(status(ev, "total").state, RuleState::broken);
  // Broken rules are warnings: the plan can no longer mend them, and the centre must still be able to save it.
  EXPECT_EQ(codes(ev, Severity::violation), std::vector<std::string>{});
  bool past_gap = false;
  for (const auto& f : ev.findings) past_gap |= f.message == "2026年4月から2026年9月まで勤務の記録がありません（6か月）。";
  EXPECT_TRUE(past_gap);
}

// ---- interruptions --------------------------------------------------------------------------------------------

TEST(CareerInterruption, InterruptionsWithinTheCapMoveTheDeadline) {
  std::vector<Rule> rules{total(), rule("childcare", RuleKind::interruption_cap, 36)};
  rules[1].reason = "childcare";
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2026-03-31"), leave("l", "childcare", "2026-04-01", "2027-03-31"),
                               work("b", "A", "2027-04-01", "2032-03-31")};
  const auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(ev.extension_months, 12);
  EXPECT_EQ(ev.deadline, month_of(2032, 3));
  EXPECT_EQ(ev.interruption_months, 12);
  EXPECT_EQ(status(ev, "total").state, RuleState::on_track);
  EXPECT_EQ(status(ev, "childcare").state, RuleState::on_track);
  EXPECT_EQ(status(ev, "childcare").message, "中断（育児）は12か月です（期限の延長は36か月まで）。");
  EXPECT_FALSE(ev.has_violation());
}

TEST(CareerInterruption, BeyondTheCapIsAViolationAndDoesNotMoveTheDeadlineFurther) {
  std::vector<Rule> rules{total(), rule("childcare", RuleKind::interruption_cap, 12)};
  rules[1].reason = "childcare";
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2026-03-31"), leave("l", "childcare", "2026-04-01", "2027-09-30"),
                               work("b", "A", "2027-10-01", "2032-03-31")};
  const auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(ev.extension_months, 12);
  EXPECT_EQ(ev.deadline, month_of(2032, 3));
  EXPECT_EQ(status(ev, "childcare").state, RuleState::at_risk);
  EXPECT_EQ(status(ev, "childcare").message,
            "計画では中断（育児）が18か月で、期限を延ばせる12か月を6か月超えます。超えた分は期限を延ばしません。");
  // The six months beyond the cap are missing from the period.
  EXPECT_EQ(status(ev, "total").state, RuleState::at_risk);
  EXPECT_EQ(status(ev, "total").projected, 102);
}

TEST(CareerInterruption, AReasonWithoutACapIsAWarningAndMovesNothing) {
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2026-03-31"), leave("l", "other", "2026-04-01", "2026-09-30"),
                               work("b", "A", "2026-10-01", "2031-03-31")};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2022-04-01"));
  EXPECT_EQ(ev.deadline, month_of(2031, 3));
  const auto w = codes(ev, Severity::warning);
  EXPECT_NE(std::find(w.begin(), w.end(), "reason_without_cap"), w.end());
  EXPECT_EQ(status(ev, "total").state, RuleState::at_risk);
}

TEST(CareerInterruption, TwoReasonsEachUseTheirOwnCap) {
  std::vector<Rule> rules{total(), rule("c", RuleKind::interruption_cap, 6), rule("n", RuleKind::interruption_cap, 12)};
  rules[1].reason = "childcare";
  rules[2].reason = "nursing_care";
  std::vector<Assignment> plan{leave("l1", "childcare", "2023-04-01", "2024-03-31"),
                               leave("l2", "nursing_care", "2025-04-01", "2026-03-31")};
  const auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(ev.extension_months, 18);
  EXPECT_EQ(status(ev, "c").state, RuleState::at_risk);
  EXPECT_EQ(status(ev, "n").state, RuleState::on_track);
}

TEST(CareerInterruption, RecordingAnInterruptionMovesTheDeadline) {
  // What the centre sees: an approved plan to March 2031, then a year of 留学 leave recorded.
  std::vector<Rule> rules{total(), rule("s", RuleKind::interruption_cap, 24)};
  rules[1].reason = "study_abroad";
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2031-03-31")};
  auto before = evaluate(doctor(), rules, plan, D("2026-01-15"));
  plan.push_back(actual(leave("l", "study_abroad", "2025-04-01", "2026-03-31")));
  auto after = evaluate(doctor(), rules, plan, D("2026-01-15"));
  EXPECT_EQ(before.deadline, month_of(2031, 3));
  EXPECT_EQ(after.deadline, month_of(2032, 3));
  // The plan still ends in March 2031: twelve months are now missing.
  EXPECT_EQ(status(after, "total").state, RuleState::at_risk);
}

// ---- 医師少数区域 ------------------------------------------------------------------------------------------------

TEST(CareerShortage, TheIssuesSentence) {
  std::vector<Rule> rules{total(), rule("shortage", RuleKind::shortage_months, 48)};
  std::vector<Assignment> plan{actual(work("a", "A", "2022-04-01", "2024-03-31")),
                               actual(work("s", "S", "2024-04-01", "2027-03-31", true)),
                               work("b", "B", "2027-04-01", "2031-03-31")};
  auto ev = evaluate(doctor(), rules, plan, D("2028-04-01"));
  const auto& s = status(ev, "shortage");
  EXPECT_EQ(s.state, RuleState::at_risk);
  EXPECT_EQ(s.served, 36);
  EXPECT_EQ(ev.served_shortage_months, 36);
  EXPECT_EQ(s.message.rfind("医師少数区域での勤務が48か月に対して36か月です（残り12か月、期限2031年3月）。", 0), 0u) << s.message;
  EXPECT_TRUE(ev.has_violation());

  // Twelve more months in a shortage area planned: on track.
  plan.back() = work("b", "B", "2027-04-01", "2029-03-31");
  plan.push_back(work("t", "T", "2029-04-01", "2030-03-31", true));
  plan.push_back(work("c", "B", "2030-04-01", "2031-03-31"));
  ev = evaluate(doctor(), rules, plan, D("2028-04-01"));
  EXPECT_EQ(status(ev, "shortage").state, RuleState::on_track);
  EXPECT_FALSE(ev.has_violation());

  // Eleven months left before the deadline and twelve missing: broken, a warning.
  plan = {actual(work("s", "S", "2024-04-01", "2027-03-31", true)), actual(work("b", "B", "2027-04-01", "2030-04-30"))};
  ev = evaluate(doctor(), rules, plan, D("2030-05-01"));
  EXPECT_EQ(status(ev, "shortage").state, RuleState::broken);
  EXPECT_NE(status(ev, "shortage").message.find("期限までに必要な月数が残っていません"), std::string::npos);

  // Served in full.
  plan = {actual(work("s", "S", "2022-04-01", "2026-03-31", true))};
  ev = evaluate(doctor(), rules, plan, D("2026-04-01"));
  EXPECT_EQ(status(ev, "shortage").state, RuleState::met);
}

TEST(CareerShortage, ExactlyAtTheMinimumAndOneShort) {
  std::vector<Rule> rules{total(), rule("shortage", RuleKind::shortage_months, 48)};
  std::vector<Assignment> plan{work("s", "S", "2022-04-01", "2026-03-31", true), work("b", "B", "2026-04-01", "2031-03-31")};
  EXPECT_EQ(status(evaluate(doctor(), rules, plan, D("2022-04-01")), "shortage").state, RuleState::on_track);
  plan = {work("s", "S", "2022-04-01", "2026-02-28", true), work("b", "B", "2026-03-01", "2031-03-31")};
  const auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "shortage").state, RuleState::at_risk);
  EXPECT_EQ(status(ev, "shortage").projected, 47);
}

TEST(CareerShortage, ShortageMonthsAfterTheDeadlineDoNotCount) {
  std::vector<Rule> rules{total(), rule("shortage", RuleKind::shortage_months, 12)};
  std::vector<Assignment> plan{work("b", "B", "2022-04-01", "2031-03-31"), work("s", "S", "2031-04-01", "2032-03-31", true)};
  EXPECT_EQ(status(evaluate(doctor(), rules, plan, D("2022-04-01")), "shortage").projected, 0);
}

// ---- postings ------------------------------------------------------------------------------------------------

TEST(CareerPosting, APostingShorterThanTwelveMonthsIsAViolationNamingTheHospital) {
  std::vector<Rule> rules{total(), rule("posting", RuleKind::posting_min_months, 12)};
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2027-03-31"), work("b", "B", "2027-04-01", "2028-02-29"),
                               work("c", "C", "2028-03-01", "2031-03-31")};
  const auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "posting").state, RuleState::at_risk);
  ASSERT_TRUE(ev.has_violation());
  EXPECT_EQ(ev.findings[0].assignment_id, "b");
  EXPECT_EQ(ev.findings[0].message, "B病院での勤務が11か月です（2027年4月〜2028年2月、1医療機関12か月以上）。");
}

TEST(CareerPosting, ConsecutiveAssignmentsAtOneHospitalAndAnInterruptionInBetweenAreOnePosting) {
  std::vector<Rule> rules{total(), rule("posting", RuleKind::posting_min_months, 12)};
  std::vector<Assignment> plan{work("a1", "A", "2022-04-01", "2022-09-30"), of_kind(work("a2", "A", "2022-10-01", "2023-03-31"), AssignmentKind::specialist_training),
                               work("b1", "B", "2023-04-01", "2023-09-30"), leave("l", "childcare", "2023-10-01", "2024-03-31"),
                               work("b2", "B", "2024-04-01", "2024-09-30"), work("c", "C", "2024-10-01", "2031-03-31")};
  const auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "posting").state, RuleState::on_track);
  EXPECT_EQ(count_of(ev, Severity::violation, "posting_min_months"), 0);
}

TEST(CareerPosting, TheSameHospitalAfterAnotherIsANewPosting) {
  std::vector<Rule> rules{total(), rule("posting", RuleKind::posting_min_months, 12)};
  std::vector<Assignment> plan{work("a1", "A", "2022-04-01", "2022-09-30"), work("b", "B", "2022-10-01", "2023-09-30"),
                               work("a2", "A", "2023-10-01", "2024-03-31"), work("c", "C", "2024-04-01", "2031-03-31")};
  const auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(count_of(ev, Severity::violation, "posting_min_months"), 2);
}

TEST(CareerPosting, ClinicalTrainingRotationsAndAShortPastPosting) {
  std::vector<Rule> rules{total(), rule("posting", RuleKind::posting_min_months, 12)};
  // Two-month rotations of 臨床研修 are not postings.
  std::vector<Assignment> plan{of_kind(work("r1", "A", "2022-04-01", "2022-05-31"), AssignmentKind::clinical_training),
                               of_kind(work("r2", "B", "2022-06-01", "2024-03-31"), AssignmentKind::clinical_training),
                               work("c", "C", "2024-04-01", "2031-03-31")};
  auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "posting").state, RuleState::on_track);
  // A short posting already done: broken, and only a warning.
  plan = {actual(work("a", "A", "2022-04-01", "2022-12-31")), work("c", "C", "2023-01-01", "2031-03-31")};
  ev = evaluate(doctor(), rules, plan, D("2023-06-01"));
  EXPECT_EQ(status(ev, "posting").state, RuleState::broken);
  EXPECT_EQ(codes(ev, Severity::violation), std::vector<std::string>{});
}

// ---- designated groups ---------------------------------------------------------------------------------------

TEST(CareerGroup, OneFacilityOfTheGroupForTwelveMonths) {
  Rule g = rule("small", RuleKind::group_months, 12);
  g.group = "small";
  g.group_name = "小規模医療機関群";
  std::vector<Rule> rules{total(), g};
  auto in_group = [](Assignment a) {
    a.groups = {"small"};
    return a;
  };
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2027-03-31"), in_group(work("s", "S", "2027-04-01", "2028-03-31")),
                               work("b", "B", "2028-04-01", "2031-03-31")};
  auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "small").state, RuleState::on_track);
  // Six months each at two facilities of the group is not twelve at one.
  plan = {work("a", "A", "2022-04-01", "2027-03-31"), in_group(work("s", "S", "2027-04-01", "2027-09-30")),
          in_group(work("t", "T", "2027-10-01", "2028-03-31")), work("b", "B", "2028-04-01", "2031-03-31")};
  ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "small").state, RuleState::at_risk);
  EXPECT_EQ(status(ev, "small").projected, 6);
  EXPECT_EQ(status(ev, "small").message,
            "小規模医療機関群の1医療機関での勤務が12か月に対して最長0か月です（残り12か月、期限2031年3月）。計画では期限までに最長6か月で、6か月足りません。");
  // Interruptions at a group facility do not count.
  Assignment l = leave("l", "childcare", "2027-04-01", "2028-03-31");
  l.facility_id = "S";
  l.groups = {"small"};
  plan = {work("a", "A", "2022-04-01", "2027-03-31"), l, work("b", "B", "2028-04-01", "2031-03-31")};
  EXPECT_EQ(status(evaluate(doctor(), rules, plan, D("2022-04-01")), "small").projected, 0);
}

// ---- caps ----------------------------------------------------------------------------------------------------

TEST(CareerCaps, OutOfPrefectureAndAbroadTogetherAtMostTwentyFourMonths) {
  std::vector<Rule> rules{total(), rule("out", RuleKind::out_of_prefecture_cap, 24)};
  Assignment tokyo = work("t", "T", "2025-04-01", "2026-03-31");
  tokyo.out_of_prefecture = true;
  Assignment abroad = of_kind(work("x", "X", "2026-04-01", "2027-03-31"), AssignmentKind::study_abroad);
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2025-03-31"), tokyo, abroad, work("b", "B", "2027-04-01", "2031-03-31")};
  auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "out").state, RuleState::on_track);
  EXPECT_EQ(status(ev, "out").projected, 24);
  EXPECT_EQ(status(ev, "out").message, "県外・海外での勤務は通算24か月です（上限24か月）。");
  // One month more.
  plan[3] = work("b", "B", "2027-05-01", "2031-03-31");
  plan[2].end = D("2027-04-30");
  ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "out").state, RuleState::at_risk);
  EXPECT_EQ(status(ev, "out").message, "計画では県外・海外での勤務が通算25か月で、上限24か月を1か月超えます。");
  EXPECT_TRUE(ev.has_violation());
  // Already served beyond the cap: broken.
  for (auto& a : plan) a.actual = true;
  ev = evaluate(doctor(), rules, plan, D("2027-06-01"));
  EXPECT_EQ(status(ev, "out").state, RuleState::broken);
  EXPECT_EQ(ev.served_out_of_prefecture_months, 25);
}

TEST(CareerCaps, ResearchOnlyGraduateSchool) {
  std::vector<Rule> rules{total(), rule("research", RuleKind::research_cap, 24)};
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2025-03-31"),
                               of_kind(work("g", "U", "2025-04-01", "2028-03-31"), AssignmentKind::graduate_school),
                               work("b", "B", "2028-04-01", "2031-03-31")};
  auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "research").state, RuleState::at_risk);
  EXPECT_EQ(status(ev, "research").projected, 36);
  EXPECT_EQ(status(ev, "research").message, "計画では大学院（研究のみ）が通算36か月で、上限24か月を12か月超えます。");
  plan[1].end = D("2027-03-31");
  plan[2].start = D("2027-04-01");
  ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "research").state, RuleState::on_track);
  ev = evaluate(doctor(), rules, plan, D("2031-04-01"));
  EXPECT_EQ(status(ev, "research").state, RuleState::met);
}

// ---- specialist certification ---------------------------------------------------------------------------------

TEST(CareerSpecialist, ByMarchOfTheYearNAfterGraduation) {
  Rule sp = rule("spec", RuleKind::specialist_by_year, 36);
  sp.year = 10;  // graduated 2022 → March 2032
  std::vector<Rule> rules{total(), sp};
  std::vector<Assignment> plan{of_kind(work("r", "A", "2022-04-01", "2024-03-31"), AssignmentKind::clinical_training),
                               of_kind(work("s", "S", "2024-04-01", "2027-03-31"), AssignmentKind::specialist_training),
                               work("b", "B", "2027-04-01", "2031-03-31")};
  Doctor d = doctor();
  auto ev = evaluate(d, rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "spec").state, RuleState::on_track);
  EXPECT_EQ(status(ev, "spec").deadline, month_of(2032, 3));

  d.specialist_certified_on = D("2032-03-31");
  ev = evaluate(d, rules, plan, D("2032-05-01"));
  EXPECT_EQ(status(ev, "spec").state, RuleState::met);
  d.specialist_certified_on = D("2032-04-01");
  ev = evaluate(d, rules, plan, D("2032-05-01"));
  EXPECT_EQ(status(ev, "spec").state, RuleState::broken);

  d.specialist_certified_on.reset();
  ev = evaluate(d, rules, plan, D("2032-04-01"));
  EXPECT_EQ(status(ev, "spec").state, RuleState::broken);
  EXPECT_EQ(status(ev, "spec").message, "専門医資格が期限2032年3月までに取得されていません。");

  plan[1].end = D("2026-03-31");
  plan[2].start = D("2026-04-01");
  ev = evaluate(d, rules, plan, D("2022-04-01"));
  EXPECT_EQ(status(ev, "spec").state, RuleState::at_risk);
  EXPECT_EQ(status(ev, "spec").message,
            "専門医資格の期限は2032年3月です。計画では期限までの専門研修が36か月に対して24か月です（12か月不足）。");
  EXPECT_TRUE(ev.has_violation());
}

// ---- findings and results --------------------------------------------------------------------------------------

TEST(CareerFindings, ViolationsComeBeforeWarningsAndEachInTimeOrder) {
  std::vector<Rule> rules{total(), rule("posting", RuleKind::posting_min_months, 12)};
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2022-09-30"), work("b", "B", "2023-04-01", "2023-09-30"),
                               work("c", "C", "2024-04-01", "2031-03-31")};
  const auto ev = evaluate(doctor(), rules, plan, D("2022-04-01"));
  ASSERT_GE(ev.findings.size(), 4u);
  bool seen_warning = false;
  for (const auto& f : ev.findings) {
    if (f.severity == Severity::warning) seen_warning = true;
    else EXPECT_FALSE(seen_warning) << "a violation after a warning: " << f.message;
  }
  EXPECT_EQ(ev.findings[0].assignment_id, "a");
}

TEST(CareerFindings, MonthRowsCoverThePeriodAndMarkThePast) {
  std::vector<Assignment> plan{work("a", "A", "2022-04-01", "2031-03-31")};
  const auto ev = evaluate(doctor(), std::vector<Rule>{total()}, plan, D("2024-07-20"));
  EXPECT_EQ(ev.months.front().month, month_of(2022, 4));
  EXPECT_GE(ev.months.back().month, month_of(2031, 3));
  EXPECT_EQ(ev.current, month_of(2024, 7));
  const auto past = std::count_if(ev.months.begin(), ev.months.end(), [](const MonthRow& r) { return r.past; });
  EXPECT_EQ(past, 27);
  EXPECT_EQ(std::count_if(ev.months.begin(), ev.months.end(), [](const MonthRow& r) { return r.in_period; }), 108);
}

// ---- the rule set --------------------------------------------------------------------------------------------

TEST(CareerRuleSet, Refusals) {
  EXPECT_EQ(validate_rules(std::vector<Rule>{total()}), std::nullopt);
  EXPECT_EQ(validate_rules(std::vector<Rule>{}), "ルール「対象期間」が必要です。");
  EXPECT_EQ(validate_rules(std::vector<Rule>{total(), [] { auto r = total(); r.id = "t2"; return r; }()}),
            "ルール「対象期間」は1つだけにしてください。");
  EXPECT_EQ(validate_rules(std::vector<Rule>{total(), rule("total", RuleKind::shortage_months, 48)}),
            "ルールの識別子「total」が2回使われています。");
  EXPECT_EQ(validate_rule(rule("s", RuleKind::shortage_months, 0)),
            "ルール「医師少数区域等での勤務」の月数は1から600までの整数で入力してください。");
  EXPECT_EQ(validate_rule(rule("s", RuleKind::shortage_months, 601)),
            "ルール「医師少数区域等での勤務」の月数は1から600までの整数で入力してください。");
  EXPECT_EQ(validate_rule(total(0, 0)), "ルール「対象期間」には月数か貸与期間の倍率のどちらかを入力してください。");
  EXPECT_EQ(validate_rule(total(108, -1)), "ルール「対象期間」の貸与期間の倍率は0から5までの数で入力してください。");
  EXPECT_EQ(validate_rule(rule("g", RuleKind::group_months, 12)), "ルール「指定医療機関群での勤務」の医療機関群を選んでください。");
  EXPECT_EQ(validate_rule(rule("i", RuleKind::interruption_cap, 12)), "ルール「中断の上限」の中断理由を選んでください。");
  Rule sp = rule("sp", RuleKind::specialist_by_year, 36);
  EXPECT_EQ(validate_rule(sp), "ルール「専門医資格の取得期限」の卒後年数は1から30までの整数で入力してください。");
  Rule i1 = rule("i1", RuleKind::interruption_cap, 12), i2 = rule("i2", RuleKind::interruption_cap, 6);
  i1.reason = i2.reason = "childcare";
  EXPECT_EQ(validate_rules(std::vector<Rule>{total(), i1, i2}), "中断理由「育児」の上限が2つあります。");
}

TEST(CareerRuleSet, DescriptionsAndCodes) {
  EXPECT_EQ(describe_rule(total(108, 1.5)), "対象期間 9年（108か月）以上（貸与期間の1.5倍の方が長ければその期間）");
  EXPECT_EQ(describe_rule(rule("s", RuleKind::shortage_months, 48)), "医師少数区域等での勤務 4年（48か月）以上");
  EXPECT_EQ(describe_rule(rule("o", RuleKind::out_of_prefecture_cap, 24)), "県外・海外での勤務 通算2年（24か月）以内");
  for (auto k : {RuleKind::total_period, RuleKind::shortage_months, RuleKind::posting_min_months, RuleKind::group_months,
                 RuleKind::out_of_prefecture_cap, RuleKind::research_cap, RuleKind::specialist_by_year, RuleKind::interruption_cap})
    EXPECT_EQ(parse_rule_kind(rule_kind_code(k)), k);
  for (auto k : {AssignmentKind::clinical_training, AssignmentKind::specialist_training, AssignmentKind::work,
                 AssignmentKind::graduate_school, AssignmentKind::study_abroad, AssignmentKind::interruption})
    EXPECT_EQ(parse_kind(kind_code(k)), k);
  EXPECT_EQ(parse_kind("勤務"), std::nullopt);
  EXPECT_TRUE(is_interruption_reason("childcare"));
  EXPECT_FALSE(is_interruption_reason("holiday"));
}
