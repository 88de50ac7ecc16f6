// The monthly hours CSV (hours_csv.h): the shared reader (core/csv) after the shared decoding (text::decode_japanese_file).
#include "workenv/hours_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "core/csv.h"
#include "core/text.h"

namespace kh::workenv {
namespace wh = kh::workenv_hours;
namespace {

struct Column {
  std::string_view key, name;
  bool required;
  std::array<std::string_view, 3> aliases;
};
constexpr std::array<Column, 9> columns = {{
    {"doctor_code", "医師コード", true, {"医師番号", "職員コード", "コード"}},
    {"department", "診療科", true, {"所属", "部署", "診療科名"}},
    {"level", "水準", true, {"適用水準", "医師の水準", ""}},
    {"overtime", "時間外・休日労働時間", true, {"時間外・休日労働", "時間外労働時間", "時間外・休日労働時間(時間)"}},
    {"other", "他の勤務先の時間外・休日労働時間", false, {"副業・兼業の時間", "他の勤務先の時間", "兼業先の時間外・休日労働時間"}},
    {"continuous", "最長連続勤務時間", false, {"連続勤務時間", "最長の連続勤務時間", ""}},
    {"interval", "勤務間インターバル未確保回数", false, {"インターバル未確保回数", "インターバル未確保", ""}},
    {"rest", "代償休息の未付与時間", false, {"代償休息未付与時間", "代償休息（未付与）", "代償休息"}},
    {"interview", "面接指導", false, {"面接指導の実施", "面接指導実施", ""}},
}};

std::string key_of(std::string_view s) {
  std::string k = text::fold(text::trim(s));
  std::erase(k, ' ');
  for (std::string_view mark : {"※必須", "(必須)", "必須", "※", "*"})
    if (k.size() > mark.size() && k.ends_with(mark)) k.resize(k.size() - mark.size());
  return k;
}

std::string quoted(std::string_view s) { return "「" + std::string(s) + "」"; }

//! Hours as people write them: 85, 85.5, 85:30 (hours and minutes), full width folded. Minutes, or nullopt.
std::optional<wh::Minutes> read_hours(std::string_view raw, int max_hours) {
  std::string s = text::fold(text::trim(raw));
  if (s.empty()) return 0;
  int h = 0, m = 0;
  if (auto colon = s.find(':'); colon != std::string::npos) {
    auto hs = std::string_view(s).substr(0, colon), ms = std::string_view(s).substr(colon + 1);
    auto r1 = std::from_chars(hs.data(), hs.data() + hs.size(), h);
    auto r2 = std::from_chars(ms.data(), ms.data() + ms.size(), m);
    if (hs.empty() || ms.size() != 2 || r1.ec != std::errc{} || r1.ptr != hs.data() + hs.size() ||
        r2.ec != std::errc{} || r2.ptr != ms.data() + ms.size() || m >= 60 || h < 0)
      return std::nullopt;
  } else {
    // A decimal with at most two places (what Excel writes for 85.5 or 85.25).
    auto dot = s.find('.');
    auto whole = std::string_view(s).substr(0, dot);
    auto r1 = std::from_chars(whole.data(), whole.data() + whole.size(), h);
    if (whole.empty() || r1.ec != std::errc{} || r1.ptr != whole.data() + whole.size() || h < 0) return std::nullopt;
    if (dot != std::string::npos) {
      auto frac = std::string_view(s).substr(dot + 1);
      if (frac.empty() || frac.size() > 2 || !std::all_of(frac.begin(), frac.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
      int f = std::stoi(std::string(frac));
      if (frac.size() == 1) f *= 10;
      m = (f * 60 + 50) / 100;  // hundredths of an hour to minutes, rounded
    }
  }
  if (h > max_hours || (h == max_hours && m > 0)) return std::nullopt;
  return h * 60 + m;
}

}  // namespace

Result<std::vector<wh::MonthRow>> read_hours_csv(std::string_view bytes, wh::YearMonth month) {
  const auto decoded = text::decode_japanese_file(bytes);
  if (!decoded)
    return fail(errors::bad_request("CSVの文字コードを読み取れません。Excelでは「CSV（コンマ区切り）」または「CSV UTF-8（コンマ区切り）」で保存してください。"));
  auto records = KH_TRY(csv::parse(decoded->text));
  // Rows that are entirely empty (Excel leaves them at the end) are not rows.
  std::erase_if(records, [](const csv::Record& r) {
    return std::all_of(r.begin(), r.end(), [](const std::string& c) { return text::trim(c).empty(); });
  });
  if (records.size() < 2) return fail(errors::bad_request("CSVにデータ行がありません。1行目は見出しにしてください。"));

  std::map<std::string, std::string_view> by_header;
  for (const auto& c : columns) {
    by_header[std::string(c.key)] = c.key;
    by_header[key_of(c.name)] = c.key;
    for (auto a : c.aliases)
      if (!a.empty()) by_header[key_of(a)] = c.key;
  }
  std::vector<std::string_view> keys;
  std::string header_problems;
  std::set<std::string_view> seen;
  for (const auto& h : records.front()) {
    const auto it = by_header.find(key_of(h));
    if (it == by_header.end()) {
      // An unknown column is refused: a column of names (氏名) must never be stored, nor silently dropped unseen.
      header_problems += h.empty() ? "空欄の見出しがあります。" : quoted(h) + "は列の名前にありません。";
      keys.emplace_back();
      continue;
    }
    if (!seen.insert(it->second).second) header_problems += quoted(h) + "の列が2つあります。";
    keys.push_back(it->second);
  }
  std::string missing;
  for (const auto& c : columns)
    if (c.required && !seen.contains(c.key)) missing += (missing.empty() ? "" : "、") + quoted(c.name);
  if (!missing.empty()) header_problems += missing + "の列がありません。";
  if (!header_problems.empty())
    return fail(errors::bad_request("1行目（見出し）: " + header_problems +
                                    "テンプレートの見出し（医師コード, 診療科, 水準, 時間外・休日労働時間 など）を使ってください。氏名の列は入れないでください。"));

  std::map<std::string, std::string> problems;
  std::vector<wh::MonthRow> out;
  std::map<std::string, std::size_t> code_line;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const std::size_t line = i + 1;
    const std::string row_key = "row_" + std::to_string(line);
    const std::string prefix = std::to_string(line) + "行目: ";
    if (records[i].size() != keys.size()) {
      problems[row_key] = prefix + "列の数が見出しと違います（見出し " + std::to_string(keys.size()) + "列、この行 " +
                          std::to_string(records[i].size()) + "列）。";
      continue;
    }
    std::map<std::string_view, std::string> cell;
    for (std::size_t k = 0; k < keys.size(); ++k) cell[keys[k]] = text::trim(records[i][k]);
    std::vector<std::string> bad;
    const auto name_of = [](std::string_view key) {
      for (const auto& c : columns)
        if (c.key == key) return std::string(c.name);
      return std::string(key);
    };
    const auto problem = [&](std::string_view key, std::string message) { bad.push_back(quoted(name_of(key)) + "列: " + message); };
    wh::MonthRow r;
    r.month = month;
    // The code: letters, digits, hyphen and underscore, at most 20 — a name (kanji, kana, spaces) cannot pass.
    std::string code = text::fold(cell["doctor_code"]);
    for (char& ch : code) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    const bool code_ok = !code.empty() && code.size() <= 20 && std::all_of(code.begin(), code.end(), [](char ch) {
      return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    });
    if (cell["doctor_code"].empty()) problem("doctor_code", "入力してください。");
    else if (!code_ok)
      problem("doctor_code", "英数字・ハイフンの20文字以内で入力してください（医療機関内の番号。氏名は入れないでください）。");
    else if (auto [it, fresh] = code_line.emplace(code, line); !fresh)
      problem("doctor_code", code + " は" + std::to_string(it->second) + "行目と重複しています。");
    r.doctor_code = code;
    r.department = cell["department"];
    if (r.department.empty()) problem("department", "入力してください。");
    else if (text::length(r.department) > 50 || text::has_forbidden_characters(r.department, text::Lines::single))
      problem("department", "50文字以内で入力してください。");
    if (auto level = wh::parse_level(cell["level"])) r.level = *level;
    else problem("level", cell["level"].empty() ? "入力してください。" : "A, 連携B, B, C-1, C-2 のいずれかを入力してください。");
    const auto hours_of = [&](std::string_view key, int max, wh::Minutes& into) {
      if (key == "overtime" && cell[key].empty()) return problem(key, "入力してください。");
      if (auto v = read_hours(cell[key], max)) into = *v;
      else problem(key, "0から" + std::to_string(max) + "までの時間（85.5 や 85:30）で入力してください。");
    };
    hours_of("overtime", 400, r.overtime);
    hours_of("other", 400, r.other_workplaces);
    hours_of("continuous", 200, r.longest_continuous);
    hours_of("rest", 400, r.compensatory_rest_owed);
    if (!cell["interval"].empty()) {
      const std::string s = text::fold(cell["interval"]);
      int n = -1;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc{} || end != s.data() + s.size() || n < 0 || n > 31)
        problem("interval", "0から31までの回数で入力してください。");
      else r.interval_shortfalls = n;
    }
    const std::string interview = text::fold(cell["interview"]);
    if (interview.empty() || interview == "未" || interview == "未実施" || interview == "なし" || interview == "0" ||
        interview == "いいえ")
      r.interview_done = false;
    else if (interview == "済" || interview == "実施済" || interview == "実施済み" || interview == "あり" || interview == "1" ||
             interview == "はい")
      r.interview_done = true;
    else problem("interview", "「済」か「未」で入力してください。");
    if (!bad.empty()) {
      std::string message = prefix;
      for (std::size_t k = 0; k < bad.size(); ++k) message += (k ? " ／ " : "") + bad[k];
      problems[row_key] = message;
      continue;
    }
    out.push_back(std::move(r));
  }
  if (!problems.empty()) {
    Error e = errors::validation(std::move(problems));
    e.code = "import_failed";
    e.message = "CSVに誤りがあるため、この月の勤務時間を1件も登録しませんでした。各行のメッセージを確認してください。";
    return fail(std::move(e));
  }
  return out;
}

std::string hours_csv_template() {
  std::string header, example = "D0001,救急科,B,92.5,10,26,0,0,済";
  for (const auto& c : columns) header += (header.empty() ? "" : ",") + std::string(c.name);
  return text::to_windows31j(header + "\r\n" + example + "\r\n");
}

}  // namespace kh::workenv
