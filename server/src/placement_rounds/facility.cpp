// Placement rounds, a facility's side: the rounds with its positions, each position's applicants, and its ranks of
// them (never another facility's, never a doctor's other choices).
#include <boost/json.hpp>

#include <algorithm>
#include <map>

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

// ---- a facility ----------------------------------------------------------------------------------------------

Result<bj::object> Service::facility_rounds(const accounts::CurrentUser& u) {
  const auto facilities = KH_TRY(own_facilities(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  std::map<std::string, std::vector<repo::Position>> by_round;
  for (auto& [round_id, p] : KH_TRY(repo::positions_of_facilities(c, facilities))) by_round[round_id].push_back(std::move(p));
  std::vector<repo::Round> rounds;
  for (const auto& [round_id, _] : by_round)
    if (auto r = KH_TRY(repo::find_round(c, round_id))) rounds.push_back(std::move(*r));
  std::sort(rounds.begin(), rounds.end(), [](const auto& a, const auto& b) { return a.created_at > b.created_at; });
  bj::array items;
  const auto today = today_iso_jst();
  for (const auto& r : rounds) {
    const auto ranks = KH_TRY(repo::doctor_ranks_of(c, r.id));
    const auto own = KH_TRY(repo::facility_ranks_of(c, r.id));
    bj::array positions;
    for (const auto& p : by_round[r.id]) {
      std::int64_t applicants = 0, ranked = 0;
      for (const auto& x : ranks) applicants += x.position_id == p.id;
      for (const auto& x : own) ranked += x.position_id == p.id;
      positions.push_back(bj::object{{"id", p.id}, {"name", position_name(p)}, {"capacity", p.capacity}, {"applicants", applicants}, {"ranked", ranked}});
    }
    items.push_back(bj::object{{"id", r.id}, {"title", r.title}, {"year", r.year}, {"centre_name", r.centre_name}, {"state", r.state},
                               {"state_label", label_or_code(round_states, r.state)}, {"facility_deadline", r.facility_deadline},
                               {"deadline_passed", today > r.facility_deadline}, {"term_start", r.term_start}, {"term_end", r.term_end},
                               {"positions", std::move(positions)}});
  }
  return bj::object{{"items", std::move(items)}};
}

Result<bj::object> Service::facility_round(const accounts::CurrentUser& u, const std::string& id) {
  const auto facilities = KH_TRY(own_facilities(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto r = KH_TRY(repo::find_round(c, id));
  if (!r) return fail(round_not_found);
  const auto l = KH_TRY(load_all(c, std::move(*r)));
  std::vector<const repo::Position*> mine;
  for (const auto& p : l.positions)
    if (p.facility_id && covers(facilities, *p.facility_id)) mine.push_back(&p);
  if (mine.empty()) return fail(round_not_found);
  const auto outcomes = l.round.state == "confirmed" ? KH_TRY(repo::outcomes_of(c, id)) : std::vector<repo::Outcome>{};
  bj::array positions;
  for (const auto* p : mine) {
    // Only the doctors who ranked this position, and only this facility's own ranks of them.
    std::map<std::string, int> own;
    const repo::FacilityRank* entered = nullptr;
    for (const auto& x : l.facility_ranks)
      if (x.position_id == p->id) {
        own[x.doctor_id] = x.rank;
        if (!entered) entered = &x;
      }
    std::vector<const repo::Doctor*> applicants;
    for (const auto& x : l.doctor_ranks)
      if (x.position_id == p->id)
        if (const auto* d = find_eligible(l, x.doctor_id)) applicants.push_back(d);
    std::sort(applicants.begin(), applicants.end(), [&](const auto* a, const auto* b) {
      const int ra = own.contains(a->id) ? own[a->id] : INT32_MAX, rb = own.contains(b->id) ? own[b->id] : INT32_MAX;
      return ra != rb ? ra < rb : a->name < b->name;
    });
    bj::array list;
    for (const auto* d : applicants)
      list.push_back(bj::object{{"id", d->id}, {"name", d->name}, {"university", d->university}, {"graduation_year", d->graduation_year},
                                {"specialty_wish", d->specialty_wish ? bj::value(*d->specialty_wish) : nullptr},
                                {"rank", own.contains(d->id) ? bj::value(own[d->id]) : nullptr}});
    auto o = position_json(catalogue_, *p);
    o.erase("facility_id");
    o["applicants"] = std::move(list);
    o["entered"] = entered ? bj::value(bj::object{{"kind", entered->entered_by_kind},
                                                  {"kind_label", label_or_code(entered_by_kinds, entered->entered_by_kind)},
                                                  {"by", entered->entered_by_name}, {"at", format_iso8601_jst(entered->entered_at)}})
                           : bj::value(nullptr);
    if (l.round.state == "confirmed") {
      // Who was placed here (by then a doctor may have left the round: the registry still names them).
      bj::array placed;
      for (const auto& x : outcomes)
        if (x.position_id == p->id)
          if (const auto d = KH_TRY(repo::find_doctor(c, x.doctor_id))) placed.push_back(bj::object{{"id", d->id}, {"name", d->name}});
      o["placed"] = std::move(placed);
    } else {
      o["placed"] = nullptr;
    }
    positions.push_back(std::move(o));
  }
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "placement_applicants_read", "placement_round", id));
  const auto& rd = l.round;
  return bj::object{{"id", rd.id},
                    {"title", rd.title},
                    {"year", rd.year},
                    {"centre_name", rd.centre_name},
                    {"state", rd.state},
                    {"state_label", label_or_code(round_states, rd.state)},
                    {"facility_deadline", rd.facility_deadline},
                    {"deadline_passed", today_iso_jst() > rd.facility_deadline},
                    {"term_start", rd.term_start},
                    {"term_end", rd.term_end},
                    {"assignment_kind_label", label_or_code(assignment_kinds, rd.assignment_kind)},
                    {"positions", std::move(positions)}};
}

Result<bj::object> Service::save_facility_ranks(const accounts::CurrentUser& u, const std::string& id, const std::string& position_id,
                                                const bj::object& body) {
  const auto facilities = KH_TRY(own_facilities(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto r = KH_TRY(repo::find_round(c, id));
    if (!r) return fail(round_not_found);
    const auto l = KH_TRY(load_all(c, std::move(*r)));
    const auto* p = find_position(l, position_id);
    if (!p || !p->facility_id || !covers(facilities, *p->facility_id)) return fail(position_not_found);
    KH_TRY_VOID(require_open(l.round));
    if (today_iso_jst() > l.round.facility_deadline)
      return fail(errors::conflict("deadline_passed", "順位の提出期限（" + format_date_ja(l.round.facility_deadline) + "）を過ぎています。変更は" +
                                                          l.round.centre_name + "にご連絡ください。"));
    json::FieldReader f(body);
    const auto ids = read_facility_list(body, f, l, position_id);
    KH_TRY_VOID(f.finish());
    KH_TRY_VOID(store_facility_ranks(c, u, id, position_id, ids, "facility"));
  }
  return facility_round(u, id);
}

}  // namespace kh::placement_rounds
