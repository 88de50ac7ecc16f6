#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>

#include <memory>

namespace kh::text {

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto n = s.size();
  while (i < n) {
    const unsigned char c = s[i];
    int extra;
    char32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
    else return false;
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= n) return false;
      const unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are all invalid.
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

std::size_t length(std::string_view s) {
  std::size_t count = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

std::string trim(std::string_view s) {
  auto is_space_at = [&](std::size_t i, std::size_t& width) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') { width = 1; return true; }
    if (s.substr(i, 3) == "\xE3\x80\x80") { width = 3; return true; }  // U+3000 ideographic space
    return false;
  };
  std::size_t begin = 0, w = 0;
  while (begin < s.size() && is_space_at(begin, w)) begin += w;
  std::size_t end = s.size();
  while (end > begin) {
    if (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r' || s[end - 1] == '\n') { --end; continue; }
    if (end - begin >= 3 && s.substr(end - 3, 3) == "\xE3\x80\x80") { end -= 3; continue; }
    break;
  }
  return std::string(s.substr(begin, end - begin));
}

std::string fold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString folded = nfkc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(s);
  // Katakana and hiragana are the same word to a searcher (カンゴシ = かんごし).
  for (int32_t i = 0; i < folded.length(); ++i) {
    const char16_t c = folded.charAt(i);
    if (c >= 0x30A1 && c <= 0x30F6) folded.setCharAt(i, static_cast<char16_t>(c - 0x60));
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

bool is_plausible_email(std::string_view s) {
  if (s.size() < 3 || s.size() > 254) return false;
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = s.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.')
    return false;
  for (unsigned char c : s)
    if (c <= ' ' || c == 0x7F || c >= 0x80 || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find(separator, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool has_forbidden_characters(std::string_view s, Lines lines) {
  const auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned c = byte(i);
    if (c < 0x20) {
      if (lines == Lines::multiple && (c == '\t' || c == '\n' || c == '\r')) continue;
      return true;
    }
    if (c == 0x7F) return true;
    if (c == 0xC2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F) return true;  // U+0080–U+009F
    if (c == 0xD8 && byte(i + 1) == 0x9C) return true;                          // U+061C ARABIC LETTER MARK
    if (c == 0xE2) {
      const unsigned b1 = byte(i + 1), b2 = byte(i + 2);
      if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F)) return true;                // U+200E, U+200F
      if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return true;                  // U+202A–U+202E
      if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return true;                  // U+2066–U+2069
      if (lines == Lines::single && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)) return true;  // U+2028, U+2029
    }
  }
  return false;
}

namespace {

struct ConverterClose { void operator()(UConverter* c) const { ucnv_close(c); } };
using Converter = std::unique_ptr<UConverter, ConverterClose>;

//! A converter per call: opening one is cheap next to a file, and a UConverter holds state (not thread-safe).
Converter windows31j() {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open("windows-31j", &status));
  return U_FAILURE(status) ? nullptr : std::move(c);
}

}  // namespace

std::string to_windows31j(std::string_view utf8) {
  auto cnv = windows31j();
  if (!cnv) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setFallback(cnv.get(), true);  // 〜 → ～ (0x8160) and the like, as Windows writes them
  ucnv_setSubstChars(cnv.get(), "?", 1, &status);
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
  // Invalid UTF-8 becomes U+FFFD here, which has no mapping and so becomes '?' too.
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out(static_cast<std::size_t>(u.length()) * 2 + 16, '\0');
  const int32_t n = u.extract(out.data(), static_cast<int32_t>(out.size()), cnv.get(), status);
  if (U_FAILURE(status)) return std::string(utf8);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> from_windows31j(std::string_view bytes) {
  auto cnv = windows31j();
  if (!cnv) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), cnv.get(), status);
  if (U_FAILURE(status) || u.isBogus()) return std::nullopt;
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::optional<DecodedFile> decode_japanese_file(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF") && is_valid_utf8(bytes.substr(3)))
    return DecodedFile{std::string(bytes.substr(3)), FileEncoding::utf8_bom};
  if (is_valid_utf8(bytes)) return DecodedFile{std::string(bytes), FileEncoding::utf8};
  if (auto text = from_windows31j(bytes)) return DecodedFile{std::move(*text), FileEncoding::windows31j};
  return std::nullopt;
}

}  // namespace kh::text
