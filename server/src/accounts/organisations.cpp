// Organisations and their scope (SPEC.md "Roles"): where a facility is, which job categories a coordinating
// organisation covers, which 二次医療圏 an aggregator serves. The scope helpers are the one place other modules
// ask; codes are checked against the reference catalogue.
#include <algorithm>

#include "accounts/accounts.h"
#include "accounts/repo.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "reference/reference.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::accounts {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

//! Codes once each, in the order given (a form may send a code twice).
std::vector<std::string> distinct(const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  for (const auto& c : codes)
    if (!contains(out, c)) out.push_back(c);
  return out;
}

//! The name's problem: required on creation, and never blank or over 100 characters when given.
std::optional<std::string> name_problem(const std::optional<std::string>& name, bool required) {
  if (!name) return required ? std::optional(json::msg_required("名称")) : std::nullopt;
  const auto trimmed = text::trim(*name);
  if (trimmed.empty()) return json::msg_required("名称");
  if (text::length(trimmed) > 100) return json::msg_too_long("名称", 100);
  return std::nullopt;
}

}  // namespace

std::string person_label(const User& u) {
  return u.organisations.empty() ? u.display_name : u.display_name + "（" + u.organisations.front().name + "）";
}

bool covers(const Organisation& o, std::string_view prefecture, std::string_view category) {
  return o.kind == OrgKind::coordinator_org && o.prefecture == prefecture &&
         (o.categories.empty() || contains(o.categories, category));
}

const Organisation* covering_organisation(const User& user, std::string_view prefecture, std::string_view category) {
  if (user.role != Role::coordinator) return nullptr;
  for (const auto& o : user.organisations)
    if (covers(o, prefecture, category)) return &o;
  return nullptr;
}

std::vector<std::string> places_served(const Organisation& o) {
  if (o.kind != OrgKind::aggregator) return {};
  return o.areas.empty() ? std::vector<std::string>{o.prefecture} : o.areas;
}

std::map<std::string, std::string> Service::organisation_problems(const OrganisationFields& f, OrgKind kind,
                                                                  std::string_view prefecture) const {
  std::map<std::string, std::string> problems;
  const auto only_for = [&](const char* field, const char* label, const char* kind_name) {
    problems[field] = std::string("「") + label + "」は" + kind_name + "の組織にだけ指定できます。";
  };
  if (f.municipality && !f.municipality->empty()) {
    if (kind != OrgKind::facility) only_for("municipality", "市区町村", "医療機関");
    else if (auto m = catalogue_.municipality(*f.municipality); !m || m->prefecture != prefecture)
      problems["municipality"] = "「市区町村」はこの組織の都道府県の市区町村コード（6桁）で指定してください。";
  }
  if (f.address && !f.address->empty()) {
    if (kind != OrgKind::facility) only_for("address", "所在地（町名・番地）", "医療機関");
    else if (text::length(*f.address) > 200) problems["address"] = json::msg_too_long("所在地（町名・番地）", 200);
  }
  if (f.categories && !f.categories->empty()) {
    if (kind != OrgKind::coordinator_org) only_for("categories", "担当する職種", "コーディネート団体");
    else
      for (const auto& code : *f.categories)
        if (!catalogue_.category(code)) {
          problems["categories"] = "「担当する職種」に登録されていない職種があります（" + code + "）。";
          break;
        }
  }
  if (f.areas && !f.areas->empty()) {
    if (kind != OrgKind::aggregator) only_for("areas", "担当する二次医療圏", "とりまとめ団体");
    else
      for (const auto& code : *f.areas)
        if (auto a = catalogue_.area(code); !a || a->prefecture != prefecture) {
          problems["areas"] = "「担当する二次医療圏」はこの組織の都道府県の二次医療圏から選んでください（" + code + "）。";
          break;
        }
  }
  return problems;
}

Result<Organisation> Service::create_organisation(const CurrentUser& actor, const OrganisationFields& f) {
  KH_TRY_VOID(require_role(actor, {Role::secretariat}));
  std::map<std::string, std::string> problems;
  const auto kind = parse_org_kind(f.kind.value_or(""));
  if (!kind) problems["kind"] = f.kind.value_or("").empty() ? json::msg_required("種別") : json::msg_invalid("種別");
  const std::string prefecture = f.prefecture.value_or("");
  if (!reference::find_prefecture(prefecture))
    problems["prefecture"] = prefecture.empty() ? json::msg_required("都道府県") : json::msg_invalid("都道府県");
  if (auto p = name_problem(f.name, true)) problems["name"] = *p;
  if (kind) problems.merge(organisation_problems(f, *kind, prefecture));
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));

  Organisation org{crypto::new_id("org"), text::trim(*f.name), *kind, prefecture, now_ms()};
  if (f.municipality && !f.municipality->empty()) org.municipality = *f.municipality;
  if (f.address && !f.address->empty()) org.address = text::trim(*f.address);
  org.categories = distinct(f.categories.value_or(std::vector<std::string>{}));
  org.areas = distinct(f.areas.value_or(std::vector<std::string>{}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto created = store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::insert_organisation(c, org));
    KH_TRY_VOID(store::append_change(c, "organisation", org.id, "create"));
    return audit::record(c, actor_of(actor), "organisation_created", "organisation", org.id, org.name);
  });
  if (!created) {
    if (created.error().code == store::unique_violation)
      return fail(errors::validation({{"name", "同じ都道府県に同じ名称の組織がすでに登録されています。"}}));
    return fail(created.error());
  }
  return org;
}

Result<Organisation> Service::update_organisation(const CurrentUser& actor, const std::string& id, const OrganisationFields& f) {
  KH_TRY_VOID(require_role(actor, {Role::secretariat}));
  auto found = KH_TRY(find_organisation(id));
  if (!found) return fail(errors::not_found("指定された組織は見つかりません。"));
  auto org = std::move(*found);
  std::map<std::string, std::string> problems;
  if (f.kind && *f.kind != org_kind_code(org.kind)) problems["kind"] = "「種別」は変更できません。新しい組織として登録してください。";
  if (f.prefecture && *f.prefecture != org.prefecture)
    problems["prefecture"] = "「都道府県」は変更できません。新しい組織として登録してください。";
  if (auto p = name_problem(f.name, false)) problems["name"] = *p;
  problems.merge(organisation_problems(f, org.kind, org.prefecture));
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));

  if (f.name) org.name = text::trim(*f.name);
  if (f.municipality) org.municipality = f.municipality->empty() ? std::nullopt : std::optional(*f.municipality);
  if (f.address) org.address = f.address->empty() ? std::nullopt : std::optional(text::trim(*f.address));
  if (f.categories) org.categories = distinct(*f.categories);
  if (f.areas) org.areas = distinct(*f.areas);
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto updated = store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::update_organisation(c, org));
    KH_TRY_VOID(store::append_change(c, "organisation", org.id, "update"));
    return audit::record(c, actor_of(actor), "organisation_updated", "organisation", org.id, org.name);
  });
  if (!updated) {
    if (updated.error().code == store::unique_violation)
      return fail(errors::validation({{"name", "同じ都道府県に同じ名称の組織がすでに登録されています。"}}));
    return fail(updated.error());
  }
  return org;
}

Result<std::vector<Organisation>> Service::list_organisations() {
  auto lease = KH_TRY(pool_.acquire());
  return repo::list_organisations(*lease);
}

Result<void> Service::set_organisation_address(const std::string& organisation_id, const std::string& municipality,
                                               const std::string& address) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::set_organisation_address(c, organisation_id, municipality, address));
    return store::append_change(c, "organisation", organisation_id, "update");
  });
}

Result<std::optional<std::string>> Service::postal_code_of(const Organisation& organisation) const {
  if (organisation.kind != OrgKind::facility || !organisation.municipality || !organisation.address) {
    return std::optional<std::string>{};
  }
  auto lease = KH_TRY(pool_.acquire());
  return reference::postal_code_for_address(*lease, *organisation.municipality, *organisation.address);
}

Result<std::optional<Organisation>> Service::find_organisation(const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  return repo::find_organisation(*lease, id);
}

}  // namespace kh::accounts
