#pragma once
//! CSV reading (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM ignored).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace kh::csv {
using Record = std::vector<std::string>;
//! All records, header included. Fails (naming the line) on an unterminated quote or invalid UTF-8.
Result<std::vector<Record>> parse(std::string_view text);
//! One text cell written for CSV output: quoted when it holds a comma, quote or line break. A cell that starts
//! with =, +, -, @, tab or CR would run as a formula in Excel (CSV injection): it gets a leading apostrophe, as
//! OWASP recommends, and is quoted. Every text cell of every export goes through here.
std::string escape(std::string_view field);
//! A numeric cell: written as the number it is, so negative values stay numbers.
std::string number(std::int64_t value);
}  // namespace kh::csv
