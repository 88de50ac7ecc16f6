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
