// Work-environment centre benchmark (issue 15: a large prefecture — 300 hospitals, 20,000 doctors — one month's
// upload evaluated in under 1 s, the prefecture's priority list in under 100 ms, on one core). Generates eleven
// months of hours with a fixed seed (most doctors 20–70 h a month, one in twenty over 80 h, a few over 100 h),
// then times: replacing the twelfth month of every hospital and evaluating it (the whole prefecture's upload,
// which is more than one hospital ever sends at once), summarising each hospital, and ranking the 300 hospitals.
// Prints medians over several runs; asserts nothing about time. Exits 1 if the evaluation loses a doctor.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "workenv_hours/workenv_hours.h"

using namespace kh::workenv_hours;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int hospitals = argc > 1 ? std::atoi(argv[1]) : 300;
  const int doctors = argc > 2 ? std::atoi(argv[2]) : 20000;
  std::mt19937 rng(15);
  std::uniform_real_distribution<double> u(0, 1);
  const Level levels[] = {Level::a, Level::a, Level::a, Level::renkei_b, Level::b, Level::c1, Level::c2};
  const YearMonth first = YearMonth::of(2025, 4);

  auto make_row = [&](int d, YearMonth m) {
    MonthRow r;
    r.doctor_code = "D" + std::to_string(100000 + d);
    r.department = d % 3 ? "内科" : "外科";
    r.level = levels[d % 7];
    r.month = m;
    double h = 20 + 50 * u(rng);
    if (u(rng) < 0.05) h = 80 + 60 * u(rng);
    if (u(rng) < 0.005) h = 155 + 20 * u(rng);
    r.overtime = static_cast<Minutes>(h * 60);
    r.other_workplaces = u(rng) < 0.2 ? static_cast<Minutes>(u(rng) * 1200) : 0;
    r.longest_continuous = static_cast<Minutes>((16 + 14 * u(rng)) * 60);
    r.interval_shortfalls = u(rng) < 0.03 ? 1 : 0;
    r.compensatory_rest_owed = r.longest_continuous > hours(28) ? 120 : 0;
    r.interview_done = u(rng) < 0.7;
    return r;
  };

  HoursBook book;
  std::vector<std::string> ids;
  for (int h = 0; h < hospitals; ++h) ids.push_back("H" + std::to_string(1000 + h));
  for (int mi = 0; mi < 11; ++mi) {
    const YearMonth m{first.index + mi};
    std::vector<std::vector<MonthRow>> per(hospitals);
    for (int d = 0; d < doctors; ++d) per[d % hospitals].push_back(make_row(d, m));
    for (int h = 0; h < hospitals; ++h) book.replace_month(ids[h], m, std::move(per[h]));
  }
  const YearMonth last{first.index + 11};
  std::vector<std::vector<MonthRow>> upload(hospitals);
  for (int d = 0; d < doctors; ++d) upload[d % hospitals].push_back(make_row(d, last));

  std::vector<double> t_upload, t_rank;
  std::vector<HospitalFacts> facts(hospitals);
  std::size_t evaluated = 0, at_risk = 0;
  for (int run = 0; run < 7; ++run) {
    auto copy = upload;
    auto t0 = Clock::now();
    evaluated = at_risk = 0;
    for (int h = 0; h < hospitals; ++h) {
      book.replace_month(ids[h], last, std::move(copy[h]));
      auto ev = book.evaluate(ids[h], last);
      auto f = summarize(ev);
      evaluated += ev.size();
      at_risk += f.at_risk;
      facts[h].hospital_id = ids[h];
      facts[h].hours = f;
    }
    t_upload.push_back(ms_since(t0));
    for (int h = 0; h < hospitals; ++h) {
      facts[h].open_cases = h % 5;
      if (h % 4) facts[h].last_visit = 20000 - (h * 7) % 500;
      facts[h].evaluation_due = 20000 + (h * 13) % 400;
      facts[h].plan_review_due = 20000 + (h * 11) % 200 - 30;
    }
    auto t1 = Clock::now();
    auto list = rank(facts, 20000);
    t_rank.push_back(ms_since(t1));
    if (list.empty()) return 1;
  }
  std::printf("workenv: %d hospitals, %d doctors, 12 months (FY2025)\n", hospitals, doctors);
  std::printf("  one month's upload of every hospital, evaluated and summarised: %.1f ms median (target < 1000 ms)\n",
              median(t_upload));
  std::printf("  priority list of the prefecture: %.2f ms median (target < 100 ms)\n", median(t_rank));
  std::printf("  doctors evaluated: %zu, at risk: %zu\n", evaluated, at_risk);
  if (evaluated != static_cast<std::size_t>(doctors)) {
    std::printf("FAIL: %zu doctors evaluated, expected %d\n", evaluated, doctors);
    return 1;
  }
  return 0;
}
