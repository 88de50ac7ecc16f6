// CSV imports of reference data. Everything is validated before anything is written, and the writes run in
// one transaction: a file with one bad row changes nothing.
#include <set>

#include "core/csv.h"
#include "core/text.h"
#include "reference/reference.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::reference {

std::string_view embedded_areas_csv();
std::string_view embedded_postal_codes_csv();

namespace {

std::string row_key(std::size_t line) { return "row_" + std::to_string(line); }
std::string row_message(std::size_t line, std::string_view text) { return std::to_string(line) + "行目: " + std::string(text); }

Result<std::vector<csv::Record>> read(std::string_view text, const std::vector<std::string>& header) {
  auto records = KH_TRY(csv::parse(text));
  if (records.empty()) return fail(errors::bad_request("CSVにデータがありません。"));
  std::vector<std::string> got;
  for (auto& h : records.front()) got.push_back(text::ascii_lower(text::trim(h)));
  if (got != header) {
    std::string expected;
    for (const auto& h : header) expected += (expected.empty() ? "" : ",") + h;
    return fail(errors::bad_request("CSVの1行目（見出し）は次のとおりにしてください: " + expected));
  }
  records.erase(records.begin());
  if (records.empty()) return fail(errors::bad_request("CSVにデータ行がありません。"));
  return records;
}

Error import_failed(std::map<std::string, std::string> problems) {
  Error e = errors::validation(std::move(problems));
  e.code = "import_failed";
  e.message = "CSVに誤りがあるため、取り込みませんでした。各行のメッセージを確認してください。";
  return e;
}

}  // namespace

Result<int> import_areas_csv(store::Connection& c, std::string_view text) {
  auto records = KH_TRY(read(text, {"prefecture_code", "area_code", "area_name", "municipality_code", "municipality_name"}));
  std::map<std::string, std::string> problems;
  std::map<std::string, std::pair<std::string, std::string>> areas;  // code -> (prefecture, name)
  std::set<std::string> seen_municipalities, prefectures;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::size_t line = i + 2;
    auto& r = records[i];
    if (r.size() != 5) { problems[row_key(line)] = row_message(line, "列の数が5ではありません。"); continue; }
    for (auto& f : r) f = text::trim(f);
    const auto& [pref, area, area_name, muni, muni_name] = std::tie(r[0], r[1], r[2], r[3], r[4]);
    std::string problem;
    if (!find_prefecture(pref)) problem = "「都道府県コード」が正しくありません（01〜47）。";
    else if (area.size() != 4 || !area.starts_with(pref)) problem = "「二次医療圏コード」は都道府県コードで始まる4桁にしてください。";
    else if (area_name.empty() || text::length(area_name) > 50) problem = "「二次医療圏名」を50文字以内で入力してください。";
    else if (!is_valid_municipality_code(muni) || !muni.starts_with(pref))
      problem = "「市区町村コード」が正しくありません（都道府県コードで始まる6桁の全国地方公共団体コード）。";
    else if (muni_name.empty() || text::length(muni_name) > 50) problem = "「市区町村名」を50文字以内で入力してください。";
    else if (!seen_municipalities.insert(muni).second) problem = "同じ市区町村コードが複数の行にあります。";
    else if (auto it = areas.find(area); it != areas.end() && it->second.second != area_name)
      problem = "同じ二次医療圏コードに異なる名称が書かれています。";
    if (!problem.empty()) { problems[row_key(line)] = row_message(line, problem); continue; }
    areas[area] = {pref, area_name};
    prefectures.insert(pref);
  }
  if (!problems.empty()) return fail(import_failed(std::move(problems)));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    for (const auto& pref : prefectures) {
      KH_TRY(c.execute("DELETE FROM area_municipalities WHERE area_code IN (SELECT code FROM medical_areas WHERE prefecture = $1)", {pref}));
      KH_TRY(c.execute("DELETE FROM medical_areas WHERE prefecture = $1", {pref}));
    }
    for (const auto& [code, v] : areas)
      KH_TRY(c.execute("INSERT INTO medical_areas (code, prefecture, name) VALUES ($1, $2, $3)", {code, v.first, v.second}));
    for (const auto& r : records) {
      // Municipalities are kept (postal codes and postings refer to them); only names and areas change.
      KH_TRY(c.execute("INSERT INTO municipalities (code, prefecture, name) VALUES ($1, $2, $3) "
                       "ON CONFLICT (code) DO UPDATE SET name = excluded.name, prefecture = excluded.prefecture",
                       {r[3], r[0], r[4]}));
      KH_TRY(c.execute("INSERT INTO area_municipalities (municipality_code, area_code) VALUES ($1, $2)", {r[3], r[1]}));
    }
    return store::append_change(c, "reference", "areas", "update");
  }));
  return static_cast<int>(records.size());
}

Result<int> import_postal_codes_csv(store::Connection& c, std::string_view text) {
  auto records = KH_TRY(read(text, {"postal_code", "municipality_code", "town"}));
  std::map<std::string, std::string> problems;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::size_t line = i + 2;
    auto& r = records[i];
    if (r.size() != 3) { problems[row_key(line)] = row_message(line, "列の数が3ではありません。"); continue; }
    for (auto& f : r) f = text::trim(f);
    bool digits = r[0].size() == 7;
    for (char ch : r[0]) digits &= ch >= '0' && ch <= '9';
    if (!digits) problems[row_key(line)] = row_message(line, "「郵便番号」は7桁の数字で入力してください。");
    else if (!is_valid_municipality_code(r[1])) problems[row_key(line)] = row_message(line, "「市区町村コード」が正しくありません。");
  }
  if (!problems.empty()) return fail(import_failed(std::move(problems)));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    for (const auto& r : records) {
      KH_TRY(c.execute("DELETE FROM postal_codes WHERE postal_code = $1 AND municipality_code = $2 AND town = $3", {r[0], r[1], r[2]}));
      KH_TRY(c.execute("INSERT INTO postal_codes (postal_code, municipality_code, town) VALUES ($1, $2, $3)", {r[0], r[1], r[2]}));
    }
    return {};
  }));
  return static_cast<int>(records.size());
}

Result<void> ensure_shipped_data(store::Connection& c) {
  auto count = KH_TRY(c.execute("SELECT COUNT(*) FROM municipalities"));
  if (count.rows.at(0).integer(0) > 0) return {};
  KH_TRY(import_areas_csv(c, embedded_areas_csv()));
  KH_TRY(import_postal_codes_csv(c, embedded_postal_codes_csv()));
  return {};
}

}  // namespace kh::reference
