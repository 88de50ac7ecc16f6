// The placement engine (issue 14): textbook instances with known answers, the solver against literal round-by-round
// versions of each mechanism, the audit against the stability definitions written out pair by pair, exhaustive
// checks on small instances (doctor-optimality of DA, strategy-proofness for doctors), explanations, and the JSON
// reader's refusals.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "placement/json_io.h"
#include "placement/placement.h"

using namespace kh::placement;

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Building instances by id, reading results by id.

struct H {
  std::string id, region;
  int capacity, target;
  std::vector<std::string> prefs;
};
struct D {
  std::string id;
  std::vector<std::string> prefs;
};

Instance build(const std::vector<std::pair<std::string, int>>& regions, const std::vector<H>& hospitals,
               const std::vector<D>& doctors) {
  Instance in;
  std::map<std::string, int> r_index, h_index, d_index;
  for (const auto& [id, cap] : regions) r_index[id] = in.add_region(id, cap);
  for (std::size_t i = 0; i < hospitals.size(); ++i) h_index[hospitals[i].id] = static_cast<int>(i);
  for (std::size_t i = 0; i < doctors.size(); ++i) d_index[doctors[i].id] = static_cast<int>(i);
  for (const auto& h : hospitals) {
    std::vector<std::int32_t> prefs;
    for (const auto& d : h.prefs) prefs.push_back(d_index.at(d));
    in.add_hospital(h.id, r_index.at(h.region), h.capacity, h.target, prefs);
  }
  for (const auto& d : doctors) {
    std::vector<std::int32_t> prefs;
    for (const auto& h : d.prefs) prefs.push_back(h_index.at(h));
    in.add_doctor(d.id, prefs);
  }
  EXPECT_EQ(validate(in), std::nullopt);
  return in;
}

//! doctor id → hospital id ("" when unmatched)
std::map<std::string, std::string> by_id(const Instance& in, const std::vector<std::int32_t>& a) {
  std::map<std::string, std::string> out;
  for (int d = 0; d < in.doctors(); ++d) out[in.doctor_ids[d]] = a[d] == unmatched ? "" : in.hospital_ids[a[d]];
  return out;
}

std::vector<std::string> list(std::initializer_list<const char*> ids) { return {ids.begin(), ids.end()}; }

// ---------------------------------------------------------------------------------------------------------------
// Reference material written from the definitions, deliberately slow and plain.

//! Position of x in list, or -1.
int position(std::span<const std::int32_t> list, std::int32_t x) {
  const auto it = std::find(list.begin(), list.end(), x);
  return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

//! Whether doctor d (weakly) prefers hospital a to hospital b (either may be unmatched; unlisted ≈ unmatched).
int doctor_rank(const Instance& in, int d, int h) {
  if (h == unmatched) return 1 << 20;
  const auto p = position(in.doctor_preferences(d), h);
  return p < 0 ? (1 << 21) : p;
}

int capacity_under(const Instance& in, Mechanism m, int h) {
  return m == Mechanism::jrmp ? in.hospital_target[h] : in.hospital_capacity[h];
}

//! Kamada–Kojima (and standard) blocking pairs, straight from the definitions: every (d, h) looked at on its own.
std::set<std::pair<int, int>> reference_blocking(const Instance& in, Mechanism m, const std::vector<std::int32_t>& a) {
  std::set<std::pair<int, int>> out;
  std::vector<std::vector<int>> at(in.hospitals());
  std::vector<int> region_fill(in.regions(), 0);
  for (int d = 0; d < in.doctors(); ++d)
    if (a[d] != unmatched) { at[a[d]].push_back(d); ++region_fill[in.hospital_region[a[d]]]; }
  for (int d = 0; d < in.doctors(); ++d)
    for (int h = 0; h < in.hospitals(); ++h) {
      if (h == a[d]) continue;
      const auto dh = position(in.doctor_preferences(d), h);
      if (dh < 0 || dh >= doctor_rank(in, d, a[d])) continue;  // d does not prefer h
      const auto hd = position(in.hospital_preferences(h), d);
      if (hd < 0) continue;  // h does not find d acceptable
      bool vacancy = static_cast<int>(at[h].size()) < capacity_under(in, m, h);
      bool prefers = false;  // h prefers d to someone it has
      for (int other : at[h]) prefers |= hd < position(in.hospital_preferences(h), other);
      if (!vacancy && !prefers) continue;  // not a blocking pair at all
      if (m == Mechanism::fda) {
        const int r = in.hospital_region[h];
        const bool region_full = region_fill[r] == in.region_cap[r];
        const bool all_better = !prefers;
        bool evens_out = false;
        if (a[d] != unmatched && in.hospital_region[a[d]] == r) {
          const int from = a[d];
          // |μ_h| + 1 − q̄_h > |μ_μ(d)| − 1 − q̄_μ(d) is what excuses the pair; its negation blocks.
          evens_out = !(static_cast<int>(at[h].size()) + 1 - in.hospital_target[h] >
                        static_cast<int>(at[from].size()) - 1 - in.hospital_target[from]);
        }
        if (region_full && all_better && !evens_out) continue;  // tolerated under Kamada–Kojima stability
      }
      out.insert({d, h});
    }
  return out;
}

bool feasible(const Instance& in, Mechanism m, const std::vector<std::int32_t>& a) {
  std::vector<int> fill(in.hospitals(), 0), region_fill(in.regions(), 0);
  for (int d = 0; d < in.doctors(); ++d)
    if (a[d] != unmatched) { ++fill[a[d]]; ++region_fill[in.hospital_region[a[d]]]; }
  for (int h = 0; h < in.hospitals(); ++h)
    if (fill[h] > capacity_under(in, m, h)) return false;
  if (m != Mechanism::da)
    for (int r = 0; r < in.regions(); ++r)
      if (region_fill[r] > in.region_cap[r]) return false;
  return true;
}

//! Literal deferred acceptance in simultaneous rounds (Gale–Shapley): every free doctor proposes, every hospital
//! keeps its best `capacity` among what it holds and what it got, the rest are rejected.
std::vector<std::int32_t> reference_da(const Instance& in, Mechanism m) {
  std::vector<std::int32_t> a(in.doctors(), unmatched);
  std::vector<std::size_t> next(in.doctors(), 0);
  for (;;) {
    std::vector<std::vector<int>> offers(in.hospitals());
    bool any = false;
    for (int d = 0; d < in.doctors(); ++d) {
      if (a[d] != unmatched) { offers[a[d]].push_back(d); continue; }
      const auto prefs = in.doctor_preferences(d);
      if (next[d] < prefs.size()) { offers[prefs[next[d]++]].push_back(d); any = true; }
    }
    if (!any) break;
    std::fill(a.begin(), a.end(), unmatched);
    for (int h = 0; h < in.hospitals(); ++h) {
      auto& o = offers[h];
      std::erase_if(o, [&](int d) { return position(in.hospital_preferences(h), d) < 0; });
      std::sort(o.begin(), o.end(), [&](int x, int y) { return position(in.hospital_preferences(h), x) < position(in.hospital_preferences(h), y); });
      for (int i = 0; i < std::min<int>(o.size(), capacity_under(in, m, h)); ++i) a[o[i]] = h;
    }
  }
  return a;
}

//! Literal flexible deferred acceptance (Kamada–Kojima 2015, section on the FDA algorithm): simultaneous rounds;
//! each region looks at every application it holds or newly got; each hospital first keeps its best applicants up
//! to its target; then, while the region's cap allows, its hospitals in their listed order each take their best
//! remaining applicant (up to their capacity), round after round; everyone else is rejected.
std::vector<std::int32_t> reference_fda(const Instance& in) {
  std::vector<std::int32_t> a(in.doctors(), unmatched);
  std::vector<std::size_t> next(in.doctors(), 0);
  for (;;) {
    std::vector<std::vector<int>> offers(in.hospitals());
    bool any = false;
    for (int d = 0; d < in.doctors(); ++d) {
      if (a[d] != unmatched) { offers[a[d]].push_back(d); continue; }
      const auto prefs = in.doctor_preferences(d);
      if (next[d] < prefs.size()) { offers[prefs[next[d]++]].push_back(d); any = true; }
    }
    if (!any) break;
    std::fill(a.begin(), a.end(), unmatched);
    for (int r = 0; r < in.regions(); ++r) {
      std::vector<int> members;
      for (int h = 0; h < in.hospitals(); ++h)
        if (in.hospital_region[h] == r) members.push_back(h);
      std::map<int, std::size_t> taken;
      int used = 0;
      for (int h : members) {
        auto& o = offers[h];
        std::erase_if(o, [&](int d) { return position(in.hospital_preferences(h), d) < 0; });
        std::sort(o.begin(), o.end(), [&](int x, int y) { return position(in.hospital_preferences(h), x) < position(in.hospital_preferences(h), y); });
        taken[h] = std::min<std::size_t>(o.size(), in.hospital_target[h]);
        used += static_cast<int>(taken[h]);
      }
      for (bool progress = true; progress && used < in.region_cap[r];) {
        progress = false;
        for (int h : members) {
          if (used >= in.region_cap[r]) break;
          if (taken[h] < offers[h].size() && static_cast<int>(taken[h]) < in.hospital_capacity[h]) {
            ++taken[h];
            ++used;
            progress = true;
          }
        }
      }
      for (int h : members)
        for (std::size_t i = 0; i < taken[h]; ++i) a[offers[h][i]] = h;
    }
  }
  return a;
}

std::vector<std::int32_t> reference(const Instance& in, Mechanism m) {
  return m == Mechanism::fda ? reference_fda(in) : reference_da(in, m);
}

//! Every assignment in which each doctor is unmatched or with a hospital that ranks them and that they rank.
void each_assignment(const Instance& in, const std::function<void(const std::vector<std::int32_t>&)>& f) {
  std::vector<std::int32_t> a(in.doctors(), unmatched);
  std::function<void(int)> go = [&](int d) {
    if (d == in.doctors()) { f(a); return; }
    a[d] = unmatched;
    go(d + 1);
    for (auto h : in.doctor_preferences(d))
      if (position(in.hospital_preferences(h), d) >= 0) { a[d] = h; go(d + 1); }
    a[d] = unmatched;
  };
  go(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Random instances.

struct Shape {
  int doctors, hospitals, regions;
  double doctor_list = 0.6, hospital_list = 0.8;  // chance of each possible entry
  int max_capacity = 3;
};

Instance random_instance(std::mt19937& rng, const Shape& s) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  Instance in;
  std::vector<int> capacity(s.hospitals), target(s.hospitals), region(s.hospitals);
  std::vector<int> targets(s.regions, 0);
  for (int h = 0; h < s.hospitals; ++h) {
    capacity[h] = uniform(0, s.max_capacity);
    target[h] = uniform(0, capacity[h]);
    region[h] = uniform(0, s.regions - 1);
    targets[region[h]] += target[h];
  }
  for (int r = 0; r < s.regions; ++r) {
    // Often exactly the targets (the tightest cap allowed), sometimes a little more, now and then 0 (then every
    // target of the region must be 0).
    int cap = chance(0.4) ? targets[r] : targets[r] + uniform(0, 3);
    if (chance(0.1)) {
      cap = 0;
      for (int h = 0; h < s.hospitals; ++h)
        if (region[h] == r) target[h] = 0;
    }
    in.add_region(std::string("R").append(std::to_string(r)), cap);
  }
  for (int h = 0; h < s.hospitals; ++h) {
    std::vector<std::int32_t> prefs;
    for (int d = 0; d < s.doctors; ++d)
      if (chance(s.hospital_list)) prefs.push_back(d);
    std::shuffle(prefs.begin(), prefs.end(), rng);
    in.add_hospital(std::string("H").append(std::to_string(h)), region[h], capacity[h], target[h], prefs);
  }
  for (int d = 0; d < s.doctors; ++d) {
    std::vector<std::int32_t> prefs;
    for (int h = 0; h < s.hospitals; ++h)
      if (chance(s.doctor_list)) prefs.push_back(h);
    std::shuffle(prefs.begin(), prefs.end(), rng);
    in.add_doctor(std::string("D").append(std::to_string(d)), prefs);
  }
  EXPECT_EQ(validate(in), std::nullopt);
  return in;
}

const Mechanism all_mechanisms[] = {Mechanism::da, Mechanism::jrmp, Mechanism::fda};

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Textbook instances.

// Gale and Shapley (1962), example 1: three men and three women in a cycle of preferences. The proposing side
// gets its first choices.
TEST(PlacementTextbook, GaleShapleyCycle) {
  const auto in = build({{"R", 3}},
                        {{"A", "R", 1, 0, list({"beta", "gamma", "alpha"})},
                         {"B", "R", 1, 0, list({"gamma", "alpha", "beta"})},
                         {"C", "R", 1, 0, list({"alpha", "beta", "gamma"})}},
                        {{"alpha", list({"A", "B", "C"})}, {"beta", list({"B", "C", "A"})}, {"gamma", list({"C", "A", "B"})}});
  const auto a = solve(in, Mechanism::da);
  EXPECT_EQ(by_id(in, a), (std::map<std::string, std::string>{{"alpha", "A"}, {"beta", "B"}, {"gamma", "C"}}));
  EXPECT_TRUE(audit(in, Mechanism::da, a).stable());
  // The hospitals' first choices form another stable matching, which the doctors like less: it is not the
  // doctor-proposing result, and it is stable too (the audit must not call it unstable).
  const std::vector<std::int32_t> hospital_optimal{2, 0, 1};  // alpha–C, beta–A, gamma–B
  EXPECT_TRUE(audit(in, Mechanism::da, hospital_optimal).stable());
}

// A many-to-one instance worked by hand: D1 and D2 are displaced in turn and D2 ends unmatched.
TEST(PlacementTextbook, HospitalsResidentsByHand) {
  const auto in = build({{"R", 3}},
                        {{"H1", "R", 2, 0, list({"D4", "D3", "D1", "D2"})}, {"H2", "R", 1, 0, list({"D1", "D2", "D4"})}},
                        {{"D1", list({"H1", "H2"})}, {"D2", list({"H1", "H2"})}, {"D3", list({"H1"})}, {"D4", list({"H2", "H1"})}});
  const auto a = solve(in, Mechanism::da);
  EXPECT_EQ(by_id(in, a), (std::map<std::string, std::string>{{"D1", "H2"}, {"D2", ""}, {"D3", "H1"}, {"D4", "H1"}}));
  const auto checked = audit(in, Mechanism::da, a);
  EXPECT_TRUE(checked.stable());
  EXPECT_TRUE(checked.caps_respected());
  EXPECT_EQ(checked.hospital_fill, (std::vector<std::int32_t>{2, 1}));
}

// Kamada and Kojima (2015), the example of the introduction: one region with cap 10, two hospitals with
// capacity 10 and target 5; three doctors want only A, seven only B. JRMP's cut capacities leave two doctors
// unmatched and two seats empty although the region has room; FDA places everyone.
TEST(PlacementTextbook, KamadaKojimaWasteUnderJrmp) {
  std::vector<D> doctors;
  std::vector<std::string> everyone;
  for (int i = 1; i <= 10; ++i) {
    everyone.push_back(std::string("d").append(std::to_string(i)));
    doctors.push_back({everyone.back(), i <= 3 ? list({"A"}) : list({"B"})});
  }
  const auto in = build({{"R", 10}}, {{"A", "R", 10, 5, everyone}, {"B", "R", 10, 5, everyone}}, doctors);
  const auto jrmp = solve(in, Mechanism::jrmp);
  const auto fda = solve(in, Mechanism::fda);
  const auto count = [&](const std::vector<std::int32_t>& a, int h) { return std::count(a.begin(), a.end(), h); };
  EXPECT_EQ(count(jrmp, 0), 3);
  EXPECT_EQ(count(jrmp, 1), 5);
  EXPECT_EQ(count(jrmp, unmatched), 2);
  EXPECT_EQ(by_id(in, jrmp)["d9"], "");
  EXPECT_EQ(by_id(in, jrmp)["d10"], "");
  EXPECT_EQ(count(fda, 0), 3);
  EXPECT_EQ(count(fda, 1), 7);
  EXPECT_EQ(count(fda, unmatched), 0);
  EXPECT_EQ(solve(in, Mechanism::da), fda);  // the cap does not bind here, so FDA is plain DA

  // JRMP's result is stable for the cut capacities, but under Kamada–Kojima stability d9 and d10 block with B:
  // B has free seats and the region is below its cap.
  EXPECT_TRUE(audit(in, Mechanism::jrmp, jrmp).stable());
  EXPECT_EQ(audit(in, Mechanism::fda, jrmp).blocking_pairs, (std::vector<BlockingPair>{{8, 1}, {9, 1}}));
  EXPECT_TRUE(audit(in, Mechanism::fda, fda).stable());
}

// The same market with a binding cap of 8 (targets 4 and 4): FDA fills the region to its cap, B taking the one
// seat beyond its target; JRMP leaves a seat of the cap unused.
TEST(PlacementTextbook, KamadaKojimaBindingCap) {
  std::vector<D> doctors;
  std::vector<std::string> everyone;
  for (int i = 1; i <= 10; ++i) {
    everyone.push_back(std::string("d").append(std::to_string(i)));
    doctors.push_back({everyone.back(), i <= 3 ? list({"A"}) : list({"B"})});
  }
  const auto in = build({{"R", 8}}, {{"A", "R", 10, 4, everyone}, {"B", "R", 10, 4, everyone}}, doctors);
  const auto fda = solve(in, Mechanism::fda), jrmp = solve(in, Mechanism::jrmp);
  EXPECT_EQ(std::count(fda.begin(), fda.end(), 1), 5);  // d4…d8
  EXPECT_EQ(std::count(fda.begin(), fda.end(), unmatched), 2);
  EXPECT_EQ(by_id(in, fda)["d8"], "B");
  EXPECT_EQ(std::count(jrmp.begin(), jrmp.end(), unmatched), 3);
  const auto checked = audit(in, Mechanism::fda, fda);
  EXPECT_TRUE(checked.stable());
  EXPECT_EQ(checked.region_fill, std::vector<std::int32_t>{8});
  // d9 would like B and B has room, but the region is at its cap: tolerated, and explained as such.
  const Explainer why(in, Mechanism::fda, fda);
  const std::vector<std::string> names{"A病院", "B病院"}, regions{"県央"};
  const auto reasons = why.explain(8, {names, regions});
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].reason, Reason::region_cap);
  EXPECT_EQ(reasons[0].message, "県央区域の上限に達しました");
}

// Beyond the targets, the region's seats go round-robin in the order the hospitals are listed.
TEST(PlacementTextbook, RoundRobinFollowsTheListedOrder) {
  for (bool h1_first : {true, false}) {
    std::vector<H> hospitals{{"H1", "R", 2, 0, list({"a", "b"})}, {"H2", "R", 2, 0, list({"c", "d"})}};
    if (!h1_first) std::swap(hospitals[0], hospitals[1]);
    const auto in = build({{"R", 3}}, hospitals,
                          {{"a", list({"H1"})}, {"b", list({"H1"})}, {"c", list({"H2"})}, {"d", list({"H2"})}});
    const auto placed = by_id(in, solve(in, Mechanism::fda));
    // The first-listed hospital takes its second doctor in the second round; the other one's second is left out.
    EXPECT_EQ(placed.at("a"), "H1");
    EXPECT_EQ(placed.at("c"), "H2");
    EXPECT_EQ(placed.at("b"), h1_first ? "H1" : "");
    EXPECT_EQ(placed.at("d"), h1_first ? "" : "H2");
    EXPECT_TRUE(audit(in, Mechanism::fda, solve(in, Mechanism::fda)).stable());
  }
}

// Incomplete lists, a hospital with capacity 0, a region with cap 0, a doctor and a hospital ranking nobody.
TEST(PlacementTextbook, EmptyListsAndZeroCaps) {
  const auto in = build({{"Open", 5}, {"Closed", 0}},
                        {{"Full0", "Open", 0, 0, list({"a", "b"})},
                         {"Shut", "Closed", 3, 0, list({"a", "b", "c"})},
                         {"Picky", "Open", 2, 1, list({"b"})},
                         {"Nobody", "Open", 2, 0, {}}},
                        {{"a", list({"Full0", "Shut", "Picky", "Nobody"})},
                         {"b", list({"Shut", "Picky"})},
                         {"c", {}}});
  for (auto m : all_mechanisms) {
    const auto a = solve(in, m);
    const auto placed = by_id(in, a);
    // da knows no regional caps, so a and b get the closed region's hospital; the others respect its cap 0, and
    // then only b has somewhere to go (Picky ranks only b; Nobody ranks nobody; Full0 has no seats).
    EXPECT_EQ(placed.at("a"), m == Mechanism::da ? "Shut" : "") << mechanism_code(m);
    EXPECT_EQ(placed.at("b"), m == Mechanism::da ? "Shut" : "Picky") << mechanism_code(m);
    EXPECT_EQ(placed.at("c"), "");
    const auto checked = audit(in, m, a);
    EXPECT_TRUE(checked.stable() && checked.caps_respected()) << mechanism_code(m);
  }
  const auto fda = solve(in, Mechanism::fda);
  const auto reasons = Explainer(in, Mechanism::fda, fda).explain(0);
  ASSERT_EQ(reasons.size(), 4u);
  EXPECT_EQ(reasons[0].reason, Reason::no_seats);
  EXPECT_EQ(reasons[0].message, "Full0には受入枠がありません");
  EXPECT_EQ(reasons[1].reason, Reason::region_cap);
  EXPECT_EQ(reasons[1].message, "Closed区域の上限に達しました");
  EXPECT_EQ(reasons[2].reason, Reason::not_ranked);
  EXPECT_EQ(reasons[2].message, "Pickyの順位表にありません");
  EXPECT_EQ(reasons[3].reason, Reason::not_ranked);
}

TEST(PlacementTextbook, FilledByHigherRankedDoctors) {
  const auto in = build({{"R", 9}}, {{"H", "R", 1, 1, list({"x", "y"})}, {"K", "R", 1, 1, list({"y"})}},
                        {{"x", list({"H"})}, {"y", list({"H", "K"})}});
  const auto a = solve(in, Mechanism::fda);
  EXPECT_EQ(by_id(in, a), (std::map<std::string, std::string>{{"x", "H"}, {"y", "K"}}));
  const std::vector<std::string> names{"〇〇病院", "△△病院"};
  const auto reasons = Explainer(in, Mechanism::fda, a).explain(1, {names, {}});
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].reason, Reason::filled);
  EXPECT_EQ(reasons[0].message, "〇〇病院は定員に達し、あなたより上位の医師で埋まりました");
  EXPECT_EQ(reason_code(reasons[0].reason), "filled");
}

// ---------------------------------------------------------------------------------------------------------------
// The audit on assignments that are wrong in known ways.

TEST(PlacementAudit, FindsExceededCapsAndUnacceptablePairs) {
  const auto in = build({{"R", 1}}, {{"H", "R", 1, 1, list({"a", "b"})}, {"K", "R", 1, 0, list({"a"})}},
                        {{"a", list({"H", "K"})}, {"b", list({"H"})}, {"c", list({"H"})}});
  // Everyone at H: capacity 1 exceeded, region cap 1 exceeded, c is not on H's list.
  const auto wrong = audit(in, Mechanism::fda, std::vector<std::int32_t>{0, 0, 0});
  EXPECT_EQ(wrong.over_capacity, std::vector<std::int32_t>{0});
  EXPECT_EQ(wrong.over_cap, std::vector<std::int32_t>{0});
  EXPECT_EQ(wrong.unacceptable, std::vector<std::int32_t>{2});
  EXPECT_FALSE(wrong.caps_respected());
  EXPECT_FALSE(wrong.stable());
  // b placed at K: K does not rank b, nor b K.
  const auto odd = audit(in, Mechanism::da, std::vector<std::int32_t>{unmatched, 1, unmatched});
  EXPECT_EQ(odd.unacceptable, std::vector<std::int32_t>{1});
  // da ignores the regional cap; H over its capacity is still reported.
  EXPECT_TRUE(audit(in, Mechanism::da, std::vector<std::int32_t>{0, unmatched, unmatched}).caps_respected());
  EXPECT_TRUE(audit(in, Mechanism::da, std::vector<std::int32_t>{0, unmatched, unmatched}).stable());
}

// Kamada–Kojima's third condition: within a region at its cap, a doctor may move to a hospital with a free seat
// when that evens out the numbers beyond target; the pair is blocking then, and excused otherwise.
TEST(PlacementAudit, KamadaKojimaEvennessWithinARegion) {
  const auto in = build({{"R", 2}}, {{"H1", "R", 2, 0, list({"a", "b"})}, {"H2", "R", 2, 0, list({"a", "b"})}},
                        {{"a", list({"H1", "H2"})}, {"b", list({"H1", "H2"})}});
  // Both at H2, H1 empty: moving a gives 1 and 1, more even than 0 and 2, so (a, H1) and (b, H1) block.
  EXPECT_EQ(audit(in, Mechanism::fda, std::vector<std::int32_t>{1, 1}).blocking_pairs,
            (std::vector<BlockingPair>{{0, 0}, {1, 0}}));
  // a at H1, b at H2: moving b would give 2 and 0, less even than 1 and 1: excused, stable.
  EXPECT_TRUE(audit(in, Mechanism::fda, std::vector<std::int32_t>{0, 1}).stable());
  // Under standard stability (da) the same assignment is blocked by (b, H1): H1 has a free seat.
  EXPECT_EQ(audit(in, Mechanism::da, std::vector<std::int32_t>{0, 1}).blocking_pairs, (std::vector<BlockingPair>{{1, 0}}));
  // FDA itself puts both at H1 (H1 comes first in the round-robin and both prefer it).
  EXPECT_EQ(solve(in, Mechanism::fda), (std::vector<std::int32_t>{0, 0}));
}

// The audit's verdict equals the definitions, pair by pair, on every feasible assignment of small instances.
TEST(PlacementAudit, AgreesWithTheDefinitionsOnEveryAssignment) {
  std::mt19937 rng(20260115);
  int compared = 0;
  for (int round = 0; round < 150; ++round) {
    const auto in = random_instance(rng, {4, 3, 2, 0.7, 0.8, 2});
    each_assignment(in, [&](const std::vector<std::int32_t>& a) {
      for (auto m : all_mechanisms) {
        const auto checked = audit(in, m, a);
        ASSERT_EQ(checked.caps_respected(), feasible(in, m, a));
        ASSERT_TRUE(checked.unacceptable.empty());
        // Stability is defined for feasible matchings only (a region over its cap takes nobody more, so the audit
        // excuses a free seat there as at the cap, where the definition above says nothing).
        if (!checked.caps_respected()) continue;
        const auto expected = reference_blocking(in, m, a);
        std::set<std::pair<int, int>> got;
        for (const auto& [d, h] : checked.blocking_pairs) got.insert({d, h});
        ASSERT_EQ(got, expected) << mechanism_code(m) << " round " << round;
        ++compared;
      }
    });
  }
  EXPECT_GT(compared, 3000);
}

// ---------------------------------------------------------------------------------------------------------------
// The solver on random instances.

// Each mechanism equals its literal round-by-round version, respects the caps and has no blocking pair.
TEST(PlacementSolver, RandomInstancesMatchTheLiteralMechanismsAndPassTheAudit) {
  std::mt19937 rng(7);
  const Shape shapes[] = {{6, 3, 1}, {12, 5, 2, 0.5, 0.7, 3}, {40, 10, 3, 0.3, 0.6, 4}, {80, 12, 4, 0.25, 0.9, 6},
                          {30, 30, 5, 0.2, 0.5, 2}, {25, 4, 2, 0.9, 1.0, 5}};
  for (const auto& shape : shapes)
    for (int round = 0; round < 60; ++round) {
      const auto in = random_instance(rng, shape);
      for (auto m : all_mechanisms) {
        const auto a = solve(in, m);
        ASSERT_EQ(a, reference(in, m)) << mechanism_code(m) << " " << shape.doctors << "x" << shape.hospitals << " round " << round;
        const auto checked = audit(in, m, a);
        ASSERT_TRUE(checked.caps_respected()) << mechanism_code(m);
        ASSERT_TRUE(checked.stable()) << mechanism_code(m);
        ASSERT_TRUE(reference_blocking(in, m, a).empty());
        const Explainer why(in, m, a);
        for (int d = 0; d < in.doctors(); ++d)
          for (const auto& x : why.explain(d)) ASSERT_NE(x.reason, Reason::blocking);
      }
    }
}

// Larger random instances with a binding regional cap: the audit alone (the literal versions would be slow).
TEST(PlacementSolver, LargerRandomInstancesPassTheAudit) {
  std::mt19937 rng(11);
  for (int round = 0; round < 10; ++round) {
    const auto in = random_instance(rng, {600, 60, 6, 0.05, 0.5, 12});
    for (auto m : all_mechanisms) {
      const auto a = solve(in, m);
      const auto checked = audit(in, m, a);
      ASSERT_TRUE(checked.caps_respected() && checked.stable()) << mechanism_code(m);
    }
  }
}

// Raising what a hospital may take makes no doctor worse off (Kamada–Kojima: FDA weakly Pareto-dominates JRMP
// for doctors; and DA, without regional caps, dominates FDA).
TEST(PlacementSolver, FdaDominatesJrmpAndDaDominatesFdaForDoctors) {
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    const auto in = random_instance(rng, {15, 5, 2, 0.5, 0.8, 3});
    const auto da = solve(in, Mechanism::da), jrmp = solve(in, Mechanism::jrmp), fda = solve(in, Mechanism::fda);
    for (int d = 0; d < in.doctors(); ++d) {
      ASSERT_LE(doctor_rank(in, d, fda[d]), doctor_rank(in, d, jrmp[d]));
      ASSERT_LE(doctor_rank(in, d, da[d]), doctor_rank(in, d, fda[d]));
    }
  }
}

// DA (and JRMP, which is DA on the targets) gives every doctor their best partner over all stable matchings.
TEST(PlacementSolver, DeferredAcceptanceIsDoctorOptimalStable) {
  std::mt19937 rng(5);
  int stable_matchings = 0;
  for (int round = 0; round < 200; ++round) {
    const auto in = random_instance(rng, {5, 3, 2, 0.7, 0.9, 2});
    for (auto m : {Mechanism::da, Mechanism::jrmp}) {
      const auto best = solve(in, m);
      bool found = false;
      each_assignment(in, [&](const std::vector<std::int32_t>& a) {
        if (!feasible(in, m, a) || !reference_blocking(in, m, a).empty()) return;
        ++stable_matchings;
        found |= a == best;
        for (int d = 0; d < in.doctors(); ++d) ASSERT_LE(doctor_rank(in, d, best[d]), doctor_rank(in, d, a[d]));
      });
      ASSERT_TRUE(found) << "the mechanism's result is among the stable matchings";
    }
  }
  EXPECT_GT(stable_matchings, 400);
}

// No doctor gets a hospital they truly prefer by ranking a truncated list, or any other list of the same
// hospitals (every ordered subset tried), under any of the three mechanisms.
TEST(PlacementSolver, StrategyProofForDoctorsInSmallExhaustiveCases) {
  std::mt19937 rng(13);
  int reports = 0;
  for (int round = 0; round < 120; ++round) {
    const auto in = random_instance(rng, {4, 3, 2, 0.8, 0.9, 2});
    for (auto m : all_mechanisms) {
      const auto truthful = solve(in, m);
      for (int d = 0; d < in.doctors(); ++d) {
        // Every ordered subset of the hospitals as d's report.
        std::vector<std::int32_t> hs(in.hospitals());
        for (int h = 0; h < in.hospitals(); ++h) hs[h] = h;
        for (int mask = 0; mask < (1 << in.hospitals()); ++mask) {
          std::vector<std::int32_t> chosen;
          for (int h = 0; h < in.hospitals(); ++h)
            if (mask & (1 << h)) chosen.push_back(h);
          do {
            Instance lie;
            lie.region_ids = in.region_ids;
            lie.region_cap = in.region_cap;
            for (int h = 0; h < in.hospitals(); ++h) {
              const auto p = in.hospital_preferences(h);
              lie.add_hospital(in.hospital_ids[h], in.hospital_region[h], in.hospital_capacity[h], in.hospital_target[h],
                               std::vector<std::int32_t>(p.begin(), p.end()));
            }
            for (int x = 0; x < in.doctors(); ++x) {
              const auto p = in.doctor_preferences(x);
              lie.add_doctor(in.doctor_ids[x], x == d ? chosen : std::vector<std::int32_t>(p.begin(), p.end()));
            }
            const auto outcome = solve(lie, m);
            ASSERT_GE(doctor_rank(in, d, outcome[d]), doctor_rank(in, d, truthful[d]))
                << mechanism_code(m) << ": doctor " << d << " gains by misreporting";
            ++reports;
          } while (std::next_permutation(chosen.begin(), chosen.end()));
        }
      }
    }
  }
  EXPECT_GT(reports, 20000);
}

// ---------------------------------------------------------------------------------------------------------------
// Validation and the JSON form.

TEST(PlacementInstance, ValidateNamesTheItem) {
  Instance in;
  in.add_region("R1", 3);
  in.add_hospital("H1", 0, 2, 3, std::vector<std::int32_t>{});
  EXPECT_EQ(validate(in), "病院「H1」の target（3）が capacity（2）を超えています。");
  in.hospital_target[0] = 2;
  in.add_hospital("H2", 0, 2, 2, std::vector<std::int32_t>{});
  EXPECT_EQ(validate(in), "区域「R1」の病院の target の合計（4）が区域の cap（3）を超えています。");
  in.hospital_target[1] = 1;
  EXPECT_EQ(validate(in), std::nullopt);
  in.add_doctor("D1", std::vector<std::int32_t>{0, 1, 0});
  EXPECT_EQ(validate(in), "医師「D1」の希望順位に病院「H1」が2回あります。");
  in.doctor_prefs = {0, 1, 7};
  EXPECT_EQ(validate(in), "医師「D1」の希望順位に存在しない病院があります。");
}

TEST(PlacementJson, ReadsSolvesAndWritesTheIssueFormat) {
  const auto problem = read_problem(R"({"mechanism": "fda",
    "regions":   [{"id": "R1", "cap": 10, "name": "県央"}],
    "hospitals": [{"id": "H1", "region": "R1", "capacity": 3, "target": 2, "preferences": ["D3", "D1"], "name": "さくら病院"},
                  {"id": "H2", "region": "R1", "capacity": 1, "target": 1, "preferences": ["D3"]}],
    "doctors":   [{"id": "D1", "preferences": ["H2", "H1"]}, {"id": "D3", "preferences": []}]})");
  ASSERT_TRUE(problem) << problem.error().message;
  EXPECT_EQ(problem->mechanism, Mechanism::fda);
  EXPECT_EQ(problem->instance.hospitals(), 2);
  EXPECT_EQ(problem->hospital_names, (std::vector<std::string>{"さくら病院", ""}));
  const auto a = solve(problem->instance, problem->mechanism);
  const auto written = boost::json::parse(write_result(*problem, a, audit(problem->instance, problem->mechanism, a)));
  EXPECT_EQ(written, boost::json::parse(R"({"assignment": {"D1": "H1", "D3": null},
    "audit": {"caps_respected": true, "blocking_pairs": [], "stable": true}})"));
  const auto explained = boost::json::parse(write_result(*problem, a, audit(problem->instance, problem->mechanism, a), true));
  EXPECT_EQ(explained.at("explanations"), boost::json::parse(R"({"D1": [{"hospital": "H2", "reason": "not_ranked",
    "message": "H2の順位表にありません"}]})"));
}

TEST(PlacementJson, RefusesMalformedInstancesNamingTheItem) {
  const auto refused = [](std::string_view text) {
    const auto p = read_problem(text);
    EXPECT_FALSE(p) << text;
    if (p) return std::string();
    EXPECT_EQ(p.error().code, "invalid_instance");
    return p.error().message;
  };
  const std::string regions = R"("regions": [{"id": "R1", "cap": 3}])";
  const std::string ok_h = R"({"id": "H1", "region": "R1", "capacity": 2, "target": 1, "preferences": ["D1"]})";
  const std::string ok_d = R"({"id": "D1", "preferences": ["H1"]})";
  auto instance = [&](std::string mechanism, std::string regs, std::string hospitals, std::string doctors) {
    return R"({"mechanism": )" + mechanism + ", " + regs + R"(, "hospitals": [)" + hospitals + R"(], "doctors": [)" + doctors + "]}";
  };
  EXPECT_TRUE(read_problem(instance(R"("da")", regions, ok_h, ok_d)));
  EXPECT_EQ(refused("{\"mechanism\": \"da\",\n \"regions\": [}"), "入力がJSONとして正しくありません（2行目）。");
  EXPECT_EQ(refused(""), "入力が空です。インスタンスをJSONで渡してください。");
  EXPECT_EQ(refused("[1]"), "入力はJSONオブジェクト（{…}）で渡してください。");
  EXPECT_EQ(refused(instance(R"("gs")", regions, ok_h, ok_d)), "mechanism 「gs」 は使えません。da、jrmp、fda のいずれかを指定してください。");
  EXPECT_EQ(refused(instance(R"("da")", regions, ok_h, R"({"id": "D1", "preferences": ["H9"]})")),
            "医師「D1」の希望順位にある病院「H9」は hospitals にありません。");
  EXPECT_EQ(refused(instance(R"("da")", regions, R"({"id": "H1", "region": "R1", "capacity": 2, "target": 1, "preferences": ["D7"]})", ok_d)),
            "病院「H1」の順位表にある医師「D7」は doctors にありません。");
  EXPECT_EQ(refused(instance(R"("da")", regions, ok_h + "," + ok_h, ok_d)), "病院ID「H1」が2回以上あります。IDは重複できません。");
  EXPECT_EQ(refused(instance(R"("da")", regions, ok_h, ok_d + "," + ok_d)), "医師ID「D1」が2回以上あります。IDは重複できません。");
  EXPECT_EQ(refused(instance(R"("da")", regions, R"({"id": "H1", "region": "R1", "capacity": 2, "target": 3, "preferences": []})", ok_d)),
            "病院「H1」の target（3）が capacity（2）を超えています。");
  EXPECT_EQ(refused(instance(R"("fda")", R"("regions": [{"id": "R1", "cap": 1}])", ok_h + R"(, {"id": "H2", "region": "R1", "capacity": 2, "target": 1, "preferences": []})", ok_d)),
            "区域「R1」の病院の target の合計（2）が区域の cap（1）を超えています。");
  EXPECT_EQ(refused(instance(R"("da")", R"("regions": [{"id": "R1", "cap": 2.5}])", ok_h, ok_d)),
            "区域「R1」の cap は0以上2147483647以下の整数で指定してください。");
  EXPECT_EQ(refused(instance(R"("da")", R"("regions": [{"id": "R1", "cap": -1}])", ok_h, ok_d)),
            "区域「R1」の cap は0以上2147483647以下の整数で指定してください。");
  EXPECT_EQ(refused(instance(R"("da")", R"("regions": [{"id": "R1", "cap": "3"}])", ok_h, ok_d)),
            "区域「R1」の cap は0以上2147483647以下の整数で指定してください。");
  EXPECT_EQ(refused(instance(R"("da")", R"("regions": [{"id": "R1", "cap": 99999999999}])", ok_h, ok_d)),
            "区域「R1」の cap は0以上2147483647以下の整数で指定してください。");
  EXPECT_EQ(refused(instance(R"("da")", regions, R"({"id": "H1", "region": "R1", "capacity": 2, "target": 1.0, "preferences": []})", ok_d)),
            "病院「H1」の target は0以上2147483647以下の整数で指定してください。");
  EXPECT_EQ(refused(instance(R"("da")", regions, R"({"id": "H1", "region": "R7", "capacity": 2, "target": 1, "preferences": []})", ok_d)),
            "病院「H1」の区域「R7」は regions にありません。");
  EXPECT_EQ(refused(instance(R"("da")", regions, ok_h, R"({"id": "D1", "preferences": ["H1", "H1"]})")),
            "医師「D1」の希望順位に病院「H1」が2回あります。");
  EXPECT_EQ(refused(instance(R"("da")", regions, ok_h, R"({"preferences": []})")), "doctors[0] に id がありません。");
  EXPECT_EQ(refused(R"({"mechanism": "da", "mechanism": "fda", "regions": [], "hospitals": [], "doctors": []})"),
            "入力のJSONに同じ項目名が2回以上あるオブジェクトがあります。");
  EXPECT_EQ(refused(R"({"mechanism": "da", "regions": [], "hospitals": []})"), "doctors がありません。");
}
