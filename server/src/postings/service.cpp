#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/csv.h"
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

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> columns = {
      "title", "category", "specialty", "employment", "start_date", "end_date", "period_months", "weekdays", "hours",
      "full_time", "night_duty", "urgency", "positions", "duties", "requirements", "pay", "benefits",
      "training_agreed", "postal_code", "prefecture", "municipality", "street", "building", "area", "contact_name",
      "contact_location", "contact_phone", "contact_email", "masked", "status"};
  return columns;
}

Result<std::vector<Posting>> Service::import_csv(const accounts::CurrentUser& actor, std::string_view text) {
  const std::string facility_id = KH_TRY(facility_of(actor, {}));
  auto records = KH_TRY(csv::parse(text));
  if (records.size() < 2) return fail(errors::bad_request("CSVにデータ行がありません。1行目は見出しにしてください。"));
  const auto& columns = csv_columns();
  if (records.front() != columns) {
    std::string expected;
    for (const auto& h : columns) expected += (expected.empty() ? "" : ",") + h;
    return fail(errors::bad_request("CSVの1行目（見出し）は次のとおりにしてください: " + expected));
  }
  // Each row becomes the same JSON a form would send, so the CSV obeys exactly the form's rules.
  auto to_body = [](const std::vector<std::string>& row) {
    bj::object o, workplace, contact;
    const auto& cols = csv_columns();
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const auto& key = cols[i];
      const auto& v = row[i];
      if (v.empty()) continue;
      bj::value value = bj::string(v);
      if (key == "full_time" || key == "night_duty" || key == "training_agreed" || key == "masked") {
        if (v == "1" || v == "true" || v == "はい") value = true;
        else if (v == "0" || v == "false" || v == "いいえ") value = false;
      } else if (key == "period_months" || key == "positions") {
        try { std::size_t used; auto n = std::stoll(v, &used); if (used == v.size()) value = n; } catch (...) {}
      } else if (key == "weekdays") {
        bj::array days;
        std::size_t start = 0;
        while (start <= v.size()) {
          auto end = v.find_first_of(" ;/", start);
          if (end == std::string::npos) end = v.size();
          if (end > start) days.push_back(bj::string(v.substr(start, end - start)));
          start = end + 1;
        }
        value = std::move(days);
      }
      if (key.starts_with("contact_")) contact[key.substr(8)] = value;
      else if (key == "postal_code" || key == "prefecture" || key == "municipality" || key == "street" ||
               key == "building" || key == "area") workplace[key] = value;
      else o[key] = value;
    }
    o["workplace"] = std::move(workplace);
    o["contact"] = std::move(contact);
    if (!o.contains("masked")) o["masked"] = nullptr;  // required: a missing value is reported, not defaulted
    return o;
  };
  std::map<std::string, std::string> problems;
  std::vector<Posting> created;
  const auto now = now_ms();
  for (std::size_t i = 1; i < records.size(); ++i) {
    const std::string row = "row_" + std::to_string(i + 1);
    const std::string prefix = std::to_string(i + 1) + "行目: ";
    if (records[i].size() != columns.size()) {
      problems[row] = prefix + "列の数が" + std::to_string(columns.size()) + "ではありません。";
      continue;
    }
    const auto body = to_body(records[i]);
    Posting p;
    p.facility_id = facility_id;
    auto checked = apply_and_validate(p, body, catalogue_, true);
    if (checked) checked = apply_status(p, body, true);
    if (!checked) {
      std::string message = prefix;
      for (const auto& [field, text] : checked.error().fields) message += text + " ";
      problems[row] = message.substr(0, message.size() - 1);
      continue;
    }
    p.id = crypto::new_id("pst");
    p.version = 1;
    p.created_at_ms = p.updated_at_ms = now;
    if (p.status == "published") p.published_at_ms = now;
    created.push_back(std::move(p));
  }
  if (!problems.empty()) {
    Error e = errors::validation(std::move(problems));
    e.code = "import_failed";
    e.message = "CSVに誤りがあるため、1件も登録しませんでした。各行のメッセージを確認してください。";
    return fail(std::move(e));
  }
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    for (const auto& p : created) {
      KH_TRY_VOID(repo::insert(c, p, actor.user.id));
      KH_TRY_VOID(repo::insert_version(c, p.id, 1, actor.user.login, R"({"created":true,"source":"csv"})"));
      KH_TRY_VOID(store::append_change(c, "posting", p.id, "create"));
    }
    return audit::record(c, accounts::actor_of(actor), "postings_imported", "organisation", facility_id,
                         std::to_string(created.size()) + " rows");
  }));
  return created;
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
