// Placement rounds, the centre's side: rounds, positions, caps and ranks with Japanese field messages, the engine's
// instance built from the round, previews with reasons and differences, and confirming into plans, mails and
// notices; and the helpers the module's other files share (declared in detail.h).
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <span>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "careers/careers.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/time.h"
#include "mail/mail.h"
#include "notify/notify.h"
#include "placement/placement.h"
#include "placement_rounds/placement_rounds.h"
#include "placement_rounds/detail.h"
#include "placement_rounds/repo.h"
#include "core/csv.h"
#include "core/text.h"
#include "reference/reference.h"
#include "seekers/seekers.h"
#include "store/database.h"

namespace kh::placement_rounds {
namespace bj = boost::json;
namespace pl = placement;
namespace detail {

// ---- scope ---------------------------------------------------------------------------------------------------

//! The caller's facilities (organisation ids); 403 for every other role.
Result<std::vector<std::string>> own_facilities(const accounts::CurrentUser& u) {
  KH_TRY_VOID(accounts::require_role(u, {accounts::Role::facility}));
  std::vector<std::string> out;
  for (const auto& o : u.user.organisations)
    if (o.kind == accounts::OrgKind::facility) out.push_back(o.id);
  return out;
}
bool covers(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}
//! 「吉田 修（栃木県地域医療支援センター）」: how people read who did something.
std::string person(const accounts::CurrentUser& u) { return accounts::person_label(u.user); }

Result<repo::Round> load_round(store::Connection& c, const std::vector<std::string>& prefectures, const std::string& id) {
  auto r = KH_TRY(repo::find_round(c, id));
  if (!r || !covers(prefectures, r->prefecture)) return fail(round_not_found);
  return std::move(*r);
}
Result<void> require_open(const repo::Round& r) {
  if (r.state != "open") return fail(round_confirmed);
  return {};
}

//! Who may take part: a doctor of the round's prefecture (and programme, when it has one) still under obligation.
bool eligible(const repo::Doctor& d, const repo::Round& r) {
  if (d.prefecture != r.prefecture) return false;
  if (r.programme_id && d.programme_id != r.programme_id) return false;
  return d.status != "withdrawn" && d.status != "completed";
}

std::string position_name(const repo::Position& p) {
  return p.department && !p.department->empty() ? p.facility_name + "（" + *p.department + "）" : p.facility_name;
}

// ---- areas and caps --------------------------------------------------------------------------------------------

std::string area_name(const reference::Catalogue& catalogue, const std::string& code) {
  if (auto a = catalogue.area(code)) return a->name;
  return code;
}
std::optional<std::string> area_designation(const reference::Catalogue& catalogue, const std::string& code) {
  if (auto a = catalogue.area(code); a && a->designation) return a->designation->designation;
  return std::nullopt;
}
//! The areas a cap covers: its list, or every area of the prefecture with its designation.
std::vector<std::string> cap_areas(const reference::Catalogue& catalogue, const repo::Cap& cap, const std::string& prefecture) {
  if (!cap.designation) return cap.area_codes;
  std::vector<std::string> out;
  for (const auto& a : catalogue.areas(prefecture))
    if (a.designation && a.designation->designation == *cap.designation) out.push_back(a.code);
  return out;
}

bj::object cap_json(const reference::Catalogue& catalogue, const repo::Cap& cap, const std::string& prefecture) {
  bj::array areas, codes;
  for (const auto& a : cap_areas(catalogue, cap, prefecture)) {
    const auto d = area_designation(catalogue, a);
    areas.push_back(bj::object{{"code", a}, {"name", area_name(catalogue, a)}, {"designation", d ? bj::value(*d) : nullptr}});
  }
  for (const auto& a : cap.area_codes) codes.emplace_back(a);
  return {{"id", cap.id}, {"name", cap.name}, {"cap", cap.cap}, {"designation", cap.designation ? bj::value(*cap.designation) : nullptr},
          {"area_codes", std::move(codes)}, {"areas", std::move(areas)}};
}

//! Each cap's targets must fit under it (the engine needs them to): a message per cap that does not, keyed by
//! `caps[i].cap`.
std::map<std::string, std::string> fit_problems(const reference::Catalogue& catalogue, const std::vector<repo::Position>& positions,
                                                const std::vector<repo::Cap>& caps, const std::string& prefecture) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < caps.size(); ++i) {
    const auto areas = cap_areas(catalogue, caps[i], prefecture);
    long targets = 0;
    for (const auto& p : positions)
      if (covers(areas, p.area_code)) targets += p.target;
    if (targets > caps[i].cap)
      out["caps[" + std::to_string(i) + "].cap"] = "「" + caps[i].name + "」の上限（" + std::to_string(caps[i].cap) +
                                                   "人）が、その区域のポジションの目標定員の合計（" + std::to_string(targets) +
                                                   "人）を下回っています。上限を上げるか目標定員を減らしてください。";
  }
  return out;
}

// ---- JSON of a round -----------------------------------------------------------------------------------------


Result<Loaded> load_all(store::Connection& c, repo::Round round) {
  Loaded l{std::move(round), {}, {}, {}, {}, {}};
  l.positions = KH_TRY(repo::positions_of(c, l.round.id));
  l.caps = KH_TRY(repo::caps_of(c, l.round.id));
  l.doctor_ranks = KH_TRY(repo::doctor_ranks_of(c, l.round.id));
  l.facility_ranks = KH_TRY(repo::facility_ranks_of(c, l.round.id));
  // A follow-up round (二次選定): only the doctors the round it comes from left unmatched.
  std::optional<std::set<std::string>> carried;
  if (l.round.previous_round_id) {
    carried.emplace();
    for (const auto& o : KH_TRY(repo::outcomes_of(c, *l.round.previous_round_id)))
      if (!o.position_id) carried->insert(o.doctor_id);
  }
  for (auto& d : KH_TRY(repo::doctors_of(c, {l.round.prefecture})))
    if (eligible(d, l.round) && (!carried || carried->contains(d.id))) l.doctors.push_back(std::move(d));
  return l;
}
const repo::Doctor* find_eligible(const Loaded& l, const std::string& doctor_id) {
  for (const auto& d : l.doctors)
    if (d.id == doctor_id) return &d;
  return nullptr;
}
const repo::Position* find_position(const Loaded& l, const std::string& position_id) {
  for (const auto& p : l.positions)
    if (p.id == position_id) return &p;
  return nullptr;
}

bj::object round_summary(const repo::Round& r, const std::optional<std::string>& programme) {
  bj::object o{{"id", r.id},
               {"year", r.year},
               {"title", r.title},
               {"centre_name", r.centre_name},
               {"programme_id", r.programme_id ? bj::value(*r.programme_id) : nullptr},
               {"programme_name", programme ? bj::value(*programme) : nullptr},
               {"mechanism", r.mechanism},
               {"mechanism_label", label_or_code(mechanisms, r.mechanism)},
               {"assignment_kind", r.assignment_kind},
               {"assignment_kind_label", label_or_code(assignment_kinds, r.assignment_kind)},
               {"state", r.state},
               {"state_label", label_or_code(round_states, r.state)},
               {"term_start", r.term_start},
               {"term_end", r.term_end},
               {"doctor_deadline", r.doctor_deadline},
               {"facility_deadline", r.facility_deadline},
               {"created_by", r.created_by_name},
               {"created_at", format_iso8601_jst(r.created_at)},
               {"confirmed_at", r.confirmed_at ? bj::value(format_iso8601_jst(*r.confirmed_at)) : nullptr},
               {"confirmed_by", r.confirmed_by_name ? bj::value(*r.confirmed_by_name) : nullptr},
               {"ranking_opened_at", r.ranking_opened_at ? bj::value(format_iso8601_jst(*r.ranking_opened_at)) : nullptr},
               {"ranking_opened_by", r.ranking_opened_by_name ? bj::value(*r.ranking_opened_by_name) : nullptr},
               {"previous_round_id", r.previous_round_id ? bj::value(*r.previous_round_id) : nullptr}};
  return o;
}

bj::object position_json(const reference::Catalogue& catalogue, const repo::Position& p) {
  const auto d = area_designation(catalogue, p.area_code);
  return {{"id", p.id},
          {"facility_id", p.facility_id ? bj::value(*p.facility_id) : nullptr},
          {"facility_name", p.facility_name},
          {"department", p.department ? bj::value(*p.department) : nullptr},
          {"name", position_name(p)},
          {"area_code", p.area_code},
          {"area_name", area_name(catalogue, p.area_code)},
          {"designation", d ? bj::value(*d) : nullptr},
          {"capacity", p.capacity},
          {"target", p.target},
          {"on_platform", p.facility_id.has_value()}};
}

// ---- reading input -------------------------------------------------------------------------------------------

std::optional<std::string> read_date(json::FieldReader& f, std::string_view key, std::string_view label, bool required) {
  std::optional<std::string> v = required ? std::optional(f.required_string(key, label, 10)) : f.optional_string(key, label, 10);
  if (v && v->empty()) return required ? v : std::nullopt;
  if (v && !f.has_error(key) && !is_valid_date(*v))
    f.add_error(key, "「" + std::string(label) + "」は YYYY-MM-DD の形の日付で入力してください。");
  return v;
}

//! The settings of a round (create: everything; update: what is present), checked into `r`.
void read_settings(const bj::object& body, json::FieldReader& f, repo::Round& r, bool creating) {
  const auto has = [&](const char* k) { return creating || body.contains(k); };
  if (has("title"))
    if (auto t = f.optional_string("title", "名称", 100); t && !t->empty()) r.title = *t;
  if (has("mechanism")) {
    const auto m = f.optional_string("mechanism", "方式", 10).value_or("fda");
    if (!label_of(mechanisms, m))
      f.add_error("mechanism", "「方式」は fda（FDA方式）、jrmp（JRMP方式）、da（DA方式）のいずれかです。");
    else r.mechanism = m;
  }
  if (has("assignment_kind")) {
    const auto k = f.optional_string("assignment_kind", "計画に加える勤務の種類", 30).value_or("work");
    if (!label_of(assignment_kinds, k))
      f.add_error("assignment_kind", "「計画に加える勤務の種類」は 勤務、専門研修、臨床研修 のいずれかです。");
    else r.assignment_kind = k;
  }
  const auto date = [&](const char* key, const char* label, std::string& into) {
    if (!has(key)) return;
    if (auto d = read_date(f, key, label, true)) into = *d;
  };
  date("term_start", "配属期間の開始日", r.term_start);
  date("term_end", "配属期間の終了日", r.term_end);
  date("doctor_deadline", "医師の志望順位の締切日", r.doctor_deadline);
  date("facility_deadline", "医療機関の順位の締切日", r.facility_deadline);
  if (!f.has_error("term_start") && !f.has_error("term_end") && !r.term_start.empty() && !r.term_end.empty() && r.term_end < r.term_start)
    f.add_error("term_end", "「配属期間の終了日」が開始日より前です。");
}

//! Reads a list of ids ("position_ids", "doctor_ids"): strings, none twice. `label(i)` names item i in messages.
std::vector<std::string> read_id_list(const bj::object& body, json::FieldReader& f, const char* key, const std::string& list_label,
                                      std::size_t max, const std::function<std::string(std::size_t)>& label) {
  std::vector<std::string> out;
  const auto* v = body.if_contains(key);
  if (!v || v->is_null()) {
    f.add_error(key, "「" + list_label + "」を指定してください（空の配列で取り消し）。");
    return out;
  }
  if (!v->is_array()) {
    f.add_error(key, json::msg_wrong_type(list_label, "文字列の配列"));
    return out;
  }
  if (v->as_array().size() > max) {
    f.add_error(key, "「" + list_label + "」は" + std::to_string(max) + "件までです。");
    return out;
  }
  std::size_t i = 0;
  for (const auto& x : v->as_array()) {
    const std::string k = std::string(key) + "[" + std::to_string(i) + "]";
    if (!x.is_string()) f.add_error(k, json::msg_wrong_type(label(i), "文字列"));
    else {
      std::string id(x.as_string());
      const auto dup = std::find(out.begin(), out.end(), id);
      if (dup != out.end())
        f.add_error(k, "「" + label(i) + "」が「" + label(static_cast<std::size_t>(dup - out.begin())) + "」と同じです。");
      out.push_back(std::move(id));
    }
    ++i;
  }
  return out;
}

// ---- the engine's instance -----------------------------------------------------------------------------------

struct Built {
  pl::Instance instance;
  std::vector<std::string> hospital_names, region_names;
  std::vector<const repo::Position*> positions;  //!< by hospital index
  std::vector<const repo::Doctor*> doctors;      //!< by doctor index
  std::vector<std::string> region_keys;          //!< "cap:<id>" or "area:<code>"
  std::map<std::string, std::string> region_of_area;  //!< area code → region key
  bj::object input;                                   //!< what was solved, with names (kept with the preview)
};

Built build_instance(const Loaded& l, const reference::Catalogue& catalogue) {
  Built b;
  std::map<std::string, std::int32_t> region_index;
  for (const auto& cap : l.caps) {
    const std::string key = "cap:" + cap.id;
    region_index[key] = b.instance.add_region(key, cap.cap);
    b.region_keys.push_back(key);
    b.region_names.push_back(cap.name);
    for (const auto& a : cap_areas(catalogue, cap, l.round.prefecture)) b.region_of_area.try_emplace(a, key);
  }
  // An area without a cap is a region of its own whose cap never binds: the sum of its capacities.
  std::map<std::string, std::int64_t> area_capacity;
  for (const auto& p : l.positions) area_capacity[p.area_code] += p.capacity;
  for (const auto& p : l.positions) {
    if (b.region_of_area.contains(p.area_code)) continue;
    const std::string key = "area:" + p.area_code;
    region_index[key] = b.instance.add_region(key, static_cast<std::int32_t>(std::min<std::int64_t>(area_capacity[p.area_code], INT32_MAX)));
    b.region_keys.push_back(key);
    b.region_names.push_back(area_name(catalogue, p.area_code));
    b.region_of_area[p.area_code] = key;
  }
  // Doctors: the eligible ones with a list, in the registry's order.
  std::map<std::string, std::vector<std::string>> lists;  // doctor → positions, best first (ranks come sorted)
  for (const auto& r : l.doctor_ranks) lists[r.doctor_id].push_back(r.position_id);
  std::map<std::string, std::int32_t> doctor_index, position_index;
  for (const auto& d : l.doctors)
    if (lists.contains(d.id)) {
      doctor_index[d.id] = static_cast<std::int32_t>(b.doctors.size());
      b.doctors.push_back(&d);
    }
  for (std::size_t i = 0; i < l.positions.size(); ++i) position_index[l.positions[i].id] = static_cast<std::int32_t>(i);
  std::map<std::string, std::set<std::string>> applicants;  // position → doctors who ranked it
  for (const auto& r : l.doctor_ranks) applicants[r.position_id].insert(r.doctor_id);
  bj::object facility_lists;
  for (const auto& p : l.positions) {
    std::vector<std::int32_t> prefs;
    bj::array ids;
    for (const auto& fr : l.facility_ranks)
      if (fr.position_id == p.id && doctor_index.contains(fr.doctor_id) && applicants[p.id].contains(fr.doctor_id)) {
        prefs.push_back(doctor_index[fr.doctor_id]);
        ids.emplace_back(fr.doctor_id);
      }
    b.instance.add_hospital(p.id, region_index[b.region_of_area[p.area_code]], p.capacity, p.target, prefs);
    b.positions.push_back(&p);
    b.hospital_names.push_back(position_name(p));
    facility_lists[p.id] = std::move(ids);
  }
  bj::array doctors_in;
  for (const auto* d : b.doctors) {
    std::vector<std::int32_t> prefs;
    bj::array ids;
    for (const auto& pid : lists[d->id])
      if (position_index.contains(pid)) {
        prefs.push_back(position_index[pid]);
        ids.emplace_back(pid);
      }
    b.instance.add_doctor(d->id, prefs);
    doctors_in.push_back(bj::object{{"id", d->id}, {"name", d->name}, {"ranks", std::move(ids)}});
  }
  bj::array positions_in, caps_in;
  for (const auto& p : l.positions)
    positions_in.push_back(bj::object{{"id", p.id}, {"name", position_name(p)}, {"area_code", p.area_code},
                                      {"area_name", area_name(catalogue, p.area_code)}, {"capacity", p.capacity}, {"target", p.target}});
  for (const auto& cap : l.caps) {
    bj::array areas;
    for (const auto& a : cap_areas(catalogue, cap, l.round.prefecture)) areas.emplace_back(area_name(catalogue, a));
    caps_in.push_back(bj::object{{"id", cap.id}, {"name", cap.name}, {"cap", cap.cap}, {"areas", std::move(areas)}});
  }
  b.input = {{"mechanism", l.round.mechanism}, {"positions", std::move(positions_in)}, {"caps", std::move(caps_in)},
             {"doctors", std::move(doctors_in)}, {"facility_ranks", std::move(facility_lists)}};
  return b;
}

//! The answer of one preview (without its difference from the previous one).
bj::object preview_answer(const Loaded& l, const Built& b, pl::Mechanism mechanism, std::span<const std::int32_t> assignment,
                          const pl::Audit& audit, const reference::Catalogue& catalogue) {
  const pl::Explainer explainer(b.instance, mechanism, assignment);
  const pl::DisplayNames names{b.hospital_names, b.region_names};
  bj::array doctors, unmatched;
  std::int64_t placed = 0;
  std::vector<bj::array> placed_at(b.positions.size());
  for (std::int32_t d = 0; d < b.instance.doctors(); ++d) {
    const auto h = assignment[static_cast<std::size_t>(d)];
    const auto prefs = b.instance.doctor_preferences(d);
    bj::object row{{"id", b.doctors[d]->id}, {"name", b.doctors[d]->name}, {"ranked", prefs.size()}};
    if (h >= 0) {
      ++placed;
      const auto* p = b.positions[h];
      row["assigned"] = bj::object{{"position_id", p->id}, {"name", b.hospital_names[h]}, {"area_name", area_name(catalogue, p->area_code)}};
      row["choice"] = std::find(prefs.begin(), prefs.end(), h) - prefs.begin() + 1;
      placed_at[h].push_back(bj::object{{"id", b.doctors[d]->id}, {"name", b.doctors[d]->name}});
    } else {
      row["assigned"] = nullptr;
      row["choice"] = nullptr;
      unmatched.push_back(bj::object{{"id", b.doctors[d]->id}, {"name", b.doctors[d]->name}});
    }
    bj::array reasons;
    for (const auto& x : explainer.explain(d, names))
      reasons.push_back(bj::object{{"position_id", b.positions[x.hospital]->id}, {"name", b.hospital_names[x.hospital]},
                                   {"reason", pl::reason_code(x.reason)}, {"message", x.message}});
    row["reasons"] = std::move(reasons);
    doctors.push_back(std::move(row));
  }
  bj::array positions, unfilled;
  for (std::size_t h = 0; h < b.positions.size(); ++h) {
    const auto* p = b.positions[h];
    const auto filled = audit.hospital_fill[h];
    auto o = position_json(catalogue, *p);
    o["filled"] = filled;
    o["doctors"] = std::move(placed_at[h]);
    positions.push_back(std::move(o));
    if (filled < p->capacity)
      unfilled.push_back(bj::object{{"position_id", p->id}, {"name", b.hospital_names[h]}, {"capacity", p->capacity}, {"target", p->target},
                                    {"filled", filled}, {"seats", p->capacity - filled}});
  }
  // Fill per area and per cap.
  std::map<std::string, std::array<std::int64_t, 3>> by_area;  // capacity, target, filled
  std::vector<std::string> area_order;
  for (std::size_t h = 0; h < b.positions.size(); ++h) {
    const auto& code = b.positions[h]->area_code;
    if (!by_area.contains(code)) area_order.push_back(code);
    auto& a = by_area[code];
    a[0] += b.positions[h]->capacity;
    a[1] += b.positions[h]->target;
    a[2] += audit.hospital_fill[h];
  }
  std::map<std::string, std::string> cap_name_of;
  for (const auto& cap : l.caps) cap_name_of["cap:" + cap.id] = cap.name;
  bj::array areas;
  for (const auto& code : area_order) {
    const auto& a = by_area[code];
    const auto& key = b.region_of_area.at(code);
    const auto d = area_designation(catalogue, code);
    areas.push_back(bj::object{{"code", code}, {"name", area_name(catalogue, code)}, {"designation", d ? bj::value(*d) : nullptr},
                               {"capacity", a[0]}, {"target", a[1]}, {"filled", a[2]},
                               {"cap_id", key.starts_with("cap:") ? bj::value(key.substr(4)) : nullptr},
                               {"cap_name", cap_name_of.contains(key) ? bj::value(cap_name_of[key]) : nullptr}});
  }
  bj::array caps;
  for (std::size_t g = 0; g < l.caps.size(); ++g) {
    const auto& cap = l.caps[g];
    const auto filled = audit.region_fill[g];
    bj::array an;
    for (const auto& a : cap_areas(catalogue, cap, l.round.prefecture)) an.emplace_back(area_name(catalogue, a));
    caps.push_back(bj::object{{"id", cap.id}, {"name", cap.name}, {"cap", cap.cap}, {"filled", filled},
                              {"remaining", std::max(0, cap.cap - filled)}, {"at_cap", filled >= cap.cap}, {"areas", std::move(an)}});
  }
  return {{"mechanism", pl::mechanism_code(mechanism)},
          {"mechanism_label", label_or_code(mechanisms, pl::mechanism_code(mechanism))},
          {"caps_applied", mechanism != pl::Mechanism::da},
          {"doctors_total", b.instance.doctors()},
          {"placed", placed},
          {"seats", std::accumulate(b.positions.begin(), b.positions.end(), std::int64_t{0}, [](std::int64_t s, const repo::Position* p) { return s + p->capacity; })},
          {"doctors", std::move(doctors)},
          {"unmatched", std::move(unmatched)},
          {"positions", std::move(positions)},
          {"unfilled", std::move(unfilled)},
          {"areas", std::move(areas)},
          {"caps", std::move(caps)},
          {"audit", bj::object{{"stable", audit.stable()}, {"caps_respected", audit.caps_respected()}}}};
}

// ---- the difference between two previews -----------------------------------------------------------------------

std::string str(const bj::value& v) { return v.is_string() ? std::string(v.as_string()) : std::string(); }
std::int64_t num(const bj::value& v) { return v.is_int64() ? v.as_int64() : v.is_uint64() ? static_cast<std::int64_t>(v.as_uint64()) : 0; }

//! Items of an array of objects by their "id".
std::map<std::string, const bj::object*> by_id(const bj::value& v) {
  std::map<std::string, const bj::object*> out;
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array())
    if (x.is_object()) out[str(x.as_object().at("id"))] = &x.as_object();
  return out;
}

//! 「佐藤 大輔、鈴木 美咲ほか3名」
std::string names_list(const std::vector<std::string>& names, const char* suffix) {
  std::string s;
  for (std::size_t i = 0; i < names.size() && i < 5; ++i) s += (i ? "、" : "") + names[i] + suffix;
  if (names.size() > 5) s += "ほか" + std::to_string(names.size() - 5) + "件";
  return s;
}

//! What changed in the input, in Japanese; who moved; the fill of each area and cap before and after.
bj::object difference(const bj::object& prev_input, const bj::object& prev_answer, int prev_seq, std::int64_t prev_at,
                      const bj::object& input, const bj::object& answer) {
  bj::array changes;
  if (str(prev_input.at("mechanism")) != str(input.at("mechanism")))
    changes.emplace_back("方式：" + label_or_code(mechanisms, str(prev_input.at("mechanism"))) + " → " +
                         label_or_code(mechanisms, str(input.at("mechanism"))));
  {
    const auto before = by_id(prev_input.at("caps")), after = by_id(input.at("caps"));
    for (const auto& [id, c] : after) {
      const auto name = str(c->at("name"));
      auto it = before.find(id);
      if (it == before.end()) changes.emplace_back("上限「" + name + "」（" + std::to_string(num(c->at("cap"))) + "人）を追加");
      else {
        if (num(it->second->at("cap")) != num(c->at("cap")))
          changes.emplace_back("「" + name + "」の上限：" + std::to_string(num(it->second->at("cap"))) + "人 → " +
                               std::to_string(num(c->at("cap"))) + "人");
        if (bj::serialize(it->second->at("areas")) != bj::serialize(c->at("areas")))
          changes.emplace_back("「" + name + "」の上限の区域を変更");
      }
    }
    for (const auto& [id, c] : before)
      if (!after.contains(id)) changes.emplace_back("上限「" + str(c->at("name")) + "」を削除");
  }
  {
    const auto before = by_id(prev_input.at("positions")), after = by_id(input.at("positions"));
    for (const auto& [id, p] : after) {
      const auto name = str(p->at("name"));
      auto it = before.find(id);
      if (it == before.end()) {
        changes.emplace_back("ポジション「" + name + "」（定員" + std::to_string(num(p->at("capacity"))) + "人）を追加");
        continue;
      }
      std::string parts;
      if (num(it->second->at("capacity")) != num(p->at("capacity")))
        parts += "定員 " + std::to_string(num(it->second->at("capacity"))) + "人 → " + std::to_string(num(p->at("capacity"))) + "人";
      if (num(it->second->at("target")) != num(p->at("target")))
        parts += std::string(parts.empty() ? "" : "、") + "目標定員 " + std::to_string(num(it->second->at("target"))) + "人 → " +
                 std::to_string(num(p->at("target"))) + "人";
      if (!parts.empty()) changes.emplace_back(name + "：" + parts);
    }
    for (const auto& [id, p] : before)
      if (!after.contains(id)) changes.emplace_back("ポジション「" + str(p->at("name")) + "」を削除");
  }
  {
    const auto before = by_id(prev_input.at("doctors")), after = by_id(input.at("doctors"));
    std::vector<std::string> changed, added, removed;
    for (const auto& [id, d] : after) {
      auto it = before.find(id);
      if (it == before.end()) added.push_back(str(d->at("name")));
      else if (bj::serialize(it->second->at("ranks")) != bj::serialize(d->at("ranks"))) changed.push_back(str(d->at("name")));
    }
    for (const auto& [id, d] : before)
      if (!after.contains(id)) removed.push_back(str(d->at("name")));
    if (!changed.empty()) changes.emplace_back("志望順位の変更：" + names_list(changed, "さん"));
    if (!added.empty()) changes.emplace_back("志望順位の追加：" + names_list(added, "さん"));
    if (!removed.empty()) changes.emplace_back("選定の対象から外れた医師：" + names_list(removed, "さん"));
  }
  {
    const auto& before = prev_input.at("facility_ranks").as_object();
    const auto& after = input.at("facility_ranks").as_object();
    const auto names = by_id(input.at("positions"));
    std::vector<std::string> changed;
    for (const auto& [id, list] : after) {
      const auto* was = before.if_contains(id);
      if (was && bj::serialize(*was) != bj::serialize(list)) {
        auto n = names.find(std::string(id));
        changed.push_back(n == names.end() ? std::string(id) : str(n->second->at("name")));
      }
    }
    if (!changed.empty()) changes.emplace_back("医療機関の順位表の変更：" + names_list(changed, ""));
  }
  // Who moved.
  bj::array moved;
  {
    const auto before = by_id(prev_answer.at("doctors")), after = by_id(answer.at("doctors"));
    const auto where = [](const bj::object* d) -> std::pair<std::string, bj::value> {
      if (!d || !d->at("assigned").is_object()) return {"", nullptr};
      const auto& a = d->at("assigned").as_object();
      return {str(a.at("position_id")), a.at("name")};
    };
    std::set<std::string> ids;
    for (const auto& [id, _] : before) ids.insert(id);
    for (const auto& [id, _] : after) ids.insert(id);
    for (const auto& id : ids) {
      const auto b = before.contains(id) ? before.at(id) : nullptr;
      const auto a = after.contains(id) ? after.at(id) : nullptr;
      const auto [from_id, from] = where(b);
      const auto [to_id, to] = where(a);
      if (from_id == to_id) continue;
      moved.push_back(bj::object{{"doctor_id", id}, {"name", str((a ? a : b)->at("name"))}, {"from", from}, {"to", to}});
    }
  }
  // The fill of every area and cap that changed.
  bj::array areas;
  {
    const auto fill_of = [](const bj::value& list, const char* key) {
      std::map<std::string, std::pair<std::string, std::int64_t>> out;
      for (const auto& x : list.as_array()) {
        const auto& o = x.as_object();
        out[str(o.at(key))] = {str(o.at("name")), num(o.at("filled"))};
      }
      return out;
    };
    for (const auto* key : {"areas", "caps"}) {
      const char* id_key = std::string_view(key) == "areas" ? "code" : "id";
      auto before = fill_of(prev_answer.at(key), id_key), after = fill_of(answer.at(key), id_key);
      for (const auto& [id, a] : after) {
        const auto b = before.contains(id) ? before[id].second : 0;
        if (b != a.second)
          areas.push_back(bj::object{{"kind", std::string_view(key) == "areas" ? "area" : "cap"}, {"id", id}, {"name", a.first},
                                     {"from", b}, {"to", a.second}});
      }
    }
  }
  return {{"previous_seq", prev_seq},
          {"previous_created_at", format_iso8601_jst(prev_at)},
          {"changes", std::move(changes)},
          {"moved", std::move(moved)},
          {"fill", std::move(areas)},
          {"placed_from", num(prev_answer.at("placed"))},
          {"placed_to", num(answer.at("placed"))}};
}

bj::object stored_preview_json(const repo::Preview& p, const repo::Round& r) {
  auto o = bj::parse(p.result_json).as_object();
  o["id"] = p.id;
  o["seq"] = p.seq;
  o["created_by"] = p.created_by_name;
  o["created_at"] = format_iso8601_jst(p.created_at);
  o["current"] = r.state == "open" ? p.revision == r.revision : r.confirmed_preview_id == p.id;
  return o;
}

}  // namespace detail
using namespace detail;

// ---- the centre: rounds ---------------------------------------------------------------------------------------

Result<bj::object> Service::rounds(const accounts::CurrentUser& u) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  bj::array items;
  for (const auto& r : KH_TRY(repo::rounds_of(c, prefs))) {
    const auto programme = r.programme_id ? KH_TRY(repo::programme_name(c, *r.programme_id)) : std::nullopt;
    auto o = round_summary(r, programme);
    const auto positions = KH_TRY(repo::positions_of(c, r.id));
    std::int64_t seats = 0;
    for (const auto& p : positions) seats += p.capacity;
    std::set<std::string> ranked;
    for (const auto& x : KH_TRY(repo::doctor_ranks_of(c, r.id))) ranked.insert(x.doctor_id);
    o["positions"] = positions.size();
    o["seats"] = seats;
    o["doctors_ranked"] = ranked.size();
    items.push_back(std::move(o));
  }
  return bj::object{{"items", std::move(items)}};
}

Result<bj::object> Service::create_round(const accounts::CurrentUser& u, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  if (prefs.empty()) return fail(errors::forbidden("地域医療支援センターに所属していません。"));
  json::FieldReader f(body);
  repo::Round r;
  r.prefecture = prefs.front();
  for (const auto& o : u.user.organisations)
    if (o.kind == accounts::OrgKind::career_center) {
      r.centre_name = o.name;
      break;
    }
  r.year = static_cast<int>(f.optional_integer("year", "年度", 2000, 2100).value_or(0));
  if (!r.year && !f.has_error("year")) f.add_error("year", json::msg_required("年度"));
  r.programme_id = f.optional_string("programme_id", "プログラム", 60);
  if (r.programme_id && r.programme_id->empty()) r.programme_id.reset();
  read_settings(body, f, r, true);
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    std::optional<std::string> programme;
    if (r.programme_id) {
      const auto pref = KH_TRY(repo::programme_prefecture(c, *r.programme_id));
      if (!pref || !covers(prefs, *pref)) f.add_error("programme_id", "「プログラム」が見つかりません。");
      else programme = KH_TRY(repo::programme_name(c, *r.programme_id));
    }
    KH_TRY_VOID(f.finish());
    if (r.title.empty()) r.title = std::to_string(r.year) + "年度 配属先選定（" + (programme ? *programme : std::string("全プログラム")) + "）";
    r.id = crypto::new_id("prd");
    r.created_by_name = person(u);
    r.created_at = r.updated_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::insert_round(c, r, u.user.id));
      return audit::record(c, accounts::actor_of(u), "placement_round_created", "placement_round", r.id, r.title);
    }));
  }
  return round(u, r.id);
}

Result<bj::object> Service::round(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
  const auto& r = l.round;
  const auto programme = r.programme_id ? KH_TRY(repo::programme_name(c, *r.programme_id)) : std::nullopt;
  auto o = round_summary(r, programme);
  std::map<std::string, int> applicants, ranked_by_facility;
  std::set<std::string> doctors_ranked;
  for (const auto& x : l.doctor_ranks)
    if (find_eligible(l, x.doctor_id)) {
      ++applicants[x.position_id];
      doctors_ranked.insert(x.doctor_id);
    }
  std::map<std::string, const repo::FacilityRank*> last_entry;
  for (const auto& x : l.facility_ranks) {
    ++ranked_by_facility[x.position_id];
    last_entry[x.position_id] = &x;
  }
  bj::array positions;
  std::int64_t seats = 0;
  for (const auto& p : l.positions) {
    auto pj = position_json(catalogue_, p);
    pj["applicants"] = applicants[p.id];
    pj["facility_ranked"] = ranked_by_facility[p.id];
    if (const auto* e = last_entry[p.id])
      pj["facility_ranked_by"] = bj::object{{"kind", e->entered_by_kind}, {"kind_label", label_or_code(entered_by_kinds, e->entered_by_kind)},
                                            {"name", e->entered_by_name}, {"at", format_iso8601_jst(e->entered_at)}};
    else pj["facility_ranked_by"] = nullptr;
    seats += p.capacity;
    positions.push_back(std::move(pj));
  }
  bj::array caps;
  for (const auto& cap : l.caps) caps.push_back(cap_json(catalogue_, cap, r.prefecture));
  o["positions"] = std::move(positions);
  o["caps"] = std::move(caps);
  o["seats"] = seats;
  o["eligible_doctors"] = l.doctors.size();
  o["doctors_ranked"] = doctors_ranked.size();
  o["meeting_on"] = r.meeting_on ? bj::value(*r.meeting_on) : nullptr;
  o["minutes"] = r.minutes ? bj::value(*r.minutes) : nullptr;
  o["deadlines_passed"] = bj::object{{"doctor", today_iso_jst() > r.doctor_deadline}, {"facility", today_iso_jst() > r.facility_deadline}};
  // The round a follow-up round comes from, and the follow-up made from this one.
  o["previous_round"] = nullptr;
  o["follow_up_round"] = nullptr;
  for (const auto& other : KH_TRY(repo::rounds_of(c, {r.prefecture}))) {
    if (r.previous_round_id == other.id) o["previous_round"] = bj::object{{"id", other.id}, {"title", other.title}};
    if (other.previous_round_id == r.id) o["follow_up_round"] = bj::object{{"id", other.id}, {"title", other.title}};
  }
  if (const auto latest = KH_TRY(repo::latest_preview(c, id)))
    o["latest_preview"] = bj::object{{"id", latest->id}, {"seq", latest->seq}, {"created_at", format_iso8601_jst(latest->created_at)},
                                     {"created_by", latest->created_by_name},
                                     {"current", r.state == "open" ? latest->revision == r.revision : r.confirmed_preview_id == latest->id}};
  else o["latest_preview"] = nullptr;
  // Confirmed: what became of every doctor, and the seats nobody took.
  if (r.state == "confirmed") {
    std::map<std::string, std::string> names;
    for (const auto& d : KH_TRY(repo::doctors_of(c, {r.prefecture}))) names[d.id] = d.name;
    std::map<std::string, int> filled;
    bj::array placed, unmatched, unfilled, notified, not_notified;
    for (const auto& x : KH_TRY(repo::outcomes_of(c, id))) {
      bj::object row{{"doctor_id", x.doctor_id}, {"name", names[x.doctor_id]}, {"mailed", x.mailed}};
      if (!x.position_id) {
        unmatched.push_back(std::move(row));
        continue;
      }
      ++filled[*x.position_id];
      const auto* p = find_position(l, *x.position_id);
      row["position_id"] = *x.position_id;
      row["position_name"] = p ? position_name(*p) : *x.position_id;
      row["area_name"] = p ? area_name(catalogue_, p->area_code) : "";
      if (x.plan_version)
        row["plan"] = bj::object{{"version", *x.plan_version}, {"state", x.plan_state.value_or("")},
                                 {"state_label", label_or_code(plan_states, x.plan_state.value_or(""))}, {"violations", x.plan_violations.value_or(0)}};
      else row["plan"] = nullptr;
      row["plan_message"] = x.plan_message ? bj::value(*x.plan_message) : nullptr;
      placed.push_back(std::move(row));
    }
    for (const auto& p : l.positions) {
      if (filled[p.id] < p.capacity)
        unfilled.push_back(bj::object{{"position_id", p.id}, {"name", position_name(p)}, {"capacity", p.capacity}, {"target", p.target},
                                      {"filled", filled[p.id]}, {"seats", p.capacity - filled[p.id]}});
      if (filled[p.id] > 0) (p.facility_id ? notified : not_notified).emplace_back(position_name(p));
    }
    o["result"] = bj::object{{"placed", std::move(placed)}, {"unmatched", std::move(unmatched)}, {"unfilled", std::move(unfilled)},
                             {"facilities_notified", std::move(notified)}, {"facilities_without_account", std::move(not_notified)}};
  } else {
    o["result"] = nullptr;
  }
  return o;
}

Result<bj::object> Service::update_round(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto r = KH_TRY(load_round(c, prefs, id));
    KH_TRY_VOID(require_open(r));
    json::FieldReader f(body);
    if (body.contains("year")) f.add_error("year", "「年度」は変更できません。新しい選定を作成してください。");
    if (body.contains("programme_id")) f.add_error("programme_id", "「プログラム」は変更できません。新しい選定を作成してください。");
    read_settings(body, f, r, false);
    KH_TRY_VOID(f.finish());
    r.updated_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::update_settings(c, r));
      return audit::record(c, accounts::actor_of(u), "placement_round_updated", "placement_round", id);
    }));
  }
  return round(u, id);
}

Result<bj::object> Service::facilities(const accounts::CurrentUser& u) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  bj::array items;
  for (const auto& o : KH_TRY(accounts_.list_organisations())) {
    if (o.kind != accounts::OrgKind::facility || !covers(prefs, o.prefecture)) continue;
    std::optional<std::string> area;
    if (o.municipality)
      if (auto m = catalogue_.municipality(*o.municipality); m && !m->area_code.empty()) area = m->area_code;
    items.push_back(bj::object{{"id", o.id}, {"name", o.name}, {"area_code", area ? bj::value(*area) : nullptr},
                               {"area_name", area ? bj::value(area_name(catalogue_, *area)) : nullptr}});
  }
  bj::array areas;
  for (const auto& p : prefs)
    for (const auto& a : catalogue_.areas(p))
      areas.push_back(bj::object{{"code", a.code}, {"name", a.name},
                                 {"designation", a.designation ? bj::value(a.designation->designation) : nullptr}});
  return bj::object{{"items", std::move(items)}, {"areas", std::move(areas)}};
}

Result<bj::object> Service::save_positions(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  // The prefecture's facilities on the platform (read before a connection is taken: accounts takes its own).
  std::map<std::string, accounts::Organisation> orgs;
  for (auto& o : KH_TRY(accounts_.list_organisations()))
    if (o.kind == accounts::OrgKind::facility) orgs.emplace(o.id, std::move(o));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    const auto r = KH_TRY(load_round(c, prefs, id));
    KH_TRY_VOID(require_open(r));
    const auto existing = KH_TRY(repo::positions_of(c, id));
    json::FieldReader f(body);
    std::vector<repo::Position> positions;
    const auto* pv = body.if_contains("positions");
    if (!pv || !pv->is_array()) f.add_error("positions", "「ポジション」は配列で指定してください。");
    else if (pv->as_array().size() > max_positions)
      f.add_error("positions", "「ポジション」は" + std::to_string(max_positions) + "件までです。");
    else {
      std::set<std::string> seen_ids, seen_names;
      int i = 0;
      for (const auto& v : pv->as_array()) {
        const std::string key = "positions[" + std::to_string(i) + "]";
        const std::string label = "ポジション" + std::to_string(++i) + "件目";
        if (!v.is_object()) {
          f.add_error(key, "「" + label + "」の形式が正しくありません。");
          continue;
        }
        json::FieldReader p(v.as_object());
        repo::Position x;
        x.sort_order = i;
        if (auto pid = p.optional_string("id", label + "の識別子", 60); pid && !pid->empty()) {
          if (std::none_of(existing.begin(), existing.end(), [&](const auto& e) { return e.id == *pid; }))
            p.add_error("id", "「" + label + "」はこの選定にないポジションです。識別子を外すと新しいポジションになります。");
          else if (!seen_ids.insert(*pid).second) p.add_error("id", "「" + label + "」が二度指定されています。");
          x.id = *pid;
        }
        if (x.id.empty()) x.id = crypto::new_id("pps");
        x.facility_id = p.optional_string("facility_id", label + "の医療機関", 60);
        if (x.facility_id && x.facility_id->empty()) x.facility_id.reset();
        std::optional<std::string> org_area;
        if (x.facility_id) {
          auto it = orgs.find(*x.facility_id);
          if (it == orgs.end() || !covers(prefs, it->second.prefecture))
            p.add_error("facility_id", "「" + label + "の医療機関」がこの県のかけはしの医療機関にありません。");
          else {
            x.facility_name = it->second.name;
            if (it->second.municipality)
              if (auto m = catalogue_.municipality(*it->second.municipality); m && !m->area_code.empty()) org_area = m->area_code;
          }
        }
        if (const auto name = p.optional_string("facility_name", label + "の医療機関名", 100); name && !name->empty()) {
          if (!x.facility_id) x.facility_name = *name;
        } else if (!x.facility_id && !p.has_error("facility_name")) {
          p.add_error("facility_name", "「" + label + "の医療機関名」を入力してください（かけはしの医療機関なら選んでください）。");
        }
        x.department = p.optional_string("department", label + "の診療科", 60);
        if (x.department && x.department->empty()) x.department.reset();
        const auto area = p.optional_string("area_code", label + "の二次医療圏", 10);
        if (area && !area->empty()) {
          if (!catalogue_.area(*area)) p.add_error("area_code", "「" + label + "の二次医療圏」（" + *area + "）はありません。");
          else x.area_code = *area;
        } else if (org_area) {
          x.area_code = *org_area;
        } else if (!p.has_error("area_code") && !p.has_error("facility_id")) {
          p.add_error("area_code", "「" + label + "の二次医療圏」を選んでください。");
        }
        x.capacity = static_cast<int>(p.optional_integer("capacity", label + "の定員", 0, 1000).value_or(-1));
        if (x.capacity < 0 && !p.has_error("capacity")) p.add_error("capacity", json::msg_required(label + "の定員"));
        x.target = static_cast<int>(p.optional_integer("target", label + "の目標定員", 0, 1000).value_or(x.capacity < 0 ? 0 : x.capacity));
        if (!p.has_error("capacity") && !p.has_error("target") && x.target > x.capacity)
          p.add_error("target", "「" + label + "の目標定員」（" + std::to_string(x.target) + "人）が定員（" + std::to_string(x.capacity) +
                                    "人）を超えています。");
        if (!x.facility_name.empty() && !seen_names.insert(position_name(x)).second)
          p.add_error("department", "「" + position_name(x) + "」がほかのポジションと重なっています。診療科で分けてください。");
        for (const auto& [k, m] : p.errors()) f.add_error(key + "." + k, m);
        positions.push_back(std::move(x));
      }
    }
    KH_TRY_VOID(f.finish());
    const auto caps = KH_TRY(repo::caps_of(c, id));
    if (auto problems = fit_problems(catalogue_, positions, caps, r.prefecture); !problems.empty())
      return fail(errors::validation({{"positions", problems.begin()->second}}));
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::bump_revision(c, id, now_ms()));
      KH_TRY_VOID(repo::replace_positions(c, id, positions));
      return audit::record(c, accounts::actor_of(u), "placement_positions_saved", "placement_round", id,
                           std::to_string(positions.size()) + " positions");
    }));
  }
  return round(u, id);
}

Result<bj::object> Service::save_caps(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    const auto r = KH_TRY(load_round(c, prefs, id));
    KH_TRY_VOID(require_open(r));
    const auto existing = KH_TRY(repo::caps_of(c, id));
    json::FieldReader f(body);
    std::vector<repo::Cap> caps;
    const auto* cv = body.if_contains("caps");
    if (!cv || !cv->is_array()) f.add_error("caps", "「上限」は配列で指定してください。");
    else if (cv->as_array().size() > max_caps) f.add_error("caps", "「上限」は" + std::to_string(max_caps) + "件までです。");
    else {
      std::map<std::string, std::string> area_owner;  // area → the label of the cap that has it
      std::set<std::string> names;
      int i = 0;
      for (const auto& v : cv->as_array()) {
        const std::string key = "caps[" + std::to_string(i) + "]";
        const std::string label = "上限" + std::to_string(++i) + "件目";
        if (!v.is_object()) {
          f.add_error(key, "「" + label + "」の形式が正しくありません。");
          continue;
        }
        json::FieldReader p(v.as_object());
        repo::Cap x;
        x.sort_order = i;
        x.id = crypto::new_id("pcp");
        // A cap of this round keeps its id, so that the next preview compares it with itself.
        if (auto cid = p.optional_string("id", label + "の識別子", 60);
            cid && std::any_of(existing.begin(), existing.end(), [&](const auto& e) { return e.id == *cid; }))
          x.id = *cid;
        x.designation = p.optional_string("designation", label + "の区域の指定", 20);
        if (x.designation && x.designation->empty()) x.designation.reset();
        const auto codes = p.optional_string_list("area_codes", label + "の二次医療圏", 50);
        if (x.designation) {
          if (std::find(designations.begin(), designations.end(), *x.designation) == designations.end())
            p.add_error("designation", "「" + label + "の区域の指定」は 医師少数区域、中間、医師多数区域 のいずれかです。");
          if (codes && !codes->empty()) p.add_error("area_codes", "「" + label + "」は二次医療圏か区域の指定のどちらか一方で指定してください。");
        } else if (!codes || codes->empty()) {
          if (!p.has_error("area_codes")) p.add_error("area_codes", "「" + label + "の二次医療圏」を1つ以上選ぶか、区域の指定（医師多数区域など）を選んでください。");
        } else {
          for (const auto& a : *codes) {
            const auto area = catalogue_.area(a);
            if (!area) p.add_error("area_codes", "「" + label + "の二次医療圏」（" + a + "）はありません。");
            else if (!covers(prefs, area->prefecture)) p.add_error("area_codes", "「" + label + "の二次医療圏」の" + area->name + "はこの県の二次医療圏ではありません。");
            else if (std::find(x.area_codes.begin(), x.area_codes.end(), a) == x.area_codes.end()) x.area_codes.push_back(a);
          }
        }
        x.cap = static_cast<int>(p.optional_integer("cap", label + "の上限", 0, 100000).value_or(-1));
        if (x.cap < 0 && !p.has_error("cap")) p.add_error("cap", json::msg_required(label + "の上限"));
        const auto name = p.optional_string("name", label + "の名前", 60);
        if (name && !name->empty()) x.name = *name;
        else if (x.designation) x.name = *x.designation;
        else {
          for (const auto& a : x.area_codes) x.name += (x.name.empty() ? "" : "・") + area_name(catalogue_, a);
        }
        if (p.errors().empty()) {
          if (!names.insert(x.name).second) p.add_error("name", "「" + label + "の名前」（" + x.name + "）がほかの上限と同じです。");
          for (const auto& a : cap_areas(catalogue_, x, r.prefecture)) {
            auto [it, fresh] = area_owner.try_emplace(a, label);
            if (!fresh) {
              p.add_error(x.designation ? "designation" : "area_codes",
                          "二次医療圏「" + area_name(catalogue_, a) + "」は" + it->second + "にも含まれています。1つの二次医療圏は1つの上限にだけ入れられます。");
              break;
            }
          }
        }
        for (const auto& [k, m] : p.errors()) f.add_error(key + "." + k, m);
        caps.push_back(std::move(x));
      }
      std::set<std::string> ids;
      for (std::size_t k = 0; k < caps.size(); ++k)
        if (!ids.insert(caps[k].id).second) caps[k].id = crypto::new_id("pcp");
    }
    KH_TRY_VOID(f.finish());
    const auto positions = KH_TRY(repo::positions_of(c, id));
    if (auto problems = fit_problems(catalogue_, positions, caps, r.prefecture); !problems.empty())
      return fail(errors::validation(std::move(problems)));
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::bump_revision(c, id, now_ms()));
      KH_TRY_VOID(repo::replace_caps(c, id, caps));
      return audit::record(c, accounts::actor_of(u), "placement_caps_saved", "placement_round", id, std::to_string(caps.size()) + " caps");
    }));
  }
  return round(u, id);
}

// ---- ranks ---------------------------------------------------------------------------------------------------

Result<bj::object> Service::ranks(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
  std::map<std::string, std::string> programme_names;
  bj::array doctors;
  for (const auto& d : l.doctors) {
    bj::array list;
    const repo::DoctorRank* first = nullptr;
    for (const auto& x : l.doctor_ranks)
      if (x.doctor_id == d.id) {
        if (!first) first = &x;
        const auto* p = find_position(l, x.position_id);
        list.push_back(bj::object{{"position_id", x.position_id}, {"name", p ? position_name(*p) : x.position_id}, {"rank", x.rank}});
      }
    if (d.programme_id && !programme_names.contains(*d.programme_id))
      programme_names[*d.programme_id] = KH_TRY(repo::programme_name(c, *d.programme_id)).value_or("");
    bj::object o{{"id", d.id}, {"name", d.name}, {"university", d.university}, {"graduation_year", d.graduation_year},
                 {"specialty_wish", d.specialty_wish ? bj::value(*d.specialty_wish) : nullptr},
                 {"programme_name", d.programme_id ? bj::value(programme_names[*d.programme_id]) : nullptr}, {"ranks", std::move(list)}};
    if (first)
      o["entered"] = bj::object{{"kind", first->entered_by_kind}, {"kind_label", label_or_code(entered_by_kinds, first->entered_by_kind)},
                                {"interview_on", first->interview_on ? bj::value(*first->interview_on) : nullptr},
                                {"by", first->entered_by_name}, {"at", format_iso8601_jst(first->entered_at)}};
    else o["entered"] = nullptr;
    doctors.push_back(std::move(o));
  }
  bj::array positions;
  for (const auto& p : l.positions) {
    bj::array applicants, ranked;
    for (const auto& x : l.doctor_ranks)
      if (x.position_id == p.id)
        if (const auto* d = find_eligible(l, x.doctor_id)) applicants.push_back(bj::object{{"id", d->id}, {"name", d->name}});
    const repo::FacilityRank* first = nullptr;
    for (const auto& x : l.facility_ranks)
      if (x.position_id == p.id)
        if (const auto* d = find_eligible(l, x.doctor_id)) {
          if (!first) first = &x;
          ranked.push_back(bj::object{{"doctor_id", d->id}, {"name", d->name}, {"rank", x.rank}});
        }
    auto o = position_json(catalogue_, p);
    o["applicants"] = std::move(applicants);
    o["ranks"] = std::move(ranked);
    if (first)
      o["entered"] = bj::object{{"kind", first->entered_by_kind}, {"kind_label", label_or_code(entered_by_kinds, first->entered_by_kind)},
                                {"by", first->entered_by_name}, {"at", format_iso8601_jst(first->entered_at)}};
    else o["entered"] = nullptr;
    positions.push_back(std::move(o));
  }
  // The lists are the doctors' private choices: every read by staff is in the audit log.
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "placement_ranks_read", "placement_round", id));
  return bj::object{{"round_id", id}, {"state", l.round.state}, {"doctors", std::move(doctors)}, {"positions", std::move(positions)}};
}

Result<bj::object> Service::save_doctor_ranks(const accounts::CurrentUser& u, const std::string& id, const std::string& doctor_id,
                                              const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    const auto l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
    const auto doctor = KH_TRY(repo::find_doctor(c, doctor_id));
    if (!doctor || !covers(prefs, doctor->prefecture)) return fail(doctor_not_found);
    KH_TRY_VOID(require_open(l.round));
    json::FieldReader f(body);
    if (!find_eligible(l, doctor_id))
      f.add_error("doctor_id", doctor->status == "withdrawn" || doctor->status == "completed"
                                   ? "この医師は離脱・満了のため選定の対象ではありません。"
                                   : "この医師はこの選定の対象プログラムに属していません。");
    const auto ids = read_id_list(body, f, "position_ids", "志望順位", max_ranks, [](std::size_t i) { return "第" + std::to_string(i + 1) + "志望"; });
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (!find_position(l, ids[i]) && !f.has_error("position_ids[" + std::to_string(i) + "]"))
        f.add_error("position_ids[" + std::to_string(i) + "]", "「第" + std::to_string(i + 1) + "志望」のポジションがこの選定にありません。");
    const auto interview_on = read_date(f, "interview_on", "面談日", false);
    KH_TRY_VOID(f.finish());
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      const auto at = now_ms();
      KH_TRY_VOID(repo::bump_revision(c, id, at));
      KH_TRY_VOID(repo::replace_doctor_ranks(c, id, doctor_id, ids, "centre_interview", interview_on, u.user.id, person(u), at));
      return audit::record(c, accounts::actor_of(u), "placement_doctor_ranks_saved", "career_doctor", doctor_id,
                           id + ": " + std::to_string(ids.size()) + " ranks");
    }));
  }
  return ranks(u, id);
}

namespace detail {
//! A position's list of doctors: each must have ranked the position (and still take part), none twice.
std::vector<std::string> read_facility_list(const bj::object& body, json::FieldReader& f, const Loaded& l, const std::string& position_id) {
  auto ids = read_id_list(body, f, "doctor_ids", "順位", max_facility_ranks, [](std::size_t i) { return std::to_string(i + 1) + "位"; });
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const bool applied = std::any_of(l.doctor_ranks.begin(), l.doctor_ranks.end(),
                                     [&](const auto& r) { return r.position_id == position_id && r.doctor_id == ids[i]; });
    if ((!applied || !find_eligible(l, ids[i])) && !f.has_error("doctor_ids[" + std::to_string(i) + "]"))
      f.add_error("doctor_ids[" + std::to_string(i) + "]",
                  "「" + std::to_string(i + 1) + "位」の医師はこのポジションを志望していません。志望した医師だけを順位づけできます。");
  }
  return ids;
}
//! A position's ranks of its applicants replaced, entered by the centre or by the facility (`kind`), the round's
//! revision moved (an older preview can no longer be confirmed) and the save audited — in one transaction.
Result<void> store_facility_ranks(store::Connection& c, const accounts::CurrentUser& u, const std::string& id,
                                  const std::string& position_id, const std::vector<std::string>& ids, const std::string& kind) {
  return store::in_transaction(c, [&]() -> Result<void> {
    const auto at = now_ms();
    KH_TRY_VOID(repo::bump_revision(c, id, at));
    KH_TRY_VOID(repo::replace_facility_ranks(c, id, position_id, ids, kind, u.user.id, person(u), at));
    return audit::record(c, accounts::actor_of(u), "placement_facility_ranks_saved", "placement_position", position_id,
                         kind + ": " + std::to_string(ids.size()) + " ranks");
  });
}

}  // namespace detail

Result<bj::object> Service::save_position_ranks(const accounts::CurrentUser& u, const std::string& id, const std::string& position_id,
                                                const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    const auto l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
    if (!find_position(l, position_id)) return fail(position_not_found);
    KH_TRY_VOID(require_open(l.round));
    json::FieldReader f(body);
    const auto ids = read_facility_list(body, f, l, position_id);
    KH_TRY_VOID(f.finish());
    KH_TRY_VOID(store_facility_ranks(c, u, id, position_id, ids, "centre"));
  }
  return ranks(u, id);
}

// ---- previews ------------------------------------------------------------------------------------------------

Result<bj::object> Service::run_preview(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
  KH_TRY_VOID(require_open(l.round));
  if (l.positions.empty()) return fail(errors::conflict("no_positions", "ポジションがまだありません。先に定員を登録してください。"));
  if (auto problems = fit_problems(catalogue_, l.positions, l.caps, l.round.prefecture); !problems.empty())
    return fail(errors::conflict("caps_below_targets", problems.begin()->second));
  const auto built = build_instance(l, catalogue_);
  if (auto problem = pl::validate(built.instance)) return fail(errors::conflict("invalid_round", *problem));
  const auto mechanism = pl::parse_mechanism(l.round.mechanism).value_or(pl::Mechanism::fda);
  const auto assignment = pl::solve(built.instance, mechanism);
  const auto audit = pl::audit(built.instance, mechanism, assignment);
  auto answer = preview_answer(l, built, mechanism, assignment, audit, catalogue_);
  repo::Preview p;
  const auto previous = KH_TRY(repo::latest_preview(c, id));
  p.id = crypto::new_id("ppv");
  p.seq = previous ? previous->seq + 1 : 1;
  p.revision = l.round.revision;
  p.mechanism = l.round.mechanism;
  p.input_json = bj::serialize(built.input);
  p.created_by_name = person(u);
  p.created_at = now_ms();
  if (previous) {
    const auto prev_input = bj::parse(previous->input_json).as_object();
    const auto prev_answer = bj::parse(previous->result_json).as_object();
    answer["diff"] = difference(prev_input, prev_answer, previous->seq, previous->created_at, built.input, answer);
  } else {
    answer["diff"] = nullptr;
  }
  p.result_json = bj::serialize(answer);
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::insert_preview(c, id, p, u.user.id));
    return audit::record(c, accounts::actor_of(u), "placement_preview_run", "placement_round", id,
                         "preview " + std::to_string(p.seq) + ": " + std::to_string(num(answer.at("placed"))) + " placed");
  }));
  return stored_preview_json(p, l.round);
}

Result<bj::object> Service::latest_preview(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto r = KH_TRY(load_round(c, prefs, id));
  const auto latest = KH_TRY(repo::latest_preview(c, id));
  return bj::object{{"preview", latest ? bj::value(stored_preview_json(*latest, r)) : bj::value(nullptr)}};
}

// ---- confirming ----------------------------------------------------------------------------------------------

Result<bj::object> Service::confirm(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  Loaded l;
  std::vector<repo::Outcome> outcomes;
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    l = KH_TRY(load_all(c, KH_TRY(load_round(c, prefs, id))));
    KH_TRY_VOID(require_open(l.round));
    json::FieldReader f(body);
    const auto preview_id = f.required_string("preview_id", "確定するプレビュー", 60);
    const auto meeting_on = read_date(f, "meeting_on", "会議の日付", false);
    const auto minutes = f.optional_text("minutes", "議事録", 20000);
    KH_TRY_VOID(f.finish());
    const auto latest = KH_TRY(repo::latest_preview(c, id));
    if (!latest || latest->id != preview_id)
      return fail(errors::conflict("preview_outdated", "確定できるのは最新のプレビューだけです。もう一度プレビューしてください。"));
    if (latest->revision != l.round.revision)
      return fail(errors::conflict("preview_outdated", "プレビューのあとで定員・上限・順位が変わりました。もう一度プレビューしてから確定してください。"));
    const auto answer = bj::parse(latest->result_json).as_object();
    for (const auto& v : answer.at("doctors").as_array()) {
      const auto& d = v.as_object();
      repo::Outcome o;
      o.doctor_id = str(d.at("id"));
      if (d.at("assigned").is_object()) o.position_id = str(d.at("assigned").as_object().at("position_id"));
      outcomes.push_back(std::move(o));
    }
    const auto by = person(u);
    const bool done = KH_TRY(store::in_transaction(c, [&]() -> Result<bool> {
      if (!KH_TRY(repo::mark_confirmed(c, id, l.round.revision, preview_id, by, now_ms()))) return false;
      if (meeting_on || minutes) KH_TRY_VOID(repo::set_minutes(c, id, meeting_on, minutes, now_ms()));
      for (const auto& o : outcomes) KH_TRY_VOID(repo::insert_outcome(c, id, o));
      KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "placement_round_confirmed", "placement_round", id,
                                "preview " + std::to_string(latest->seq) + ": " + std::to_string(num(answer.at("placed"))) + " placed"));
      return true;
    }));
    if (!done)
      return fail(errors::conflict("preview_outdated", "ほかの操作で選定が変わりました。もう一度プレビューしてから確定してください。"));
  }
  // The plans, one doctor at a time through the career centre's own saving (its rules are checked); no connection
  // of ours is held meanwhile (the pool is small and careers takes its own).
  for (auto& o : outcomes) {
    if (!o.position_id) continue;
    const auto* p = find_position(l, *o.position_id);
    if (!p) continue;
    auto record = careers_.doctor(u, o.doctor_id);
    if (!record) {
      o.plan_message = record.error().message;
      continue;
    }
    bj::array assignments;
    if (const auto* plan = record->if_contains("plan"); plan && plan->is_object())
      if (const auto* a = plan->as_object().if_contains("assignments"); a && a->is_array()) assignments = a->as_array();
    bj::object entry{{"kind", l.round.assignment_kind}, {"facility_name", p->facility_name}, {"area_code", p->area_code},
                     {"start", l.round.term_start}, {"end", l.round.term_end}, {"actual", false}};
    if (p->department) entry["department"] = *p->department;
    assignments.push_back(std::move(entry));
    auto saved = careers_.save_plan(u, o.doctor_id, bj::object{{"assignments", std::move(assignments)}});
    if (!saved) {
      o.plan_message = saved.error().message;
      if (!saved.error().fields.empty()) o.plan_message = *o.plan_message + "（" + saved.error().fields.begin()->second + "）";
      continue;
    }
    const auto& plan = saved->at("plan").as_object();
    o.plan_version = static_cast<int>(num(plan.at("version")));
    o.plan_state = str(plan.at("state"));
    o.plan_violations = static_cast<int>(num(plan.at("violations")));
  }
  // The facilities' users, looked up before a connection is taken.
  std::map<std::string, std::vector<std::string>> members;  // facility → user ids
  for (const auto& p : l.positions)
    if (p.facility_id && !members.contains(*p.facility_id)) {
      std::vector<std::string> ids;
      for (const auto& m : KH_TRY(accounts_.members_of(*p.facility_id))) ids.push_back(m.id);
      members[*p.facility_id] = std::move(ids);
    }
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    std::map<std::string, repo::Doctor> doctors;
    for (auto& d : KH_TRY(repo::doctors_of(c, {l.round.prefecture}))) doctors.emplace(d.id, std::move(d));
    const std::string term = format_date_ja(l.round.term_start) + "〜" + format_date_ja(l.round.term_end);
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      for (auto& o : outcomes) {
        const auto it = doctors.find(o.doctor_id);
        if (it != doctors.end() && it->second.email && !it->second.email->empty()) {
          std::string body = it->second.name + " 様\n\n" + l.round.centre_name + "です。" + std::to_string(l.round.year) + "年度の配属先選定（" +
                             l.round.title + "）の結果をお知らせします。\n\n";
          if (const auto* p = o.position_id ? find_position(l, *o.position_id) : nullptr)
            body += "配属先：" + position_name(*p) + "\n二次医療圏：" + area_name(catalogue_, p->area_code) + "\n期間：" + term +
                    "\n\nキャリア計画にこの配属を加えました。計画の確認についてはセンターからご連絡します。\n";
          else
            body += "今回の選定では配属先が決まりませんでした。今後について、センターの担当者からご連絡します。\n";
          body += "\nご不明な点は" + l.round.centre_name + "までお問い合わせください。\n";
          KH_TRY_VOID(mail::enqueue(c, {*it->second.email, "【かけはし】配属先選定の結果（" + std::to_string(l.round.year) + "年度）", body}));
          o.mailed = true;
        }
        KH_TRY_VOID(repo::update_outcome(c, id, o));
      }
      // Each facility with a position: how many doctors it receives (names on its page, not in the notice).
      std::map<std::string, int> count;
      for (const auto& o : outcomes)
        if (o.position_id)
          if (const auto* p = find_position(l, *o.position_id); p && p->facility_id) ++count[*p->facility_id];
      for (const auto& [facility, users] : members)
        for (const auto& user : users) {
          const int n = count[facility];
          KH_TRY(notify::insert(c, {{}, user, "placement_round", "配属先選定の結果：" + l.round.title,
                                    n > 0 ? "貴院に" + std::to_string(n) + "名の配属が決まりました（" + term + "）。"
                                          : "今回の選定では貴院への配属はありませんでした。",
                                    "/placement/rounds/" + id, 0, {}},
                                "placement:" + id + ":" + user, notify::MailState::none));
        }
      return {};
    }));
  }
  return round(u, id);
}

Result<bj::object> Service::save_minutes(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    KH_TRY(load_round(c, prefs, id));
    json::FieldReader f(body);
    const auto meeting_on = read_date(f, "meeting_on", "会議の日付", false);
    const auto minutes = f.optional_text("minutes", "議事録", 20000);
    KH_TRY_VOID(f.finish());
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::set_minutes(c, id, meeting_on, minutes && !minutes->empty() ? minutes : std::nullopt, now_ms()));
      return audit::record(c, accounts::actor_of(u), "placement_minutes_saved", "placement_round", id);
    }));
  }
  return round(u, id);
}

}  // namespace kh::placement_rounds
