#include <array>
#include <cctype>
#include <map>

#include "accounts/accounts.h"
#include "accounts/repo.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "core/totp.h"
#include "http/request.h"
#include "mail/mail.h"
#include "reference/prefectures.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::accounts {
namespace {

constexpr std::int64_t minute_ms = 60'000;
// Failed logins slow the next attempt down, with a delay that doubles per failure; nothing locks an account.
// Three keys, each with free attempts and a cap on the delay:
//  - the ID from one address: a few typos cost nothing; guessing from one place soon waits up to 15 minutes,
//    while the real user at another address is not affected;
//  - the ID from everywhere (guessing spread over many addresses): a wait of at most a minute, so an attacker
//    gets about one try a minute and the real user, at worst, waits that minute;
//  - the address for every ID (spraying one password over many IDs): at most 30 seconds, so a hospital behind
//    one address is slowed, never shut out.
// Failures older than the window are forgotten.
constexpr std::int64_t throttle_window_ms = 15 * minute_ms;
struct ThrottleRule { std::string_view prefix; int free_failures; std::int64_t max_delay_ms; };
constexpr ThrottleRule throttle_login_from_ip{"login-ip:", 5, 15 * minute_ms};
constexpr ThrottleRule throttle_login{"login:", 10, minute_ms};
constexpr ThrottleRule throttle_ip{"ip:", 30, 30'000};

//! The delay after `failures` failures under `rule`: 0 for the free ones, then 2 s, 4 s, 8 s … up to the cap.
std::int64_t throttle_delay_ms(const ThrottleRule& rule, int failures) {
  if (failures < rule.free_failures) return 0;
  const int doublings = std::min(failures - rule.free_failures, 30);
  return std::min(rule.max_delay_ms, std::int64_t{2000} << doublings);
}

std::string throttle_key(const ThrottleRule& rule, const std::string& login, const std::string& ip) {
  if (rule.prefix == throttle_login_from_ip.prefix) return std::string(rule.prefix) + login + "|" + ip;
  return std::string(rule.prefix) + (rule.prefix == throttle_ip.prefix ? ip : login);
}
constexpr std::int64_t reset_token_ms = 30 * minute_ms;       // SPEC.md: valid 30 minutes
constexpr std::int64_t verify_token_ms = 24 * 60 * minute_ms;
constexpr std::int64_t invite_token_ms = 72 * 60 * minute_ms;

struct RoleInfo { Role role; std::string_view code, name_ja; std::optional<OrgKind> kind; };
constexpr std::array<RoleInfo, 7> role_table{{
    {Role::seeker, "seeker", "求職者", std::nullopt},
    {Role::facility, "facility", "医療機関", OrgKind::facility},
    {Role::aggregator, "aggregator", "とりまとめ団体", OrgKind::aggregator},
    {Role::coordinator, "coordinator", "コーディネーター", OrgKind::coordinator_org},
    {Role::secretariat, "secretariat", "事務局", OrgKind::secretariat},
    {Role::career_center, "career_center", "地域医療支援センター", OrgKind::career_center},
    {Role::workenv_center, "workenv_center", "勤務環境改善支援センター", OrgKind::workenv_center},
}};

struct KindInfo { OrgKind kind; std::string_view code, name_ja; };
constexpr std::array<KindInfo, 6> kind_table{{
    {OrgKind::facility, "facility", "医療機関"},
    {OrgKind::aggregator, "aggregator", "とりまとめ団体"},
    {OrgKind::coordinator_org, "coordinator_org", "コーディネート団体"},
    {OrgKind::secretariat, "secretariat", "事務局"},
    {OrgKind::career_center, "career_center", "地域医療支援センター"},
    {OrgKind::workenv_center, "workenv_center", "勤務環境改善支援センター"},
}};

const Error invalid_credentials{401, "invalid_credentials", "ユーザIDまたはパスワードが正しくありません。", {}};
constexpr std::string_view second_factor_prompt = "認証アプリに表示されている6桁の確認コードを入力してください。";
const Error invalid_second_factor{401, "invalid_second_factor",
                                  "確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください。",
                                  {{"code", "確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください。"}}};

// What a restricted session may do: read who it is, log out, and set up the second factor.
bool allowed_while_restricted(const http::Request& r) {
  return (r.method == "GET" && r.path == "/api/v1/me") ||
         (r.method == "DELETE" && (r.path == "/api/v1/session" || r.path == "/api/v1/sessions")) ||
         (r.method == "POST" && (r.path == "/api/v1/me/second-factor" || r.path == "/api/v1/me/second-factor/confirm"));
}
const Error invalid_token{400, "invalid_token",
                          "このリンクは無効か、有効期限が切れています。お手数ですが、最初からやり直してください。", {}};

// Verifying against a fixed hash when the ID is unknown keeps the response time the same, so timing does
// not reveal which IDs exist.
const std::string& decoy_hash() {
  static const std::string h = crypto::hash_password("decoy-password-never-matches");
  return h;
}


std::string normalise_login(std::string_view login) { return text::ascii_lower(text::trim(login)); }

bool is_valid_login_id(std::string_view id) {
  if (id.size() < 4 || id.size() > 32) return false;
  for (unsigned char ch : id)
    if (!(std::islower(ch) || std::isdigit(ch) || ch == '-' || ch == '_' || ch == '.')) return false;
  return true;
}

Result<store::Pool::Lease> connect(store::Pool& pool) { return pool.acquire(); }

}  // namespace

std::optional<Role> parse_role(std::string_view code) {
  for (const auto& r : role_table)
    if (r.code == code) return r.role;
  return std::nullopt;
}
std::string_view role_code(Role role) { return role_table[static_cast<int>(role)].code; }
std::string_view role_name_ja(Role role) { return role_table[static_cast<int>(role)].name_ja; }
std::optional<OrgKind> org_kind_for_role(Role role) { return role_table[static_cast<int>(role)].kind; }
std::optional<OrgKind> parse_org_kind(std::string_view code) {
  for (const auto& k : kind_table)
    if (k.code == code) return k.kind;
  return std::nullopt;
}
std::string_view org_kind_code(OrgKind kind) { return kind_table[static_cast<int>(kind)].code; }
std::string_view org_kind_name_ja(OrgKind kind) { return kind_table[static_cast<int>(kind)].name_ja; }

audit::Actor actor_of(const CurrentUser& c) { return {c.user.id, c.user.login, c.ip}; }

Result<void> require_role(const CurrentUser& current, std::initializer_list<Role> roles) {
  for (Role r : roles)
    if (current.user.role == r) return {};
  return fail(errors::forbidden());
}

Result<LoginResult> Service::login(std::string_view raw_login, std::string_view password, const std::string& ip,
                                   std::optional<std::string_view> code) {
  const std::string login = normalise_login(raw_login);
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  const auto now = now_ms();
  KH_TRY_VOID(check_throttle(c, login, ip));

  auto stored = KH_TRY(repo::find_user_by_login(c, login));
  const bool password_ok = crypto::verify_password(
      stored && stored->password_hash ? *stored->password_hash : decoy_hash(), password);
  // A failure counts against the ID and the address alike, whether the password or the second factor failed:
  // six digits would fall to guessing without the same throttle.
  const auto user_id = stored ? std::optional(stored->user.id) : std::nullopt;
  if (!stored || !password_ok || stored->user.status == "disabled" || stored->user.status == "invited") {
    KH_TRY_VOID(record_failure(c, login, ip, user_id, "login_failed"));
    return fail(invalid_credentials);
  }
  if (stored->user.status == "pending")
    return fail(Error{403, "email_not_verified",
                      "メールアドレスの確認が完了していません。登録時に送信したメールのリンクを開いてください。", {}});

  std::optional<std::int64_t> accepted_step;
  if (stored->user.second_factor) {
    if (!code || text::trim(*code).empty())
      return fail(Error{401, "second_factor_required", std::string(second_factor_prompt), {{"code", std::string(second_factor_prompt)}}});
    auto factor = KH_TRY(repo::find_second_factor(c, stored->user.id));
    accepted_step = factor ? totp::matching_step(factor->secret, text::trim(*code), now) : std::nullopt;
    // A code works once: one already used (or older than one used) is refused like a wrong one.
    if (accepted_step && factor && *accepted_step <= factor->last_step) accepted_step.reset();
    if (!accepted_step) {
      KH_TRY_VOID(record_failure(c, login, ip, user_id, "second_factor_failed"));
      return fail(invalid_second_factor);
    }
  }

  LoginResult result;
  result.session_token = crypto::random_token();
  result.current = {stored->user, crypto::digest(result.session_token), crypto::random_token(24), ip};
  result.current.restricted = !stored->user.second_factor && second_factor_required(stored->user);
  auto opened = store::in_transaction(c, [&]() -> Result<bool> {
    if (accepted_step && !KH_TRY(repo::accept_second_factor_step(c, stored->user.id, *accepted_step))) return false;
    // The right password ends the ID's slowdown (not the address's: other IDs may be sprayed from there).
    KH_TRY_VOID(repo::throttle_clear(c, throttle_key(throttle_login, login, ip)));
    KH_TRY_VOID(repo::throttle_clear(c, throttle_key(throttle_login_from_ip, login, ip)));
    KH_TRY_VOID(repo::insert_session(c, result.current.session_digest, stored->user.id, result.current.csrf_token, now,
                                     now + settings_.session_absolute_ms, ip));
    KH_TRY_VOID(audit::record(c, actor_of(result.current), "login", "user", stored->user.id));
    return true;
  });
  if (!opened) return fail(opened.error());
  if (!*opened) {  // the same code, used by a request a moment earlier
    KH_TRY_VOID(record_failure(c, login, ip, user_id, "second_factor_failed"));
    return fail(invalid_second_factor);
  }
  return result;
}

Result<void> Service::check_throttle(store::Connection& c, const std::string& login, const std::string& ip) {
  const auto now = now_ms();
  std::int64_t wait_ms = 0;
  for (const auto* rule : {&throttle_login_from_ip, &throttle_login, &throttle_ip}) {
    const auto state = KH_TRY(repo::throttle_state(c, throttle_key(*rule, login, ip), now - throttle_window_ms));
    if (state.failures > 0) wait_ms = std::max(wait_ms, state.last_failure_at + throttle_delay_ms(*rule, state.failures) - now);
  }
  if (wait_ms <= 0) return {};
  KH_TRY_VOID(audit::record(c, {std::nullopt, login, ip}, "login_throttled", "login", login));
  const auto seconds = (wait_ms + 999) / 1000;
  const std::string wait = seconds < 60 ? std::to_string(seconds) + "秒" : std::to_string((seconds + 59) / 60) + "分";
  auto e = errors::too_many("ログインの失敗が続いたため、次のログインまで" + wait +
                            "お待ちください。パスワードをお忘れの場合は「パスワードをお忘れですか？」から再設定できます。");
  e.retry_after_seconds = seconds;
  return fail(std::move(e));
}

Result<void> Service::record_failure(store::Connection& c, const std::string& login, const std::string& ip,
                                     const std::optional<std::string>& user_id, std::string_view event) {
  const auto now = now_ms();
  return store::in_transaction(c, [&]() -> Result<void> {
    for (const auto* rule : {&throttle_login_from_ip, &throttle_login, &throttle_ip})
      KH_TRY_VOID(repo::throttle_add_failure(c, throttle_key(*rule, login, ip), now, throttle_window_ms));
    return audit::record(c, {user_id, login, ip}, event, "login", login);
  });
}

Result<void> Service::logout(const CurrentUser& current) {
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::delete_session(c, current.session_digest));
    return audit::record(c, actor_of(current), "logout", "user", current.user.id);
  });
}

Result<void> Service::logout_everywhere(const CurrentUser& current) {
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::delete_sessions_of(c, current.user.id));
    return audit::record(c, actor_of(current), "logout_everywhere", "user", current.user.id);
  });
}

Result<CurrentUser> Service::authenticate(const http::Request& request) {
  auto token = request.cookie("kh_session");
  if (!token || token->empty()) return fail(errors::unauthorized());
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  const std::string digest = crypto::digest(*token);
  auto session = KH_TRY(repo::find_session(c, digest));
  const auto now = now_ms();
  if (!session || session->expires_at <= now || session->last_seen_at + settings_.session_idle_ms <= now)
    return fail(errors::unauthorized("ログインの有効期限が切れました。もう一度ログインしてください。"));
  if (request.is_unsafe_method()) {
    auto sent = request.header("x-csrf-token");
    if (!sent || !crypto::equal_constant_time(*sent, session->csrf_token))
      return fail(Error{403, "csrf_failed",
                        "画面の有効期限が切れました。ページを再読み込みしてから、もう一度お試しください。", {}});
  }
  auto stored = KH_TRY(repo::find_user_by_id(c, session->user_id));
  if (!stored || stored->user.status != "active") return fail(errors::unauthorized());
  // Idle time is tracked to the minute (or a quarter of a shorter idle limit): writing on every request would
  // turn every read into a write.
  if (now - session->last_seen_at > std::min(minute_ms, settings_.session_idle_ms / 4))
    KH_TRY_VOID(repo::touch_session(c, digest, now));
  // Decided per request from the role and the user's factor, not stored with the session: sessions opened
  // before the rule applied to the role (an upgrade, a configuration change) are held as well.
  const bool restricted = !stored->user.second_factor && second_factor_required(stored->user);
  if (restricted && !allowed_while_restricted(request))
    return fail(Error{403, "second_factor_setup_required",
                      "このアカウントでは二要素認証の設定が必要です。「アカウント設定」の画面で設定してください。", {}});
  return CurrentUser{std::move(stored->user), digest, session->csrf_token, request.remote_ip, restricted};
}

Result<std::optional<std::int64_t>> Service::session_valid_until(const std::string& session_digest) {
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  auto session = KH_TRY(repo::find_session(c, session_digest));
  if (!session) return std::optional<std::int64_t>{};
  auto stored = KH_TRY(repo::find_user_by_id(c, session->user_id));
  if (!stored || stored->user.status != "active") return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{std::min(session->expires_at, session->last_seen_at + settings_.session_idle_ms)};
}

Result<void> Service::register_seeker(std::string_view raw_name, std::string_view raw_email,
                                      std::string_view password, const std::string& ip) {
  const std::string name = text::trim(raw_name);
  const std::string email = normalise_login(raw_email);
  std::map<std::string, std::string> problems;
  if (name.empty()) problems["name"] = json::msg_required("氏名");
  else if (text::length(name) > 100) problems["name"] = json::msg_too_long("氏名", 100);
  if (email.empty()) problems["email"] = json::msg_required("メールアドレス");
  else if (!text::is_plausible_email(email)) problems["email"] = json::msg_invalid("メールアドレス");
  if (auto rule = check_password_rules(password, email)) problems["password"] = *rule;
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));

  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  const auto now = now_ms();
  const std::string hash = crypto::hash_password(password);
  // Registration sends mail to any address typed in: limit it per address and per client, so the form
  // cannot be used to flood someone's inbox.
  const std::string address_key = "register:" + email, client_key = "register-ip:" + ip;
  if (KH_TRY(repo::throttle_failures(c, client_key, now - 60 * minute_ms)) >= 20)
    return fail(errors::too_many("登録の申請が続いたため、一時的に受付を制限しています。時間をおいて再度お試しください。"));
  const bool address_saturated = KH_TRY(repo::throttle_failures(c, address_key, now - 60 * minute_ms)) >= 3;
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::throttle_add_failure(c, client_key, now, 60 * minute_ms));
    if (address_saturated) return audit::record(c, {std::nullopt, email, ip}, "registration_throttled", "login", email);
    KH_TRY_VOID(repo::throttle_add_failure(c, address_key, now, 60 * minute_ms));
    auto existing = KH_TRY(repo::find_user_by_login(c, email));
    if (existing && existing->user.status != "pending") {
      // Answer as if new (no account enumeration); the owner learns by mail that the address is taken.
      KH_TRY_VOID(mail::enqueue(c, {email, "【かけはし】登録済みのメールアドレスです",
                                    "このメールアドレスは既に「かけはし」に登録されています。\n"
                                    "パスワードをお忘れの場合は、次の画面から再設定してください。\n" +
                                        settings_.public_url + "/password/forgot\n\n"
                                    "お心当たりがない場合は、このメールを破棄してください。\n"}));
      return audit::record(c, {std::nullopt, email, ip}, "registration_duplicate", "user", existing->user.id);
    }
    std::string user_id;
    std::string addressee = name;
    if (existing) {
      // Still waiting for verification: the pending account is not touched (a stranger typing the same address
      // must not set its name or password, nor spoil the first link). The owner gets the verification again, for
      // the account as first registered; the answer is the same as for a new address.
      user_id = existing->user.id;
      addressee = existing->user.display_name;
    } else {
      User u;
      u.id = crypto::new_id("usr");
      u.login = email;
      u.email = email;
      u.display_name = name;
      u.role = Role::seeker;
      u.status = "pending";
      u.created_at_ms = now;
      KH_TRY_VOID(repo::insert_user(c, u, hash));
      user_id = u.id;
      KH_TRY_VOID(store::append_change(c, "user", user_id, "create"));
    }
    const std::string token = crypto::random_token();
    KH_TRY_VOID(repo::insert_token(c, crypto::digest(token), user_id, "verify", now, now + verify_token_ms));
    KH_TRY_VOID(mail::enqueue(c, {email, "【かけはし】メールアドレスの確認",
                                  addressee + " 様\n\n「かけはし」への登録ありがとうございます。\n"
                                  "次のリンクを開いて、メールアドレスの確認を完了してください（有効期限24時間）。\n" +
                                      settings_.public_url + "/verify?token=" + token +
                                      "\n\nお心当たりがない場合は、このメールを破棄してください。\n"}));
    return audit::record(c, {user_id, email, ip}, existing ? "registration_resent" : "registration", "user", user_id);
  });
}

Result<User> Service::add_verified_seeker(store::Connection& c, std::string_view raw_name, std::string_view raw_email,
                                          std::string_view password) {
  const std::string name = text::trim(raw_name);
  const std::string email = normalise_login(raw_email);
  std::map<std::string, std::string> problems;
  if (name.empty()) problems["name"] = json::msg_required("氏名");
  else if (text::length(name) > 100) problems["name"] = json::msg_too_long("氏名", 100);
  if (!text::is_plausible_email(email)) problems["email"] = json::msg_invalid("メールアドレス");
  if (auto rule = check_password_rules(password, email)) problems["password"] = *rule;
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));
  if (KH_TRY(repo::find_user_by_login(c, email)))
    return fail(errors::conflict("account_exists", "このメールアドレスのアカウントがすでにあります。ログインしてから、もう一度リンクを開いてください。"));
  User u;
  u.id = crypto::new_id("usr");
  u.login = email;
  u.email = email;
  u.display_name = name;
  u.role = Role::seeker;
  u.status = "active";
  u.created_at_ms = now_ms();
  KH_TRY_VOID(repo::insert_user(c, u, crypto::hash_password(password)));
  KH_TRY_VOID(store::append_change(c, "user", u.id, "create"));
  return u;
}

Result<void> Service::verify_email(std::string_view token, const std::string& ip) {
  if (token.empty() || token.size() > 200) return fail(invalid_token);
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> {
    auto user_id = KH_TRY(repo::consume_token(c, crypto::digest(token), {"verify"}, now_ms()));
    if (!user_id) return fail(invalid_token);
    KH_TRY_VOID(repo::set_user_status(c, *user_id, "active"));
    KH_TRY_VOID(store::append_change(c, "user", *user_id, "update"));
    return audit::record(c, {*user_id, std::nullopt, ip}, "email_verified", "user", *user_id);
  });
}

Result<void> Service::request_password_reset(std::string_view raw_login, const std::string& ip) {
  const std::string login = normalise_login(raw_login);
  if (login.empty()) return fail(errors::validation({{"login", json::msg_required("ユーザID または メールアドレス")}}));
  if (login.size() > 254) return {};
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  const auto now = now_ms();
  // The request only queues: the same two statements whether the ID exists or not, so neither the answer nor
  // its timing says which IDs exist. answer_password_reset_requests() looks the ID up a moment later.
  const std::string client_key = "reset-ip:" + ip;
  if (KH_TRY(repo::throttle_failures(c, client_key, now - 60 * minute_ms)) >= 30) return {};
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::throttle_add_failure(c, client_key, now, 60 * minute_ms));
    KH_TRY(c.execute("INSERT INTO password_reset_requests (id, login, ip, created_at) VALUES ($1, $2, $3, $4)",
                     {crypto::new_id("rst"), login, ip, now}));
    return {};
  });
}

Result<int> Service::answer_password_reset_requests() {
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  int answered = 0;
  for (int i = 0; i < 20; ++i) {
    auto next = KH_TRY(c.execute("SELECT id, login, ip FROM password_reset_requests ORDER BY created_at, id LIMIT 1"));
    if (next.rows.empty()) break;
    const std::string id = next.rows[0].text(0), login = next.rows[0].text(1), ip = next.rows[0].text(2);
    const auto now = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      // Deleting claims the request: with several processes, only the one whose delete took the row answers it.
      if (KH_TRY(c.execute("DELETE FROM password_reset_requests WHERE id = $1", {id})).affected != 1) return {};
      ++answered;
      auto stored = KH_TRY(repo::find_user_by_login(c, login));
      if (!stored || stored->user.status == "disabled" || stored->user.status == "pending")
        return audit::record(c, {std::nullopt, login, ip}, "password_reset_unknown", "login", login);
      // At most five reset mails an hour per ID, so the form cannot be used to flood someone's inbox.
      const std::string key = "reset:" + login;
      if (KH_TRY(repo::throttle_failures(c, key, now - 60 * minute_ms)) >= 5)
        return audit::record(c, {stored->user.id, login, ip}, "password_reset_throttled", "user", stored->user.id);
      KH_TRY_VOID(repo::throttle_add_failure(c, key, now, 60 * minute_ms));
      KH_TRY_VOID(repo::expire_tokens_of(c, stored->user.id, "reset", now));
      const std::string token = crypto::random_token();
      KH_TRY_VOID(repo::insert_token(c, crypto::digest(token), stored->user.id, "reset", now, now + reset_token_ms));
      KH_TRY_VOID(mail::enqueue(c, {stored->user.email, "【かけはし】パスワード再設定のご案内",
                                    stored->user.display_name + " 様\n\n"
                                    "パスワード再設定の申請を受け付けました。\n"
                                    "次のリンクを開いて、新しいパスワードを設定してください（有効期限30分、1回限り有効）。\n" +
                                        settings_.public_url + "/password/reset?token=" + token +
                                        "\n\nユーザID: " + stored->user.login +
                                        "\n\nお心当たりがない場合は、このメールを破棄してください。"
                                        "パスワードは変更されません。\n"}));
      return audit::record(c, {stored->user.id, login, ip}, "password_reset_requested", "user", stored->user.id);
    }));
  }
  return answered;
}

Result<void> Service::confirm_password_reset(std::string_view token, std::string_view password, const std::string& ip) {
  if (token.empty() || token.size() > 200) return fail(invalid_token);
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  const auto now = now_ms();
  return store::in_transaction(c, [&]() -> Result<void> {
    auto user_id = KH_TRY(repo::consume_token(c, crypto::digest(token), {"reset", "invite"}, now));
    if (!user_id) return fail(invalid_token);
    auto stored = KH_TRY(repo::find_user_by_id(c, *user_id));
    // A link mailed before the user was stopped must not let them back in.
    if (!stored || stored->user.status == "disabled") return fail(invalid_token);
    // A broken rule rolls the transaction back, so the link stays usable for a second try.
    if (auto rule = check_password_rules(password, stored->user.login))
      return fail(errors::validation({{"password", *rule}}));
    KH_TRY_VOID(repo::update_user_password(c, *user_id, crypto::hash_password(password), "active"));
    KH_TRY_VOID(repo::delete_sessions_of(c, *user_id));  // a reset ends every session, including a thief's
    KH_TRY_VOID(repo::throttle_clear(c, throttle_key(throttle_login, stored->user.login, ip)));
    KH_TRY_VOID(store::append_change(c, "user", *user_id, "update"));
    return audit::record(c, {*user_id, stored->user.login, ip}, "password_reset", "user", *user_id);
  });
}

Result<void> Service::change_password(const CurrentUser& current, std::string_view current_password,
                                      std::string_view new_password) {
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  auto stored = KH_TRY(repo::find_user_by_id(c, current.user.id));
  if (!stored || !stored->password_hash || !crypto::verify_password(*stored->password_hash, current_password))
    return fail(errors::validation({{"current_password", "「現在のパスワード」が正しくありません。"}}));
  if (auto rule = check_password_rules(new_password, current.user.login))
    return fail(errors::validation({{"new_password", *rule}}));
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::update_user_password(c, current.user.id, crypto::hash_password(new_password), "active"));
    KH_TRY_VOID(repo::delete_other_sessions(c, current.user.id, current.session_digest));
    return audit::record(c, actor_of(current), "password_changed", "user", current.user.id);
  });
}

Result<std::string> Service::set_mail_notices(const CurrentUser& current, const boost::json::object& body) {
  if (current.user.role == Role::seeker)
    return fail(errors::forbidden("求職者の方の通知の受け取り方は「希望条件」の画面で設定します。"));
  json::FieldReader f(body);
  const auto value = f.required_string("mail_notices", "メールでの通知", 20);
  if (!value.empty() && value != "immediate" && value != "daily" && value != "off")
    f.add_error("mail_notices", "「メールでの通知」は immediate（すぐに）、daily（1日1回まとめて）、off（送らない）のいずれかです。");
  KH_TRY_VOID(f.finish());
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::update_mail_notices(c, current.user.id, value));
    return audit::record(c, actor_of(current), "mail_notices_changed", "user", current.user.id, value);
  }));
  return value;
}

Result<User> Service::set_user_status(const CurrentUser& actor, const std::string& user_id, std::string_view status) {
  KH_TRY_VOID(require_role(actor, {Role::secretariat}));
  if (status != "disabled" && status != "active")
    return fail(errors::validation({{"status", "「状態」は disabled（利用停止）または active（利用中）で指定してください。"}}));
  if (user_id == actor.user.id)
    return fail(errors::validation({{"status", "自分自身の利用は停止できません。ほかの事務局ユーザに依頼してください。"}}));
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  auto stored = KH_TRY(repo::find_user_by_id(c, user_id));
  if (!stored) return fail(errors::not_found("指定されたユーザは見つかりません。"));
  if (stored->user.status == "pending")
    return fail(errors::conflict("user_pending", "メールアドレスの確認が済んでいないユーザの状態は変更できません。"));
  // Let in again: a user who never set a password goes back to waiting for it.
  const std::string next = status == "disabled" ? "disabled" : stored->password_hash ? "active" : "invited";
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::set_user_status(c, user_id, next));
    if (next == "disabled") KH_TRY_VOID(repo::delete_sessions_of(c, user_id));
    return audit::record(c, actor_of(actor), next == "disabled" ? "user_disabled" : "user_enabled", "user", user_id,
                         stored->user.login);
  }));
  stored->user.status = next;
  return stored->user;
}

Result<std::vector<User>> Service::list_users() {
  auto lease = KH_TRY(connect(pool_));
  return repo::list_users(*lease);
}

Result<User> Service::issue_user(const CurrentUser& actor, const NewStaffUser& f) {
  KH_TRY_VOID(require_role(actor, {Role::secretariat}));
  const std::string login = normalise_login(f.login);
  const std::string name = text::trim(f.display_name);
  const std::string email = normalise_login(f.email);
  std::map<std::string, std::string> problems;
  if (login.empty()) problems["login"] = json::msg_required("ユーザID");
  else if (!is_valid_login_id(login))
    problems["login"] = "「ユーザID」は半角英小文字・数字・記号（- _ .）の4〜32文字で入力してください。";
  if (name.empty()) problems["display_name"] = json::msg_required("氏名");
  else if (text::length(name) > 100) problems["display_name"] = json::msg_too_long("氏名", 100);
  if (email.empty()) problems["email"] = json::msg_required("メールアドレス");
  else if (!text::is_plausible_email(email)) problems["email"] = json::msg_invalid("メールアドレス");
  const auto role = parse_role(f.role);
  if (!role || *role == Role::seeker)
    problems["role"] = f.role.empty() ? json::msg_required("ロール") : json::msg_invalid("ロール");
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  std::optional<Organisation> org;
  if (f.organisation_id.empty()) problems["organisation_id"] = json::msg_required("所属組織");
  else {
    org = KH_TRY(repo::find_organisation(c, f.organisation_id));
    if (!org) problems["organisation_id"] = json::msg_invalid("所属組織");
    else if (role && org_kind_for_role(*role) != org->kind)
      problems["organisation_id"] = "選択したロールはこの種別の組織には所属できません。";
  }
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));

  User u{crypto::new_id("usr"), login, email, name, *role, "invited", {*org}, now_ms()};
  auto issued = store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::insert_user(c, u, std::nullopt));
    KH_TRY_VOID(repo::add_membership(c, u.id, org->id));
    const std::string token = crypto::random_token();
    KH_TRY_VOID(repo::insert_token(c, crypto::digest(token), u.id, "invite", u.created_at_ms,
                                   u.created_at_ms + invite_token_ms));
    KH_TRY_VOID(mail::enqueue(c, {email, "【かけはし】ユーザIDのお知らせ",
                                  name + " 様\n\n" + org->name + " のユーザIDを発行しました。\n\nユーザID: " + login +
                                      "\n\n次のリンクを開いて、パスワードを設定してください（有効期限72時間）。\n" +
                                      settings_.public_url + "/password/reset?token=" + token + "\n"}));
    KH_TRY_VOID(store::append_change(c, "user", u.id, "create"));
    return audit::record(c, actor_of(actor), "user_issued", "user", u.id, login + " (" + std::string(role_code(*role)) + ")");
  });
  if (!issued) {
    if (issued.error().code == store::unique_violation)
      return fail(errors::validation({{"login", "このユーザIDはすでに使われています。"}}));
    return fail(issued.error());
  }
  return u;
}

Result<User> Service::add_user_with_password(std::string_view raw_login, std::string_view password,
                                             std::string_view role_text, std::string_view organisation_name,
                                             std::string_view prefecture, std::string_view raw_email,
                                             std::string_view display_name) {
  const std::string login = normalise_login(raw_login);
  const auto role = parse_role(role_text);
  if (!role) return fail(errors::validation({{"role", json::msg_invalid("ロール")}}));
  if (*role == Role::seeker ? !text::is_plausible_email(login) : !is_valid_login_id(login))
    return fail(errors::validation({{"login", json::msg_invalid("ユーザID")}}));
  if (auto rule = check_password_rules(password, login)) return fail(errors::validation({{"password", *rule}}));
  const auto kind = org_kind_for_role(*role);
  if (kind && organisation_name.empty())
    return fail(errors::validation({{"organisation", json::msg_required("所属組織")}}));
  if (kind && !reference::find_prefecture(prefecture))
    return fail(errors::validation({{"prefecture", json::msg_invalid("都道府県")}}));
  const std::string email = raw_email.empty() ? (*role == Role::seeker ? login : login + "@kakehashi.invalid")
                                              : normalise_login(raw_email);
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  User u{crypto::new_id("usr"), login, email, display_name.empty() ? login : std::string(display_name), *role,
         "active", {}, now_ms()};
  auto added = store::in_transaction(c, [&]() -> Result<void> {
    if (kind) {
      auto org = KH_TRY(repo::find_organisation_by_name(c, organisation_name, prefecture));
      if (!org) {
        org = Organisation{crypto::new_id("org"), std::string(organisation_name), *kind, std::string(prefecture), u.created_at_ms};
        KH_TRY_VOID(repo::insert_organisation(c, *org));
        KH_TRY_VOID(store::append_change(c, "organisation", org->id, "create"));
      }
      u.organisations.push_back(*org);
    }
    KH_TRY_VOID(repo::insert_user(c, u, crypto::hash_password(password)));
    for (const auto& o : u.organisations) KH_TRY_VOID(repo::add_membership(c, u.id, o.id));
    KH_TRY_VOID(store::append_change(c, "user", u.id, "create"));
    return audit::record(c, {std::nullopt, "operator", "cli"}, "user_added_by_operator", "user", u.id, login);
  });
  if (!added) {
    if (added.error().code == store::unique_violation)
      return fail(errors::validation({{"login", "このユーザIDはすでに使われています。"}}));
    return fail(added.error());
  }
  return u;
}

Result<std::optional<User>> Service::find_user(const std::string& user_id) {
  auto lease = KH_TRY(connect(pool_));
  auto stored = KH_TRY(repo::find_user_by_id(*lease, user_id));
  if (!stored) return std::optional<User>{};
  return std::optional<User>{std::move(stored->user)};
}

Result<std::string> Service::person_label(const std::string& id_or_login) {
  auto lease = KH_TRY(connect(pool_));
  auto stored = KH_TRY(repo::find_user_by_id(*lease, id_or_login));
  if (!stored) stored = KH_TRY(repo::find_user_by_login(*lease, id_or_login));
  if (!stored) return std::string("（削除されたユーザ）");
  return accounts::person_label(stored->user);
}

Result<std::vector<User>> Service::members_of(const std::string& organisation_id) {
  auto lease = KH_TRY(connect(pool_));
  return repo::members_of(*lease, organisation_id);
}

Result<std::optional<CurrentUser>> Service::act_as(std::string_view login) {
  auto lease = KH_TRY(connect(pool_));
  auto stored = KH_TRY(repo::find_user_by_login(*lease, normalise_login(login)));
  if (!stored || stored->user.status != "active") return std::optional<CurrentUser>{};
  return std::optional<CurrentUser>{CurrentUser{std::move(stored->user), "", "", "system"}};
}

Result<std::vector<std::string>> Service::add_seekers_bulk(
    const std::vector<std::pair<std::string, std::string>>& email_and_name, std::string_view password) {
  const std::string hash = crypto::hash_password(password);  // once: Argon2id is slow on purpose
  auto lease = KH_TRY(connect(pool_));
  auto& c = *lease;
  std::vector<std::string> ids;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    const auto now = now_ms();
    for (const auto& [email, name] : email_and_name) {
      User u{crypto::new_id("usr"), normalise_login(email), normalise_login(email), name, Role::seeker, "active", {}, now};
      KH_TRY_VOID(repo::insert_user(c, u, hash));
      KH_TRY_VOID(store::append_change(c, "user", u.id, "create"));
      ids.push_back(u.id);
    }
    return {};
  }));
  return ids;
}

}  // namespace kh::accounts
