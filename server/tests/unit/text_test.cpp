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

TEST(Text, ConvertsWindows31JBothWays) {
  // 看護師 in Windows-31J; the backslash byte stays a backslash (not ¥) and 〜 takes Windows' ～ (0x8160).
  EXPECT_EQ(text::to_windows31j("看護師,A\\1"), "\x8A\xC5\x8C\xEC\x8E\x74,A\\1");
  EXPECT_EQ(text::to_windows31j("2,200円〜"), "2,200\x89\x7E\x81\x60");
  EXPECT_EQ(text::to_windows31j("病院😀"), "\x95\x61\x89\x40?");  // no mapping: one '?'
  EXPECT_EQ(text::from_windows31j("\x8A\xC5\x8C\xEC\x8E\x74,\x87\x40\xFA\x40"), "看護師,①ⅰ");
  EXPECT_EQ(text::from_windows31j(text::to_windows31j("東京都千代田区　髙橋①")), "東京都千代田区　髙橋①");
  EXPECT_FALSE(text::from_windows31j("\x8A"));          // a lead byte cut off
  EXPECT_FALSE(text::from_windows31j("\x8A\x20"));      // not a trail byte
}

TEST(Text, DecodesJapaneseFiles) {
  const auto bom = text::decode_japanese_file("\xEF\xBB\xBF職種,雇用形態\r\n");
  ASSERT_TRUE(bom);
  EXPECT_EQ(bom->text, "職種,雇用形態\r\n");
  EXPECT_EQ(bom->encoding, text::FileEncoding::utf8_bom);
  const auto plain = text::decode_japanese_file("title\n看護師\n");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->encoding, text::FileEncoding::utf8);
  const auto sjis = text::decode_japanese_file(text::to_windows31j("職種,市区町村\r\n看護師,千代田区\r\n"));
  ASSERT_TRUE(sjis);
  EXPECT_EQ(sjis->encoding, text::FileEncoding::windows31j);
  EXPECT_EQ(sjis->text, "職種,市区町村\r\n看護師,千代田区\r\n");
  EXPECT_FALSE(text::decode_japanese_file("\x8A\x20\xFF"));
}

TEST(Time, FormatsDatesAndTimesForPeopleInOneWay) {
  // 「2027年1月26日(火)」 and 「2027年1月26日(火) 14:05」, the same as the web app's formatDate / formatDateTime.
  EXPECT_EQ(format_date_ja("2027-01-26"), "2027年1月26日(火)");
  EXPECT_EQ(format_date_ja("2028-02-29"), "2028年2月29日(火)");
  EXPECT_EQ(format_date_ja("2026-12-06"), "2026年12月6日(日)");
  EXPECT_EQ(format_date_ja("2027-02-20"), "2027年2月20日(土)");
  for (const char* not_a_date : {"", "2027-02-30", "2027/01/26", "soon"}) EXPECT_EQ(format_date_ja(not_a_date), not_a_date);
  // An instant is read in Japan time (UTC+9): 05:05 UTC is 14:05 the same day, 15:30 UTC is 00:30 the next.
  const auto at = parse_datetime("2027-01-26T05:05Z").value();
  EXPECT_EQ(format_datetime_ja(at), "2027年1月26日(火) 14:05");
  EXPECT_EQ(format_date_ja(at), "2027年1月26日(火)");
  EXPECT_EQ(format_datetime_ja(parse_datetime("2026-12-02T15:30Z").value()), "2026年12月3日(木) 00:30");
  EXPECT_EQ(format_date_ja(parse_datetime("2026-12-02T15:30Z").value()), "2026年12月3日(木)");
  EXPECT_EQ(format_datetime_ja(parse_datetime("2026-12-03T10:00+09:00").value()), "2026年12月3日(木) 10:00");
  EXPECT_EQ(format_datetime_ja(parse_datetime("2027-01-01T08:59:59+09:00").value()), "2027年1月1日(金) 08:59");
}
