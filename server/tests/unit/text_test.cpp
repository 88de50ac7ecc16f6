#include <gtest/gtest.h>

#include "core/text.h"
#include "core/time.h"

using namespace kh;

TEST(Text, ValidatesUtf8) {
  EXPECT_TRUE(text::is_valid_utf8("かけはし abc"));
  EXPECT_FALSE(text::is_valid_utf8("\xff"));
  EXPECT_FALSE(text::is_valid_utf8("\xe3\x81"));        // cut in the middle of a character
  EXPECT_FALSE(text::is_valid_utf8("\xc0\xaf"));        // overlong '/'
  EXPECT_FALSE(text::is_valid_utf8("\xed\xa0\x80"));    // surrogate
  EXPECT_TRUE(text::is_valid_utf8("\xf0\x9f\x98\x80"));  // emoji
}

TEST(Text, FoldsWidthCaseAndKana) {
  EXPECT_EQ(text::fold("ｶﾝｺﾞｼ"), text::fold("かんごし"));
  EXPECT_EQ(text::fold("カンゴシ"), text::fold("かんごし"));
  EXPECT_EQ(text::fold("ＡＢＣ１２３"), "abc123");
  EXPECT_NE(text::fold("内科"), text::fold("外科"));
}

TEST(Text, TrimsIdeographicSpacesAndCountsCharacters) {
  EXPECT_EQ(text::trim("\xe3\x80\x80 山田 \xe3\x80\x80"), "山田");
  EXPECT_EQ(text::length("山田太郎"), 4u);
  EXPECT_TRUE(text::is_plausible_email("a.b@example.jp"));
  EXPECT_FALSE(text::is_plausible_email("a@b"));
  EXPECT_FALSE(text::is_plausible_email("a b@example.jp"));
  EXPECT_FALSE(text::is_plausible_email("a@@example.jp"));
}

TEST(Time, FormatsJapanTimeAndChecksDates) {
  EXPECT_EQ(format_iso8601_jst(0), "1970-01-01T09:00:00+09:00");
  EXPECT_EQ(format_iso8601_utc(1500), "1970-01-01T00:00:01.500Z");
  EXPECT_TRUE(is_valid_date("2028-02-29"));
  EXPECT_FALSE(is_valid_date("2027-02-29"));
  EXPECT_FALSE(is_valid_date("2027-13-01"));
  EXPECT_FALSE(is_valid_date("2027/01/01"));
}

TEST(Time, ParsesDateTimesStrictly) {
  EXPECT_EQ(parse_datetime("2030-01-10T10:00+09:00"), parse_datetime("2030-01-10T01:00Z"));
  EXPECT_EQ(parse_datetime("2030-01-10T10:00:30+09:00").value() - parse_datetime("2030-01-10T10:00+09:00").value(), 30'000);
  EXPECT_EQ(parse_datetime("2026-12-02T00:00Z"), 1'796'169'600'000LL);
  for (const char* bad : {"9999-12-31T23:00-09:00", "0000-01-10T10:00+09:00", "1999-12-31T23:59+09:00",
                          "2101-01-01T00:00+09:00", "2030-01-10T10:00+!!:!!", "2030-01-10T10:00+09:\r\n0",
                          "2030-01-10T10:00+09:00\r\nX-EVIL:1", "2030-02-30T10:00+09:00", "2030-01-10T24:00+09:00",
                          "2030-01-10T10:60+09:00", "2030-01-10T10:00", "2030-01-10 10:00+09:00",
                          "2030-01-10t10:00+09:00", "2030-01-10T10:00+15:00", "2030-01-10T10:00:61+09:00",
                          "2030-01-10T10:00.5+09:00", "", "2030-1-10T10:00+09:00", "２０３０-01-10T10:00+09:00"})
    EXPECT_FALSE(parse_datetime(bad)) << bad;
  EXPECT_TRUE(parse_datetime("2100-12-31T23:59:59-14:00"));
  EXPECT_TRUE(parse_date("2028-02-29"));
  EXPECT_FALSE(parse_date("2027-02-29"));
  EXPECT_FALSE(parse_date("9999-12-31"));
}

TEST(Text, FindsForbiddenCharacters) {
  using text::Lines;
  EXPECT_TRUE(text::has_forbidden_characters(std::string("a\0b", 3), Lines::multiple));
  EXPECT_TRUE(text::has_forbidden_characters("a\nb", Lines::single));
  EXPECT_FALSE(text::has_forbidden_characters("a\r\nb\tc", Lines::multiple));
  EXPECT_TRUE(text::has_forbidden_characters("x\u202Ey", Lines::multiple));
  EXPECT_TRUE(text::has_forbidden_characters("x\u2066y", Lines::multiple));
  EXPECT_TRUE(text::has_forbidden_characters("x\u200Fy", Lines::single));
  EXPECT_TRUE(text::has_forbidden_characters("x\u2028y", Lines::single));
  EXPECT_TRUE(text::has_forbidden_characters("x\u0085y", Lines::single));
  EXPECT_TRUE(text::has_forbidden_characters("x\x7Fy", Lines::single));
  EXPECT_FALSE(text::has_forbidden_characters("千代田区 神田「さくら」病院—①", Lines::single));
}
