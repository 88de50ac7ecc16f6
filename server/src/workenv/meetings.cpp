// The centre's meetings (workenv.h): series, meetings with participants, agenda items and outcomes, action items
// carried onto later meetings until done. The minutes' flow is in minutes.cpp, the SQL in meetings_repo.cpp.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "store/database.h"
#include "workenv/choices.h"
#include "workenv/detail.h"
#include "workenv/meetings_detail.h"
#include "workenv/meetings_repo.h"
#include "workenv/repo.h"
#include "workenv/workenv.h"

namespace kh::workenv {
namespace bj = boost::json;

namespace {

constexpr Choice outcome_kinds[] = {{"shared", "共有"}, {"decided", "決定"}, {"action", "対応事項"}};
constexpr Choice minutes_statuses[] = {{"none", "未作成"}, {"draft", "下書き"}, {"confirming", "確認依頼中"},
                                       {"locked", "確定・送付済み"}};
constexpr Choice action_statuses[] = {{"open", "未完了"}, {"done", "完了"}};


bj::array lines_json(const std::string& lines) {
  bj::array out;
  for (const auto& l : text::split(lines, '\n')) out.push_back(bj::string(l));
  return out;
}

//! A list of short one-line names (invited bodies): trimmed, empty ones dropped, each at most 50 characters.
std::optional<std::string> read_names(json::FieldReader& r, std::string_view key, std::string_view label) {
  auto list = r.optional_string_list(key, label, 20);
  if (!list) return std::nullopt;
  std::vector<std::string> clean;
  for (auto& a : *list) {
    auto t = text::trim(a);
    if (t.empty()) continue;
    if (text::length(t) > 50 || text::has_forbidden_characters(t, text::Lines::single)) {
      r.add_error(key, "「" + std::string(label) + "」は1件50文字以内で入力してください。");
      return std::nullopt;
    }
    clean.push_back(t);
  }
  return text::join(clean, "\n");
}

//! The agenda: 1–30 items {title, outcome_kind?, outcome?}; messages name the item ("2件目の「議題」…").
std::optional<std::vector<mrepo::Item>> read_items(const bj::object& body, json::FieldReader& r) {
  const auto* v = body.if_contains("items");
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_array() || v->as_array().size() > 30) {
    r.add_error("items", "「議題」は30件までの一覧で指定してください。");
    return std::nullopt;
  }
  std::vector<mrepo::Item> out;
  std::size_t i = 0;
  for (const auto& it : v->as_array()) {
    const std::string at = std::to_string(++i) + "件目の";
    if (!it.is_object()) { r.add_error("items", at + "議題が正しくありません。"); return std::nullopt; }
    const auto& o = it.as_object();
    mrepo::Item item{text::trim(str(o, "title")), std::nullopt, text::trim(str(o, "outcome"))};
    if (item.title.empty() || text::length(item.title) > 200 || text::has_forbidden_characters(item.title, text::Lines::single)) {
      r.add_error("items", at + "「議題」を200文字以内で入力してください。");
      return std::nullopt;
    }
    const auto kind = str(o, "outcome_kind");
    if (!kind.empty()) {
      if (!is_choice(outcome_kinds, kind)) {
        r.add_error("items", at + "「結果の種別」は " + choices_text(outcome_kinds) + " のいずれかです。");
        return std::nullopt;
      }
      item.outcome_kind = kind;
    }
    if (text::length(item.outcome) > 2000 || text::has_forbidden_characters(item.outcome, text::Lines::multiple)) {
      r.add_error("items", at + "「結果」は2000文字以内で入力してください。");
      return std::nullopt;
    }
    if (item.outcome_kind && item.outcome.empty()) {
      r.add_error("items", at + "結果の種別を選んだときは「結果」を入力してください。");
      return std::nullopt;
    }
    out.push_back(std::move(item));
  }
  return out;
}

//! An active user of a centre organisation of the prefecture.
Result<bool> is_network_member(accounts::Service& accounts, const std::string& user_id, const std::string& prefecture) {
  auto u = KH_TRY(accounts.find_user(user_id));
  if (!u || u->role != accounts::Role::workenv_center || u->status != "active") return false;
  return std::any_of(u->organisations.begin(), u->organisations.end(), [&](const auto& o) {
    return o.kind == accounts::OrgKind::workenv_center && o.prefecture == prefecture;
  });
}

Result<std::optional<std::vector<std::string>>> read_participants(accounts::Service& accounts, json::FieldReader& r,
                                                                  const std::string& prefecture) {
  auto list = r.optional_string_list("participant_ids", "参加者", 50);
  if (!list) return std::optional<std::vector<std::string>>{};
  std::vector<std::string> out;
  for (const auto& id : *list) {
    if (std::find(out.begin(), out.end(), id) != out.end()) continue;
    if (!KH_TRY(is_network_member(accounts, id, prefecture))) {
      r.add_error("participant_ids", "「参加者」には、この都道府県の勤務環境改善支援センターのネットワークの方を選んでください。");
      return std::optional<std::vector<std::string>>{};
    }
    out.push_back(id);
  }
  return std::optional<std::vector<std::string>>{std::move(out)};
}

bj::object series_ref(const mrepo::Series& s) {
  return {{"id", s.id}, {"kind", s.kind}, {"kind_label", label_of(meeting_kinds, s.kind)}, {"title", s.title},
          {"minutes_due_days", s.minutes_due_days}};
}

bj::object series_json(const mrepo::Series& s) {
  auto o = series_ref(s);
  o["prefecture"] = s.prefecture;
  o["bureau_email"] = s.bureau_email;
  o["invited"] = lines_json(s.invited);
  o["created_at"] = format_iso8601_jst(s.created_at);
  o["updated_at"] = format_iso8601_jst(s.updated_at);
  return o;
}

bj::object action_json(const mrepo::Action& a) {
  bj::object o{{"id", a.id}, {"meeting_id", a.meeting_id}, {"title", a.title}, {"owner", a.owner},
               {"due_date", a.due_date}, {"status", a.status}, {"status_label", label_of(action_statuses, a.status)},
               {"decided_on", a.origin_held_on},
               {"overdue", a.status == "open" && a.due_date < iso_of_days(today_days())}};
  o["done_on"] = a.done_on ? bj::value(*a.done_on) : bj::value(nullptr);
  return o;
}

Result<mrepo::Series> visible_series(store::Connection& c, const accounts::CurrentUser& viewer, const std::string& id) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto s = KH_TRY(mrepo::find_series(c, id));
  if (!s || std::find(prefectures.begin(), prefectures.end(), s->prefecture) == prefectures.end()) return fail(series_not_found);
  return std::move(*s);
}

}  // namespace

// ---- shared with minutes.cpp -------------------------------------------------------------------------------------

Result<std::set<std::string>> viewer_kinds(store::Connection& c, const accounts::CurrentUser& viewer, const std::string& prefecture) {
  std::set<std::string> kinds;
  if (viewer.user.role != accounts::Role::workenv_center) return kinds;
  for (const auto& o : viewer.user.organisations) {
    if (o.kind != accounts::OrgKind::workenv_center || o.prefecture != prefecture) continue;
    for (const auto& row : KH_TRY(c.execute("SELECT kind FROM workenv_members WHERE organisation_id = $1", {o.id})).rows)
      kinds.insert(row.text(0));
  }
  return kinds;
}

Result<void> require_organiser(store::Connection& c, const accounts::CurrentUser& viewer, const std::string& prefecture) {
  auto kinds = KH_TRY(viewer_kinds(c, viewer, prefecture));
  if (!kinds.contains("contractor") && !kinds.contains("prefecture"))
    return fail(errors::forbidden("会議を準備・記録できるのは、都道府県と受託者（センター）の方です。"));
  return {};
}

Result<void> require_contractor(store::Connection& c, const accounts::CurrentUser& viewer, const std::string& prefecture) {
  auto kinds = KH_TRY(viewer_kinds(c, viewer, prefecture));
  if (!kinds.contains("contractor"))
    return fail(errors::forbidden("議事概要を作成・確定できるのは、受託者（センター）の方です。"));
  return {};
}

Result<mrepo::Meeting> visible_meeting(store::Connection& c, const accounts::CurrentUser& viewer, const std::string& id) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto m = KH_TRY(mrepo::find_meeting(c, id));
  if (!m || std::find(prefectures.begin(), prefectures.end(), m->prefecture) == prefectures.end()) return fail(meeting_not_found);
  return std::move(*m);
}

std::string send_status(const mrepo::Send& s) {
  if (s.delivered_at) return "sent";
  if (s.withdrawn_at) return "withdrawn";
  return s.attempts > 0 ? "failed" : "queued";
}
std::string send_status_label(std::string_view status, std::int64_t attempts) {
  if (status == "sent") return "送信済み";
  if (status == "withdrawn") return "取り消し（再送に置き換え）";
  if (status == "failed") return "送信失敗（" + std::to_string(attempts) + "回。自動で再試行中）";
  return "送信待ち";
}

std::string series_kind_label(std::string_view code) { return label_of(meeting_kinds, code); }
std::string minutes_status_label(std::string_view code) { return label_of(minutes_statuses, code); }

std::string minutes_due_on(const mrepo::Meeting& m, std::int64_t due_days) {
  return iso_of_days(parse_date(m.held_on).value_or(today_days()) + due_days);
}
bool minutes_late(const mrepo::Meeting& m, std::int64_t due_days) {
  return m.minutes_status != "locked" && minutes_due_on(m, due_days) < iso_of_days(today_days());
}

// ---- series ------------------------------------------------------------------------------------------------------

Result<bj::object> Service::meeting_series(const accounts::CurrentUser& viewer) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto list = KH_TRY(mrepo::series_in(c, prefectures));
  auto meetings = KH_TRY(mrepo::meetings_in(c, prefectures, std::nullopt));
  bj::array items;
  for (const auto& s : list) {
    auto o = series_json(s);
    std::int64_t count = 0, late = 0;
    std::optional<std::string> last, next;
    const auto today = iso_of_days(today_days());
    for (const auto& m : meetings) {
      if (m.series_id != s.id) continue;
      ++count;
      if (minutes_late(m, s.minutes_due_days)) ++late;
      if (m.held_on <= today && (!last || m.held_on > *last)) last = m.held_on;
      if (m.held_on > today && (!next || m.held_on < *next)) next = m.held_on;
    }
    o["meetings"] = count;
    o["late_minutes"] = late;
    o["last_held_on"] = last ? bj::value(*last) : bj::value(nullptr);
    o["next_on"] = next ? bj::value(*next) : bj::value(nullptr);
    items.push_back(std::move(o));
  }
  bool can_create = false;
  for (const auto& p : prefectures) can_create = can_create || static_cast<bool>(require_organiser(c, viewer, p));
  return bj::object{{"items", std::move(items)}, {"total", list.size()}, {"can_create", can_create}};
}

Result<bj::object> Service::create_series(const accounts::CurrentUser& viewer, const bj::object& body) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  json::FieldReader r(body);
  const auto kind = str(body, "kind");
  if (!is_choice(meeting_kinds, kind)) r.add_error("kind", "「会議の種類」は " + choices_text(meeting_kinds) + " のいずれかです。");
  auto title = r.optional_string("title", "会議体の名称", 100);
  auto email = text::trim(r.required_string("bureau_email", "労働局の送付先メールアドレス", 254));
  if (!r.has_error("bureau_email") && !text::is_plausible_email(email))
    r.add_error("bureau_email", "「労働局の送付先メールアドレス」の形式が正しくありません。");
  auto days = r.optional_integer("minutes_due_days", "議事概要の送付期限（日数）", 1, 90);
  auto invited = read_names(r, "invited", "招へい団体");
  auto prefecture = r.optional_string("prefecture", "都道府県", 2).value_or(prefectures.front());
  if (std::find(prefectures.begin(), prefectures.end(), prefecture) == prefectures.end())
    r.add_error("prefecture", "「都道府県」はご自身のセンターの都道府県を指定してください。");
  KH_TRY_VOID(r.finish());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(require_organiser(c, viewer, prefecture));
  mrepo::Series s;
  s.id = crypto::new_id("wms");
  s.prefecture = prefecture;
  s.kind = kind;
  s.title = title && !title->empty() ? *title : label_of(meeting_kinds, kind);
  s.bureau_email = email;
  s.minutes_due_days = days.value_or(14);
  s.invited = invited.value_or("");
  s.created_at = s.updated_at = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(mrepo::insert_series(c, s, viewer.user.id));
    return audit::record(c, accounts::actor_of(viewer), "workenv_series_created", "workenv_meeting_series", s.id, s.kind);
  }));
  return series_json(s);
}

Result<bj::object> Service::update_series(const accounts::CurrentUser& viewer, const std::string& id, const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto s = KH_TRY(visible_series(c, viewer, id));
  KH_TRY_VOID(require_organiser(c, viewer, s.prefecture));
  json::FieldReader r(body);
  auto kind = r.optional_string("kind", "会議の種類", 20);
  if (kind && !r.has_error("kind") && !is_choice(meeting_kinds, *kind))
    r.add_error("kind", "「会議の種類」は " + choices_text(meeting_kinds) + " のいずれかです。");
  auto title = r.optional_string("title", "会議体の名称", 100);
  auto email = r.optional_string("bureau_email", "労働局の送付先メールアドレス", 254);
  if (email && !r.has_error("bureau_email") && !text::is_plausible_email(*email))
    r.add_error("bureau_email", "「労働局の送付先メールアドレス」の形式が正しくありません。");
  auto days = r.optional_integer("minutes_due_days", "議事概要の送付期限（日数）", 1, 90);
  auto invited = read_names(r, "invited", "招へい団体");
  KH_TRY_VOID(r.finish());
  if (kind) s.kind = *kind;
  if (title && !title->empty()) s.title = *title;
  if (email) s.bureau_email = *email;
  if (days) s.minutes_due_days = *days;
  if (invited) s.invited = *invited;
  s.updated_at = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(mrepo::update_series(c, s));
    return audit::record(c, accounts::actor_of(viewer), "workenv_series_updated", "workenv_meeting_series", s.id);
  }));
  return series_json(s);
}

// ---- meetings ----------------------------------------------------------------------------------------------------

Result<bj::array> Service::meeting_list(store::Connection& c, const std::vector<std::string>& prefectures,
                                        std::optional<std::string> series_id) {
  std::map<std::string, mrepo::Series> series;
  for (auto& s : KH_TRY(mrepo::series_in(c, prefectures))) series.emplace(s.id, std::move(s));
  bj::array out;
  for (const auto& m : KH_TRY(mrepo::meetings_in(c, prefectures, series_id))) {
    const auto& s = series.at(m.series_id);
    const auto people = KH_TRY(mrepo::participants(c, m.id));
    std::map<std::string, std::string> latest;
    for (const auto& resp : KH_TRY(mrepo::responses(c, m.id))) latest[resp.user_id] = resp.decision;
    std::int64_t confirmed = 0, commented = 0;
    for (const auto& p : people) {
      if (latest[p] == "confirmed") ++confirmed;
      if (latest[p] == "commented") ++commented;
    }
    std::int64_t open_actions = 0;
    for (const auto& a : KH_TRY(mrepo::actions_of(c, m.id))) open_actions += a.status == "open";
    bj::object o{{"id", m.id}, {"series", series_ref(s)}, {"held_on", m.held_on}, {"place", m.place},
                 {"minutes_status", m.minutes_status}, {"minutes_status_label", minutes_status_label(m.minutes_status)},
                 {"minutes_due_on", minutes_due_on(m, s.minutes_due_days)}, {"minutes_late", minutes_late(m, s.minutes_due_days)},
                 {"participants", people.size()}, {"confirmed", confirmed}, {"commented", commented},
                 {"open_actions", open_actions}};
    o["locked_at"] = m.locked_at ? bj::value(format_iso8601_jst(*m.locked_at)) : bj::value(nullptr);
    out.push_back(std::move(o));
  }
  return out;
}

Result<bj::object> Service::meetings(const accounts::CurrentUser& viewer, std::optional<std::string> series_id, bool late_only) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  if (series_id) KH_TRY_VOID(visible_series(c, viewer, *series_id));
  auto list = KH_TRY(meeting_list(c, prefectures, series_id));
  bj::array items;
  std::int64_t late = 0;
  for (auto& v : list) {
    const bool is_late = v.as_object().at("minutes_late").as_bool();
    late += is_late;
    if (!late_only || is_late) items.push_back(std::move(v));
  }
  return bj::object{{"total", items.size()}, {"late", late}, {"items", std::move(items)}};
}

Result<bj::object> Service::create_meeting(const accounts::CurrentUser& viewer, const bj::object& body) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  std::string id;
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    json::FieldReader r(body);
    const auto series_id = r.required_string("series_id", "会議体", 64);
    std::optional<mrepo::Series> s;
    if (!r.has_error("series_id")) {
      s = KH_TRY(mrepo::find_series(c, series_id));
      if (!s || std::find(prefectures.begin(), prefectures.end(), s->prefecture) == prefectures.end()) {
        s.reset();
        r.add_error("series_id", "「会議体」はご自身の都道府県の会議体から選んでください。");
      }
    }
    const auto held_on = r.required_string("held_on", "開催日", 10);
    if (!r.has_error("held_on") && !is_valid_date(held_on)) r.add_error("held_on", "「開催日」はYYYY-MM-DDの日付で入力してください。");
    const auto place = r.required_string("place", "場所・方法", 100);
    auto invited = read_names(r, "invited", "招へい団体");
    auto items = read_items(body, r);
    std::optional<std::vector<std::string>> people;
    if (s) people = KH_TRY(read_participants(accounts_, r, s->prefecture));
    KH_TRY_VOID(r.finish());
    KH_TRY_VOID(require_organiser(c, viewer, s->prefecture));
    mrepo::Meeting m;
    m.id = crypto::new_id("wmt");
    m.series_id = s->id;
    m.prefecture = s->prefecture;
    m.held_on = held_on;
    m.place = place;
    m.invited = invited.value_or(s->invited);
    m.created_at = m.updated_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(mrepo::insert_meeting(c, m, viewer.user.id));
      KH_TRY_VOID(mrepo::set_participants(c, m.id, people.value_or(std::vector<std::string>{})));
      KH_TRY_VOID(mrepo::replace_items(c, m.id, items.value_or(std::vector<mrepo::Item>{})));
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "created", s->title + " " + held_on, m.created_at));
      return audit::record(c, accounts::actor_of(viewer), "workenv_meeting_created", "workenv_meeting", m.id, held_on);
    }));
    id = m.id;
  }
  return meeting(viewer, id);
}

Result<bj::object> Service::meeting(const accounts::CurrentUser& viewer, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto m = KH_TRY(visible_meeting(c, viewer, id));
  auto s = KH_TRY(mrepo::find_series(c, m.series_id)).value();
  const auto kinds = KH_TRY(viewer_kinds(c, viewer, m.prefecture));
  std::map<std::string, std::string> member_kinds;
  for (const auto& row : KH_TRY(c.execute("SELECT organisation_id, kind FROM workenv_members")).rows) member_kinds[row.text(0)] = row.text(1);
  // Participants with their latest answer to the minutes.
  std::map<std::string, mrepo::Response> latest;
  bj::array responses;
  const auto responses_rows = KH_TRY(mrepo::responses(c, m.id));
  for (const auto& resp : responses_rows) latest[resp.user_id] = resp;
  const auto people = KH_TRY(mrepo::participants(c, m.id));
  bool is_participant = false;
  bj::array participants;
  for (const auto& uid : people) {
    is_participant = is_participant || uid == viewer.user.id;
    auto u = KH_TRY(accounts_.find_user(uid));
    bj::object p{{"id", uid}, {"name", u ? u->display_name : std::string("（削除されたユーザ）")}};
    std::string org, kind;
    if (u)
      for (const auto& o : u->organisations)
        if (o.kind == accounts::OrgKind::workenv_center && o.prefecture == m.prefecture) {
          org = o.name;
          kind = member_kinds.contains(o.id) ? member_kinds[o.id] : "";
          break;
        }
    p["organisation"] = org;
    p["kind"] = kind.empty() ? bj::value(nullptr) : bj::value(kind);
    p["kind_label"] = kind.empty() ? "未設定" : member_kind_label(kind);
    if (auto it = latest.find(uid); it != latest.end()) {
      const auto& resp = it->second;
      bj::object a{{"decision", resp.decision}, {"label", resp.decision == "confirmed" ? "確認済み" : "コメントあり"},
                   {"comment", resp.comment}, {"version", resp.version}, {"at", format_iso8601_jst(resp.at)},
                   {"current", resp.version == m.minutes_version}};
      p["response"] = std::move(a);
    } else {
      p["response"] = nullptr;
    }
    participants.push_back(std::move(p));
  }
  for (auto it = responses_rows.rbegin(); it != responses_rows.rend(); ++it) {
    bj::object a{{"by", KH_TRY(accounts_.person_label(it->user_id))}, {"decision", it->decision},
                 {"label", it->decision == "confirmed" ? "確認済み" : "コメントあり"}, {"comment", it->comment},
                 {"version", it->version}, {"at", format_iso8601_jst(it->at)}};
    responses.push_back(std::move(a));
  }
  bj::array items;
  std::int64_t position = 0;
  for (const auto& i : KH_TRY(mrepo::items(c, m.id))) {
    bj::object o{{"position", ++position}, {"title", i.title}, {"outcome", i.outcome}};
    o["outcome_kind"] = i.outcome_kind ? bj::value(*i.outcome_kind) : bj::value(nullptr);
    o["outcome_kind_label"] = i.outcome_kind ? bj::value(label_of(outcome_kinds, *i.outcome_kind)) : bj::value(nullptr);
    items.push_back(std::move(o));
  }
  bj::array actions, carried, sends, history;
  for (const auto& a : KH_TRY(mrepo::actions_of(c, m.id))) actions.push_back(action_json(a));
  for (const auto& a : KH_TRY(mrepo::carried_actions(c, s.id, m.id, m.held_on))) carried.push_back(action_json(a));
  const auto send_rows = KH_TRY(mrepo::sends(c, m.id));
  for (const auto& x : send_rows) {
    const auto status = send_status(x);
    bj::object o{{"id", x.id}, {"to", x.to}, {"version", x.version}, {"at", format_iso8601_jst(x.at)}, {"attempts", x.attempts},
                 {"kind", x.kind}, {"kind_label", x.kind == "resend" ? "再送" : "確定時"},
                 {"status", status}, {"status_label", send_status_label(status, x.attempts)}};
    o["delivered_at"] = x.delivered_at ? bj::value(format_iso8601_jst(*x.delivered_at)) : bj::value(nullptr);
    o["sent_by"] = x.sent_by ? bj::value(KH_TRY(accounts_.person_label(*x.sent_by))) : bj::value(nullptr);
    o["error"] = status == "failed" && x.last_error ? bj::value(*x.last_error) : bj::value(nullptr);
    sends.push_back(std::move(o));
  }
  for (const auto& h : KH_TRY(mrepo::history(c, m.id))) {
    bj::object o{{"at", format_iso8601_jst(h.at)}, {"event", h.event}, {"detail", h.detail}};
    o["by"] = h.by ? bj::value(KH_TRY(accounts_.person_label(*h.by))) : bj::value(nullptr);
    history.push_back(std::move(o));
  }
  const bool organiser = kinds.contains("contractor") || kinds.contains("prefecture");
  const bool contractor = kinds.contains("contractor");
  const bool locked = m.minutes_status == "locked";
  bj::object minutes{{"status", m.minutes_status}, {"status_label", minutes_status_label(m.minutes_status)},
                     {"body", m.minutes_body}, {"version", m.minutes_version},
                     {"due_on", minutes_due_on(m, s.minutes_due_days)}, {"late", minutes_late(m, s.minutes_due_days)},
                     {"to", s.bureau_email}};
  minutes["locked_at"] = m.locked_at ? bj::value(format_iso8601_jst(*m.locked_at)) : bj::value(nullptr);
  return bj::object{{"id", m.id}, {"series", series_ref(s)}, {"prefecture", m.prefecture}, {"held_on", m.held_on},
                    {"place", m.place}, {"invited", lines_json(m.invited)}, {"participants", std::move(participants)},
                    {"items", std::move(items)}, {"actions", std::move(actions)}, {"carried_actions", std::move(carried)},
                    {"minutes", std::move(minutes)}, {"responses", std::move(responses)}, {"sends", std::move(sends)},
                    {"history", std::move(history)},
                    {"can_edit", organiser && !locked}, {"can_manage_actions", organiser},
                    {"can_write_minutes", contractor && !locked},
                    {"can_respond", is_participant && m.minutes_status == "confirming"},
                    {"can_resend", contractor && locked && !send_rows.empty() && send_status(send_rows.front()) != "sent"},
                    {"created_at", format_iso8601_jst(m.created_at)}, {"updated_at", format_iso8601_jst(m.updated_at)}};
}

Result<bj::object> Service::update_meeting(const accounts::CurrentUser& viewer, const std::string& id, const bj::object& body) {
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto m = KH_TRY(visible_meeting(c, viewer, id));
    KH_TRY_VOID(require_organiser(c, viewer, m.prefecture));
    if (m.minutes_status == "locked") return fail(minutes_locked);
    json::FieldReader r(body);
    auto held_on = r.optional_string("held_on", "開催日", 10);
    if (held_on && !r.has_error("held_on") && !is_valid_date(*held_on))
      r.add_error("held_on", "「開催日」はYYYY-MM-DDの日付で入力してください。");
    auto place = r.optional_string("place", "場所・方法", 100);
    if (place && place->empty() && !r.has_error("place")) r.add_error("place", json::msg_required("場所・方法"));
    auto invited = read_names(r, "invited", "招へい団体");
    auto items = read_items(body, r);
    auto people = KH_TRY(read_participants(accounts_, r, m.prefecture));
    KH_TRY_VOID(r.finish());
    // Participants added while the minutes await confirmation are asked too, as the others were.
    std::vector<accounts::User> added;
    if (people && m.minutes_status == "confirming") {
      const auto before = KH_TRY(mrepo::participants(c, m.id));
      std::vector<std::string> fresh;
      for (const auto& uid : *people)
        if (std::find(before.begin(), before.end(), uid) == before.end()) fresh.push_back(uid);
      added = KH_TRY(active_users(accounts_, fresh, viewer.user.id));
    }
    std::vector<std::string> changed;
    if (held_on && *held_on != m.held_on) { m.held_on = *held_on; changed.push_back("開催日"); }
    if (place && *place != m.place) { m.place = *place; changed.push_back("場所・方法"); }
    if (invited) { m.invited = *invited; changed.push_back("招へい団体"); }
    if (people) changed.push_back("参加者");
    if (items) changed.push_back("議題・結果");
    m.updated_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(mrepo::update_meeting(c, m));
      if (people) KH_TRY_VOID(mrepo::set_participants(c, m.id, *people));
      if (items) KH_TRY_VOID(mrepo::replace_items(c, m.id, *items));
      if (!added.empty()) {
        const auto s = KH_TRY(mrepo::find_series(c, m.series_id)).value();
        KH_TRY_VOID(notify_confirmation_request(c, accounts_, s, m, added, viewer.user));
      }
      KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "updated", text::join(changed, "、"), m.updated_at));
      return audit::record(c, accounts::actor_of(viewer), "workenv_meeting_updated", "workenv_meeting", m.id);
    }));
  }
  return meeting(viewer, id);
}

// ---- action items ------------------------------------------------------------------------------------------------

Result<bj::object> Service::add_action(const accounts::CurrentUser& viewer, const std::string& meeting_id, const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto m = KH_TRY(visible_meeting(c, viewer, meeting_id));
  KH_TRY_VOID(require_organiser(c, viewer, m.prefecture));
  if (m.minutes_status == "locked") return fail(minutes_locked);
  json::FieldReader r(body);
  mrepo::Action a;
  a.title = r.required_string("title", "対応事項", 200);
  a.owner = r.required_string("owner", "担当", 100);
  a.due_date = r.required_string("due_date", "期限", 10);
  if (!r.has_error("due_date") && !is_valid_date(a.due_date)) r.add_error("due_date", "「期限」はYYYY-MM-DDの日付で入力してください。");
  KH_TRY_VOID(r.finish());
  a.id = crypto::new_id("wma");
  a.series_id = m.series_id;
  a.meeting_id = m.id;
  a.status = "open";
  a.origin_held_on = m.held_on;
  const auto now = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(mrepo::insert_action(c, a, viewer.user.id, now));
    KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "action", a.title + "（担当: " + a.owner + "、期限: " + a.due_date + "）", now));
    return audit::record(c, accounts::actor_of(viewer), "workenv_action_created", "workenv_meeting_action", a.id);
  }));
  return action_json(a);
}

Result<bj::object> Service::update_action(const accounts::CurrentUser& viewer, const std::string& id, const bj::object& body) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto a = KH_TRY(mrepo::find_action(c, id));
  if (!a) return fail(action_not_found);
  auto found = KH_TRY(mrepo::find_meeting(c, a->meeting_id));
  if (!found || std::find(prefectures.begin(), prefectures.end(), found->prefecture) == prefectures.end()) return fail(action_not_found);
  auto& m = *found;
  KH_TRY_VOID(require_organiser(c, viewer, m.prefecture));
  json::FieldReader r(body);
  auto status = r.optional_string("status", "状況", 10);
  if (status && !is_choice(action_statuses, *status)) r.add_error("status", "「状況」は " + choices_text(action_statuses) + " のいずれかです。");
  auto title = r.optional_string("title", "対応事項", 200);
  auto owner = r.optional_string("owner", "担当", 100);
  auto due = r.optional_string("due_date", "期限", 10);
  if (due && !r.has_error("due_date") && !is_valid_date(*due)) r.add_error("due_date", "「期限」はYYYY-MM-DDの日付で入力してください。");
  KH_TRY_VOID(r.finish());
  // The wording belongs to the minutes of the meeting that decided it: fixed once they are locked.
  if ((title || owner || due) && m.minutes_status == "locked") return fail(minutes_locked);
  if (title && !title->empty()) a->title = *title;
  if (owner && !owner->empty()) a->owner = *owner;
  if (due && !due->empty()) a->due_date = *due;
  if (status && *status != a->status) {
    a->status = *status;
    a->done_on = *status == "done" ? std::optional<std::string>(iso_of_days(today_days())) : std::nullopt;
  }
  const auto now = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(mrepo::update_action(c, *a, now));
    KH_TRY_VOID(mrepo::log(c, m.id, viewer.user.id, "action", a->title + "：" + label_of(action_statuses, a->status), now));
    return audit::record(c, accounts::actor_of(viewer), "workenv_action_updated", "workenv_meeting_action", a->id, a->status);
  }));
  return action_json(*a);
}

}  // namespace kh::workenv
