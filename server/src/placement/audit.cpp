// The audit: re-checks an assignment from the definitions, sharing nothing with the solver (not its rank table,
// not its heaps, not its regional bookkeeping), so that a bug in one is not silently repeated by the other.
//
// Only pairs (d, h) with h above d's assignment in d's list can block, so those candidates are collected per
// hospital first (with each hospital's own assigned doctors); then each hospital's ranking is laid into a
// doctor-indexed position array once and every candidate of that hospital is judged with a couple of lookups.
#include <algorithm>

#include "placement/placement.h"

namespace kh::placement {

Audit audit(const Instance& in, Mechanism mechanism, std::span<const std::int32_t> assignment) {
  const auto R = in.regions(), H = in.hospitals(), D = in.doctors();
  Audit out;
  out.hospital_fill.assign(H, 0);
  out.region_fill.assign(R, 0);
  auto assigned_to = [&](std::int32_t d) {
    const auto h = d < static_cast<std::int32_t>(assignment.size()) ? assignment[d] : unmatched;
    return h >= 0 && h < H ? h : unmatched;
  };
  for (std::int32_t d = 0; d < D; ++d) {
    if (d < static_cast<std::int32_t>(assignment.size()) && assignment[d] != unmatched && assigned_to(d) == unmatched)
      out.unacceptable.push_back(d);  // not a hospital at all
    if (const auto h = assigned_to(d); h != unmatched) {
      ++out.hospital_fill[h];
      ++out.region_fill[in.hospital_region[h]];
    }
  }

  // Caps. Under jrmp a hospital's capacity is its target; da knows no regional caps.
  const auto& capacity = mechanism == Mechanism::jrmp ? in.hospital_target : in.hospital_capacity;
  for (std::int32_t h = 0; h < H; ++h)
    if (out.hospital_fill[h] > capacity[h]) out.over_capacity.push_back(h);
  if (mechanism != Mechanism::da)
    for (std::int32_t r = 0; r < R; ++r)
      if (out.region_fill[r] > in.region_cap[r]) out.over_cap.push_back(r);

  // Candidates per hospital: (doctor, true) for its assigned doctors, (doctor, false) for each doctor who ranks it
  // above their assignment — every hospital of their list when they are unmatched or placed at a hospital they
  // did not rank (which is itself unacceptable).
  struct Candidate { std::int32_t doctor; bool assigned; };
  auto each_candidate = [&](std::int32_t d, auto&& visit) {
    const auto h = assigned_to(d);
    const auto list = in.doctor_preferences(d);
    const auto at = h == unmatched ? list.end() : std::find(list.begin(), list.end(), h);
    if (h != unmatched) visit(h, true);
    for (auto it = list.begin(); it != at; ++it) visit(*it, false);
  };
  for (std::int32_t d = 0; d < D; ++d) {
    const auto h = assigned_to(d);
    const auto list = in.doctor_preferences(d);
    if (h != unmatched && std::find(list.begin(), list.end(), h) == list.end()) out.unacceptable.push_back(d);
  }
  std::vector<std::int32_t> start(static_cast<std::size_t>(H) + 1, 0);
  for (std::int32_t d = 0; d < D; ++d) each_candidate(d, [&](std::int32_t h, bool) { ++start[h + 1]; });
  for (std::int32_t h = 0; h < H; ++h) start[h + 1] += start[h];
  std::vector<Candidate> candidates(static_cast<std::size_t>(start.back()));
  {
    std::vector<std::int32_t> fill(start.begin(), start.end() - 1);
    for (std::int32_t d = 0; d < D; ++d)
      each_candidate(d, [&](std::int32_t h, bool assigned) { candidates[fill[h]++] = {d, assigned}; });
  }

  std::vector<std::int32_t> stamp(D, -1), position(D, 0);
  for (std::int32_t h = 0; h < H; ++h) {
    const auto list = in.hospital_preferences(h);
    for (std::int32_t p = 0; p < static_cast<std::int32_t>(list.size()); ++p) {
      stamp[list[p]] = h;
      position[list[p]] = p;
    }
    auto rank = [&](std::int32_t d) { return stamp[d] == h ? position[d] : -1; };
    // The hospital's worst assigned doctor (by its ranking); an assigned doctor it does not rank is unacceptable.
    std::int32_t worst = -1;
    for (auto i = start[h]; i < start[h + 1]; ++i) {
      if (!candidates[i].assigned) continue;
      const auto r = rank(candidates[i].doctor);
      if (r < 0) out.unacceptable.push_back(candidates[i].doctor);
      else worst = std::max(worst, r);
    }
    const auto fill = out.hospital_fill[h];
    const auto g = in.hospital_region[h];
    for (auto i = start[h]; i < start[h + 1]; ++i) {
      if (candidates[i].assigned) continue;
      const auto d = candidates[i].doctor;
      const auto r = rank(d);
      if (r < 0) continue;  // h does not rank d: no pair
      // d prefers h to their assignment; the pair blocks in the ordinary sense when h has a free seat or would
      // rather have d than one of its doctors. Under fda the seats are the real capacities (targets are not caps).
      const bool prefers_d = r < worst;
      if (!(fill < capacity[h] || prefers_d)) continue;
      if (mechanism == Mechanism::fda && !prefers_d && out.region_fill[g] >= in.region_cap[g]) {
        // Kamada–Kojima: h only has a free seat and its region is at the cap. Taking d is justified only if d
        // comes from the same region and the move makes the two hospitals' numbers beyond target more even:
        // after it h would have fill+1-target, d's hospital its fill-1-target.
        const auto from = assigned_to(d);
        if (from == unmatched || in.hospital_region[from] != g) continue;
        const auto after_h = fill + 1 - in.hospital_target[h];
        const auto after_from = out.hospital_fill[from] - 1 - in.hospital_target[from];
        if (after_h > after_from) continue;
      }
      out.blocking_pairs.push_back({d, h});
    }
  }
  std::sort(out.unacceptable.begin(), out.unacceptable.end());
  out.unacceptable.erase(std::unique(out.unacceptable.begin(), out.unacceptable.end()), out.unacceptable.end());
  std::sort(out.blocking_pairs.begin(), out.blocking_pairs.end(),
            [](const BlockingPair& a, const BlockingPair& b) { return a.doctor != b.doctor ? a.doctor < b.doctor : a.hospital < b.hospital; });
  return out;
}

}  // namespace kh::placement
