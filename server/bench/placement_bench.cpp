// Placement benchmark (issue 14: NRMP size solved and audited in ≤ 100 ms with peak memory ≤ 200 MiB for each
// mechanism, on one core). Generates two instances with a fixed seed — JRMP size (10,000 doctors, 1,100
// hospitals, 47 regions, 10–20 ranks each) and NRMP size (50,000 doctors, 6,600 hospitals, 47 regions, 10–14
// ranks, about 12) — with correlated preferences: hospitals have a popularity (higher in the big-city regions) that
// every doctor's ranking follows up to personal noise, and doctors a score that every hospital's ranking follows
// up to noise. Hospitals rank the doctors who applied to them, dropping one in twenty. Regional caps bind in the
// popular regions (85 % of their seats) and targets are the capacities scaled down to the cap.
//
// For each mechanism it prints the median solve and audit times over several runs, the peak heap beyond the
// instance during solve + audit (every allocation is counted by the operator new below), how many doctors are
// placed and how many regions are at their cap, and the ratio to a straightforward DA (std::map and std::string,
// the way one would first write it), which must give the identical assignment for `da`. Exits 1 if it does not,
// or if an audit finds a problem; the timings themselves assert nothing.
#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <new>
#include <set>
#include <string>
#include <vector>

#include "placement/placement.h"

// ---- heap accounting: live and peak bytes of every allocation made through operator new (single-threaded) ----
namespace {
std::size_t live_bytes = 0, peak_bytes = 0;
void* counted_alloc(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) return nullptr;
  live_bytes += malloc_usable_size(p);
  peak_bytes = std::max(peak_bytes, live_bytes);
  return p;
}
void counted_free(void* p) {
  if (!p) return;
  live_bytes -= malloc_usable_size(p);
  std::free(p);
}
}  // namespace
void* operator new(std::size_t n) {
  if (void* p = counted_alloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }

using namespace kh::placement;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
//! CPU time of this thread in ms: what the work cost, whatever else the machine was doing meanwhile.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}
double mib(std::size_t bytes) { return static_cast<double>(bytes) / 1048576.0; }
long maxrss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  double normal() { return std::sqrt(-2 * std::log(1 - uniform())) * std::cos(6.283185307179586 * uniform()); }
};

struct Spec {
  const char* name;
  int doctors, hospitals, regions, min_ranks, max_ranks;
};

std::string numbered(char prefix, int i, int width) {
  char b[16];
  std::snprintf(b, sizeof b, "%c%0*d", prefix, width, i);
  return b;
}

Instance generate(const Spec& s, std::uint64_t seed) {
  Rng rng{seed};
  // Regions: a few big-city regions hold many hospitals and are popular (like Tokyo, Osaka, Aichi).
  std::vector<double> region_weight(s.regions), region_appeal(s.regions);
  for (int r = 0; r < s.regions; ++r) {
    region_weight[r] = 1.0 / std::pow(r + 1.0, 0.8);
    region_appeal[r] = 1.0 / std::sqrt(r + 1.0);
  }
  double total_weight = 0;
  for (double w : region_weight) total_weight += w;
  std::vector<int> region(s.hospitals);
  std::vector<double> popularity(s.hospitals);
  for (int h = 0; h < s.hospitals; ++h) {
    double x = rng.uniform() * total_weight;
    int r = 0;
    while (r + 1 < s.regions && x >= region_weight[r]) x -= region_weight[r++];
    region[h] = r;
    popularity[h] = region_appeal[r] + 0.5 * rng.normal();
  }
  // Capacities: about 1.15 seats per doctor, larger for popular hospitals; one hospital in a hundred has none.
  std::vector<int> capacity(s.hospitals);
  const double mean_seats = 1.15 * s.doctors / s.hospitals;
  for (int h = 0; h < s.hospitals; ++h)
    capacity[h] = rng.below(100) == 0 ? 0 : std::max(1, static_cast<int>(std::lround(mean_seats * std::exp(0.4 * popularity[h] + 0.3 * rng.normal()) / 1.3)));
  // Doctors rank hospitals drawn by exp(2 × popularity), ordered by popularity plus personal noise.
  std::vector<double> draw(s.hospitals);
  double sum = 0;
  for (int h = 0; h < s.hospitals; ++h) draw[h] = sum += std::exp(2 * popularity[h]);
  std::vector<std::vector<std::int32_t>> doctor_lists(s.doctors);
  std::vector<std::vector<std::int32_t>> applicants(s.hospitals);
  std::vector<double> score(s.doctors);
  for (int d = 0; d < s.doctors; ++d) {
    score[d] = rng.normal();
    const int k = s.min_ranks + rng.below(s.max_ranks - s.min_ranks + 1);
    std::vector<std::pair<double, std::int32_t>> picked;
    while (static_cast<int>(picked.size()) < k) {
      const auto h = static_cast<std::int32_t>(std::lower_bound(draw.begin(), draw.end(), rng.uniform() * sum) - draw.begin());
      if (std::any_of(picked.begin(), picked.end(), [&](const auto& p) { return p.second == h; })) continue;
      picked.push_back({popularity[h] + 0.6 * rng.normal(), h});
    }
    std::sort(picked.begin(), picked.end(), std::greater<>());
    for (const auto& [utility, h] : picked) {
      doctor_lists[d].push_back(h);
      applicants[h].push_back(d);
    }
  }
  Instance in;
  // Regional caps: 85 % of the seats in the ten most popular regions, all of them elsewhere; targets scaled to fit.
  std::vector<long> seats(s.regions, 0);
  for (int h = 0; h < s.hospitals; ++h) seats[region[h]] += capacity[h];
  std::vector<int> cap(s.regions);
  for (int r = 0; r < s.regions; ++r) {
    cap[r] = static_cast<int>(r < 10 ? seats[r] * 85 / 100 : seats[r]);
    in.add_region(numbered('R', r + 1, 2), cap[r]);
  }
  for (int h = 0; h < s.hospitals; ++h) {
    auto& list = applicants[h];
    std::erase_if(list, [&](std::int32_t) { return rng.below(20) == 0; });
    std::vector<std::pair<double, std::int32_t>> ranked;
    for (auto d : list) ranked.push_back({score[d] + 0.5 * rng.normal(), d});
    std::sort(ranked.begin(), ranked.end(), std::greater<>());
    std::vector<std::int32_t> prefs;
    for (const auto& [value, d] : ranked) prefs.push_back(d);
    const auto target = seats[region[h]] == 0 ? 0 : static_cast<int>(static_cast<long>(capacity[h]) * cap[region[h]] / seats[region[h]]);
    in.add_hospital(numbered('H', h + 1, 4), region[h], capacity[h], target, prefs);
  }
  for (int d = 0; d < s.doctors; ++d) in.add_doctor(numbered('D', d + 1, 5), doctor_lists[d]);
  return in;
}

std::size_t instance_bytes(const Instance& in) {
  std::size_t b = 0;
  for (const auto* ids : {&in.region_ids, &in.hospital_ids, &in.doctor_ids})
    for (const auto& id : *ids) b += sizeof(std::string) + (id.size() > 15 ? id.capacity() : 0);
  for (const auto* v : {&in.region_cap, &in.hospital_region, &in.hospital_capacity, &in.hospital_target, &in.hospital_pref_start,
                        &in.hospital_prefs, &in.doctor_pref_start, &in.doctor_prefs})
    b += v->capacity() * sizeof(std::int32_t);
  return b;
}

//! Deferred acceptance as one would first write it: ids as strings, ranks in std::map, holdings in std::set.
//! Built from the instance's ids (that part is timed too: the engine's solve also prepares its own tables).
std::map<std::string, std::string> baseline_da(const Instance& in) {
  std::map<std::string, std::vector<std::string>> doctor_prefs;
  for (int d = 0; d < in.doctors(); ++d)
    for (auto h : in.doctor_preferences(d)) doctor_prefs[in.doctor_ids[d]].push_back(in.hospital_ids[h]);
  std::map<std::string, std::map<std::string, int>> hospital_rank;
  std::map<std::string, int> capacity;
  for (int h = 0; h < in.hospitals(); ++h) {
    auto& ranks = hospital_rank[in.hospital_ids[h]];
    int position = 0;
    for (auto d : in.hospital_preferences(h)) ranks[in.doctor_ids[d]] = position++;
    capacity[in.hospital_ids[h]] = in.hospital_capacity[h];
  }
  std::map<std::string, std::set<std::pair<int, std::string>>> held;
  std::map<std::string, std::size_t> next;
  std::deque<std::string> free(in.doctor_ids.begin(), in.doctor_ids.end());
  while (!free.empty()) {
    const std::string d = free.front();
    free.pop_front();
    const auto& prefs = doctor_prefs[d];
    while (next[d] < prefs.size()) {
      const std::string& h = prefs[next[d]++];
      const auto& ranks = hospital_rank[h];
      const auto it = ranks.find(d);
      if (it == ranks.end() || capacity[h] == 0) continue;
      auto& mine = held[h];
      if (static_cast<int>(mine.size()) < capacity[h]) { mine.insert({it->second, d}); break; }
      const auto worst = std::prev(mine.end());
      if (it->second < worst->first) {
        free.push_back(worst->second);
        mine.erase(worst);
        mine.insert({it->second, d});
        break;
      }
    }
  }
  std::map<std::string, std::string> out;
  for (const auto& [h, doctors] : held)
    for (const auto& [rank, d] : doctors) out[d] = h;
  return out;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Figures { double solve_ms, audit_ms, wall_ms; std::size_t peak; long matched; int regions_at_cap; bool ok; };

Figures measure(const Instance& in, Mechanism m, int runs, std::vector<std::int32_t>* keep) {
  std::vector<double> solve_ms, audit_ms, wall_ms;
  Figures f{};
  for (int i = 0; i < runs; ++i) {
    const auto before = live_bytes;
    peak_bytes = live_bytes;
    const auto wall = Clock::now();
    auto t = cpu_ms();
    auto assignment = solve(in, m);
    solve_ms.push_back(cpu_ms() - t);
    t = cpu_ms();
    const auto checked = audit(in, m, assignment);
    audit_ms.push_back(cpu_ms() - t);
    wall_ms.push_back(ms_since(wall));
    f.peak = std::max(f.peak, peak_bytes - before);
    f.ok = checked.caps_respected() && checked.stable();
    f.matched = std::count_if(assignment.begin(), assignment.end(), [](std::int32_t h) { return h != unmatched; });
    f.regions_at_cap = 0;
    for (int r = 0; r < in.regions(); ++r) f.regions_at_cap += checked.region_fill[r] >= in.region_cap[r];
    if (keep && i == 0) *keep = std::move(assignment);
  }
  f.solve_ms = median(solve_ms);
  f.audit_ms = median(audit_ms);
  f.wall_ms = median(wall_ms);
  return f;
}

bool run(const Spec& s, int runs) {
  const auto t = Clock::now();
  const auto in = generate(s, 20260115);
  const auto generate_ms = ms_since(t);
  if (auto problem = validate(in)) { std::printf("generated instance invalid: %s\n", problem->c_str()); return false; }
  std::printf("\n%s: %d doctors, %d hospitals, %d regions, %d–%d ranks per doctor (%.1f on average), %zu hospital ranks; "
              "instance %.1f MiB, generated in %.0f ms\n",
              s.name, in.doctors(), in.hospitals(), in.regions(), s.min_ranks, s.max_ranks,
              static_cast<double>(in.doctor_prefs.size()) / in.doctors(), in.hospital_prefs.size(), mib(instance_bytes(in)), generate_ms);
  std::printf("  %-5s %9s %9s %9s %9s %9s %8s %8s %6s %15s\n", "", "solve ms", "audit ms", "total ms", "wall ms", "peak MiB", "placed",
              "at cap", "audit", "baseline/solve");
  std::vector<std::int32_t> da_assignment;
  Figures figures[3];
  const Mechanism mechanisms[] = {Mechanism::da, Mechanism::jrmp, Mechanism::fda};
  for (int i = 0; i < 3; ++i) figures[i] = measure(in, mechanisms[i], runs, i == 0 ? &da_assignment : nullptr);
  const long rss_engine = maxrss_kib();

  // The baseline, once or twice (it is slow), after the engine so that the RSS above is the engine's.
  std::vector<double> baseline_ms;
  std::map<std::string, std::string> baseline;
  for (int i = 0; i < 3; ++i) {
    const auto b = cpu_ms();
    baseline = baseline_da(in);
    baseline_ms.push_back(cpu_ms() - b);
  }
  const double base = median(baseline_ms);
  bool identical = true;
  for (int d = 0; d < in.doctors(); ++d) {
    const auto it = baseline.find(in.doctor_ids[d]);
    const auto expected = it == baseline.end() ? std::string() : it->second;
    const auto got = da_assignment[d] == unmatched ? std::string() : in.hospital_ids[da_assignment[d]];
    identical &= expected == got;
  }

  bool ok = identical;
  for (int i = 0; i < 3; ++i) {
    const auto& f = figures[i];
    ok &= f.ok;
    std::printf("  %-5s %9.2f %9.2f %9.2f %9.2f %9.1f %8ld %5d/%-2d %6s %14.0fx\n", std::string(mechanism_code(mechanisms[i])).c_str(),
                f.solve_ms, f.audit_ms, f.solve_ms + f.audit_ms, f.wall_ms, mib(f.peak), f.matched, f.regions_at_cap, in.regions(),
                f.ok ? "ok" : "FAIL", base / f.solve_ms);
  }
  std::printf("  baseline DA (std::map, std::string, median of 3): %.0f ms; same assignment as da: %s\n", base, identical ? "yes" : "NO");
  std::printf("  process peak RSS after the engine runs: %.0f MiB (generator and instance included)\n", maxrss_kib() > 0 ? rss_engine / 1024.0 : 0.0);
  double worst_total = 0, worst_peak = 0;
  for (const auto& f : figures) {
    worst_total = std::max(worst_total, f.solve_ms + f.audit_ms);
    worst_peak = std::max(worst_peak, mib(f.peak));
  }
  std::printf("  slowest mechanism: %.1f ms solve + audit (target <= 100 ms), largest peak %.1f MiB + instance %.1f MiB (target <= 200 MiB)\n",
              worst_total, worst_peak, mib(instance_bytes(in)));
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 11;
  std::printf("placement benchmark: median of %d runs per mechanism, one thread, fixed seed; times are the thread's CPU\n"
              "time (robust on a busy machine), wall ms the elapsed time of solve + audit; peak MiB is the heap beyond the\n"
              "instance during solve + audit, counted by operator new\n", runs);
  bool ok = run({"JRMP size", 10'000, 1'100, 47, 10, 20}, runs);
  ok &= run({"NRMP size", 50'000, 6'600, 47, 10, 14}, runs);
  if (!ok) std::printf("\nFAILED: an audit found a problem or the baseline disagrees with da\n");
  return ok ? 0 : 1;
}
