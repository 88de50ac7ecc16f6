#include "core/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <array>
#include <cctype>

#include "core/crypto.h"

namespace kh::totp {
namespace {

constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

//! Percent-encoding for the label and issuer of the URI (UTF-8 bytes, unreserved characters kept).
std::string uri_encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) != 0 && ch < 0x80) out += static_cast<char>(ch);
    else if (ch == '-' || ch == '.' || ch == '_' || ch == '~') out += static_cast<char>(ch);
    else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_secret() {
  std::array<unsigned char, 20> bytes{};
  crypto::initialise();
  randombytes_buf(bytes.data(), bytes.size());
  return base32_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char ch : text) {
    if (ch == ' ' || ch == '=') continue;
    const char upper = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    const auto pos = alphabet.find(upper);
    if (pos == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(pos);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::int64_t step_at(std::int64_t unix_ms) { return unix_ms / 1000 / step_seconds; }

std::string code_at(std::string_view secret, std::int64_t step) {
  std::array<unsigned char, 8> counter{};
  for (int i = 7; i >= 0; --i) {
    counter[static_cast<std::size_t>(i)] = static_cast<unsigned char>(step & 0xFF);
    step >>= 8;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_size = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter.data(), counter.size(), mac.data(), &mac_size);
  // Dynamic truncation (RFC 4226 §5.3).
  const unsigned offset = mac[mac_size - 1] & 0x0F;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) | (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | static_cast<std::uint32_t>(mac[offset + 3]);
  std::string code = std::to_string(binary % 1'000'000);
  return std::string(6 - code.size(), '0') + code;
}

std::optional<std::int64_t> matching_step(std::string_view secret_base32, std::string_view typed, std::int64_t now_ms) {
  // Apps show "123 456"; people type it that way.
  std::string code;
  for (char ch : typed)
    if (ch != ' ' && ch != '-') code += ch;
  if (code.size() != 6) return std::nullopt;
  const auto secret = base32_decode(secret_base32);
  if (!secret || secret->empty()) return std::nullopt;
  const auto now = step_at(now_ms);
  for (const auto step : {now, now - 1, now + 1})
    if (crypto::equal_constant_time(code_at(*secret, step), code)) return step;
  return std::nullopt;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32) {
  return "otpauth://totp/" + uri_encode(issuer) + ":" + uri_encode(account) + "?secret=" + std::string(secret_base32) +
         "&issuer=" + uri_encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace kh::totp
