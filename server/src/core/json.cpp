#include "core/json.h"

#include <boost/json/parse.hpp>

#include "core/text.h"

#include <set>
#include <vector>

namespace kh::json {

bool has_duplicate_key(std::string_view text) {
  struct Level { bool object; bool expecting_key; std::set<std::string> keys; };
  std::vector<Level> levels;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{') levels.push_back({true, true, {}});
    else if (c == '[') levels.push_back({false, false, {}});
    else if (c == '}' || c == ']') { if (!levels.empty()) levels.pop_back(); }
    else if (c == ',') { if (!levels.empty() && levels.back().object) levels.back().expecting_key = true; }
    else if (c == '"') {
      const std::size_t start = i;
      bool escaped = false;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '\\') { escaped = true; ++i; continue; }
        if (text[i] == '"') break;
      }
      if (levels.empty() || !levels.back().object || !levels.back().expecting_key) continue;
      levels.back().expecting_key = false;
      std::string key(text.substr(start + 1, i - start - 1));
      if (escaped) {
        boost::system::error_code ec;
        auto decoded = boost::json::parse(text.substr(start, i - start + 1), ec);
        if (!ec && decoded.is_string()) key = std::string(decoded.as_string());
      }
      if (!levels.back().keys.insert(std::move(key)).second) return true;
    }
  }
  return false;
}

Result<boost::json::object> parse_object(std::string_view body) {
  if (body.empty()) return fail(errors::bad_request("リクエスト本文が空です。JSON形式で送信してください。"));
  if (!text::is_valid_utf8(body)) return fail(errors::bad_request("リクエスト本文の文字コードが正しくありません（UTF-8で送信してください）。"));
  boost::json::parse_options options;
  options.max_depth = 32;  // deep nesting is never legitimate here and costs stack
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec, {}, options);
  if (ec) return fail(errors::bad_request("リクエスト本文のJSONの形式が正しくありません。"));
  if (!v.is_object()) return fail(errors::bad_request("リクエスト本文はJSONオブジェクトで送信してください。"));
  if (has_duplicate_key(body))
    return fail(errors::bad_request("リクエスト本文のJSONに同じ項目名が2回以上あります。各項目は1回だけ指定してください。"));
  return std::move(v.as_object());
}

std::string msg_required(std::string_view label) { return "「" + std::string(label) + "」を入力してください。"; }
std::string msg_too_long(std::string_view label, std::size_t max_chars) {
  return "「" + std::string(label) + "」は" + std::to_string(max_chars) + "文字以内で入力してください。";
}
std::string msg_invalid(std::string_view label) { return "「" + std::string(label) + "」の形式が正しくありません。"; }
std::string msg_wrong_type(std::string_view label, std::string_view expected) {
  return "「" + std::string(label) + "」は" + std::string(expected) + "で指定してください。";
}

const boost::json::value* FieldReader::find(std::string_view key) const {
  const auto* v = object_.if_contains(key);
  return (v && !v->is_null()) ? v : nullptr;
}

void FieldReader::add_error(std::string_view key, std::string message) {
  errors_.try_emplace(std::string(key), std::move(message));
}

std::optional<std::string> FieldReader::read_string(std::string_view key, std::string_view label,
                                                    std::size_t max_chars, text::Lines lines) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    add_error(key, msg_wrong_type(label, "文字列"));
    return std::nullopt;
  }
  std::string s = text::trim(std::string_view(v->as_string()));
  if (lines == text::Lines::multiple) std::erase(s, '\r');  // CRLF and LF mean the same line break
  if (text::has_forbidden_characters(s, lines)) {
    add_error(key, lines == text::Lines::single
                       ? "「" + std::string(label) + "」に改行・制御文字・文字の向きを変える記号は使用できません。"
                       : "「" + std::string(label) + "」に制御文字や文字の向きを変える記号は使用できません。");
    return std::nullopt;
  }
  if (text::length(s) > max_chars) {
    add_error(key, msg_too_long(label, max_chars));
    return std::nullopt;
  }
  return s;
}

std::string FieldReader::read_required(std::string_view key, std::string_view label, std::size_t max_chars,
                                       text::Lines lines) {
  if (!find(key)) {
    add_error(key, msg_required(label));
    return {};
  }
  auto s = read_string(key, label, max_chars, lines);
  if (!s) return {};
  if (s->empty()) add_error(key, msg_required(label));
  return *s;
}

std::optional<std::string> FieldReader::optional_string(std::string_view key, std::string_view label,
                                                        std::size_t max_chars) {
  return read_string(key, label, max_chars, text::Lines::single);
}
std::string FieldReader::required_string(std::string_view key, std::string_view label, std::size_t max_chars) {
  return read_required(key, label, max_chars, text::Lines::single);
}
std::optional<std::string> FieldReader::optional_text(std::string_view key, std::string_view label,
                                                      std::size_t max_chars) {
  return read_string(key, label, max_chars, text::Lines::multiple);
}
std::string FieldReader::required_text(std::string_view key, std::string_view label, std::size_t max_chars) {
  return read_required(key, label, max_chars, text::Lines::multiple);
}

std::optional<bool> FieldReader::optional_bool(std::string_view key, std::string_view label) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    add_error(key, msg_wrong_type(label, "true または false"));
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::vector<std::string>> FieldReader::optional_string_list(std::string_view key, std::string_view label,
                                                                        std::size_t max_items) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  const auto wrong = [&] {
    add_error(key, msg_wrong_type(label, "文字列の配列"));
    return std::nullopt;
  };
  if (!v->is_array()) return wrong();
  if (v->as_array().size() > max_items) {
    add_error(key, "「" + std::string(label) + "」は" + std::to_string(max_items) + "件までです。");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& x : v->as_array()) {
    if (!x.is_string()) return wrong();
    out.emplace_back(x.as_string());
  }
  return out;
}

std::optional<std::int64_t> FieldReader::optional_integer(std::string_view key, std::string_view label,
                                                          std::int64_t min, std::int64_t max) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  std::int64_t n;
  if (v->is_int64()) n = v->as_int64();
  else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) n = static_cast<std::int64_t>(v->as_uint64());
  else {
    add_error(key, msg_wrong_type(label, "整数"));
    return std::nullopt;
  }
  if (n < min || n > max) {
    add_error(key, "「" + std::string(label) + "」は" + std::to_string(min) + "以上" + std::to_string(max) +
                       "以下で入力してください。");
    return std::nullopt;
  }
  return n;
}

Result<void> FieldReader::finish() const {
  if (errors_.empty()) return {};
  return fail(errors::validation(errors_));
}

}  // namespace kh::json
