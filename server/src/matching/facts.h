#pragma once
// Compact facts for matching (private to matching/). Strings become small integers once, at update time,
// so a query compares integers and bitmasks only.
#include <array>
#include <climits>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace boost::json { class object; }
namespace kh::reference { class Catalogue; }
namespace kh::postings { struct Posting; }

namespace kh::matching {

//! Interns specialties and areas as small integers; remembers each area's prefecture and each specialty's basic area.
class Interner {
 public:
  std::int16_t id(const std::string& s);
  std::int16_t find(const std::string& s) const;  //!< -1 when unknown
  std::vector<std::int16_t> parent;               //!< specialty → basic area id, area → prefecture number
 private:
  std::unordered_map<std::string, std::int16_t> ids_;
};

struct PostingFacts {
  bool live = false;
  bool masked = false;
  bool night_duty = false, immediate = false, full_time = false;
  std::uint8_t category = 0;     // index into the catalogue's categories
  std::uint8_t employment = 0;   // 0 permanent, 1 fixed_term, 2 spot
  std::uint8_t weekdays = 0;     // bit 0 = Monday
  std::uint8_t prefecture = 0;   // 1..47
  std::uint8_t career_offer = 0; // bit 0 専門医取得, bit 1 復職, bit 2 転科
  std::int16_t specialty = -1, basic = -1, area = -1;
  std::int16_t period_months = 0;  // 0 = open-ended
  std::int32_t start_day = 0, published_day = 0;
  std::int8_t experience_min = -1;  // years the requirements ask for (「経験5年以上」); -1 none stated
  bool has_point = false;           // the workplace's position is known and may be used (never when masked)
  float lat = 0, lon = 0;
};

struct SeekerFacts {
  static constexpr int max_list = 6;
  bool live = false;
  bool night_ok = false, full_time = false;
  std::uint8_t employment = 0;   // bitmask
  std::uint8_t weekdays = 0;
  std::uint8_t career = 0;       // 0 none, 1 specialist, 2 return, 3 change
  std::uint8_t n_specialties = 0, n_basics = 0, n_areas = 0;
  std::uint16_t categories = 0;  // bitmask over category indexes
  std::int16_t period_max = 0;   // 0 = any
  std::int32_t available_day = INT_MIN;
  std::int8_t experience = -1;   // years; -1 unknown
  std::uint16_t active_day = 0;  // days since 1970 of the last profile update; 0 unknown
  std::uint64_t prefectures = 0; // bit p for prefecture p
  std::array<std::int16_t, max_list> specialties{}, basics{}, areas{};
};

//! A 二次医療圏's position for distances: the mean of its municipalities' office positions.
struct AreaPoint { bool known = false; float lat = 0, lon = 0; };

struct Vocabulary {
  const reference::Catalogue& catalogue;
  Interner specialties, areas;
  std::unordered_map<std::string, std::uint8_t> categories;
  std::vector<AreaPoint> area_points;  //!< by area id
};

PostingFacts compile_posting(const postings::Posting& p, Vocabulary& v);
//! `active_ms`: when the seeker last updated the profile (0 unknown), for the recent-activity part of the score.
SeekerFacts compile_seeker(const boost::json::object& profile, std::int64_t active_ms, Vocabulary& v);

//! The hard conditions on the schedule (period, weekdays, night duty), free of branches: both directions of the
//! engine stream their candidate lists through it, where a branch would mispredict on about every other entry.
inline bool schedule_fits(int period_months, std::uint8_t posting_days, bool night_duty, int period_max,
                          std::uint8_t seeker_days, bool night_ok) {
  const bool period = (period_months <= 0) | (period_max <= 0) | (period_months <= period_max);
  const bool days = (posting_days == 0) | (seeker_days == 0) | ((posting_days & seeker_days) != 0);
  return period & days & (!night_duty | night_ok);
}

//! Every hard condition of SPEC.md; the bitset pre-filter has already checked category, prefecture, employment.
bool meets_hard_conditions(const PostingFacts& p, const SeekerFacts& s, const Vocabulary& v);
//! The parts of a score that depend on the posting alone, worked out once per query rather than per seeker.
struct PostingScore {
  PostingScore(const PostingFacts& p, int today) : today(today), is_new(today - p.published_day <= 7) {
    // The weekdays part by the number of the posting's days a seeker covers: a table, not a division per seeker.
    const int asked = __builtin_popcount(p.weekdays);
    for (int covered = 0; covered < 8; ++covered) days_points[covered] = static_cast<std::int16_t>(asked == 0 ? 80 : 80 * covered / asked);
  }
  int today;
  bool is_new;  //!< published within the last 7 days
  std::int16_t days_points[8];
};

}  // namespace kh::matching
