#include "accounts/repo.h"

#include "core/text.h"
#include "core/time.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::accounts::repo {
namespace {

// Every user read says whether a confirmed second factor exists (the 9th column).
constexpr std::string_view user_columns =
    "u.id, u.login, u.email, u.display_name, u.role, u.status, u.created_at, u.password_hash, "
    "(SELECT COUNT(*) FROM second_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL), u.mail_notices";

// Lists of codes are stored comma-separated (codes never contain commas); NULL or '' means none.
constexpr std::string_view organisation_columns =
    "o.id, o.name, o.kind, o.prefecture, o.created_at, o.municipality, o.address, o.categories, o.areas";

std::vector<std::string> codes(const std::optional<std::string>& joined) {
  return joined && !joined->empty() ? text::split(*joined, ',') : std::vector<std::string>{};
}

store::Param joined(const std::vector<std::string>& codes) {
  return codes.empty() ? store::Param{nullptr} : store::Param{text::join(codes, ",")};
}

Organisation to_org(const store::Row& row) {
  Organisation o{row.text(0), row.text(1), parse_org_kind(row.text(2)).value_or(OrgKind::facility), row.text(3),
                 row.integer(4), row.optional_text(5), row.optional_text(6)};
  o.categories = codes(row.optional_text(7));
  o.areas = codes(row.optional_text(8));
  return o;
}

Result<std::vector<Organisation>> organisations(store::Connection& c, std::string_view from_where, const store::Params& params) {
  auto r = KH_TRY(c.execute("SELECT " + std::string(organisation_columns) + " FROM organisations o " + std::string(from_where), params));
  std::vector<Organisation> out;
  for (const auto& row : r.rows) out.push_back(to_org(row));
  return out;
}

Result<std::vector<Organisation>> organisations_of(store::Connection& c, std::string_view user_id) {
  return organisations(c, "JOIN memberships m ON m.organisation_id = o.id WHERE m.user_id = $1 ORDER BY o.name",
                       {std::string(user_id)});
}

StoredUser to_user(const store::Row& row) {
  StoredUser s;
  s.user.id = row.text(0);
  s.user.login = row.text(1);
  s.user.email = row.text(2);
  s.user.display_name = row.text(3);
  s.user.role = parse_role(row.text(4)).value_or(Role::seeker);
  s.user.status = row.text(5);
  s.user.created_at_ms = row.integer(6);
  s.password_hash = row.optional_text(7);
  s.user.second_factor = row.integer(8) > 0;
  s.user.mail_notices = row.text(9);
  return s;
}

Result<std::optional<StoredUser>> find_user(store::Connection& c, std::string_view column, std::string_view value) {
  auto r = KH_TRY(c.execute("SELECT " + std::string(user_columns) + " FROM users u WHERE u." + std::string(column) + " = $1",
                            {std::string(value)}));
  if (r.rows.empty()) return std::optional<StoredUser>{};
  StoredUser s = to_user(r.rows.front());
  s.user.organisations = KH_TRY(organisations_of(c, s.user.id));
  return std::optional<StoredUser>{std::move(s)};
}

}  // namespace

Result<std::optional<StoredUser>> find_user_by_login(store::Connection& c, std::string_view login) {
  return find_user(c, "login", login);
}
Result<std::optional<StoredUser>> find_user_by_id(store::Connection& c, std::string_view id) {
  return find_user(c, "id", id);
}

Result<void> insert_user(store::Connection& c, const User& u, const std::optional<std::string>& hash) {
  KH_TRY(c.execute(
      "INSERT INTO users (id, login, email, display_name, role, status, password_hash, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
      {u.id, u.login, u.email, u.display_name, std::string(role_code(u.role)), u.status, store::optional_text(hash),
       u.created_at_ms}));
  return {};
}

Result<void> update_mail_notices(store::Connection& c, std::string_view user_id, std::string_view mail_notices) {
  KH_TRY(c.execute("UPDATE users SET mail_notices = $2 WHERE id = $1", {std::string(user_id), std::string(mail_notices)}));
  return {};
}

Result<void> update_user_password(store::Connection& c, std::string_view user_id, const std::string& hash,
                                  std::string_view status) {
  KH_TRY(c.execute("UPDATE users SET password_hash = $2, status = $3, updated_at = $4 WHERE id = $1",
                   {std::string(user_id), hash, std::string(status), now_ms()}));
  return {};
}

Result<void> set_user_status(store::Connection& c, std::string_view user_id, std::string_view status) {
  KH_TRY(c.execute("UPDATE users SET status = $2, updated_at = $3 WHERE id = $1",
                   {std::string(user_id), std::string(status), now_ms()}));
  return {};
}

Result<std::vector<User>> list_users(store::Connection& c) {
  auto r = KH_TRY(c.execute("SELECT " + std::string(user_columns) + " FROM users u WHERE u.role <> 'seeker' ORDER BY u.login"));
  std::vector<User> out;
  for (const auto& row : r.rows) {
    User u = to_user(row).user;
    u.organisations = KH_TRY(organisations_of(c, u.id));
    out.push_back(std::move(u));
  }
  return out;
}

Result<std::vector<User>> members_of(store::Connection& c, std::string_view organisation_id) {
  auto r = KH_TRY(c.execute("SELECT " + std::string(user_columns) + " FROM users u JOIN memberships m ON m.user_id = u.id "
                            "WHERE m.organisation_id = $1 AND u.status = 'active' ORDER BY u.login",
                            {std::string(organisation_id)}));
  std::vector<User> out;
  for (const auto& row : r.rows) out.push_back(to_user(row).user);
  return out;
}

Result<void> insert_organisation(store::Connection& c, const Organisation& o) {
  KH_TRY(c.execute("INSERT INTO organisations (id, name, kind, prefecture, created_at, updated_at, municipality, address, categories, areas) "
                   "VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9)",
                   {o.id, o.name, std::string(org_kind_code(o.kind)), o.prefecture, o.created_at_ms,
                    o.municipality ? store::Param{*o.municipality} : store::Param{nullptr},
                    o.address ? store::Param{*o.address} : store::Param{nullptr}, joined(o.categories), joined(o.areas)}));
  return {};
}

Result<void> update_organisation(store::Connection& c, const Organisation& o) {
  KH_TRY(c.execute("UPDATE organisations SET name = $2, municipality = $3, address = $4, categories = $5, areas = $6, "
                   "updated_at = $7 WHERE id = $1",
                   {o.id, o.name, o.municipality ? store::Param{*o.municipality} : store::Param{nullptr},
                    o.address ? store::Param{*o.address} : store::Param{nullptr}, joined(o.categories), joined(o.areas),
                    now_ms()}));
  return {};
}

Result<std::optional<Organisation>> find_organisation(store::Connection& c, std::string_view id) {
  auto found = KH_TRY(organisations(c, "WHERE o.id = $1", {std::string(id)}));
  return found.empty() ? std::optional<Organisation>{} : std::optional<Organisation>{std::move(found.front())};
}

Result<std::optional<Organisation>> find_organisation_by_name(store::Connection& c, std::string_view name,
                                                              std::string_view prefecture) {
  auto found = KH_TRY(organisations(c, "WHERE o.name = $1 AND o.prefecture = $2", {std::string(name), std::string(prefecture)}));
  return found.empty() ? std::optional<Organisation>{} : std::optional<Organisation>{std::move(found.front())};
}

Result<std::vector<Organisation>> list_organisations(store::Connection& c) {
  return organisations(c, "ORDER BY o.prefecture, o.name", {});
}

Result<void> set_organisation_address(store::Connection& c, std::string_view id, std::string_view municipality,
                                      std::string_view address) {
  KH_TRY(c.execute("UPDATE organisations SET municipality = $2, address = $3, updated_at = $4 WHERE id = $1",
                   {std::string(id), std::string(municipality), std::string(address), now_ms()}));
  return {};
}

Result<void> add_membership(store::Connection& c, std::string_view user_id, std::string_view organisation_id) {
  KH_TRY(c.execute("INSERT INTO memberships (user_id, organisation_id) VALUES ($1, $2)",
                   {std::string(user_id), std::string(organisation_id)}));
  return {};
}

Result<void> insert_session(store::Connection& c, std::string_view digest, std::string_view user_id,
                            std::string_view csrf, std::int64_t now, std::int64_t expires_at, std::string_view ip) {
  KH_TRY(c.execute(
      "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at, last_seen_at, expires_at, ip) "
      "VALUES ($1, $2, $3, $4, $4, $5, $6)",
      {std::string(digest), std::string(user_id), std::string(csrf), now, expires_at, std::string(ip)}));
  return {};
}

Result<std::optional<Session>> find_session(store::Connection& c, std::string_view digest) {
  auto r = KH_TRY(c.execute(
      "SELECT user_id, csrf_token, last_seen_at, expires_at FROM sessions WHERE token_digest = $1", {std::string(digest)}));
  if (r.rows.empty()) return std::optional<Session>{};
  const auto& row = r.rows.front();
  return std::optional<Session>{Session{row.text(0), row.text(1), row.integer(2), row.integer(3)}};
}

Result<std::optional<SecondFactor>> find_second_factor(store::Connection& c, std::string_view user_id) {
  auto r = KH_TRY(c.execute("SELECT secret, confirmed_at, last_step FROM second_factors WHERE user_id = $1", {std::string(user_id)}));
  if (r.rows.empty()) return std::optional<SecondFactor>{};
  const auto& row = r.rows.front();
  return std::optional<SecondFactor>{SecondFactor{row.text(0), !row.is_null(1), row.integer(2)}};
}

Result<void> start_second_factor(store::Connection& c, std::string_view user_id, std::string_view secret, std::int64_t now) {
  KH_TRY(c.execute("DELETE FROM second_factors WHERE user_id = $1 AND confirmed_at IS NULL", {std::string(user_id)}));
  KH_TRY(c.execute("INSERT INTO second_factors (user_id, secret, confirmed_at, last_step, created_at) VALUES ($1, $2, NULL, 0, $3)",
                   {std::string(user_id), std::string(secret), now}));
  return {};
}

Result<bool> accept_second_factor_step(store::Connection& c, std::string_view user_id, std::int64_t step) {
  // Conditional on the last step, so two requests with the same code cannot both pass.
  auto r = KH_TRY(c.execute("UPDATE second_factors SET last_step = $2 WHERE user_id = $1 AND last_step < $2",
                            {std::string(user_id), step}));
  return r.affected == 1;
}

Result<bool> confirm_second_factor(store::Connection& c, std::string_view user_id, std::string_view secret,
                                   std::int64_t step, std::int64_t now) {
  // One statement on the very secret the code was checked against: a set-up restarted meanwhile (a new secret)
  // must not be confirmed by a code of the old one.
  auto r = KH_TRY(c.execute("UPDATE second_factors SET confirmed_at = $4, last_step = $3 "
                            "WHERE user_id = $1 AND secret = $2 AND confirmed_at IS NULL AND last_step < $3",
                            {std::string(user_id), std::string(secret), step, now}));
  return r.affected == 1;
}

Result<bool> delete_second_factor(store::Connection& c, std::string_view user_id) {
  auto r = KH_TRY(c.execute("DELETE FROM second_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL", {std::string(user_id)}));
  return r.affected > 0;
}

Result<void> touch_session(store::Connection& c, std::string_view digest, std::int64_t now) {
  KH_TRY(c.execute("UPDATE sessions SET last_seen_at = $2 WHERE token_digest = $1", {std::string(digest), now}));
  return {};
}

// A logout is announced too, so the session's open event streams close in every process at once.
Result<void> delete_session(store::Connection& c, std::string_view digest) {
  KH_TRY(c.execute("DELETE FROM sessions WHERE token_digest = $1", {std::string(digest)}));
  return store::append_change(c, "session", digest, "ended");
}

// Ending sessions is announced in the change log, so every process closes the user's open event streams:
// otherwise a lost device would keep receiving notices and messages after its session was removed.
Result<void> delete_sessions_of(store::Connection& c, std::string_view user_id) {
  KH_TRY(c.execute("DELETE FROM sessions WHERE user_id = $1", {std::string(user_id)}));
  return store::append_change(c, "user_sessions", user_id, "ended");
}

Result<void> delete_other_sessions(store::Connection& c, std::string_view user_id, std::string_view keep_digest) {
  KH_TRY(c.execute("DELETE FROM sessions WHERE user_id = $1 AND token_digest <> $2", {std::string(user_id), std::string(keep_digest)}));
  return store::append_change(c, "user_sessions", user_id, "ended");
}

Result<void> insert_token(store::Connection& c, std::string_view digest, std::string_view user_id,
                          std::string_view purpose, std::int64_t now, std::int64_t expires_at) {
  KH_TRY(c.execute(
      "INSERT INTO account_tokens (token_digest, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
      {std::string(digest), std::string(user_id), std::string(purpose), now, expires_at}));
  return {};
}

Result<std::optional<std::string>> consume_token(store::Connection& c, std::string_view digest,
                                                 std::initializer_list<std::string_view> purposes, std::int64_t now) {
  auto r = KH_TRY(c.execute(
      "SELECT user_id, purpose FROM account_tokens WHERE token_digest = $1 AND used_at IS NULL AND expires_at > $2",
      {std::string(digest), now}));
  if (r.rows.empty()) return std::optional<std::string>{};
  const auto purpose = r.rows.front().text(1);
  if (std::find(purposes.begin(), purposes.end(), purpose) == purposes.end()) return std::optional<std::string>{};
  // The conditional update is what makes the token single-use even when two requests race.
  auto used = KH_TRY(c.execute("UPDATE account_tokens SET used_at = $2 WHERE token_digest = $1 AND used_at IS NULL",
                               {std::string(digest), now}));
  if (used.affected != 1) return std::optional<std::string>{};
  return std::optional<std::string>{r.rows.front().text(0)};
}

Result<void> expire_tokens_of(store::Connection& c, std::string_view user_id, std::string_view purpose,
                              std::int64_t now) {
  KH_TRY(c.execute("UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
                   {std::string(user_id), std::string(purpose), now}));
  return {};
}

Result<int> throttle_failures(store::Connection& c, std::string_view key, std::int64_t window_start) {
  auto r = KH_TRY(c.execute("SELECT failures FROM login_throttle WHERE throttle_key = $1 AND window_start > $2",
                            {std::string(key), window_start}));
  return r.rows.empty() ? 0 : static_cast<int>(r.rows.front().integer(0));
}

Result<ThrottleState> throttle_state(store::Connection& c, std::string_view key, std::int64_t window_start) {
  auto r = KH_TRY(c.execute("SELECT failures, last_failure_at FROM login_throttle WHERE throttle_key = $1 AND window_start > $2",
                            {std::string(key), window_start}));
  if (r.rows.empty()) return ThrottleState{};
  return ThrottleState{static_cast<int>(r.rows.front().integer(0)), r.rows.front().integer(1)};
}

Result<void> throttle_add_failure(store::Connection& c, std::string_view key, std::int64_t now, std::int64_t window_ms) {
  // A window older than window_ms starts again at one failure.
  KH_TRY(c.execute(
      "INSERT INTO login_throttle (throttle_key, failures, window_start, last_failure_at) VALUES ($1, 1, $2, $2) "
      "ON CONFLICT (throttle_key) DO UPDATE SET "
      "failures = CASE WHEN login_throttle.window_start > $3 THEN login_throttle.failures + 1 ELSE 1 END, "
      "window_start = CASE WHEN login_throttle.window_start > $3 THEN login_throttle.window_start ELSE $2 END, "
      "last_failure_at = $2",
      {std::string(key), now, now - window_ms}));
  return {};
}

Result<void> throttle_clear(store::Connection& c, std::string_view key) {
  KH_TRY(c.execute("DELETE FROM login_throttle WHERE throttle_key = $1", {std::string(key)}));
  return {};
}

}  // namespace kh::accounts::repo
