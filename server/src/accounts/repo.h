#pragma once
// The accounts module's SQL. Private to accounts/: other modules go through accounts.h.
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"

namespace kh::accounts::repo {

struct StoredUser {
  User user;
  std::optional<std::string> password_hash;
};

Result<std::optional<StoredUser>> find_user_by_login(store::Connection& c, std::string_view login);
Result<std::optional<StoredUser>> find_user_by_id(store::Connection& c, std::string_view id);
Result<void> insert_user(store::Connection& c, const User& user, const std::optional<std::string>& password_hash);
//! How notices reach a member of staff by mail: immediate, daily or off.
Result<void> update_mail_notices(store::Connection& c, std::string_view user_id, std::string_view mail_notices);
Result<void> update_user_password(store::Connection& c, std::string_view user_id, const std::string& hash,
                                  std::string_view status);
Result<void> set_user_status(store::Connection& c, std::string_view user_id, std::string_view status);
Result<std::vector<User>> list_users(store::Connection& c);
Result<std::vector<User>> members_of(store::Connection& c, std::string_view organisation_id);

Result<void> insert_organisation(store::Connection& c, const Organisation& org);
//! Writes name, place, categories and areas (kind and prefecture never change).
Result<void> update_organisation(store::Connection& c, const Organisation& org);
Result<std::optional<Organisation>> find_organisation(store::Connection& c, std::string_view id);
Result<std::optional<Organisation>> find_organisation_by_name(store::Connection& c, std::string_view name,
                                                              std::string_view prefecture);
Result<std::vector<Organisation>> list_organisations(store::Connection& c);
Result<void> set_organisation_address(store::Connection& c, std::string_view id, std::string_view municipality,
                                      std::string_view address);
Result<void> add_membership(store::Connection& c, std::string_view user_id, std::string_view organisation_id);

struct Session {
  std::string user_id;
  std::string csrf_token;
  std::int64_t last_seen_at;
  std::int64_t expires_at;
};
Result<void> insert_session(store::Connection& c, std::string_view digest, std::string_view user_id,
                            std::string_view csrf, std::int64_t now, std::int64_t expires_at, std::string_view ip);
Result<std::optional<Session>> find_session(store::Connection& c, std::string_view digest);
Result<void> touch_session(store::Connection& c, std::string_view digest, std::int64_t now);
Result<void> delete_session(store::Connection& c, std::string_view digest);
Result<void> delete_sessions_of(store::Connection& c, std::string_view user_id);
//! Every session of the user but one (a password change keeps the session that made it).
Result<void> delete_other_sessions(store::Connection& c, std::string_view user_id, std::string_view keep_digest);

struct SecondFactor {
  std::string secret;  //!< base32
  bool confirmed;
  std::int64_t last_step;
};
Result<std::optional<SecondFactor>> find_second_factor(store::Connection& c, std::string_view user_id);
//! A new unconfirmed secret, replacing an unconfirmed one (a confirmed one must be disabled first).
Result<void> start_second_factor(store::Connection& c, std::string_view user_id, std::string_view secret, std::int64_t now);
//! Records `step` as used; false when it (or a later one) was used already.
Result<bool> accept_second_factor_step(store::Connection& c, std::string_view user_id, std::int64_t step);
//! Confirms the unconfirmed `secret` with the step of a code from it; false when that is no longer the case.
Result<bool> confirm_second_factor(store::Connection& c, std::string_view user_id, std::string_view secret,
                                   std::int64_t step, std::int64_t now);
//! Removes a confirmed second factor; false when there was none.
Result<bool> delete_second_factor(store::Connection& c, std::string_view user_id);

//! One-time tokens for e-mail verification, password reset and first-password invitations.
Result<void> insert_token(store::Connection& c, std::string_view digest, std::string_view user_id,
                          std::string_view purpose, std::int64_t now, std::int64_t expires_at);
//! Marks the token used and returns its user, if it is unused, unexpired and of one of the purposes.
Result<std::optional<std::string>> consume_token(store::Connection& c, std::string_view digest,
                                                 std::initializer_list<std::string_view> purposes, std::int64_t now);
Result<void> expire_tokens_of(store::Connection& c, std::string_view user_id, std::string_view purpose,
                              std::int64_t now);

//! Failure counting per key ("login:ID", "ip:ADDR") in fixed windows.
Result<int> throttle_failures(store::Connection& c, std::string_view key, std::int64_t window_start);
struct ThrottleState { int failures = 0; std::int64_t last_failure_at = 0; };
//! Failures of a key in its current window and the time of the latest (zero failures when the window is over).
Result<ThrottleState> throttle_state(store::Connection& c, std::string_view key, std::int64_t window_start);
Result<void> throttle_add_failure(store::Connection& c, std::string_view key, std::int64_t now,
                                  std::int64_t window_ms);
Result<void> throttle_clear(store::Connection& c, std::string_view key);

}  // namespace kh::accounts::repo
