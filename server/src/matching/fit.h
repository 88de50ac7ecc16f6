#pragma once
// How well one seeker fits one posting : a score from 0 to 100 made of nine parts, each
// worth a stated number of points, and the facts the reasons are worded from. Computed in tenths of a point so
// that near neighbours still differ (fewer ties); shown rounded to whole points.
//
// The parts and their maximum (in points; the sum is 100):
//   specialty 25 · distance 20 · experience 15 · weekdays 8 · start date 7 · work style 8 · career support 7 ·
//   recent activity 5 · urgency 5
// Each part also has a neutral value (what a pair tells nothing about gets): the reasons shown are the two or
// three parts furthest from neutral, in either direction.
//
// The same pair always gets the same score and reasons, from whichever side it is looked at: both directions of
// the engine call evaluate() with the same inputs. A masked posting's place is never used (its distance part is
// neutral), so neither the score nor a reason can tell a seeker where it is.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kh::matching {

namespace parts {
enum Part : std::uint8_t { specialty, distance, experience, weekdays, start, style, career, activity, urgency, n_parts };
}
using parts::Part;
using parts::n_parts;

//! Maximum and neutral value of each part, in tenths of a point.
constexpr std::array<int, n_parts> part_max = {250, 200, 150, 80, 70, 80, 70, 50, 50};
constexpr std::array<int, n_parts> part_neutral = {150, 120, 90, 60, 50, 55, 40, 30, 25};

//! The facts behind a score, for wording its reasons, sorting and filtering.
struct Fit {
  int total = 0;  //!< tenths of a point, 0..1000
  std::array<std::int16_t, n_parts> points{};
  std::uint8_t specialty_kind = 0;  //!< 0 posting names none, 1 exact, 2 same basic area, 3 other, 4 seeker names none
  bool in_area = false;
  std::int16_t road_km = -1;        //!< estimated road distance; -1 unknown (masked posting, no areas named)
  std::int8_t experience_required = -1, experience_years = -1;
  std::uint8_t days_asked = 0, days_covered = 0;
  std::int32_t start_gap_days = -1;  //!< -1 when the seeker is available any day
  std::uint8_t career = 0;           //!< the seeker's wish (1 specialist, 2 return, 3 change)
  bool career_offered = false, full_time_match = false, immediate = false;
  std::int32_t inactive_days = -1;

  int score() const { return (total + 5) / 10; }
  struct Reason { std::string text; bool positive; };
  //! The two or three parts furthest from neutral, in Japanese, strongest first.
  std::vector<Reason> reasons() const;
};

}  // namespace kh::matching
