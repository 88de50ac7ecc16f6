#pragma once
//! Japanese text handling: UTF-8 checks, length in characters, NFKC folding for search and comparison.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kh::text {
bool is_valid_utf8(std::string_view s);
//! Number of Unicode code points (what a person calls "characters"); assumes valid UTF-8.
std::size_t length(std::string_view s);
//! Trims ASCII and ideographic (U+3000) spaces at both ends.
std::string trim(std::string_view s);
//! NFKC + case folding + katakana→hiragana: full/half width and kana variants compare equal.
std::string fold(std::string_view s);
//! A pragmatic address check: one @, a dot in the domain, no spaces or control characters.
bool is_plausible_email(std::string_view s);
//! Lower-cases ASCII letters only (e-mail addresses and IDs are compared this way).
std::string ascii_lower(std::string_view s);
//! "a,b,c" from {"a","b","c"} (empty parts kept out of split: ",a,,b," → {"a","b"}).
std::string join(const std::vector<std::string>& parts, std::string_view separator);
std::vector<std::string> split(std::string_view s, char separator);
//! Whether a field is one line (names, titles, file names) or free text that may span lines.
enum class Lines { single, multiple };
//! Whether valid UTF-8 text holds a character no person types and some attack uses: C0 and C1 controls and DEL
//! (free text may keep tab, LF and CR), bidirectional controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069,
//! which make "exe.pdf" look like "fdp.exe") and, in one-line fields, U+2028/U+2029 line separators.
bool has_forbidden_characters(std::string_view s, Lines lines);
}  // namespace kh::text
