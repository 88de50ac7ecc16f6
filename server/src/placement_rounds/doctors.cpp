// Placement rounds, a doctor's side (their own account): the rounds they take part in, their own ranks until the
// deadline, their result with the reasons for every facility they ranked higher; and the home's counts.
#include <boost/json.hpp>

#include <set>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/json.h"
#include "core/time.h"
#include "placement_rounds/detail.h"
#include "placement_rounds/placement_rounds.h"
#include "placement_rounds/repo.h"
#include "reference/reference.h"
#include "store/database.h"

namespace kh::placement_rounds {
namespace bj = boost::json;
using namespace detail;

// ---- a doctor ------------------------------------------------------------------------------------------------

namespace {
//! A linked doctor's part in a round: the registry record that takes part, and whether they have a result in it.
struct Mine {
  repo::Doctor doctor;
  std::optional<repo::Outcome> outcome;
};
//! Whether the doctor sees the round: opened for ranking and they take part, or confirmed with a result for them.
Result<std::optional<Mine>> mine_in(store::Connection& c, const Loaded& l, const std::vector<std::string>& own) {
  std::vector<repo::Outcome> outcomes;
  if (l.round.state == "confirmed") outcomes = KH_TRY(repo::outcomes_of(c, l.round.id));
  for (const auto& doctor_id : own) {
    std::optional<repo::Outcome> outcome;
    for (const auto& o : outcomes)
      if (o.doctor_id == doctor_id) outcome = o;
    const auto* d = find_eligible(l, doctor_id);
    if (outcome || (d && l.round.ranking_opened_at)) {
      auto record = d ? std::optional(*d) : KH_TRY(repo::find_doctor(c, doctor_id));
      if (record) return std::optional(Mine{std::move(*record), std::move(outcome)});
    }
  }
  return std::optional<Mine>{};
}
Result<std::vector<std::string>> own_doctors(store::Connection& c, const accounts::CurrentUser& u) {
  KH_TRY_VOID(accounts::require_role(u, {accounts::Role::seeker}));
  return repo::doctors_of_user(c, u.user.id);
}
}  // namespace

Result<bj::object> Service::my_rounds(const accounts::CurrentUser& u) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto own = KH_TRY(own_doctors(c, u));
  std::set<std::string> prefectures;
  for (const auto& id : own)
    if (const auto d = KH_TRY(repo::find_doctor(c, id))) prefectures.insert(d->prefecture);
  bj::array items;
  const auto today = today_iso_jst();
  for (const auto& r : KH_TRY(repo::rounds_of(c, {prefectures.begin(), prefectures.end()}))) {
    if (!r.ranking_opened_at && r.state != "confirmed") continue;
    const auto l = KH_TRY(load_all(c, r));
    const auto mine = KH_TRY(mine_in(c, l, own));
    if (!mine) continue;
    std::int64_t ranked = 0;
    for (const auto& x : l.doctor_ranks) ranked += x.doctor_id == mine->doctor.id;
    items.push_back(bj::object{{"id", r.id}, {"title", r.title}, {"year", r.year}, {"centre_name", r.centre_name}, {"state", r.state},
                               {"state_label", label_or_code(round_states, r.state)}, {"doctor_deadline", r.doctor_deadline},
                               {"deadline_passed", today > r.doctor_deadline}, {"term_start", r.term_start}, {"term_end", r.term_end},
                               {"ranked", ranked}, {"has_result", mine->outcome.has_value()}});
  }
  return bj::object{{"items", std::move(items)}};
}

Result<bj::object> Service::my_round(const accounts::CurrentUser& u, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto own = KH_TRY(own_doctors(c, u));
  auto found = KH_TRY(repo::find_round(c, id));
  if (!found) return fail(round_not_found);
  const auto l = KH_TRY(load_all(c, std::move(*found)));
  const auto mine = KH_TRY(mine_in(c, l, own));
  if (!mine) return fail(round_not_found);
  const auto& r = l.round;
  // The positions: facility, department, area, seats — nothing about other doctors.
  bj::array positions;
  for (const auto& p : l.positions) {
    auto o = position_json(catalogue_, p);
    o.erase("facility_id");
    o.erase("target");
    o.erase("on_platform");
    positions.push_back(std::move(o));
  }
  bj::array ranks;
  const repo::DoctorRank* first = nullptr;
  for (const auto& x : l.doctor_ranks)
    if (x.doctor_id == mine->doctor.id) {
      if (!first) first = &x;
      ranks.emplace_back(x.position_id);
    }
  bj::value result = nullptr;
  if (mine->outcome) {
    // The doctor's own row of the confirmed preview: where, which choice, and why each higher choice did not take them.
    bj::object row{{"assigned", nullptr}, {"choice", nullptr}, {"reasons", bj::array{}}};
    if (r.confirmed_preview_id)
      if (const auto p = KH_TRY(repo::find_preview(c, *r.confirmed_preview_id))) {
        const auto answer = bj::parse(p->result_json);
        for (const auto& v : answer.as_object().at("doctors").as_array())
          if (const auto& d = v.as_object(); str(d.at("id")) == mine->doctor.id) {
            row["choice"] = d.at("choice");
            bj::array reasons;
            for (const auto& x : d.at("reasons").as_array())
              reasons.push_back(bj::object{{"name", x.as_object().at("name")}, {"message", x.as_object().at("message")}});
            row["reasons"] = std::move(reasons);
          }
      }
    if (mine->outcome->position_id)
      if (const auto* p = find_position(l, *mine->outcome->position_id))
        row["assigned"] = bj::object{{"name", position_name(*p)}, {"facility_name", p->facility_name},
                                     {"department", p->department ? bj::value(*p->department) : nullptr},
                                     {"area_name", area_name(catalogue_, p->area_code)}};
    result = std::move(row);
  }
  const bool passed = today_iso_jst() > r.doctor_deadline;
  return bj::object{{"id", r.id},
                    {"title", r.title},
                    {"year", r.year},
                    {"centre_name", r.centre_name},
                    {"state", r.state},
                    {"state_label", label_or_code(round_states, r.state)},
                    {"term_start", r.term_start},
                    {"term_end", r.term_end},
                    {"assignment_kind_label", label_or_code(assignment_kinds, r.assignment_kind)},
                    {"doctor_deadline", r.doctor_deadline},
                    {"deadline_passed", passed},
                    {"editable", r.state == "open" && !passed && r.ranking_opened_at.has_value()},
                    {"doctor", bj::object{{"id", mine->doctor.id}, {"name", mine->doctor.name}}},
                    {"positions", std::move(positions)},
                    {"ranks", std::move(ranks)},
                    {"entered", first ? bj::value(bj::object{{"kind", first->entered_by_kind},
                                                             {"kind_label", label_or_code(entered_by_kinds, first->entered_by_kind)},
                                                             {"at", format_iso8601_jst(first->entered_at)}})
                                      : bj::value(nullptr)},
                    {"result", std::move(result)}};
}

Result<bj::object> Service::save_my_ranks(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    const auto own = KH_TRY(own_doctors(c, u));
    auto found = KH_TRY(repo::find_round(c, id));
    if (!found) return fail(round_not_found);
    const auto l = KH_TRY(load_all(c, std::move(*found)));
    const auto mine = KH_TRY(mine_in(c, l, own));
    if (!mine || !find_eligible(l, mine->doctor.id)) return fail(round_not_found);
    KH_TRY_VOID(require_open(l.round));
    if (today_iso_jst() > l.round.doctor_deadline)
      return fail(errors::conflict("deadline_passed", "志望順位の締切（" + format_date_ja(l.round.doctor_deadline) + "）を過ぎています。変更は" +
                                                          l.round.centre_name + "にご連絡ください。"));
    json::FieldReader f(body);
    const auto ids = read_id_list(body, f, "position_ids", "志望順位", max_ranks, [](std::size_t i) { return "第" + std::to_string(i + 1) + "志望"; });
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (!find_position(l, ids[i]) && !f.has_error("position_ids[" + std::to_string(i) + "]"))
        f.add_error("position_ids[" + std::to_string(i) + "]", "「第" + std::to_string(i + 1) + "志望」の医療機関がこの選定にありません。");
    KH_TRY_VOID(f.finish());
    // The doctor's own list replaces whatever was there, also a list the centre entered after an interview: the
    // audit entry records that it did, with how many ranks the centre's list had.
    std::size_t replaced = 0;
    for (const auto& x : l.doctor_ranks) replaced += x.doctor_id == mine->doctor.id && x.entered_by_kind != "doctor";
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      const auto at = now_ms();
      KH_TRY_VOID(repo::bump_revision(c, id, at));
      KH_TRY_VOID(repo::replace_doctor_ranks(c, id, mine->doctor.id, ids, "doctor", std::nullopt, u.user.id, mine->doctor.name + "（本人）", at));
      return audit::record(c, accounts::actor_of(u), "placement_doctor_ranks_saved", "career_doctor", mine->doctor.id,
                           id + ": doctor: " + std::to_string(ids.size()) + " ranks" +
                               (replaced ? ", replacing the centre's list of " + std::to_string(replaced) : std::string()));
    }));
  }
  return my_round(u, id);
}

Result<bj::object> Service::home_counts(const accounts::CurrentUser& u) {
  bj::object out;
  if (u.user.role == accounts::Role::career_center) {
    const auto prefs = KH_TRY(centre_prefectures(u));
    auto lease = KH_TRY(pool_.acquire());
    std::int64_t open = 0;
    for (const auto& r : KH_TRY(repo::rounds_of(*lease, prefs))) open += r.state == "open";
    out["placement_rounds_open"] = open;
  } else if (u.user.role == accounts::Role::facility) {
    const auto facilities = KH_TRY(own_facilities(u));
    auto lease = KH_TRY(pool_.acquire());
    std::set<std::string> rounds;
    for (const auto& [round_id, _] : KH_TRY(repo::positions_of_facilities(*lease, facilities))) rounds.insert(round_id);
    std::int64_t open = 0;
    const auto today = today_iso_jst();
    for (const auto& round_id : rounds)
      if (auto r = KH_TRY(repo::find_round(*lease, round_id)); r && r->state == "open" && today <= r->facility_deadline) ++open;
    // Only a facility with a round to rank sees the count (and its link) at all.
    if (open > 0) out["placement_rounds_to_rank"] = open;
  } else if (u.user.role == accounts::Role::seeker) {
    // A doctor linked to the registry: the rounds open for their ranks (only when there is one).
    std::int64_t open = 0;
    const auto mine = KH_TRY(my_rounds(u));
    for (const auto& r : mine.at("items").as_array())
      open += r.as_object().at("state").as_string() == "open" && !r.as_object().at("deadline_passed").as_bool();
    if (open > 0) out["placement_rounds_my_ranks"] = open;
  }
  return out;
}

}  // namespace kh::placement_rounds
