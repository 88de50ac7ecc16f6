// Reference data benchmark (issue 11: all of Japan). With the full national data set: how long a new
// database takes to load it (what the first `migrate` does), how long the catalogue takes to load and how much
// memory it holds (what every `serve` does at start), and how fast a postal code is looked up — against the
// target named in the output (1 ms a look-up) and against PostgreSQL when KAKEHASHI_BENCH_PG_URL is set.
// Prints figures; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <malloc.h>
#include <string>
#include <memory>
#include <vector>

#include "core/log.h"
#include "reference/reference.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace kh;
using Clock = std::chrono::steady_clock;

namespace {
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

//! Bytes allocated on the heap now (glibc), to measure what the catalogue holds: resident memory would hide it
//! in pages the import freed.
long heap_bytes() { return static_cast<long>(mallinfo2().uordblks); }

void run(const std::string& label, const std::string& url) {
  auto database = store::open_database(url);
  if (!database) { std::printf("%s: cannot open %s\n", label.c_str(), url.c_str()); return; }
  store::Pool pool(**database, 2);
  auto c = pool.acquire().value();
  auto t = Clock::now();
  (void)store::migrate(*c);
  if (auto loaded = reference::ensure_shipped_data(*c); !loaded) {
    std::printf("%s: loading failed: %s\n", label.c_str(), loaded.error().message.c_str());
    return;
  }
  const double load_ms = ms_since(t);

  const long before = heap_bytes();
  auto catalogue = std::make_unique<reference::Catalogue>();
  t = Clock::now();
  (void)catalogue->load(*c);
  const double catalogue_ms = ms_since(t);
  const long catalogue_kib = (heap_bytes() - before) / 1024;

  // Every 37th distinct postal code of the shipped file, each looked up once, in a shuffled but fixed order.
  auto codes = c->execute("SELECT DISTINCT postal_code FROM postal_codes ORDER BY postal_code").value();
  std::vector<std::string> sample;
  for (std::size_t i = 0; i < codes.rows.size(); i += 37) sample.push_back(codes.rows[i].text(0));
  std::vector<double> times;
  std::size_t found = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const auto& code = sample[(i * 7919) % sample.size()];
    const auto s = Clock::now();
    auto r = reference::lookup_postal_code(*c, code);
    times.push_back(ms_since(s));
    if (r && !r->empty()) ++found;
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2], p99 = times[times.size() * 99 / 100];
  std::printf("%s\n", label.c_str());
  std::printf("  first load of the national data (migrate): %8.0f ms%s\n", load_ms,
              load_ms < 100 ? " (the database had it already)" : "");
  std::printf("  catalogue load at start (serve):           %8.1f ms, %ld KiB of heap for %zu municipalities\n", catalogue_ms,
              catalogue_kib, catalogue->find_municipalities("", "", 100000).size());
  std::printf("  postal-code look-up, %zu codes (%zu found): median %.3f ms, p99 %.3f ms\n", sample.size(), found, median, p99);
  std::printf("  ratio to the target of 1 ms a look-up:     median %.2f, p99 %.2f (below 1 meets it)\n", median / 1.0, p99 / 1.0);

  // The reverse, which GET /api/v1/me makes for a facility: its postal code from municipality and street address
  // (every 37th row's town with a house number, so every size of municipality is met).
  auto rows = c->execute("SELECT municipality_code, town FROM postal_codes WHERE town <> '' ORDER BY postal_code, town").value();
  std::vector<double> reverse;
  std::size_t derived = 0;
  for (std::size_t i = 0; i < rows.rows.size(); i += 37) {
    const auto s = Clock::now();
    auto r = reference::postal_code_for_address(*c, rows.rows[i].text(0), rows.rows[i].text(1) + "1-2-3");
    reverse.push_back(ms_since(s));
    if (r && *r) ++derived;
  }
  std::sort(reverse.begin(), reverse.end());
  std::printf("  postal code from an address, %zu addresses (%zu derived, the rest ambiguous): median %.3f ms, p99 %.3f ms\n",
              reverse.size(), derived, reverse[reverse.size() / 2], reverse[reverse.size() * 99 / 100]);
}
}  // namespace

int main() {
  log::set_quiet(true);
  const auto dir = std::filesystem::temp_directory_path() / "kakehashi-reference-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  run("SQLite (file)", "sqlite:" + (dir / "reference.db").string());
  if (const char* pg = std::getenv("KAKEHASHI_BENCH_PG_URL")) run("PostgreSQL", pg);
  std::filesystem::remove_all(dir);
  return 0;
}
