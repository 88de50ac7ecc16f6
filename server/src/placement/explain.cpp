// Reasons per doctor, for the round's preview: 「〇〇病院は定員に達し、あなたより上位の医師で埋まりました」 and its
// siblings. The reason is read off the assignment (fill, worst kept rank, regional fill), so it is the same
// whichever way the assignment was reached; a pair that fits no reason is reported as blocking.
#include <algorithm>

#include "placement/detail.h"
#include "placement/placement.h"

namespace kh::placement {

std::string_view reason_code(Reason r) {
  switch (r) {
    case Reason::not_ranked: return "not_ranked";
    case Reason::no_seats: return "no_seats";
    case Reason::filled: return "filled";
    case Reason::region_cap: return "region_cap";
    case Reason::blocking: return "blocking";
  }
  return "blocking";
}

Explainer::Explainer(const Instance& instance, Mechanism mechanism, std::span<const std::int32_t> assignment)
    : instance_(instance), mechanism_(mechanism), assignment_(assignment),
      entry_rank_(detail::doctor_entry_ranks(instance)), fill_(instance.hospitals(), 0),
      worst_(instance.hospitals(), -1), region_fill_(instance.regions(), 0) {
  for (std::int32_t d = 0; d < instance.doctors(); ++d) {
    const auto h = d < static_cast<std::int32_t>(assignment.size()) ? assignment[d] : unmatched;
    if (h < 0 || h >= instance.hospitals()) continue;
    ++fill_[h];
    ++region_fill_[instance.hospital_region[h]];
    for (auto e = instance.doctor_pref_start[d]; e < instance.doctor_pref_start[d + 1]; ++e)
      if (instance.doctor_prefs[e] == h) worst_[h] = std::max(worst_[h], entry_rank_[e]);
  }
}

namespace {

const std::string& name_of(std::span<const std::string> names, const std::vector<std::string>& ids, std::int32_t i) {
  return i < static_cast<std::int32_t>(names.size()) && !names[i].empty() ? names[i] : ids[i];
}

//! 「県央」→「県央区域」; a name that already says what it is (…区域, …医療圏, …地域) is left as it is.
std::string region_phrase(const std::string& name) {
  for (std::string_view suffix : {"区域", "圏", "地域"})
    if (name.ends_with(suffix)) return name;
  return name + "区域";
}

}  // namespace

std::vector<Explanation> Explainer::explain(std::int32_t d, const DisplayNames& names) const {
  const auto& in = instance_;
  const auto assigned = d < static_cast<std::int32_t>(assignment_.size()) ? assignment_[d] : unmatched;
  const auto& capacity = mechanism_ == Mechanism::jrmp ? in.hospital_target : in.hospital_capacity;
  std::vector<Explanation> out;
  for (auto e = in.doctor_pref_start[d]; e < in.doctor_pref_start[d + 1]; ++e) {
    const auto h = in.doctor_prefs[e];
    if (h == assigned) break;
    const auto& hospital = name_of(names.hospitals, in.hospital_ids, h);
    const auto rank = entry_rank_[e];
    const auto g = in.hospital_region[h];
    Explanation x{h, Reason::blocking, {}};
    if (rank < 0) {
      x.reason = Reason::not_ranked;
      x.message = hospital + "の順位表にありません";
    } else if (capacity[h] == 0) {
      x.reason = Reason::no_seats;
      x.message = hospital + "には受入枠がありません";
    } else if (fill_[h] >= capacity[h] && worst_[h] < rank) {
      x.reason = Reason::filled;
      x.message = hospital + "は定員に達し、あなたより上位の医師で埋まりました";
    } else if (mechanism_ == Mechanism::fda && worst_[h] < rank && region_fill_[g] >= in.region_cap[g]) {
      // A seat was free and the hospital would have taken the doctor, but the region was at its cap. (Within the
      // same region a move that would even out the numbers beyond target is not excused: that is a blocking pair.)
      const auto from = assigned >= 0 && assigned < in.hospitals() ? assigned : unmatched;
      const bool excused = from == unmatched || in.hospital_region[from] != g ||
                           fill_[h] + 1 - in.hospital_target[h] > fill_[from] - 1 - in.hospital_target[from];
      if (excused) {
        x.reason = Reason::region_cap;
        x.message = region_phrase(name_of(names.regions, in.region_ids, g)) + "の上限に達しました";
      }
    }
    if (x.reason == Reason::blocking)
      x.message = hospital + "との組合せは安定性の条件を満たしていません（確認が必要です）";
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace kh::placement
