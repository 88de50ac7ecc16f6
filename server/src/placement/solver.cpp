// The three mechanisms as one doctor-proposing loop. A doctor proposes down their list; each proposal is answered
// at once and a doctor a hospital lets go continues from where they were, so the work is one pass over the
// proposals. With substitutable choice (a hospital's, or for fda a region's) the result does not depend on the
// order of proposals (Hatfield–Milgrom 2005), which is what lets fda run one proposal at a time instead of in
// the paper's simultaneous rounds; the unit tests compare it with a literal round-by-round version.
//
// Layout: every hospital holds the ranks (its own ranking positions) of the doctors it keeps in a max-heap carved
// out of one flat array, so its worst kept doctor is the top. A doctor's entry carries the hospital's rank of
// them, worked out once (detail::doctor_entry_ranks), so a proposal touches no map and no string.
#include <algorithm>
#include <bit>

#include "placement/detail.h"
#include "placement/placement.h"

namespace kh::placement {
namespace {

//! Per-hospital max-heaps of kept ranks in one array.
class Holdings {
 public:
  Holdings(const Instance& in, const std::vector<std::int32_t>& entry_rank, const std::vector<std::int32_t>& cap)
      : size_(in.hospitals(), 0), slots_(in.hospitals(), 0), start_(static_cast<std::size_t>(in.hospitals()) + 1, 0) {
    // A hospital never keeps more doctors than it has acceptable proposers, so the heaps are sized by
    // min(capacity, proposers): an absurd capacity in the input costs nothing.
    for (std::size_t e = 0; e < entry_rank.size(); ++e)
      if (entry_rank[e] >= 0) ++slots_[in.doctor_prefs[e]];
    for (std::int32_t h = 0; h < in.hospitals(); ++h) {
      slots_[h] = std::min(slots_[h], cap[h]);
      start_[h + 1] = start_[h] + slots_[h];
    }
    heap_.resize(static_cast<std::size_t>(start_.back()));
  }
  std::int32_t size(std::int32_t h) const { return size_[h]; }
  std::int32_t slots(std::int32_t h) const { return slots_[h]; }
  std::int32_t worst(std::int32_t h) const { return heap_[start_[h]]; }  //!< requires size(h) > 0
  void push(std::int32_t h, std::int32_t rank) {
    auto* heap = heap_.data() + start_[h];
    heap[size_[h]++] = rank;
    std::push_heap(heap, heap + size_[h]);
  }
  //! Removes the worst kept rank and returns it.
  std::int32_t pop(std::int32_t h) {
    auto* heap = heap_.data() + start_[h];
    std::pop_heap(heap, heap + size_[h]);
    return heap[--size_[h]];
  }
  //! Puts `rank` in place of the worst (which it must beat) and returns the worst.
  std::int32_t replace_worst(std::int32_t h, std::int32_t rank) {
    auto* heap = heap_.data() + start_[h];
    const auto n = size_[h], out = heap[0];
    std::int32_t i = 0;  // sift the new rank down from the root
    for (;;) {
      auto child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heap[child + 1] > heap[child]) ++child;
      if (heap[child] <= rank) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = rank;
    return out;
  }
  template <class F>
  void each(std::int32_t h, F&& f) const {
    for (auto i = start_[h]; i < start_[h] + size_[h]; ++i) f(heap_[i]);
  }

 private:
  std::vector<std::int32_t> size_, slots_, start_, heap_;
};

//! FDA's regional state. Beyond the targets, a region's seats go round-robin: turn j of the hospital at
//! position i in the region's order is the slot (j, i), and the region keeps exactly its remaining-cap smallest
//! slots, in that lexicographic order, among those its hospitals can fill. So only the largest slot taken matters
//! when the region is at its cap: a new slot smaller than it displaces it. Each region keeps the largest taken
//! slot of each hospital — (number beyond target, position), packed in 64 bits — in a max segment tree.
class Regions {
 public:
  explicit Regions(const Instance& in)
      : total_(in.regions(), 0), position_(in.hospitals()), tree_start_(static_cast<std::size_t>(in.regions()) + 1, 0),
        leaves_(in.regions(), 1), members_start_(static_cast<std::size_t>(in.regions()) + 1, 0), members_(in.hospitals()) {
    std::vector<std::int32_t> count(in.regions(), 0);
    for (std::int32_t h = 0; h < in.hospitals(); ++h) position_[h] = count[in.hospital_region[h]]++;
    for (std::int32_t r = 0; r < in.regions(); ++r) {
      leaves_[r] = static_cast<std::int32_t>(std::bit_ceil(static_cast<std::uint32_t>(std::max(count[r], 1))));
      tree_start_[r + 1] = tree_start_[r] + 2 * leaves_[r];
      members_start_[r + 1] = members_start_[r] + count[r];
    }
    for (std::int32_t h = 0; h < in.hospitals(); ++h)
      members_[members_start_[in.hospital_region[h]] + position_[h]] = h;
    tree_.assign(static_cast<std::size_t>(tree_start_.back()), none);
  }
  static constexpr std::int64_t none = -1;
  static std::int64_t slot(std::int32_t beyond_target, std::int32_t position) {
    return (static_cast<std::int64_t>(beyond_target) << 32) | static_cast<std::uint32_t>(position);
  }
  std::int32_t& total(std::int32_t r) { return total_[r]; }
  std::int32_t position(std::int32_t h) const { return position_[h]; }
  //! The largest slot taken in region r, or `none`.
  std::int64_t largest(std::int32_t r) const { return tree_[tree_start_[r] + 1]; }
  std::int32_t hospital_of(std::int32_t r, std::int64_t slot) const {
    return members_[members_start_[r] + static_cast<std::int32_t>(slot & 0xffffffff)];
  }
  //! Records that hospital h (in region r) now keeps `beyond_target` doctors beyond its target.
  void set(std::int32_t r, std::int32_t h, std::int32_t beyond_target) {
    auto* tree = tree_.data() + tree_start_[r];
    std::int32_t i = leaves_[r] + position_[h];
    tree[i] = beyond_target > 0 ? slot(beyond_target, position_[h]) : none;
    for (i /= 2; i >= 1; i /= 2) tree[i] = std::max(tree[2 * i], tree[2 * i + 1]);
  }

 private:
  std::vector<std::int32_t> total_, position_, tree_start_, leaves_, members_start_, members_;
  std::vector<std::int64_t> tree_;
};

}  // namespace

std::vector<std::int32_t> solve(const Instance& in, Mechanism mechanism) {
  const auto D = in.doctors(), H = in.hospitals();
  const auto entry_rank = detail::doctor_entry_ranks(in);
  const auto& cap = mechanism == Mechanism::jrmp ? in.hospital_target : in.hospital_capacity;
  Holdings held(in, entry_rank, cap);
  const auto* prefs = in.doctor_prefs.data();
  const auto* pref_end = in.doctor_pref_start.data() + 1;
  const auto* ranked = in.hospital_prefs.data();
  const auto* ranked_start = in.hospital_pref_start.data();
  std::vector<std::int32_t> next(in.doctor_pref_start.begin(), in.doctor_pref_start.end() - 1);

  if (mechanism != Mechanism::fda) {
    // Plain deferred acceptance on `cap`: a proposal is kept while there is room, else it must beat the worst.
    for (std::int32_t first = 0; first < D; ++first) {
      for (std::int32_t d = first; d != unmatched;) {
        std::int32_t displaced = unmatched;
        while (next[d] < pref_end[d]) {
          const auto e = next[d]++;
          const auto rank = entry_rank[e];
          if (rank < 0) continue;
          const auto h = prefs[e];
          if (held.size(h) < held.slots(h)) { held.push(h, rank); break; }
          if (held.size(h) > 0 && rank < held.worst(h)) {
            displaced = ranked[ranked_start[h] + held.replace_worst(h, rank)];
            break;
          }
        }
        d = displaced;  // a doctor let go continues down their own list; one who ran out stays unmatched
      }
    }
  } else {
    Regions regions(in);
    const auto* target = in.hospital_target.data();
    const auto* region_of = in.hospital_region.data();
    const auto* region_cap = in.region_cap.data();
    auto beyond = [&](std::int32_t h) { return std::max(0, held.size(h) - target[h]); };
    auto let_go = [&](std::int32_t h, std::int32_t rank) { return ranked[ranked_start[h] + rank]; };
    for (std::int32_t first = 0; first < D; ++first) {
      for (std::int32_t d = first; d != unmatched;) {
        std::int32_t displaced = unmatched;
        while (next[d] < pref_end[d]) {
          const auto e = next[d]++;
          const auto rank = entry_rank[e];
          if (rank < 0) continue;
          const auto h = prefs[e];
          if (held.slots(h) == 0) continue;
          const auto r = region_of[h];
          auto& total = regions.total(r);
          const auto n = held.size(h);
          if (n < target[h]) {
            // Within the target: always kept. If that puts the region over its cap, the last round-robin seat
            // goes (there is one: the targets alone fit under the cap).
            held.push(h, rank);
            if (++total > region_cap[r]) {
              const auto loser = regions.hospital_of(r, regions.largest(r));
              displaced = let_go(loser, held.pop(loser));
              regions.set(r, loser, beyond(loser));
              --total;
            }
            break;
          }
          if (n < held.slots(h)) {
            if (total < region_cap[r]) {  // room in the hospital and in the region
              held.push(h, rank);
              ++total;
              regions.set(r, h, beyond(h));
              break;
            }
            // The region is full: h's next round-robin slot takes the region's largest slot if it comes first.
            const auto largest = regions.largest(r);
            if (largest != Regions::none && Regions::slot(n - target[h] + 1, regions.position(h)) < largest) {
              const auto loser = regions.hospital_of(r, largest);
              held.push(h, rank);
              regions.set(r, h, beyond(h));
              displaced = let_go(loser, held.pop(loser));
              regions.set(r, loser, beyond(loser));
              break;
            }
          }
          // No new seat for h: it keeps the same number, so d must beat its worst.
          if (n > 0 && rank < held.worst(h)) {
            displaced = let_go(h, held.replace_worst(h, rank));
            break;
          }
        }
        d = displaced;
      }
    }
  }

  std::vector<std::int32_t> assignment(D, unmatched);
  for (std::int32_t h = 0; h < H; ++h) held.each(h, [&](std::int32_t rank) { assignment[ranked[ranked_start[h] + rank]] = h; });
  return assignment;
}

}  // namespace kh::placement
