// Slot filling for a seeker's wishes: dictionaries, a few patterns and MeCab's place names.
#include "chat_retrieval/slots.h"

#include <algorithm>
#include <cstdio>
#include <regex>

namespace kh::chat_retrieval {

namespace {
bool has(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }
bool has_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return has(text, w); });
}

std::string iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

// Each dictionary word found, longest first, its span blanked so a shorter word inside it (内科 in 消化器内科,
// 京都 in 東京都) is not found again.
std::vector<std::string> find_words(std::string text, std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<std::string> found;
  for (const auto& w : words) {
    if (w.empty()) continue;
    for (auto at = text.find(w); at != std::string::npos; at = text.find(w, at + 1)) {
      if (std::find(found.begin(), found.end(), w) == found.end()) found.push_back(w);
      text.replace(at, w.size(), std::string(w.size(), ' '));
    }
  }
  return found;
}

bool negative_answer(std::string_view t) {
  return has_any(t, {"いいえ", "不安", "なし", "無し", "不可", "できない", "出来ない", "できません", "避け", "したくない",
                     "やりたくない", "嫌", "ng", "無理", "苦手", "ない"});
}
bool positive_answer(std::string_view t) {
  return has_any(t, {"はい", "可能", "できる", "できます", "出来る", "ok", "大丈夫", "あり", "歓迎", "可"});
}
bool nothing_particular(std::string_view t) {
  return has_any(t, {"特になし", "特にない", "なし", "ない", "こだわらない", "どこでも", "どれでも", "いつでも", "不要", "問わない"});
}
}  // namespace

int Wishes::filled() const {
  return int(categories.has_value()) + int(employment.has_value()) + int(period_months.has_value()) +
         int(start_date.has_value()) + int(prefectures.has_value()) + int(specialties.has_value()) +
         int(weekdays.has_value()) + int(night_duty.has_value()) + int(career_support.has_value());
}

void Wishes::merge(const Wishes& o) {
  if (o.categories) categories = o.categories;
  if (o.employment) employment = o.employment;
  if (o.period_months) period_months = o.period_months;
  if (o.start_date) start_date = o.start_date;
  if (o.prefectures) prefectures = o.prefectures;
  if (o.specialties) specialties = o.specialties;
  if (o.weekdays) weekdays = o.weekdays;
  if (o.night_duty) night_duty = o.night_duty;
  if (o.career_support) career_support = o.career_support;
}

Wishes read_wishes(const Analyzer& analyzer, std::string_view raw, const SlotDictionaries& dict, Date today,
                   std::string_view asked) {
  Wishes w;
  const std::string t = normalize(raw);

  // Job categories and specialties: dictionary words.
  {
    std::vector<std::string> names;
    for (const auto& c : dict.categories) names.push_back(c.name);
    std::vector<std::string> codes;
    for (const auto& name : find_words(t, names))
      for (const auto& c : dict.categories)
        if (c.name == name && std::find(codes.begin(), codes.end(), c.code) == codes.end()) codes.push_back(c.code);
    if (!codes.empty()) w.categories = codes;
  }
  if (auto found = find_words(t, dict.specialties); !found.empty()) w.specialties = found;
  else if (asked == "specialties" && nothing_particular(t)) w.specialties = std::vector<std::string>{};

  // Places: the dictionary's names, and MeCab's place nouns (栃木 in 「栃木で」) looked up in it.
  {
    std::vector<std::string> names;
    for (const auto& p : dict.prefectures) names.push_back(p.name);
    auto found = find_words(t, names);
    for (const auto& m : analyzer.morphemes(t))
      if (m.pos == "名詞" && m.pos1 == "固有名詞" && m.pos2 == "地域") found.push_back(m.surface);
    std::vector<std::string> codes;
    for (const auto& name : found)
      for (const auto& p : dict.prefectures)
        if (p.name == name && std::find(codes.begin(), codes.end(), p.code) == codes.end()) codes.push_back(p.code);
    if (!codes.empty()) w.prefectures = codes;
  }

  // Period: 3か月, 3ヶ月, 半年, 1年間.
  std::smatch m;
  static const std::regex months(R"((\d{1,2})\s*(か月|ヶ月|ヵ月|カ月|ケ月|箇月|ヶ月間|か月間))");
  static const std::regex years(R"((\d{1,2})\s*年間)");
  if (std::regex_search(t, m, months)) w.period_months = std::stoi(m[1]);
  else if (std::regex_search(t, m, years)) w.period_months = 12 * std::stoi(m[1]);
  else if (has(t, "半年")) w.period_months = 6;
  if (w.period_months && (*w.period_months < 1 || *w.period_months > 60)) w.period_months.reset();

  // Employment.
  if (has_any(t, {"スポット", "単発", "1日だけ"})) w.employment = "spot";
  else if (has_any(t, {"常勤", "無期", "正職員", "正社員", "期間の定めなし", "ずっと"})) w.employment = "permanent";
  else if (has_any(t, {"有期", "期間限定", "期間の定めあり", "契約"}) || w.period_months) w.employment = "fixed_term";

  // Start: an explicit date, N月(D日)から, 来月, 再来月, 今月, すぐ.
  static const std::regex full_date(R"((20\d\d)[-/年]\s*(\d{1,2})[-/月]\s*(\d{1,2}))");
  static const std::regex month_day(R"((\d{1,2})月(\d{1,2})日)");
  static const std::regex month_only(R"((\d{1,2})月(から|以降|より|開始|スタート|頃|ごろ))");
  auto valid = [](int y, int mo, int d) { return mo >= 1 && mo <= 12 && d >= 1 && d <= days_in_month(y, mo); };
  auto next_occurrence = [&](int mo, int d) {
    int y = today.year;
    if (mo < today.month || (mo == today.month && d < today.day)) ++y;
    return std::pair{y, mo};
  };
  if (std::regex_search(t, m, full_date) && valid(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]))) {
    w.start_date = iso(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  } else if (std::regex_search(t, m, month_day)) {
    const auto [y, mo] = next_occurrence(std::stoi(m[1]), std::stoi(m[2]));
    if (valid(y, mo, std::stoi(m[2]))) w.start_date = iso(y, mo, std::stoi(m[2]));
  } else if (std::regex_search(t, m, month_only)) {
    const int mo = std::stoi(m[1]);
    const auto [y, mo2] = next_occurrence(mo, mo == today.month ? today.day : 1);
    if (mo2 >= 1 && mo2 <= 12) w.start_date = mo == today.month && y == today.year ? iso(y, mo, today.day) : iso(y, mo2, 1);
  } else if (has(t, "再来月")) {
    int y = today.year, mo = today.month + 2;
    if (mo > 12) { mo -= 12; ++y; }
    w.start_date = iso(y, mo, 1);
  } else if (has(t, "来月")) {
    int y = today.year, mo = today.month + 1;
    if (mo > 12) { mo = 1; ++y; }
    w.start_date = iso(y, mo, 1);
  } else if (has_any(t, {"今月", "すぐ", "即日", "今日から", "明日から"})) {
    w.start_date = iso(today.year, today.month, today.day);
  } else if (asked == "start_date" && has_any(t, {"いつでも", "未定"})) {
    w.start_date = iso(today.year, today.month, today.day);
  }

  // Weekdays.
  {
    static constexpr std::pair<std::string_view, std::string_view> days[] = {
        {"月曜", "mon"}, {"火曜", "tue"}, {"水曜", "wed"}, {"木曜", "thu"}, {"金曜", "fri"}, {"土曜", "sat"}, {"日曜", "sun"}};
    std::vector<std::string> found;
    auto add = [&](std::string_view d) {
      if (std::find(found.begin(), found.end(), d) == found.end()) found.emplace_back(d);
    };
    if (has_any(t, {"平日", "月〜金", "月~金", "月から金"}))
      for (auto d : {"mon", "tue", "wed", "thu", "fri"}) add(d);
    if (has_any(t, {"土日", "週末"})) {
      add("sat");
      add("sun");
    }
    for (const auto& [word, code] : days)
      if (has(t, word)) add(code);
    if (has_any(t, {"毎日", "全日", "何曜日でも", "曜日は問わない"}))
      for (auto d : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}) add(d);
    static constexpr std::string_view order[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return std::find(std::begin(order), std::end(order), a) < std::find(std::begin(order), std::end(order), b);
    });
    if (!found.empty()) w.weekdays = found;
    else if (asked == "weekdays" && nothing_particular(t)) w.weekdays = std::vector<std::string>{};
  }

  // Night duty and on-call: what is said about them, or a yes/no to the question.
  if (has_any(t, {"当直", "夜勤", "オンコール", "宿直", "夜間"})) {
    if (negative_answer(t)) w.night_duty = false;
    else if (positive_answer(t)) w.night_duty = true;
  } else if (asked == "night_duty") {
    if (negative_answer(t)) w.night_duty = false;
    else if (positive_answer(t)) w.night_duty = true;
  }

  // Career support.
  if (has_any(t, {"専門医"})) w.career_support = "specialist";
  else if (has_any(t, {"復職", "ブランク", "産休", "育休", "復帰"})) w.career_support = "return";
  else if (has_any(t, {"転科"})) w.career_support = "change";
  else if (asked == "career_support" && nothing_particular(t)) w.career_support = "none";

  // An employment question answered with one of its choices.
  if (asked == "employment" && !w.employment) {
    if (has(t, "期間")) w.employment = "fixed_term";
  }
  return w;
}

}  // namespace kh::chat_retrieval
