#pragma once
//! Time is stored as UTC Unix milliseconds and shown in Asia/Tokyo (UTC+9, no daylight saving).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kh {
std::int64_t now_ms();
//! "2026-11-21T14:03:00+09:00": what the API returns (ISO 8601 with offset, Japan time).
std::string format_iso8601_jst(std::int64_t ms);
//! "2026-11-21": the calendar date in Japan of an instant, as the API and the database compare dates.
std::string iso_date_jst(std::int64_t ms);
//! Today's calendar date in Japan, as above.
std::string today_iso_jst();
//! "2026-11-21T05:03:00.000Z": for logs.
std::string format_iso8601_utc(std::int64_t ms);
//! The one way a person reads a date, wherever the server writes it for people (mails, notices, CSV exports, the
//! partner feed's summaries): 「2027年1月26日(火)」. The web app's formatDate (web/src/shared/text/format_date.ts) writes
//! the same. From a calendar date "YYYY-MM-DD"; anything else comes back as it is.
std::string format_date_ja(std::string_view iso_date);
//! The date in Japan of an instant, as above.
std::string format_date_ja(std::int64_t ms);
//! The one way a person reads a date and time: 「2027年1月26日(火) 14:05」, Japan time (the web's formatDateTime).
std::string format_datetime_ja(std::int64_t ms);
//! The years every date and date-time input must fall in: anything outside is a typing error or an attack
//! (9999-12-31 overflowed arithmetic; 0000 is not a year of any calendar a person means).
inline constexpr int min_input_year = 2000;
inline constexpr int max_input_year = 2100;
//! Days since 1970-01-01 of a calendar date "YYYY-MM-DD" that exists and lies in the input years; nullopt otherwise.
std::optional<std::int64_t> parse_date(std::string_view date);
//! Parses a calendar date "YYYY-MM-DD" and checks that the day exists (see parse_date).
bool is_valid_date(std::string_view date);
//! The one parser of date-time input: ISO 8601 "YYYY-MM-DDThh:mm[:ss]" followed by "Z" or "+hh:mm"/"-hh:mm"
//! (offsets up to ±14:00), a real calendar date in the input years, 24-hour time. Nothing else is accepted —
//! no spaces, no fractions, no lower-case "t" — so what is stored and written into a calendar file is exactly
//! what was checked. Returns UTC Unix milliseconds.
std::optional<std::int64_t> parse_datetime(std::string_view text);
}  // namespace kh
