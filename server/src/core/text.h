#pragma once
//! Japanese text handling: UTF-8 checks, length in characters, NFKC folding for search and comparison.
#include <cstddef>
#include <optional>
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

//! The encoding Japanese Excel reads and writes: Windows-31J (CP932, Microsoft's Shift_JIS), converted with ICU's
//! "windows-31j" (ibm-943_P15A-2003) in both directions, so what is written reads back the same. Writing: a
//! character with only a near mapping takes it (〜 U+301C → 0x8160, − U+2212 → 0x817C, as Windows does), one
//! with none (some emoji, rare kanji) becomes '?'.
std::string to_windows31j(std::string_view utf8);
//! Windows-31J bytes as UTF-8; nullopt when they are not Windows-31J (an unassigned or cut-off double byte).
std::optional<std::string> from_windows31j(std::string_view bytes);
//! Which encoding a file was in, as decode_japanese_file found it.
enum class FileEncoding { utf8, utf8_bom, windows31j };
struct DecodedFile { std::string text; FileEncoding encoding; };
//! A text file from a person's computer (a CSV saved by Excel, say): valid UTF-8 is UTF-8 (its byte-order mark
//! dropped), anything else is read as Windows-31J; nullopt when it is neither.
std::optional<DecodedFile> decode_japanese_file(std::string_view bytes);
}  // namespace kh::text
