#include <gtest/gtest.h>

#include "core/json.h"

using namespace kh;

TEST(ParseObject, RejectsWhatIsNotAJsonObject) {
  EXPECT_EQ(json::parse_object("").error().status, 400);
  EXPECT_EQ(json::parse_object("{\"a\":").error().status, 400);
  EXPECT_EQ(json::parse_object("[1,2]").error().message, "リクエスト本文はJSONオブジェクトで送信してください。");
  EXPECT_EQ(json::parse_object("{\"a\":\"\xff\xfe\"}").error().status, 400);  // invalid UTF-8
  std::string deep(100, '[');
  EXPECT_FALSE(json::parse_object("{\"a\":" + deep + std::string(100, ']') + "}"));
  EXPECT_TRUE(json::parse_object("{\"名前\":\"山田\"}"));
}

TEST(FieldReader, NamesEachFieldInJapanese) {
  auto o = json::parse_object(R"({"title":"  ","count":"3","note":123,"flag":"yes","n":500})").value();
  json::FieldReader f(o);
  f.required_string("title", "件名");
  f.required_string("missing", "内容");
  f.optional_string("note", "備考");
  f.optional_bool("flag", "公開");
  f.optional_integer("n", "人数", 1, 100);
  auto r = f.finish();
  ASSERT_FALSE(r);
  const auto& fields = r.error().fields;
  EXPECT_EQ(fields.at("title"), "「件名」を入力してください。");
  EXPECT_EQ(fields.at("missing"), "「内容」を入力してください。");
  EXPECT_EQ(fields.at("note"), "「備考」は文字列で指定してください。");
  EXPECT_EQ(fields.at("flag"), "「公開」はtrue または falseで指定してください。");
  EXPECT_EQ(fields.at("n"), "「人数」は1以上100以下で入力してください。");
  EXPECT_EQ(r.error().code, "validation_failed");
}

TEST(FieldReader, CountsCharactersNotBytes) {
  auto o = json::parse_object(R"({"name":"あいうえお"})").value();
  json::FieldReader ok(o);
  EXPECT_EQ(ok.required_string("name", "氏名", 5), "あいうえお");
  EXPECT_TRUE(ok.finish());
  json::FieldReader too_long(o);
  too_long.required_string("name", "氏名", 4);
  EXPECT_EQ(too_long.finish().error().fields.at("name"), "「氏名」は4文字以内で入力してください。");
}

TEST(ParseObject, RefusesAKeyGivenTwice) {
  EXPECT_FALSE(json::parse_object(R"({"a": 1, "a": 2})"));
  EXPECT_FALSE(json::parse_object(R"({"a": 1, "\u0061": 2})"));            // the same key, escaped
  EXPECT_FALSE(json::parse_object(R"({"x": {"b": [1, {"c": 1, "c": 1}]}})"));  // nested
  EXPECT_TRUE(json::parse_object(R"({"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "a"})"));
  EXPECT_TRUE(json::parse_object(R"({"q": "\"a\": 1, \"a\"", "a": 1})"));  // keys inside strings do not count
}

TEST(FieldReader, RefusesControlAndBidirectionalCharacters) {
  auto o = json::parse_object(R"({"nul": "a\u0000b", "cr": "a\rb", "lf": "a\nb", "rlo": "abc\u202Efdp.exe",
                                  "text": "line 1\r\nline 2\tend", "c1": "a\u0085b", "ok": "山田 花子"})");
  ASSERT_TRUE(o);
  json::FieldReader f(*o);
  EXPECT_FALSE(f.optional_string("nul", "氏名"));
  EXPECT_FALSE(f.optional_string("cr", "氏名2"));
  EXPECT_FALSE(f.optional_string("lf", "氏名3"));
  EXPECT_FALSE(f.optional_string("rlo", "ファイル名"));
  EXPECT_FALSE(f.optional_string("c1", "名称"));
  EXPECT_EQ(f.optional_text("text", "本文", 100), "line 1\nline 2\tend");  // free text keeps its lines
  EXPECT_EQ(f.optional_string("ok", "氏名4"), "山田 花子");
  EXPECT_NE(f.errors().at("rlo").find("ファイル名"), std::string::npos);    // the message names the field
  EXPECT_FALSE(f.errors().contains("text"));
  auto t = json::parse_object(R"({"t": "a\u202Eb"})");
  json::FieldReader g(*t);
  EXPECT_FALSE(g.optional_text("t", "本文", 100));                          // no bidi controls in free text either
}
