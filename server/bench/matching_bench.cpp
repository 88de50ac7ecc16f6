// Matching benchmark (issue: ≤ 1 ms per new posting against 1,000,000 profiles on one core, ≥ 100× faster
// than the same query in SQL). Generates 1,000,000 seeker profiles and 100,000 postings deterministically,
// loads them into the in-memory engine and into an indexed table in SQLite and in PostgreSQL, and times the
// same "who matches this posting" question in each. Prints figures and ratios; asserts nothing.
// Arguments: [seekers] [postings] [demo database, for the score spread] [queries each way, default 1000].
#include <boost/json.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "matching/matching.h"
#include "postings/postings.h"
#include "reference/reference.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace kh;
namespace bj = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Rng {
  std::uint64_t s = 0x9e3779b97f4a7c15ULL;
  std::uint64_t next() { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

const char* categories[] = {"doctor", "phn", "midwife", "nurse", "assoc_nurse", "radiology_tech", "lab_tech",
                            "clinical_engineer", "pharmacist", "paramedic", "clerk"};
const char* employments[] = {"permanent", "fixed_term", "spot"};
const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const char* specialties[] = {"内科", "消化器内科", "循環器内科", "呼吸器内科", "外科", "整形外科", "小児科", "産婦人科", "麻酔科", "救急科"};
const char* careers[] = {"none", "none", "none", "specialist", "return", "change"};

std::string pref(int p) { char b[3]; std::snprintf(b, sizeof b, "%02d", p); return b; }
std::string date(int day_of_2027) {
  const int month = 1 + day_of_2027 / 28, day = 1 + day_of_2027 % 28;
  char b[11]; std::snprintf(b, sizeof b, "2027-%02d-%02d", month, day); return b;
}

// The flat shape both SQL baselines query, so each side answers exactly the same question.
struct SeekerRow {
  int category, prefecture, employment_mask, available, period_max, weekdays, night_ok;
  std::array<int, 7> values() const { return {category, prefecture, employment_mask, available, period_max, weekdays, night_ok}; }
};
struct PostingRow {
  int category, prefecture, employment, start, period, weekdays, night;
  std::array<int, 7> values() const { return {category, prefecture, employment, start, period, weekdays, night}; }
};

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

//! Each query's time. The ratios compare medians: on a shared machine one query in a hundred may wait for the
//! processor, which moves a mean of ten-microsecond queries far more than one of milliseconds; the means are
//! printed too.
struct Times {
  std::vector<double> ms;
  double mean() const {
    double sum = 0;
    for (double x : ms) sum += x;
    return ms.empty() ? 0 : sum / static_cast<double>(ms.size());
  }
  double median() const {
    if (ms.empty()) return 0;
    auto v = ms;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  }
  //! Times `f` once and keeps it.
  template <class F>
  void time(F&& f) {
    const auto t = Clock::now();
    f();
    ms.push_back(ms_since(t));
  }
};

long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

//! Creates `table` with an integer id and `columns`, loads `rows` in batches and indexes `index_columns`.
template <class Row>
void load_table(store::Connection& c, const char* name, const std::string& table, const std::string& columns,
                const std::vector<Row>& rows, const std::string& index_columns) {
  (void)c.execute_script("DROP TABLE IF EXISTS " + table);
  (void)c.execute_script("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, " + columns + ")");
  const auto load = Clock::now();
  (void)c.begin();
  for (std::size_t i = 0; i < rows.size(); i += 1000) {
    std::string sql = "INSERT INTO " + table + " VALUES ";
    for (std::size_t j = i; j < std::min(rows.size(), i + 1000); ++j) {
      sql += j == i ? "(" : ",(";
      sql += std::to_string(j);
      for (int v : rows[j].values()) {
        sql += ',';
        sql += std::to_string(v);
      }
      sql += ')';
    }
    if (auto r = c.execute_script(sql); !r) { std::printf("%s load failed: %s\n", name, r.error().message.c_str()); std::exit(1); }
  }
  (void)c.commit();
  (void)c.execute_script("CREATE INDEX " + table + "_key ON " + table + " (" + index_columns + ")");
  (void)c.execute_script(c.dialect() == store::Dialect::postgres ? "ANALYZE " + table : std::string("ANALYZE"));
  std::printf("  %-10s load + index of %zu rows into %s: %.0f ms\n", name, rows.size(), table.c_str(), ms_since(load));
}

//! Runs `sql` once per parameter list; each query's time, and the rows found added to `found`.
Times time_queries(store::Connection& c, const char* name, const std::string& sql, const std::vector<store::Params>& params,
                   std::size_t* found) {
  Times times;
  for (const auto& p : params) {
    times.time([&] {
      auto r = c.execute(sql, p);
      if (!r) { std::printf("%s query failed: %s\n", name, r.error().message.c_str()); std::exit(1); }
      *found += r->rows.size();
    });
  }
  return times;
}

// The same hard conditions the engine checks, on the flat rows (each generated seeker has one category and one
// prefecture, so equality on both is the engine's list key).
const std::string seekers_for_posting_sql =
    "SELECT id FROM bench_seekers WHERE category = $1 AND prefecture = $2 AND (employment_mask & $3) <> 0 "
    "AND available <= $4 AND (period_max = 0 OR $5 = 0 OR period_max >= $5) AND (weekdays & $6) <> 0 "
    "AND (night_ok = 1 OR $7 = 0)";
const std::string postings_for_seeker_sql =
    "SELECT id FROM bench_postings WHERE category = $1 AND prefecture = $2 AND ($3 & (1 << employment)) <> 0 "
    "AND start >= $4 AND (period = 0 OR $5 = 0 OR period <= $5) AND (weekdays & $6) <> 0 AND (night = 0 OR $7 = 1)";

struct Baseline { Times per_posting, per_seeker; std::size_t posting_rows = 0, seeker_rows = 0; };

Baseline sql_baseline(store::Connection& c, const char* name, const std::vector<SeekerRow>& seekers,
                      const std::vector<PostingRow>& postings, const std::vector<store::Params>& posting_queries,
                      const std::vector<store::Params>& seeker_queries) {
  load_table(c, name, "bench_seekers",
             "category INTEGER, prefecture INTEGER, employment_mask INTEGER, available INTEGER, period_max INTEGER, "
             "weekdays INTEGER, night_ok INTEGER", seekers, "category, prefecture, available");
  load_table(c, name, "bench_postings",
             "category INTEGER, prefecture INTEGER, employment INTEGER, start INTEGER, period INTEGER, weekdays INTEGER, "
             "night INTEGER", postings, "category, prefecture, start");
  Baseline b;
  b.per_posting = time_queries(c, name, seekers_for_posting_sql, posting_queries, &b.posting_rows);
  b.per_seeker = time_queries(c, name, postings_for_seeker_sql, seeker_queries, &b.seeker_rows);
  (void)c.execute_script("DROP TABLE bench_seekers");
  (void)c.execute_script("DROP TABLE bench_postings");
  return b;
}

//! The demo's published postings (from a database made by `kakehashi demo-data`) scored against every generated
//! profile: how many distinct scores a posting's candidates get, how often the top 10 share a score, and the time
//! per posting for the whole scored and sorted list (what the candidates page asks for).
void score_spread(matching::Engine& engine, const reference::Catalogue& catalogue, const std::string& demo_db) {
  auto database = store::open_database("sqlite:" + demo_db);
  if (!database) { std::printf("score spread: cannot open %s\n", demo_db.c_str()); return; }
  store::Pool pool(**database, 1);
  postings::Service service(pool, catalogue);
  auto demo = service.all_published();
  if (!demo) { std::printf("score spread: %s\n", demo.error().message.c_str()); return; }
  // The demo's dates are relative to the day it was made; move them into the generated seekers' year.
  std::size_t candidates = 0, with_candidates = 0, top_pairs_tied = 0, top_pairs_tied_fine = 0, top_pairs = 0;
  double distinct_sum = 0;
  std::set<int> all_scores;
  const auto t = Clock::now();
  for (auto p : *demo) {
    p.id = "demo_" + p.id;
    p.start_date = "2027-04-01";
    engine.upsert_posting(p);
    const auto list = engine.seekers_for_posting(p.id, SIZE_MAX);
    engine.remove_posting(p.id);
    if (list.empty()) continue;
    ++with_candidates;
    candidates += list.size();
    std::set<int> distinct;
    for (const auto& m : list) { distinct.insert(m.score); all_scores.insert(m.score); }
    distinct_sum += static_cast<double>(distinct.size());
    const std::size_t top = std::min<std::size_t>(10, list.size());
    for (std::size_t i = 0; i < top; ++i) {
      ++top_pairs;
      const bool tied = (i > 0 && list[i - 1].score == list[i].score) || (i + 1 < top && list[i + 1].score == list[i].score);
      top_pairs_tied += tied;
      const bool tied_fine = (i > 0 && list[i - 1].fit.total == list[i].fit.total) ||
                             (i + 1 < top && list[i + 1].fit.total == list[i].fit.total);
      top_pairs_tied_fine += tied_fine;
    }
  }
  const double ms = ms_since(t);
  std::printf("\nscore spread: the demo's %zu published postings against every profile\n", demo->size());
  if (with_candidates == 0) { std::printf("  no candidates\n"); return; }
  std::printf("  postings with candidates:              %zu (avg %zu candidates)\n", with_candidates, candidates / with_candidates);
  std::printf("  distinct scores per posting:           %.1f on average (%zu distinct over all)\n", distinct_sum / with_candidates, all_scores.size());
  std::printf("  top 10 sharing a score with another:   %.0f%% of the shown 0-100 points, %.0f%% of the tenths that order them\n",
              100.0 * top_pairs_tied / top_pairs, 100.0 * top_pairs_tied_fine / top_pairs);
  std::printf("  scored and sorted list per posting:    %.3f ms\n", ms / static_cast<double>(demo->size()));
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n_seekers = argc > 1 ? std::stoul(argv[1]) : 1'000'000;
  const std::size_t n_postings = argc > 2 ? std::stoul(argv[2]) : 100'000;
  // 1,000 queries each way: the engine answers all of them in about 10 ms, a window long enough that one
  // preemption on a shared machine does not decide the figure (with 200, a single one could triple it).
  const std::size_t n_queries = argc > 4 ? std::stoul(argv[4]) : 1000;
  std::printf("matching benchmark: %zu seekers, %zu postings, %zu queries each way\n", n_seekers, n_postings, n_queries);

  const auto dir = std::filesystem::temp_directory_path() / "kakehashi-bench";
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / "bench.db");
  auto sqlite = store::open_database("sqlite:" + (dir / "bench.db").string()).value();
  auto conn = sqlite->connect().value();
  (void)store::migrate(*conn);
  (void)reference::ensure_shipped_data(*conn);
  reference::Catalogue catalogue;
  (void)catalogue.load(*conn);

  Rng rng;
  std::vector<SeekerRow> seeker_rows;
  std::vector<matching::SeekerRecord> profiles;
  seeker_rows.reserve(n_seekers);
  profiles.reserve(n_seekers);
  for (std::size_t i = 0; i < n_seekers; ++i) {
    SeekerRow s{rng.below(11), 1 + rng.below(47), 0, rng.below(300), rng.below(13), 0, rng.below(2)};
    bj::array emp, wd;
    for (int e = 0; e < 3; ++e) if (rng.below(2)) { emp.push_back(employments[e]); s.employment_mask |= 1 << e; }
    if (!s.employment_mask) { emp.push_back("spot"); s.employment_mask = 4; }
    for (int d = 0; d < 7; ++d) if (rng.below(3)) { wd.push_back(days[d]); s.weekdays |= 1 << d; }
    if (!s.weekdays) { wd.push_back("mon"); s.weekdays = 1; }
    // The soft parts of the score vary too (specialty, experience, full time, career wish, last update), so the
    // spread printed below is that of realistic profiles; none of them changes the hard conditions SQL checks.
    bj::object profile{{"categories", bj::array{categories[s.category]}}, {"employment", std::move(emp)},
                       {"available_from", date(s.available)},
                       {"period_months_max", s.period_max ? bj::value(s.period_max) : bj::value(nullptr)},
                       {"weekdays", std::move(wd)}, {"night_duty", s.night_ok == 1},
                       {"prefectures", bj::array{bj::string(pref(s.prefecture))}},
                       {"experience_years", rng.below(35)}, {"full_time", rng.below(2) == 0},
                       {"career_support", careers[rng.below(6)]}};
    if (s.category == 0) profile["specialties"] = bj::array{specialties[rng.below(10)]};
    const std::int64_t updated = 86'400'000LL * (20'400 + rng.below(400));  // 2025-11 to 2026-12
    profiles.push_back({"usr_" + std::to_string(i), std::move(profile), updated});
    seeker_rows.push_back(s);
  }
  std::vector<postings::Posting> posts;
  std::vector<PostingRow> posting_rows;
  for (std::size_t i = 0; i < n_postings + n_queries; ++i) {
    postings::Posting p;
    p.id = "p" + std::to_string(i);
    p.status = "published";
    PostingRow r{rng.below(11), 1 + rng.below(47), rng.below(3), rng.below(300), 0, 0, rng.below(4) == 0};
    p.category = categories[r.category];
    p.employment = employments[r.employment];
    p.start_date = date(r.start);
    if (r.employment != 0) { r.period = 1 + rng.below(6); p.period_months = r.period; }
    for (int d = 0; d < 7; ++d) if (rng.below(3)) { p.weekdays.push_back(days[d]); r.weekdays |= 1 << d; }
    if (!r.weekdays) { p.weekdays.push_back("mon"); r.weekdays = 1; }
    p.night_duty = r.night == 1;
    p.urgency = rng.below(4) ? "regular" : "immediate";
    p.workplace.prefecture = pref(r.prefecture);
    if (r.category == 0) p.specialty = specialties[rng.below(10)];
    if (rng.below(3) == 0) p.requirements = "経験" + std::to_string(1 + rng.below(10)) + "年以上";
    posts.push_back(std::move(p));
    posting_rows.push_back(r);
  }

  matching::Engine engine(catalogue);
  const long rss_before = rss_kib();
  auto t = Clock::now();
  engine.upsert_seekers(profiles);
  for (std::size_t i = 0; i < n_postings; ++i) engine.upsert_posting(posts[i]);
  const double rebuild_ms = ms_since(t);
  const auto stats = engine.stats();
  const long rss_after = rss_kib();
  profiles.clear();
  profiles.shrink_to_fit();

  // A new posting arrives and finds all its seekers (the notifier's question).
  std::size_t engine_matches = 0;
  for (std::size_t i = n_postings; i < n_postings + n_queries; ++i) engine.upsert_posting(posts[i]);
  // Warm up on other postings first: a server's engine is long-lived, and the first queries after a bulk
  // load mostly measure page faults of freshly allocated memory.
  for (std::size_t i = 0; i < n_queries; ++i) (void)engine.seekers_for_posting(posts[i].id, SIZE_MAX);
  // "Find all matches": every matching seeker identified and scored (what the notifier consumes).
  Times per_posting;
  for (std::size_t i = n_postings; i < n_postings + n_queries; ++i)
    per_posting.time([&] { engine.visit_seekers_for_posting(posts[i].id, [&](const std::string&, int) { ++engine_matches; }); });
  // The same, materialised as a sorted list of ids with scores (what the candidates page uses).
  Times per_posting_list;
  for (std::size_t i = n_postings; i < n_postings + n_queries; ++i)
    per_posting_list.time([&] { (void)engine.seekers_for_posting(posts[i].id, SIZE_MAX); });
  // A new or edited seeker finds its postings (warm-up on other seekers first, as above).
  std::vector<std::size_t> seeker_queries;
  for (std::size_t i = 0; i < n_queries; ++i) seeker_queries.push_back(i * 4999 % n_seekers);
  for (std::size_t i = 0; i < n_queries; ++i) (void)engine.postings_for_seeker("usr_" + std::to_string(i * 7919 % n_seekers), SIZE_MAX);
  std::size_t seeker_matches = 0;
  Times per_seeker;
  for (const auto i : seeker_queries) {
    const auto id = "usr_" + std::to_string(i);
    per_seeker.time([&] { seeker_matches += engine.postings_for_seeker(id, SIZE_MAX).size(); });
  }

  std::printf("\nin-memory engine\n");
  std::printf("  rebuild (all seekers + postings):      %.0f ms\n", rebuild_ms);
  std::printf("  memory, engine estimate:               %.0f MiB per million profiles\n", stats.bytes / 1048576.0 / (n_seekers / 1e6));
  std::printf("  memory, process RSS growth:            %.0f MiB\n", (rss_after - rss_before) / 1024.0);
  std::printf("  new posting -> all matching seekers:   %.3f ms median, %.3f mean (avg %zu matches)   target <= 1 ms\n",
              per_posting.median(), per_posting.mean(), engine_matches / n_queries);
  std::printf("  ... as a sorted list of ids:           %.3f ms median, %.3f mean\n", per_posting_list.median(), per_posting_list.mean());
  std::printf("  new seeker  -> all matching postings:  %.3f ms median, %.3f mean (avg %zu matches)\n", per_seeker.median(),
              per_seeker.mean(), seeker_matches / n_queries);

  if (argc > 3) score_spread(engine, catalogue, argv[3]);

  std::vector<store::Params> posting_params, seeker_params;
  for (std::size_t i = n_postings; i < n_postings + n_queries; ++i) {
    const auto& p = posting_rows[i];
    posting_params.push_back({std::int64_t{p.category}, std::int64_t{p.prefecture}, std::int64_t{1 << p.employment},
                              std::int64_t{p.start}, std::int64_t{p.period}, std::int64_t{p.weekdays}, std::int64_t{p.night}});
  }
  for (const auto i : seeker_queries) {
    const auto& s = seeker_rows[i];
    seeker_params.push_back({std::int64_t{s.category}, std::int64_t{s.prefecture}, std::int64_t{s.employment_mask},
                             std::int64_t{s.available}, std::int64_t{s.period_max}, std::int64_t{s.weekdays}, std::int64_t{s.night_ok}});
  }
  std::printf("\nSQL baseline (same hard conditions, indexes on the list keys)\n");
  const auto lite = sql_baseline(*conn, "SQLite", seeker_rows, posting_rows, posting_params, seeker_params);
  std::printf("  SQLite      posting -> seekers:        %.3f ms median, %.3f mean (avg %zu rows)\n", lite.per_posting.median(),
              lite.per_posting.mean(), lite.posting_rows / n_queries);
  std::printf("  SQLite      seeker  -> postings:       %.3f ms median, %.3f mean (avg %zu rows)\n", lite.per_seeker.median(),
              lite.per_seeker.mean(), lite.seeker_rows / n_queries);
  std::optional<Baseline> pg;
  if (const char* url = std::getenv("KAKEHASHI_BENCH_PG_URL")) {
    auto database = store::open_database(url).value();
    auto pc = database->connect().value();
    pg = sql_baseline(*pc, "PostgreSQL", seeker_rows, posting_rows, posting_params, seeker_params);
    std::printf("  PostgreSQL  posting -> seekers:        %.3f ms median, %.3f mean (avg %zu rows)\n", pg->per_posting.median(),
                pg->per_posting.mean(), pg->posting_rows / n_queries);
    std::printf("  PostgreSQL  seeker  -> postings:       %.3f ms median, %.3f mean (avg %zu rows)\n", pg->per_seeker.median(),
                pg->per_seeker.mean(), pg->seeker_rows / n_queries);
  } else {
    std::printf("  PostgreSQL: skipped (KAKEHASHI_BENCH_PG_URL not set; server/bench/run.sh sets it)\n");
  }
  // The baselines answer the same question: a different count means the comparison is not fair.
  if (lite.posting_rows != engine_matches) std::printf("  WARNING: SQL found %zu seekers, the engine %zu\n", lite.posting_rows, engine_matches);
  if (lite.seeker_rows != seeker_matches) std::printf("  WARNING: SQL found %zu postings, the engine %zu\n", lite.seeker_rows, seeker_matches);

  std::printf("\nratios (baseline / engine, medians; means in brackets; target >= 100x for a new posting)\n");
  const auto ratios = [&](const char* name, const Baseline& b) {
    std::printf("  %-10s / engine, new posting: %.0fx (%.0fx)   new seeker: %.0fx (%.0fx)\n", name,
                b.per_posting.median() / per_posting.median(), b.per_posting.mean() / per_posting.mean(),
                b.per_seeker.median() / per_seeker.median(), b.per_seeker.mean() / per_seeker.mean());
  };
  ratios("SQLite", lite);
  if (pg) ratios("PostgreSQL", *pg);
  std::filesystem::remove_all(dir);
  return 0;
}
