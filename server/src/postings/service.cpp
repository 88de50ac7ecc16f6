#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/time.h"
#include "postings/postings.h"
#include "postings/repo.h"
#include "reference/reference.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::postings {
namespace bj = boost::json;
namespace {

const Error not_found_error = errors::not_found("指定された募集は見つかりません。");

bool member_of(const accounts::CurrentUser& actor, const std::string& facility_id) {
  for (const auto& o : actor.user.organisations)
    if (o.id == facility_id) return true;
  return false;
}

//! Lifecycle: draft → published ⇄ paused → closed; closed is final.
bool allowed_transition(const std::string& from, const std::string& to) {
  if (from == to) return true;
  if (from == "draft") return to == "published" || to == "closed";
  if (from == "published") return to == "paused" || to == "closed";
  if (from == "paused") return to == "published" || to == "closed";
  return false;
}

}  // namespace

Result<void> apply_status(Posting& p, const bj::object& body, bool creating) {
  const auto* s = body.if_contains("status");
  if (!s) return {};
  if (!s->is_string()) return fail(errors::validation({{"status", "「状態」は文字列で指定してください。"}}));
  const std::string to(s->as_string());
  if (to != "draft" && to != "published" && to != "paused" && to != "closed")
    return fail(errors::validation({{"status", "「状態」は draft, published, paused, closed のいずれかです。"}}));
  if (creating && to != "draft" && to != "published")
    return fail(errors::validation({{"status", "新しい募集は下書き（draft）か公開（published）で登録してください。"}}));
  if (!creating && !allowed_transition(p.status, to))
    return fail(errors::validation({{"status", "この募集の状態はその状態に変更できません。"}}));
  if (to == "closed") {
    const auto* reason = body.if_contains("close_reason");
    const std::string r = reason && reason->is_string() ? std::string(reason->as_string()) : "";
    if (r != "filled" && r != "withdrawn")
      return fail(errors::validation({{"close_reason", "募集を終了する理由（filled: 充足 / withdrawn: 取下げ）を選んでください。"}}));
    p.close_reason = r;
  }
  p.status = to;
  return {};
}

namespace {

//! {"field": [old, new]} for every top-level or nested field that changed.
std::string diff(const bj::object& before, const bj::object& after) {
  bj::object changes;
  for (const auto& [key, value] : after) {
    if (key == "version" || key == "updated_at" || key == "published_at") continue;
    const bj::value* old = before.if_contains(key);
    if (value.is_object() && old && old->is_object()) {
      for (const auto& [k2, v2] : value.as_object()) {
        const bj::value* o2 = old->as_object().if_contains(k2);
        if (!o2 || *o2 != v2) changes[std::string(key) + "." + std::string(k2)] = bj::array{o2 ? *o2 : nullptr, v2};
      }
    } else if (!old || *old != value) {
      changes[key] = bj::array{old ? *old : nullptr, value};
    }
  }
  return bj::serialize(changes);
}

}  // namespace

Disclosure Service::disclosure(const Posting& p, const accounts::CurrentUser* viewer) const {
  const auto d = disclosure_for(p, viewer);
  if (d == Disclosure::masked && viewer && viewer->user.role == accounts::Role::seeker && match_established &&
      match_established(p.id, viewer->user.id))
    return Disclosure::full;
  return d;
}

Result<std::string> Service::facility_of(const accounts::CurrentUser& actor, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(actor, {accounts::Role::facility}));
  if (const auto* f = body.if_contains("facility_id"); f && f->is_string()) {
    if (!member_of(actor, std::string(f->as_string())))
      return fail(errors::validation({{"facility_id", "所属していない医療機関は指定できません。"}}));
    return std::string(f->as_string());
  }
  for (const auto& o : actor.user.organisations)
    if (o.kind == accounts::OrgKind::facility) return o.id;
  return fail(errors::forbidden("医療機関に所属していないため、募集を登録できません。"));
}

Result<Posting> Service::create(const accounts::CurrentUser& actor, const bj::object& body) {
  Posting p;
  p.facility_id = KH_TRY(facility_of(actor, body));
  for (const auto& o : actor.user.organisations)
    if (o.id == p.facility_id) p.facility_name = o.name;
  KH_TRY_VOID(apply_and_validate(p, body, catalogue_, true));
  KH_TRY_VOID(apply_status(p, body, true));
  p.id = crypto::new_id("pst");
  p.version = 1;
  p.created_at_ms = p.updated_at_ms = now_ms();
  if (p.status == "published") p.published_at_ms = p.created_at_ms;
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::insert(c, p, actor.user.id));
    KH_TRY_VOID(repo::insert_version(c, p.id, 1, actor.user.login, R"({"created":true})"));
    KH_TRY_VOID(store::append_change(c, "posting", p.id, "create"));
    return audit::record(c, accounts::actor_of(actor), "posting_created", "posting", p.id);
  }));
  return p;
}

Result<Posting> Service::update(const accounts::CurrentUser& actor, const std::string& id, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(actor, {accounts::Role::facility}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto existing = KH_TRY(repo::find(c, id));
  if (!existing || !member_of(actor, existing->facility_id)) return fail(not_found_error);
  if (existing->status == "closed")
    return fail(errors::conflict("posting_closed", "終了した募集は変更できません。新しい募集として登録してください。"));
  Posting p = *existing;
  KH_TRY_VOID(apply_and_validate(p, body, catalogue_, false));
  KH_TRY_VOID(apply_status(p, body, false));
  const auto before = to_json(*existing, Disclosure::full, catalogue_);
  const auto changes = diff(before, to_json(p, Disclosure::full, catalogue_));
  if (changes == "{}") return p;  // nothing changed: no new version
  p.version = existing->version + 1;
  p.updated_at_ms = now_ms();
  if (p.status == "published" && !p.published_at_ms) p.published_at_ms = p.updated_at_ms;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::update(c, p, actor.user.id));
    KH_TRY_VOID(repo::insert_version(c, p.id, p.version, actor.user.login, changes));
    KH_TRY_VOID(store::append_change(c, "posting", p.id, "update"));
    return audit::record(c, accounts::actor_of(actor), "posting_updated", "posting", p.id, "version " + std::to_string(p.version));
  }));
  return p;
}

Result<std::optional<Posting>> Service::find(const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  return repo::find(*lease, id);
}

Result<std::vector<Posting>> Service::list_for_facility(const accounts::CurrentUser& actor) {
  KH_TRY_VOID(accounts::require_role(actor, {accounts::Role::facility}));
  std::vector<std::string> ids;
  for (const auto& o : actor.user.organisations) ids.push_back(o.id);
  auto lease = KH_TRY(pool_.acquire());
  return repo::list_by_facilities(*lease, ids);
}

Result<std::vector<PostingVersion>> Service::versions(const accounts::CurrentUser& actor, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto p = KH_TRY(repo::find(*lease, id));
  if (!p || !(member_of(actor, p->facility_id) || actor.user.role == accounts::Role::secretariat)) return fail(not_found_error);
  return repo::list_versions(*lease, id);
}

Result<std::vector<Posting>> Service::all_published() {
  auto lease = KH_TRY(pool_.acquire());
  return repo::list_published(*lease);
}

Result<std::vector<Posting>> Service::of_facility(const std::string& facility_id) {
  auto lease = KH_TRY(pool_.acquire());
  return repo::list_by_facilities(*lease, {facility_id});
}

}  // namespace kh::postings
