// The 優先訪問先リスト (workenv_hours.h): points per computed reason, each with its Japanese sentence.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "workenv_hours/workenv_hours.h"

namespace kh::workenv_hours {

std::string_view reason_code(ReasonCode code) {
  switch (code) {
    case ReasonCode::projected_over_cap: return "projected_over_cap";
    case ReasonCode::interview_gap: return "interview_gap";
    case ReasonCode::measures_required: return "measures_required";
    case ReasonCode::evaluation_due: return "evaluation_due";
    case ReasonCode::plan_review_due: return "plan_review_due";
    case ReasonCode::no_recent_visit: return "no_recent_visit";
    case ReasonCode::open_cases: return "open_cases";
    case ReasonCode::manual: return "manual";
  }
  return "manual";
}

namespace {

// 「2027年1月26日」 of days since 1970-01-01 (the weekday is left out: the list is read as a sentence).
std::string date_ja(std::int64_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%d年%u月%u日", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string n(std::int64_t v) { return std::to_string(v); }

}  // namespace

std::vector<Priority> rank(std::span<const HospitalFacts> hospitals, std::int64_t today) {
  std::vector<Priority> out;
  out.reserve(hospitals.size());
  for (std::size_t i = 0; i < hospitals.size(); ++i) {
    const HospitalFacts& h = hospitals[i];
    Priority p{static_cast<std::int32_t>(i), 0, {}};
    auto add = [&](ReasonCode code, std::int32_t points, std::string text) {
      p.reasons.push_back({code, points, std::move(text)});
      p.score += points;
    };
    if (h.hours.projected_over_cap > 0)
      add(ReasonCode::projected_over_cap, 40 + 5 * std::min(h.hours.projected_over_cap, 20),
          "年間の上限を超える見込みの医師が" + n(h.hours.projected_over_cap) + "人います");
    if (h.hours.interview_gaps > 0)
      add(ReasonCode::interview_gap, 30 + 5 * std::min(h.hours.interview_gaps, 20),
          "月100時間以上で面接指導が済んでいない医師が" + n(h.hours.interview_gaps) + "人います");
    if (h.hours.over_155 > 0)
      add(ReasonCode::measures_required, 20 + 5 * std::min(h.hours.over_155, 20),
          "月155時間以上で就業上の措置が必要な医師が" + n(h.hours.over_155) + "人います");
    if (h.evaluation_due) {
      const std::int64_t left = *h.evaluation_due - today;
      if (left < 0)
        add(ReasonCode::evaluation_due, 30, "評価受審の期限（" + date_ja(*h.evaluation_due) + "）を過ぎています");
      else if (left <= evaluation_lead_days)
        add(ReasonCode::evaluation_due, 20,
            "評価受審の期限（" + date_ja(*h.evaluation_due) + "）まであと" + n(left) + "日です");
    }
    if (h.plan_review_due) {
      const std::int64_t left = *h.plan_review_due - today;
      if (left < 0)
        add(ReasonCode::plan_review_due, 15,
            "時短計画の見直し期限（" + date_ja(*h.plan_review_due) + "）を過ぎています");
      else if (left <= plan_review_lead_days)
        add(ReasonCode::plan_review_due, 10,
            "時短計画の見直し期限（" + date_ja(*h.plan_review_due) + "）まであと" + n(left) + "日です");
    }
    if (!h.last_visit)
      add(ReasonCode::no_recent_visit, 10, "訪問の記録がありません");
    else if (today - *h.last_visit > visit_interval_days)
      add(ReasonCode::no_recent_visit, 10, "最後の訪問（" + date_ja(*h.last_visit) + "）から1年以上たっています");
    if (h.open_cases > 0)
      add(ReasonCode::open_cases, 5 * std::min(h.open_cases, 4), "対応中の案件が" + n(h.open_cases) + "件あります");
    if (h.manual_points != 0) {
      std::string text = h.manual_points > 0 ? "センターが優先度を引き上げました" : "センターが優先度を引き下げました";
      if (!h.manual_note.empty()) text += "：" + h.manual_note;
      add(ReasonCode::manual, h.manual_points, std::move(text));
    }
    if (p.score <= 0) continue;
    std::stable_sort(p.reasons.begin(), p.reasons.end(),
                     [](const Reason& a, const Reason& b) { return a.points > b.points; });
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [&](const Priority& a, const Priority& b) {
    if (a.score != b.score) return a.score > b.score;
    const auto& ha = hospitals[a.index];
    const auto& hb = hospitals[b.index];
    if (ha.hours.at_risk != hb.hours.at_risk) return ha.hours.at_risk > hb.hours.at_risk;
    return ha.hospital_id < hb.hospital_id;
  });
  return out;
}

}  // namespace kh::workenv_hours
