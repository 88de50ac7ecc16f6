// Registering postings from a CSV file a hospital clerk made in Excel (issue 11 item 11): Japanese column headers
// or the API's codes, Japanese names or codes in every coded column (看護師 or nurse, 有期 or fixed_term,
// 千代田区 / 東京都千代田区 or 131016), UTF-8 with or without a byte-order mark or Windows-31J, and what Excel does
// to a cell (2027/6/1 for a date, a postal code or phone number without its leading zero). Each row then becomes
// the JSON the registration form sends, so the file obeys exactly the form's rules. All rows or none.
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <span>
#include <variant>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/text.h"
#include "core/time.h"
#include "postings/postings.h"
#include "postings/repo.h"
#include "reference/reference.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::postings {
namespace bj = boost::json;
namespace {

//! Other headers people write for a column (the form's longer labels), besides its code and Japanese name.
struct Alias { std::string_view key, header; };
constexpr std::array<Alias, 9> aliases = {{
    {"full_time", "フルタイム/パートタイム"}, {"full_time", "勤務形態"}, {"night_duty", "当直"},
    {"training_agreed", "研修受講を採用条件とすることに同意する"}, {"training_agreed", "研修への同意"},
    {"masked", "公開時に一定情報をマスキングすることを希望する"}, {"masked", "マスキング"},
    {"contact_email", "メール"}, {"period_months", "期間"},
}};

//! Compared folded (width, case, kana) and without spaces: 「無期 (常勤)」 is 「無期（常勤）」.
std::string key_of(std::string_view s) {
  std::string k = text::fold(text::trim(s));
  std::erase(k, ' ');
  return k;
}

//! A header as written, without the marks people add to required columns (※必須, （必須）, *, ※).
std::string header_key(std::string_view h) {
  std::string k = key_of(h);
  for (std::string_view mark : {"※必須", "(必須)", "必須", "※", "*"})
    if (k.size() > mark.size() && k.ends_with(mark)) k.resize(k.size() - mark.size());
  return k;
}

//! A cell made of ASCII digits only (after folding full width).
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

//! Digits Excel shortened by reading the cell as a number: a code of `width` digits gets its leading zeros back.
std::string pad_to(std::string digits, std::size_t width) {
  if (all_digits(digits) && digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

constexpr std::array<std::string_view, 7> weekday_kanji = {"月", "火", "水", "木", "金", "土", "日"};

std::optional<std::size_t> weekday_index(std::string_view token) {
  for (std::size_t i = 0; i < 7; ++i)
    if (token == weekday_codes[i] || token == weekday_kanji[i] || token == std::string(weekday_kanji[i]) + "曜" ||
        token == std::string(weekday_kanji[i]) + "曜日")
      return i;
  return std::nullopt;
}

//! 2027-06-01, 2027/6/1 (what Excel writes), 2027年6月1日 or the way the app shows dates, 2027年6月1日(火) →
//! 2027-06-01 (the weekday is not checked: the date decides); anything else is left for the form's date check.
std::string iso_date(std::string_view cell) {
  const std::string s = text::fold(text::trim(cell));
  int y = 0, m = 0, d = 0;
  std::size_t i = 0;
  auto number = [&](int& out, std::size_t max_digits) {
    std::size_t n = 0;
    while (i < s.size() && n < max_digits && s[i] >= '0' && s[i] <= '9') out = out * 10 + (s[i++] - '0'), ++n;
    return n > 0;
  };
  auto separator = [&](std::initializer_list<std::string_view> seps) {
    for (auto sep : seps)
      if (s.compare(i, sep.size(), sep) == 0) { i += sep.size(); return true; }
    return false;
  };
  if (!number(y, 4) || !separator({"-", "/", "年"}) || !number(m, 2) || !separator({"-", "/", "月"}) || !number(d, 2))
    return std::string(cell);
  separator({"日"});
  if (i < s.size() && s[i] == '(') {  // (火): folded from （火） too
    const auto close = s.find(')', i);
    if (close == std::string::npos || !weekday_index(s.substr(i + 1, close - i - 1))) return std::string(cell);
    i = close + 1;
  }
  if (i != s.size() || y < 1000) return std::string(cell);
  if (m > 99 || d > 99) return std::string(cell);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return out;
}

//! 「mon tue」, 「月;火」, 「月、水、金」, 「月火水木金」 or 「月〜金」 → codes; nullopt with the token it could not read.
std::variant<std::vector<std::string>, std::string> weekdays_of(std::string_view cell) {
  // Full width to ASCII (〜 stays); 、 and ・ separate like spaces (， and the ideographic space fold to them).
  std::string s;
  const std::string folded = text::fold(cell);
  for (std::size_t i = 0; i < folded.size();) {
    if (folded.compare(i, 3, "、") == 0 || folded.compare(i, 3, "・") == 0) { s += ' '; i += 3; }
    else s += folded[i++];
  }
  std::vector<std::string> days;
  auto add = [&](std::size_t i) { days.emplace_back(weekday_codes[i]); };
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = s.find_first_of(" ;/,", start);
    if (end == std::string::npos) end = s.size();
    const std::string token = s.substr(start, end - start);
    start = end + 1;
    if (token.empty()) continue;
    if (auto i = weekday_index(token)) { add(*i); continue; }
    // A range 月〜金 (also ～, ~ and -) or a run of day names 月火水木金 (each a 3-byte kanji).
    constexpr std::size_t no_range = 7;
    std::size_t range_from = no_range;  // the first day of a range being read (月 of 月〜金)
    bool ok = true;
    for (std::size_t at = 0; at < token.size();) {
      if (token.compare(at, 3, "〜") == 0 || token.compare(at, 3, "～") == 0 || token[at] == '~' || token[at] == '-') {
        if (days.empty() || range_from != no_range) { ok = false; break; }
        range_from = weekday_index(days.back()).value_or(no_range);
        at += (token[at] == '~' || token[at] == '-') ? 1 : 3;
        continue;
      }
      const auto day = at + 3 <= token.size() ? weekday_index(token.substr(at, 3)) : std::nullopt;
      if (!day) { ok = false; break; }
      at += 3;
      if (token.compare(at, 6, "曜日") == 0) at += 6;
      else if (token.compare(at, 3, "曜") == 0) at += 3;
      if (range_from != no_range) {
        if (*day < range_from) { ok = false; break; }
        for (auto i = range_from + 1; i <= *day; ++i) add(i);
        range_from = no_range;
      } else {
        add(*day);
      }
    }
    if (!ok || range_from != no_range) return token;
  }
  return days;
}

//! はい・いいえ in the ways people write them.
std::optional<bool> yes_no(std::string_view cell) {
  const std::string k = key_of(cell);
  for (std::string_view yes : {"1", "true", "はい", "あり", "有", "する", "同意する", "希望する", "○", "◯", "y", "yes"})
    if (k == text::fold(yes)) return true;
  for (std::string_view no : {"0", "false", "いいえ", "なし", "無", "しない", "同意しない", "希望しない", "×", "n", "no"})
    if (k == text::fold(no)) return false;
  return std::nullopt;
}

struct Choice { std::string_view code, name; };
//! A code or one of its Japanese names; nullopt when it is neither.
template <std::size_t N>
std::optional<std::string> choose(const std::array<Choice, N>& choices, std::string_view cell) {
  const std::string k = key_of(cell);
  for (const auto& c : choices)
    if (k == c.code || k == key_of(c.name)) return std::string(c.code);
  return std::nullopt;
}
constexpr std::array<Choice, 6> employment_choices = {{{"permanent", "無期（常勤）"}, {"permanent", "無期"}, {"permanent", "常勤"},
                                                       {"fixed_term", "有期"}, {"fixed_term", "有期雇用"}, {"spot", "スポット"}}};
constexpr std::array<Choice, 5> urgency_choices = {{{"immediate", "急募"}, {"immediate", "即時"}, {"regular", "常時"},
                                                    {"regular", "通常"}, {"regular", "急募ではない"}}};
constexpr std::array<Choice, 4> status_choices = {{{"draft", "下書き"}, {"published", "公開"}, {"published", "公開中"},
                                                   {"published", "公開する"}}};

//! 「2人」「3か月」: the number without its counter word.
std::string count_of(std::string_view cell) {
  std::string s = text::fold(text::trim(cell));
  for (std::string_view unit : {"人", "名", "か月", "かげつ", "ヶ月", "ケ月", "カ月", "ヵ月", "ゖ月", "ゕ月", "月"})
    if (s.size() > unit.size() && s.ends_with(text::fold(unit))) { s.resize(s.size() - text::fold(unit).size()); break; }
  return s;
}

//! "「府中市」 → 東京都府中市、広島県府中市" (up to five, then など).
std::string suggestions(const std::vector<reference::Municipality>& found) {
  std::string out;
  for (std::size_t i = 0; i < found.size() && i < 5; ++i) {
    const auto* pref = reference::find_prefecture(found[i].prefecture);
    out += (i ? "、" : "") + std::string("「") + std::string(pref ? pref->name : "") + found[i].name + "」";
  }
  if (found.size() > 5) out += "など";
  return out;
}

std::string quoted(std::string_view s) { return "「" + std::string(s) + "」"; }

std::string prefecture_name(std::string_view code) {
  const auto* p = reference::find_prefecture(code);
  return p ? std::string(p->name) : std::string(code);
}

//! One row read into the form's JSON, with the problems of cells that could not be read (column key → message).
struct ReadRow { bj::object body; std::map<std::string, std::string> problems; };

class RowReader {
 public:
  explicit RowReader(const reference::Catalogue& catalogue) : catalogue_(catalogue) {}

  ReadRow read(const std::map<std::string, std::string>& cells) const {
    ReadRow out;
    bj::object o, workplace, contact;
    auto problem = [&](std::string_view key, std::string message) { out.problems.try_emplace(std::string(key), std::move(message)); };
    auto cell = [&](std::string_view key) -> std::string {
      auto it = cells.find(std::string(key));
      return it == cells.end() ? std::string() : text::trim(it->second);
    };
    auto put = [&](std::string_view key, bj::value v) {
      if (key.starts_with("contact_")) contact[key.substr(8)] = std::move(v);
      else if (key == "postal_code" || key == "prefecture" || key == "municipality" || key == "street" ||
               key == "building" || key == "area")
        workplace[key] = std::move(v);
      else o[key] = std::move(v);
    };

    for (std::string_view key : {"title", "specialty", "hours", "duties", "requirements", "pay", "benefits", "street",
                                 "building", "contact_name", "contact_location", "contact_email"})
      if (auto v = cell(key); !v.empty()) put(key, bj::string(v));

    if (auto v = cell("category"); !v.empty()) {
      std::optional<std::string> code;
      std::string names;
      for (const auto& c : catalogue_.categories()) {
        if (key_of(v) == c.code || key_of(v) == key_of(c.name)) code = c.code;
        names += (names.empty() ? "" : "、") + c.name;
      }
      if (code) put("category", bj::string(*code));
      else problem("category", quoted(v) + "は職種の名前にもコードにもありません。次のいずれかを書いてください：" + names + "。");
    }
    if (auto v = cell("employment"); !v.empty()) {
      if (auto code = choose(employment_choices, v)) put("employment", bj::string(*code));
      else problem("employment", quoted(v) + "は雇用形態にありません。無期（常勤）、有期、スポットのいずれかを書いてください。");
    }
    if (auto v = cell("urgency"); !v.empty()) {
      if (auto code = choose(urgency_choices, v)) put("urgency", bj::string(*code));
      else problem("urgency", quoted(v) + "は緊急度にありません。急募または常時を書いてください。");
    }
    if (auto v = cell("status"); !v.empty()) {
      if (auto code = choose(status_choices, v)) put("status", bj::string(*code));
      else problem("status", quoted(v) + "は状態にありません。下書きまたは公開を書いてください（空欄なら下書き）。");
    }
    for (std::string_view key : {"start_date", "end_date"})
      if (auto v = cell(key); !v.empty()) put(key, bj::string(iso_date(v)));
    for (std::string_view key : {"period_months", "positions"})
      if (auto v = cell(key); !v.empty()) {
        const auto n = count_of(v);
        if (all_digits(n) && n.size() <= 6) put(key, std::stoll(n));
        else put(key, bj::string(v));  // the form's check names it
      }
    for (std::string_view key : {"full_time", "night_duty", "training_agreed", "masked"})
      if (auto v = cell(key); !v.empty()) {
        if (auto b = yes_no(v)) put(key, *b);
        else problem(key, quoted(v) + "は読み取れません。はい／いいえ（または 1／0）で書いてください。");
      }
    if (auto v = cell("weekdays"); !v.empty()) {
      auto days = weekdays_of(v);
      if (auto* list = std::get_if<std::vector<std::string>>(&days)) {
        bj::array a;
        for (const auto& d : *list) a.push_back(bj::string(d));
        put("weekdays", std::move(a));
      } else {
        problem("weekdays", quoted(std::get<std::string>(days)) + "は曜日として読み取れません。月 火 水 のように曜日を区切って書いてください（月〜金 も可）。");
      }
    }
    // Excel reads 0600001 as the number 600001, and 0312345678 as 312345678: the zero comes back.
    if (auto v = cell("postal_code"); !v.empty()) {
      const auto folded = text::fold(v);
      put("postal_code", bj::string(all_digits(folded) && folded.size() == 6 ? pad_to(folded, 7) : v));
    }
    if (auto v = cell("contact_phone"); !v.empty()) {
      const auto folded = text::fold(v);
      put("contact_phone", bj::string(all_digits(folded) && folded[0] != '0' && (folded.size() == 9 || folded.size() == 10) ? "0" + folded : v));
    }

    // Where: the prefecture (code or name), then the municipality (code or name, with or without the prefecture),
    // then the 二次医療圏 (code or name). An empty prefecture is taken from the municipality.
    std::string prefecture;
    if (auto v = cell("prefecture"); !v.empty()) {
      const auto folded = text::fold(v);
      const auto* p = all_digits(folded) ? reference::find_prefecture(folded.size() == 1 ? pad_to(folded, 2) : folded)
                                         : reference::find_prefecture_by_name(v);
      if (p) prefecture = p->code;
      else problem("prefecture", quoted(v) + "は都道府県の名前にもコードにもありません（例：東京都 または 13）。");
    }
    if (auto v = cell("municipality"); !v.empty()) {
      const auto folded = text::fold(v);
      if (all_digits(folded)) {
        const auto code = folded.size() == 5 ? pad_to(folded, 6) : folded;
        put("municipality", bj::string(code));
        if (prefecture.empty() && cell("prefecture").empty() && code.size() == 6) prefecture = code.substr(0, 2);
      } else if (auto code = municipality_code(v, prefecture, cell("prefecture").empty(), problem)) {
        put("municipality", bj::string(code->first));
        if (prefecture.empty()) prefecture = code->second;
      }
    }
    if (!prefecture.empty()) put("prefecture", bj::string(prefecture));
    else if (auto v = cell("prefecture"); !v.empty()) put("prefecture", bj::string(v));
    if (auto v = cell("area"); !v.empty()) {
      const auto folded = text::fold(v);
      if (all_digits(folded)) {
        put("area", bj::string(folded));
      } else {
        std::optional<std::string> code;
        for (const auto& a : catalogue_.areas(prefecture))
          if (key_of(a.name) == key_of(v)) code = a.code;
        if (code) put("area", bj::string(*code));
        else problem("area", quoted(v) + "は" + prefecture_name(prefecture) + "の二次医療圏にありません。空欄にすると市区町村から決まります。");
      }
    }

    o["workplace"] = std::move(workplace);
    o["contact"] = std::move(contact);
    if (!o.contains("masked")) o["masked"] = nullptr;  // required: a missing value is reported, not defaulted
    out.body = std::move(o);
    return out;
  }

 private:
  //! A municipality by name: 千代田区, 東京都千代田区, or (within the row's prefecture) 中央区 for 札幌市中央区.
  //! {code, prefecture}; nullopt with the problem noted when there is none or more than one.
  template <class Problem>
  std::optional<std::pair<std::string, std::string>> municipality_code(std::string_view written, const std::string& prefecture,
                                                                       bool prefecture_empty, Problem& problem) const {
    std::string name(written);
    std::string in = prefecture;
    if (const auto* p = reference::prefecture_prefix(name)) {
      name = name.substr(p->name.size());
      if (!prefecture.empty() && prefecture != p->code) {
        problem("municipality", quoted(written) + "は「都道府県」の" + prefecture_name(prefecture) +
                                    "と違う都道府県です。どちらかを直してください。");
        return std::nullopt;
      }
      in = p->code;
    } else if (!prefecture_empty && prefecture.empty()) {
      return std::nullopt;  // the prefecture cell is wrong (noted there): nothing to look in
    }
    const auto found = catalogue_.municipalities_named(in, name);
    if (found.size() == 1) return std::pair{found[0].code, found[0].prefecture};
    if (found.empty()) {
      const auto elsewhere = in.empty() ? found : catalogue_.municipalities_named("", name);
      if (!elsewhere.empty())
        problem("municipality", quoted(written) + "は" + prefecture_name(in) + "にありません（" +
                                    suggestions(elsewhere) + "）。「都道府県」と「市区町村」を確かめてください。");
      else
        problem("municipality", quoted(written) + "という市区町村は見つかりません。正式な名前（例：千代田区、札幌市中央区）か、6桁の市区町村コードを書いてください。");
      return std::nullopt;
    }
    problem("municipality", quoted(written) + "は" + std::to_string(found.size()) + "か所あります（" + suggestions(found) +
                                "）。" + (in.empty() ? "「東京都府中市」のように都道府県名から書くか、「都道府県」を書いてください。"
                                                     : "「札幌市中央区」のように市の名前から書いてください。"));
    return std::nullopt;
  }

  const reference::Catalogue& catalogue_;
};

//! The column a field of the form's errors belongs to: workplace.municipality → municipality, contact.phone →
//! contact_phone.
std::string column_of_field(std::string_view field) {
  if (field.starts_with("workplace.")) return std::string(field.substr(10));
  if (field.starts_with("contact.")) return "contact_" + std::string(field.substr(8));
  return std::string(field);
}

}  // namespace

std::span<const CsvColumn> csv_column_list() {
  static constexpr std::array<CsvColumn, 30> columns = {{
      {"title", "タイトル", true},          {"category", "職種", true},
      {"specialty", "診療科", false},        {"employment", "雇用形態", true},
      {"start_date", "勤務開始日", true},    {"end_date", "勤務終了日", false},
      {"period_months", "期間（月数）", false}, {"weekdays", "勤務曜日", false},
      {"hours", "勤務時間", false},          {"full_time", "フルタイム", false},
      {"night_duty", "当直・オンコール", false}, {"urgency", "緊急度", true},
      {"positions", "募集人数", true},       {"duties", "業務内容", true},
      {"requirements", "応募要件", false},   {"pay", "給与", false},
      {"benefits", "待遇・福利厚生", false}, {"training_agreed", "研修受講への同意", true},
      {"postal_code", "郵便番号", true},     {"prefecture", "都道府県", false},
      {"municipality", "市区町村", true},    {"street", "町名・番地", true},
      {"building", "建物名・施設名", false}, {"area", "二次医療圏", false},
      {"contact_name", "担当者名", true},    {"contact_location", "担当部署・所在地", false},
      {"contact_phone", "電話番号", true},   {"contact_email", "メールアドレス", true},
      {"masked", "マスキング希望", true},    {"status", "状態", false},
  }};
  return columns;
}

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& c : csv_column_list()) k.emplace_back(c.key);
    return k;
  }();
  return keys;
}

std::string csv_template(std::string_view start_date) {
  // The example as a person reads it: the date as the app shows dates (2027年7月1日(木)), the postal code and
  // phone with hyphens (so Excel keeps them as text, with their leading zero), names instead of codes.
  const std::string date = format_date_ja(start_date);
  const std::map<std::string_view, std::string> example = {
      {"title", "病棟看護師（3か月）"}, {"category", "看護師"}, {"employment", "有期"}, {"start_date", date},
      {"period_months", "3"}, {"weekdays", "月 火 水 木 金"}, {"hours", "8:30-17:15"}, {"full_time", "はい"},
      {"night_duty", "いいえ"}, {"urgency", "急募"}, {"positions", "2"}, {"duties", "病棟での看護業務全般。\n夜勤はありません。"},
      {"requirements", "看護師免許。病棟経験3年以上"}, {"pay", "時給 2,200円〜"}, {"benefits", "交通費支給、制服貸与"},
      {"training_agreed", "はい"}, {"postal_code", "100-0001"}, {"prefecture", "東京都"}, {"municipality", "千代田区"},
      {"street", "千代田1-1"}, {"contact_name", "採用担当"}, {"contact_location", "看護部"}, {"contact_phone", "03-1234-5678"},
      {"contact_email", "recruit@example.jp"}, {"masked", "はい"}, {"status", "下書き"}};
  std::string header, row;
  for (const auto& c : csv_column_list()) {
    if (!header.empty()) header += ',', row += ',';
    header += csv::escape(c.name);
    if (const auto it = example.find(c.key); it != example.end()) row += csv::escape(it->second);
  }
  return text::to_windows31j(header + "\r\n" + row + "\r\n");
}

Result<std::vector<Posting>> Service::import_csv(const accounts::CurrentUser& actor, std::string_view bytes) {
  const std::string facility_id = KH_TRY(facility_of(actor, {}));
  const auto decoded = text::decode_japanese_file(bytes);
  if (!decoded)
    return fail(errors::bad_request("CSVの文字コードを読み取れません。Excelでは「CSV（コンマ区切り）」または「CSV UTF-8（コンマ区切り）」で保存してください。"));
  auto records = KH_TRY(csv::parse(decoded->text));
  if (records.size() < 2) return fail(errors::bad_request("CSVにデータ行がありません。1行目は見出しにしてください。"));

  // The header: each column by its code or its Japanese name, in any order; optional columns may be left out.
  const auto spec = csv_column_list();
  std::map<std::string, std::string> by_header;  // folded header → column key
  for (const auto& c : spec) {
    by_header[std::string(c.key)] = std::string(c.key);
    by_header[header_key(c.name)] = std::string(c.key);
  }
  for (const auto& a : aliases) by_header[header_key(a.header)] = std::string(a.key);
  std::vector<std::string> keys;  // per position
  std::vector<std::string> header_problems;
  std::set<std::string> seen;
  const auto name_of = [&](std::string_view key) {
    for (const auto& c : spec)
      if (c.key == key) return std::string(c.name);
    return std::string(key);
  };
  for (const auto& h : records.front()) {
    const auto it = by_header.find(header_key(h));
    if (h.empty() || it == by_header.end()) {
      header_problems.push_back(h.empty() ? "空欄の見出しがあります。" : quoted(h) + "は列の名前にありません。");
      keys.emplace_back();
      continue;
    }
    if (!seen.insert(it->second).second) header_problems.push_back(quoted(name_of(it->second)) + "の列が2つあります。");
    keys.push_back(it->second);
  }
  std::string missing;
  for (const auto& c : spec)
    if (c.required && !seen.contains(std::string(c.key))) missing += (missing.empty() ? "" : "、") + quoted(c.name);
  if (!missing.empty()) header_problems.push_back(missing + "の列がありません。");
  if (!header_problems.empty()) {
    std::string message = "1行目（見出し）: ";
    for (const auto& p : header_problems) message += p;
    return fail(errors::bad_request(message + "テンプレートの見出し（日本語）か、列のコード（title, category など）を使ってください。"));
  }

  const RowReader reader(catalogue_);
  std::map<std::string, std::string> problems;
  std::vector<Posting> created;
  const auto now = now_ms();
  for (std::size_t i = 1; i < records.size(); ++i) {
    const std::string row = "row_" + std::to_string(i + 1);
    const std::string prefix = std::to_string(i + 1) + "行目: ";
    if (records[i].size() != keys.size()) {
      problems[row] = prefix + "列の数が見出しと違います（見出し " + std::to_string(keys.size()) + "列、この行 " +
                      std::to_string(records[i].size()) + "列）。";
      continue;
    }
    std::map<std::string, std::string> cells;
    for (std::size_t k = 0; k < keys.size(); ++k) cells[keys[k]] = records[i][k];
    auto [body, cell_problems] = reader.read(cells);
    Posting p;
    p.facility_id = facility_id;
    auto checked = apply_and_validate(p, body, catalogue_, true, Completeness::always);
    if (checked) checked = apply_status(p, body, true);
    if (!checked || !cell_problems.empty()) {
      // One message per column, in the file's column order: the cell's own problem first, else the form's.
      auto all = std::move(cell_problems);
      // An empty prefecture is taken from the municipality: when that could not be read, its message says enough.
      const bool prefecture_from_municipality = all.contains("municipality") && text::trim(cells["prefecture"]).empty();
      if (!checked)
        for (const auto& [field, text] : checked.error().fields)
          if (!(prefecture_from_municipality && field == "workplace.prefecture")) all.try_emplace(column_of_field(field), text);
      std::string message;
      for (const auto& c : spec)
        if (auto it = all.find(std::string(c.key)); it != all.end()) {
          message += (message.empty() ? "" : " ／ ") + quoted(c.name) + "列: " + it->second;
          all.erase(it);
        }
      for (const auto& [field, text] : all) message += (message.empty() ? "" : " ／ ") + text;
      problems[row] = prefix + message;
      continue;
    }
    p.id = crypto::new_id("pst");
    p.version = 1;
    p.created_at_ms = p.updated_at_ms = now;
    if (p.status == "published") p.published_at_ms = now;
    created.push_back(std::move(p));
  }
  if (!problems.empty()) {
    Error e = errors::validation(std::move(problems));
    e.code = "import_failed";
    e.message = "CSVに誤りがあるため、1件も登録しませんでした。各行のメッセージを確認してください。";
    return fail(std::move(e));
  }
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    for (const auto& p : created) {
      KH_TRY_VOID(repo::insert(c, p, actor.user.id));
      KH_TRY_VOID(repo::insert_version(c, p.id, 1, actor.user.login, R"({"created":true,"source":"csv"})"));
      KH_TRY_VOID(store::append_change(c, "posting", p.id, "create"));
    }
    return audit::record(c, accounts::actor_of(actor), "postings_imported", "organisation", facility_id,
                         std::to_string(created.size()) + " rows");
  }));
  return created;
}

}  // namespace kh::postings
