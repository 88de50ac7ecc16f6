// HTTP endpoints of the accounts module (docs/openapi.yaml: tags "session", "accounts", "organisations").
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "audit/routes.h"
#include "core/json.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"

namespace kh::accounts {
namespace bj = boost::json;
namespace {

bj::array strings(const std::vector<std::string>& list) {
  bj::array out;
  for (const auto& x : list) out.push_back(bj::string(x));
  return out;
}

bj::value optional(const std::optional<std::string>& v) { return v ? bj::value(*v) : bj::value(nullptr); }

bj::object organisation_json(const Organisation& o) {
  return {{"id", o.id}, {"name", o.name}, {"kind", org_kind_code(o.kind)}, {"kind_name", org_kind_name_ja(o.kind)},
          {"prefecture", o.prefecture}, {"municipality", optional(o.municipality)}, {"address", optional(o.address)},
          {"categories", strings(o.categories)}, {"areas", strings(o.areas)},
          {"created_at", format_iso8601_jst(o.created_at_ms)}};
}

//! The organisation fields of a body; wrong JSON types are reported here, the rules by the service.
Result<OrganisationFields> organisation_fields(const bj::object& o) {
  json::FieldReader f(o);
  OrganisationFields out;
  out.name = f.optional_string("name", "名称", 200);
  out.kind = f.optional_string("kind", "種別", 40);
  out.prefecture = f.optional_string("prefecture", "都道府県", 10);
  out.municipality = f.optional_string("municipality", "市区町村", 10);
  out.address = f.optional_string("address", "所在地（町名・番地）", 400);
  out.categories = f.optional_string_list("categories", "担当する職種", 20);
  out.areas = f.optional_string_list("areas", "担当する二次医療圏", 50);
  KH_TRY_VOID(f.finish());
  return out;
}

bj::object user_json(const User& u) {
  bj::array orgs;
  for (const auto& o : u.organisations) orgs.push_back(organisation_json(o));
  return {{"id", u.id}, {"login", u.login}, {"email", u.email}, {"display_name", u.display_name},
          {"role", role_code(u.role)}, {"role_name", role_name_ja(u.role)}, {"status", u.status},
          {"organisations", std::move(orgs)}, {"second_factor_enabled", u.second_factor}};
}

bj::object me_json(const Service& s, const CurrentUser& c) {
  auto user = user_json(c.user);
  // A facility's postal code, derived from its address: the new posting form starts from the whole address.
  auto& orgs = user["organisations"].as_array();
  for (std::size_t i = 0; i < c.user.organisations.size() && i < orgs.size(); ++i) {
    const auto& o = c.user.organisations[i];
    if (o.kind != OrgKind::facility) continue;
    auto code = s.postal_code_of(o);
    orgs[i].as_object()["postal_code"] = code && *code ? bj::value(**code) : bj::value(nullptr);
  }
  user["second_factor"] = {{"enabled", c.user.second_factor}, {"required", s.second_factor_required(c.user)}};
  if (c.user.role != Role::seeker) user["mail_notices"] = c.user.mail_notices;
  return {{"user", std::move(user)}, {"csrf_token", c.csrf_token}, {"second_factor_setup_required", c.restricted}};
}

std::string session_cookie(const http::Request& req, const Settings& settings, const std::string& value,
                           std::int64_t max_age_s) {
  std::string cookie = "kh_session=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_s);
  if (req.secure || settings.secure_cookies) cookie += "; Secure";
  return cookie;
}

std::string string_field(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

//! Reads a body's string fields with per-field messages; nullopt-free: missing strings read as empty.
Result<bj::object> body(const http::Request& req) { return http::json_body(req); }

//! One page of a list, as every list of the API answers (SPEC.md "API conventions": page, per_page, total).
//! Up to 500 per page: the web app fills its organisation select with one request.
template <class T>
http::Response page_json(const http::Request& req, const std::vector<T>& list, bj::object (*render)(const T&)) {
  const int page = audit::page_param(req, "page", 1, 100000), per_page = audit::page_param(req, "per_page", 50, 500);
  bj::array items;
  const auto begin = std::min(list.size(), static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(per_page));
  const auto end = std::min(list.size(), begin + static_cast<std::size_t>(per_page));
  for (auto i = begin; i < end; ++i) items.push_back(render(list[i]));
  return http::json_response(200, bj::object{{"items", std::move(items)}, {"total", list.size()}, {"page", page},
                                             {"per_page", per_page}});
}

}  // namespace

void register_routes(http::Router& router, Service& s) {
  // Rule: anyone; the credentials decide (a caller with a session just gets a second one).
  router.add("POST", "/api/v1/session", [&s](http::Request& req) {
    auto o = body(req);
    if (!o) return http::error_response(o.error());
    json::FieldReader f(*o);
    const auto login = f.required_string("login", "ユーザID または メールアドレス", 254);
    // Passwords are not trimmed: a space can be part of one.
    const std::string password = string_field(*o, "password");
    if (password.empty()) f.add_error("password", json::msg_required("パスワード"));
    const auto code = f.optional_string("code", "確認コード", 20);
    if (auto ok = f.finish(); !ok) return http::error_response(ok.error());
    auto result = s.login(login, password, req.remote_ip, code ? std::optional<std::string_view>(*code) : std::nullopt);
    if (!result) return http::error_response(result.error());
    auto res = http::json_response(200, me_json(s, result->current));
    res.header("Set-Cookie", session_cookie(req, s.settings(), result->session_token,
                                            s.settings().session_absolute_ms / 1000));
    return res;
  });

  // Rule: any logged-in user, for their own session only.
  router.add("DELETE", "/api/v1/session", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      if (auto r = s.logout(c); !r) return http::error_response(r.error());
      return http::no_content().header("Set-Cookie", session_cookie(req, s.settings(), "", 0));
    });
  });

  // Rule: any logged-in user, for their own user's sessions only.
  router.add("DELETE", "/api/v1/sessions", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      if (auto r = s.logout_everywhere(c); !r) return http::error_response(r.error());
      return http::no_content().header("Set-Cookie", session_cookie(req, s.settings(), "", 0));
    });
  });

  // Rule: any logged-in user (also a restricted session), about themselves.
  router.add("GET", "/api/v1/me", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) { return http::json_response(200, me_json(s, c)); });
  });

  // Rule: any logged-in user, for their own password (the current one is checked).
  router.add("PUT", "/api/v1/me/password", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto o = body(req);
      if (!o) return http::error_response(o.error());
      auto r = s.change_password(c, string_field(*o, "current_password"), string_field(*o, "new_password"));
      return r ? http::json_response(200, bj::object{{"status", "password_changed"}}) : http::error_response(r.error());
    });
  });

  // Rule: any logged-in member of staff (every role but seeker: 403, their choice is the profile's notify), for
  // themselves: how notices reach them by mail.
  router.add("PUT", "/api/v1/me/mail-notices", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto o = body(req);
      if (!o) return http::error_response(o.error());
      auto r = s.set_mail_notices(c, *o);
      return r ? http::json_response(200, bj::object{{"mail_notices", *r}}) : http::error_response(r.error());
    });
  });

  // Rule: any logged-in user (also a restricted session), for themselves.
  router.add("POST", "/api/v1/me/second-factor", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto start = s.start_second_factor(c);
      if (!start) return http::error_response(start.error());
      return http::json_response(201, bj::object{{"secret", start->secret}, {"otpauth_uri", start->otpauth_uri}});
    });
  });

  // Rule: any logged-in user (also a restricted session), for themselves.
  router.add("POST", "/api/v1/me/second-factor/confirm", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto o = body(req);
      if (!o) return http::error_response(o.error());
      auto r = s.confirm_second_factor(c, string_field(*o, "code"));
      return r ? http::json_response(200, bj::object{{"enabled", true}}) : http::error_response(r.error());
    });
  });

  // Rule: any logged-in user, for themselves; roles in second_factor_roles get 403.
  router.add("POST", "/api/v1/me/second-factor/disable", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto o = body(req);
      if (!o) return http::error_response(o.error());
      auto r = s.disable_second_factor(c, string_field(*o, "password"), string_field(*o, "code"));
      return r ? http::json_response(200, bj::object{{"enabled", false}}) : http::error_response(r.error());
    });
  });

  // Rule: the secretariat only; any user except the caller.
  router.add("PATCH", "/api/v1/users/{id}", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto o = body(req);
      if (!o) return http::error_response(o.error());
      json::FieldReader f(*o);
      const auto status = f.required_string("status", "状態", 20);
      if (auto ok = f.finish(); !ok) return http::error_response(ok.error());
      auto u = s.set_user_status(c, req.param("id"), status);
      return u ? http::json_response(200, user_json(*u)) : http::error_response(u.error());
    });
  });

  // Rule: the secretariat only; any user.
  router.add("DELETE", "/api/v1/users/{id}/second-factor", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto r = s.reset_second_factor(c, req.param("id"));
      return r ? http::no_content() : http::error_response(r.error());
    });
  });

  // Rule: anyone (the session cookie is ignored).
  router.add("POST", "/api/v1/registrations", [&s](http::Request& req) {
    auto o = body(req);
    if (!o) return http::error_response(o.error());
    json::FieldReader f(*o);
    const auto name = f.optional_string("name", "氏名", 100).value_or("");
    const auto email = f.optional_string("email", "メールアドレス", 254).value_or("");
    if (auto ok = f.finish(); !ok) return http::error_response(ok.error());
    auto r = s.register_seeker(name, email, string_field(*o, "password"), req.remote_ip);
    return r ? http::json_response(202, bj::object{{"status", "verification_sent"}}) : http::error_response(r.error());
  });

  // Rule: anyone holding the mailed token.
  router.add("POST", "/api/v1/registrations/verify", [&s](http::Request& req) {
    auto o = body(req);
    if (!o) return http::error_response(o.error());
    auto r = s.verify_email(string_field(*o, "token"), req.remote_ip);
    return r ? http::json_response(200, bj::object{{"status", "verified"}}) : http::error_response(r.error());
  });

  // Rule: anyone (the session cookie is ignored).
  router.add("POST", "/api/v1/password-resets", [&s](http::Request& req) {
    auto o = body(req);
    if (!o) return http::error_response(o.error());
    // The ID is stored with the queued request and in the audit log: it goes through the one reader.
    json::FieldReader f(*o);
    const auto login = f.optional_string("login", "ユーザID または メールアドレス", 254).value_or("");
    if (auto ok = f.finish(); !ok) return http::error_response(ok.error());
    auto r = s.request_password_reset(login, req.remote_ip);
    return r ? http::json_response(202, bj::object{{"status", "accepted"}}) : http::error_response(r.error());
  });

  // Rule: anyone holding the mailed token.
  router.add("POST", "/api/v1/password-resets/confirm", [&s](http::Request& req) {
    auto o = body(req);
    if (!o) return http::error_response(o.error());
    const auto password = string_field(*o, "password");
    if (password.empty()) return http::error_response(errors::validation({{"password", json::msg_required("パスワード")}}));
    auto r = s.confirm_password_reset(string_field(*o, "token"), password, req.remote_ip);
    return r ? http::json_response(200, bj::object{{"status", "password_set"}}) : http::error_response(r.error());
  });

  // Rule: the secretariat only.
  router.add("GET", "/api/v1/organisations", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      if (auto ok = require_role(c, {Role::secretariat}); !ok) return http::error_response(ok.error());
      auto list = s.list_organisations();
      return list ? page_json(req, *list, &organisation_json) : http::error_response(list.error());
    });
  });

  // Rule: the secretariat only.
  router.add("POST", "/api/v1/organisations", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto o = body(req);
      if (!o) return http::error_response(o.error());
      auto fields = organisation_fields(*o);
      if (!fields) return http::error_response(fields.error());
      auto org = s.create_organisation(c, *fields);
      return org ? http::json_response(201, organisation_json(*org)) : http::error_response(org.error());
    });
  });

  // Rule: the secretariat only; any organisation.
  router.add("PATCH", "/api/v1/organisations/{id}", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto o = body(req);
      if (!o) return http::error_response(o.error());
      auto fields = organisation_fields(*o);
      if (!fields) return http::error_response(fields.error());
      auto org = s.update_organisation(c, req.param("id"), *fields);
      return org ? http::json_response(200, organisation_json(*org)) : http::error_response(org.error());
    });
  });

  // Rule: the secretariat only.
  router.add("GET", "/api/v1/users", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      if (auto ok = require_role(c, {Role::secretariat}); !ok) return http::error_response(ok.error());
      auto list = s.list_users();
      return list ? page_json(req, *list, &user_json) : http::error_response(list.error());
    });
  });

  // Rule: the secretariat only.
  router.add("POST", "/api/v1/users", [&s](http::Request& req) {
    return with_user(s, req, [&](const CurrentUser& c) {
      auto o = body(req);
      if (!o) return http::error_response(o.error());
      // Names and addresses go through the one reader (control and bidirectional characters are refused there);
      // the service then checks what is required and the ID's form.
      json::FieldReader f(*o);
      const auto display_name = f.optional_string("display_name", "氏名", 100).value_or("");
      const auto email = f.optional_string("email", "メールアドレス", 254).value_or("");
      const auto login = f.optional_string("login", "ユーザID", 64).value_or("");
      if (auto ok = f.finish(); !ok) return http::error_response(ok.error());
      auto u = s.issue_user(c, {login, display_name, email, string_field(*o, "role"), string_field(*o, "organisation_id")});
      return u ? http::json_response(201, user_json(*u)) : http::error_response(u.error());
    });
  });
}

}  // namespace kh::accounts
