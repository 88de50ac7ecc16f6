// Placement rounds after the centre's settings: opening the round for ranking (notices and mails, once), the
// confirmed result as CSV for Excel, and a follow-up round for the unmatched doctors and unfilled seats.
#include <boost/json.hpp>

#include <map>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "mail/mail.h"
#include "notify/notify.h"
#include "placement_rounds/detail.h"
#include "placement_rounds/placement_rounds.h"
#include "placement_rounds/repo.h"
#include "reference/reference.h"
#include "seekers/seekers.h"
#include "store/database.h"

namespace kh::placement_rounds {
namespace bj = boost::json;
using namespace detail;

// ---- opening for ranking, the result for Excel, a follow-up round ---------------------------------------------

Result<bj::object> Service::open_ranking(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  Loaded l;
  std::map<std::string, std::string> account_of;  // doctor → user
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
    KH_TRY_VOID(require_open(l.round));
    if (l.round.ranking_opened_at) return round(u, id);  // opened before: nobody is told twice
    if (l.positions.empty()) return fail(errors::conflict("no_positions", "ポジションがまだありません。先に定員を登録してから順位の入力を始めてください。"));
    std::vector<std::string> ids;
    for (const auto& d : l.doctors) ids.push_back(d.id);
    account_of = KH_TRY(repo::accounts_of_doctors(c, ids));
  }
  // Who is told, looked up before a connection is taken (accounts and seekers take their own).
  struct Doctor {
    const repo::Doctor* registry;
    std::optional<accounts::User> user;
    notify::MailState mail = notify::MailState::none;
  };
  std::vector<Doctor> doctors;
  for (const auto& d : l.doctors) {
    Doctor x{&d, std::nullopt, notify::MailState::none};
    if (const auto it = account_of.find(d.id); it != account_of.end())
      if (auto user = KH_TRY(accounts_.find_user(it->second)); user && user->status == "active") {
        // Per the doctor's choice for notices (their profile as a seeker): at once, in the daily digest, or in the app only.
        std::string pref = "immediate";
        if (const auto profile = KH_TRY(seekers_.find(user->id)))
          if (const auto doc = bj::parse(profile->json); doc.as_object().contains("notify")) pref = std::string(doc.at("notify").as_string());
        x.mail = pref == "off" ? notify::MailState::none : pref == "daily" ? notify::MailState::digest : notify::MailState::sent;
        x.user = std::move(*user);
      }
    doctors.push_back(std::move(x));
  }
  std::map<std::string, std::vector<accounts::User>> members;  // facility → its users
  for (const auto& p : l.positions)
    if (p.facility_id && !members.contains(*p.facility_id)) members[*p.facility_id] = KH_TRY(accounts_.members_of(*p.facility_id));
  const auto& r = l.round;
  const std::string doctor_deadline = format_date_ja(r.doctor_deadline), facility_deadline = format_date_ja(r.facility_deadline);
  {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const std::string term = format_date_ja(r.term_start) + "〜" + format_date_ja(r.term_end);
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    if (!KH_TRY(repo::mark_ranking_opened(c, id, person(u), now_ms()))) return {};  // someone opened it meanwhile
    std::int64_t told = 0;
    for (const auto& d : doctors) {
      if (d.user) {
        const std::string title = "配属先選定の志望順位の入力が始まりました";
        const std::string body = r.title + "（配属期間 " + term + "）：" + doctor_deadline + "までに、配属を希望する医療機関を希望の順に選んでください。";
        const std::string link = "/me/placement/rounds/" + id;
        const bool fresh = KH_TRY(notify::insert(c, {{}, d.user->id, "placement_round", title, body, link, 0, {}},
                                                 "placement_open:" + id + ":" + d.user->id, d.mail));
        if (fresh && d.mail == notify::MailState::sent && !d.user->email.ends_with(".invalid"))
          KH_TRY_VOID(mail::enqueue(c, {d.user->email, "【かけはし】" + title,
                                        d.registry->name + " 様\n\n" + r.centre_name + "です。" + body + "\n\n" + public_url_ + link +
                                            "\n\n締切のあとは、変更は" + r.centre_name + "にご連絡ください。\n通知の受け取り方は「希望条件」の画面で変更できます。\n"}));
        told += fresh;
      } else if (d.registry->email && !d.registry->email->empty()) {
        // Without an account: the registry's address; the centre hears the wishes in an interview.
        KH_TRY_VOID(mail::enqueue(c, {*d.registry->email, "【かけはし】配属先選定の志望順位をお聞きします（" + std::to_string(r.year) + "年度）",
                                      d.registry->name + " 様\n\n" + r.centre_name + "です。" + r.title + "（配属期間 " + term +
                                          "）の志望順位を、" + doctor_deadline + "までに面談でお聞きします。担当者からご連絡します。\n\n"
                                          "ご不明な点は" + r.centre_name + "までお問い合わせください。\n"}));
        ++told;
      }
    }
    for (const auto& [facility, users] : members)
      for (const auto& user : users)
        KH_TRY(notify::insert_for_staff(c, user, {{}, user.id, "placement_round", "配属先選定が始まりました：" + r.title,
                                                   r.centre_name + "の配属先選定（配属期間 " + term + "）に貴院のポジションがあります。医師の志望の締切は" +
                                                       doctor_deadline + "、貴院の順位の締切は" + facility_deadline +
                                                       "です。志望した医師に順位をつけてください。",
                                                   "/placement/rounds/" + id, 0, {}},
                                        "placement_open:" + id + ":" + user.id, public_url_));
    return audit::record(c, accounts::actor_of(u), "placement_ranking_opened", "placement_round", id,
                         std::to_string(told) + " doctors told, " + std::to_string(members.size()) + " facilities");
  }));
  }
  return round(u, id);
}

Result<std::string> Service::result_csv(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
  if (l.round.state != "confirmed")
    return fail(errors::conflict("not_confirmed", "結果のCSVは選定を確定したあとで出力できます。"));
  std::map<std::string, std::string> names;
  for (const auto& d : KH_TRY(repo::doctors_of(c, {l.round.prefecture}))) names[d.id] = d.name;
  // The choice each placed doctor got, from the preview that was confirmed.
  std::map<std::string, std::int64_t> choice;
  if (l.round.confirmed_preview_id)
    if (const auto p = KH_TRY(repo::find_preview(c, *l.round.confirmed_preview_id))) {
      const auto answer = bj::parse(p->result_json);
      for (const auto& v : answer.as_object().at("doctors").as_array())
        if (const auto& d = v.as_object(); d.at("choice").is_int64() || d.at("choice").is_uint64()) choice[str(d.at("id"))] = num(d.at("choice"));
    }
  const auto text = [](const std::optional<std::string>& v) { return csv::escape(v.value_or("")); };
  const std::string term = format_date_ja(l.round.term_start) + "〜" + format_date_ja(l.round.term_end);
  std::string out = "区分,氏名,配属先,診療科,二次医療圏,希望順位,配属期間,定員,配属数,空席\r\n";
  std::map<std::string, std::int64_t> filled;
  std::vector<std::string> unmatched;
  std::size_t placed = 0;
  for (const auto& o : KH_TRY(repo::outcomes_of(c, id))) {
    const auto* p = o.position_id ? find_position(l, *o.position_id) : nullptr;
    if (!p) {
      unmatched.push_back(names[o.doctor_id]);
      continue;
    }
    ++filled[p->id];
    ++placed;
    out += "配属," + csv::escape(names[o.doctor_id]) + "," + csv::escape(p->facility_name) + "," + text(p->department) + "," +
           csv::escape(area_name(catalogue_, p->area_code)) + "," + (choice.contains(o.doctor_id) ? csv::number(choice[o.doctor_id]) : "") +
           "," + csv::escape(term) + ",,,\r\n";
  }
  for (const auto& n : unmatched) out += "未配属," + csv::escape(n) + ",,,,,,,,\r\n";
  for (const auto& p : l.positions)
    if (filled[p.id] < p.capacity)
      out += "空席,," + csv::escape(p.facility_name) + "," + text(p.department) + "," + csv::escape(area_name(catalogue_, p.area_code)) + ",," +
             csv::escape(term) + "," + csv::number(p.capacity) + "," + csv::number(filled[p.id]) + "," + csv::number(p.capacity - filled[p.id]) + "\r\n";
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "placement_result_exported", "placement_round", id,
                            std::to_string(placed) + " placed, " + std::to_string(unmatched.size()) + " unmatched"));
  return text::to_windows31j(out);
}

Result<bj::object> Service::create_follow_up(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  repo::Round r;
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    const auto l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
    if (l.round.state != "confirmed")
      return fail(errors::conflict("not_confirmed", "二次選定は、選定を確定したあとで作成できます。"));
    for (const auto& other : KH_TRY(repo::rounds_of(c, {l.round.prefecture})))
      if (other.previous_round_id == id)
        return fail(errors::conflict("follow_up_exists", "この選定の二次選定（" + other.title + "）はすでにあります。"));
    json::FieldReader f(body);
    r = l.round;
    r.title.clear();
    read_settings(body, f, r, false);
    for (const auto* key : {"doctor_deadline", "facility_deadline"})
      if (!body.contains(key) && !f.has_error(key))
        f.add_error(key, json::msg_required(std::string_view(key) == "doctor_deadline" ? "医師の志望順位の締切日" : "医療機関の順位の締切日"));
    KH_TRY_VOID(f.finish());
    // What is left: the unmatched doctors (still under obligation) and the seats nobody took.
    std::map<std::string, int> filled;
    std::size_t unmatched = 0;
    for (const auto& o : KH_TRY(repo::outcomes_of(c, id))) {
      if (o.position_id) ++filled[*o.position_id];
      else if (find_eligible(l, o.doctor_id)) ++unmatched;
    }
    std::vector<repo::Position> positions;
    for (const auto& p : l.positions) {
      const int seats = p.capacity - filled[p.id];
      if (seats <= 0) continue;
      repo::Position x = p;
      x.id = crypto::new_id("pps");
      x.capacity = seats;
      x.target = std::clamp(p.target - filled[p.id], 0, seats);
      x.sort_order = static_cast<int>(positions.size()) + 1;
      positions.push_back(std::move(x));
    }
    if (unmatched == 0 || positions.empty())
      return fail(errors::conflict("nothing_to_follow_up", unmatched == 0 ? "未配属の医師がいないため、二次選定は作成できません。"
                                                                           : "空席がないため、二次選定は作成できません。"));
    // Each cap keeps what is left of it; targets under a cap are lowered, in the round-robin order, until they fit.
    std::map<std::string, int> cap_filled;
    std::vector<repo::Cap> caps;
    for (const auto& cap : l.caps) {
      const auto areas = cap_areas(catalogue_, cap, l.round.prefecture);
      int used = 0;
      for (const auto& p : l.positions)
        if (covers(areas, p.area_code)) used += filled[p.id];
      repo::Cap x = cap;
      x.id = crypto::new_id("pcp");
      x.cap = std::max(0, cap.cap - used);
      int targets = 0;
      for (auto& p : positions)
        if (covers(areas, p.area_code)) {
          p.target = std::min(p.target, std::max(0, x.cap - targets));
          targets += p.target;
        }
      caps.push_back(std::move(x));
    }
    r.id = crypto::new_id("prd");
    r.previous_round_id = id;
    if (r.title.empty()) r.title = l.round.title + "（二次選定）";
    r.state = "open";
    r.created_by_name = person(u);
    r.created_at = r.updated_at = now_ms();
    r.meeting_on.reset();
    r.minutes.reset();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::insert_round(c, r, u.user.id));
      KH_TRY_VOID(repo::replace_positions(c, r.id, positions));
      KH_TRY_VOID(repo::replace_caps(c, r.id, caps));
      return audit::record(c, accounts::actor_of(u), "placement_round_created", "placement_round", r.id,
                           r.title + " (follow-up of " + id + ": " + std::to_string(unmatched) + " doctors, " + std::to_string(positions.size()) +
                               " positions)");
    }));
  }
  return round(u, r.id);
}

}  // namespace kh::placement_rounds
