// The reasons of a score in Japanese: only for what is shown, never in the candidate loop.
#include "matching/fit.h"

#include <algorithm>

#include <cstdlib>

namespace kh::matching {
namespace {

//! 「約40km」: whole km below 10, then in fives — an estimate should not look more exact than it is.
std::string about_km(int km) {
  if (km >= 10) km = (km + 2) / 5 * 5;
  return "約" + std::to_string(std::max(1, km)) + "km";
}

//! Travel time by car from a road distance: slower in town (30 km/h) than between towns (50 km/h beyond 20 km).
std::string drive_time(int km) {
  const int minutes = km <= 20 ? km * 2 : 40 + (km - 20) * 6 / 5;
  if (minutes < 60) return "車で約" + std::to_string(std::max(5, (minutes + 4) / 5 * 5)) + "分";
  const int half_hours = (minutes + 15) / 30;
  return "車で約" + std::to_string(half_hours / 2) + (half_hours % 2 ? "時間半" : "時間");
}

const char* career_words(std::uint8_t career) {
  switch (career) {
    case 1: return "専門医取得の支援あり";
    case 2: return "復職を支援（ブランク可）";
    case 3: return "転科の支援あり";
    default: return "";
  }
}

}  // namespace

std::vector<Fit::Reason> Fit::reasons() const {
  struct Candidate { int weight; Part part; };
  std::vector<Candidate> order;
  for (int i = 0; i < n_parts; ++i) {
    const int delta = points[i] - part_neutral[i];
    if (std::abs(delta) >= 20) order.push_back({std::abs(delta), static_cast<Part>(i)});
  }
  // Strongest first; equal weights in the fixed order of the parts, so the same pair always reads the same.
  std::stable_sort(order.begin(), order.end(), [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
  std::vector<Reason> out;
  for (const auto& c : order) {
    if (out.size() == 3) break;
    const bool up = points[c.part] > part_neutral[c.part];
    std::string text;
    switch (c.part) {
      case parts::specialty:
        text = specialty_kind == 1 ? "希望診療科が一致" : specialty_kind == 2 ? "診療科の領域が一致"
             : specialty_kind == 3 ? "希望診療科と異なる" : "";
        break;
      case parts::distance:
        if (in_area) text = "希望の二次医療圏内";
        else if (road_km >= 0) text = "希望地域から" + about_km(road_km) + "（" + drive_time(road_km) + "）";
        break;
      case parts::experience:
        if (experience_required >= 0 && experience_years >= experience_required)
          text = "経験年数が条件を満たす（" + std::to_string(experience_required) + "年以上）";
        else if (experience_required >= 0 && experience_years >= 0)
          text = "経験年数が条件に" + std::to_string(experience_required - experience_years) + "年不足";
        else if (experience_required >= 0) text = "経験年数の記載なし";
        else if (experience_years >= 0) text = "経験" + std::to_string(experience_years) + "年";
        break;
      case parts::weekdays:
        if (days_asked > 0 && days_covered < days_asked)
          text = "勤務曜日" + std::to_string(days_asked) + "日のうち希望と合うのは" + std::to_string(days_covered) + "日";
        else if (days_asked > 0) text = "勤務曜日がすべて希望と一致";
        break;
      case parts::start:
        if (start_gap_days >= 0 && start_gap_days <= 14) text = "勤務開始日が希望に近い";
        else if (start_gap_days > 14) text = "勤務開始が希望の約" + std::to_string((start_gap_days + 15) / 30) + "か月後";
        break;
      case parts::style:
        text = full_time_match ? "常勤・非常勤が希望どおり" : "常勤・非常勤の希望と異なる";
        break;
      case parts::career:
        text = career_offered ? career_words(career) : "希望するキャリア支援の記載なし";
        break;
      case parts::activity:
        // Only as a caution: that the seeker was active lately says little to the seeker themselves.
        if (!up && inactive_days >= 0) text = "最近の更新なし（約" + std::to_string(std::max(1, inactive_days / 30)) + "か月）";
        break;
      case parts::urgency:
        if (up) text = immediate ? "緊急募集" : "新着";
        break;
      case parts::n_parts: break;
    }
    if (!text.empty()) out.push_back({std::move(text), up});
  }
  return out;
}

}  // namespace kh::matching
