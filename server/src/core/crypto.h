#pragma once
//! Vetted primitives only (libsodium): random tokens, Argon2id password hashes, keyed digests, constant-time compare.
#include <optional>
#include <string>
#include <string_view>

namespace kh::crypto {
//! Must run once before any other call (sodium_init); safe to call again.
void initialise();
//! A URL-safe random token with `bytes` bytes of entropy (base64url, no padding).
std::string random_token(std::size_t bytes = 32);
//! A short random identifier for rows, e.g. "u_3f9k2m..." (prefix + 16 base32 characters, 80 bits).
std::string new_id(std::string_view prefix);
//! Argon2id hash in libsodium's self-describing string form.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
//! Hex BLAKE2b digest: tokens are stored only as digests so a stolen database opens no session.
std::string digest(std::string_view token);
//! Keyed BLAKE2b of `message` (a pseudonym that only the key's holder can compute), as Crockford base32, upper
//! case, `chars` characters (5 bits each, at most 51).
std::string keyed_code(std::string_view key, std::string_view message, std::size_t chars);
bool equal_constant_time(std::string_view a, std::string_view b);
std::string base64_encode(std::string_view data);
//! Standard base64 (whitespace ignored); nullopt when it is not valid base64.
std::optional<std::string> base64_decode(std::string_view b64);
}  // namespace kh::crypto
