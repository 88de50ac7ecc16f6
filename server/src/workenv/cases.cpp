// Cases (相談・支援の案件) with their activity log, visits, and the centre's "what to do now" (workenv.h).
#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "store/database.h"
#include "workenv/choices.h"
#include "workenv/detail.h"
#include "workenv/repo.h"
#include "workenv/workenv.h"

namespace kh::workenv {
namespace bj = boost::json;
namespace wh = kh::workenv_hours;
namespace {

constexpr Choice case_kinds[] = {{"consultation", "相談"}, {"visit_support", "訪問支援"}, {"special_support", "特別支援"},
                                 {"briefing", "説明会"}};
constexpr Choice channels[] = {{"phone", "電話"}, {"email", "メール"}, {"visit", "来所・訪問"}, {"web", "ウェブ"},
                               {"event", "説明会・研修会"}, {"other", "その他"}};
constexpr Choice topics[] = {{"duty_permit", "宿日直"}, {"plan", "時短計画"}, {"evaluation", "評価受審"},
                             {"agreement_36", "36協定"}, {"interval", "勤務間インターバル"}, {"task_shift", "タスクシフト"},
                             {"interview", "面接指導"}, {"hours", "労働時間管理"}, {"other", "その他"}};
//! The flow, in order: a case only moves forward (完了 is the end).
constexpr Choice statuses[] = {{"received", "受付"}, {"in_progress", "対応中"}, {"visit_planned", "訪問予定"},
                               {"following_up", "フォロー中"}, {"closed", "完了"}};
constexpr Choice visit_statuses[] = {{"proposed", "提案（年次フォローアップ）"}, {"planned", "予定"}, {"done", "実施済み"},
                                     {"cancelled", "中止"}};


constexpr const char* case_columns =
    "SELECT c.id, c.hospital_id, h.name, c.kind, c.channel, c.topics, c.title, c.assignee_id, c.status, c.due_date, "
    "c.attendees, c.created_at, c.updated_at, c.closed_at, c.prefecture FROM workenv_cases c "
    "JOIN workenv_hospitals h ON h.id = c.hospital_id ";
constexpr const char* visit_columns =
    "SELECT v.id, v.hospital_id, h.name, v.case_id, v.planned_date, v.status, v.follow_up, v.attendees, v.report, "
    "v.next_steps, v.created_at, v.updated_at, v.prefecture FROM workenv_visits v "
    "JOIN workenv_hospitals h ON h.id = v.hospital_id ";

bj::object visit_json(const store::Row& r) {
  bj::array attendees;
  for (const auto& a : text::split(r.text(7), '\n')) attendees.push_back(bj::string(a));
  bj::object o{{"id", r.text(0)}, {"hospital", {{"id", r.text(1)}, {"name", r.text(2)}, {"prefecture", r.text(12)}}},
               {"planned_date", r.text(4)}, {"status", r.text(5)}, {"status_label", label_of(visit_statuses, r.text(5))},
               {"follow_up", r.boolean(6)}, {"attendees", std::move(attendees)},
               {"created_at", format_iso8601_jst(r.integer(10))}, {"updated_at", format_iso8601_jst(r.integer(11))}};
  o["case_id"] = r.is_null(3) ? bj::value(nullptr) : bj::value(r.text(3));
  o["report"] = r.is_null(8) ? bj::value(nullptr) : bj::value(r.text(8));
  o["next_steps"] = r.is_null(9) ? bj::value(nullptr) : bj::value(r.text(9));
  return o;
}

//! A list of attendees: one line each (name and organisation), 1–20 of them.
std::optional<std::string> read_attendees(const bj::object& body, json::FieldReader& r, bool required) {
  auto list = r.optional_string_list("attendees", "同行者・出席者", 20);
  if (!list) {
    if (required && !r.has_error("attendees")) r.add_error("attendees", "「同行者・出席者」を1人以上入力してください（アドバイザー、都道府県の担当者など）。");
    return std::nullopt;
  }
  std::vector<std::string> clean;
  for (auto& a : *list) {
    auto t = text::trim(a);
    if (t.empty()) continue;
    if (text::length(t) > 100 || text::has_forbidden_characters(t, text::Lines::single)) {
      r.add_error("attendees", "「同行者・出席者」は1人100文字以内で入力してください。");
      return std::nullopt;
    }
    clean.push_back(t);
  }
  if (clean.empty() && required) {
    r.add_error("attendees", "「同行者・出席者」を1人以上入力してください（アドバイザー、都道府県の担当者など）。");
    return std::nullopt;
  }
  return text::join(clean, "\n");
}

//! An assignee must be a member of a centre organisation of the case's prefecture.
Result<bool> is_centre_member(accounts::Service& accounts, const std::string& user_id, const std::string& prefecture) {
  auto u = KH_TRY(accounts.find_user(user_id));
  if (!u || u->role != accounts::Role::workenv_center || u->status != "active") return false;
  return std::any_of(u->organisations.begin(), u->organisations.end(), [&](const auto& o) {
    return o.kind == accounts::OrgKind::workenv_center && o.prefecture == prefecture;
  });
}

Result<void> log_activity(store::Connection& c, const std::string& case_id, const std::string& by, std::string_view kind,
                          const std::string& body, std::int64_t at) {
  KH_TRY(c.execute("INSERT INTO workenv_case_activities (id, case_id, at, by_user, kind, body) VALUES ($1, $2, $3, $4, $5, $6)",
                   {crypto::new_id("wca"), case_id, at, by, std::string(kind), body}));
  return {};
}

}  // namespace

Result<bj::object> Service::case_json(store::Connection& c, const store::Row& r, bool with_activities) {
  bj::array topic_list, topic_labels;
  for (const auto& t : text::split(r.text(5), ',')) {
    topic_list.push_back(bj::string(t));
    topic_labels.push_back(bj::string(label_of(topics, t)));
  }
  const auto due = r.optional_text(9);
  const bool open = r.text(8) != "closed";
  bj::object o{{"id", r.text(0)}, {"hospital", {{"id", r.text(1)}, {"name", r.text(2)}, {"prefecture", r.text(14)}}},
               {"kind", r.text(3)}, {"kind_label", label_of(case_kinds, r.text(3))}, {"channel", r.text(4)},
               {"channel_label", label_of(channels, r.text(4))}, {"topics", std::move(topic_list)},
               {"topic_labels", std::move(topic_labels)}, {"title", r.text(6)}, {"status", r.text(8)},
               {"status_label", label_of(statuses, r.text(8))},
               {"overdue", open && due && *due < iso_of_days(today_days())},
               {"created_at", format_iso8601_jst(r.integer(11))}, {"updated_at", format_iso8601_jst(r.integer(12))}};
  o["due_date"] = due ? bj::value(*due) : bj::value(nullptr);
  o["attendees"] = r.is_null(10) ? bj::value(nullptr) : bj::value(r.integer(10));
  o["closed_at"] = r.is_null(13) ? bj::value(nullptr) : bj::value(format_iso8601_jst(r.integer(13)));
  if (r.is_null(7)) o["assignee"] = nullptr;
  else o["assignee"] = bj::object{{"id", r.text(7)}, {"name", KH_TRY(accounts_.person_label(r.text(7)))}};
  if (with_activities) {
    bj::array acts;
    for (const auto& a : KH_TRY(c.execute("SELECT at, by_user, kind, body FROM workenv_case_activities WHERE case_id = $1 "
                                          "ORDER BY at, id", {r.text(0)})).rows) {
      bj::object item{{"at", format_iso8601_jst(a.integer(0))}, {"kind", a.text(2)}, {"body", a.text(3)}};
      item["by"] = a.is_null(1) ? bj::value(nullptr) : bj::value(KH_TRY(accounts_.person_label(a.text(1))));
      acts.push_back(std::move(item));
    }
    o["activities"] = std::move(acts);
    bj::array transitions;
    const int at = index_of(statuses, r.text(8));
    for (int i = at + 1; i < static_cast<int>(std::size(statuses)); ++i)
      transitions.push_back(bj::object{{"status", statuses[i].code}, {"label", statuses[i].label}});
    o["next_statuses"] = std::move(transitions);
  }
  return o;
}

Result<bj::array> Service::case_list(store::Connection& c, const std::vector<std::string>& prefectures,
                                     std::optional<std::string> status, std::optional<std::string> hospital_id) {
  store::Params p(prefectures.begin(), prefectures.end());
  std::string sql = std::string(case_columns) + "WHERE c.prefecture IN " + repo::placeholders(1, p.size());
  if (status && *status == "open") sql += " AND c.status <> 'closed'";
  else if (status && !status->empty()) {
    p.push_back(*status);
    sql += " AND c.status = $" + std::to_string(p.size());
  }
  if (hospital_id) {
    p.push_back(*hospital_id);
    sql += " AND c.hospital_id = $" + std::to_string(p.size());
  }
  sql += " ORDER BY c.created_at DESC, c.id DESC";
  bj::array out;
  for (const auto& row : KH_TRY(c.execute(sql, p)).rows) out.push_back(KH_TRY(case_json(c, row, false)));
  return out;
}

Result<bj::array> Service::visit_list(store::Connection& c, const std::vector<std::string>& prefectures,
                                      std::optional<std::string> hospital_id) {
  store::Params p(prefectures.begin(), prefectures.end());
  std::string sql = std::string(visit_columns) + "WHERE v.prefecture IN " + repo::placeholders(1, p.size());
  if (hospital_id) {
    p.push_back(*hospital_id);
    sql += " AND v.hospital_id = $" + std::to_string(p.size());
  }
  sql += " ORDER BY v.planned_date DESC, v.id";
  bj::array out;
  for (const auto& row : KH_TRY(c.execute(sql, p)).rows) out.push_back(visit_json(row));
  return out;
}

Result<bj::object> Service::cases(const accounts::CurrentUser& viewer, std::optional<std::string> status,
                                  std::optional<std::string> hospital_id) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  if (status && !status->empty() && *status != "open" && index_of(statuses, *status) < 0)
    return fail(errors::validation({{"status", "「状態」は open（未完了）, " + choices_text(statuses) + " のいずれかです。"}}));
  auto lease = KH_TRY(pool_.acquire());
  auto items = KH_TRY(case_list(*lease, prefectures, status, hospital_id));
  const auto n = items.size();
  bj::array kinds, chs, tps, sts;
  for (const auto& k : case_kinds) kinds.push_back(bj::object{{"code", k.code}, {"label", k.label}});
  for (const auto& k : channels) chs.push_back(bj::object{{"code", k.code}, {"label", k.label}});
  for (const auto& k : topics) tps.push_back(bj::object{{"code", k.code}, {"label", k.label}});
  for (const auto& k : statuses) sts.push_back(bj::object{{"code", k.code}, {"label", k.label}});
  return bj::object{{"items", std::move(items)}, {"total", n},
                    {"choices", {{"kinds", std::move(kinds)}, {"channels", std::move(chs)}, {"topics", std::move(tps)},
                                 {"statuses", std::move(sts)}}}};
}

Result<bj::object> Service::create_case(const accounts::CurrentUser& viewer, const bj::object& body) {
  KH_TRY(centre_prefectures(viewer));
  json::FieldReader r(body);
  auto hospital_id = r.required_string("hospital_id", "医療機関", 100);
  auto kind = r.required_string("kind", "種別", 30);
  auto channel = r.required_string("channel", "受付経路", 30);
  auto title = r.required_string("title", "件名", 100);
  auto topic_list = r.optional_string_list("topics", "相談内容", 10);
  auto assignee = r.optional_string("assignee_id", "担当者", 100);
  auto due = r.optional_string("due_date", "期限", 10);
  auto attendees = r.optional_integer("attendees", "参加者数", 0, 10000);
  auto note = r.optional_text("note", "内容", 4000);
  if (!r.has_error("kind") && index_of(case_kinds, kind) < 0) r.add_error("kind", "「種別」は " + choices_text(case_kinds) + " のいずれかです。");
  if (!r.has_error("channel") && index_of(channels, channel) < 0) r.add_error("channel", "「受付経路」は " + choices_text(channels) + " のいずれかです。");
  if (topic_list)
    for (const auto& t : *topic_list)
      if (index_of(topics, t) < 0) { r.add_error("topics", "「相談内容」は " + choices_text(topics) + " から選んでください。"); break; }
  if (due && !due->empty() && !is_valid_date(*due)) r.add_error("due_date", "「期限」はYYYY-MM-DDの日付で入力してください。");
  KH_TRY_VOID(r.finish());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto hv = visible_hospital(c, viewer, hospital_id);
  if (!hv || hv->second != Access::centre)
    return fail(errors::validation({{"hospital_id", "「医療機関」は担当する都道府県の医療機関から選んでください。"}}));
  const auto& h = hv->first;
  if (assignee && !assignee->empty() && !KH_TRY(is_centre_member(accounts_, *assignee, h.prefecture)))
    return fail(errors::validation({{"assignee_id", "「担当者」は同じ都道府県のセンターの方から選んでください。"}}));
  const std::string id = crypto::new_id("wec");
  const auto now = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO workenv_cases (id, hospital_id, prefecture, kind, channel, topics, title, assignee_id, status, "
                     "due_date, attendees, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'received', "
                     "$9, $10, $11, $12, $12)",
                     {id, h.id, h.prefecture, kind, channel, text::join(topic_list.value_or(std::vector<std::string>{}), ","), title,
                      assignee && !assignee->empty() ? store::Param{*assignee} : store::Param{nullptr},
                      due && !due->empty() ? store::Param{*due} : store::Param{nullptr},
                      attendees ? store::Param{*attendees} : store::Param{nullptr}, viewer.user.id, now}));
    KH_TRY_VOID(log_activity(c, id, viewer.user.id, "created", note && !note->empty() ? *note : "案件を受け付けました。", now));
    return audit::record(c, accounts::actor_of(viewer), "workenv_case_created", "workenv_case", id);
  }));
  return case_detail(viewer, id);
}

Result<bj::object> Service::case_detail(const accounts::CurrentUser& viewer, const std::string& id) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto rows = KH_TRY(c.execute(std::string(case_columns) + "WHERE c.id = $1", {id}));
  if (rows.rows.empty() || std::find(prefectures.begin(), prefectures.end(), rows.rows[0].text(14)) == prefectures.end())
    return fail(case_not_found);
  return case_json(c, rows.rows[0], true);
}

Result<bj::object> Service::update_case(const accounts::CurrentUser& viewer, const std::string& id, const bj::object& body) {
  auto current = KH_TRY(case_detail(viewer, id));
  json::FieldReader r(body);
  auto status = r.optional_string("status", "状態", 30);
  auto assignee = r.optional_string("assignee_id", "担当者", 100);
  auto due = r.optional_string("due_date", "期限", 10);
  auto note = r.optional_text("note", "経過", 4000);
  const std::string from = std::string(current["status"].as_string());
  if (status && !r.has_error("status")) {
    const int to_i = index_of(statuses, *status), from_i = index_of(statuses, from);
    if (to_i < 0) r.add_error("status", "「状態」は " + choices_text(statuses) + " のいずれかです。");
    else if (from == "closed" && *status != "closed") r.add_error("status", "完了した案件の状態は変えられません。新しい案件として受け付けてください。");
    else if (to_i < from_i) r.add_error("status", "状態は 受付 → 対応中 → 訪問予定 → フォロー中 → 完了 の順に進めます。");
  }
  if (due && !due->empty() && !is_valid_date(*due)) r.add_error("due_date", "「期限」はYYYY-MM-DDの日付で入力してください。");
  KH_TRY_VOID(r.finish());
  const std::string prefecture = std::string(current["hospital"].as_object().at("prefecture").as_string());
  const std::string hospital_id = std::string(current["hospital"].as_object().at("id").as_string());
  if (assignee && !assignee->empty() && !KH_TRY(is_centre_member(accounts_, *assignee, prefecture)))
    return fail(errors::validation({{"assignee_id", "「担当者」は同じ都道府県のセンターの方から選んでください。"}}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto now = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    if (status && *status != from) {
      const bool closing = *status == "closed";
      KH_TRY(c.execute("UPDATE workenv_cases SET status = $2, updated_at = $3, closed_at = $4 WHERE id = $1",
                       {id, *status, now, closing ? store::Param{now} : store::Param{nullptr}}));
      KH_TRY_VOID(log_activity(c, id, viewer.user.id, "status",
                               "状態を「" + label_of(statuses, from) + "」から「" + label_of(statuses, *status) + "」にしました。", now));
      if (closing) {
        // The yearly follow-up: a visit proposed a year from today, for the centre to confirm or drop.
        const auto date = iso_of_days(today_days() + 365);
        KH_TRY(c.execute("INSERT INTO workenv_visits (id, hospital_id, prefecture, case_id, planned_date, status, follow_up, attendees, "
                         "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'proposed', 1, '', NULL, $6, $6)",
                         {crypto::new_id("wev"), hospital_id, prefecture, id, date, now}));
        KH_TRY_VOID(log_activity(c, id, viewer.user.id, "status", "1年後（" + format_date_ja(date) + "）のフォローアップ訪問を提案しました。", now));
      }
    }
    if (assignee) {
      KH_TRY(c.execute("UPDATE workenv_cases SET assignee_id = $2, updated_at = $3 WHERE id = $1",
                       {id, assignee->empty() ? store::Param{nullptr} : store::Param{*assignee}, now}));
      KH_TRY_VOID(log_activity(c, id, viewer.user.id, "assignee",
                               assignee->empty() ? "担当者を外しました。" : "担当者を" + KH_TRY(accounts_.person_label(*assignee)) + "にしました。", now));
    }
    if (due) {
      KH_TRY(c.execute("UPDATE workenv_cases SET due_date = $2, updated_at = $3 WHERE id = $1",
                       {id, due->empty() ? store::Param{nullptr} : store::Param{*due}, now}));
      KH_TRY_VOID(log_activity(c, id, viewer.user.id, "due", due->empty() ? "期限を外しました。" : "期限を" + format_date_ja(*due) + "にしました。", now));
    }
    if (note && !note->empty()) KH_TRY_VOID(log_activity(c, id, viewer.user.id, "note", *note, now));
    return audit::record(c, accounts::actor_of(viewer), "workenv_case_updated", "workenv_case", id);
  }));
  return case_detail(viewer, id);
}

Result<bj::object> Service::add_case_note(const accounts::CurrentUser& viewer, const std::string& id, const bj::object& body) {
  KH_TRY(case_detail(viewer, id));
  json::FieldReader r(body);
  auto text = r.required_text("body", "経過", 4000);
  KH_TRY_VOID(r.finish());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto now = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(log_activity(c, id, viewer.user.id, "note", text, now));
    KH_TRY(c.execute("UPDATE workenv_cases SET updated_at = $2 WHERE id = $1", {id, now}));
    return {};
  }));
  return case_detail(viewer, id);
}

// ---- visits ----------------------------------------------------------------------------------------------------

Result<bj::object> Service::visits(const accounts::CurrentUser& viewer) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto items = KH_TRY(visit_list(*lease, prefectures, std::nullopt));
  const auto n = items.size();
  return bj::object{{"items", std::move(items)}, {"total", n}};
}

Result<bj::object> Service::create_visit(const accounts::CurrentUser& viewer, const bj::object& body) {
  KH_TRY(centre_prefectures(viewer));
  json::FieldReader r(body);
  auto hospital_id = r.required_string("hospital_id", "医療機関", 100);
  auto date = r.required_string("planned_date", "訪問予定日", 10);
  auto case_id = r.optional_string("case_id", "案件", 100);
  auto attendees = read_attendees(body, r, true);
  if (!r.has_error("planned_date") && !is_valid_date(date)) r.add_error("planned_date", "「訪問予定日」はYYYY-MM-DDの日付で入力してください。");
  KH_TRY_VOID(r.finish());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto hv = visible_hospital(c, viewer, hospital_id);
  if (!hv || hv->second != Access::centre)
    return fail(errors::validation({{"hospital_id", "「医療機関」は担当する都道府県の医療機関から選んでください。"}}));
  const auto& h = hv->first;
  std::optional<std::string> case_status;
  if (case_id && !case_id->empty()) {
    auto cr = KH_TRY(c.execute("SELECT status FROM workenv_cases WHERE id = $1 AND hospital_id = $2", {*case_id, h.id}));
    if (cr.rows.empty()) return fail(errors::validation({{"case_id", "「案件」はこの医療機関の案件から選んでください。"}}));
    case_status = cr.rows[0].text(0);
  }
  const std::string id = crypto::new_id("wev");
  const auto now = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO workenv_visits (id, hospital_id, prefecture, case_id, planned_date, status, follow_up, attendees, "
                     "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'planned', 0, $6, $7, $8, $8)",
                     {id, h.id, h.prefecture, case_status ? store::Param{*case_id} : store::Param{nullptr}, date, *attendees,
                      viewer.user.id, now}));
    // A case waiting for this visit moves to 訪問予定 (never back).
    if (case_status && (*case_status == "received" || *case_status == "in_progress")) {
      KH_TRY(c.execute("UPDATE workenv_cases SET status = 'visit_planned', updated_at = $2 WHERE id = $1", {*case_id, now}));
      KH_TRY_VOID(log_activity(c, *case_id, viewer.user.id, "status", "訪問を" + format_date_ja(date) + "に予定しました（状態: 訪問予定）。", now));
    }
    return audit::record(c, accounts::actor_of(viewer), "workenv_visit_planned", "workenv_visit", id);
  }));
  auto rows = KH_TRY(c.execute(std::string(visit_columns) + "WHERE v.id = $1", {id}));
  return visit_json(rows.rows.at(0));
}

Result<bj::object> Service::update_visit(const accounts::CurrentUser& viewer, const std::string& id, const bj::object& body) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto rows = KH_TRY(c.execute(std::string(visit_columns) + "WHERE v.id = $1", {id}));
  if (rows.rows.empty() || std::find(prefectures.begin(), prefectures.end(), rows.rows[0].text(12)) == prefectures.end())
    return fail(visit_not_found);
  const auto& row = rows.rows[0];
  json::FieldReader r(body);
  auto status = r.optional_string("status", "状態", 20);
  auto date = r.optional_string("planned_date", "訪問予定日", 10);
  auto report = r.optional_text("report", "訪問報告", 8000);
  auto next_steps = r.optional_text("next_steps", "次の対応", 4000);
  auto attendees = read_attendees(body, r, false);
  if (status && !r.has_error("status") && index_of(visit_statuses, *status) < 0)
    r.add_error("status", "「状態」は " + choices_text(visit_statuses) + " のいずれかです。");
  if (date && !r.has_error("planned_date") && !is_valid_date(*date))
    r.add_error("planned_date", "「訪問予定日」はYYYY-MM-DDの日付で入力してください。");
  const std::string final_status = status.value_or(row.text(5));
  const std::string final_report = report.value_or(row.text(8));
  const std::string final_attendees = attendees.value_or(row.text(7));
  if (final_status == "done" && text::trim(final_report).empty() && !r.has_error("report"))
    r.add_error("report", "実施済みにするときは「訪問報告」を入力してください。");
  if ((final_status == "planned" || final_status == "done") && final_attendees.empty() && !r.has_error("attendees"))
    r.add_error("attendees", "「同行者・出席者」を1人以上入力してください（アドバイザー、都道府県の担当者など）。");
  KH_TRY_VOID(r.finish());
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("UPDATE workenv_visits SET status = $2, planned_date = $3, attendees = $4, report = $5, next_steps = $6, "
                     "updated_at = $7 WHERE id = $1",
                     {id, final_status, date.value_or(row.text(4)), final_attendees,
                      final_report.empty() ? store::Param{nullptr} : store::Param{final_report},
                      next_steps ? (next_steps->empty() ? store::Param{nullptr} : store::Param{*next_steps}) : store::optional_text(row.optional_text(9)),
                      now_ms()}));
    return audit::record(c, accounts::actor_of(viewer), "workenv_visit_updated", "workenv_visit", id, final_status);
  }));
  auto again = KH_TRY(c.execute(std::string(visit_columns) + "WHERE v.id = $1", {id}));
  return visit_json(again.rows.at(0));
}

// ---- what to do now --------------------------------------------------------------------------------------------

Result<bj::object> Service::today(const accounts::CurrentUser& viewer) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto today = iso_of_days(today_days());
  const auto week = iso_of_days(today_days() + 7);
  const auto month = iso_of_days(today_days() + 30);
  auto open = KH_TRY(case_list(c, prefectures, std::string("open"), std::nullopt));
  bj::array due_cases, mine;
  for (auto& v : open) {
    const auto& o = v.as_object();
    const auto* d = o.if_contains("due_date");
    const bool due_soon = d && d->is_string() && std::string(d->as_string()) <= week;
    const auto* a = o.if_contains("assignee");
    const bool is_mine = a && a->is_object() && a->as_object().at("id").as_string() == viewer.user.id;
    if (due_soon) due_cases.push_back(v);
    if (is_mine) mine.push_back(v);
  }
  bj::array proposed, upcoming;
  for (auto& v : KH_TRY(visit_list(c, prefectures, std::nullopt))) {
    const auto& o = v.as_object();
    const std::string status(o.at("status").as_string()), date(o.at("planned_date").as_string());
    if (status == "proposed") proposed.push_back(v);
    if (status == "planned" && date >= today && date <= month) upcoming.push_back(v);
  }
  std::reverse(upcoming.begin(), upcoming.end());  // soonest first
  auto ranked = KH_TRY(priority_rows(c, prefectures));
  bj::array top;
  for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) {
    bj::array reasons;
    for (const auto& reason : ranked[i].priority.reasons) reasons.push_back(bj::string(reason.text));
    top.push_back(bj::object{{"rank", i + 1}, {"hospital", hospital_ref(ranked[i].hospital)}, {"score", ranked[i].priority.score},
                             {"reasons", std::move(reasons)}});
  }
  std::int64_t interview_gaps = 0, over_cap = 0;
  auto hs = KH_TRY(repo::hospitals_in(c, prefectures));
  for (const auto& [id, s] : KH_TRY(latest_hours(c, hs))) {
    interview_gaps += s.flags.interview_gaps;
    over_cap += s.flags.projected_over_cap;
  }
  // Meetings whose minutes were not sent within their series' days (the 受託者's to finish).
  bj::array late_minutes;
  for (auto& v : KH_TRY(meeting_list(c, prefectures, std::nullopt)))
    if (v.as_object().at("minutes_late").as_bool()) late_minutes.push_back(std::move(v));
  return bj::object{{"today", today}, {"due_cases", std::move(due_cases)}, {"my_cases", std::move(mine)},
                    {"late_minutes", std::move(late_minutes)},
                    {"proposed_visits", std::move(proposed)}, {"upcoming_visits", std::move(upcoming)},
                    {"top_priorities", std::move(top)}, {"hospitals", hs.size()}, {"open_cases", open.size()},
                    {"interview_gaps", interview_gaps}, {"projected_over_cap", over_cap}};
}

}  // namespace kh::workenv

// ---- activity report -------------------------------------------------------------------------------------------

namespace kh::workenv {
namespace {

//! The month "YYYY-MM" in Japan of an instant.
std::string month_of_ms(std::int64_t ms) { return format_iso8601_jst(ms).substr(0, 7); }

}  // namespace

Result<bj::object> Service::activity_report(const accounts::CurrentUser& viewer, std::optional<std::string> fiscal_year) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  const auto this_month = wh::parse_year_month(iso_of_days(today_days()).substr(0, 7)).value();
  int fy = this_month.fiscal_year();
  if (fiscal_year && !fiscal_year->empty()) {
    const bool digits = fiscal_year->size() == 4 && std::all_of(fiscal_year->begin(), fiscal_year->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits || std::stoi(*fiscal_year) < 2000 || std::stoi(*fiscal_year) > 2100)
      return fail(errors::validation({{"fiscal_year", "「年度」は西暦4桁（2026 など）で指定してください。"}}));
    fy = std::stoi(*fiscal_year);
  }
  // Per month of the fiscal year (April … March), then the year's total.
  struct Counts {
    std::map<std::string, std::int64_t> channel, topic;
    std::int64_t consultations = 0, visits = 0, follow_ups = 0, special = 0, briefings = 0, attendees = 0;
    std::set<std::string> hospitals;
    std::map<std::string, std::int64_t> meetings;  //!< held, by series kind
  };
  std::vector<std::string> months;
  for (int m = 0; m < 12; ++m) months.push_back(wh::YearMonth{wh::YearMonth::of(fy, 4).index + m}.iso());
  std::map<std::string, Counts> by_month;
  Counts total;
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  store::Params p(prefectures.begin(), prefectures.end());
  for (const auto& row : KH_TRY(c.execute("SELECT kind, channel, topics, created_at, hospital_id, attendees FROM workenv_cases "
                                          "WHERE prefecture IN " + repo::placeholders(1, p.size()), p)).rows) {
    const auto month = month_of_ms(row.integer(3));
    if (month < months.front() || month > months.back()) continue;
    for (Counts* k : {&by_month[month], &total}) {
      const std::string kind = row.text(0);
      k->hospitals.insert(row.text(4));
      if (kind == "briefing") {
        ++k->briefings;
        k->attendees += row.integer(5);
        continue;
      }
      if (kind == "special_support") ++k->special;
      ++k->consultations;
      ++k->channel[row.text(1)];
      for (const auto& t : text::split(row.text(2), ',')) ++k->topic[t];
    }
  }
  for (const auto& row : KH_TRY(c.execute("SELECT planned_date, follow_up, hospital_id FROM workenv_visits WHERE status = 'done' "
                                          "AND prefecture IN " + repo::placeholders(1, p.size()), p)).rows) {
    const auto month = row.text(0).substr(0, 7);
    if (month < months.front() || month > months.back()) continue;
    for (Counts* k : {&by_month[month], &total}) {
      ++k->visits;
      if (row.boolean(1)) ++k->follow_ups;
      k->hospitals.insert(row.text(2));
    }
  }
  // Meetings held (on or before today) by the kind of their series: 運営協議会, 実務者連絡調整会議.
  const auto today_iso = iso_of_days(today_days());
  for (const auto& row : KH_TRY(c.execute("SELECT m.held_on, s.kind FROM workenv_meetings m JOIN workenv_meeting_series s "
                                          "ON s.id = m.series_id WHERE m.prefecture IN " + repo::placeholders(1, p.size()), p)).rows) {
    const auto month = row.text(0).substr(0, 7);
    if (row.text(0) > today_iso || month < months.front() || month > months.back()) continue;
    for (Counts* k : {&by_month[month], &total}) ++k->meetings[row.text(1)];
  }
  const auto counts_json = [](const Counts& k) {
    bj::object ch, tp;
    for (const auto& x : channels) ch[x.code] = k.channel.contains(std::string(x.code)) ? k.channel.at(std::string(x.code)) : 0;
    for (const auto& x : topics) tp[x.code] = k.topic.contains(std::string(x.code)) ? k.topic.at(std::string(x.code)) : 0;
    bj::object mk;
    std::int64_t meetings = 0;
    for (const auto& x : meeting_kinds) {
      const auto n = k.meetings.contains(std::string(x.code)) ? k.meetings.at(std::string(x.code)) : 0;
      mk[x.code] = n;
      meetings += n;
    }
    return bj::object{{"consultations", k.consultations}, {"by_channel", std::move(ch)}, {"by_topic", std::move(tp)},
                      {"meetings", meetings}, {"meetings_by_kind", std::move(mk)},
                      {"visits", k.visits}, {"follow_up_visits", k.follow_ups}, {"hospitals_supported", k.hospitals.size()},
                      {"special_support", k.special}, {"briefings", k.briefings}, {"briefing_attendees", k.attendees}};
  };
  bj::array rows;
  for (const auto& m : months) {
    auto o = counts_json(by_month[m]);
    o["month"] = m;
    rows.push_back(std::move(o));
  }
  bj::array chs, tps, mks;
  for (const auto& x : meeting_kinds) mks.push_back(bj::object{{"code", x.code}, {"label", x.label}});
  for (const auto& x : channels) chs.push_back(bj::object{{"code", x.code}, {"label", x.label}});
  for (const auto& x : topics) tps.push_back(bj::object{{"code", x.code}, {"label", x.label}});
  return bj::object{{"fiscal_year", fy}, {"months", std::move(rows)}, {"total", counts_json(total)},
                    {"channels", std::move(chs)}, {"topics", std::move(tps)}, {"meeting_kinds", std::move(mks)}};
}

std::string activity_report_csv(const bj::object& report) {
  // Japanese headers for Excel; one line per month and the year's total. Every text cell through csv::escape.
  std::vector<std::string> header{"月", "相談件数"};
  for (const auto& x : channels) header.push_back("経路:" + std::string(x.label));
  for (const auto& x : topics) header.push_back("内容:" + std::string(x.label));
  for (const char* h : {"訪問件数", "うちフォローアップ訪問", "支援医療機関数", "特別支援", "説明会", "説明会参加者数"}) header.push_back(h);
  for (const auto& x : meeting_kinds) header.push_back("会議:" + std::string(x.label));
  std::string out;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (i) out += ',';
    out += csv::escape(header[i]);
  }
  out += "\r\n";
  const auto line = [&](const std::string& label, const bj::object& k) {
    // Cell by cell with `+=` (g++ 12 warns falsely about `"," + std::string` here: -Wrestrict).
    const auto cell = [&](const bj::value& v) {
      out += ',';
      out += csv::number(v.to_number<std::int64_t>());
    };
    out += csv::escape(label);
    cell(k.at("consultations"));
    for (const auto& x : channels) cell(k.at("by_channel").as_object().at(x.code));
    for (const auto& x : topics) cell(k.at("by_topic").as_object().at(x.code));
    for (const char* key : {"visits", "follow_up_visits", "hospitals_supported", "special_support", "briefings", "briefing_attendees"})
      cell(k.at(key));
    for (const auto& x : meeting_kinds) cell(k.at("meetings_by_kind").as_object().at(x.code));
    out += "\r\n";
  };
  for (const auto& m : report.at("months").as_array()) {
    const auto& o = m.as_object();
    const std::string month(o.at("month").as_string());
    line(month.substr(0, 4) + "年" + std::to_string(std::stoi(month.substr(5, 2))) + "月", o);
  }
  line(std::to_string(report.at("fiscal_year").to_number<std::int64_t>()) + "年度 合計", report.at("total").as_object());
  return text::to_windows31j(out);
}

}  // namespace kh::workenv
