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

TEST(MunicipalityCodes, CheckDigitsFollowJisX0402) {
  EXPECT_TRUE(reference::is_valid_municipality_code("131016"));  // 千代田区
  EXPECT_TRUE(reference::is_valid_municipality_code("092011"));  // 宇都宮市
  EXPECT_FALSE(reference::is_valid_municipality_code("131017"));
  EXPECT_FALSE(reference::is_valid_municipality_code("13101"));
  EXPECT_FALSE(reference::is_valid_municipality_code("13101a"));
}
