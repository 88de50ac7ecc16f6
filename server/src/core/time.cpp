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
std::string iso_date_jst(std::int64_t ms) { return format_iso8601_jst(ms).substr(0, 10); }
std::string today_iso_jst() { return iso_date_jst(now_ms()); }

namespace {
constexpr const char* weekdays_ja[] = {"日", "月", "火", "水", "木", "金", "土"};  // std::chrono: 0 = Sunday

std::string day_ja(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  const std::chrono::weekday wd{day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d年%u月%u日(%s)", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()),
                weekdays_ja[wd.c_encoding()]);
  return buf;
}

std::chrono::sys_time<std::chrono::milliseconds> in_japan(std::int64_t ms) {
  return std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms + 9 * 3600'000LL}};
}
}  // namespace

std::string format_date_ja(std::string_view iso_date) {
  const auto days = parse_date(iso_date);
  if (!days) return std::string(iso_date);
  return day_ja(std::chrono::sys_days{std::chrono::days{*days}});
}

std::string format_date_ja(std::int64_t ms) { return day_ja(std::chrono::floor<std::chrono::days>(in_japan(ms))); }

std::string format_datetime_ja(std::int64_t ms) {
  const auto t = in_japan(ms);
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[48];
  std::snprintf(buf, sizeof buf, " %02ld:%02ld", long(hms.hours().count()), long(hms.minutes().count()));
  return day_ja(day) + buf;
}

namespace {
//! Two ASCII digits at `at`, or -1.
int two_digits(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) return -1;
  const char a = s[at], b = s[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
  return (a - '0') * 10 + (b - '0');
}
}  // namespace

std::optional<std::int64_t> parse_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  const int century = two_digits(d, 0), year_in_century = two_digits(d, 2);
  const int month = two_digits(d, 5), day = two_digits(d, 8);
  if (century < 0 || year_in_century < 0 || month < 0 || day < 0) return std::nullopt;
  const int year = century * 100 + year_in_century;
  if (year < min_input_year || year > max_input_year) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                        std::chrono::day{unsigned(day)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

bool is_valid_date(std::string_view d) { return parse_date(d).has_value(); }

std::optional<std::int64_t> parse_datetime(std::string_view s) {
  // 2026-12-03T10:00 is 16 characters; then optional ":ss", then "Z" or "±hh:mm".
  if (s.size() < 17 || s[10] != 'T' || s[13] != ':') return std::nullopt;
  const auto days = parse_date(s.substr(0, 10));
  const int hour = two_digits(s, 11), minute = two_digits(s, 14);
  if (!days || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  std::size_t at = 16;
  int second = 0;
  if (s[at] == ':') {
    if (s.size() < at + 3) return std::nullopt;
    second = two_digits(s, at + 1);
    if (second < 0 || second > 59) return std::nullopt;
    at += 3;
  }
  int offset_minutes = 0;
  if (s.size() == at + 1 && s[at] == 'Z') {
    offset_minutes = 0;
  } else if (s.size() == at + 6 && (s[at] == '+' || s[at] == '-') && s[at + 3] == ':') {
    const int oh = two_digits(s, at + 1), om = two_digits(s, at + 4);
    if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 14 * 60) return std::nullopt;
    offset_minutes = (s[at] == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  return ((*days * 1440 + hour * 60 + minute - offset_minutes) * 60 + second) * 1000;
}

}  // namespace kh
