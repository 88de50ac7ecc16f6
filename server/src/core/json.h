#pragma once
//! Reading request bodies: every problem becomes a Japanese message naming the field, collected per field.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/text.h"

namespace kh::json {

//! Parses a body that must be a JSON object (valid UTF-8, at most 32 levels deep, no key twice in one object:
//! which of two values counts would otherwise depend on the parser, and a proxy may have read the other one).
Result<boost::json::object> parse_object(std::string_view body);

//! Whether some object in `text` (JSON that already parsed) names a key twice. Boost.JSON 1.81 keeps one of the
//! two silently, so the text is walked once more: strings are skipped, keys are compared after their escapes are
//! undone ("a" and "\u0061" are the same key).
bool has_duplicate_key(std::string_view text);

//! Pulls typed fields out of an object and remembers a message for each one that is wrong.
class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& object) : object_(object) {}

  //! Trimmed one-line string; missing or empty is an error. `label` is the Japanese field name used in messages.
  //! Control and bidirectional characters are refused here, for every route (text::has_forbidden_characters).
  std::string required_string(std::string_view key, std::string_view label, std::size_t max_chars = 200);
  std::optional<std::string> optional_string(std::string_view key, std::string_view label,
                                             std::size_t max_chars = 2000);
  //! Free text that may span lines (tab and line breaks allowed, CRLF stored as LF); otherwise as above.
  std::string required_text(std::string_view key, std::string_view label, std::size_t max_chars);
  std::optional<std::string> optional_text(std::string_view key, std::string_view label, std::size_t max_chars);
  std::optional<bool> optional_bool(std::string_view key, std::string_view label);
  //! An array of strings (codes); absent or null → nullopt, anything else but strings → an error.
  std::optional<std::vector<std::string>> optional_string_list(std::string_view key, std::string_view label,
                                                               std::size_t max_items = 100);
  std::optional<std::int64_t> optional_integer(std::string_view key, std::string_view label, std::int64_t min,
                                               std::int64_t max);
  //! Records a message for a field (the first one per field wins: it is usually the most basic problem).
  void add_error(std::string_view key, std::string message);
  bool has_error(std::string_view key) const { return errors_.contains(std::string(key)); }
  //! A validation error carrying every field message, or success when there were none.
  Result<void> finish() const;
  const std::map<std::string, std::string>& errors() const { return errors_; }

 private:
  const boost::json::value* find(std::string_view key) const;
  std::optional<std::string> read_string(std::string_view key, std::string_view label, std::size_t max_chars,
                                         text::Lines lines);
  std::string read_required(std::string_view key, std::string_view label, std::size_t max_chars, text::Lines lines);
  const boost::json::object& object_;
  std::map<std::string, std::string> errors_;
};

//! 「ラベル」を入力してください。 and its siblings, so every module words the same problem the same way.
std::string msg_required(std::string_view label);
std::string msg_too_long(std::string_view label, std::size_t max_chars);
std::string msg_invalid(std::string_view label);
std::string msg_wrong_type(std::string_view label, std::string_view expected);

}  // namespace kh::json
