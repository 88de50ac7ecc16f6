// The tables of placement rounds, and read-only the career centre's registry.
#include "placement_rounds/repo.h"

#include <boost/json.hpp>

#include "core/crypto.h"
#include "store/database.h"

namespace kh::placement_rounds::repo {
namespace bj = boost::json;
namespace {

std::optional<int> opt_int(const store::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return static_cast<int>(r.integer(i));
}
store::Param opt_param(const std::optional<int>& v) { return v ? store::Param{std::int64_t{*v}} : store::Param{nullptr}; }

constexpr const char* round_columns =
    "SELECT id, prefecture, centre_name, year, programme_id, title, mechanism, state, assignment_kind, term_start, term_end, "
    "doctor_deadline, facility_deadline, meeting_on, minutes, revision, confirmed_preview_id, confirmed_at, confirmed_by_name, "
    "created_by_name, created_at, updated_at, ranking_opened_at, ranking_opened_by_name, previous_round_id FROM placement_rounds ";
Round read_round(const store::Row& r) {
  Round x;
  x.id = r.text(0);
  x.prefecture = r.text(1);
  x.centre_name = r.text(2);
  x.year = static_cast<int>(r.integer(3));
  x.programme_id = r.optional_text(4);
  x.title = r.text(5);
  x.mechanism = r.text(6);
  x.state = r.text(7);
  x.assignment_kind = r.text(8);
  x.term_start = r.text(9);
  x.term_end = r.text(10);
  x.doctor_deadline = r.text(11);
  x.facility_deadline = r.text(12);
  x.meeting_on = r.optional_text(13);
  x.minutes = r.optional_text(14);
  x.revision = static_cast<int>(r.integer(15));
  x.confirmed_preview_id = r.optional_text(16);
  if (!r.is_null(17)) x.confirmed_at = r.integer(17);
  x.confirmed_by_name = r.optional_text(18);
  x.created_by_name = r.text(19);
  x.created_at = r.integer(20);
  x.updated_at = r.integer(21);
  if (!r.is_null(22)) x.ranking_opened_at = r.integer(22);
  x.ranking_opened_by_name = r.optional_text(23);
  x.previous_round_id = r.optional_text(24);
  return x;
}

constexpr const char* position_columns =
    "SELECT id, facility_id, facility_name, department, area_code, capacity, target, sort_order, round_id FROM placement_positions ";
Position read_position(const store::Row& r) {
  return {r.text(0), r.optional_text(1), r.text(2), r.optional_text(3), r.text(4), static_cast<int>(r.integer(5)),
          static_cast<int>(r.integer(6)), static_cast<int>(r.integer(7))};
}

constexpr const char* doctor_columns =
    "SELECT id, prefecture, name, university, status, graduation_year, programme_id, specialty_wish, email FROM career_doctors ";
Doctor read_doctor(const store::Row& r) {
  Doctor d;
  d.id = r.text(0);
  d.prefecture = r.text(1);
  d.name = r.text(2);
  d.university = r.text(3);
  d.status = r.text(4);
  d.graduation_year = static_cast<int>(r.integer(5));
  d.programme_id = r.optional_text(6);
  d.specialty_wish = r.optional_text(7);
  d.email = r.optional_text(8);
  return d;
}

}  // namespace

Result<std::vector<Round>> rounds_of(store::Connection& c, const std::vector<std::string>& prefectures) {
  std::vector<Round> out;
  for (const auto& row : KH_TRY(c.execute(std::string(round_columns) + "WHERE prefecture IN (" + store::placeholders(prefectures.size()) +
                                              ") ORDER BY year DESC, created_at DESC, id",
                                          store::text_params(prefectures))).rows)
    out.push_back(read_round(row));
  return out;
}
Result<std::optional<Round>> find_round(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(std::string(round_columns) + "WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Round>{};
  return std::optional(read_round(r.rows[0]));
}
Result<void> insert_round(store::Connection& c, const Round& r, const std::string& created_by) {
  KH_TRY(c.execute("INSERT INTO placement_rounds (id, prefecture, centre_name, year, programme_id, title, mechanism, state, assignment_kind, "
                   "term_start, term_end, doctor_deadline, facility_deadline, revision, created_by, created_by_name, created_at, updated_at, "
                   "previous_round_id) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $11, $12, 1, $13, $14, $15, $15, $16)",
                   {r.id, r.prefecture, r.centre_name, std::int64_t{r.year}, store::optional_text(r.programme_id), r.title, r.mechanism,
                    r.assignment_kind, r.term_start, r.term_end, r.doctor_deadline, r.facility_deadline, created_by, r.created_by_name,
                    r.created_at, store::optional_text(r.previous_round_id)}));
  return {};
}
Result<void> update_settings(store::Connection& c, const Round& r) {
  auto done = KH_TRY(c.execute("UPDATE placement_rounds SET title = $2, mechanism = $3, assignment_kind = $4, term_start = $5, term_end = $6, "
                               "doctor_deadline = $7, facility_deadline = $8, revision = revision + 1, updated_at = $9 "
                               "WHERE id = $1 AND state = 'open'",
                               {r.id, r.title, r.mechanism, r.assignment_kind, r.term_start, r.term_end, r.doctor_deadline,
                                r.facility_deadline, r.updated_at}));
  if (done.affected != 1) return fail(errors::conflict("round_confirmed", "この配属先選定はすでに確定しています。"));
  return {};
}
Result<void> bump_revision(store::Connection& c, const std::string& round_id, std::int64_t at) {
  auto done = KH_TRY(c.execute("UPDATE placement_rounds SET revision = revision + 1, updated_at = $2 WHERE id = $1 AND state = 'open'",
                               {round_id, at}));
  if (done.affected != 1) return fail(errors::conflict("round_confirmed", "この配属先選定はすでに確定しています。"));
  return {};
}
Result<void> set_minutes(store::Connection& c, const std::string& round_id, const std::optional<std::string>& meeting_on,
                         const std::optional<std::string>& minutes, std::int64_t at) {
  KH_TRY(c.execute("UPDATE placement_rounds SET meeting_on = $2, minutes = $3, updated_at = $4 WHERE id = $1",
                   {round_id, store::optional_text(meeting_on), store::optional_text(minutes), at}));
  return {};
}
Result<bool> mark_confirmed(store::Connection& c, const std::string& round_id, int revision, const std::string& preview_id,
                            const std::string& by_name, std::int64_t at) {
  auto done = KH_TRY(c.execute("UPDATE placement_rounds SET state = 'confirmed', confirmed_preview_id = $3, confirmed_at = $4, "
                               "confirmed_by_name = $5, updated_at = $4 WHERE id = $1 AND state = 'open' AND revision = $2",
                               {round_id, std::int64_t{revision}, preview_id, at, by_name}));
  return done.affected == 1;
}

Result<std::vector<Position>> positions_of(store::Connection& c, const std::string& round_id) {
  std::vector<Position> out;
  for (const auto& row : KH_TRY(c.execute(std::string(position_columns) + "WHERE round_id = $1 ORDER BY sort_order, id", {round_id})).rows)
    out.push_back(read_position(row));
  return out;
}
Result<std::vector<std::pair<std::string, Position>>> positions_of_facilities(store::Connection& c,
                                                                              const std::vector<std::string>& facility_ids) {
  std::vector<std::pair<std::string, Position>> out;
  if (facility_ids.empty()) return out;
  for (const auto& row : KH_TRY(c.execute(std::string(position_columns) + "WHERE facility_id IN (" + store::placeholders(facility_ids.size()) +
                                              ") ORDER BY round_id, sort_order, id",
                                          store::text_params(facility_ids))).rows)
    out.emplace_back(row.text(8), read_position(row));
  return out;
}
Result<void> replace_positions(store::Connection& c, const std::string& round_id, const std::vector<Position>& positions) {
  // Positions left out go with every rank that names them.
  std::vector<std::string> kept;
  for (const auto& p : positions) kept.push_back(p.id);
  const std::string not_kept = kept.empty() ? "" : " AND position_id NOT IN (" + store::placeholders(kept.size(), 2) + ")";
  store::Params params{round_id};
  for (const auto& k : kept) params.emplace_back(k);
  KH_TRY(c.execute("DELETE FROM placement_doctor_ranks WHERE round_id = $1" + not_kept, params));
  KH_TRY(c.execute("DELETE FROM placement_facility_ranks WHERE round_id = $1" + not_kept, params));
  KH_TRY(c.execute("DELETE FROM placement_positions WHERE round_id = $1" +
                       (kept.empty() ? std::string() : " AND id NOT IN (" + store::placeholders(kept.size(), 2) + ")"),
                   params));
  for (const auto& p : positions) {
    auto updated = KH_TRY(c.execute("UPDATE placement_positions SET facility_id = $3, facility_name = $4, department = $5, area_code = $6, "
                                    "capacity = $7, target = $8, sort_order = $9 WHERE id = $1 AND round_id = $2",
                                    {p.id, round_id, store::optional_text(p.facility_id), p.facility_name, store::optional_text(p.department),
                                     p.area_code, std::int64_t{p.capacity}, std::int64_t{p.target}, std::int64_t{p.sort_order}}));
    if (updated.affected == 0)
      KH_TRY(c.execute("INSERT INTO placement_positions (id, round_id, facility_id, facility_name, department, area_code, capacity, target, "
                       "sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                       {p.id, round_id, store::optional_text(p.facility_id), p.facility_name, store::optional_text(p.department), p.area_code,
                        std::int64_t{p.capacity}, std::int64_t{p.target}, std::int64_t{p.sort_order}}));
  }
  return {};
}

Result<std::vector<Cap>> caps_of(store::Connection& c, const std::string& round_id) {
  std::vector<Cap> out;
  for (const auto& r : KH_TRY(c.execute("SELECT id, name, area_codes, designation, cap, sort_order FROM placement_caps WHERE round_id = $1 "
                                        "ORDER BY sort_order, id",
                                        {round_id})).rows) {
    Cap x;
    x.id = r.text(0);
    x.name = r.text(1);
    const bj::value codes = bj::parse(r.text(2));
    for (const auto& v : codes.as_array()) x.area_codes.emplace_back(v.as_string());
    x.designation = r.optional_text(3);
    x.cap = static_cast<int>(r.integer(4));
    x.sort_order = static_cast<int>(r.integer(5));
    out.push_back(std::move(x));
  }
  return out;
}
Result<void> replace_caps(store::Connection& c, const std::string& round_id, const std::vector<Cap>& caps) {
  KH_TRY(c.execute("DELETE FROM placement_caps WHERE round_id = $1", {round_id}));
  for (const auto& x : caps) {
    bj::array codes;
    for (const auto& a : x.area_codes) codes.emplace_back(a);
    KH_TRY(c.execute("INSERT INTO placement_caps (id, round_id, name, area_codes, designation, cap, sort_order) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                     {x.id, round_id, x.name, bj::serialize(codes), store::optional_text(x.designation), std::int64_t{x.cap},
                      std::int64_t{x.sort_order}}));
  }
  return {};
}

Result<std::vector<DoctorRank>> doctor_ranks_of(store::Connection& c, const std::string& round_id) {
  std::vector<DoctorRank> out;
  for (const auto& r : KH_TRY(c.execute("SELECT doctor_id, position_id, rank, entered_by_kind, interview_on, entered_by_name, entered_at "
                                        "FROM placement_doctor_ranks WHERE round_id = $1 ORDER BY doctor_id, rank",
                                        {round_id})).rows)
    out.push_back({r.text(0), r.text(1), static_cast<int>(r.integer(2)), r.text(3), r.optional_text(4), r.text(5), r.integer(6)});
  return out;
}
Result<void> replace_doctor_ranks(store::Connection& c, const std::string& round_id, const std::string& doctor_id,
                                  const std::vector<std::string>& position_ids, const std::string& kind,
                                  const std::optional<std::string>& interview_on, const std::string& user_id,
                                  const std::string& user_name, std::int64_t at) {
  KH_TRY(c.execute("DELETE FROM placement_doctor_ranks WHERE round_id = $1 AND doctor_id = $2", {round_id, doctor_id}));
  // A facility ranks only the doctors who ranked it: its ranks of this doctor elsewhere are void now.
  store::Params params{round_id, doctor_id};
  for (const auto& p : position_ids) params.emplace_back(p);
  KH_TRY(c.execute("DELETE FROM placement_facility_ranks WHERE round_id = $1 AND doctor_id = $2" +
                       (position_ids.empty() ? std::string() : " AND position_id NOT IN (" + store::placeholders(position_ids.size(), 3) + ")"),
                   params));
  int rank = 0;
  for (const auto& p : position_ids)
    KH_TRY(c.execute("INSERT INTO placement_doctor_ranks (round_id, doctor_id, position_id, rank, entered_by_kind, interview_on, entered_by, "
                     "entered_by_name, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                     {round_id, doctor_id, p, std::int64_t{++rank}, kind, store::optional_text(interview_on), user_id, user_name, at}));
  return {};
}
Result<std::vector<FacilityRank>> facility_ranks_of(store::Connection& c, const std::string& round_id) {
  std::vector<FacilityRank> out;
  for (const auto& r : KH_TRY(c.execute("SELECT position_id, doctor_id, rank, entered_by_kind, entered_by_name, entered_at "
                                        "FROM placement_facility_ranks WHERE round_id = $1 ORDER BY position_id, rank",
                                        {round_id})).rows)
    out.push_back({r.text(0), r.text(1), static_cast<int>(r.integer(2)), r.text(3), r.text(4), r.integer(5)});
  return out;
}
Result<void> replace_facility_ranks(store::Connection& c, const std::string& round_id, const std::string& position_id,
                                    const std::vector<std::string>& doctor_ids, const std::string& kind, const std::string& user_id,
                                    const std::string& user_name, std::int64_t at) {
  KH_TRY(c.execute("DELETE FROM placement_facility_ranks WHERE position_id = $1", {position_id}));
  int rank = 0;
  for (const auto& d : doctor_ids)
    KH_TRY(c.execute("INSERT INTO placement_facility_ranks (round_id, position_id, doctor_id, rank, entered_by_kind, entered_by, "
                     "entered_by_name, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                     {round_id, position_id, d, std::int64_t{++rank}, kind, user_id, user_name, at}));
  return {};
}

namespace {
constexpr const char* preview_columns =
    "SELECT id, seq, revision, mechanism, input, result, created_by_name, created_at FROM placement_previews ";
Preview read_preview(const store::Row& r) {
  return {r.text(0), static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2)), r.text(3), r.text(4), r.text(5), r.text(6), r.integer(7)};
}
}  // namespace

Result<std::optional<Preview>> latest_preview(store::Connection& c, const std::string& round_id) {
  auto r = KH_TRY(c.execute(std::string(preview_columns) + "WHERE round_id = $1 ORDER BY seq DESC LIMIT 1", {round_id}));
  if (r.rows.empty()) return std::optional<Preview>{};
  return std::optional(read_preview(r.rows[0]));
}
Result<std::optional<Preview>> find_preview(store::Connection& c, const std::string& preview_id) {
  auto r = KH_TRY(c.execute(std::string(preview_columns) + "WHERE id = $1", {preview_id}));
  if (r.rows.empty()) return std::optional<Preview>{};
  return std::optional(read_preview(r.rows[0]));
}
Result<void> insert_preview(store::Connection& c, const std::string& round_id, const Preview& p, const std::string& user_id) {
  KH_TRY(c.execute("INSERT INTO placement_previews (id, round_id, seq, revision, mechanism, input, result, created_by, created_by_name, "
                   "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                   {p.id, round_id, std::int64_t{p.seq}, std::int64_t{p.revision}, p.mechanism, p.input_json, p.result_json, user_id,
                    p.created_by_name, p.created_at}));
  return {};
}

Result<std::vector<Outcome>> outcomes_of(store::Connection& c, const std::string& round_id) {
  std::vector<Outcome> out;
  for (const auto& r : KH_TRY(c.execute("SELECT doctor_id, position_id, plan_version, plan_state, plan_violations, plan_message, mailed "
                                        "FROM placement_results WHERE round_id = $1",
                                        {round_id})).rows)
    out.push_back({r.text(0), r.optional_text(1), opt_int(r, 2), r.optional_text(3), opt_int(r, 4), r.optional_text(5), r.boolean(6)});
  return out;
}
Result<void> insert_outcome(store::Connection& c, const std::string& round_id, const Outcome& o) {
  KH_TRY(c.execute("INSERT INTO placement_results (round_id, doctor_id, position_id, plan_version, plan_state, plan_violations, plan_message, "
                   "mailed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                   {round_id, o.doctor_id, store::optional_text(o.position_id), opt_param(o.plan_version), store::optional_text(o.plan_state),
                    opt_param(o.plan_violations), store::optional_text(o.plan_message), store::flag(o.mailed)}));
  return {};
}
Result<void> update_outcome(store::Connection& c, const std::string& round_id, const Outcome& o) {
  KH_TRY(c.execute("UPDATE placement_results SET plan_version = $3, plan_state = $4, plan_violations = $5, plan_message = $6, mailed = $7 "
                   "WHERE round_id = $1 AND doctor_id = $2",
                   {round_id, o.doctor_id, opt_param(o.plan_version), store::optional_text(o.plan_state), opt_param(o.plan_violations),
                    store::optional_text(o.plan_message), store::flag(o.mailed)}));
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
Result<bool> mark_ranking_opened(store::Connection& c, const std::string& round_id, const std::string& by_name, std::int64_t at) {
  auto done = KH_TRY(c.execute("UPDATE placement_rounds SET ranking_opened_at = $2, ranking_opened_by_name = $3, updated_at = $2 "
                               "WHERE id = $1 AND state = 'open' AND ranking_opened_at IS NULL",
                               {round_id, at, by_name}));
  return done.affected > 0;
}
Result<std::vector<std::string>> doctors_of_user(store::Connection& c, const std::string& user_id) {
  std::vector<std::string> out;
  for (const auto& r : KH_TRY(c.execute("SELECT doctor_id FROM career_doctor_accounts WHERE user_id = $1 ORDER BY linked_at, doctor_id", {user_id})).rows)
    out.push_back(r.text(0));
  return out;
}
Result<std::map<std::string, std::string>> accounts_of_doctors(store::Connection& c, const std::vector<std::string>& doctor_ids) {
  std::map<std::string, std::string> out;
  if (doctor_ids.empty()) return out;
  for (const auto& r : KH_TRY(c.execute("SELECT doctor_id, user_id FROM career_doctor_accounts WHERE doctor_id IN (" +
                                            store::placeholders(doctor_ids.size()) + ")",
                                        store::text_params(doctor_ids))).rows)
    out[r.text(0)] = r.text(1);
  return out;
}
Result<std::optional<std::string>> programme_name(store::Connection& c, const std::string& programme_id) {
  auto r = KH_TRY(c.execute("SELECT name FROM career_programmes WHERE id = $1", {programme_id}));
  if (r.rows.empty()) return std::optional<std::string>{};
  return std::optional(r.rows[0].text(0));
}
Result<std::optional<std::string>> programme_prefecture(store::Connection& c, const std::string& programme_id) {
  auto r = KH_TRY(c.execute("SELECT prefecture FROM career_programmes WHERE id = $1", {programme_id}));
  if (r.rows.empty()) return std::optional<std::string>{};
  return std::optional(r.rows[0].text(0));
}

}  // namespace kh::placement_rounds::repo
