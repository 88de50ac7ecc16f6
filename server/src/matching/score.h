#pragma once
// The score of a pair (fit.h says what it is made of), inline: the candidate loops of the engine call it for
// every seeker that meets a posting's hard conditions. Private to matching/.
#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cmath>

#include "matching/facts.h"
#include "matching/fit.h"

namespace kh::matching {

//! What a seeker brings to scoring: from the list entry alone, or with the full facts for specialties and areas.
struct SeekerView {
  std::int32_t available_day = INT_MIN;
  std::uint16_t active_day = 0;  //!< days since 1970 of the last profile update; 0 unknown
  std::int8_t experience = -1;   //!< years; -1 unknown
  std::uint8_t weekdays = 0;
  std::uint8_t career = 0;
  bool night_ok = false, full_time = false;
  const SeekerFacts* full = nullptr;  //!< only when the seeker names specialties or areas
};

inline SeekerView view_of(const SeekerFacts& s) {
  const bool needs_full = s.n_specialties > 0 || s.n_areas > 0;
  return {s.available_day, s.active_day, s.experience, s.weekdays, s.career, s.night_ok, s.full_time, needs_full ? &s : nullptr};
}

//! Straight-line distance in km between two positions (equirectangular: exact enough within Japan at these
//! distances, and a fraction of the cost of the haversine formula in the candidate loop).
inline float straight_km(float lat1, float lon1, float lat2, float lon2) {
  const float k = std::cos((lat1 + lat2) * 0.5f * 0.0174533f);
  const float dx = (lon1 - lon2) * k * 111.32f, dy = (lat1 - lat2) * 110.57f;
  return std::sqrt(dx * dx + dy * dy);
}
//! Roads are not straight: a factor of 1.3 is the usual detour index for Japanese road networks.
constexpr float detour_index = 1.3f;

//! The number of days in a weekday mask, from a table: the build targets any x86-64, whose std::popcount is a
//! loop of shifts and masks (no POPCNT instruction), run for every candidate.
inline int day_count(std::uint8_t days) {
  static constexpr auto table = [] {
    std::array<std::uint8_t, 128> t{};
    for (int i = 0; i < 128; ++i) t[i] = static_cast<std::uint8_t>(std::popcount(static_cast<unsigned>(i)));
    return t;
  }();
  return table[days & 127];
}

// The parts that depend on the seeker's list entry, one function each: evaluate() and the per-posting tables of
// the candidate loop (EntryTables) both use them, so the two cannot disagree.
inline int experience_points(const PostingFacts& p, int years) {
  // Against the posting's requirement (「経験5年以上」), or on its own when none is stated.
  if (p.experience_min >= 0) {
    if (years < 0) return 50;
    if (years >= p.experience_min) return 130 + std::min(20, 4 * (years - p.experience_min));
    return std::max(0, 100 - 30 * (p.experience_min - years));
  }
  return years < 0 ? 60 : 60 + std::min(90, 6 * years);
}
//! How many of the posting's days the seeker can take.
inline int weekday_points(const PostingScore& ps, std::uint8_t posting_days, std::uint8_t seeker_days) {
  return seeker_days == 0 ? 80 : ps.days_points[day_count(static_cast<std::uint8_t>(posting_days & seeker_days))];
}
//! The closer the start to the day the seeker is available from, the better; `gap` -1: available any day.
inline int start_points(std::int32_t gap) { return gap < 0 ? 50 : gap <= 14 ? 70 : std::max(10, 70 - (gap - 14) / 3); }
//! Full/part time as wished; a posting without night duty suits more people.
inline int style_points(const PostingFacts& p, bool full_time) { return (full_time == p.full_time ? 50 : 0) + (p.night_duty ? 10 : 30); }
//! The kind of career support the seeker asked for, offered in the posting's text.
inline bool career_offered(const PostingFacts& p, std::uint8_t career) {
  static constexpr std::uint8_t offer_bit[4] = {0, 1, 2, 4};
  return (p.career_offer & offer_bit[career & 3]) != 0;
}
inline int career_points(const PostingFacts& p, std::uint8_t career) { return career == 0 ? 40 : career_offered(p, career) ? 70 : 10; }
//! A seeker who updated their wishes lately is likelier to answer; -1 when unknown.
inline int inactive_days(int today, std::uint16_t active_day) { return active_day == 0 ? -1 : std::max(0, today - active_day); }
inline int activity_points(int inactive) { return inactive < 0 ? 20 : std::max(0, 50 - inactive / 4); }
//! Urgency, and a new posting.
inline int urgency_points(const PostingFacts& p, const PostingScore& ps) { return (p.immediate ? 40 : 15) + (ps.is_new ? 10 : 0); }

//! The score of a pair that meets the hard conditions; with Detail, also the facts of every part.
template <bool Detail>
inline int evaluate(const PostingFacts& p, const PostingScore& ps, const SeekerView& s, const Vocabulary& v, Fit* fit) {
  int pts[n_parts];
  // Specialty: exact > same basic area > other; a posting or seeker naming none is near neutral.
  std::uint8_t spec_kind = 0;
  if (p.specialty < 0) pts[parts::specialty] = 150;
  else if (!s.full || s.full->n_specialties == 0) { pts[parts::specialty] = 120; spec_kind = 4; }
  else {
    const auto& f = *s.full;
    const auto* sb = f.specialties.begin();
    if (std::find(sb, sb + f.n_specialties, p.specialty) != sb + f.n_specialties) { pts[parts::specialty] = 250; spec_kind = 1; }
    else if (std::find(f.basics.begin(), f.basics.begin() + f.n_basics, p.basic) != f.basics.begin() + f.n_basics) { pts[parts::specialty] = 190; spec_kind = 2; }
    else { pts[parts::specialty] = 40; spec_kind = 3; }
  }
  // Distance: from the nearest preferred 二次医療圏 to the workplace, as an estimated road distance.
  bool in_area = false;
  int road = -1;
  if (!p.has_point) pts[parts::distance] = 120;
  else if (!s.full || s.full->n_areas == 0) pts[parts::distance] = 140;  // anywhere in the preferred prefectures
  else {
    const auto& f = *s.full;
    float best = 1e9f;
    for (int i = 0; i < f.n_areas; ++i) {
      const auto a = f.areas[i];
      if (a == p.area && a >= 0) in_area = true;
      if (a >= 0 && static_cast<std::size_t>(a) < v.area_points.size() && v.area_points[a].known)
        best = std::min(best, straight_km(v.area_points[a].lat, v.area_points[a].lon, p.lat, p.lon) * detour_index);
    }
    if (best < 1e8f) road = static_cast<int>(best + 0.5f);
    if (in_area) pts[parts::distance] = 200;
    else if (road < 0) pts[parts::distance] = 120;
    // 1.5 points a km up to 60 km (a commute), then half a point a km down to 10 points at 240 km.
    else pts[parts::distance] = road <= 60 ? 190 - road * 3 / 2 : std::max(10, 100 - (road - 60) / 2);
  }
  pts[parts::experience] = experience_points(p, s.experience);
  pts[parts::weekdays] = weekday_points(ps, p.weekdays, s.weekdays);
  const std::int32_t gap = s.available_day == INT_MIN ? -1 : p.start_day - s.available_day;
  pts[parts::start] = start_points(gap);
  pts[parts::style] = style_points(p, s.full_time);
  pts[parts::career] = career_points(p, s.career);
  const int inactive = inactive_days(ps.today, s.active_day);
  pts[parts::activity] = activity_points(inactive);
  pts[parts::urgency] = urgency_points(p, ps);

  int total = 0;
  for (int x : pts) total += x;
  if constexpr (Detail) {
    fit->total = total;
    for (int i = 0; i < n_parts; ++i) fit->points[i] = static_cast<std::int16_t>(pts[i]);
    fit->specialty_kind = spec_kind;
    fit->in_area = in_area;
    fit->road_km = static_cast<std::int16_t>(std::min(road, 9999));
    fit->experience_required = p.experience_min;
    fit->experience_years = s.experience;
    fit->days_asked = static_cast<std::uint8_t>(s.weekdays == 0 ? 0 : day_count(p.weekdays));
    fit->days_covered = static_cast<std::uint8_t>(day_count(static_cast<std::uint8_t>(p.weekdays & s.weekdays)));
    fit->start_gap_days = gap;
    fit->career = s.career;
    fit->career_offered = career_offered(p, s.career);
    fit->full_time_match = s.full_time == p.full_time;
    fit->immediate = p.immediate;
    fit->inactive_days = inactive;
  }
  return total;
}

//! The score of a seeker naming neither specialties nor areas, from its list entry alone, as look-ups in tables
//! made once per posting: the candidate loop adds five numbers where evaluate() would work out every part per
//! seeker. Each table entry is the part function above (the same ones evaluate() calls) at that value, so both
//! give the same total for every entry; the unit tests check that over every value an entry can hold.
struct EntryTables {
  static constexpr int gap_cap = 200;       //!< start_points is 10 from a gap of 194 days on
  static constexpr int inactive_cap = 200;  //!< activity_points is 0 from 200 days on

  EntryTables(const PostingFacts& p, const PostingScore& ps) : today(ps.today), start_day(p.start_day) {
    // Without the full facts the specialty and distance parts are the ones evaluate() gives a seeker naming none.
    base = urgency_points(p, ps) + (p.specialty < 0 ? 150 : 120) + (p.has_point ? 140 : 120);
    for (int i = 0; i < 256; ++i) experience[i] = static_cast<std::int16_t>(experience_points(p, static_cast<std::int8_t>(i)));
    for (int d = 0; d < 256; ++d)
      weekdays[d] = static_cast<std::int16_t>(weekday_points(ps, p.weekdays, static_cast<std::uint8_t>(d)));
    for (int f = 0; f < 8; ++f)  // bit 0 full time, bits 1-2 career
      style_career[f] = static_cast<std::int16_t>(style_points(p, (f & 1) != 0) + career_points(p, static_cast<std::uint8_t>(f >> 1)));
    for (int g = -1; g <= gap_cap; ++g) start[g + 1] = static_cast<std::int16_t>(start_points(g));
    for (int d = -1; d <= inactive_cap; ++d) activity[d + 1] = static_cast<std::int16_t>(activity_points(d));
  }

  //! evaluate() of the same seeker without full facts, in tenths of a point.
  int total(std::int32_t available_day, std::uint16_t active_day, std::int8_t years, std::uint8_t days,
            std::uint8_t career, bool full_time) const {
    const std::int64_t gap = available_day == INT_MIN ? -1 : std::int64_t{start_day} - available_day;
    const int inactive = active_day == 0 ? -1 : std::clamp(today - static_cast<int>(active_day), 0, inactive_cap);
    return base + experience[static_cast<std::uint8_t>(years)] + weekdays[days] +
           style_career[(full_time ? 1 : 0) | ((career & 3) << 1)] +
           start[std::clamp<std::int64_t>(gap, -1, gap_cap) + 1] + activity[inactive + 1];
  }

  int today;
  std::int32_t start_day;
  int base;
  std::int16_t experience[256];  //!< by the byte of the years (-1 unknown)
  std::int16_t weekdays[256];
  std::int16_t style_career[8];
  std::int16_t start[gap_cap + 2];         //!< by gap + 1 (0: available any day or after the start)
  std::int16_t activity[inactive_cap + 2]; //!< by inactive days + 1 (0: unknown)
};

}  // namespace kh::matching
