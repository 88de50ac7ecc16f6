// CSV imports of reference data. Everything is validated before anything is written, and the writes run in
// one transaction: a file with one bad row changes nothing.
#include <set>

#include "core/csv.h"
#include "core/text.h"
#include "core/time.h"
#include "reference/reference.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::reference {

// The national data set shipped in the binary (server/data/national, sources and licences in its README).
std::string_view embedded_municipalities_csv();
std::string_view embedded_areas_csv();
std::string_view embedded_postal_codes_csv();
std::string_view embedded_designations_csv();
//! Bumped whenever server/data/national changes, so `migrate` loads the new set into existing databases.
constexpr std::string_view shipped_version = "2026-12-02";
//! The plan period of the shipped 医師少数区域 designations: the 8th medical plan (医師偏在指標, 2024-01).
constexpr std::string_view shipped_plan_period = "8";

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

//! Inserts many rows with one statement per `batch` rows instead of one per row: a national postal file is
//! 124,000 rows, and a round trip each would take PostgreSQL half a minute. `tail` may hold ON CONFLICT ….
Result<void> insert_batched(store::Connection& c, std::string_view head, std::string_view tail,
                            const std::vector<std::vector<std::string>>& rows, std::size_t batch = 200) {
  for (std::size_t start = 0; start < rows.size(); start += batch) {
    const std::size_t end = std::min(rows.size(), start + batch);
    std::string sql(head);
    sql += " VALUES ";
    store::Params params;
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "(" : ", (";
      for (std::size_t k = 0; k < rows[i].size(); ++k) {
        params.push_back(rows[i][k]);
        sql += (k ? ", $" : "$") + std::to_string(params.size());
      }
      sql += ")";
    }
    sql += " ";
    sql += tail;
    KH_TRY(c.execute(sql, params));
  }
  return {};
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
    std::vector<std::vector<std::string>> area_rows, municipality_rows, member_rows;
    for (const auto& [code, v] : areas) area_rows.push_back({code, v.first, v.second});
    for (const auto& r : records) {
      municipality_rows.push_back({r[3], r[0], r[4]});
      member_rows.push_back({r[3], r[1]});
    }
    KH_TRY_VOID(insert_batched(c, "INSERT INTO medical_areas (code, prefecture, name)", "", area_rows));
    // Municipalities are kept (postal codes and postings refer to them); only names and areas change.
    KH_TRY_VOID(insert_batched(c, "INSERT INTO municipalities (code, prefecture, name)",
                               "ON CONFLICT (code) DO UPDATE SET name = excluded.name, prefecture = excluded.prefecture",
                               municipality_rows));
    KH_TRY_VOID(insert_batched(c, "INSERT INTO area_municipalities (municipality_code, area_code)", "", member_rows));
    return store::append_change(c, "reference", "areas", "update");
  }));
  return static_cast<int>(records.size());
}

Result<int> import_municipalities_csv(store::Connection& c, std::string_view text) {
  auto records = KH_TRY(read(text, {"prefecture_code", "municipality_code", "municipality_name", "municipality_kana",
                                    "latitude", "longitude"}));
  std::map<std::string, std::string> problems;
  std::set<std::string> seen;
  const auto coordinate = [](const std::string& v, double min, double max) {
    try {
      std::size_t used = 0;
      const double d = std::stod(v, &used);
      return used == v.size() && d >= min && d <= max;
    } catch (...) {
      return false;
    }
  };
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::size_t line = i + 2;
    auto& r = records[i];
    if (r.size() != 6) { problems[row_key(line)] = row_message(line, "列の数が6ではありません。"); continue; }
    for (auto& f : r) f = text::trim(f);
    std::string problem;
    if (!find_prefecture(r[0])) problem = "「都道府県コード」が正しくありません（01〜47）。";
    else if (!is_valid_municipality_code(r[1]) || !r[1].starts_with(r[0]))
      problem = "「市区町村コード」が正しくありません（都道府県コードで始まる6桁の全国地方公共団体コード）。";
    else if (r[2].empty() || text::length(r[2]) > 50) problem = "「市区町村名」を50文字以内で入力してください。";
    else if (text::length(r[3]) > 100) problem = "「市区町村名（カナ）」を100文字以内で入力してください。";
    else if (!r[4].empty() && !coordinate(r[4], 20, 46)) problem = "「緯度」は日本の範囲の数値（度）で入力してください。";
    else if (!r[5].empty() && !coordinate(r[5], 122, 154)) problem = "「経度」は日本の範囲の数値（度）で入力してください。";
    else if (!seen.insert(r[1]).second) problem = "同じ市区町村コードが複数の行にあります。";
    if (!problem.empty()) problems[row_key(line)] = row_message(line, problem);
  }
  if (!problems.empty()) return fail(import_failed(std::move(problems)));
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : records) rows.push_back({r[1], r[0], r[2], r[3], r[4], r[5]});
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(insert_batched(c, "INSERT INTO municipalities (code, prefecture, name, kana, latitude, longitude)",
                               "ON CONFLICT (code) DO UPDATE SET prefecture = excluded.prefecture, name = excluded.name, "
                               "kana = excluded.kana, latitude = excluded.latitude, longitude = excluded.longitude",
                               rows));
    return store::append_change(c, "reference", "municipalities", "update");
  }));
  return static_cast<int>(records.size());
}

Result<int> import_postal_codes_csv(store::Connection& c, std::string_view text) {
  // Two layouts: the short one of earlier versions, and Japan Post's as shipped (with the names it carries,
  // which are ignored here: names come from the municipalities).
  auto first_line = text.substr(0, text.find('\n'));
  const bool national = first_line.find("prefecture_name") != std::string_view::npos;
  auto records = national ? KH_TRY(read(text, {"postal_code", "municipality_code", "prefecture_name", "municipality_name", "town"}))
                          : KH_TRY(read(text, {"postal_code", "municipality_code", "town"}));
  const std::size_t columns = national ? 5 : 3, town = columns - 1;
  std::map<std::string, std::string> problems;
  std::vector<std::vector<std::string>> rows;
  rows.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::size_t line = i + 2;
    auto& r = records[i];
    if (r.size() != columns) { problems[row_key(line)] = row_message(line, "列の数が" + std::to_string(columns) + "ではありません。"); continue; }
    for (auto& f : r) f = text::trim(f);
    bool digits = r[0].size() == 7;
    for (char ch : r[0]) digits &= ch >= '0' && ch <= '9';
    if (!digits) problems[row_key(line)] = row_message(line, "「郵便番号」は7桁の数字で入力してください。");
    else if (!is_valid_municipality_code(r[1])) problems[row_key(line)] = row_message(line, "「市区町村コード」が正しくありません。");
    else if (text::length(r[town]) > 200) problems[row_key(line)] = row_message(line, "「町域」は200文字以内にしてください。");
    else rows.push_back({r[0], r[1], r[town]});
  }
  if (!problems.empty()) return fail(import_failed(std::move(problems)));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    return insert_batched(c, "INSERT INTO postal_codes (postal_code, municipality_code, town)", "ON CONFLICT DO NOTHING", rows, 300);
  }));
  return static_cast<int>(records.size());
}

Result<int> import_designations_csv(store::Connection& c, std::string_view text, std::string_view plan_period,
                                    std::string_view source, const std::optional<std::string>& set_by) {
  auto records = KH_TRY(read(text, {"prefecture_code", "area_code", "area_name", "physician_distribution_index", "designation"}));
  std::map<std::string, std::string> problems;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::size_t line = i + 2;
    auto& r = records[i];
    if (r.size() != 5) { problems[row_key(line)] = row_message(line, "列の数が5ではありません。"); continue; }
    for (auto& f : r) f = text::trim(f);
    if (r[1].size() != 4 || !r[1].starts_with(r[0])) problems[row_key(line)] = row_message(line, "「二次医療圏コード」が正しくありません。");
    else if (!is_designation(r[4]))
      problems[row_key(line)] = row_message(line, "「区分」は 医師少数区域・中間・医師多数区域 のいずれかにしてください。");
  }
  if (!problems.empty()) return fail(import_failed(std::move(problems)));
  const auto now = std::to_string(now_ms());
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : records)
    rows.push_back({r[1], std::string(plan_period), r[3], r[4], std::string(source), set_by.value_or(""), now});
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(insert_batched(c, "INSERT INTO area_designations (area_code, plan_period, physician_index, designation, source, set_by, set_at)",
                               "", rows));
    return store::append_change(c, "reference", "designations", "update");
  }));
  return static_cast<int>(records.size());
}

bool is_designation(std::string_view d) { return d == "医師少数区域" || d == "中間" || d == "医師多数区域"; }

Result<void> set_designation(store::Connection& c, const Area& area, std::string_view designation,
                             const std::optional<std::string>& note, const std::string& user_id, const std::string& user_name) {
  const std::string period = area.designation ? area.designation->plan_period : std::string(shipped_plan_period);
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO area_designations (area_code, plan_period, physician_index, designation, source, set_by, "
                     "set_by_name, set_at, note) VALUES ($1, $2, $3, $4, 'prefecture', $5, $6, $7, $8)",
                     {area.code, period, area.designation ? store::optional_text(area.designation->physician_index) : store::Param{nullptr},
                      std::string(designation), user_id, user_name, now_ms(), store::optional_text(note)}));
    return store::append_change(c, "reference", "designations", "update");
  });
}

Result<std::vector<DesignationRecord>> designation_history(store::Connection& c, std::string_view area_code) {
  auto r = KH_TRY(c.execute("SELECT designation, plan_period, physician_index, source, set_by_name, note, set_at FROM area_designations "
                            "WHERE area_code = $1 ORDER BY id DESC", {std::string(area_code)}));
  std::vector<DesignationRecord> out;
  for (const auto& row : r.rows)
    out.push_back({{row.text(0), row.text(1), row.optional_text(2), row.text(3)}, row.optional_text(4), row.optional_text(5), row.integer(6)});
  return out;
}

Result<void> ensure_shipped_data(store::Connection& c) {
  auto current = KH_TRY(c.execute("SELECT version FROM shipped_reference WHERE name = 'national'"));
  if (!current.rows.empty() && current.rows[0].text(0) == shipped_version) return {};
  // Order matters: municipalities (with kana and positions) first, then their areas, codes and designations.
  KH_TRY(import_municipalities_csv(c, embedded_municipalities_csv()));
  KH_TRY(import_areas_csv(c, embedded_areas_csv()));
  KH_TRY(import_postal_codes_csv(c, embedded_postal_codes_csv()));
  KH_TRY(import_designations_csv(c, embedded_designations_csv(), shipped_plan_period, "national", std::nullopt));
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("DELETE FROM shipped_reference WHERE name = 'national'"));
    KH_TRY(c.execute("INSERT INTO shipped_reference (name, version) VALUES ('national', $1)", {std::string(shipped_version)}));
    return {};
  });
}

}  // namespace kh::reference
