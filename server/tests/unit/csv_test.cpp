#include <gtest/gtest.h>

#include "core/csv.h"
#include "reference/reference.h"

using namespace kh;

TEST(Csv, ReadsQuotesCommasLineBreaksAndBom) {
  auto r = csv::parse("\xEF\xBB\xBF" "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",\n\n");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1][0], "x, y");
  EXPECT_EQ((*r)[1][1], "say \"hi\"");
  EXPECT_EQ((*r)[2][0], "multi\nline");
  EXPECT_EQ((*r)[2][1], "");
  EXPECT_FALSE(csv::parse("a,\"open\n"));
  EXPECT_FALSE(csv::parse("a,\xff\n"));
  EXPECT_EQ(csv::escape("a,b"), "\"a,b\"");
  EXPECT_EQ(csv::escape("plain"), "plain");
}

TEST(Csv, NeutralisesCellsThatExcelWouldRunAsFormulas) {
  EXPECT_EQ(csv::escape("=HYPERLINK(\"http://evil\")"), "\"'=HYPERLINK(\"\"http://evil\"\")\"");
  EXPECT_EQ(csv::escape("+81 3"), "\"'+81 3\"");
  EXPECT_EQ(csv::escape("-1+1"), "\"'-1+1\"");
  EXPECT_EQ(csv::escape("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(csv::escape("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(csv::escape("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(csv::escape("a=b"), "a=b");                  // only the first character makes a formula
  EXPECT_EQ(csv::number(-3), "-3");                       // numeric cells stay numbers
  EXPECT_EQ(csv::number(12), "12");
}

TEST(MunicipalityCodes, CheckDigitsFollowJisX0402) {
  EXPECT_TRUE(reference::is_valid_municipality_code("131016"));  // 千代田区
  EXPECT_TRUE(reference::is_valid_municipality_code("092011"));  // 宇都宮市
  EXPECT_FALSE(reference::is_valid_municipality_code("131017"));
  EXPECT_FALSE(reference::is_valid_municipality_code("13101"));
  EXPECT_FALSE(reference::is_valid_municipality_code("13101a"));
}
