// Password rules (SPEC.md "Accounts", seed 001 §1-2): 8+ characters with ASCII upper case, lower case and digits,
// not the user's ID, not a commonly used password.
#include <algorithm>
#include <array>
#include <cctype>

#include "accounts/accounts.h"
#include "core/text.h"

namespace kh::accounts {
namespace {

// Bases of the passwords that top every leaked-password list; decorated variants ("Password1!",
// "Qwerty2024") are caught by stripping trailing digits and symbols and folding common look-alike digits.
constexpr std::array<std::string_view, 50> common_bases = {
    "password", "passw0rd", "p@ssw0rd", "p@ssword", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbnm",
    "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "aa", "aaa", "aaaa", "letmein", "welcome",
    "admin", "administrator", "iloveyou", "monkey", "dragon", "master", "sunshine", "princess", "football",
    "baseball", "superman", "trustno1", "hello", "login", "changeme", "secret", "test", "guest", "user",
    "root", "qazwsx", "1q2w3e", "1q2w3e4r", "q1w2e3r4", "zaq12wsx", "japan", "tokyo", "nippon", "1qaz2wsx", "qaz2wsx"};

std::string strip_decoration(std::string s) {
  while (!s.empty() && !std::isalpha(static_cast<unsigned char>(s.back()))) s.pop_back();
  while (!s.empty() && !std::isalpha(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
  return s;
}

bool is_common(std::string_view password) {
  const std::string lower = text::ascii_lower(password);
  for (auto base : common_bases)
    if (lower == base) return true;
  const std::string core = strip_decoration(lower);
  for (auto base : common_bases)
    if (core == base) return true;
  return false;
}

}  // namespace

std::optional<std::string> check_password_rules(std::string_view password, std::string_view login) {
  if (password.size() < 8) return "「パスワード」は8文字以上で入力してください。";
  if (password.size() > 128) return "「パスワード」は128文字以内で入力してください。";
  bool upper = false, lower = false, digit = false;
  for (unsigned char c : password) {
    if (c < 0x21 || c > 0x7E) return "「パスワード」には半角英数字と記号のみ使用できます（空白や全角文字は使用できません）。";
    upper |= std::isupper(c) != 0;
    lower |= std::islower(c) != 0;
    digit |= std::isdigit(c) != 0;
  }
  if (!upper || !lower || !digit) return "「パスワード」には半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください。";
  const std::string pw = text::ascii_lower(password);
  const std::string id = text::ascii_lower(login);
  const std::string local_part = id.substr(0, id.find('@'));
  if (!id.empty() && (pw == id || pw == local_part))
    return "「パスワード」にはユーザIDと同じ文字列は使用できません。";
  if (is_common(password)) return "「パスワード」はよく使われているため使用できません。推測されにくいものを設定してください。";
  return std::nullopt;
}

}  // namespace kh::accounts
