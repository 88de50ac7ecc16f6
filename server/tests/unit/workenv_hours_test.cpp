// The hours engine (issue 15): thresholds met exactly, fiscal-year boundaries, caps per 水準 (連携B's two caps),
// projection, re-upload replacing a month, the hospital's counts, and the priority list's reasons and order.
#include <gtest/gtest.h>

#include "workenv_hours/workenv_hours.h"

using namespace kh::workenv_hours;

namespace {

MonthRow row(std::string code, YearMonth m, Minutes overtime, Level level = Level::a, Minutes other = 0) {
  MonthRow r;
  r.doctor_code = std::move(code);
  r.department = "内科";
  r.level = level;
  r.month = m;
  r.overtime = overtime;
  r.other_workplaces = other;
  return r;
}

const DoctorEvaluation& find(const std::vector<DoctorEvaluation>& ev, std::string_view code) {
  for (const auto& e : ev)
    if (e.doctor_code == code) return e;
  throw std::runtime_error("no such doctor");
}

}  // namespace

TEST(WorkenvHours, FiscalYearOfMonths) {
  EXPECT_EQ(YearMonth::of(2025, 3).fiscal_year(), 2024);
  EXPECT_EQ(YearMonth::of(2025, 4).fiscal_year(), 2025);
  EXPECT_EQ(YearMonth::of(2026, 1).fiscal_year(), 2025);
  EXPECT_EQ(YearMonth::of(2025, 4).fiscal_month(), 1);
  EXPECT_EQ(YearMonth::of(2026, 3).fiscal_month(), 12);
  EXPECT_EQ(YearMonth::of(2025, 12).fiscal_month(), 9);
  EXPECT_EQ(YearMonth::of(2025, 4).iso(), "2025-04");
  EXPECT_EQ(parse_year_month("2025-04"), YearMonth::of(2025, 4));
  EXPECT_EQ(parse_year_month("2025/4"), YearMonth::of(2025, 4));
  EXPECT_FALSE(parse_year_month("2025-13"));
  EXPECT_FALSE(parse_year_month("2025-00"));
  EXPECT_FALSE(parse_year_month("25-04"));
  EXPECT_FALSE(parse_year_month("2025-04x"));
}

TEST(WorkenvHours, LevelsAndCaps) {
  EXPECT_EQ(parse_level("A"), Level::a);
  EXPECT_EQ(parse_level("連携B"), Level::renkei_b);
  EXPECT_EQ(parse_level("連携Ｂ"), Level::renkei_b);
  EXPECT_EQ(parse_level("Ｃ－１"), Level::c1);  // full-width letters, digits and hyphen-minus as Excel users type them
  EXPECT_EQ(parse_level("C-1"), Level::c1);
  EXPECT_EQ(parse_level("c1"), Level::c1);
  EXPECT_EQ(parse_level("Ｃ-２"), Level::c2);
  EXPECT_EQ(parse_level("B水準"), Level::b);
  EXPECT_FALSE(parse_level("D"));
  EXPECT_FALSE(parse_level(""));
  EXPECT_EQ(annual_cap_total(Level::a), hours(960));
  EXPECT_EQ(annual_cap_total(Level::renkei_b), hours(1860));
  EXPECT_EQ(annual_cap_own(Level::renkei_b), hours(960));
  EXPECT_FALSE(annual_cap_own(Level::b));
  EXPECT_EQ(annual_cap_total(Level::c2), hours(1860));
}

TEST(WorkenvHours, MonthlyMarksAreMetExactly) {
  const auto m = YearMonth::of(2025, 6);
  std::vector<MonthRow> rows{row("D79", m, hours(80) - 1), row("D80", m, hours(80)), row("D99", m, hours(100) - 1),
                             row("D100", m, hours(100)), row("D155", m, hours(155)), row("D154", m, hours(155) - 1)};
  auto ev = evaluate(rows, m);
  EXPECT_FALSE(find(ev, "D79").has(over_80));
  EXPECT_TRUE(find(ev, "D80").has(over_80));
  EXPECT_FALSE(find(ev, "D80").has(over_100));
  EXPECT_FALSE(find(ev, "D99").has(over_100));
  EXPECT_FALSE(find(ev, "D99").has(interview_gap));
  EXPECT_TRUE(find(ev, "D100").has(over_100));
  EXPECT_TRUE(find(ev, "D100").has(interview_gap));
  EXPECT_FALSE(find(ev, "D154").has(over_155));
  EXPECT_TRUE(find(ev, "D155").has(over_155));
  // Worst first.
  EXPECT_EQ(ev.front().doctor_code, "D155");
  EXPECT_EQ(ev.back().doctor_code, "D79");
}

TEST(WorkenvHours, OtherWorkplacesCountTowardTheMonth) {
  const auto m = YearMonth::of(2025, 6);
  std::vector<MonthRow> rows{row("X", m, hours(60), Level::b, hours(40))};
  auto ev = evaluate(rows, m);
  EXPECT_EQ(ev[0].month_total, hours(100));
  EXPECT_EQ(ev[0].month_own, hours(60));
  EXPECT_TRUE(ev[0].has(over_100));
  rows[0].interview_done = true;
  ev = evaluate(rows, m);
  EXPECT_TRUE(ev[0].has(over_100));
  EXPECT_FALSE(ev[0].has(interview_gap));
}

TEST(WorkenvHours, ContinuousIntervalAndRest) {
  const auto m = YearMonth::of(2025, 6);
  auto a = row("A", m, 0), b = row("B", m, 0);
  a.longest_continuous = hours(28);
  b.longest_continuous = hours(28) + 1;
  b.interval_shortfalls = 2;
  b.compensatory_rest_owed = hours(3);
  auto ev = evaluate(std::vector{a, b}, m);
  EXPECT_EQ(find(ev, "A").flags, 0u);
  EXPECT_TRUE(find(ev, "B").has(continuous_breach));
  EXPECT_TRUE(find(ev, "B").has(interval_breach));
  EXPECT_TRUE(find(ev, "B").has(rest_owed));
}

TEST(WorkenvHours, YearToDateStopsAtTheFiscalYearBoundary) {
  // March 2025 belongs to FY2024; April 2025 starts FY2025 from zero.
  std::vector<MonthRow> rows{row("D", YearMonth::of(2025, 2), hours(90)), row("D", YearMonth::of(2025, 3), hours(90)),
                             row("D", YearMonth::of(2025, 4), hours(50)), row("D", YearMonth::of(2025, 5), hours(70))};
  auto march = evaluate(rows, YearMonth::of(2025, 3));
  EXPECT_EQ(march[0].ytd_total, hours(180));
  EXPECT_EQ(march[0].months_reported, 2);
  EXPECT_EQ(march[0].projected_total, hours(180));  // March is the last month: nothing still to come
  auto april = evaluate(rows, YearMonth::of(2025, 4));
  EXPECT_EQ(april[0].ytd_total, hours(50));
  EXPECT_EQ(april[0].projected_total, hours(600));  // 50 + 50 × 11
  auto may = evaluate(rows, YearMonth::of(2025, 5));
  EXPECT_EQ(may[0].ytd_total, hours(120));         // later months are ignored, earlier FY too
  EXPECT_EQ(may[0].projected_total, hours(720));   // 120 + 60 × 10
  // A month without a row for the doctor: not evaluated.
  EXPECT_TRUE(evaluate(rows, YearMonth::of(2025, 6)).empty());
}

TEST(WorkenvHours, ProjectionAgainstTheCapOfTheLevel) {
  // 80 h a month projects to exactly 960 h: at the A cap, not over it. 81 h projects over.
  const auto m = YearMonth::of(2025, 4);
  std::vector<MonthRow> rows{row("AT", m, hours(80)), row("OVER", m, hours(81)), row("B", m, hours(81), Level::b)};
  auto ev = evaluate(rows, m);
  EXPECT_EQ(find(ev, "AT").projected_total, hours(960));
  EXPECT_FALSE(find(ev, "AT").has(projected_over_cap));
  EXPECT_TRUE(find(ev, "OVER").has(projected_over_cap));
  EXPECT_FALSE(find(ev, "B").has(projected_over_cap));  // B's cap is 1,860 h
}

TEST(WorkenvHours, RenkeiBHasTwoCaps) {
  const auto m = YearMonth::of(2025, 4);
  // 85 h here (1,020 h projected, over the 960 h own cap) though the total 1,020 h is under 1,860 h.
  std::vector<MonthRow> rows{row("OWN", m, hours(85), Level::renkei_b),
                             // 70 h here + 90 h elsewhere: own 840 h fine, total 1,920 h over 1,860 h.
                             row("TOTAL", m, hours(70), Level::renkei_b, hours(90)),
                             row("FINE", m, hours(80), Level::renkei_b, hours(70))};
  auto ev = evaluate(rows, m);
  EXPECT_TRUE(find(ev, "OWN").has(projected_over_cap));
  EXPECT_TRUE(find(ev, "TOTAL").has(projected_over_cap));
  EXPECT_FALSE(find(ev, "FINE").has(projected_over_cap));
  EXPECT_EQ(find(ev, "FINE").cap_own, hours(960));
}

TEST(WorkenvHours, YearToDateOverCap) {
  std::vector<MonthRow> rows;
  for (int i = 0; i < 12; ++i) {
    YearMonth m{YearMonth::of(2025, 4).index + i};
    rows.push_back(row("D", m, hours(80)));
  }
  auto march = evaluate(rows, YearMonth::of(2026, 3));
  EXPECT_EQ(march[0].ytd_total, hours(960));
  EXPECT_FALSE(march[0].has(ytd_over_cap));  // exactly at the cap is allowed
  rows.back().overtime += 1;
  march = evaluate(rows, YearMonth::of(2026, 3));
  EXPECT_TRUE(march[0].has(ytd_over_cap));
  EXPECT_TRUE(march[0].has(projected_over_cap));
}

TEST(WorkenvHours, ReuploadReplacesTheMonth) {
  HoursBook book;
  const auto apr = YearMonth::of(2025, 4), may = YearMonth::of(2025, 5);
  book.replace_month("h1", apr, {row("D1", apr, hours(90)), row("D2", apr, hours(40))});
  book.replace_month("h1", may, {row("D1", may, hours(90))});
  EXPECT_EQ(book.evaluate("h1", may)[0].ytd_total, hours(180));
  // The corrected April: D1 had 60 h, D2 is gone. May's year to date follows; the old rows come back.
  auto previous = book.replace_month("h1", apr, {row("D1", YearMonth::of(1999, 1), hours(60))});
  ASSERT_EQ(previous.size(), 2u);
  EXPECT_EQ(previous[0].overtime, hours(90));
  EXPECT_EQ(book.evaluate("h1", may)[0].ytd_total, hours(150));
  auto april = book.evaluate("h1", apr);
  ASSERT_EQ(april.size(), 1u);
  EXPECT_EQ(april[0].month, apr);  // the row's month is the month uploaded
  EXPECT_EQ(book.latest_month("h1"), may);
  EXPECT_FALSE(book.latest_month("h2"));
  // Another hospital's doctor with the same code is another doctor.
  book.replace_month("h2", may, {row("D1", may, hours(10))});
  EXPECT_EQ(book.evaluate("h2", may)[0].ytd_total, hours(10));
}

TEST(WorkenvHours, HospitalFlags) {
  const auto m = YearMonth::of(2025, 6);
  auto gap = row("G", m, hours(120));
  auto ok = row("OK", m, hours(20));
  auto rest = row("R", m, hours(10));
  rest.compensatory_rest_owed = 30;
  auto f = summarize(evaluate(std::vector{gap, ok, rest}, m));
  EXPECT_EQ(f.doctors, 3);
  EXPECT_EQ(f.over_80, 1);
  EXPECT_EQ(f.over_100, 1);
  EXPECT_EQ(f.interview_gaps, 1);
  EXPECT_EQ(f.rest_owed, 1);
  EXPECT_EQ(f.at_risk, 2);
  EXPECT_EQ(f.max_month_total, hours(120));
}

TEST(WorkenvHours, PriorityReasonsAndOrder) {
  const std::int64_t today = 20000;
  std::vector<HospitalFacts> h(5);
  h[0].hospital_id = "quiet";
  h[0].last_visit = today - 30;  // visited recently, nothing else: not on the list
  h[1].hospital_id = "over";
  h[1].last_visit = today - 30;
  h[1].hours.projected_over_cap = 2;
  h[1].hours.interview_gaps = 1;
  h[2].hospital_id = "due";
  h[2].last_visit = today - 400;
  h[2].evaluation_due = today + 120;  // exactly at the lead: counts
  h[2].plan_review_due = today - 1;
  h[3].hospital_id = "lowered";
  h[3].last_visit = today - 30;
  h[3].open_cases = 1;
  h[3].manual_points = -5;
  h[4].hospital_id = "raised";
  h[4].last_visit = today - 365;  // exactly a year: not yet a reason
  h[4].evaluation_due = today + 121;  // beyond the lead: no reason
  h[4].manual_points = 50;
  h[4].manual_note = "院長交代";
  auto list = rank(h, today);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(h[list[0].index].hospital_id, "over");  // 50 + 35 = 85
  EXPECT_EQ(list[0].score, 85);
  EXPECT_EQ(list[0].reasons[0].code, ReasonCode::projected_over_cap);
  EXPECT_EQ(list[0].reasons[0].text, "年間の上限を超える見込みの医師が2人います");
  EXPECT_EQ(list[0].reasons[1].text, "月100時間以上で面接指導が済んでいない医師が1人います");
  EXPECT_EQ(h[list[1].index].hospital_id, "raised");
  EXPECT_EQ(list[1].reasons.size(), 1u);
  EXPECT_EQ(list[1].reasons[0].text, "センターが優先度を引き上げました：院長交代");
  EXPECT_EQ(h[list[2].index].hospital_id, "due");  // 20 + 15 + 10
  EXPECT_EQ(list[2].score, 45);
  ASSERT_EQ(list[2].reasons.size(), 3u);
  EXPECT_EQ(list[2].reasons[0].code, ReasonCode::evaluation_due);
  EXPECT_NE(list[2].reasons[0].text.find("あと120日"), std::string::npos);
  EXPECT_NE(list[2].reasons[1].text.find("を過ぎています"), std::string::npos);
  EXPECT_NE(list[2].reasons[2].text.find("1年以上"), std::string::npos);
}

TEST(WorkenvHours, PriorityNeverVisited) {
  std::vector<HospitalFacts> h(1);
  h[0].hospital_id = "x";
  auto list = rank(h, 20000);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].reasons[0].text, "訪問の記録がありません");
  // A date in the text reads as a Japanese date.
  h[0].last_visit = 0;
  list = rank(h, 20000);
  EXPECT_EQ(list[0].reasons[0].text, "最後の訪問（1970年1月1日）から1年以上たっています");
}
