#include <algorithm>
#include <mutex>
#include <set>

#include "core/text.h"
#include "reference/reference.h"
#include "store/database.h"

namespace kh::reference {
namespace {

//! A place name as compared: folded (width, case, katakana → hiragana) and the small ヶ/ヵ read as ケ/カ
//! (鎌ヶ谷市 = 鎌ケ谷市), which folding leaves as the small hiragana ゖ/ゕ.
std::string place_key(std::string_view name) {
  std::string k = text::fold(text::trim(name));
  for (const auto& [small, big] : {std::pair<std::string_view, std::string_view>{"ゖ", "け"}, {"ゕ", "か"}})
    for (auto at = k.find(small); at != std::string::npos; at = k.find(small, at)) k.replace(at, small.size(), big);
  return k;
}

}  // namespace

bool is_valid_municipality_code(std::string_view code) {
  if (code.size() != 6) return false;
  int sum = 0;
  static constexpr int weights[] = {6, 5, 4, 3, 2};
  for (int i = 0; i < 6; ++i)
    if (code[i] < '0' || code[i] > '9') return false;
  for (int i = 0; i < 5; ++i) sum += (code[i] - '0') * weights[i];
  return (11 - sum % 11) % 10 == code[5] - '0';
}

Result<void> Catalogue::load(store::Connection& c) {
  auto cats = KH_TRY(c.execute("SELECT code, name, name_en FROM job_categories ORDER BY sort_order"));
  auto specs = KH_TRY(c.execute("SELECT name, basic_area FROM specialties ORDER BY sort_order"));
  auto munis = KH_TRY(c.execute(
      "SELECT m.code, m.prefecture, m.name, am.area_code, m.kana, m.latitude, m.longitude FROM municipalities m "
      "LEFT JOIN area_municipalities am ON am.municipality_code = m.code ORDER BY m.code"));
  auto areas = KH_TRY(c.execute("SELECT code, prefecture, name FROM medical_areas ORDER BY code"));
  // The designation in force per area: the newest row of the newest plan period (a prefecture's own, when set).
  auto designations = KH_TRY(c.execute(
      "SELECT d.area_code, d.designation, d.plan_period, d.physician_index, d.source FROM area_designations d "
      "WHERE d.id = (SELECT MAX(x.id) FROM area_designations x WHERE x.area_code = d.area_code AND x.plan_period = "
      "(SELECT MAX(y.plan_period) FROM area_designations y WHERE y.area_code = d.area_code))"));
  std::vector<Category> new_categories;
  for (const auto& r : cats.rows) new_categories.push_back({r.text(0), r.text(1), r.text(2)});
  std::vector<Specialty> new_specialties;
  for (const auto& r : specs.rows) new_specialties.push_back({r.text(0), r.text(1)});
  std::map<std::string, Area, std::less<>> new_areas;
  for (const auto& r : areas.rows) new_areas[r.text(0)] = {r.text(0), r.text(1), r.text(2), {}, {}};
  for (const auto& r : designations.rows)
    if (auto it = new_areas.find(r.text(0)); it != new_areas.end())
      it->second.designation = Designation{r.text(1), r.text(2), r.optional_text(3), r.text(4)};
  const auto degrees = [](const std::optional<std::string>& v) -> std::optional<double> {
    if (!v || v->empty()) return std::nullopt;
    try { return std::stod(*v); } catch (...) { return std::nullopt; }
  };
  std::map<std::string, Municipality, std::less<>> new_munis;
  for (const auto& r : munis.rows) {
    new_munis[r.text(0)] = {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), degrees(r.optional_text(5)),
                            degrees(r.optional_text(6))};
    if (auto it = new_areas.find(r.text(3)); it != new_areas.end()) it->second.municipalities.push_back(r.text(0));
  }
  std::vector<std::pair<std::string, std::string>> new_keys;
  new_keys.reserve(new_munis.size());
  for (const auto& [code, m] : new_munis) new_keys.emplace_back(place_key(m.name), code);
  std::unique_lock lock(mutex_);
  place_keys_ = std::move(new_keys);
  categories_ = std::move(new_categories);
  specialties_ = std::move(new_specialties);
  municipalities_ = std::move(new_munis);
  areas_ = std::move(new_areas);
  return {};
}

std::vector<Category> Catalogue::categories() const { std::shared_lock l(mutex_); return categories_; }
std::vector<Specialty> Catalogue::specialties() const { std::shared_lock l(mutex_); return specialties_; }

std::optional<Category> Catalogue::category(std::string_view code) const {
  std::shared_lock l(mutex_);
  for (const auto& c : categories_)
    if (c.code == code) return c;
  return std::nullopt;
}

std::optional<Specialty> Catalogue::specialty(std::string_view name) const {
  std::shared_lock l(mutex_);
  for (const auto& s : specialties_)
    if (s.name == name) return s;
  return std::nullopt;
}

std::optional<Municipality> Catalogue::municipality(std::string_view code) const {
  std::shared_lock l(mutex_);
  auto it = municipalities_.find(code);
  if (it == municipalities_.end()) return std::nullopt;
  return it->second;
}

std::vector<Municipality> Catalogue::municipalities(std::string_view prefecture) const {
  std::shared_lock l(mutex_);
  std::vector<Municipality> out;
  for (const auto& [_, m] : municipalities_)
    if (m.prefecture == prefecture) out.push_back(m);
  return out;
}

std::vector<Municipality> Catalogue::find_municipalities(std::string_view prefecture, std::string_view query,
                                                         std::size_t limit) const {
  // Folded (NFKC, width, hiragana → katakana) so 「さっぽろ」「サッポロ」「ｻｯﾎﾟﾛ」 and 「札幌」 all find 札幌市.
  const std::string q = text::fold(query);
  std::shared_lock l(mutex_);
  std::vector<Municipality> out;
  for (const auto& [_, m] : municipalities_) {
    if (!prefecture.empty() && m.prefecture != prefecture) continue;
    if (!q.empty() && text::fold(m.name).find(q) == std::string::npos && text::fold(m.kana).find(q) == std::string::npos)
      continue;
    out.push_back(m);
    if (out.size() >= limit) break;
  }
  return out;
}

std::vector<Municipality> Catalogue::municipalities_named(std::string_view prefecture, std::string_view name) const {
  const std::string key = place_key(name);
  if (key.empty()) return {};
  const std::string ward = "市" + key;  // 札幌市中央区 ends with 市中央区
  std::shared_lock l(mutex_);
  std::vector<Municipality> exact, wards;
  for (const auto& [k, code] : place_keys_) {
    if (!prefecture.empty() && !code.starts_with(prefecture)) continue;  // a code begins with its prefecture's
    const bool same = k == key;
    if (!same && !(k.size() > ward.size() && k.ends_with(ward))) continue;
    const auto& m = municipalities_.find(code)->second;
    (same ? exact : wards).push_back(m);
  }
  if (!prefecture.empty() && !exact.empty()) return exact;
  exact.insert(exact.end(), wards.begin(), wards.end());
  std::sort(exact.begin(), exact.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  return exact;
}

std::optional<Area> Catalogue::area(std::string_view code) const {
  std::shared_lock l(mutex_);
  auto it = areas_.find(code);
  if (it == areas_.end()) return std::nullopt;
  return it->second;
}

std::vector<Area> Catalogue::areas(std::string_view prefecture) const {
  std::shared_lock l(mutex_);
  std::vector<Area> out;
  for (const auto& [_, a] : areas_)
    if (prefecture.empty() || a.prefecture == prefecture) out.push_back(a);
  return out;
}

bool Catalogue::knows_prefecture(std::string_view prefecture) const {
  std::shared_lock l(mutex_);
  for (const auto& [_, m] : municipalities_)
    if (m.prefecture == prefecture) return true;
  return false;
}

Result<std::vector<PostalAddress>> lookup_postal_code(store::Connection& c, std::string_view postal_code) {
  auto r = KH_TRY(c.execute(
      "SELECT p.postal_code, m.prefecture, m.code, m.name, p.town FROM postal_codes p "
      "JOIN municipalities m ON m.code = p.municipality_code WHERE p.postal_code = $1 ORDER BY p.town",
      {std::string(postal_code)}));
  std::vector<PostalAddress> out;
  for (const auto& row : r.rows) out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)});
  return out;
}

Result<std::optional<std::string>> postal_code_for_address(store::Connection& c, std::string_view municipality,
                                                           std::string_view address) {
  const auto trimmed = text::trim(address);
  const auto folded = text::fold(trimmed);
  if (municipality.empty() || folded.empty()) return std::optional<std::string>{};
  // The code of the longest town the address starts with; several codes for it are ambiguous.
  const auto best_of = [](const std::vector<store::Row>& rows, auto&& town_of, std::string_view subject) {
    std::size_t best = 0;
    std::set<std::string> codes;  // of the towns of the best length
    for (const auto& row : rows) {
      const std::string town = town_of(row.text(1));
      if (town.empty() || !subject.starts_with(town) || town.size() < best) continue;
      if (town.size() > best) codes.clear();
      best = town.size();
      codes.insert(row.text(0));
    }
    return codes.size() == 1 ? std::optional<std::string>{*codes.begin()} : std::optional<std::string>{};
  };
  // Usually the address starts with the town as Japan Post writes it: the database finds those few rows. Only
  // otherwise (half-width kana, ヶ for ケ …) are the municipality's towns folded one by one.
  auto exact = KH_TRY(c.execute(
      "SELECT postal_code, town FROM postal_codes WHERE municipality_code = $1 AND town <> '' "
      "AND substr($2, 1, length(town)) = town",
      {std::string(municipality), trimmed}));
  if (!exact.rows.empty()) return best_of(exact.rows, [](const std::string& town) { return town; }, trimmed);
  auto all = KH_TRY(c.execute("SELECT postal_code, town FROM postal_codes WHERE municipality_code = $1 AND town <> ''",
                              {std::string(municipality)}));
  return best_of(all.rows, [](const std::string& town) { return text::fold(town); }, folded);
}

}  // namespace kh::reference
