#pragma once
//! Accounts: organisations, users and roles, sessions with CSRF protection, seeker self-registration with
//! e-mail verification, password rules and resets, login throttling. Other modules use `authenticate` and
//! the role checks below; nothing else of this module's tables.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; class Connection; }
namespace kh::http { struct Request; class Router; }
namespace kh::reference { class Catalogue; }
namespace kh::audit { struct Actor; }

namespace kh::accounts {

enum class Role { seeker, facility, aggregator, coordinator, secretariat, career_center, workenv_center };
std::optional<Role> parse_role(std::string_view code);
std::string_view role_code(Role role);
std::string_view role_name_ja(Role role);

//! Organisation kinds; each staff role belongs to organisations of one kind.
enum class OrgKind { facility, aggregator, coordinator_org, secretariat, career_center, workenv_center };
std::optional<OrgKind> parse_org_kind(std::string_view code);
std::string_view org_kind_code(OrgKind kind);
std::string_view org_kind_name_ja(OrgKind kind);
//! The organisation kind a staff role must belong to (nullopt for seekers, who belong to none).
std::optional<OrgKind> org_kind_for_role(Role role);

struct Organisation {
  std::string id;
  std::string name;
  OrgKind kind;
  std::string prefecture;  //!< JIS X 0401 code
  std::int64_t created_at_ms = 0;
  std::optional<std::string> municipality;  //!< 6-digit local-government code (facilities: for the bed board)
  std::optional<std::string> address;       //!< street address within the municipality
  //! Coordinating organisations: the job categories they cover in their prefecture; empty = every category.
  std::vector<std::string> categories;
  //! Aggregators: the 二次医療圏 of their prefecture they serve (a 保健所's area); empty = the whole prefecture.
  std::vector<std::string> areas;
};

//! What the secretariat gives to create or change an organisation. Absent = unchanged (on update).
struct OrganisationFields {
  std::optional<std::string> name, kind, prefecture, municipality, address;
  std::optional<std::vector<std::string>> categories, areas;
};

struct User {
  std::string id;
  std::string login;
  std::string email;
  std::string display_name;
  Role role;
  std::string status;  //!< pending (e-mail not verified), invited (no password yet), active, disabled
  std::vector<Organisation> organisations;
  std::int64_t created_at_ms = 0;
  bool second_factor = false;  //!< a confirmed TOTP second factor
  //! Staff: how notices reach them by mail — immediate, daily (the digest) or off (in the app only). A seeker's
  //! choice is their profile's `notify` instead.
  std::string mail_notices = "immediate";
};

// Scope rules of SPEC.md "Roles", in one place: every module asks these rather than comparing prefectures.
//! Whether a coordinating organisation covers work of `category` in `prefecture` (coverage = prefecture ×
//! job categories).
bool covers(const Organisation& o, std::string_view prefecture, std::string_view category);
//! The user's organisation that covers this work as a coordinator (nullptr when none, or not a coordinator).
const Organisation* covering_organisation(const User& user, std::string_view prefecture, std::string_view category);
//! 「吉田 修（栃木県地域医療支援センター）」: a person as people read them — the name and the first organisation.
std::string person_label(const User& user);
//! The places an aggregator organisation serves: the 二次医療圏 codes it names, or else its prefecture code.
//! (Prefecture codes have 2 digits and area codes 4, so one list holds both without confusion.)
std::vector<std::string> places_served(const Organisation& o);

//! The logged-in user of one request.
struct CurrentUser {
  User user;
  std::string session_digest;
  std::string csrf_token;
  std::string ip;
  //! The role must have a second factor and has none yet: the session may only set one up.
  bool restricted = false;
};

struct Settings {
  std::string public_url = "http://127.0.0.1:8080";  //!< base of links in mails
  std::int64_t session_idle_ms = 2LL * 3600 * 1000;    //!< a session unused this long expires
  std::int64_t session_absolute_ms = 12LL * 3600 * 1000;
  bool secure_cookies = false;                         //!< force Secure even when the request looks plain HTTP
  //! Roles that must log in with a TOTP second factor (configuration `second_factor_roles`).
  std::vector<Role> second_factor_roles;
};

//! The start of a second-factor enrolment: what the authenticator app needs.
struct SecondFactorStart {
  std::string secret;       //!< base32, for typing in
  std::string otpauth_uri;  //!< for the QR code
};

//! What a successful login returns: the user, and the raw session token for the cookie.
struct LoginResult {
  CurrentUser current;
  std::string session_token;
};

//! New staff user fields, as the secretariat (or the operator's CLI) gives them.
struct NewStaffUser {
  std::string login;
  std::string display_name;
  std::string email;
  std::string role;
  std::string organisation_id;
};

class Service {
 public:
  //! The catalogue checks organisations' municipalities, categories and areas.
  Service(store::Pool& pool, Settings settings, const reference::Catalogue& catalogue)
      : pool_(pool), settings_(std::move(settings)), catalogue_(catalogue) {}

  //! `code`: the TOTP code, needed when the user has a second factor (401 second_factor_required without it).
  Result<LoginResult> login(std::string_view login, std::string_view password, const std::string& ip,
                            std::optional<std::string_view> code = std::nullopt);
  Result<void> logout(const CurrentUser& current);
  Result<void> logout_everywhere(const CurrentUser& current);
  //! The session of a request; for unsafe methods also checks the X-CSRF-Token header.
  Result<CurrentUser> authenticate(const http::Request& request);
  //! Answers queued password-reset requests (a mail with a link for an existing ID, an audit line for any); run
  //! in the background of every process. Returns how many were answered.
  Result<int> answer_password_reset_requests();
  //! When the session expires if it is not used again (the earlier of its absolute and idle limits); nullopt when
  //! it no longer exists or its user may no longer log in. Open event streams close at that time.
  Result<std::optional<std::int64_t>> session_valid_until(const std::string& session_digest);

  Result<void> register_seeker(std::string_view name, std::string_view email, std::string_view password,
                               const std::string& ip);
  Result<void> verify_email(std::string_view token, const std::string& ip);
  //! Always succeeds from the caller's point of view: whether the ID exists is never revealed.
  Result<void> request_password_reset(std::string_view login, const std::string& ip);
  Result<void> confirm_password_reset(std::string_view token, std::string_view password, const std::string& ip);
  Result<void> change_password(const CurrentUser& current, std::string_view current_password,
                               std::string_view new_password);
  //! A member of staff chooses how notices reach them by mail (`mail_notices`: immediate, daily, off). Seekers
  //! choose in their profile (`notify`) and get a 400 here.
  Result<std::string> set_mail_notices(const CurrentUser& current, const boost::json::object& body);

  // Second factor (second_factor.cpp).
  bool second_factor_required(const User& user) const;
  Result<SecondFactorStart> start_second_factor(const CurrentUser& current);
  Result<void> confirm_second_factor(const CurrentUser& current, std::string_view code);
  Result<void> disable_second_factor(const CurrentUser& current, std::string_view password, std::string_view code);
  //! The secretariat stops a user (left the organisation, misuse) or lets them in again; stopping ends their
  //! sessions at once. `status`: "disabled" or "active".
  Result<User> set_user_status(const CurrentUser& actor, const std::string& user_id, std::string_view status);
  //! The secretariat removes a user's second factor (a lost phone); the user's sessions end.
  Result<void> reset_second_factor(const CurrentUser& actor, const std::string& user_id);

  Result<Organisation> create_organisation(const CurrentUser& actor, const OrganisationFields& fields);
  //! Changes name, place (facilities), covered categories (coordinating organisations) or areas (aggregators);
  //! kind and prefecture stay. Takes effect on the members' next request.
  Result<Organisation> update_organisation(const CurrentUser& actor, const std::string& id, const OrganisationFields& fields);
  Result<std::vector<Organisation>> list_organisations();
  Result<std::optional<Organisation>> find_organisation(const std::string& id);
  //! Sets where an organisation is (the secretariat's correction, demo data); validated against the catalogue
  //! by the caller.
  //! A facility's postal code, derived from its municipality and address through the reference data (a new
  //! posting starts from the facility's whole address); none when the address does not tell it.
  Result<std::optional<std::string>> postal_code_of(const Organisation& organisation) const;
  Result<void> set_organisation_address(const std::string& organisation_id, const std::string& municipality,
                                        const std::string& address);
  //! Issues a staff ID and mails the user a link to set the first password.
  Result<User> issue_user(const CurrentUser& actor, const NewStaffUser& fields);
  Result<std::vector<User>> list_users();

  //! The operator's path (CLI `user add`): creates the organisation if needed and sets the password directly.
  Result<User> add_user_with_password(std::string_view login, std::string_view password, std::string_view role,
                                      std::string_view organisation_name, std::string_view prefecture,
                                      std::string_view email, std::string_view display_name);

  Result<std::optional<User>> find_user(const std::string& user_id);
  //! How people read who did something: 「氏名（組織名）」, or the name alone for someone without an organisation;
  //! never a login ID. `id_or_login` is a user id or a login (older records kept the login).
  Result<std::string> person_label(const std::string& id_or_login);
  //! Active users who belong to an organisation (to notify a facility's staff).
  Result<std::vector<User>> members_of(const std::string& organisation_id);
  //! An active user as a CurrentUser, for work done on a user's behalf by the system (demo data, imports).
  Result<std::optional<CurrentUser>> act_as(std::string_view login);
  //! A seeker account whose e-mail address is proven already (the caller mailed a one-time link to it and it was
  //! opened): active at once, written inside the caller's transaction on `c`. 409 account_exists when the address
  //! is taken (the owner should log in instead), 400 naming the field when the name or password breaks a rule.
  Result<User> add_verified_seeker(store::Connection& c, std::string_view name, std::string_view email, std::string_view password);
  //! Many verified seekers sharing one password, in one transaction (demo and load-test data only).
  Result<std::vector<std::string>> add_seekers_bulk(const std::vector<std::pair<std::string, std::string>>& email_and_name,
                                                    std::string_view password);

  const Settings& settings() const { return settings_; }

 private:
  //! The login throttle, for every check of a password or a code (login, second-factor changes): 429 when the
  //! ID or the address has failed too often lately; record_failure counts one more.
  Result<void> check_throttle(store::Connection& c, const std::string& login, const std::string& ip);
  Result<void> record_failure(store::Connection& c, const std::string& login, const std::string& ip,
                              const std::optional<std::string>& user_id, std::string_view event);
  //! Per-field problems of the place and scope fields for an organisation of this kind and prefecture.
  std::map<std::string, std::string> organisation_problems(const OrganisationFields& fields, OrgKind kind,
                                                           std::string_view prefecture) const;

  store::Pool& pool_;
  Settings settings_;
  const reference::Catalogue& catalogue_;
};

//! The user of a request as the audit log records them (who, under which ID, from where).
audit::Actor actor_of(const CurrentUser& current);

//! Fails with 403 unless the user has one of the roles.
Result<void> require_role(const CurrentUser& current, std::initializer_list<Role> roles);

//! The password rules of SPEC.md; returns the Japanese message for the first rule broken, or nullopt.
std::optional<std::string> check_password_rules(std::string_view password, std::string_view login);

void register_routes(http::Router& router, Service& service);

}  // namespace kh::accounts
