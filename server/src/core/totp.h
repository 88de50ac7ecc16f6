#pragma once
//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) — what Google Authenticator,
//! Microsoft Authenticator and the like generate from a shared secret, for the second factor of SPEC.md "Accounts".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kh::totp {

constexpr std::int64_t step_seconds = 30;

//! A new secret: 20 random bytes (the size RFC 4226 recommends), base32 without padding (32 characters).
std::string new_secret();
std::string base32_encode(std::string_view bytes);
//! Upper or lower case, spaces ignored; nullopt when not base32.
std::optional<std::string> base32_decode(std::string_view text);

//! The time step a moment falls in.
std::int64_t step_at(std::int64_t unix_ms);
//! The 6-digit code of a step for a raw (decoded) secret.
std::string code_at(std::string_view secret_bytes, std::int64_t step);
//! The step whose code `code` is, looking one step either side of now (clocks drift; typing takes time);
//! nullopt when it matches none (spaces and hyphens in the typed code are ignored). The caller refuses a step
//! it has accepted before (a code works once).
std::optional<std::int64_t> matching_step(std::string_view secret_base32, std::string_view code, std::int64_t now_ms);

//! The otpauth:// URI an authenticator app reads from a QR code.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32);

}  // namespace kh::totp
