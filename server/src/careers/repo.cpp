// The career centre's tables: programmes and their versions, doctors and their events, plans and their versions.
#include "careers/repo.h"

#include "store/database.h"

namespace kh::careers::repo {
namespace {

std::optional<int> opt_int(const store::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return static_cast<int>(r.integer(i));
}
store::Param opt_param(const std::optional<int>& v) { return v ? store::Param{std::int64_t{*v}} : store::Param{nullptr}; }

constexpr const char* programme_columns = "SELECT id, prefecture, current_version, created_at, updated_at FROM career_programmes ";
Programme read_programme(const store::Row& r) {
  return {r.text(0), r.text(1), static_cast<int>(r.integer(2)), r.integer(3), r.integer(4)};
}
constexpr const char* version_columns =
    "SELECT programme_id, version, name, basic_area, course, target_years, rules, groups, created_by_name, created_at "
    "FROM career_programme_versions ";
ProgrammeVersion read_version(const store::Row& r) {
  return {r.text(0), static_cast<int>(r.integer(1)), r.text(2), r.text(3), r.optional_text(4), static_cast<int>(r.integer(5)),
          r.text(6), r.text(7), r.text(8), r.integer(9)};
}
constexpr const char* doctor_columns =
    "SELECT id, prefecture, name, name_kana, kind, university, graduation_year, licence_year, loan_months, programme_id, "
    "programme_version, specialty_wish, status, obligation_start, specialist_certified_on, email, phone, created_at, updated_at "
    "FROM career_doctors ";
Doctor read_doctor(const store::Row& r) {
  Doctor d;
  d.id = r.text(0);
  d.prefecture = r.text(1);
  d.name = r.text(2);
  d.name_kana = r.optional_text(3);
  d.kind = r.text(4);
  d.university = r.text(5);
  d.graduation_year = static_cast<int>(r.integer(6));
  d.licence_year = opt_int(r, 7);
  d.loan_months = static_cast<int>(r.integer(8));
  d.programme_id = r.optional_text(9);
  d.programme_version = opt_int(r, 10);
  d.specialty_wish = r.optional_text(11);
  d.status = r.text(12);
  d.obligation_start = r.text(13);
  d.specialist_certified_on = r.optional_text(14);
  d.email = r.optional_text(15);
  d.phone = r.optional_text(16);
  d.created_at = r.integer(17);
  d.updated_at = r.integer(18);
  return d;
}

}  // namespace

Result<std::vector<Programme>> programmes_of(store::Connection& c, const std::vector<std::string>& prefectures) {
  std::vector<Programme> out;
  for (const auto& row : KH_TRY(c.execute(std::string(programme_columns) + "WHERE prefecture IN (" + store::placeholders(prefectures.size()) +
                                              ") ORDER BY created_at, id",
                                          store::text_params(prefectures))).rows)
    out.push_back(read_programme(row));
  return out;
}
Result<std::optional<Programme>> find_programme(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(std::string(programme_columns) + "WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Programme>{};
  return std::optional(read_programme(r.rows[0]));
}
Result<std::vector<ProgrammeVersion>> versions_of(store::Connection& c, const std::string& programme_id) {
  std::vector<ProgrammeVersion> out;
  for (const auto& row : KH_TRY(c.execute(std::string(version_columns) + "WHERE programme_id = $1 ORDER BY version DESC", {programme_id})).rows)
    out.push_back(read_version(row));
  return out;
}
Result<std::optional<ProgrammeVersion>> find_version(store::Connection& c, const std::string& programme_id, int version) {
  auto r = KH_TRY(c.execute(std::string(version_columns) + "WHERE programme_id = $1 AND version = $2", {programme_id, std::int64_t{version}}));
  if (r.rows.empty()) return std::optional<ProgrammeVersion>{};
  return std::optional(read_version(r.rows[0]));
}
Result<void> insert_programme(store::Connection& c, const Programme& p) {
  KH_TRY(c.execute("INSERT INTO career_programmes (id, prefecture, name, current_version, created_at, updated_at) "
                   "VALUES ($1, $2, '', $3, $4, $4)",
                   {p.id, p.prefecture, std::int64_t{p.current_version}, p.created_at}));
  return {};
}
Result<void> insert_version(store::Connection& c, const ProgrammeVersion& v, const std::string& created_by) {
  KH_TRY(c.execute("INSERT INTO career_programme_versions (programme_id, version, name, basic_area, course, target_years, rules, "
                   "groups, created_by, created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                   {v.programme_id, std::int64_t{v.version}, v.name, v.basic_area, store::optional_text(v.course),
                    std::int64_t{v.target_years}, v.rules_json, v.groups_json, created_by, v.created_by_name, v.created_at}));
  KH_TRY(c.execute("UPDATE career_programmes SET name = $2 WHERE id = $1", {v.programme_id, v.name}));
  return {};
}
Result<void> set_current_version(store::Connection& c, const std::string& programme_id, int version, std::int64_t at) {
  KH_TRY(c.execute("UPDATE career_programmes SET current_version = $2, updated_at = $3 WHERE id = $1",
                   {programme_id, std::int64_t{version}, at}));
  return {};
}

Result<std::vector<Doctor>> doctors_of(store::Connection& c, const std::vector<std::string>& prefectures) {
  std::vector<Doctor> out;
  for (const auto& row : KH_TRY(c.execute(std::string(doctor_columns) + "WHERE prefecture IN (" + store::placeholders(prefectures.size()) +
                                              ") ORDER BY graduation_year DESC, name, id",
                                          store::text_params(prefectures))).rows)
    out.push_back(read_doctor(row));
  return out;
}
Result<std::optional<Doctor>> find_doctor(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(std::string(doctor_columns) + "WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Doctor>{};
  return std::optional(read_doctor(r.rows[0]));
}
Result<void> insert_doctor(store::Connection& c, const Doctor& d) {
  KH_TRY(c.execute(
      "INSERT INTO career_doctors (id, prefecture, name, name_kana, kind, university, graduation_year, licence_year, loan_months, "
      "programme_id, programme_version, specialty_wish, status, obligation_start, specialist_certified_on, email, phone, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)",
      {d.id, d.prefecture, d.name, store::optional_text(d.name_kana), d.kind, d.university, std::int64_t{d.graduation_year},
       opt_param(d.licence_year), std::int64_t{d.loan_months}, store::optional_text(d.programme_id), opt_param(d.programme_version),
       store::optional_text(d.specialty_wish), d.status, d.obligation_start, store::optional_text(d.specialist_certified_on),
       store::optional_text(d.email), store::optional_text(d.phone), d.created_at}));
  return {};
}
Result<void> set_status(store::Connection& c, const std::string& doctor_id, const std::string& status, std::int64_t at) {
  KH_TRY(c.execute("UPDATE career_doctors SET status = $2, updated_at = $3 WHERE id = $1", {doctor_id, status, at}));
  return {};
}
Result<void> insert_event(store::Connection& c, const std::string& doctor_id, const Event& e, const std::string& created_by) {
  KH_TRY(c.execute("INSERT INTO career_doctor_events (id, doctor_id, status, reason, event_date, consent, follow_up, note, created_by, "
                   "created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                   {e.id, doctor_id, e.status, store::optional_text(e.reason), e.event_date,
                    e.consent ? store::flag(*e.consent) : store::Param{nullptr}, store::optional_text(e.follow_up),
                    store::optional_text(e.note), created_by, e.created_by_name, e.created_at}));
  return {};
}
Result<std::vector<Event>> events_of(store::Connection& c, const std::string& doctor_id) {
  std::vector<Event> out;
  for (const auto& r : KH_TRY(c.execute("SELECT id, status, reason, event_date, consent, follow_up, note, created_by_name, created_at "
                                        "FROM career_doctor_events WHERE doctor_id = $1 ORDER BY created_at DESC, id DESC",
                                        {doctor_id})).rows) {
    Event e;
    e.id = r.text(0);
    e.status = r.text(1);
    e.reason = r.optional_text(2);
    e.event_date = r.text(3);
    if (!r.is_null(4)) e.consent = r.boolean(4);
    e.follow_up = r.optional_text(5);
    e.note = r.optional_text(6);
    e.created_by_name = r.text(7);
    e.created_at = r.integer(8);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<Plan>> plan_of(store::Connection& c, const std::string& doctor_id) {
  auto r = KH_TRY(c.execute("SELECT version, state, assignments, violations, updated_by_name, updated_at FROM career_plans WHERE doctor_id = $1",
                            {doctor_id}));
  if (r.rows.empty()) return std::optional<Plan>{};
  const auto& row = r.rows[0];
  return std::optional(Plan{static_cast<int>(row.integer(0)), row.text(1), row.text(2), static_cast<int>(row.integer(3)), row.text(4),
                            row.integer(5)});
}
Result<std::vector<PlanVersion>> plan_versions_of(store::Connection& c, const std::string& doctor_id) {
  std::vector<PlanVersion> out;
  for (const auto& r : KH_TRY(c.execute("SELECT version, state, assignments, violations, change, created_by_name, created_at "
                                        "FROM career_plan_versions WHERE doctor_id = $1 ORDER BY version DESC",
                                        {doctor_id})).rows)
    out.push_back({static_cast<int>(r.integer(0)), r.text(1), r.text(2), static_cast<int>(r.integer(3)), r.text(4), r.text(5), r.integer(6)});
  return out;
}
Result<void> save_plan(store::Connection& c, const std::string& doctor_id, const Plan& p, const std::string& change,
                       const std::string& user_id) {
  if (p.version == 1)
    KH_TRY(c.execute("INSERT INTO career_plans (doctor_id, version, state, assignments, violations, updated_by, updated_by_name, updated_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                     {doctor_id, std::int64_t{p.version}, p.state, p.assignments_json, std::int64_t{p.violations}, user_id,
                      p.updated_by_name, p.updated_at}));
  else {
    // Only from the version the caller read: two saves at once cannot both win.
    auto done = KH_TRY(c.execute("UPDATE career_plans SET version = $2, state = $3, assignments = $4, violations = $5, updated_by = $6, "
                                 "updated_by_name = $7, updated_at = $8 WHERE doctor_id = $1 AND version = $9",
                                 {doctor_id, std::int64_t{p.version}, p.state, p.assignments_json, std::int64_t{p.violations}, user_id,
                                  p.updated_by_name, p.updated_at, std::int64_t{p.version - 1}}));
    if (done.affected != 1) return fail(errors::conflict("plan_changed", "計画がほかの操作で変更されました。画面を読み込み直してください。"));
  }
  KH_TRY(c.execute("INSERT INTO career_plan_versions (doctor_id, version, state, assignments, violations, change, created_by, "
                   "created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                   {doctor_id, std::int64_t{p.version}, p.state, p.assignments_json, std::int64_t{p.violations}, change, user_id,
                    p.updated_by_name, p.updated_at}));
  return {};
}

// ---- the doctor's own account ----------------------------------------------------------------------------------

Result<std::optional<std::pair<std::string, std::int64_t>>> account_of(store::Connection& c, const std::string& doctor_id) {
  auto r = KH_TRY(c.execute("SELECT user_id, linked_at FROM career_doctor_accounts WHERE doctor_id = $1", {doctor_id}));
  if (r.rows.empty()) return std::optional<std::pair<std::string, std::int64_t>>{};
  return std::optional(std::pair{r.rows[0].text(0), r.rows[0].integer(1)});
}
Result<std::vector<std::string>> doctors_of_user(store::Connection& c, const std::string& user_id) {
  std::vector<std::string> out;
  for (const auto& r : KH_TRY(c.execute("SELECT doctor_id FROM career_doctor_accounts WHERE user_id = $1 ORDER BY linked_at", {user_id})).rows)
    out.push_back(r.text(0));
  return out;
}
Result<void> link_account(store::Connection& c, const std::string& doctor_id, const std::string& user_id, std::int64_t at) {
  KH_TRY(c.execute("INSERT INTO career_doctor_accounts (doctor_id, user_id, linked_at) VALUES ($1, $2, $3)", {doctor_id, user_id, at}));
  return {};
}

namespace {
constexpr const char* invitation_columns = "SELECT doctor_id, email, created_by_name, created_at, expires_at, used_at FROM career_invitations ";
Invitation read_invitation(const store::Row& r) {
  Invitation i{r.text(0), r.text(1), r.text(2), r.integer(3), r.integer(4), std::nullopt};
  if (!r.is_null(5)) i.used_at = r.integer(5);
  return i;
}
constexpr const char* request_columns =
    "SELECT id, doctor_id, author_name, body, plan_version, created_at, handled_at, handled_by_name, reply FROM career_change_requests ";
ChangeRequest read_request(const store::Row& r) {
  ChangeRequest x;
  x.id = r.text(0);
  x.doctor_id = r.text(1);
  x.author_name = r.text(2);
  x.body = r.text(3);
  x.plan_version = opt_int(r, 4);
  x.created_at = r.integer(5);
  if (!r.is_null(6)) x.handled_at = r.integer(6);
  x.handled_by_name = r.optional_text(7);
  x.reply = r.optional_text(8);
  return x;
}
}  // namespace

Result<std::optional<Invitation>> latest_invitation(store::Connection& c, const std::string& doctor_id) {
  auto r = KH_TRY(c.execute(std::string(invitation_columns) + "WHERE doctor_id = $1 ORDER BY created_at DESC LIMIT 1", {doctor_id}));
  if (r.rows.empty()) return std::optional<Invitation>{};
  return std::optional(read_invitation(r.rows[0]));
}
Result<void> expire_invitations(store::Connection& c, const std::string& doctor_id, std::int64_t at) {
  KH_TRY(c.execute("UPDATE career_invitations SET used_at = $2 WHERE doctor_id = $1 AND used_at IS NULL", {doctor_id, at}));
  return {};
}
Result<void> insert_invitation(store::Connection& c, const std::string& digest, const Invitation& inv, const std::string& created_by) {
  KH_TRY(c.execute("INSERT INTO career_invitations (token_digest, doctor_id, email, created_by, created_by_name, created_at, expires_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                   {digest, inv.doctor_id, inv.email, created_by, inv.created_by_name, inv.created_at, inv.expires_at}));
  return {};
}
Result<std::optional<Invitation>> open_invitation(store::Connection& c, const std::string& digest, std::int64_t now) {
  auto r = KH_TRY(c.execute(std::string(invitation_columns) + "WHERE token_digest = $1 AND used_at IS NULL AND expires_at > $2", {digest, now}));
  if (r.rows.empty()) return std::optional<Invitation>{};
  return std::optional(read_invitation(r.rows[0]));
}
Result<bool> use_invitation(store::Connection& c, const std::string& digest, std::int64_t now) {
  // The conditional update is what makes the link single-use even when two requests race.
  auto r = KH_TRY(c.execute("UPDATE career_invitations SET used_at = $2 WHERE token_digest = $1 AND used_at IS NULL", {digest, now}));
  return r.affected == 1;
}
Result<void> insert_change_request(store::Connection& c, const ChangeRequest& x, const std::string& user_id) {
  KH_TRY(c.execute("INSERT INTO career_change_requests (id, doctor_id, user_id, author_name, body, plan_version, created_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                   {x.id, x.doctor_id, user_id, x.author_name, x.body, opt_param(x.plan_version), x.created_at}));
  return {};
}
Result<std::vector<ChangeRequest>> change_requests_of(store::Connection& c, const std::string& doctor_id) {
  std::vector<ChangeRequest> out;
  for (const auto& r : KH_TRY(c.execute(std::string(request_columns) + "WHERE doctor_id = $1 ORDER BY created_at DESC, id", {doctor_id})).rows)
    out.push_back(read_request(r));
  return out;
}
Result<std::vector<ChangeRequest>> open_change_requests(store::Connection& c, const std::vector<std::string>& doctor_ids) {
  std::vector<ChangeRequest> out;
  if (doctor_ids.empty()) return out;
  for (const auto& r : KH_TRY(c.execute(std::string(request_columns) + "WHERE handled_at IS NULL AND doctor_id IN (" + store::placeholders(doctor_ids.size()) +
                                            ") ORDER BY created_at, id",
                                        store::text_params(doctor_ids))).rows)
    out.push_back(read_request(r));
  return out;
}
Result<bool> handle_change_request(store::Connection& c, const std::string& doctor_id, const std::string& id, const std::string& user_id,
                                   const std::string& name, const std::optional<std::string>& reply, std::int64_t at) {
  auto r = KH_TRY(c.execute("UPDATE career_change_requests SET handled_at = $3, handled_by = $4, handled_by_name = $5, reply = $6 "
                            "WHERE id = $1 AND doctor_id = $2 AND handled_at IS NULL",
                            {id, doctor_id, at, user_id, name, store::optional_text(reply)}));
  return r.affected == 1;
}

}  // namespace kh::careers::repo
