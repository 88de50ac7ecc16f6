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
//! "2026-11-21T05:03:00.000Z": for logs.
std::string format_iso8601_utc(std::int64_t ms);
//! Parses a calendar date "YYYY-MM-DD" and checks that the day exists.
bool is_valid_date(std::string_view date);
}  // namespace kh
