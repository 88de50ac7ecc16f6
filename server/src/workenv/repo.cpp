// The workenv module's SQL (repo.h).
#include "workenv/repo.h"

#include "core/crypto.h"
#include "store/database.h"

namespace kh::workenv::repo {
namespace wh = kh::workenv_hours;

std::string placeholders(std::size_t first, std::size_t count) { return "(" + store::placeholders(count, first) + ")"; }

namespace {

constexpr const char* hospital_columns =
    "SELECT id, prefecture, facility_id, name, state, priority_points, priority_note, created_at, updated_at "
    "FROM workenv_hospitals ";

Hospital read_hospital(const store::Row& r) {
  return {r.text(0), r.text(1), r.optional_text(2), r.text(3), r.text(4), static_cast<std::int32_t>(r.integer(5)),
          r.optional_text(6), r.integer(7), r.integer(8)};
}

}  // namespace

Result<std::optional<Hospital>> find_hospital(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(std::string(hospital_columns) + "WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Hospital>{};
  return std::optional<Hospital>{read_hospital(r.rows[0])};
}

Result<std::optional<Hospital>> find_hospital_of_facility(store::Connection& c, const std::string& facility_id) {
  auto r = KH_TRY(c.execute(std::string(hospital_columns) + "WHERE facility_id = $1", {facility_id}));
  if (r.rows.empty()) return std::optional<Hospital>{};
  return std::optional<Hospital>{read_hospital(r.rows[0])};
}

Result<std::vector<Hospital>> hospitals_in(store::Connection& c, const std::vector<std::string>& prefectures) {
  store::Params p(prefectures.begin(), prefectures.end());
  auto r = KH_TRY(c.execute(std::string(hospital_columns) + "WHERE prefecture IN " + placeholders(1, p.size()) +
                                " ORDER BY name, id", p));
  std::vector<Hospital> out;
  for (const auto& row : r.rows) out.push_back(read_hospital(row));
  return out;
}

Result<void> insert_hospital(store::Connection& c, const Hospital& h, const std::optional<std::string>& by) {
  KH_TRY(c.execute("INSERT INTO workenv_hospitals (id, prefecture, facility_id, name, state, priority_points, "
                   "priority_note, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, NULL, $6, $7, $7)",
                   {h.id, h.prefecture, store::optional_text(h.facility_id), h.name, h.state, store::optional_text(by),
                    h.created_at}));
  KH_TRY(c.execute("INSERT INTO workenv_hospital_history (id, hospital_id, state, changed_by, changed_at) "
                   "VALUES ($1, $2, $3, $4, $5)",
                   {crypto::new_id("weh"), h.id, h.state, store::optional_text(by), h.created_at}));
  return {};
}

Result<void> update_state(store::Connection& c, const Hospital& h, const std::optional<std::string>& by) {
  KH_TRY(c.execute("UPDATE workenv_hospitals SET state = $2, name = $3, updated_at = $4 WHERE id = $1",
                   {h.id, h.state, h.name, h.updated_at}));
  KH_TRY(c.execute("INSERT INTO workenv_hospital_history (id, hospital_id, state, changed_by, changed_at) "
                   "VALUES ($1, $2, $3, $4, $5)",
                   {crypto::new_id("weh"), h.id, h.state, store::optional_text(by), h.updated_at}));
  return {};
}

Result<void> set_priority(store::Connection& c, const std::string& id, std::int32_t points,
                          const std::optional<std::string>& note) {
  KH_TRY(c.execute("UPDATE workenv_hospitals SET priority_points = $2, priority_note = $3 WHERE id = $1",
                   {id, std::int64_t{points}, store::optional_text(note)}));
  return {};
}

Result<std::vector<wh::MonthRow>> current_rows(store::Connection& c, const std::string& hospital_id, wh::YearMonth from,
                                               wh::YearMonth to) {
  auto r = KH_TRY(c.execute(
      "SELECT u.month, r.doctor_code, r.department, r.level, r.overtime_min, r.other_min, r.continuous_min, "
      "r.interval_shortfalls, r.rest_owed_min, r.interview_done FROM workenv_hours_rows r "
      "JOIN workenv_hours_uploads u ON u.id = r.upload_id "
      "WHERE u.hospital_id = $1 AND u.is_current = 1 AND u.month >= $2 AND u.month <= $3",
      {hospital_id, from.iso(), to.iso()}));
  std::vector<wh::MonthRow> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) {
    wh::MonthRow m;
    m.month = wh::parse_year_month(row.text(0)).value_or(to);
    m.doctor_code = row.text(1);
    m.department = row.text(2);
    m.level = wh::parse_level(row.text(3)).value_or(wh::Level::a);
    m.overtime = static_cast<wh::Minutes>(row.integer(4));
    m.other_workplaces = static_cast<wh::Minutes>(row.integer(5));
    m.longest_continuous = static_cast<wh::Minutes>(row.integer(6));
    m.interval_shortfalls = static_cast<std::int32_t>(row.integer(7));
    m.compensatory_rest_owed = static_cast<wh::Minutes>(row.integer(8));
    m.interview_done = row.boolean(9);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<std::pair<std::string, wh::YearMonth>>> latest_months(store::Connection& c,
                                                                         const std::vector<std::string>& ids) {
  std::vector<std::pair<std::string, wh::YearMonth>> out;
  if (ids.empty()) return out;
  store::Params p(ids.begin(), ids.end());
  auto r = KH_TRY(c.execute("SELECT hospital_id, MAX(month) FROM workenv_hours_uploads WHERE is_current = 1 AND "
                            "hospital_id IN " + placeholders(1, p.size()) + " GROUP BY hospital_id", p));
  for (const auto& row : r.rows)
    if (auto m = wh::parse_year_month(row.text(1))) out.emplace_back(row.text(0), *m);
  return out;
}

Result<std::optional<std::string>> replace_month(store::Connection& c, const std::string& upload_id,
                                                 const std::string& hospital_id, wh::YearMonth month,
                                                 const std::vector<wh::MonthRow>& rows, const std::string& by,
                                                 std::int64_t at) {
  std::optional<std::string> replaced;
  auto prev = KH_TRY(c.execute("SELECT id FROM workenv_hours_uploads WHERE hospital_id = $1 AND month = $2 AND is_current = 1",
                               {hospital_id, month.iso()}));
  if (!prev.rows.empty()) {
    replaced = prev.rows[0].text(0);
    KH_TRY(c.execute("UPDATE workenv_hours_uploads SET is_current = 0, replaced_at = $2 WHERE id = $1", {*replaced, at}));
  }
  KH_TRY(c.execute("INSERT INTO workenv_hours_uploads (id, hospital_id, month, row_count, is_current, uploaded_by, "
                   "uploaded_at) VALUES ($1, $2, $3, $4, 1, $5, $6)",
                   {upload_id, hospital_id, month.iso(), static_cast<std::int64_t>(rows.size()), by, at}));
  // Many rows per statement: a 600-doctor hospital is a dozen statements, not 600.
  constexpr std::size_t batch = 50;
  for (std::size_t i = 0; i < rows.size(); i += batch) {
    std::string sql = "INSERT INTO workenv_hours_rows (upload_id, doctor_code, department, level, overtime_min, other_min, "
                      "continuous_min, interval_shortfalls, rest_owed_min, interview_done) VALUES ";
    store::Params p;
    for (std::size_t k = i; k < std::min(rows.size(), i + batch); ++k) {
      const auto& r = rows[k];
      const std::size_t b = p.size() + 1;
      sql += (k == i ? "(" : ", (");
      for (std::size_t j = 0; j < 10; ++j) sql += (j ? ", $" : "$") + std::to_string(b + j);
      sql += ")";
      p.insert(p.end(), {upload_id, r.doctor_code, r.department, std::string(wh::level_code(r.level)),
                         std::int64_t{r.overtime}, std::int64_t{r.other_workplaces}, std::int64_t{r.longest_continuous},
                         std::int64_t{r.interval_shortfalls}, std::int64_t{r.compensatory_rest_owed},
                         store::flag(r.interview_done)});
    }
    KH_TRY(c.execute(sql, p));
  }
  return replaced;
}

Result<std::vector<Upload>> uploads(store::Connection& c, const std::string& hospital_id) {
  auto r = KH_TRY(c.execute("SELECT id, month, row_count, is_current, uploaded_by, uploaded_at, replaced_at "
                            "FROM workenv_hours_uploads WHERE hospital_id = $1 ORDER BY month DESC, uploaded_at DESC",
                            {hospital_id}));
  std::vector<Upload> out;
  for (const auto& row : r.rows) {
    Upload u{row.text(0), row.text(1), row.integer(2), row.boolean(3), row.optional_text(4), row.integer(5), std::nullopt};
    if (!row.is_null(6)) u.replaced_at = row.integer(6);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace kh::workenv::repo
