#include "core/csv.h"

#include "core/text.h"

namespace kh::csv {

Result<std::vector<Record>> parse(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text::is_valid_utf8(text))
    return fail(errors::bad_request("CSVの文字コードが正しくありません。UTF-8で保存してください。"));
  std::vector<Record> records;
  Record record;
  std::string field;
  bool quoted = false, field_started = false;
  int line = 1, record_line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
        else quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) { quoted = true; field_started = true; continue; }
    if (c == ',') { record.push_back(std::move(field)); field.clear(); field_started = false; continue; }
    if (c == '\r') continue;
    if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
      // Blank lines (a single empty field) are skipped: spreadsheets often leave one at the end.
      if (!(record.size() == 1 && record[0].empty())) records.push_back(std::move(record));
      record.clear();
      record_line = ++line;
      continue;
    }
    field += c;
    field_started = true;
  }
  if (quoted)
    return fail(errors::bad_request(std::to_string(record_line) + "行目: 引用符（\"）が閉じられていません。"));
  if (field_started || !record.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

std::string escape(std::string_view f) {
  const bool formula = !f.empty() && std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos;
  if (!formula && f.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(f);
  std::string out = formula ? "\"'" : "\"";
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(std::int64_t value) { return std::to_string(value); }

}  // namespace kh::csv
