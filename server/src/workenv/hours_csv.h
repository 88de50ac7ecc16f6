#pragma once
//! Reading a hospital's monthly hours CSV (Windows-31J or UTF-8 with or without BOM; Japanese headers).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "workenv_hours/workenv_hours.h"

namespace kh::workenv {

//! All rows or an error: 400 with one message per bad row under "row_N" (「N行目: 「列」列: …」), or a message
//! about the header or the encoding. A doctor is a code (letters, digits, hyphen), never a name.
Result<std::vector<workenv_hours::MonthRow>> read_hours_csv(std::string_view bytes, workenv_hours::YearMonth month);

//! The template a hospital fills in (UTF-8 header line and one example row, written as Windows-31J).
std::string hours_csv_template();

}  // namespace kh::workenv
