#pragma once
//! Reference data: job categories, specialties (basic areas and their subspecialties), prefectures,
//! municipalities, secondary medical areas (二次医療圏) and postal codes. Read often, changed rarely: the
//! Catalogue holds it in memory and is reloaded after an import.
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "reference/prefectures.h"

namespace kh::store { class Connection; class Pool; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; }

namespace kh::reference {

struct Category { std::string code, name, name_en; };
struct Specialty { std::string name, basic_area; };
struct Municipality {
  std::string code, prefecture, name, area_code;
  std::string kana;                          //!< full-width katakana (サッポロシチュウオウク)
  std::optional<double> latitude, longitude;  //!< the office's position (WGS 84), for distances
};
//! 医師少数区域 / 中間 / 医師多数区域 of a 二次医療圏 in a plan period ("8": the 8th medical plan), with the
//! 医師偏在指標 and who set it ("national": the shipped MHLW-derived list; "prefecture": the prefecture's own).
struct Designation { std::string designation, plan_period; std::optional<std::string> physician_index; std::string source; };
struct Area {
  std::string code, prefecture, name;
  std::vector<std::string> municipalities;
  std::optional<Designation> designation;  //!< the one in force
};
struct PostalAddress { std::string postal_code, prefecture, municipality_code, municipality_name, town; };

//! True when a 6-digit local-government code has the right check digit (JIS X 0402).
bool is_valid_municipality_code(std::string_view code);

class Catalogue {
 public:
  Result<void> load(store::Connection& c);

  std::vector<Category> categories() const;
  std::vector<Specialty> specialties() const;
  std::optional<Category> category(std::string_view code) const;
  std::optional<Specialty> specialty(std::string_view name) const;
  std::optional<Municipality> municipality(std::string_view code) const;
  std::vector<Municipality> municipalities(std::string_view prefecture) const;
  //! Municipalities whose name or kana contains `query` (folded: kanji, hiragana, katakana, half width), in code
  //! order, within a prefecture when one is given.
  std::vector<Municipality> find_municipalities(std::string_view prefecture, std::string_view query, std::size_t limit) const;
  //! The municipalities a person means by a name (千代田区, 札幌市中央区), compared folded (width, kana, ヶ/ケ).
  //! Within a prefecture, a name no municipality has may be a designated city's ward without its city (中央区 in
  //! 北海道 → 札幌市中央区); everywhere (empty prefecture) both count, so 中央区 alone is several. Code order.
  std::vector<Municipality> municipalities_named(std::string_view prefecture, std::string_view name) const;
  std::optional<Area> area(std::string_view code) const;
  std::vector<Area> areas(std::string_view prefecture) const;
  //! Whether any municipality of the prefecture is known (the shipped data is a subset of Japan).
  bool knows_prefecture(std::string_view prefecture) const;

 private:
  mutable std::shared_mutex mutex_;
  std::vector<Category> categories_;
  std::vector<Specialty> specialties_;
  std::map<std::string, Municipality, std::less<>> municipalities_;
  //! Each municipality's name as municipalities_named compares it (folded once, at load), with its code.
  std::vector<std::pair<std::string, std::string>> place_keys_;
  std::map<std::string, Area, std::less<>> areas_;
};

//! Addresses for a 7-digit postal code (several towns can share one).
Result<std::vector<PostalAddress>> lookup_postal_code(store::Connection& c, std::string_view postal_code);
//! The postal code of a street address within a municipality (「内神田2-1-1」 in 千代田区 → 1010047): the code of
//! the longest town name the address starts with, compared folded (width, kana). None when no town fits, or when
//! the best fitting town has several codes: a guess would be worse than leaving the code to the user.
Result<std::optional<std::string>> postal_code_for_address(store::Connection& c, std::string_view municipality,
                                                           std::string_view address);

//! Imports areas and municipalities from CSV (header: prefecture_code,area_code,area_name,municipality_code,
//! municipality_name). All rows are checked first; any bad row fails the whole import with one message per
//! row ("row_N" fields), so nothing is half-imported. The prefectures in the file are replaced as a whole.
//! Returns the number of rows imported.
Result<int> import_areas_csv(store::Connection& c, std::string_view csv);
//! Imports postal codes (header: postal_code,municipality_code,town — or Japan Post's as shipped:
//! postal_code,municipality_code,prefecture_name,municipality_name,town); rows already present are kept.
Result<int> import_postal_codes_csv(store::Connection& c, std::string_view csv);
//! Imports municipalities with kana and position (header: prefecture_code,municipality_code,municipality_name,
//! municipality_kana,latitude,longitude), updating the ones of the same codes.
Result<int> import_municipalities_csv(store::Connection& c, std::string_view csv);
//! Adds 医師少数区域 designations per 二次医療圏 (header: prefecture_code,area_code,area_name,
//! physician_distribution_index,designation) for a plan period, as new rows: earlier ones stay as history.
Result<int> import_designations_csv(store::Connection& c, std::string_view csv, std::string_view plan_period,
                                    std::string_view source, const std::optional<std::string>& set_by);
//! 医師少数区域, 中間 or 医師多数区域.
bool is_designation(std::string_view designation);

//! One designation row, as kept in the history of an area.
struct DesignationRecord {
  Designation designation;
  std::optional<std::string> set_by_name, note;
  std::int64_t set_at_ms = 0;
};
//! A prefecture's own designation of an area (its 医師確保計画), in force from now, for the area's current plan
//! period; earlier rows stay as history. `set_by`: user id and the name people read.
Result<void> set_designation(store::Connection& c, const Area& area, std::string_view designation,
                             const std::optional<std::string>& note, const std::string& user_id, const std::string& user_name);
//! Every designation of an area, newest first.
Result<std::vector<DesignationRecord>> designation_history(store::Connection& c, std::string_view area_code);
//! Loads the national data set shipped in the binary when the database holds no set or an older one (migrate).
Result<void> ensure_shipped_data(store::Connection& c);

//! GET /api/v1/reference/... (public) and the secretariat's CSV imports.
void register_routes(http::Router& router, store::Pool& pool, Catalogue& catalogue, accounts::Service& accounts);

}  // namespace kh::reference
