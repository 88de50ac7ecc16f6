// evaluate(): the month-by-month timeline of a doctor's assignments, the deadline, the state of every rule and
// the plan's findings. README.md states the definitions this code follows.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

#include "career_rules/career_rules.h"

namespace kh::career_rules {

bool Evaluation::has_violation() const {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::violation; });
}

namespace {

std::string mo(int n) { return std::to_string(n) + "か月"; }

struct Counts {
  int served = 0, projected = 0;
};

//! The state of a rule that needs at least `required` months by `deadline`.
RuleState minimum_state(int required, const Counts& c, Month deadline, Month current) {
  if (c.served >= required) return RuleState::met;
  const int months_left = std::max(0, deadline - current + 1);
  if (required - c.served > months_left) return RuleState::broken;
  if (c.projected >= required) return RuleState::on_track;
  return RuleState::at_risk;
}

//! The state of a rule that allows at most `cap` months within the period ending at `deadline`.
RuleState cap_state(int cap, const Counts& c, Month deadline, Month current) {
  if (c.served > cap) return RuleState::broken;
  if (c.projected > cap) return RuleState::at_risk;
  if (current > deadline) return RuleState::met;
  return RuleState::on_track;
}

//! 「医師少数区域での勤務が48か月に対して36か月です（残り12か月、期限2031年3月）」 and what the plan does about it.
std::string minimum_message(std::string_view noun, int required, const Counts& c, Month deadline, RuleState state,
                            std::string_view best = "") {
  const std::string n(noun);
  if (state == RuleState::met) return n + mo(required) + "を満たしています（" + mo(c.served) + "）。";
  std::string s = n + "が" + mo(required) + "に対して" + std::string(best) + mo(c.served) + "です（残り" +
                  mo(required - c.served) + "、期限" + format_month_ja(deadline) + "）。";
  switch (state) {
    case RuleState::on_track: s += "計画どおりなら期限までに満たします。"; break;
    case RuleState::at_risk:
      s += "計画では期限までに" + std::string(best) + mo(c.projected) + "で、" + mo(required - c.projected) + "足りません。";
      break;
    case RuleState::broken: s += "期限までに必要な月数が残っていません。"; break;
    case RuleState::met: break;
  }
  return s;
}

std::string cap_message(std::string_view noun, int cap, const Counts& c, RuleState state) {
  const std::string n(noun);
  switch (state) {
    case RuleState::broken:
      return n + "が通算" + mo(c.served) + "で、上限" + mo(cap) + "を" + mo(c.served - cap) + "超えています。";
    case RuleState::at_risk:
      return "計画では" + n + "が通算" + mo(c.projected) + "で、上限" + mo(cap) + "を" + mo(c.projected - cap) +
             "超えます。";
    default: return n + "は通算" + mo(c.projected) + "です（上限" + mo(cap) + "）。";
  }
}

struct Collector {
  struct Item {
    Finding finding;
    Month when;
  };
  std::vector<Item> items;
  void add(Severity s, std::string code, std::string rule_id, std::string assignment_id, std::string message, Month when) {
    items.push_back({{s, std::move(code), std::move(rule_id), std::move(assignment_id), std::move(message)}, when});
  }
  std::vector<Finding> take() {
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      if (a.finding.severity != b.finding.severity) return a.finding.severity == Severity::violation;
      return a.when < b.when;
    });
    std::vector<Finding> out;
    out.reserve(items.size());
    for (auto& i : items) out.push_back(std::move(i.finding));
    return out;
  }
};

//! A violation when the plan could still keep the rule (at risk), a warning when it no longer can (broken).
Severity severity_of(RuleState s) { return s == RuleState::broken ? Severity::warning : Severity::violation; }

}  // namespace

Evaluation evaluate(const Doctor& doctor, std::span<const Rule> rules, std::span<const Assignment> as, Day today) {
  Evaluation ev;
  Collector found;
  ev.start = doctor.obligation_start;
  ev.current = month_containing(today);

  // The required months and the caps per interruption reason.
  int required = 0;
  std::vector<std::pair<std::string_view, int>> reason_caps;
  int cap_sum = 0;
  for (const Rule& r : rules) {
    if (r.kind == RuleKind::total_period) {
      const double by_loan = std::ceil(r.loan_factor * doctor.loan_months - 1e-9);
      required = std::max(r.months, static_cast<int>(by_loan));
    } else if (r.kind == RuleKind::interruption_cap) {
      reason_caps.emplace_back(r.reason, r.months);
      cap_sum += r.months;
    }
  }
  ev.required_months = required;
  auto cap_of = [&](std::string_view reason) -> std::optional<int> {
    for (const auto& [code, cap] : reason_caps)
      if (code == reason) return cap;
    return std::nullopt;
  };

  // Valid assignments; the others are reported and left out.
  std::vector<std::int32_t> valid;
  valid.reserve(as.size());
  for (std::size_t i = 0; i < as.size(); ++i) {
    const Assignment& a = as[i];
    if (a.end < a.start) {
      found.add(Severity::violation, "invalid_dates", "", a.id,
                (a.facility_name.empty() ? std::string(kind_label_ja(a.kind)) : a.facility_name) + "の終了日（" +
                    format_day_ja(a.end) + "）が開始日（" + format_day_ja(a.start) + "）より前です。",
                month_containing(a.start));
      continue;
    }
    valid.push_back(static_cast<std::int32_t>(i));
  }

  // Overlaps: planned against planned is the plan's mistake (a violation); an actual record overrides the planned
  // days it covers (no finding); two actual records overlapping are a warning (the record needs a look).
  for (bool actual : {false, true}) {
    std::vector<std::int32_t> group;
    for (auto i : valid)
      if (as[i].actual == actual) group.push_back(i);
    std::sort(group.begin(), group.end(), [&](auto x, auto y) { return as[x].start != as[y].start ? as[x].start < as[y].start : x < y; });
    std::int32_t reach = -1;  // the assignment reaching furthest so far
    for (auto i : group) {
      if (reach >= 0 && as[i].start <= as[reach].end) {
        const auto name = [&](const Assignment& a) {
          return (a.facility_name.empty() ? std::string(kind_label_ja(a.kind)) : a.facility_name) + "（" +
                 format_day_ja(a.start) + "〜" + format_day_ja(a.end) + "）";
        };
        found.add(actual ? Severity::warning : Severity::violation, "overlap", "", as[i].id,
                  std::string(actual ? "勤務の記録が重なっています：" : "計画の期間が重なっています：") + name(as[reach]) +
                      "と" + name(as[i]) + "。",
                  month_containing(as[i].start));
      }
      if (reach < 0 || as[i].end > as[reach].end) reach = i;
    }
  }

  // The window of months: wide enough for the latest possible deadline and every assignment.
  Month lo = ev.start, hi = ev.start + std::max(required, 1) + cap_sum - 1;
  for (auto i : valid) {
    lo = std::min(lo, month_containing(as[i].start));
    hi = std::max(hi, month_containing(as[i].end));
  }
  const Day d0 = first_day(lo), d1 = last_day(hi);

  // Each day belongs to one assignment: planned ones painted first, actual ones over them; within each, the later
  // start over the earlier.
  std::vector<std::int32_t> owner(static_cast<std::size_t>(d1 - d0 + 1), -1);
  {
    std::vector<std::int32_t> order = valid;
    std::sort(order.begin(), order.end(), [&](auto x, auto y) {
      if (as[x].actual != as[y].actual) return !as[x].actual;
      return as[x].start != as[y].start ? as[x].start < as[y].start : x < y;
    });
    for (auto i : order) std::fill(owner.begin() + (as[i].start - d0), owner.begin() + (as[i].end - d0 + 1), i);
  }

  // Each month goes to whatever holds most of its days (a gap included); on a tie, to the one that begins later in
  // the month, so that a posting of 16 April to 15 April is 12 months, not 13.
  ev.months.reserve(static_cast<std::size_t>(hi - lo + 1));
  for (Month m = lo; m <= hi; ++m) {
    struct Share {
      std::int32_t who;
      int days, first;
    };
    Share shares[32];  // a month has at most 31 days, so at most 31 owners
    int n = 0;
    const Day f = first_day(m) - d0, l = last_day(m) - d0;
    for (Day d = f; d <= l; ++d) {
      const std::int32_t w = owner[static_cast<std::size_t>(d)];
      if (n > 0 && shares[n - 1].who == w) {
        ++shares[n - 1].days;
        continue;
      }
      int k = 0;
      while (k < n && shares[k].who != w) ++k;
      if (k < n) {
        ++shares[k].days;  // back again after another: the share keeps its first day
      } else {
        shares[n++] = {w, 1, d};
      }
    }
    int best = 0;
    for (int k = 1; k < n; ++k)
      if (shares[k].days > shares[best].days || (shares[k].days == shares[best].days && shares[k].first > shares[best].first))
        best = k;
    MonthRow row;
    row.month = m;
    row.assignment = shares[best].who;
    row.past = m < ev.current;
    row.counted = row.assignment >= 0 && as[row.assignment].kind != AssignmentKind::interruption;
    ev.months.push_back(row);
  }
  auto row_at = [&](Month m) -> MonthRow& { return ev.months[static_cast<std::size_t>(m - lo)]; };

  // The deadline: the required months from the start, moved one month later for every interruption month within
  // its reason's cap (counted in order, so the cap is used by the earliest interruptions).
  Month deadline = ev.start + required - 1;
  {
    std::unordered_map<std::string_view, int> used;
    for (Month m = ev.start; m <= deadline && m <= hi; ++m) {
      const MonthRow& row = row_at(m);
      if (row.assignment < 0 || as[row.assignment].kind != AssignmentKind::interruption) continue;
      const auto& reason = as[row.assignment].interruption_reason;
      const auto cap = cap_of(reason);
      if (cap && used[reason] < *cap) {
        ++used[reason];
        ++deadline;
      }
    }
  }
  ev.deadline = deadline;
  ev.extension_months = deadline - (ev.start + required - 1);

  // Month counts within the period.
  Counts total, shortage, out, research, specialist;
  std::unordered_map<std::string_view, Counts> by_reason;
  for (Month m = lo; m <= hi; ++m) {
    MonthRow& row = row_at(m);
    row.in_period = m >= ev.start && m <= deadline;
    if (row.assignment < 0) continue;
    const Assignment& a = as[row.assignment];
    if (a.kind == AssignmentKind::specialist_training) {
      // Specialist training counts toward its own deadline wherever it lies.
      ++specialist.projected;
      if (row.past) ++specialist.served;
    }
    if (!row.in_period) continue;
    auto add = [&](Counts& c) {
      ++c.projected;
      if (row.past) ++c.served;
    };
    if (a.kind == AssignmentKind::interruption) {
      add(by_reason[a.interruption_reason]);
      ++ev.interruption_months;
      continue;
    }
    add(total);
    if (a.shortage_area) add(shortage);
    if (a.out_of_prefecture || a.kind == AssignmentKind::study_abroad) add(out);
    if (a.kind == AssignmentKind::graduate_school) add(research);
  }
  ev.served_months = total.served;
  ev.projected_months = total.projected;
  ev.served_shortage_months = shortage.served;
  ev.served_out_of_prefecture_months = out.served;
  ev.served_research_months = research.served;
  ev.remaining_months = std::max(0, required - total.served);

  // Interruptions whose reason has no cap do not move the deadline: say so once per assignment.
  {
    std::int32_t last = -2;
    for (Month m = ev.start; m <= deadline; ++m) {
      const MonthRow& row = row_at(m);
      if (row.assignment < 0 || row.assignment == last) continue;
      last = row.assignment;
      const Assignment& a = as[row.assignment];
      if (a.kind == AssignmentKind::interruption && !cap_of(a.interruption_reason))
        found.add(Severity::warning, "reason_without_cap", "", a.id,
                  "中断（" + std::string(interruption_reason_label_ja(a.interruption_reason)) +
                      "）にはこのプログラムの上限がないため、期限は延びません。",
                  m);
    }
  }

  // Gaps within the period.
  for (Month m = ev.start; m <= deadline;) {
    if (row_at(m).assignment >= 0) {
      ++m;
      continue;
    }
    Month e = m;
    while (e + 1 <= deadline && row_at(e + 1).assignment < 0) ++e;
    const bool past = e < ev.current;
    found.add(Severity::warning, "gap", "", "",
              format_month_ja(m) + "から" + format_month_ja(e) + "まで" + (past ? "勤務の記録がありません" : "予定がありません") +
                  "（" + mo(e - m + 1) + "）。",
              m);
    m = e + 1;
  }

  // The rules.
  for (const Rule& r : rules) {
    RuleStatus st;
    st.rule_id = r.id;
    st.kind = r.kind;
    st.deadline = deadline;
    const std::string code(rule_kind_code(r.kind));
    switch (r.kind) {
      case RuleKind::total_period:
      case RuleKind::shortage_months: {
        const Counts& c = r.kind == RuleKind::total_period ? total : shortage;
        const int req = r.kind == RuleKind::total_period ? required : r.months;
        const std::string_view noun = r.kind == RuleKind::total_period ? "対象期間の勤務" : "医師少数区域での勤務";
        st.required = req;
        st.served = c.served;
        st.projected = c.projected;
        st.state = minimum_state(req, c, deadline, ev.current);
        st.message = minimum_message(noun, req, c, deadline, st.state);
        if (st.state == RuleState::at_risk || st.state == RuleState::broken)
          found.add(severity_of(st.state), code, r.id, "", st.message, deadline);
        break;
      }
      case RuleKind::group_months: {
        std::unordered_map<std::string_view, Counts> by_facility;
        for (Month m = ev.start; m <= deadline; ++m) {
          const MonthRow& row = row_at(m);
          if (!row.counted) continue;
          const Assignment& a = as[row.assignment];
          if (a.facility_id.empty() || std::find(a.groups.begin(), a.groups.end(), r.group) == a.groups.end()) continue;
          Counts& c = by_facility[a.facility_id];
          ++c.projected;
          if (row.past) ++c.served;
        }
        Counts best;
        for (const auto& [_, c] : by_facility) {
          best.served = std::max(best.served, c.served);
          best.projected = std::max(best.projected, c.projected);
        }
        st.required = r.months;
        st.served = best.served;
        st.projected = best.projected;
        st.state = minimum_state(r.months, best, deadline, ev.current);
        const std::string noun = (r.group_name.empty() ? r.group : r.group_name) + "の1医療機関での勤務";
        st.message = minimum_message(noun, r.months, best, deadline, st.state, "最長");
        if (st.state == RuleState::at_risk || st.state == RuleState::broken)
          found.add(severity_of(st.state), code, r.id, "", st.message, deadline);
        break;
      }
      case RuleKind::posting_min_months: {
        // Postings: consecutive months at one facility in 勤務 or 専門研修; an interruption in between does not end
        // the posting (the doctor returns to the same hospital), anything else does.
        st.required = r.months;
        bool short_past = false, short_planned = false;
        int shortest = -1;
        for (Month m = lo; m <= hi;) {
          const MonthRow& row = row_at(m);
          const bool eligible = row.assignment >= 0 && (as[row.assignment].kind == AssignmentKind::work ||
                                                         as[row.assignment].kind == AssignmentKind::specialist_training) &&
                                !as[row.assignment].facility_id.empty();
          if (!eligible) {
            ++m;
            continue;
          }
          const std::string& facility = as[row.assignment].facility_id;
          const std::int32_t first = row.assignment;
          int months = 0;
          Month e = m, last_worked = m;
          for (; e <= hi; ++e) {
            const MonthRow& x = row_at(e);
            if (x.assignment >= 0 && as[x.assignment].kind == AssignmentKind::interruption) continue;
            if (x.assignment < 0 || !(as[x.assignment].kind == AssignmentKind::work ||
                                      as[x.assignment].kind == AssignmentKind::specialist_training) ||
                as[x.assignment].facility_id != facility)
              break;
            ++months;
            last_worked = e;
          }
          const Month begin = m;
          m = last_worked + 1;
          if (last_worked < ev.start || begin > deadline) continue;  // outside the obligation
          shortest = shortest < 0 ? months : std::min(shortest, months);
          if (months >= r.months) continue;
          const bool done = last_worked < ev.current;
          (done ? short_past : short_planned) = true;
          const std::string msg = as[first].facility_name + "での勤務が" + mo(months) + "です（" + format_month_ja(begin) +
                                  "〜" + format_month_ja(last_worked) + "、1医療機関" + mo(r.months) + "以上）。";
          found.add(done ? Severity::warning : Severity::violation, code, r.id, as[first].id, msg, begin);
        }
        st.served = st.projected = std::max(shortest, 0);
        st.state = short_past      ? RuleState::broken
                   : short_planned ? RuleState::at_risk
                   : ev.current > deadline ? RuleState::met
                                           : RuleState::on_track;
        if (st.state == RuleState::broken)
          st.message = "1医療機関" + mo(r.months) + "未満で終わった勤務があります（最短" + mo(shortest) + "）。";
        else if (st.state == RuleState::at_risk)
          st.message = "計画に1医療機関" + mo(r.months) + "未満の勤務があります（最短" + mo(shortest) + "）。";
        else
          st.message = "どの勤務も1医療機関" + mo(r.months) + "以上です。";
        break;
      }
      case RuleKind::out_of_prefecture_cap:
      case RuleKind::research_cap: {
        const Counts& c = r.kind == RuleKind::out_of_prefecture_cap ? out : research;
        const std::string_view noun = r.kind == RuleKind::out_of_prefecture_cap ? "県外・海外での勤務" : "大学院（研究のみ）";
        st.required = r.months;
        st.served = c.served;
        st.projected = c.projected;
        st.state = cap_state(r.months, c, deadline, ev.current);
        st.message = cap_message(noun, r.months, c, st.state);
        if (st.state == RuleState::at_risk || st.state == RuleState::broken)
          found.add(severity_of(st.state), code, r.id, "", st.message, deadline);
        break;
      }
      case RuleKind::interruption_cap: {
        const auto it = by_reason.find(r.reason);
        const Counts c = it == by_reason.end() ? Counts{} : it->second;
        const std::string label(interruption_reason_label_ja(r.reason));
        st.required = r.months;
        st.served = c.served;
        st.projected = c.projected;
        st.state = cap_state(r.months, c, deadline, ev.current);
        if (st.state == RuleState::broken || st.state == RuleState::at_risk) {
          const int n = st.state == RuleState::broken ? c.served : c.projected;
          st.message = std::string(st.state == RuleState::at_risk ? "計画では" : "") + "中断（" + label + "）が" + mo(n) +
                       "で、期限を延ばせる" + mo(r.months) + "を" + mo(n - r.months) + "超えます。超えた分は期限を延ばしません。";
          found.add(severity_of(st.state), code, r.id, "", st.message, deadline);
        } else {
          st.message = "中断（" + label + "）は" + mo(c.projected) + "です（期限の延長は" + mo(r.months) + "まで）。";
        }
        break;
      }
      case RuleKind::specialist_by_year: {
        const Month due = month_of(doctor.graduation_year + r.year, 3);
        st.deadline = due;
        st.required = r.months;
        st.served = specialist.served;
        // Specialist training planned after the due month does not help.
        int projected = 0;
        for (Month m = lo; m <= std::min(hi, due); ++m) {
          const MonthRow& row = row_at(m);
          if (row.assignment >= 0 && as[row.assignment].kind == AssignmentKind::specialist_training) ++projected;
        }
        st.projected = projected;
        if (doctor.specialist_certified_on) {
          const Day on = *doctor.specialist_certified_on;
          if (month_containing(on) <= due) {
            st.state = RuleState::met;
            st.message = "専門医資格を" + format_day_ja(on) + "に取得しています（期限" + format_month_ja(due) + "）。";
          } else {
            st.state = RuleState::broken;
            st.message = "専門医資格の取得（" + format_day_ja(on) + "）が期限" + format_month_ja(due) + "より後です。";
          }
          break;
        }
        if (ev.current > due) {
          st.state = RuleState::broken;
          st.message = "専門医資格が期限" + format_month_ja(due) + "までに取得されていません。";
        } else if (projected >= r.months) {
          st.state = RuleState::on_track;
          st.message = "専門医資格の期限は" + format_month_ja(due) + "です。計画では期限までに専門研修" + mo(projected) +
                       "で、必要な" + mo(r.months) + "を満たします。";
        } else {
          const int left = due - ev.current + 1;
          st.state = r.months - specialist.served > left ? RuleState::broken : RuleState::at_risk;
          st.message = "専門医資格の期限は" + format_month_ja(due) + "です。計画では期限までの専門研修が" + mo(r.months) +
                       "に対して" + mo(projected) + "です（" + mo(r.months - projected) + "不足）。";
        }
        if (st.state != RuleState::on_track) found.add(severity_of(st.state), code, r.id, "", st.message, due);
        break;
      }
    }
    ev.rules.push_back(std::move(st));
  }

  ev.findings = found.take();
  return ev;
}

}  // namespace kh::career_rules
