#include <gtest/gtest.h>

#include "accounts/accounts.h"
#include "core/crypto.h"

using kh::accounts::check_password_rules;

TEST(PasswordRules, FollowSpec) {
  EXPECT_EQ(check_password_rules("Abc1234", "user"), "「パスワード」は8文字以上で入力してください。");
  EXPECT_TRUE(check_password_rules("abcdefg1x", "user"));   // no upper case
  EXPECT_TRUE(check_password_rules("ABCDEFG1X", "user"));   // no lower case
  EXPECT_TRUE(check_password_rules("Abcdefghx", "user"));   // no digit
  EXPECT_TRUE(check_password_rules("Abc 12345x", "user"));  // space
  EXPECT_TRUE(check_password_rules("Ａｂｃ12345x", "user")); // full-width letters
  EXPECT_EQ(check_password_rules("Facility01", "facility01"), "「パスワード」にはユーザIDと同じ文字列は使用できません。");
  EXPECT_TRUE(check_password_rules("Hanako2026", "hanako2026@example.jp"));  // local part of the e-mail ID
  EXPECT_FALSE(check_password_rules("Kakehashi2026", "jimukyoku"));
  EXPECT_FALSE(check_password_rules("Tz8vQm4rLp", "user"));
}

TEST(PasswordRules, RefuseCommonPasswordsAndTheirDecoratedForms) {
  for (const char* p : {"Password1", "Passw0rd", "P@ssw0rd1", "Qwerty123", "Password2024!", "Abcd1234", "Aa123456",
                        "Welcome1", "Letmein99", "1Qaz2wsx"})
    EXPECT_TRUE(check_password_rules(p, "someone")) << p;
}

TEST(Crypto, HashesVerifyAndTokensAreUnique) {
  kh::crypto::initialise();
  const auto h = kh::crypto::hash_password("Tz8vQm4rLp");
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_TRUE(kh::crypto::verify_password(h, "Tz8vQm4rLp"));
  EXPECT_FALSE(kh::crypto::verify_password(h, "Tz8vQm4rLq"));
  EXPECT_NE(kh::crypto::random_token(), kh::crypto::random_token());
  EXPECT_EQ(kh::crypto::random_token(32).size(), 43u);
  EXPECT_EQ(kh::crypto::digest("a"), kh::crypto::digest("a"));
  EXPECT_NE(kh::crypto::digest("a"), kh::crypto::digest("b"));
  EXPECT_TRUE(kh::crypto::new_id("usr").starts_with("usr_"));
}
