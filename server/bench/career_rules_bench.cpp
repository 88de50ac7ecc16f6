// Career rules benchmark (issue 13): a prefecture's whole registry checked at once — by default 10,000 obligated
// doctors, each with 9–14 assignments over 9–12 years (臨床研修 rotations, postings of 6–36 months, some in
// shortage areas or out of the prefecture, 大学院, interruptions; a third already recorded as actual) — against
// a programme of every rule kind. Generated with a fixed seed. Prints the median time of evaluate() for all
// doctors over several runs, per doctor, and how many plans have violations and how many rules are in each state.
// Exits 1 if no plan has a violation or every plan has one (the generator plants both kinds); the timings assert
// nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "career_rules/career_rules.h"

using namespace kh::career_rules;

namespace {

struct Case {
  Doctor doctor;
  std::vector<Assignment> plan;
};

std::vector<Rule> programme() {
  std::vector<Rule> rules;
  auto add = [&](std::string id, RuleKind kind, int months) -> Rule& {
    Rule r;
    r.id = std::move(id);
    r.kind = kind;
    r.months = months;
    rules.push_back(r);
    return rules.back();
  };
  add("total", RuleKind::total_period, 108).loan_factor = 1.5;
  add("shortage", RuleKind::shortage_months, 48);
  add("posting", RuleKind::posting_min_months, 12);
  Rule& g = add("small", RuleKind::group_months, 12);
  g.group = "small";
  g.group_name = "小規模医療機関群";
  add("out", RuleKind::out_of_prefecture_cap, 24);
  add("research", RuleKind::research_cap, 24);
  add("specialist", RuleKind::specialist_by_year, 36).year = 10;
  add("childcare", RuleKind::interruption_cap, 36).reason = "childcare";
  add("illness", RuleKind::interruption_cap, 12).reason = "illness";
  return rules;
}

std::vector<Case> generate(int doctors, std::mt19937& rng) {
  std::vector<Case> out;
  out.reserve(static_cast<std::size_t>(doctors));
  std::uniform_int_distribution<int> cohort(2012, 2026), posting(6, 36), facility(0, 299), coin(0, 99);
  for (int i = 0; i < doctors; ++i) {
    Case c;
    const int grad = cohort(rng);
    c.doctor.graduation_year = grad;
    c.doctor.obligation_start = month_of(grad, 4);
    c.doctor.loan_months = coin(rng) < 70 ? 72 : 0;
    Month m = c.doctor.obligation_start;
    const Month end = m + 108 + (coin(rng) < 30 ? 24 : 0);
    const Month actual_until = month_of(2026, 12);
    int n = 0;
    // 臨床研修: four six-month rotations.
    for (int r = 0; r < 4; ++r, m += 6) {
      Assignment a;
      a.id = std::to_string(i) + "-" + std::to_string(n++);
      a.facility_id = "h" + std::to_string(facility(rng));
      a.facility_name = a.facility_id;
      a.kind = AssignmentKind::clinical_training;
      a.start = first_day(m);
      a.end = last_day(m + 5);
      c.plan.push_back(std::move(a));
    }
    while (m < end) {
      Assignment a;
      a.id = std::to_string(i) + "-" + std::to_string(n++);
      const int f = facility(rng);
      a.facility_id = "h" + std::to_string(f);
      a.facility_name = a.facility_id;
      const int roll = coin(rng);
      a.kind = roll < 5 ? AssignmentKind::graduate_school
               : roll < 8 ? AssignmentKind::interruption
               : roll < 40 ? AssignmentKind::specialist_training
                           : AssignmentKind::work;
      if (a.kind == AssignmentKind::interruption) {
        a.facility_id.clear();
        a.interruption_reason = coin(rng) < 70 ? "childcare" : "illness";
      }
      a.shortage_area = f < 90;
      a.out_of_prefecture = f >= 285;
      if (f < 60) a.groups = {"small"};
      const int len = posting(rng);
      // A day off the month boundary now and then, and an overlap of a month now and then.
      const Day shift = coin(rng) < 10 ? 14 : 0;
      a.start = first_day(m) + shift - (coin(rng) < 3 ? 31 : 0);
      a.end = last_day(m + len - 1) + shift;
      a.actual = m + len - 1 < actual_until;
      m += len;
      c.plan.push_back(std::move(a));
    }
    if (coin(rng) < 20) c.doctor.specialist_certified_on = first_day(month_of(grad + 6, 6));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int doctors = argc > 1 ? std::atoi(argv[1]) : 10000;
  std::mt19937 rng(20260413);
  const auto cases = generate(doctors, rng);
  const auto rules = programme();
  if (auto e = validate_rules(rules)) {
    std::fprintf(stderr, "rules: %s\n", e->c_str());
    return 1;
  }
  const Day today = day_of(2027, 1, 15);
  std::size_t assignments = 0;
  for (const auto& c : cases) assignments += c.plan.size();

  std::vector<double> times;
  long violations = 0, findings = 0, months = 0;
  long states[4] = {0, 0, 0, 0};
  for (int run = 0; run < 5; ++run) {
    violations = findings = months = 0;
    std::fill(std::begin(states), std::end(states), 0);
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& c : cases) {
      const Evaluation ev = evaluate(c.doctor, rules, c.plan, today);
      violations += ev.has_violation();
      findings += static_cast<long>(ev.findings.size());
      months += static_cast<long>(ev.months.size());
      for (const auto& s : ev.rules) ++states[static_cast<int>(s.state)];
    }
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  std::printf("career rules: %d doctors, %zu assignments, %zu rules\n", doctors, assignments, rules.size());
  std::printf("  evaluate all: median %.1f ms (%.1f µs per doctor), %ld ledger months\n", median,
              median * 1000.0 / doctors, months);
  std::printf("  plans with violations: %ld of %d; findings %ld\n", violations, doctors, findings);
  std::printf("  rule states: met %ld, on track %ld, at risk %ld, broken %ld\n", states[0], states[1], states[2],
              states[3]);
  if (violations == 0 || violations == doctors) {
    std::fprintf(stderr, "expected some plans with violations and some without\n");
    return 1;
  }
  return 0;
}
