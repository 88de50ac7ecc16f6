#pragma once
//! A closed list of codes with their Japanese labels (a case's kind, a hospital's 36協定 form, a meeting's kind…), as
//! the workenv module's files use them: to validate a code, to show its label, and to list the choices in a refusal.
#include <cstddef>
#include <string>
#include <string_view>

namespace kh::workenv {

struct Choice { std::string_view code, label; };

//! The kinds of meeting series: meetings.cpp accepts them, the activity report (cases.cpp) counts meetings by kind.
inline constexpr Choice meeting_kinds[] = {{"council", "運営協議会"}, {"liaison", "実務者連絡調整会議"}};

//! The code's position in the list (lists in flow order compare by it), or -1.
template <std::size_t N>
int index_of(const Choice (&list)[N], std::string_view code) {
  for (std::size_t i = 0; i < N; ++i)
    if (list[i].code == code) return static_cast<int>(i);
  return -1;
}

template <std::size_t N>
bool is_choice(const Choice (&list)[N], std::string_view code) {
  return index_of(list, code) >= 0;
}

//! The label for people; an unknown code (an older row) is shown as it is rather than hidden.
template <std::size_t N>
std::string label_of(const Choice (&list)[N], std::string_view code) {
  const int i = index_of(list, code);
  return i < 0 ? std::string(code) : std::string(list[i].label);
}

//! "code（label）, …" for a refusal's message; an empty code (nothing chosen yet) is not offered.
template <std::size_t N>
std::string choices_text(const Choice (&list)[N]) {
  std::string s;
  for (const auto& c : list)
    if (!c.code.empty()) s += (s.empty() ? "" : ", ") + std::string(c.code) + "（" + std::string(c.label) + "）";
  return s;
}

}  // namespace kh::workenv
