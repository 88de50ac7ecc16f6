// The TOTP second factor (SPEC.md "Accounts": optional, mandatory for the roles the configuration names —
// secretariat and coordinators by default). Enrolment is two steps, so a secret counts only once the user has
// shown a code from it; disabling asks for the password and a code; the secretariat may remove it for a user
// who lost the phone. Login itself checks codes in service.cpp.
#include <algorithm>

#include "accounts/accounts.h"
#include "accounts/repo.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/text.h"
#include "core/time.h"
#include "core/totp.h"
#include "mail/mail.h"
#include "store/database.h"

namespace kh::accounts {
namespace {

const std::string wrong_code = "確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください。";

//! The step of `code` if it is the user's current code and newer than the last one used.
std::optional<std::int64_t> fresh_step(const repo::SecondFactor& f, std::string_view code, std::int64_t now) {
  auto step = totp::matching_step(f.secret, code, now);
  if (step && *step <= f.last_step) return std::nullopt;
  return step;
}

//! Tells the user of every change to the second factor, so a change they did not make does not go unseen.
Result<void> mail_user(store::Connection& c, const User& u, std::string_view what, std::string_view advice) {
  return mail::enqueue(c, {u.email, "【かけはし】" + std::string(what),
                           u.display_name + " 様\n\nかけはしのアカウント（" + u.login + "）で、" + std::string(what) +
                               "。\n\n" + std::string(advice) +
                               "\n\nお心当たりがない場合は、すぐにパスワードを変更し、事務局にご連絡ください。\n"});
}

}  // namespace

bool Service::second_factor_required(const User& user) const {
  const auto& roles = settings_.second_factor_roles;
  return std::find(roles.begin(), roles.end(), user.role) != roles.end();
}

Result<SecondFactorStart> Service::start_second_factor(const CurrentUser& current) {
  if (current.user.second_factor)
    return fail(errors::conflict("second_factor_enabled", "二要素認証はすでに設定されています。設定し直すには、いったん解除してください。"));
  SecondFactorStart start{totp::new_secret(), {}};
  start.otpauth_uri = totp::otpauth_uri("かけはし", current.user.login, start.secret);
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::start_second_factor(c, current.user.id, start.secret, now_ms()));
    return audit::record(c, actor_of(current), "second_factor_started", "user", current.user.id);
  }));
  return start;
}

Result<void> Service::confirm_second_factor(const CurrentUser& current, std::string_view code) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto factor = KH_TRY(repo::find_second_factor(c, current.user.id));
  if (!factor || factor->confirmed)
    return fail(errors::conflict("no_second_factor_enrolment",
                                 factor ? "二要素認証はすでに設定されています。" : "先に「二要素認証を設定する」から設定を始めてください。"));
  if (text::trim(code).empty()) return fail(errors::validation({{"code", "「確認コード」を入力してください。"}}));
  KH_TRY_VOID(check_throttle(c, current.user.login, current.ip));
  const auto now = now_ms();
  const auto step = fresh_step(*factor, code, now);
  if (!step) {
    KH_TRY_VOID(record_failure(c, current.user.login, current.ip, current.user.id, "second_factor_failed"));
    return fail(errors::validation({{"code", wrong_code}}));
  }
  return store::in_transaction(c, [&]() -> Result<void> {
    if (!KH_TRY(repo::confirm_second_factor(c, current.user.id, factor->secret, *step, now)))
      return fail(errors::validation({{"code", wrong_code}}));
    // With the factor confirmed this session is no longer restricted; any other (a thief's, opened with the
    // password alone) ends.
    KH_TRY_VOID(repo::delete_other_sessions(c, current.user.id, current.session_digest));
    KH_TRY_VOID(mail_user(c, current.user, "二要素認証を設定しました", "次回から、ログインの際に認証アプリの確認コードが必要です。"));
    return audit::record(c, actor_of(current), "second_factor_enabled", "user", current.user.id);
  });
}

Result<void> Service::disable_second_factor(const CurrentUser& current, std::string_view password, std::string_view code) {
  if (second_factor_required(current.user))
    return fail(Error{403, "second_factor_mandatory", "このアカウントの種類では二要素認証を解除できません。", {}});
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto factor = KH_TRY(repo::find_second_factor(c, current.user.id));
  if (!factor || !factor->confirmed) return fail(errors::conflict("no_second_factor", "二要素認証は設定されていません。"));
  // A password and six digits to guess: throttled like a login, or a stolen session could try them all.
  KH_TRY_VOID(check_throttle(c, current.user.login, current.ip));
  auto stored = KH_TRY(repo::find_user_by_id(c, current.user.id));
  std::map<std::string, std::string> problems;
  if (!stored || !stored->password_hash || !crypto::verify_password(*stored->password_hash, password))
    problems["password"] = "「現在のパスワード」が正しくありません。";
  const auto step = fresh_step(*factor, code, now_ms());
  if (!step) problems["code"] = wrong_code;
  if (!problems.empty()) {
    KH_TRY_VOID(record_failure(c, current.user.login, current.ip, current.user.id, "second_factor_failed"));
    return fail(errors::validation(std::move(problems)));
  }
  return store::in_transaction(c, [&]() -> Result<void> {
    if (!KH_TRY(repo::accept_second_factor_step(c, current.user.id, *step))) return fail(errors::validation({{"code", wrong_code}}));
    KH_TRY(repo::delete_second_factor(c, current.user.id));
    KH_TRY_VOID(mail_user(c, current.user, "二要素認証を解除しました", "ログインにはパスワードだけが必要になりました。"));
    return audit::record(c, actor_of(current), "second_factor_disabled", "user", current.user.id);
  });
}

Result<void> Service::reset_second_factor(const CurrentUser& actor, const std::string& user_id) {
  KH_TRY_VOID(require_role(actor, {Role::secretariat}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto user = KH_TRY(repo::find_user_by_id(c, user_id));
  if (!user) return fail(errors::not_found("指定されたユーザは見つかりません。"));
  return store::in_transaction(c, [&]() -> Result<void> {
    if (!KH_TRY(repo::delete_second_factor(c, user_id)))
      return fail(errors::conflict("no_second_factor", "このユーザは二要素認証を設定していません。"));
    // Whoever holds the old sessions logs in again (and, for a mandatory role, sets up a new factor first).
    KH_TRY_VOID(repo::delete_sessions_of(c, user_id));
    KH_TRY_VOID(mail_user(c, user->user, "事務局が二要素認証を解除しました",
                          "次回のログインはパスワードだけでできます。引き続き利用する場合は、「アカウント設定」で設定し直してください。"));
    return audit::record(c, actor_of(actor), "second_factor_reset", "user", user_id, user->user.login);
  });
}

}  // namespace kh::accounts
