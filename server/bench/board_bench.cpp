// Bed board benchmark (issue: board query and CSV export for 8,300 facilities — about every hospital in
// Japan). Loads the facilities and one report each into a SQLite file, builds the in-memory board, and times
// typical queries and the full Windows-31J CSV export. Baseline named in the output: the same first page
// computed in SQL (latest report per facility by subquery, indexed). Prints figures; asserts nothing.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "accounts/accounts.h"
#include "beds/beds.h"
#include "core/crypto.h"
#include "reference/reference.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace kh;
using Clock = std::chrono::steady_clock;

namespace {
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
template <class F>
double average_ms(int runs, F&& f) {
  const auto t = Clock::now();
  for (int i = 0; i < runs; ++i) f();
  return ms_since(t) / runs;
}
}  // namespace

int main(int argc, char** argv) {
  const int facilities = argc > 1 ? std::stoi(argv[1]) : 8300;
  crypto::initialise();
  const auto dir = std::filesystem::temp_directory_path() / "kakehashi-board-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto database = store::open_database("sqlite:" + (dir / "board.db").string()).value();
  store::Pool pool(*database, 4);
  reference::Catalogue catalogue;
  {
    auto c = pool.acquire().value();
    (void)store::migrate(*c);
    (void)reference::ensure_shipped_data(*c);
    (void)catalogue.load(*c);
  }
  // Facilities spread over the municipalities the shipped data knows, one report each (generated in SQL in
  // one transaction: the benchmark measures reading, not a realistic write path).
  std::vector<reference::Municipality> places;
  for (const auto& p : reference::prefectures())
    for (const auto& m : catalogue.municipalities(p.code)) places.push_back(m);
  auto load = Clock::now();
  {
    auto c = pool.acquire().value();
    (void)c->begin();
    for (int i = 0; i < facilities; ++i) {
      const auto& m = places[static_cast<std::size_t>(i) % places.size()];
      const std::string org = "org_bench" + std::to_string(i), report = "bed_bench" + std::to_string(i);
      (void)c->execute("INSERT INTO organisations (id, name, kind, prefecture, created_at, updated_at, municipality, address) "
                       "VALUES ($1, $2, 'facility', $3, 0, 0, $4, $5)",
                       {org, m.name + "第" + std::to_string(i) + "病院", m.prefecture, m.code, std::to_string(i % 9 + 1) + "-1-1"});
      (void)c->execute("INSERT INTO bed_reports (id, facility_id, reported_at, reported_by, note) VALUES ($1, $2, $3, 'bench', NULL)",
                       {report, org, std::int64_t{1'700'000'000'000} + i});
      for (const char* ward : {"general", "icu", "infectious"})
        (void)c->execute("INSERT INTO bed_report_wards (report_id, ward_type, permitted, secured, vacant) VALUES ($1, $2, $3, $4, $5)",
                         {report, std::string(ward), std::int64_t{100 + i % 50}, std::int64_t{i % 20}, std::int64_t{i % 37}});
      (void)c->execute("INSERT INTO bed_report_acceptance (report_id, patient_category, status) VALUES ($1, 'emergency', $2)",
                       {report, std::string(i % 3 ? "ok" : "no")});
    }
    (void)c->commit();
  }
  std::printf("bed board benchmark: %d facilities (load %.0f ms)\n\n", facilities, ms_since(load));

  accounts::Service accounts(pool, {}, catalogue);
  beds::Service beds(pool, accounts, catalogue);
  auto t = Clock::now();
  (void)beds.rebuild();
  std::printf("  board rebuild at start:                 %.0f ms\n", ms_since(t));

  beds::BoardQuery everyone;  // the secretariat: all facilities
  beds::BoardQuery tokyo;
  tokyo.scope = {"13"};
  beds::BoardQuery area = tokyo;
  area.area = "1301";
  beds::BoardQuery search;
  search.q = "第12";
  beds::BoardQuery vacant;
  vacant.sort = "vacant";
  beds::BoardQuery last_page;
  last_page.page = facilities / 50;
  std::printf("  first page, all facilities, by name:    %.3f ms (total %lld)\n", average_ms(50, [&] { (void)beds.board(everyone); }),
              static_cast<long long>(beds.board(everyone).total));
  std::printf("  first page, one prefecture:             %.3f ms\n", average_ms(50, [&] { (void)beds.board(tokyo); }));
  std::printf("  first page, one area:                   %.3f ms\n", average_ms(50, [&] { (void)beds.board(area); }));
  std::printf("  keyword search:                         %.3f ms\n", average_ms(50, [&] { (void)beds.board(search); }));
  std::printf("  sorted by vacant beds:                  %.3f ms\n", average_ms(50, [&] { (void)beds.board(vacant); }));
  std::printf("  last page (%d):                        %.3f ms\n", last_page.page, average_ms(50, [&] { (void)beds.board(last_page); }));
  std::string csv;
  const double csv_ms = average_ms(5, [&] { csv = beds.csv(everyone); });
  std::printf("  CSV export, every row, Windows-31J:     %.1f ms (%.1f MiB)\n", csv_ms, csv.size() / 1048576.0);

  // Baseline: the first page straight from SQL with the latest report per facility.
  auto c = pool.acquire().value();
  (void)c->execute_script("ANALYZE");
  const std::string sql =
      "SELECT o.id, o.name, r.id, SUM(w.vacant) FROM organisations o "
      "LEFT JOIN bed_reports r ON r.facility_id = o.id AND r.reported_at = "
      "(SELECT MAX(reported_at) FROM bed_reports x WHERE x.facility_id = o.id) "
      "LEFT JOIN bed_report_wards w ON w.report_id = r.id WHERE o.kind = 'facility' "
      "GROUP BY o.id, o.name, r.id ORDER BY o.name LIMIT 50";
  const double sql_ms = average_ms(20, [&] { (void)c->execute(sql); });
  const double board_ms = average_ms(50, [&] { (void)beds.board(everyone); });
  std::printf("\nbaseline: the same first page in SQLite (latest report by subquery): %.3f ms\n", sql_ms);
  std::printf("ratio baseline / in-memory board: %.0fx\n", sql_ms / board_ms);
  std::filesystem::remove_all(dir);
  return 0;
}
