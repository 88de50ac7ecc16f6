// Fuzz target: the date and date-time parsers (kh::parse_datetime, kh::parse_date, core/time.h), the strict
// ISO 8601 input format with an offset and years 2000–2100.
// Properties, beyond no crash or sanitizer report (UBSan catches the signed overflow that 9999-12-31 once caused):
//   - whatever parse_datetime accepts is a whole second inside the input years (give or take the ±14:00 offset);
//   - formatting it back with format_iso8601_utc and parsing that again gives the same instant. The formatter
//     writes milliseconds (".000Z"), which the parser rightly refuses as a fraction, so the ".000" is dropped;
//     and an instant whose UTC year falls outside 2000–2100 (2000-01-01T00:00+09:00 is 1999 in UTC) cannot be
//     written back in UTC, so it is compared through format_iso8601_jst instead, whose year differs by less;
//   - the same for format_iso8601_jst (the API's own output) when its year is an input year;
//   - parse_date accepts exactly the date part of a date-time it would accept, and round-trips as well.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace {

void check(bool ok, const char* what, std::string_view input) {
  if (!ok) {
    std::fprintf(stderr, "datetime fuzz: invariant failed: %s (input \"%.*s\")\n", what, static_cast<int>(input.size()),
                 input.data());
    std::abort();
  }
}

int year_of(std::string_view formatted) { return std::atoi(std::string(formatted.substr(0, 4)).c_str()); }

// Unix milliseconds of 2000-01-01T00:00Z minus 14 h and of 2101-01-01T00:00Z plus 14 h: the accepted range.
constexpr std::int64_t earliest_ms = 946'684'800'000LL - 14 * 3'600'000LL;
constexpr std::int64_t latest_ms = 4'133'980'800'000LL + 14 * 3'600'000LL;

void check_datetime(std::string_view input) {
  const auto ms = kh::parse_datetime(input);
  if (!ms) return;
  check(*ms % 1000 == 0, "a whole second", input);
  check(*ms >= earliest_ms && *ms < latest_ms, "inside the input years", input);

  std::string utc = kh::format_iso8601_utc(*ms);
  check(utc.size() == 24 && utc.ends_with(".000Z"), "format_iso8601_utc writes whole seconds", input);
  utc.erase(19, 4);  // "2026-11-21T05:03:00Z"
  const int utc_year = year_of(utc);
  if (utc_year >= kh::min_input_year && utc_year <= kh::max_input_year)
    check(kh::parse_datetime(utc) == ms, "UTC round trip", input);

  const std::string jst = kh::format_iso8601_jst(*ms);
  const int jst_year = year_of(jst);
  if (jst_year >= kh::min_input_year && jst_year <= kh::max_input_year)
    check(kh::parse_datetime(jst) == ms, "JST round trip", input);

  // The date part on its own is a date parse_date accepts, and midnight of it is within a day and the offset.
  const auto days = kh::parse_date(input.substr(0, 10));
  check(days.has_value(), "the date of an accepted date-time is an accepted date", input);
  const std::int64_t midnight_ms = *days * 86'400'000LL;
  check(*ms >= midnight_ms - 14 * 3'600'000LL && *ms < midnight_ms + 86'400'000LL + 14 * 3'600'000LL,
        "the instant lies on its date, give or take the offset", input);
}

void check_date(std::string_view input) {
  const auto days = kh::parse_date(input);
  check(days.has_value() == kh::is_valid_date(input), "is_valid_date agrees with parse_date", input);
  if (!days) return;
  const std::string again = kh::format_iso8601_utc(*days * 86'400'000LL).substr(0, 10);
  check(again == input, "a date is written back as it was read", input);
  check(kh::parse_datetime(again + "T00:00Z") == *days * 86'400'000LL, "its midnight parses", input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_datetime(input);
  check_date(input);
  // The same bytes as they arrive inside JSON or a CSV cell: trimmed at the first line break or NUL.
  const auto end = input.find_first_of(std::string_view("\r\n\0", 3));
  if (end != std::string_view::npos) {
    check_datetime(input.substr(0, end));
    check_date(input.substr(0, end));
  }
  return 0;
}
