#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/time.h"
#include "http/request.h"
#include "http/router.h"
#include "seekers/seekers.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::seekers {
namespace bj = boost::json;

Result<void> Service::load_handle_key() {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  // The first process to start creates the key; every other process (and every later start) reads the same one.
  KH_TRY(c.execute("INSERT INTO installation_secrets (name, value) VALUES ('seeker_handle_key', $1) ON CONFLICT (name) DO NOTHING",
                   {crypto::random_token(32)}));
  auto r = KH_TRY(c.execute("SELECT value FROM installation_secrets WHERE name = 'seeker_handle_key'"));
  if (r.rows.empty()) return fail(errors::internal("seeker handle key missing"));
  handle_key_ = r.rows[0].text(0);
  return {};
}

std::string Service::handle_for(std::string_view seeker_id, std::string_view facility_id) const {
  // 8 characters of base32 (40 bits) keep collisions among one facility's candidates negligible and the handle
  // short enough to read out on the phone.
  return "求職者-" + crypto::keyed_code(handle_key_, std::string(seeker_id) + "\n" + std::string(facility_id), 8);
}

Result<std::optional<Profile>> Service::find(const std::string& user_id) {
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT user_id, handle, profile, updated_at FROM seeker_profiles WHERE user_id = $1", {user_id}));
  if (r.rows.empty()) return std::optional<Profile>{};
  return std::optional<Profile>{Profile{r.rows[0].text(0), r.rows[0].text(1), r.rows[0].text(2), r.rows[0].integer(3)}};
}

Result<std::vector<Profile>> Service::all() {
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT p.user_id, p.handle, p.profile, p.updated_at FROM seeker_profiles p "
                                   "JOIN users u ON u.id = p.user_id WHERE u.status = 'active'"));
  std::vector<Profile> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back({row.text(0), row.text(1), row.text(2), row.integer(3)});
  return out;
}

namespace {
std::string new_handle() {
  // A handle says nothing about the person: random, upper case, easy to read out on the phone.
  std::string token = crypto::new_id("x").substr(2, 8);
  for (auto& ch : token) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return "求職者-" + token;
}
}  // namespace

Result<int> Service::save_many(const std::vector<std::pair<std::string, bj::object>>& user_and_profile) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    for (const auto& [user_id, body] : user_and_profile) {
      const auto validated = KH_TRY(validate_profile(body, catalogue_));
      KH_TRY(c.execute("INSERT INTO seeker_profiles (user_id, handle, profile, updated_at) VALUES ($1, $2, $3, $4)",
                       {user_id, new_handle(), bj::serialize(validated), now_ms()}));
      KH_TRY_VOID(store::append_change(c, "seeker_profile", user_id, "create"));
    }
    return {};
  }));
  return static_cast<int>(user_and_profile.size());
}

Result<Profile> Service::save(const accounts::CurrentUser& seeker, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(seeker, {accounts::Role::seeker}));
  const auto validated = KH_TRY(validate_profile(body, catalogue_));
  auto existing = KH_TRY(find(seeker.user.id));
  Profile p{seeker.user.id, existing ? existing->handle : "", bj::serialize(validated)};
  if (p.handle.empty()) p.handle = new_handle();
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    if (existing)
      KH_TRY(c.execute("UPDATE seeker_profiles SET profile = $2, updated_at = $3 WHERE user_id = $1", {p.user_id, p.json, now_ms()}));
    else
      KH_TRY(c.execute("INSERT INTO seeker_profiles (user_id, handle, profile, updated_at) VALUES ($1, $2, $3, $4)",
                       {p.user_id, p.handle, p.json, now_ms()}));
    KH_TRY_VOID(store::append_change(c, "seeker_profile", p.user_id, existing ? "update" : "create"));
    return audit::record(c, accounts::actor_of(seeker), "profile_saved", "user", p.user_id);
  }));
  return p;
}

void register_routes(http::Router& router, Service& seekers, accounts::Service& accounts) {
  auto render = [](const Profile& p) {
    auto o = bj::parse(p.json).as_object();
    o["handle"] = p.handle;
    return o;
  };
  // Rule: seekers, their own profile only.
  router.add("GET", "/api/v1/me/profile", [&, render](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    if (auto ok = accounts::require_role(*current, {accounts::Role::seeker}); !ok) return http::error_response(ok.error());
    auto p = seekers.find(current->user.id);
    if (!p) return http::error_response(p.error());
    if (!*p) return http::error_response(errors::not_found("希望条件はまだ登録されていません。"));
    return http::json_response(200, render(**p));
  });
  // Rule: seekers, their own profile only.
  router.add("PUT", "/api/v1/me/profile", [&, render](http::Request& req) {
    auto current = accounts.authenticate(req);
    if (!current) return http::error_response(current.error());
    auto body = http::json_body(req);
    if (!body) return http::error_response(body.error());
    auto saved = seekers.save(*current, *body);
    if (!saved) return http::error_response(saved.error());
    return http::json_response(200, render(*saved));
  });
}

}  // namespace kh::seekers
