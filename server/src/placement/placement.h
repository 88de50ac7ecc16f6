#pragma once
//! The placement engine (issue 14, 配属先選定): doctors placed in hospitals under regional caps by one of three
//! mechanisms, an audit that re-checks every result on a separate code path, and the reasons each doctor did not
//! get a hospital they ranked higher. Pure computation on dense integer indices: no I/O, no database, no JSON
//! (json_io.h reads and writes instances). README.md in this folder has the definitions and the figures.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kh::placement {

//! da: doctor-proposing deferred acceptance with hospital capacities, regional caps ignored.
//! jrmp: the same with each hospital's capacity cut to its target (what the Japan Residency Matching Program does).
//! fda: Kamada–Kojima flexible deferred acceptance (targets first, then the region's remaining cap round-robin).
enum class Mechanism : std::uint8_t { da, jrmp, fda };

std::string_view mechanism_code(Mechanism m);
std::optional<Mechanism> parse_mechanism(std::string_view code);

//! "No hospital" in an assignment.
inline constexpr std::int32_t unmatched = -1;

//! An instance with every id interned to a dense index: regions 0..R-1, hospitals 0..H-1, doctors 0..D-1.
//! Preference lists are flat arrays (best first) with a start offset per owner, so the whole instance is a
//! handful of allocations. Hospitals are kept in the order they were added: within a region that is the order
//! of FDA's round-robin turns. Build it with the add_* functions and check it with validate() before solving.
struct Instance {
  std::vector<std::string> region_ids;
  std::vector<std::int32_t> region_cap;

  std::vector<std::string> hospital_ids;
  std::vector<std::int32_t> hospital_region;
  std::vector<std::int32_t> hospital_capacity;
  std::vector<std::int32_t> hospital_target;
  std::vector<std::int32_t> hospital_pref_start{0};  //!< size H+1; hospital h ranks hospital_prefs[start[h]..start[h+1])
  std::vector<std::int32_t> hospital_prefs;          //!< doctor indices

  std::vector<std::string> doctor_ids;
  std::vector<std::int32_t> doctor_pref_start{0};  //!< size D+1
  std::vector<std::int32_t> doctor_prefs;          //!< hospital indices

  std::int32_t regions() const { return static_cast<std::int32_t>(region_ids.size()); }
  std::int32_t hospitals() const { return static_cast<std::int32_t>(hospital_ids.size()); }
  std::int32_t doctors() const { return static_cast<std::int32_t>(doctor_ids.size()); }
  std::span<const std::int32_t> hospital_preferences(std::int32_t h) const {
    return {hospital_prefs.data() + hospital_pref_start[h], hospital_prefs.data() + hospital_pref_start[h + 1]};
  }
  std::span<const std::int32_t> doctor_preferences(std::int32_t d) const {
    return {doctor_prefs.data() + doctor_pref_start[d], doctor_prefs.data() + doctor_pref_start[d + 1]};
  }

  //! Each returns the new index. Preferences may name doctors not added yet (validate() checks every index).
  std::int32_t add_region(std::string id, std::int32_t cap);
  std::int32_t add_hospital(std::string id, std::int32_t region, std::int32_t capacity, std::int32_t target,
                            std::span<const std::int32_t> preferences);
  std::int32_t add_doctor(std::string id, std::span<const std::int32_t> preferences);
};

//! The first problem that makes the instance unusable, as a Japanese sentence naming the item by its id:
//! an index out of range, a negative cap, capacity or target, a target above the capacity, targets of a region
//! summing above its cap, an id given twice, someone ranked twice in one list. nullopt when it is usable.
std::optional<std::string> validate(const Instance& instance);

//! The assignment of `mechanism`: for each doctor the hospital index, or `unmatched`. A pair is only ever formed
//! when each side ranks the other; a hospital or region with cap 0 takes nobody. Requires a valid instance.
//! Time O(P log c + L) for P proposals, c the largest capacity, L the total length of all lists; memory O(L).
std::vector<std::int32_t> solve(const Instance& instance, Mechanism mechanism);

struct BlockingPair {
  std::int32_t doctor;
  std::int32_t hospital;
  bool operator==(const BlockingPair&) const = default;
};

//! What the audit found (audit.cpp; it shares no code with the solver).
struct Audit {
  std::vector<std::int32_t> hospital_fill;   //!< doctors assigned to each hospital
  std::vector<std::int32_t> region_fill;     //!< doctors assigned to each region's hospitals
  std::vector<std::int32_t> over_capacity;   //!< hospitals above their capacity (their target under jrmp)
  std::vector<std::int32_t> over_cap;        //!< regions above their cap (jrmp and fda; da ignores regional caps)
  std::vector<std::int32_t> unacceptable;    //!< doctors placed where they or the hospital did not rank the other
  std::vector<BlockingPair> blocking_pairs;  //!< for the mechanism's notion of stability, by doctor then hospital

  bool caps_respected() const { return over_capacity.empty() && over_cap.empty(); }
  bool stable() const { return unacceptable.empty() && blocking_pairs.empty(); }
};

//! Checks `assignment` (one entry per doctor: a hospital index or `unmatched`) against the caps and the stability
//! notion of `mechanism`: standard stability w.r.t. the capacities for da, w.r.t. the targets for jrmp, and
//! Kamada–Kojima stability (AER 2015) for fda — a blocking pair (d, h) is tolerated only when h's region is at
//! its cap, h prefers every doctor it has to d, and moving d from a hospital of the same region would not make
//! the two hospitals' numbers beyond target more even. README.md states the definition in full.
Audit audit(const Instance& instance, Mechanism mechanism, std::span<const std::int32_t> assignment);

//! Why a doctor is not at a hospital ranked above their assignment.
enum class Reason : std::uint8_t {
  not_ranked,  //!< the hospital does not rank the doctor 「〇〇病院の順位表にありません」
  no_seats,    //!< the hospital takes nobody (capacity 0; target 0 under jrmp)
  filled,      //!< full with doctors the hospital ranks higher 「〇〇病院は定員に達し、あなたより上位の医師で埋まりました」
  region_cap,  //!< fda: a seat was free but the region was at its cap 「〇〇区域の上限に達しました」
  blocking,    //!< none of the above: the pair blocks the assignment (never for a solver result that passes the audit)
};

std::string_view reason_code(Reason r);

struct Explanation {
  std::int32_t hospital;
  Reason reason;
  std::string message;  //!< Japanese, built from the display names
};

//! Display names for the messages, by index; an empty span (or an empty name) falls back to the id.
struct DisplayNames {
  std::span<const std::string> hospitals;
  std::span<const std::string> regions;
};

//! Reasons for every doctor of one assignment: the counts and worst ranks are worked out once. It keeps references
//! to the instance and the assignment, which must outlive it.
class Explainer {
 public:
  Explainer(const Instance& instance, Mechanism mechanism, std::span<const std::int32_t> assignment);
  //! One entry per hospital the doctor ranked above their assignment (all of them when unmatched), in their order.
  std::vector<Explanation> explain(std::int32_t doctor, const DisplayNames& names = {}) const;

 private:
  const Instance& instance_;
  Mechanism mechanism_;
  std::span<const std::int32_t> assignment_;
  std::vector<std::int32_t> entry_rank_;  //!< per doctor preference entry: the hospital's rank of that doctor, or -1
  std::vector<std::int32_t> fill_, worst_, region_fill_;
};

}  // namespace kh::placement
