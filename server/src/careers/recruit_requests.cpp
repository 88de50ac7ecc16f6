// 募集の依頼: the career centre has no posting rights (SPEC.md), so from an open slot of a doctor's plan it asks a
// platform facility of its prefecture to recruit. The facility reads the period, the specialty, the centre's name
// and a note — never the doctor — and turns the request into a draft posting of its own, or declines it.
#include <boost/json.hpp>

#include <algorithm>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "careers/careers.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/time.h"
#include "notify/notify.h"
#include "postings/postings.h"
#include "reference/reference.h"
#include "store/database.h"

namespace kh::careers {
namespace bj = boost::json;
namespace {

const Error request_not_found = errors::not_found("指定された募集の依頼は見つかりません。");

constexpr std::string_view state_label(std::string_view s) {
  return s == "sent" ? "送付済み" : s == "posted" ? "求人化済み" : s == "declined" ? "辞退" : "";
}

//! The date `days` after an ISO date ("YYYY-MM-DD"), which must be valid.
std::string add_days(const std::string& iso, std::int64_t days) {
  return iso_date_jst((*parse_date(iso) + days) * 86'400'000LL);
}

struct Facility {
  std::string id, name;
  std::optional<std::string> area_code, area_name;
  bool shortage = false;
};

struct Slot {
  std::string kind;  //!< gap (a period without assignment) or assignment (a planned one at a platform facility)
  std::string start, end;
  std::optional<std::string> assignment_id, facility_id, facility_name, department;
};

struct Request {
  std::string id, prefecture, centre_id, centre_name, doctor_id;
  std::optional<std::string> assignment_id;
  std::string facility_id, facility_name, start, end;
  std::optional<std::string> specialty, department, note;
  std::string state;
  std::optional<std::string> posting_id, decline_reason;
  std::string created_by_name;
  std::int64_t created_at = 0;
  std::optional<std::string> handled_by_name;
  std::optional<std::int64_t> handled_at;
};

constexpr const char* request_columns =
    "id, prefecture, centre_id, centre_name, doctor_id, assignment_id, facility_id, facility_name, start_date, end_date, "
    "specialty, department, note, state, posting_id, decline_reason, created_by_name, created_at, handled_by_name, handled_at";

Request request_of(const store::Row& r) {
  Request q;
  q.id = r.text(0);
  q.prefecture = r.text(1);
  q.centre_id = r.text(2);
  q.centre_name = r.text(3);
  q.doctor_id = r.text(4);
  q.assignment_id = r.optional_text(5);
  q.facility_id = r.text(6);
  q.facility_name = r.text(7);
  q.start = r.text(8);
  q.end = r.text(9);
  q.specialty = r.optional_text(10);
  q.department = r.optional_text(11);
  q.note = r.optional_text(12);
  q.state = r.text(13);
  q.posting_id = r.optional_text(14);
  q.decline_reason = r.optional_text(15);
  q.created_by_name = r.text(16);
  q.created_at = r.integer(17);
  q.handled_by_name = r.optional_text(18);
  if (!r.is_null(19)) q.handled_at = r.integer(19);
  return q;
}

//! A request as JSON. The facility's view (`for_centre` false) has no doctor and no assignment.
bj::object request_json(const Request& q, bool for_centre) {
  const auto opt = [](const std::optional<std::string>& v) { return v ? bj::value(*v) : bj::value(nullptr); };
  bj::object o{{"id", q.id}, {"centre_name", q.centre_name}, {"facility_id", q.facility_id}, {"facility_name", q.facility_name},
               {"start", q.start}, {"end", q.end}, {"specialty", opt(q.specialty)}, {"department", opt(q.department)},
               {"note", opt(q.note)}, {"state", q.state}, {"state_label", std::string(state_label(q.state))},
               {"posting_id", opt(q.posting_id)}, {"decline_reason", opt(q.decline_reason)},
               {"created_by", q.created_by_name}, {"created_at", format_iso8601_jst(q.created_at)},
               {"handled_by", opt(q.handled_by_name)},
               {"handled_at", q.handled_at ? bj::value(format_iso8601_jst(*q.handled_at)) : bj::value(nullptr)}};
  if (for_centre) {
    o["doctor_id"] = q.doctor_id;
    o["assignment_id"] = opt(q.assignment_id);
  }
  return o;
}

bj::object slot_json(const Slot& s) {
  const auto opt = [](const std::optional<std::string>& v) { return v ? bj::value(*v) : bj::value(nullptr); };
  return bj::object{{"kind", s.kind}, {"start", s.start}, {"end", s.end}, {"assignment_id", opt(s.assignment_id)},
                    {"facility_id", opt(s.facility_id)}, {"facility_name", opt(s.facility_name)}, {"department", opt(s.department)}};
}

//! The platform facilities (facility organisations) of the centre's prefectures, with their 二次医療圏.
Result<std::vector<Facility>> facilities_of(accounts::Service& accounts, const reference::Catalogue& catalogue,
                                            const std::vector<std::string>& prefectures) {
  std::vector<Facility> out;
  for (const auto& o : KH_TRY(accounts.list_organisations())) {
    if (o.kind != accounts::OrgKind::facility || std::find(prefectures.begin(), prefectures.end(), o.prefecture) == prefectures.end())
      continue;
    Facility f{o.id, o.name, {}, {}, false};
    if (o.municipality)
      if (const auto m = catalogue.municipality(*o.municipality); m && !m->area_code.empty())
        if (const auto a = catalogue.area(m->area_code)) {
          f.area_code = a->code;
          f.area_name = a->name;
          f.shortage = a->designation && a->designation->designation == "医師少数区域";
        }
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const Facility& a, const Facility& b) { return std::tie(b.shortage, a.name) < std::tie(a.shortage, b.name); });
  return out;
}

//! The open slots of a plan from today on: the periods between assignments, and the planned assignments at a
//! platform facility (by id, or by the name the centre typed) in a 医師少数区域.
std::vector<Slot> open_slots(const std::string& assignments_json, const std::vector<Facility>& facilities,
                             const reference::Catalogue& catalogue) {
  struct A { std::string id, kind, start, end; std::optional<std::string> facility_id, facility_name, department, area_code; bool actual; };
  std::vector<A> list;
  const bj::value parsed = bj::parse(assignments_json);
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    const auto str = [&](const char* k) -> std::optional<std::string> {
      const auto* x = o.if_contains(k);
      return x && x->is_string() && !x->as_string().empty() ? std::optional(std::string(x->as_string())) : std::nullopt;
    };
    A a{str("id").value_or(""), str("kind").value_or("work"), str("start").value_or(""), str("end").value_or(""),
        str("facility_id"), str("facility_name"), str("department"), str("area_code"),
        o.if_contains("actual") && o.at("actual").is_bool() && o.at("actual").as_bool()};
    if (is_valid_date(a.start) && is_valid_date(a.end) && a.start <= a.end) list.push_back(std::move(a));
  }
  std::sort(list.begin(), list.end(), [](const A& x, const A& y) { return x.start < y.start; });
  const std::string today = today_iso_jst();
  std::vector<Slot> out;
  std::string covered_to;  // the last day covered by the assignments so far
  for (const auto& a : list) {
    if (!covered_to.empty() && a.start > add_days(covered_to, 1)) {
      Slot s{"gap", add_days(covered_to, 1), add_days(a.start, -1), {}, {}, {}, {}};
      if (s.end >= today) {
        s.start = std::max(s.start, today);
        out.push_back(std::move(s));
      }
    }
    if (covered_to.empty() || a.end > covered_to) covered_to = a.end;
    if (a.actual || a.kind == "interruption" || a.end < today) continue;
    const Facility* f = nullptr;
    for (const auto& x : facilities)
      if ((a.facility_id && x.id == *a.facility_id) || (a.facility_name && x.name == *a.facility_name)) f = &x;
    if (!f) continue;
    bool shortage = f->shortage;
    if (a.area_code)
      if (const auto area = catalogue.area(*a.area_code)) shortage = area->designation && area->designation->designation == "医師少数区域";
    if (!shortage) continue;
    out.push_back(Slot{"assignment", std::max(a.start, today), a.end, a.id, f->id, f->name, a.department});
  }
  return out;
}

struct Scoped {
  std::vector<std::string> prefectures;
  std::string doctor_id, doctor_prefecture;
  std::optional<std::string> plan_json;
};

//! The doctor of the centre's prefecture, with the plan in force; 404 otherwise.
Result<Scoped> scoped_doctor(store::Connection& c, const accounts::CurrentUser& u, const std::string& doctor_id) {
  Scoped s;
  s.prefectures = KH_TRY(centre_prefectures(u));
  auto r = KH_TRY(c.execute("SELECT prefecture FROM career_doctors WHERE id = $1", {doctor_id}));
  if (r.rows.empty() || std::find(s.prefectures.begin(), s.prefectures.end(), r.rows[0].text(0)) == s.prefectures.end())
    return fail(errors::not_found("指定された医師は見つかりません。"));
  s.doctor_id = doctor_id;
  s.doctor_prefecture = r.rows[0].text(0);
  auto p = KH_TRY(c.execute("SELECT assignments FROM career_plans WHERE doctor_id = $1", {doctor_id}));
  if (!p.rows.empty()) s.plan_json = p.rows[0].text(0);
  return s;
}

//! A request to one of the caller's facilities (facility staff only; another organisation's reads as 404).
Result<Request> facility_request(store::Connection& c, const accounts::CurrentUser& u, const std::string& id) {
  KH_TRY_VOID(accounts::require_role(u, {accounts::Role::facility}));
  auto r = KH_TRY(c.execute(std::string("SELECT ") + request_columns + " FROM career_recruit_requests WHERE id = $1", {id}));
  if (r.rows.empty()) return fail(request_not_found);
  auto q = request_of(r.rows[0]);
  for (const auto& o : u.user.organisations)
    if (o.kind == accounts::OrgKind::facility && o.id == q.facility_id) return q;
  return fail(request_not_found);
}

std::string period_ja(const Request& q) { return format_date_ja(q.start) + "〜" + format_date_ja(q.end); }

}  // namespace

Result<bj::object> Service::recruit_options(const accounts::CurrentUser& u, const std::string& doctor_id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto s = KH_TRY(scoped_doctor(c, u, doctor_id));
  const auto facilities = KH_TRY(facilities_of(accounts_, catalogue_, {s.doctor_prefecture}));
  bj::array slots, fac, requests;
  if (s.plan_json)
    for (const auto& x : open_slots(*s.plan_json, facilities, catalogue_)) slots.push_back(slot_json(x));
  for (const auto& f : facilities)
    fac.push_back(bj::object{{"id", f.id}, {"name", f.name}, {"area_code", f.area_code ? bj::value(*f.area_code) : nullptr},
                             {"area_name", f.area_name ? bj::value(*f.area_name) : nullptr}, {"shortage_area", f.shortage}});
  auto r = KH_TRY(c.execute(std::string("SELECT ") + request_columns +
                                " FROM career_recruit_requests WHERE doctor_id = $1 ORDER BY created_at DESC, id",
                            {doctor_id}));
  for (const auto& row : r.rows) requests.push_back(request_json(request_of(row), true));
  return bj::object{{"slots", std::move(slots)}, {"facilities", std::move(fac)}, {"requests", std::move(requests)}};
}

Result<bj::object> Service::send_recruit_request(const accounts::CurrentUser& u, const std::string& doctor_id, const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto s = KH_TRY(scoped_doctor(c, u, doctor_id));
  const auto facilities = KH_TRY(facilities_of(accounts_, catalogue_, {s.doctor_prefecture}));
  const auto slots = s.plan_json ? open_slots(*s.plan_json, facilities, catalogue_) : std::vector<Slot>{};

  json::FieldReader f(body);
  Request q;
  q.facility_id = f.required_string("facility_id", "依頼先の医療機関", 60);
  q.start = f.required_string("start", "募集期間の開始日", 10);
  q.end = f.required_string("end", "募集期間の終了日", 10);
  q.department = f.optional_string("department", "診療科", 60);
  q.note = f.optional_text("note", "依頼の内容", 2000);
  q.assignment_id = f.optional_string("assignment_id", "勤務計画", 40);
  if (q.department && q.department->empty()) q.department.reset();
  if (q.note && q.note->empty()) q.note.reset();
  if (q.assignment_id && q.assignment_id->empty()) q.assignment_id.reset();
  const Facility* facility = nullptr;
  for (const auto& x : facilities)
    if (x.id == q.facility_id) facility = &x;
  if (!q.facility_id.empty() && !facility)
    f.add_error("facility_id", "「依頼先の医療機関」は、この県の、かけはしを利用している医療機関から選んでください。");
  if (!q.start.empty() && !is_valid_date(q.start)) f.add_error("start", "「募集期間の開始日」は YYYY-MM-DD の形の日付で入力してください。");
  if (!q.end.empty() && !is_valid_date(q.end)) f.add_error("end", "「募集期間の終了日」は YYYY-MM-DD の形の日付で入力してください。");
  if (!f.has_error("start") && !f.has_error("end") && !q.start.empty() && !q.end.empty()) {
    if (q.end < q.start) f.add_error("end", "「募集期間の終了日」が開始日より前です。");
    else {
      // The period must lie inside one open slot: a period without assignment, or the planned assignment named.
      bool inside = false;
      for (const auto& x : slots) {
        if (q.start < x.start || q.end > x.end) continue;
        if (q.assignment_id ? x.kind == "assignment" && x.assignment_id == q.assignment_id : x.kind == "gap") inside = true;
      }
      if (!inside)
        f.add_error("start", q.assignment_id ? "「募集期間」は、選んだ勤務計画の今日以降の期間の中で指定してください。"
                                             : "「募集期間」は、計画の空き期間（勤務計画のない今日以降の期間）の中で指定してください。");
      if (inside && q.assignment_id)
        for (const auto& x : slots)
          if (x.assignment_id == q.assignment_id && x.facility_id != q.facility_id)
            f.add_error("facility_id", "「依頼先の医療機関」は、選んだ勤務計画の医療機関にしてください。");
    }
  }
  KH_TRY_VOID(f.finish());

  const accounts::Organisation* centre = nullptr;
  for (const auto& o : u.user.organisations)
    if (o.kind == accounts::OrgKind::career_center && o.prefecture == s.doctor_prefecture) centre = &o;
  if (!centre) return fail(errors::not_found("指定された医師は見つかりません。"));
  q.id = crypto::new_id("crr");
  q.prefecture = s.doctor_prefecture;
  q.centre_id = centre->id;
  q.centre_name = centre->name;
  q.doctor_id = doctor_id;
  q.facility_name = facility->name;
  if (q.department && catalogue_.specialty(*q.department)) q.specialty = q.department;
  q.state = "sent";
  q.created_by_name = accounts::person_label(u.user);
  q.created_at = now_ms();
  const auto members = KH_TRY(accounts_.members_of(q.facility_id));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO career_recruit_requests (id, prefecture, centre_id, centre_name, doctor_id, assignment_id, facility_id, "
                     "facility_name, start_date, end_date, specialty, department, note, state, created_by, created_by_name, created_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'sent', $14, $15, $16)",
                     {q.id, q.prefecture, q.centre_id, q.centre_name, q.doctor_id, store::optional_text(q.assignment_id), q.facility_id,
                      q.facility_name, q.start, q.end, store::optional_text(q.specialty), store::optional_text(q.department),
                      store::optional_text(q.note), u.user.id, q.created_by_name, q.created_at}));
    // The facility's staff: in the app at once, by mail as each of them chose. The doctor is not named.
    const std::string what = q.department ? "「" + *q.department + "」の医師" : std::string("医師");
    for (const auto& m : members)
      KH_TRY(notify::insert_for_staff(c, m, {{}, m.id, "career_recruit_request", q.centre_name + "から募集の依頼があります",
                                             q.centre_name + "から、" + period_ja(q) + "の" + what +
                                                 "の募集の依頼が届きました。求人の下書きにするか、辞退の理由を添えてお返事ください。",
                                             "/facility/recruit-requests", 0, {}},
                                     "crr:" + q.id + ":" + m.id, public_url_));
    return audit::record(c, accounts::actor_of(u), "career_recruit_request_sent", "career_doctor", doctor_id, q.id + " → " + q.facility_id);
  }));
  return request_json(q, true);
}

Result<bj::object> Service::facility_recruit_requests(const accounts::CurrentUser& u) {
  KH_TRY_VOID(accounts::require_role(u, {accounts::Role::facility}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  bj::array items;
  for (const auto& o : u.user.organisations) {
    if (o.kind != accounts::OrgKind::facility) continue;
    auto r = KH_TRY(c.execute(std::string("SELECT ") + request_columns +
                                  " FROM career_recruit_requests WHERE facility_id = $1 ORDER BY created_at DESC, id",
                              {o.id}));
    for (const auto& row : r.rows) items.push_back(request_json(request_of(row), false));
  }
  return bj::object{{"items", std::move(items)}};
}

Result<bj::object> Service::recruit_request_posting(const accounts::CurrentUser& u, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto q = KH_TRY(facility_request(c, u, id));
  const std::string name = accounts::person_label(u.user);
  const auto at = now_ms();
  // Claimed first, so two clicks never make two postings; given back if the posting cannot be made.
  auto claimed = KH_TRY(c.execute("UPDATE career_recruit_requests SET state = 'posted', handled_by = $2, handled_by_name = $3, handled_at = $4 "
                                  "WHERE id = $1 AND state = 'sent'",
                                  {id, u.user.id, name, at}));
  if (claimed.affected != 1)
    return fail(errors::conflict("already_handled", "この募集の依頼は、すでに求人にしたか辞退しています。"));

  // The draft: what the request says, the facility's address, the caller as contact; the facility completes it.
  bj::object workplace;
  for (const auto& o : u.user.organisations)
    if (o.id == q.facility_id) {
      workplace["prefecture"] = o.prefecture;
      if (o.municipality) workplace["municipality"] = *o.municipality;
      if (o.address) {
        workplace["street"] = *o.address;
        if (o.municipality)
          if (auto code = reference::postal_code_for_address(c, *o.municipality, *o.address); code && *code) workplace["postal_code"] = **code;
      }
    }
  const std::string what = q.department ? *q.department + "の医師" : std::string("医師");
  std::string duties = q.centre_name + "からの募集の依頼（" + period_ja(q) + "、" + what + "）による募集です。";
  if (q.note) duties += "\n" + *q.note;
  bj::object draft{{"facility_id", q.facility_id}, {"status", "draft"}, {"title", what + "の募集（" + period_ja(q) + "）"},
                   {"category", "doctor"}, {"employment", "fixed_term"}, {"start_date", q.start}, {"end_date", q.end},
                   {"urgency", "regular"}, {"positions", 1}, {"duties", duties}, {"masked", false},
                   {"workplace", std::move(workplace)},
                   {"contact", bj::object{{"name", u.user.display_name}, {"email", u.user.email.ends_with(".invalid") ? "" : u.user.email}}}};
  if (q.specialty) draft["specialty"] = *q.specialty;
  auto posting = postings_.create(u, draft);
  if (!posting) {
    KH_TRY(c.execute("UPDATE career_recruit_requests SET state = 'sent', handled_by = NULL, handled_by_name = NULL, handled_at = NULL WHERE id = $1", {id}));
    return fail(posting.error());
  }
  q.state = "posted";
  q.posting_id = posting->id;
  q.handled_by_name = name;
  q.handled_at = at;
  const auto centre_members = KH_TRY(accounts_.members_of(q.centre_id));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("UPDATE career_recruit_requests SET posting_id = $2 WHERE id = $1", {id, posting->id}));
    for (const auto& m : centre_members)
      KH_TRY(notify::insert_for_staff(c, m, {{}, m.id, "career_recruit_request", "募集の依頼が求人になりました",
                                             q.facility_name + "が、" + period_ja(q) + "の募集の依頼を求人の下書きにしました。",
                                             "/career/doctors/" + q.doctor_id, 0, {}},
                                     "crr:" + q.id + ":posted:" + m.id, public_url_));
    return audit::record(c, accounts::actor_of(u), "career_recruit_request_posted", "career_recruit_request", id, posting->id);
  }));
  auto o = request_json(q, false);
  return bj::object{{"request", std::move(o)}, {"posting_id", posting->id}};
}

Result<bj::object> Service::decline_recruit_request(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto q = KH_TRY(facility_request(c, u, id));
  json::FieldReader f(body);
  const auto reason = f.required_text("reason", "辞退の理由", 1000);
  KH_TRY_VOID(f.finish());
  const std::string name = accounts::person_label(u.user);
  const auto at = now_ms();
  const auto centre_members = KH_TRY(accounts_.members_of(q.centre_id));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    auto r = KH_TRY(c.execute("UPDATE career_recruit_requests SET state = 'declined', decline_reason = $2, handled_by = $3, "
                              "handled_by_name = $4, handled_at = $5 WHERE id = $1 AND state = 'sent'",
                              {id, reason, u.user.id, name, at}));
    if (r.affected != 1) return fail(errors::conflict("already_handled", "この募集の依頼は、すでに求人にしたか辞退しています。"));
    for (const auto& m : centre_members)
      KH_TRY(notify::insert_for_staff(c, m, {{}, m.id, "career_recruit_request", "募集の依頼が辞退されました",
                                             q.facility_name + "が、" + period_ja(q) + "の募集の依頼を辞退しました。理由：" + reason,
                                             "/career/doctors/" + q.doctor_id, 0, {}},
                                     "crr:" + q.id + ":declined:" + m.id, public_url_));
    return audit::record(c, accounts::actor_of(u), "career_recruit_request_declined", "career_recruit_request", id);
  }));
  q.state = "declined";
  q.decline_reason = reason;
  q.handled_by_name = name;
  q.handled_at = at;
  return request_json(q, false);
}

}  // namespace kh::careers
