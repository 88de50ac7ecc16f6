// The SQL of the centre's meetings (meetings_repo.h).
#include "workenv/meetings_repo.h"

#include "core/crypto.h"
#include "store/database.h"
#include "workenv/repo.h"

namespace kh::workenv::mrepo {

namespace {

constexpr const char* series_columns =
    "SELECT id, prefecture, kind, title, bureau_email, minutes_due_days, invited, created_at, updated_at "
    "FROM workenv_meeting_series ";

Series read_series(const store::Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5), r.text(6), r.integer(7), r.integer(8)};
}

constexpr const char* meeting_columns =
    "SELECT id, series_id, prefecture, held_on, place, invited, minutes_status, minutes_body, minutes_version, locked_at, "
    "created_at, updated_at FROM workenv_meetings ";

Meeting read_meeting(const store::Row& r) {
  Meeting m{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.integer(8),
            std::nullopt, r.integer(10), r.integer(11)};
  if (!r.is_null(9)) m.locked_at = r.integer(9);
  return m;
}

constexpr const char* action_columns =
    "SELECT a.id, a.series_id, a.meeting_id, a.title, a.owner, a.due_date, a.status, a.done_on, m.held_on "
    "FROM workenv_meeting_actions a JOIN workenv_meetings m ON m.id = a.meeting_id ";

Action read_action(const store::Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.optional_text(7), r.text(8)};
}

}  // namespace

Result<std::optional<Series>> find_series(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(std::string(series_columns) + "WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Series>{};
  return std::optional<Series>{read_series(r.rows[0])};
}

Result<std::vector<Series>> series_in(store::Connection& c, const std::vector<std::string>& prefectures) {
  store::Params p(prefectures.begin(), prefectures.end());
  auto r = KH_TRY(c.execute(std::string(series_columns) + "WHERE prefecture IN " + repo::placeholders(1, p.size()) +
                            " ORDER BY kind, created_at, id", p));
  std::vector<Series> out;
  for (const auto& row : r.rows) out.push_back(read_series(row));
  return out;
}

Result<void> insert_series(store::Connection& c, const Series& s, const std::string& by) {
  KH_TRY(c.execute("INSERT INTO workenv_meeting_series (id, prefecture, kind, title, bureau_email, minutes_due_days, invited, "
                   "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
                   {s.id, s.prefecture, s.kind, s.title, s.bureau_email, s.minutes_due_days, s.invited, by, s.created_at}));
  return {};
}

Result<void> update_series(store::Connection& c, const Series& s) {
  KH_TRY(c.execute("UPDATE workenv_meeting_series SET title = $2, bureau_email = $3, minutes_due_days = $4, invited = $5, "
                   "updated_at = $6, kind = $7 WHERE id = $1",
                   {s.id, s.title, s.bureau_email, s.minutes_due_days, s.invited, s.updated_at, s.kind}));
  return {};
}

Result<std::optional<Meeting>> find_meeting(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(std::string(meeting_columns) + "WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Meeting>{};
  return std::optional<Meeting>{read_meeting(r.rows[0])};
}

Result<std::vector<Meeting>> meetings_in(store::Connection& c, const std::vector<std::string>& prefectures,
                                         const std::optional<std::string>& series_id) {
  store::Params p(prefectures.begin(), prefectures.end());
  std::string sql = std::string(meeting_columns) + "WHERE prefecture IN " + repo::placeholders(1, p.size());
  if (series_id) {
    p.push_back(*series_id);
    sql += " AND series_id = $" + std::to_string(p.size());
  }
  auto r = KH_TRY(c.execute(sql + " ORDER BY held_on DESC, created_at DESC, id DESC", p));
  std::vector<Meeting> out;
  for (const auto& row : r.rows) out.push_back(read_meeting(row));
  return out;
}

Result<void> insert_meeting(store::Connection& c, const Meeting& m, const std::string& by) {
  KH_TRY(c.execute("INSERT INTO workenv_meetings (id, series_id, prefecture, held_on, place, invited, minutes_status, "
                   "minutes_body, minutes_version, locked_at, created_by, created_at, updated_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $11)",
                   {m.id, m.series_id, m.prefecture, m.held_on, m.place, m.invited, m.minutes_status, m.minutes_body,
                    m.minutes_version, by, m.created_at}));
  return {};
}

Result<void> update_meeting(store::Connection& c, const Meeting& m) {
  KH_TRY(c.execute("UPDATE workenv_meetings SET held_on = $2, place = $3, invited = $4, minutes_status = $5, minutes_body = $6, "
                   "minutes_version = $7, locked_at = $8, updated_at = $9 WHERE id = $1",
                   {m.id, m.held_on, m.place, m.invited, m.minutes_status, m.minutes_body, m.minutes_version,
                    m.locked_at ? store::Param{*m.locked_at} : store::Param{nullptr}, m.updated_at}));
  return {};
}

Result<std::vector<std::string>> participants(store::Connection& c, const std::string& meeting_id) {
  auto r = KH_TRY(c.execute("SELECT user_id FROM workenv_meeting_participants WHERE meeting_id = $1 ORDER BY user_id", {meeting_id}));
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(row.text(0));
  return out;
}

Result<void> set_participants(store::Connection& c, const std::string& meeting_id, const std::vector<std::string>& users) {
  KH_TRY(c.execute("DELETE FROM workenv_meeting_participants WHERE meeting_id = $1", {meeting_id}));
  for (const auto& u : users)
    KH_TRY(c.execute("INSERT INTO workenv_meeting_participants (meeting_id, user_id) VALUES ($1, $2)", {meeting_id, u}));
  return {};
}

Result<std::vector<Item>> items(store::Connection& c, const std::string& meeting_id) {
  auto r = KH_TRY(c.execute("SELECT title, outcome_kind, outcome FROM workenv_meeting_items WHERE meeting_id = $1 "
                            "ORDER BY position", {meeting_id}));
  std::vector<Item> out;
  for (const auto& row : r.rows) out.push_back({row.text(0), row.optional_text(1), row.text(2)});
  return out;
}

Result<void> replace_items(store::Connection& c, const std::string& meeting_id, const std::vector<Item>& list) {
  KH_TRY(c.execute("DELETE FROM workenv_meeting_items WHERE meeting_id = $1", {meeting_id}));
  std::int64_t position = 0;
  for (const auto& i : list)
    KH_TRY(c.execute("INSERT INTO workenv_meeting_items (id, meeting_id, position, title, outcome_kind, outcome) "
                     "VALUES ($1, $2, $3, $4, $5, $6)",
                     {crypto::new_id("wmi"), meeting_id, ++position, i.title, store::optional_text(i.outcome_kind), i.outcome}));
  return {};
}

Result<std::optional<Action>> find_action(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(std::string(action_columns) + "WHERE a.id = $1", {id}));
  if (r.rows.empty()) return std::optional<Action>{};
  return std::optional<Action>{read_action(r.rows[0])};
}

Result<std::vector<Action>> actions_of(store::Connection& c, const std::string& meeting_id) {
  auto r = KH_TRY(c.execute(std::string(action_columns) + "WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id", {meeting_id}));
  std::vector<Action> out;
  for (const auto& row : r.rows) out.push_back(read_action(row));
  return out;
}

Result<std::vector<Action>> carried_actions(store::Connection& c, const std::string& series_id,
                                            const std::string& meeting_id, const std::string& held_on) {
  auto r = KH_TRY(c.execute(std::string(action_columns) +
                                "WHERE a.series_id = $1 AND a.meeting_id <> $2 AND m.held_on < $3 "
                                "AND (a.status = 'open' OR a.done_on >= $3) ORDER BY m.held_on, a.created_at, a.id",
                            {series_id, meeting_id, held_on}));
  std::vector<Action> out;
  for (const auto& row : r.rows) out.push_back(read_action(row));
  return out;
}

Result<void> insert_action(store::Connection& c, const Action& a, const std::string& by, std::int64_t at) {
  KH_TRY(c.execute("INSERT INTO workenv_meeting_actions (id, series_id, meeting_id, title, owner, due_date, status, done_on, "
                   "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
                   {a.id, a.series_id, a.meeting_id, a.title, a.owner, a.due_date, a.status, store::optional_text(a.done_on), by, at}));
  return {};
}

Result<void> update_action(store::Connection& c, const Action& a, std::int64_t at) {
  KH_TRY(c.execute("UPDATE workenv_meeting_actions SET title = $2, owner = $3, due_date = $4, status = $5, done_on = $6, "
                   "updated_at = $7 WHERE id = $1",
                   {a.id, a.title, a.owner, a.due_date, a.status, store::optional_text(a.done_on), at}));
  return {};
}

Result<std::vector<Response>> responses(store::Connection& c, const std::string& meeting_id) {
  auto r = KH_TRY(c.execute("SELECT user_id, decision, comment, version, at FROM workenv_minutes_responses "
                            "WHERE meeting_id = $1 ORDER BY at, id", {meeting_id}));
  std::vector<Response> out;
  for (const auto& row : r.rows) out.push_back({row.text(0), row.text(1), row.text(2), row.integer(3), row.integer(4)});
  return out;
}

Result<void> insert_response(store::Connection& c, const std::string& meeting_id, const Response& r) {
  KH_TRY(c.execute("INSERT INTO workenv_minutes_responses (id, meeting_id, user_id, decision, comment, version, at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                   {crypto::new_id("wmr"), meeting_id, r.user_id, r.decision, r.comment, r.version, r.at}));
  return {};
}

Result<std::vector<Send>> sends(store::Connection& c, const std::string& meeting_id) {
  auto r = KH_TRY(c.execute("SELECT s.id, s.mail_id, s.to_address, s.version, s.sent_by, s.at, o.sent_at, o.attempts, s.kind, "
                            "o.last_error, o.withdrawn_at "
                            "FROM workenv_minutes_sends s LEFT JOIN mail_outbox o ON o.id = s.mail_id "
                            "WHERE s.meeting_id = $1 ORDER BY s.at DESC, s.id DESC", {meeting_id}));
  std::vector<Send> out;
  for (const auto& row : r.rows) {
    Send s{row.text(0), row.text(1), row.text(2), row.integer(3), row.optional_text(4), row.integer(5), std::nullopt,
           row.is_null(7) ? 0 : row.integer(7), row.text(8), row.optional_text(9), std::nullopt};
    if (!row.is_null(6)) s.delivered_at = row.integer(6);
    if (!row.is_null(10)) s.withdrawn_at = row.integer(10);
    out.push_back(std::move(s));
  }
  return out;
}

Result<void> insert_send(store::Connection& c, const std::string& meeting_id, const Send& s) {
  KH_TRY(c.execute("INSERT INTO workenv_minutes_sends (id, meeting_id, mail_id, to_address, version, sent_by, at, kind) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                   {s.id, meeting_id, s.mail_id, s.to, s.version, store::optional_text(s.sent_by), s.at, s.kind}));
  return {};
}

Result<std::vector<HistoryEntry>> history(store::Connection& c, const std::string& meeting_id) {
  auto r = KH_TRY(c.execute("SELECT at, by_user, event, detail FROM workenv_meeting_history WHERE meeting_id = $1 "
                            "ORDER BY at DESC, id DESC", {meeting_id}));
  std::vector<HistoryEntry> out;
  for (const auto& row : r.rows) out.push_back({row.integer(0), row.optional_text(1), row.text(2), row.text(3)});
  return out;
}

Result<void> log(store::Connection& c, const std::string& meeting_id, const std::string& by, std::string_view event,
                 const std::string& detail, std::int64_t at) {
  KH_TRY(c.execute("INSERT INTO workenv_meeting_history (id, meeting_id, at, by_user, event, detail) VALUES ($1, $2, $3, $4, $5, $6)",
                   {crypto::new_id("wmh"), meeting_id, at, by, std::string(event), detail}));
  return {};
}

}  // namespace kh::workenv::mrepo
