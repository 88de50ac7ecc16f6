// Interviews: the facility (or coordinator) proposes slots, the seeker picks one, both get an .ics
// invitation; reschedule by proposing again, cancel from either side; the online room's WebRTC signalling is
// relayed to the other party's open pages (the media flows browser to browser).
#include <boost/json.hpp>

#include <cstdio>

#include "accounts/accounts.h"
#include "applications/loaded.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/time.h"
#include "http/event_stream.h"
#include "mail/mail.h"
#include "notify/notify.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::applications {
namespace bj = boost::json;
namespace {

//! A slot as stored and shown: Japan time, "2026-12-03T10:00+09:00" (seconds only when there are any). Slots are
//! parsed by the one strict parser and written back by us, so nothing a client typed reaches a calendar file.
std::string slot_text(std::int64_t ms) {
  const auto jst = format_iso8601_jst(ms);  // 2026-12-03T10:00:00+09:00
  return ms % 60'000 == 0 ? jst.substr(0, 16) + jst.substr(19) : jst;
}

std::string ics_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    if (c == '\r') continue;  // a bare CR would end the property line: nothing typed may add a property
    out += c;
  }
  return out;
}

const Error interview_not_found = errors::not_found("指定された面接は見つかりません。");

std::string utc_stamp(std::int64_t ms) {
  const auto iso = format_iso8601_utc(ms);
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "T" + iso.substr(11, 2) + iso.substr(14, 2) + iso.substr(17, 2) + "Z";
}

struct Appointment {
  std::string interview_id, slot, title, location;
  std::int64_t duration_minutes = 60;
  bool online = true;
  std::int64_t stamp_ms = 0;
};

//! An RFC 5545 calendar with one event; times in UTC so every calendar shows them right.
Result<std::string> build_ics(const Appointment& a) {
  const auto start_ms = parse_datetime(a.slot);
  if (!start_ms) return fail(errors::internal("bad interview slot " + a.slot));
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kakehashi//Interview//JA\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n"
         "UID:" + a.interview_id + "@kakehashi\r\nDTSTAMP:" + utc_stamp(a.stamp_ms) + "\r\nDTSTART:" + utc_stamp(*start_ms) +
         "\r\nDTEND:" + utc_stamp(*start_ms + a.duration_minutes * 60'000) + "\r\nSUMMARY:" + ics_escape("面接: " + a.title) +
         "\r\nLOCATION:" + ics_escape(a.location) +
         "\r\nDESCRIPTION:" + ics_escape(a.online ? "オンライン面接（かけはしの面接ルーム）" : "対面の面接") +
         "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}

}  // namespace

Result<bj::object> Service::propose_interview(const accounts::CurrentUser& actor, const std::string& id, const bj::object& body) {
  auto a = KH_TRY(load(actor, id));
  if (!a.as_facility && !a.as_coordinator && !a.as_secretariat) return fail(errors::forbidden("面接の日程は医療機関またはコーディネーターが提案します。"));
  if (a.stage != "new" && a.stage != "coordinating" && a.stage != "interview_scheduling")
    return fail(errors::conflict("stage_closed", std::string("「") + stage_name(a.stage) + "」の応募では面接を設定できません。"));
  std::map<std::string, std::string> problems;
  bj::array slots;
  const auto* list = body.if_contains("slots");
  if (!list || !list->is_array() || list->as_array().empty() || list->as_array().size() > 5)
    problems["slots"] = "「候補日時」を1〜5件入力してください。";
  else
    for (const auto& s : list->as_array())
      if (const auto ms = s.is_string() ? parse_datetime(std::string_view(s.as_string())) : std::nullopt; !ms) {
        problems["slots"] = "「候補日時」は 2026-12-03T10:00+09:00 の形式で、2000年〜2100年の実在する日時を入力してください。";
        break;
      } else {
        slots.push_back(bj::string(slot_text(*ms)));
      }
  json::FieldReader f(body);
  const auto duration = f.optional_integer("duration_minutes", "面接時間（分）", 15, 240).value_or(60);
  const bool online = f.optional_bool("online", "オンライン面接").value_or(true);
  const auto place = f.optional_string("place", "場所", 200);
  if (!online && (!place || place->empty())) f.add_error("place", "対面の面接では「場所」を入力してください。");
  for (const auto& [k, v] : f.errors()) problems.try_emplace(k, v);
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));
  const auto now = now_ms();
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    // Proposing again reschedules: the open proposal or appointment is replaced.
    KH_TRY(c.execute("UPDATE interviews SET status = 'cancelled', updated_at = $2 WHERE application_id = $1 AND status IN ('proposed', 'scheduled')", {id, now}));
    KH_TRY(c.execute("INSERT INTO interviews (id, application_id, status, slots, duration_minutes, online, place, created_at, updated_at) "
                     "VALUES ($1, $2, 'proposed', $3, $4, $5, $6, $7, $7)",
                     {crypto::new_id("itv"), id, bj::serialize(slots), duration, store::flag(online),
                      online ? store::Param{nullptr} : store::optional_text(place), now}));
    if (a.stage != "interview_scheduling") {
      KH_TRY(c.execute("UPDATE applications SET stage = 'interview_scheduling', updated_at = $2 WHERE id = $1", {id, now}));
      KH_TRY(c.execute("INSERT INTO application_events (application_id, at, actor_id, actor_login, from_stage, to_stage) VALUES ($1, $2, $3, $4, $5, 'interview_scheduling')",
                       {id, now, actor.user.id, actor.user.login, a.stage}));
    }
    KH_TRY_VOID(store::append_change(c, "application", id, "update"));
    return audit::record(c, accounts::actor_of(actor), "interview_proposed", "application", id);
  }));
  KH_TRY_VOID(notify_parties(a, actor.user.id, "interview", "面接の候補日時が届きました",
                             "募集「" + a.posting.title + "」の面接候補日時が提案されました。", "itv:" + id + ":" + std::to_string(now)));
  return render(actor, KH_TRY(load(actor, id)));
}

Result<bj::object> Service::answer_interview(const accounts::CurrentUser& actor, const std::string& interview_id, const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto r = KH_TRY(c.execute("SELECT application_id, status, slots, duration_minutes, online, place FROM interviews WHERE id = $1", {interview_id}));
  if (r.rows.empty()) return fail(interview_not_found);
  const std::string app_id = r.rows[0].text(0), status = r.rows[0].text(1);
  auto loaded = load(actor, app_id);
  if (!loaded) return fail(interview_not_found);
  auto& a = *loaded;
  const auto slots = bj::parse(r.rows[0].text(2)).as_array();
  const auto* action = body.if_contains("action");
  const std::string act = action && action->is_string() ? std::string(action->as_string()) : "";
  const auto now = now_ms();
  std::string title;
  if (act == "accept") {
    if (!a.as_seeker) return fail(errors::forbidden("候補日時を選ぶのは求職者です。"));
    if (status != "proposed") return fail(errors::conflict("interview_not_open", "この面接の候補日時はもう選べません。"));
    const auto* slot = body.if_contains("slot");
    if (!slot || !slot->is_int64() || slot->as_int64() < 0 || static_cast<std::size_t>(slot->as_int64()) >= slots.size())
      return fail(errors::validation({{"slot", "「候補日時」から1つ選んでください。"}}));
    const std::string chosen(slots.at(static_cast<std::size_t>(slot->as_int64())).as_string());
    std::vector<std::string> emails;
    if (auto u = KH_TRY(accounts_.find_user(a.seeker_id))) emails.push_back(u->email);
    for (const auto& m : KH_TRY(accounts_.members_of(a.posting.facility_id))) emails.push_back(m.email);
    const bool online = r.rows[0].boolean(4);
    const auto ics = KH_TRY(build_ics({interview_id, chosen, a.posting.title,
                                       online ? settings_.public_url + "/applications/" + app_id + "/interview" : r.rows[0].text(5),
                                       r.rows[0].integer(3), online, now}));
    // The mail says it as people read it (「2026年12月3日(木) 10:00」); the calendar file keeps the exact time.
    const auto chosen_ms = parse_datetime(chosen);
    const std::string when = chosen_ms ? format_datetime_ja(*chosen_ms) : chosen;
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY(c.execute("UPDATE interviews SET status = 'scheduled', chosen_slot = $2, updated_at = $3 WHERE id = $1", {interview_id, chosen, now}));
      for (const auto& e : emails)
        KH_TRY_VOID(mail::enqueue(c, {e, "【かけはし】面接の日時が決まりました",
                                      "募集「" + a.posting.title + "」の面接日時が決まりました。\n日時: " + when +
                                          "\n\n招待状（interview.ics）を添付しました。カレンダーに登録してください。\n" +
                                          settings_.public_url + "/applications/" + app_id + "\n",
                                      mail::MailAttachment{"interview.ics", "text/calendar; charset=UTF-8; method=PUBLISH", ics}}));
      return audit::record(c, accounts::actor_of(actor), "interview_scheduled", "application", app_id);
    }));
    title = "面接の日時が決まりました";
  } else if (act == "cancel") {
    if (status != "proposed" && status != "scheduled") return fail(errors::conflict("interview_not_open", "この面接はすでに終了または取り消されています。"));
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY(c.execute("UPDATE interviews SET status = 'cancelled', updated_at = $2 WHERE id = $1", {interview_id, now}));
      return audit::record(c, accounts::actor_of(actor), "interview_cancelled", "application", app_id);
    }));
    title = "面接が取り消されました";
  } else if (act == "held") {
    if (!a.as_facility && !a.as_secretariat) return fail(errors::forbidden("面接の実施を記録するのは医療機関です。"));
    if (status != "scheduled") return fail(errors::conflict("interview_not_scheduled", "日時の決まった面接だけを実施済みにできます。"));
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY(c.execute("UPDATE interviews SET status = 'held', updated_at = $2 WHERE id = $1", {interview_id, now}));
      if (a.stage == "interview_scheduling") {
        KH_TRY(c.execute("UPDATE applications SET stage = 'interviewed', updated_at = $2 WHERE id = $1", {app_id, now}));
        KH_TRY(c.execute("INSERT INTO application_events (application_id, at, actor_id, actor_login, from_stage, to_stage) VALUES ($1, $2, $3, $4, 'interview_scheduling', 'interviewed')",
                         {app_id, now, actor.user.id, actor.user.login}));
      }
      KH_TRY_VOID(store::append_change(c, "application", app_id, "update"));
      return audit::record(c, accounts::actor_of(actor), "interview_held", "application", app_id);
    }));
    title = "面接が実施されました";
  } else {
    return fail(errors::validation({{"action", "「操作」は accept, cancel, held のいずれかです。"}}));
  }
  KH_TRY_VOID(notify_parties(a, actor.user.id, "interview", title, "募集「" + a.posting.title + "」: " + title,
                             "itv:" + interview_id + ":" + act + ":" + std::to_string(now)));
  return render(actor, KH_TRY(load(actor, app_id)));
}

Result<std::string> Service::interview_ics(const accounts::CurrentUser& viewer, const std::string& interview_id) {
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT application_id, status, chosen_slot, duration_minutes, online, place, updated_at FROM interviews WHERE id = $1",
                                   {interview_id}));
  if (r.rows.empty()) return fail(interview_not_found);
  const auto& row = r.rows[0];
  auto a = load(viewer, row.text(0));
  if (!a || (!a->as_seeker && !a->as_facility && !a->as_coordinator && !a->as_secretariat)) return fail(interview_not_found);
  if (row.text(1) != "scheduled" || row.is_null(2)) return fail(errors::conflict("interview_not_scheduled", "面接の日時がまだ決まっていません。"));
  const bool online = row.boolean(4);
  return build_ics({interview_id, row.text(2), a->posting.title,
                    online ? settings_.public_url + "/applications/" + a->id + "/interview" : row.text(5), row.integer(3), online,
                    row.integer(6)});
}

Result<void> Service::relay_signal(const accounts::CurrentUser& sender, const std::string& interview_id, const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT application_id, status, online FROM interviews WHERE id = $1", {interview_id}));
  if (r.rows.empty()) return fail(interview_not_found);
  auto a = load(sender, r.rows[0].text(0));
  if (!a || (!a->as_seeker && !a->as_facility)) return fail(interview_not_found);
  if (r.rows[0].text(1) != "scheduled" || !r.rows[0].boolean(2))
    return fail(errors::conflict("room_closed", "この面接のオンラインルームは利用できません。"));
  const auto* type = body.if_contains("type");
  const std::string t = type && type->is_string() ? std::string(type->as_string()) : "";
  if (t != "offer" && t != "answer" && t != "candidate" && t != "bye" && t != "hello")
    return fail(errors::validation({{"type", "「type」は hello, offer, answer, candidate, bye のいずれかです。"}}));
  const auto* data = body.if_contains("data");
  const std::string event = bj::serialize(bj::object{{"interview_id", interview_id}, {"from", a->as_seeker ? "seeker" : "facility"},
                                                      {"type", t}, {"data", data ? *data : bj::value(nullptr)}});
  // Signalling goes to the other side only: the seeker's pages, or the facility staff's.
  std::vector<std::string> recipients;
  if (a->as_seeker)
    for (const auto& m : KH_TRY(accounts_.members_of(a->posting.facility_id))) recipients.push_back(m.id);
  else recipients.push_back(a->seeker_id);
  // At once to the pages this process holds; through the change log to those other processes hold.
  for (const auto& u : recipients) hub_.publish(u, "interview_signal", event);
  auto& c = *lease;
  const auto now = now_ms();
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("DELETE FROM relayed_signals WHERE created_at < $1", {now - 600'000}));
    for (const auto& u : recipients) {
      const auto id = crypto::new_id("sig");
      KH_TRY(c.execute("INSERT INTO relayed_signals (id, recipient_id, event, origin, created_at) VALUES ($1, $2, $3, $4, $5)",
                       {id, u, event, hub_.origin(), now}));
      KH_TRY_VOID(store::append_change(c, "signal", id, "create"));
    }
    return {};
  });
}

}  // namespace kh::applications
