// TOTP against the RFC 6238 test vectors (SHA-1, secret "12345678901234567890"), base32 both ways, the drift
// window, and the URI an authenticator app reads.
#include <gtest/gtest.h>

#include "core/totp.h"

using namespace kh;

namespace {
const std::string rfc_secret = "12345678901234567890";
}

TEST(Totp, MatchesTheRfc6238VectorsInSixDigits) {
  // RFC 6238 Appendix B gives 8 digits; the 6-digit code is the same number modulo 10^6.
  EXPECT_EQ(totp::code_at(rfc_secret, totp::step_at(59'000)), "287082");
  EXPECT_EQ(totp::code_at(rfc_secret, totp::step_at(1'111'111'109'000)), "081804");
  EXPECT_EQ(totp::code_at(rfc_secret, totp::step_at(1'111'111'111'000)), "050471");
  EXPECT_EQ(totp::code_at(rfc_secret, totp::step_at(1'234'567'890'000)), "005924");
  EXPECT_EQ(totp::code_at(rfc_secret, totp::step_at(2'000'000'000'000)), "279037");
}

TEST(Totp, Base32RoundTripsAndRejectsOtherLetters) {
  const auto encoded = totp::base32_encode(rfc_secret);
  EXPECT_EQ(encoded, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(totp::base32_decode(encoded), rfc_secret);
  EXPECT_EQ(totp::base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), rfc_secret) << "lower case and spaces";
  EXPECT_FALSE(totp::base32_decode("GEZ1"));  // 1 is not base32
  const auto secret = totp::new_secret();
  EXPECT_EQ(secret.size(), 32u);
  EXPECT_EQ(totp::base32_decode(secret)->size(), 20u);
  EXPECT_NE(secret, totp::new_secret());
}

TEST(Totp, AcceptsOneStepOfDriftEitherWayAndNothingMore) {
  const auto b32 = totp::base32_encode(rfc_secret);
  const std::int64_t now = 1'111'111'109'000;
  const auto step = totp::step_at(now);
  EXPECT_EQ(totp::matching_step(b32, totp::code_at(rfc_secret, step), now), step);
  EXPECT_EQ(totp::matching_step(b32, totp::code_at(rfc_secret, step - 1), now), step - 1);
  EXPECT_EQ(totp::matching_step(b32, totp::code_at(rfc_secret, step + 1), now), step + 1);
  EXPECT_FALSE(totp::matching_step(b32, totp::code_at(rfc_secret, step - 2), now));
  EXPECT_FALSE(totp::matching_step(b32, totp::code_at(rfc_secret, step + 2), now));
  EXPECT_FALSE(totp::matching_step(b32, "12345", now)) << "five digits";
  EXPECT_FALSE(totp::matching_step("not base32!", "081804", now));
}

TEST(Totp, TheUriNamesIssuerAccountAndSecret) {
  EXPECT_EQ(totp::otpauth_uri("かけはし", "jimukyoku", "ABC"),
            "otpauth://totp/%E3%81%8B%E3%81%91%E3%81%AF%E3%81%97:jimukyoku?secret=ABC&issuer=%E3%81%8B%E3%81%91%E3%81%AF%E3%81%97"
            "&algorithm=SHA1&digits=6&period=30");
}
