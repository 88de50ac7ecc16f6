// Applications: creation, the pipeline, the match, and the disclosure rules for every viewer.
#include <boost/json.hpp>

#include <algorithm>

#include "accounts/accounts.h"
#include "applications/loaded.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/time.h"
#include "mail/mail.h"
#include "notify/notify.h"
#include "reference/prefectures.h"
#include "seekers/seekers.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::applications {
namespace bj = boost::json;
namespace {

struct StageInfo { const char* code; const char* name; };
constexpr StageInfo stages[] = {{"new", "新規"}, {"coordinating", "調整中"}, {"interview_scheduling", "面接調整"},
                                {"interviewed", "面接済"}, {"offered", "内定"}, {"hired", "採用"},
                                {"rejected", "不採用"}, {"declined", "辞退"}, {"withdrawn", "取下げ"}};
constexpr const char* kinds[] = {"inquiry", "application", "contact_request"};
constexpr const char* training_items[][2] = {{"infection_lecture", "感染管理（講義）"}, {"infection_practice", "感染管理（実技）"},
                                             {"safety_lecture", "医療安全（講義）"}};

//! What each move is called on its button, and — for the two that end an application from the seeker's side and
//! are easily confused — what it means (issue 11 item 12: 辞退する and 取り下げる stood side by side unexplained).
struct MoveText { const char* stage; const char* action; const char* meaning; };
constexpr MoveText move_texts[] = {
    {"coordinating", "調整中にする", nullptr},
    {"interview_scheduling", "面接調整にする", nullptr},
    {"interviewed", "面接済にする", nullptr},
    {"offered", "内定にする", nullptr},
    {"hired", "採用にする", nullptr},
    {"rejected", "不採用にする", nullptr},
    {"declined", "辞退する", "辞退：医療機関からの面接や内定の話を断ります。この応募は終了し、元に戻せません。"},
    {"withdrawn", "取り下げる", "取り下げ：応募・問い合わせそのものを取り消します。この応募は終了し、元に戻せません。"},
};
constexpr const char* all_stage_codes[] = {"new", "coordinating", "interview_scheduling", "interviewed", "offered",
                                           "hired", "rejected", "declined", "withdrawn"};

const Error not_found_error = errors::not_found("指定された応募・問い合わせは見つかりません。");

bool member_of(const accounts::CurrentUser& u, const std::string& org) {
  return std::any_of(u.user.organisations.begin(), u.user.organisations.end(), [&](const auto& o) { return o.id == org; });
}


}  // namespace

const char* stage_name(std::string_view stage) {
  for (const auto& s : stages)
    if (stage == s.code) return s.name;
  return "";
}

bool allowed_move(std::string_view from, std::string_view to, bool seeker, bool facility, bool coordinator, bool secretariat) {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> graph = {
      {"new", {"coordinating", "interview_scheduling", "rejected", "declined", "withdrawn"}},
      {"coordinating", {"interview_scheduling", "rejected", "declined", "withdrawn"}},
      {"interview_scheduling", {"interviewed", "rejected", "declined", "withdrawn"}},
      {"interviewed", {"offered", "rejected", "declined", "withdrawn"}},
      {"offered", {"hired", "declined", "withdrawn"}}};
  bool edge = false;
  for (const auto& [f, tos] : graph)
    if (f == from) edge = std::find(tos.begin(), tos.end(), to) != tos.end();
  if (!edge) return false;
  if (secretariat) return true;
  // The seeker decides only to decline or withdraw; the facility decides hiring; coordinators adjust.
  if (to == "declined" || to == "withdrawn") return seeker || coordinator;
  if (to == "hired" || to == "offered" || to == "rejected") return facility;
  return facility || coordinator;
}

bool Service::Loaded::sees_records(const accounts::CurrentUser& viewer) const {
  if (as_secretariat) return true;
  return as_coordinator && coordinator_org_id && member_of(viewer, *coordinator_org_id);
}

Result<Service::Loaded> Service::load(const accounts::CurrentUser& viewer, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute(
      "SELECT id, posting_id, seeker_id, kind, stage, message, consent, matched_at, matched_by, coordinator_org_id, "
      "created_at, updated_at FROM applications WHERE id = $1", {id}));
  if (r.rows.empty()) return fail(not_found_error);
  const auto& row = r.rows[0];
  Loaded a;
  a.id = row.text(0);
  a.posting_id = row.text(1);
  a.seeker_id = row.text(2);
  a.kind = row.text(3);
  a.stage = row.text(4);
  a.message = row.optional_text(5);
  a.consent = row.boolean(6);
  if (!row.is_null(7)) a.matched_at = row.integer(7);
  a.matched_by = row.optional_text(8);
  a.coordinator_org_id = row.optional_text(9);
  a.created_at = row.integer(10);
  a.updated_at = row.integer(11);
  auto posting = KH_TRY(postings_.find(a.posting_id));
  if (!posting) return fail(not_found_error);
  a.posting = std::move(*posting);
  a.as_seeker = viewer.user.id == a.seeker_id;
  a.as_facility = viewer.user.role == accounts::Role::facility && member_of(viewer, a.posting.facility_id);
  a.as_coordinator = accounts::covering_organisation(viewer.user, a.posting.workplace.prefecture, a.posting.category) != nullptr;
  a.as_secretariat = viewer.user.role == accounts::Role::secretariat;
  // Anyone else gets the same answer as for an id that does not exist.
  if (!(a.as_seeker || a.as_facility || a.as_coordinator || a.as_secretariat)) return fail(not_found_error);
  return a;
}

Result<bj::object> Service::render(const accounts::CurrentUser& viewer, const Loaded& a) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  // The posting: masked values reach the seeker only once the match is established.
  const auto disclosure = a.as_seeker ? (a.matched_at ? postings::Disclosure::full : postings::disclosure_for(a.posting, &viewer))
                                      : postings::disclosure_for(a.posting, &viewer);
  bj::object o{{"id", a.id}, {"kind", a.kind}, {"stage", a.stage}, {"stage_name", stage_name(a.stage)},
               {"message", a.message ? bj::value(*a.message) : nullptr}, {"consent", a.consent},
               {"matched", a.matched_at.has_value()}, {"created_at", format_iso8601_jst(a.created_at)},
               {"updated_at", format_iso8601_jst(a.updated_at)},
               {"posting", postings::to_json(a.posting, disclosure, postings_.catalogue())}};
  if (a.as_seeker && a.matched_at && a.posting.masked)
    KH_TRY_VOID(audit::record(c, accounts::actor_of(viewer), "disclosure", "posting", a.posting_id,
                              "masked posting details to the matched seeker (application " + a.id + ")"));

  // The seeker: pseudonymous unless rule 3 allows the identity to this viewer.
  auto profile = KH_TRY(seekers_.find(a.seeker_id));
  auto user = KH_TRY(accounts_.find_user(a.seeker_id));
  // Everyone on the application (facility, coordinators, secretariat) names the seeker by the handle the posting's
  // facility knows, so they can talk about one person; another facility never sees that handle.
  const auto handle = seekers_.handle_for(a.seeker_id, a.posting.facility_id);
  bj::object seeker = profile ? seekers::anonymous_json(*profile, handle) : bj::object{{"handle", handle}};
  const bool identity = a.as_seeker || a.as_secretariat || a.as_coordinator || (a.as_facility && a.identity_disclosed());
  if (identity && user) {
    // One name for the person wherever it is disclosed: the one in their profile (the account's display name
    // can be a login, for accounts an operator created); the account's only when there is no profile.
    seeker["name"] = user->display_name;
    seeker["email"] = user->email;
    if (profile) {
      if (auto name = seekers::profile_name(*profile)) seeker["name"] = *name;
      const auto doc = bj::parse(profile->json).as_object();
      for (const char* key : {"phone", "licences", "notes"})
        if (const auto* v = doc.if_contains(key)) seeker[key] = *v;
    }
    if (!a.as_seeker)  // rule 7: who saw whose what, when, why
      KH_TRY_VOID(audit::record(c, accounts::actor_of(viewer), "disclosure", "user", a.seeker_id,
                                "name, contact and licences on application " + a.id + " (" +
                                    (a.as_facility ? (a.matched_at ? "match established" : "direct application with consent")
                                                   : "coordination") + ")"));
  }
  // The name the history gives the seeker, kept before the object moves into the answer.
  const std::string seeker_name = identity && seeker.contains("name") ? std::string(seeker.at("name").as_string()) : handle;
  o["seeker"] = std::move(seeker);

  // The moves this viewer may make now, by the same rule PATCH applies, each with what it is called and (辞退 and
  // 取下げ) what it means: one place for the rule and the words, for every client.
  bj::array moves;
  for (const auto* to : all_stage_codes) {
    if (!allowed_move(a.stage, to, a.as_seeker, a.as_facility, a.as_coordinator, a.as_secretariat)) continue;
    for (const auto& m : move_texts)
      if (std::string_view(m.stage) == to)
        moves.push_back({{"stage", to}, {"stage_name", stage_name(to)}, {"action", m.action},
                         {"description", m.meaning ? bj::value(m.meaning) : bj::value(nullptr)}});
  }
  o["moves"] = std::move(moves);

  auto events = KH_TRY(c.execute("SELECT at, actor_id, from_stage, to_stage, note FROM application_events WHERE application_id = $1 ORDER BY id", {a.id}));
  bj::array history;
  std::map<std::string, std::string> staff;  // actor id → 「氏名（組織名）」
  for (const auto& e : events.rows) {
    // Who moved it, by name and never by login, without giving away more than the viewer may know: the seeker
    // never sees staff names (they can name a masked facility); the seeker is their handle until disclosure.
    const std::string actor = e.text(1);
    std::string by;
    if (a.as_seeker) by = actor == viewer.user.id ? "あなた" : "担当者";
    else if (actor == a.seeker_id) by = seeker_name;
    else {
      if (!staff.contains(actor)) staff[actor] = KH_TRY(accounts_.person_label(actor));
      by = staff[actor];
    }
    history.push_back({{"at", format_iso8601_jst(e.integer(0))}, {"by", by},
                       {"from", e.is_null(2) ? bj::value(nullptr) : bj::value(e.text(2))}, {"to", e.text(3)},
                       {"to_name", stage_name(e.text(3))}});
  }
  o["events"] = std::move(history);

  auto trainings = KH_TRY(c.execute("SELECT item, hours, completed_on, recorded_by FROM trainings WHERE application_id = $1", {a.id}));
  bj::array training;
  for (const auto& [item, name] : training_items)
    for (const auto& t : trainings.rows)
      if (t.text(0) == item)
        training.push_back({{"item", item}, {"name", name}, {"hours", t.is_null(1) ? bj::value(nullptr) : bj::value(t.integer(1))},
                            {"completed_on", t.is_null(2) ? bj::value(nullptr) : bj::value(t.text(2))},
                            {"done", !t.is_null(2)}});
  o["training"] = std::move(training);

  auto interviews = KH_TRY(c.execute("SELECT id, status, slots, chosen_slot, duration_minutes, online, place FROM interviews "
                                     "WHERE application_id = $1 ORDER BY created_at", {a.id}));
  bj::array list;
  for (const auto& i : interviews.rows)
    list.push_back({{"id", i.text(0)}, {"status", i.text(1)}, {"slots", bj::parse(i.text(2))},
                    {"chosen_slot", i.is_null(3) ? bj::value(nullptr) : bj::value(i.text(3))},
                    {"duration_minutes", i.integer(4)}, {"online", i.boolean(5)},
                    {"place", i.is_null(6) ? bj::value(nullptr) : bj::value(i.text(6))}});
  o["interviews"] = std::move(list);
  o["can_see_records"] = a.sees_records(viewer);
  return o;
}

Result<void> Service::notify_parties(const Loaded& a, const std::string& actor_id, const std::string& kind,
                                     const std::string& title, const std::string& body, const std::string& dedupe) {
  std::vector<std::string> users{a.seeker_id};
  for (const auto& m : KH_TRY(accounts_.members_of(a.posting.facility_id))) users.push_back(m.id);
  if (a.coordinator_org_id)
    for (const auto& m : KH_TRY(accounts_.members_of(*a.coordinator_org_id))) users.push_back(m.id);
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> {
    for (const auto& u : users) {
      if (u == actor_id) continue;
      // The same words for everyone: the posting's public title only, never who the other side is.
      KH_TRY(notify::insert(c, {{}, u, kind, title, body, "/applications/" + a.id, 0, {}}, dedupe + ":" + u, notify::MailState::none));
    }
    return {};
  });
}

Result<bj::object> Service::create(const accounts::CurrentUser& seeker, const std::string& posting_id, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(seeker, {accounts::Role::seeker}));
  auto posting = KH_TRY(postings_.find(posting_id));
  if (!posting || posting->status != "published") return fail(errors::not_found("指定された募集は見つかりません。"));
  json::FieldReader f(body);
  const auto kind = f.required_string("kind", "種類", 30);
  if (!kind.empty() && std::find(std::begin(kinds), std::end(kinds), kind) == std::end(kinds))
    f.add_error("kind", "「種類」は inquiry（問い合わせ）, application（応募）, contact_request（コンタクト依頼）のいずれかです。");
  const auto message = f.optional_text("message", "メッセージ", 2000);
  const bool consent = f.optional_bool("consent", "個人情報の開示への同意").value_or(false);
  if (kind == "application" && !consent)
    f.add_error("consent", "応募するには、氏名・連絡先・免許情報を医療機関に開示することへの同意が必要です。");
  KH_TRY_VOID(f.finish());
  const std::string id = crypto::new_id("app");
  const auto now = now_ms();
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto created = store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO applications (id, posting_id, seeker_id, kind, stage, message, consent, created_at, updated_at) "
                     "VALUES ($1, $2, $3, $4, 'new', $5, $6, $7, $7)",
                     {id, posting_id, seeker.user.id, kind, store::optional_text(message && !message->empty() ? message : std::nullopt),
                      store::flag(consent), now}));
    KH_TRY(c.execute("INSERT INTO application_events (application_id, at, actor_id, actor_login, from_stage, to_stage) VALUES ($1, $2, $3, $4, NULL, 'new')",
                     {id, now, seeker.user.id, seeker.user.login}));
    KH_TRY_VOID(store::append_change(c, "application", id, "create"));
    return audit::record(c, accounts::actor_of(seeker), "application_created", "application", id, kind);
  });
  if (!created) {
    if (created.error().code == store::unique_violation)
      return fail(errors::conflict("already_applied", "この求人にはすでに応募・問い合わせをしています。「応募・問い合わせ」の画面から状況をご確認ください。"));
    return fail(created.error());
  }
  auto loaded = KH_TRY(load(seeker, id));
  const char* what = kind == "application" ? "応募" : kind == "inquiry" ? "問い合わせ" : "コンタクト依頼";
  KH_TRY_VOID(notify_parties(loaded, seeker.user.id, "application", std::string("新しい") + what + "があります",
                             "募集「" + posting->title + "」に" + what + "がありました。", "app:" + id + ":new"));
  // Contact requests go to the coordinators who cover the posting (its prefecture and job category).
  if (kind == "contact_request")
    for (const auto& org : KH_TRY(accounts_.list_organisations()))
      if (accounts::covers(org, posting->workplace.prefecture, posting->category))
        for (const auto& m : KH_TRY(accounts_.members_of(org.id)))
          KH_TRY(store::in_transaction(c, [&]() -> Result<bool> {
            return notify::insert_for_staff(c, m, {{}, m.id, "contact_request", "コンタクト依頼が届きました",
                                                   "募集「" + posting->title + "」について、求職者から調整の依頼があります。", "/coordination", 0, {}},
                                            "contact:" + id + ":" + m.id, settings_.public_url);
          }));
  return render(seeker, loaded);
}

Result<bj::object> Service::get(const accounts::CurrentUser& viewer, const std::string& id) {
  return render(viewer, KH_TRY(load(viewer, id)));
}

Result<bj::object> Service::list(const accounts::CurrentUser& viewer, const std::optional<std::string>& posting_id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  std::vector<std::string> ids;
  if (viewer.user.role == accounts::Role::seeker) {
    auto r = KH_TRY(c.execute("SELECT id FROM applications WHERE seeker_id = $1 ORDER BY updated_at DESC", {viewer.user.id}));
    for (const auto& row : r.rows) ids.push_back(row.text(0));
  } else {
    auto r = KH_TRY(c.execute("SELECT id FROM applications WHERE (CAST($1 AS TEXT) IS NULL OR posting_id = $1) ORDER BY updated_at DESC",
                              {store::optional_text(posting_id)}));
    for (const auto& row : r.rows) ids.push_back(row.text(0));
  }
  bj::array items;
  for (const auto& id : ids) {
    auto a = load(viewer, id);
    if (!a) continue;  // not this viewer's: skipped, never shown
    // The list is a summary: stage, posting title, the seeker's handle (identity only on the detail page).
    auto unread = KH_TRY(c.execute("SELECT COUNT(*) FROM messages m WHERE m.application_id = $1 AND m.author_id <> $2 AND m.created_at > "
                                   "COALESCE((SELECT read_at FROM message_reads r WHERE r.application_id = $1 AND r.user_id = $2), 0)",
                                   {id, viewer.user.id}));
    // The facility's name, except to the seeker of a masked posting before the match (masking rule 1).
    const bool facility_hidden = a->as_seeker && a->posting.masked && !a->matched_at;
    items.push_back({{"id", a->id}, {"kind", a->kind}, {"stage", a->stage}, {"stage_name", stage_name(a->stage)},
                     {"matched", a->matched_at.has_value()}, {"posting_id", a->posting_id}, {"posting_title", a->posting.title},
                     {"facility_name", facility_hidden ? bj::value(nullptr) : bj::value(a->posting.facility_name)},
                     {"handle", seekers_.handle_for(a->seeker_id, a->posting.facility_id)},
                     {"unread_messages", unread.rows[0].integer(0)},
                     {"updated_at", format_iso8601_jst(a->updated_at)}});
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

Result<bj::object> Service::move(const accounts::CurrentUser& actor, const std::string& id, const bj::object& body) {
  auto a = KH_TRY(load(actor, id));
  const auto* s = body.if_contains("stage");
  const std::string to = s && s->is_string() ? std::string(s->as_string()) : "";
  if (!*stage_name(to)) return fail(errors::validation({{"stage", "「段階」の指定が正しくありません。"}}));
  if (!allowed_move(a.stage, to, a.as_seeker, a.as_facility, a.as_coordinator, a.as_secretariat))
    return fail(errors::validation({{"stage", std::string("「") + stage_name(a.stage) + "」から「" + stage_name(to) + "」へは変更できません。"}}));
  const auto now = now_ms();
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto hire_mail = std::optional<mail::Message>{};
  if (to == "hired")
    if (auto u = KH_TRY(accounts_.find_user(a.seeker_id)))
      hire_mail = mail::Message{u->email, "【かけはし】採用結果通知",
                                u->display_name + " 様\n\n募集「" + a.posting.title + "」について、採用が決定しました。\n"
                                "採用の条件として、感染管理（講義・実技）と医療安全（講義）の研修（合計2時間程度）の受講が必要です。\n\n" +
                                    settings_.public_url + "/applications/" + id + "\n"};
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    auto moved = KH_TRY(c.execute("UPDATE applications SET stage = $2, updated_at = $3 WHERE id = $1 AND stage = $4", {id, to, now, a.stage}));
    if (moved.affected != 1) return fail(errors::conflict("stage_changed", "ほかの人が先に段階を変更しました。画面を再読み込みしてください。"));
    KH_TRY(c.execute("INSERT INTO application_events (application_id, at, actor_id, actor_login, from_stage, to_stage) VALUES ($1, $2, $3, $4, $5, $6)",
                     {id, now, actor.user.id, actor.user.login, a.stage, to}));
    if (to == "hired") {
      // Every hire through the platform must complete the training items; they stay open until recorded.
      for (const auto& [item, name] : training_items)
        KH_TRY(c.execute("INSERT INTO trainings (application_id, item) VALUES ($1, $2)", {id, std::string(item)}));
      if (hire_mail) KH_TRY_VOID(mail::enqueue(c, *hire_mail));
    }
    KH_TRY_VOID(store::append_change(c, "application", id, "update"));
    return audit::record(c, accounts::actor_of(actor), "application_stage", "application", id, a.stage + " -> " + to);
  }));
  a.stage = to;
  // 辞退 and 取下げ both end the application; the others on it are told which it was and what it means.
  std::string notice = "募集「" + a.posting.title + "」: " + stage_name(to);
  if (to == "declined") notice = "募集「" + a.posting.title + "」の応募は「辞退」で終了しました。医療機関からの面接や内定の話を断ったということです。";
  if (to == "withdrawn") notice = "募集「" + a.posting.title + "」の応募・問い合わせは「取下げ」で終了しました。応募・問い合わせそのものが取り消されたということです。";
  KH_TRY_VOID(notify_parties(a, actor.user.id, to == "hired" ? "hiring_result" : "application",
                             to == "hired" ? "採用結果通知" : std::string("応募の段階が「") + stage_name(to) + "」になりました",
                             notice, "app:" + id + ":" + to + ":" + std::to_string(now)));
  return render(actor, KH_TRY(load(actor, id)));
}

Result<bj::object> Service::establish_match(const accounts::CurrentUser& coordinator, const std::string& id) {
  auto a = KH_TRY(load(coordinator, id));
  if (!(a.as_coordinator || a.as_secretariat)) return fail(errors::forbidden("マッチングを成立させられるのはコーディネーターと事務局です。"));
  if (a.matched_at) return fail(errors::conflict("already_matched", "このマッチングはすでに成立しています。"));
  if (a.stage == "rejected" || a.stage == "declined" || a.stage == "withdrawn" || a.stage == "hired")
    return fail(errors::conflict("closed_application", "終了した応募ではマッチングを成立させられません。"));
  std::string org;
  if (const auto* o = accounts::covering_organisation(coordinator.user, a.posting.workplace.prefecture, a.posting.category)) org = o->id;
  else if (a.as_secretariat && !coordinator.user.organisations.empty()) org = coordinator.user.organisations.front().id;
  const auto now = now_ms();
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("UPDATE applications SET matched_at = $2, matched_by = $3, coordinator_org_id = COALESCE(coordinator_org_id, $4), "
                     "stage = CASE WHEN stage = 'new' THEN 'coordinating' ELSE stage END, updated_at = $2 WHERE id = $1",
                     {id, now, coordinator.user.id, org}));
    if (a.stage == "new")
      KH_TRY(c.execute("INSERT INTO application_events (application_id, at, actor_id, actor_login, from_stage, to_stage) VALUES ($1, $2, $3, $4, 'new', 'coordinating')",
                       {id, now, coordinator.user.id, coordinator.user.login}));
    KH_TRY_VOID(store::append_change(c, "application", id, "update"));
    // Rule 7: the disclosure itself is recorded, both ways.
    KH_TRY_VOID(audit::record(c, accounts::actor_of(coordinator), "match_established", "application", id));
    KH_TRY_VOID(audit::record(c, accounts::actor_of(coordinator), "disclosure", "user", a.seeker_id,
                              "seeker identity disclosed to facility " + a.posting.facility_id + " by match on " + id));
    return audit::record(c, accounts::actor_of(coordinator), "disclosure", "posting", a.posting_id,
                         "masked posting details disclosed to seeker " + a.seeker_id + " by match on " + id);
  }));
  auto loaded = KH_TRY(load(coordinator, id));
  KH_TRY_VOID(notify_parties(loaded, coordinator.user.id, "match", "マッチングが成立しました",
                             "募集「" + a.posting.title + "」のマッチングが成立しました。相手方の情報を確認できます。", "match:" + id));
  return render(coordinator, loaded);
}

bool Service::match_established(const std::string& posting_id, const std::string& seeker_id) {
  auto lease = pool_.acquire();
  if (!lease) return false;
  auto r = (*lease)->execute("SELECT 1 FROM applications WHERE posting_id = $1 AND seeker_id = $2 AND matched_at IS NOT NULL",
                             {posting_id, seeker_id});
  return r && !r->rows.empty();
}

Result<bj::object> Service::record_training(const accounts::CurrentUser& facility, const std::string& id, const std::string& item,
                                            const bj::object& body) {
  auto a = KH_TRY(load(facility, id));
  if (!a.as_facility && !a.as_secretariat) return fail(errors::forbidden("研修の記録は医療機関が行います。"));
  if (a.stage != "hired") return fail(errors::conflict("not_hired", "研修は採用が決まった応募についてのみ記録できます。"));
  json::FieldReader f(body);
  const auto hours = f.optional_integer("hours", "受講時間（時間）", 0, 24);
  const auto completed = f.optional_string("completed_on", "受講日", 10);
  if (!completed || completed->empty()) f.add_error("completed_on", json::msg_required("受講日"));
  else if (!is_valid_date(*completed)) f.add_error("completed_on", "「受講日」は YYYY-MM-DD の形式の実在する日付で入力してください。");
  KH_TRY_VOID(f.finish());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    auto r = KH_TRY(c.execute("UPDATE trainings SET hours = $3, completed_on = $4, recorded_by = $5 WHERE application_id = $1 AND item = $2",
                              {id, item, hours ? store::Param{*hours} : store::Param{nullptr}, *completed, facility.user.login}));
    if (r.affected != 1) return fail(errors::not_found("指定された研修項目はありません。"));
    KH_TRY_VOID(store::append_change(c, "application", id, "update"));
    return audit::record(c, accounts::actor_of(facility), "training_recorded", "application", id, item);
  }));
  return render(facility, KH_TRY(load(facility, id)));
}

}  // namespace kh::applications
