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
  std::uint64_t prefectures = 0; // bit p for prefecture p
  std::array<std::int16_t, max_list> specialties{}, basics{}, areas{};
};

struct Vocabulary {
  const reference::Catalogue& catalogue;
  Interner specialties, areas;
  std::unordered_map<std::string, std::uint8_t> categories;
};

PostingFacts compile_posting(const postings::Posting& p, Vocabulary& v);
SeekerFacts compile_seeker(const boost::json::object& profile, Vocabulary& v);

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
  PostingScore(const PostingFacts& p, int today);
  int base = 10;                  //!< every hard condition met, plus urgency and recency
  std::uint16_t base_bits = 0;
  std::int32_t near_from = 0;     //!< a seeker available from this day on starts within 14 days of wishing to
  std::uint8_t career_offer = 0;
  bool full_time = false;
};

//! The score from what every seeker has (career wish, first available day, full-time wish). Inline and free of
//! branches on the seeker's values: the candidate lists stream through it, and data-dependent branches there
//! mispredict on about every other seeker.
inline int score_common(const PostingScore& ps, std::uint8_t career, std::int32_t available_day, bool full_time,
                        std::uint16_t& reason_bits) {
  // career 1 specialist, 2 return, 3 change ↔ offer bits 0, 1, 2 ↔ reasons 2, 3, 4.
  static constexpr std::uint8_t offer_bit[4] = {0, 1, 2, 4};
  const unsigned career_fit = (ps.career_offer & offer_bit[career & 3]) != 0;
  const unsigned near = available_day >= ps.near_from;  // INT_MIN ("any day") is never near
  const unsigned same_time = full_time == ps.full_time;
  reason_bits = static_cast<std::uint16_t>(ps.base_bits | (career_fit << (1 + (career & 3))) | (near << 7) | (same_time << 9));
  return ps.base + 15 * static_cast<int>(career_fit) + 10 * static_cast<int>(near) + 5 * static_cast<int>(same_time);
}

//! The score and the bits of its reasons (see Scored::reasons); only for a pair that meets the hard conditions.
int score(const PostingFacts& p, const PostingScore& ps, const SeekerFacts& s, std::uint16_t& reason_bits);
inline int score(const PostingFacts& p, const SeekerFacts& s, int today, std::uint16_t& reason_bits) {
  return score(p, PostingScore(p, today), s, reason_bits);
}

}  // namespace kh::matching
