// Fuzz target: reading request bodies. kh::json::parse_object (UTF-8, depth limit, object only), then every
// FieldReader method over every key the object has (so each reader meets strings, numbers, arrays, objects,
// null and booleans) and over fixed keys an API body uses, then finish().
// Invariants: no crash or sanitizer report; what a reader returns obeys what it promises (a string is valid
// UTF-8 and within its length, an integer within its range, a list within its size); an error is recorded for
// a field exactly when a present value was refused.
#include <boost/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/log.h"
#include "core/text.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "json_fields fuzz: invariant failed: %s\n", what);
    std::abort();
  }
}

void read_every_way(const boost::json::object& object, std::string_view key) {
  // A fresh reader per method: the first message per field wins, so one reader would hide later checks.
  {
    kh::json::FieldReader r(object);
    const auto s = r.required_string(key, "氏名", 20);
    check(kh::text::is_valid_utf8(s), "required_string is valid UTF-8");
    check(kh::text::length(s) <= 20, "required_string respects max_chars");
    check(r.has_error(key) || !s.empty(), "required_string is empty only with an error");
    check(r.finish().has_value() == r.errors().empty(), "finish() fails exactly when there are errors");
  }
  {
    kh::json::FieldReader r(object);
    if (const auto s = r.optional_string(key, "備考", 50)) {
      check(!r.has_error(key), "a returned string has no error");
      check(kh::text::is_valid_utf8(*s), "optional_string is valid UTF-8");
      check(kh::text::length(*s) <= 50, "optional_string respects max_chars");
    }
  }
  {
    kh::json::FieldReader r(object);
    const auto b = r.optional_bool(key, "公開");
    check(!(b && r.has_error(key)), "a returned bool has no error");
  }
  {
    kh::json::FieldReader r(object);
    if (const auto list = r.optional_string_list(key, "曜日", 7)) {
      check(list->size() <= 7, "optional_string_list respects max_items");
      for (const auto& s : *list) check(kh::text::is_valid_utf8(s), "list items are valid UTF-8");
    }
  }
  {
    kh::json::FieldReader r(object);
    if (const auto n = r.optional_integer(key, "人数", -5, 1000)) check(*n >= -5 && *n <= 1000, "integer within range");
    kh::json::FieldReader wide(object);
    (void)wide.optional_integer(key, "金額", INT64_MIN, INT64_MAX);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool quiet = (kh::log::set_quiet(true), true);
  (void)quiet;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto parsed = kh::json::parse_object(body);
  if (!parsed) {
    check(parsed.error().status == 400, "a body that is not a JSON object is a 400");
    return 0;
  }
  const auto& object = *parsed;
  std::size_t seen = 0;
  for (const auto& [key, value] : object) {
    if (++seen > 16) break;
    check(kh::text::is_valid_utf8(std::string_view(key)), "keys are valid UTF-8");
    read_every_way(object, key);
  }
  // Keys an API body uses, present or not, and one everything-at-once reader as a handler would run it.
  for (std::string_view key : {"name", "title", "public", "weekdays", "positions", ""}) read_every_way(object, key);
  kh::json::FieldReader all(object);
  (void)all.required_string("name", "氏名");
  (void)all.optional_string("title", "件名");
  (void)all.optional_bool("public", "公開");
  (void)all.optional_string_list("weekdays", "曜日");
  (void)all.optional_integer("positions", "人数", 1, 99);
  all.add_error("name", "後から足したメッセージ");
  check(all.has_error("name"), "add_error records a message");
  check(!all.finish(), "finish() fails after an error");
  (void)boost::json::serialize(object);
  return 0;
}
