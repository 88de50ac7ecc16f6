#include "core/time.h"

#include <chrono>
#include <cstdio>

namespace kh {

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {
std::string format(std::int64_t ms, int offset_hours, bool utc_z) {
  using namespace std::chrono;
  const sys_time<milliseconds> tp{milliseconds{ms + offset_hours * 3600'000LL}};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss hms{tp - day};
  char buf[40];
  if (utc_z)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), long(hms.hours().count()), long(hms.minutes().count()),
                  long(hms.seconds().count()), long(hms.subseconds().count()));
  else
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld+%02d:00", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), long(hms.hours().count()), long(hms.minutes().count()),
                  long(hms.seconds().count()), offset_hours);
  return buf;
}
}  // namespace

std::string format_iso8601_jst(std::int64_t ms) { return format(ms, 9, false); }
std::string format_iso8601_utc(std::int64_t ms) { return format(ms, 0, true); }

bool is_valid_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  const int y = std::stoi(std::string(d.substr(0, 4)));
  const unsigned m = std::stoi(std::string(d.substr(5, 2)));
  const unsigned day = std::stoi(std::string(d.substr(8, 2)));
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}}.ok();
}

}  // namespace kh
