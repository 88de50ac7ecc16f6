#pragma once
//! CSV reading (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM ignored).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace kh::csv {
using Record = std::vector<std::string>;
//! All records, header included. Fails (naming the line) on an unterminated quote or invalid UTF-8.
Result<std::vector<Record>> parse(std::string_view text);
//! One field written for CSV output: quoted when it holds a comma, quote or line break.
std::string escape(std::string_view field);
}  // namespace kh::csv
