// The career centre's rules: scope by prefecture, programme versions, the registry, plans checked by the engine.
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "career_rules/career_rules.h"
#include "careers/careers.h"
#include "careers/detail.h"
#include "careers/repo.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/text.h"
#include "core/json.h"
#include "core/time.h"
#include "mail/mail.h"
#include "reference/reference.h"
#include "store/database.h"

namespace kh::careers {

Result<std::vector<std::string>> centre_prefectures(const accounts::CurrentUser& u) {
  KH_TRY_VOID(accounts::require_role(u, {accounts::Role::career_center}));
  std::vector<std::string> out;
  for (const auto& o : u.user.organisations)
    if (o.kind == accounts::OrgKind::career_center) out.push_back(o.prefecture);
  return out;
}
namespace bj = boost::json;
namespace cr = career_rules;
namespace detail {

// ---- scope ---------------------------------------------------------------------------------------------------

bool covers(const std::vector<std::string>& prefectures, const std::string& prefecture) {
  return std::find(prefectures.begin(), prefectures.end(), prefecture) != prefectures.end();
}
//! 「吉田 修（栃木県地域医療支援センター）」: how people read who did something.
std::string person(const accounts::CurrentUser& u) { return accounts::person_label(u.user); }

//! Today's date in Japan, as days since 1970-01-01.
cr::Day today_jst() { return static_cast<cr::Day>((now_ms() + 9LL * 3'600'000) / 86'400'000); }
std::string month_code(cr::Month m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", cr::year_of(m), cr::month_number(m));
  return buf;
}
std::optional<cr::Month> parse_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  auto d = parse_date(std::string(s) + "-01");
  if (!d) return std::nullopt;
  return cr::month_containing(static_cast<cr::Day>(*d));
}

// ---- programmes: rules and groups as JSON ----------------------------------------------------------------------

bj::object rule_json(const cr::Rule& r) {
  bj::object o{{"id", r.id}, {"kind", cr::rule_kind_code(r.kind)}, {"label", cr::rule_kind_label_ja(r.kind)},
               {"months", r.months}, {"description", cr::describe_rule(r)}};
  if (r.kind == cr::RuleKind::total_period) o["loan_factor"] = r.loan_factor;
  if (r.kind == cr::RuleKind::specialist_by_year) o["year"] = r.year;
  if (r.kind == cr::RuleKind::group_months) {
    o["group"] = r.group;
    o["group_name"] = r.group_name;
  }
  if (r.kind == cr::RuleKind::interruption_cap) {
    o["reason"] = r.reason;
    o["reason_label"] = cr::interruption_reason_label_ja(r.reason);
  }
  return o;
}

std::vector<cr::Rule> rules_from_stored(const std::string& text, const std::vector<Group>& groups) {
  std::vector<cr::Rule> out;
  const bj::value parsed = bj::parse(text);  // kept alive for the loop
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    cr::Rule r;
    r.id = std::string(o.at("id").as_string());
    r.kind = cr::parse_rule_kind(std::string(o.at("kind").as_string())).value_or(cr::RuleKind::total_period);
    r.months = static_cast<int>(o.at("months").to_number<std::int64_t>());
    if (auto* f = o.if_contains("loan_factor")) r.loan_factor = f->to_number<double>();
    if (auto* y = o.if_contains("year")) r.year = static_cast<int>(y->to_number<std::int64_t>());
    if (auto* g = o.if_contains("group")) r.group = std::string(g->as_string());
    if (auto* re = o.if_contains("reason")) r.reason = std::string(re->as_string());
    for (const auto& g : groups)
      if (g.code == r.group) r.group_name = g.name;
    out.push_back(std::move(r));
  }
  return out;
}
std::string rules_to_stored(const std::vector<cr::Rule>& rules) {
  bj::array a;
  for (const auto& r : rules) {
    bj::object o{{"id", r.id}, {"kind", cr::rule_kind_code(r.kind)}, {"months", r.months}};
    if (r.kind == cr::RuleKind::total_period) o["loan_factor"] = r.loan_factor;
    if (r.kind == cr::RuleKind::specialist_by_year) o["year"] = r.year;
    if (r.kind == cr::RuleKind::group_months) o["group"] = r.group;
    if (r.kind == cr::RuleKind::interruption_cap) o["reason"] = r.reason;
    a.push_back(std::move(o));
  }
  return bj::serialize(a);
}
std::vector<Group> groups_from_stored(const std::string& text) {
  std::vector<Group> out;
  const bj::value parsed = bj::parse(text);  // kept alive for the loop
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    Group g{std::string(o.at("code").as_string()), std::string(o.at("name").as_string()), {}};
    for (const auto& m : o.at("members").as_array()) g.members.emplace_back(m.as_string());
    out.push_back(std::move(g));
  }
  return out;
}
bj::array groups_json(const std::vector<Group>& groups) {
  bj::array a;
  for (const auto& g : groups) {
    bj::array members;
    for (const auto& m : g.members) members.emplace_back(m);
    a.push_back(bj::object{{"code", g.code}, {"name", g.name}, {"members", std::move(members)}});
  }
  return a;
}

//! Reads rules: [{id?, kind, months, loan_factor?, year?, group?, reason?}] and groups: [{code, name, members}]; every
//! problem names the item ("rules[2].months").
void read_rules_and_groups(const bj::object& body, json::FieldReader& f, std::vector<cr::Rule>& rules, std::vector<Group>& groups) {
  if (const auto* gv = body.if_contains("groups"); gv && !gv->is_null()) {
    if (!gv->is_array() || gv->as_array().size() > 20) f.add_error("groups", "「医療機関群」は20件までの配列で指定してください。");
    else {
      std::set<std::string> codes;
      int i = 0;
      for (const auto& v : gv->as_array()) {
        const std::string key = "groups[" + std::to_string(i) + "]";
        const std::string label = "医療機関群" + std::to_string(++i) + "件目";
        if (!v.is_object()) {
          f.add_error(key, "「" + label + "」の形式が正しくありません。");
          continue;
        }
        json::FieldReader g(v.as_object());
        Group grp;
        grp.code = g.required_string("code", label + "の記号", 40);
        grp.name = g.required_string("name", label + "の名前", 100);
        grp.members = g.optional_string_list("members", label + "の医療機関", 200).value_or(std::vector<std::string>{});
        for (const auto& [k, m] : g.errors()) f.add_error(key + "." + k, m);
        if (!grp.code.empty() && !codes.insert(grp.code).second) f.add_error(key + ".code", label + "の記号「" + grp.code + "」が重複しています。");
        groups.push_back(std::move(grp));
      }
    }
  }
  const auto* rv = body.if_contains("rules");
  if (!rv || rv->is_null()) {
    f.add_error("rules", "「ルール」を入力してください。");
    return;
  }
  if (!rv->is_array() || rv->as_array().size() > 50) {
    f.add_error("rules", "「ルール」は50件までの配列で指定してください。");
    return;
  }
  int i = 0;
  for (const auto& v : rv->as_array()) {
    const std::string key = "rules[" + std::to_string(i) + "]";
    const std::string label = "ルール" + std::to_string(++i) + "件目";
    if (!v.is_object()) {
      f.add_error(key, "「" + label + "」の形式が正しくありません。");
      continue;
    }
    const auto& o = v.as_object();
    json::FieldReader r(o);
    cr::Rule rule;
    rule.id = r.optional_string("id", label + "の識別子", 40).value_or("r" + std::to_string(i));
    const auto kind = r.required_string("kind", label + "の種類", 40);
    if (auto k = cr::parse_rule_kind(kind)) rule.kind = *k;
    else if (!r.has_error("kind")) r.add_error("kind", label + "の種類「" + kind + "」はありません。");
    rule.months = static_cast<int>(r.optional_integer("months", label + "の月数", 0, cr::max_rule_months).value_or(0));
    rule.year = static_cast<int>(r.optional_integer("year", label + "の卒後年数", 1, 30).value_or(0));
    if (const auto* lf = o.if_contains("loan_factor"); lf && !lf->is_null()) {
      if (!lf->is_number()) r.add_error("loan_factor", "「" + label + "の貸与期間の倍率」は数で指定してください。");
      else rule.loan_factor = lf->to_number<double>();
    }
    rule.group = r.optional_string("group", label + "の医療機関群", 40).value_or("");
    rule.reason = r.optional_string("reason", label + "の中断理由", 40).value_or("");
    for (const auto& [k, m] : r.errors()) f.add_error(key + "." + k, m);
    if (r.errors().empty()) {
      for (const auto& g : groups)
        if (g.code == rule.group) rule.group_name = g.name;
      if (auto e = cr::validate_rule(rule)) f.add_error(key, label + "：" + *e);
      else if (rule.kind == cr::RuleKind::group_months && rule.group_name.empty())
        f.add_error(key + ".group", label + "の医療機関群「" + rule.group + "」がこのプログラムにありません。");
    }
    rules.push_back(std::move(rule));
  }
  if (!f.has_error("rules") && std::none_of(f.errors().begin(), f.errors().end(), [](const auto& e) { return e.first.starts_with("rules["); }))
    if (auto e = cr::validate_rules(rules)) f.add_error("rules", *e);
}

bj::object version_json(const repo::ProgrammeVersion& v) {
  const auto groups = groups_from_stored(v.groups_json);
  bj::array rules;
  for (const auto& r : rules_from_stored(v.rules_json, groups)) rules.push_back(rule_json(r));
  return {{"version", v.version}, {"name", v.name}, {"basic_area", v.basic_area},
          {"course", v.course ? bj::value(*v.course) : bj::value(nullptr)}, {"target_years", v.target_years},
          {"rules", std::move(rules)}, {"groups", groups_json(groups)}, {"created_by", v.created_by_name},
          {"created_at", format_iso8601_jst(v.created_at)}};
}

// ---- doctors and plans -----------------------------------------------------------------------------------------

bj::object doctor_summary(const repo::Doctor& d, const std::optional<repo::Plan>& plan, const std::string& programme_name) {
  bj::object o{{"id", d.id}, {"name", d.name}, {"kind", d.kind}, {"kind_label", label_of(doctor_kinds, d.kind).value_or(d.kind)},
               {"university", d.university}, {"graduation_year", d.graduation_year}, {"status", d.status},
               {"status_label", label_of(statuses, d.status).value_or(d.status)}, {"programme_id", d.programme_id ? bj::value(*d.programme_id) : nullptr},
               {"programme_name", programme_name.empty() ? bj::value(nullptr) : bj::value(programme_name)},
               {"programme_version", d.programme_version ? bj::value(*d.programme_version) : nullptr},
               {"specialty_wish", d.specialty_wish ? bj::value(*d.specialty_wish) : nullptr}};
  if (plan) o["plan"] = bj::object{{"state", plan->state}, {"state_label", label_of(plan_states, plan->state).value_or(plan->state)},
                                   {"version", plan->version}, {"violations", plan->violations}};
  else o["plan"] = nullptr;
  return o;
}

Result<std::vector<AssignmentInput>> read_assignments(const bj::object& body, const reference::Catalogue& catalogue) {
  json::FieldReader f(body);
  std::vector<AssignmentInput> out;
  const auto* av = body.if_contains("assignments");
  if (!av || !av->is_array()) {
    f.add_error("assignments", "「勤務計画」は配列で指定してください。");
    KH_TRY_VOID(f.finish());
  }
  if (av->as_array().size() > 100) f.add_error("assignments", "「勤務計画」は100件までです。");
  int i = 0;
  for (const auto& v : av->as_array()) {
    if (i >= 100) break;
    const std::string key = "assignments[" + std::to_string(i) + "]";
    const std::string label = "勤務計画" + std::to_string(++i) + "件目";
    if (!v.is_object()) {
      f.add_error(key, "「" + label + "」の形式が正しくありません。");
      continue;
    }
    json::FieldReader r(v.as_object());
    AssignmentInput a;
    a.id = r.optional_string("id", label + "の識別子", 40).value_or("a" + std::to_string(i));
    a.kind = r.required_string("kind", label + "の種類", 40);
    const auto kind = cr::parse_kind(a.kind);
    if (!a.kind.empty() && !kind) r.add_error("kind", label + "の種類「" + a.kind + "」はありません。");
    if (kind == cr::AssignmentKind::interruption) {
      a.facility_name = r.optional_string("facility_name", label + "の医療機関", 100).value_or("");
      a.interruption_reason = r.required_string("interruption_reason", label + "の中断理由", 40);
      if (!a.interruption_reason->empty() && !cr::is_interruption_reason(*a.interruption_reason))
        r.add_error("interruption_reason", label + "の中断理由「" + *a.interruption_reason + "」はありません。");
    } else {
      a.facility_name = r.required_string("facility_name", label + "の医療機関", 100);
    }
    a.facility_id = r.optional_string("facility_id", label + "の医療機関ID", 60);
    a.department = r.optional_string("department", label + "の診療科", 60);
    a.area_code = r.optional_string("area_code", label + "の二次医療圏", 10);
    if (a.area_code && !a.area_code->empty() && !catalogue.area(*a.area_code))
      r.add_error("area_code", label + "の二次医療圏「" + *a.area_code + "」はありません。");
    a.start = r.required_string("start", label + "の開始日", 10);
    a.end = r.required_string("end", label + "の終了日", 10);
    if (!a.start.empty() && !is_valid_date(a.start)) r.add_error("start", "「" + label + "の開始日」は YYYY-MM-DD の形の日付で入力してください。");
    if (!a.end.empty() && !is_valid_date(a.end)) r.add_error("end", "「" + label + "の終了日」は YYYY-MM-DD の形の日付で入力してください。");
    if (!r.has_error("start") && !r.has_error("end") && a.end < a.start)
      r.add_error("end", "「" + label + "の終了日」が開始日より前です。");
    a.out_of_prefecture = r.optional_bool("out_of_prefecture", label + "の県外").value_or(false);
    a.actual = r.optional_bool("actual", label + "の実績").value_or(false);
    for (const auto& [k, m] : r.errors()) f.add_error(key + "." + k, m);
    out.push_back(std::move(a));
  }
  KH_TRY_VOID(f.finish());
  return out;
}

bj::array assignments_json(const std::vector<AssignmentInput>& list) {
  bj::array a;
  for (const auto& x : list) {
    bj::object o{{"id", x.id}, {"kind", x.kind}, {"facility_name", x.facility_name}, {"start", x.start}, {"end", x.end},
                 {"out_of_prefecture", x.out_of_prefecture}, {"actual", x.actual}};
    const auto opt = [&](const char* k, const std::optional<std::string>& v) { o[k] = v && !v->empty() ? bj::value(*v) : bj::value(nullptr); };
    opt("facility_id", x.facility_id);
    opt("department", x.department);
    opt("area_code", x.area_code);
    opt("interruption_reason", x.interruption_reason);
    a.push_back(std::move(o));
  }
  return a;
}
std::vector<AssignmentInput> assignments_from_stored(const std::string& text) {
  std::vector<AssignmentInput> out;
  const bj::value parsed = bj::parse(text);  // kept alive for the loop
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    AssignmentInput a;
    const auto str = [&](const char* k) -> std::optional<std::string> {
      const auto* x = o.if_contains(k);
      return x && x->is_string() ? std::optional(std::string(x->as_string())) : std::nullopt;
    };
    a.id = str("id").value_or("");
    a.kind = str("kind").value_or("work");
    a.facility_name = str("facility_name").value_or("");
    a.start = str("start").value_or("");
    a.end = str("end").value_or("");
    a.facility_id = str("facility_id");
    a.department = str("department");
    a.area_code = str("area_code");
    a.interruption_reason = str("interruption_reason");
    a.out_of_prefecture = o.if_contains("out_of_prefecture") && o.at("out_of_prefecture").as_bool();
    a.actual = o.if_contains("actual") && o.at("actual").as_bool();
    out.push_back(std::move(a));
  }
  return out;
}

//! The engine's input: the facts of each assignment resolved from the reference data and the programme's groups.
std::vector<cr::Assignment> engine_assignments(const std::vector<AssignmentInput>& list, const std::vector<Group>& groups,
                                               const reference::Catalogue& catalogue, const std::string& prefecture) {
  std::vector<cr::Assignment> out;
  for (const auto& x : list) {
    cr::Assignment a;
    a.id = x.id;
    a.facility_id = x.facility_id.value_or(x.facility_name);
    a.facility_name = x.facility_name;
    a.kind = cr::parse_kind(x.kind).value_or(cr::AssignmentKind::work);
    a.start = static_cast<cr::Day>(parse_date(x.start).value_or(0));
    a.end = static_cast<cr::Day>(parse_date(x.end).value_or(0));
    a.out_of_prefecture = x.out_of_prefecture;
    if (x.area_code && !x.area_code->empty()) {
      if (const auto area = catalogue.area(*x.area_code)) {
        a.shortage_area = area->designation && area->designation->designation == "医師少数区域";
        if (area->prefecture != prefecture) a.out_of_prefecture = true;
      }
    }
    for (const auto& g : groups)
      if (std::find(g.members.begin(), g.members.end(), x.facility_name) != g.members.end()) {
        a.groups.push_back(g.code);
        // The centre's 「これらに相当すると認める医療機関」: counted as in a 医師少数区域 wherever they lie.
        if (g.code == shortage_equivalent_group) a.shortage_area = true;
      }
    a.interruption_reason = x.interruption_reason.value_or("");
    a.actual = x.actual;
    out.push_back(std::move(a));
  }
  return out;
}

cr::Doctor engine_doctor(const repo::Doctor& d) {
  cr::Doctor e;
  e.obligation_start = parse_month(d.obligation_start).value_or(cr::month_of(d.graduation_year, 4));
  e.graduation_year = d.graduation_year;
  e.loan_months = d.loan_months;
  if (d.specialist_certified_on)
    if (auto day = parse_date(*d.specialist_certified_on)) e.specialist_certified_on = static_cast<cr::Day>(*day);
  return e;
}

bj::object evaluation_json(const cr::Evaluation& ev, const std::vector<cr::Rule>& rules, const std::vector<cr::Assignment>& as,
                           bool with_months) {
  bj::array findings;
  for (const auto& f : ev.findings)
    findings.push_back(bj::object{{"severity", cr::severity_code(f.severity)}, {"code", f.code},
                                  {"rule_id", f.rule_id.empty() ? bj::value(nullptr) : bj::value(f.rule_id)},
                                  {"assignment_id", f.assignment_id.empty() ? bj::value(nullptr) : bj::value(f.assignment_id)},
                                  {"message", f.message}});
  bj::array states;
  for (std::size_t i = 0; i < ev.rules.size(); ++i) {
    const auto& s = ev.rules[i];
    states.push_back(bj::object{{"rule_id", s.rule_id}, {"kind", cr::rule_kind_code(s.kind)}, {"label", cr::rule_kind_label_ja(s.kind)},
                                {"description", cr::describe_rule(rules[i])}, {"state", cr::rule_state_code(s.state)},
                                {"state_label", cr::rule_state_label_ja(s.state)}, {"required", s.required}, {"served", s.served},
                                {"projected", s.projected}, {"deadline", month_code(s.deadline)},
                                {"deadline_label", cr::format_month_ja(s.deadline)}, {"message", s.message}});
  }
  const auto violations = std::count_if(ev.findings.begin(), ev.findings.end(), [](const auto& f) { return f.severity == cr::Severity::violation; });
  bj::object out{{"valid", !ev.has_violation()},
                 {"violations", violations},
                 {"warnings", static_cast<std::int64_t>(ev.findings.size()) - violations},
                 {"findings", std::move(findings)},
                 {"rules", std::move(states)},
                 {"summary", bj::object{{"start", month_code(ev.start)}, {"deadline", month_code(ev.deadline)},
                                        {"deadline_label", cr::format_month_ja(ev.deadline)}, {"current", month_code(ev.current)},
                                        {"required_months", ev.required_months}, {"extension_months", ev.extension_months},
                                        {"served_months", ev.served_months}, {"served_shortage_months", ev.served_shortage_months},
                                        {"served_out_of_prefecture_months", ev.served_out_of_prefecture_months},
                                        {"served_research_months", ev.served_research_months},
                                        {"interruption_months", ev.interruption_months}, {"projected_months", ev.projected_months},
                                        {"remaining_months", ev.remaining_months}}}};
  if (with_months) {
    bj::array months;
    for (const auto& m : ev.months) {
      bj::object row{{"month", month_code(m.month)}, {"past", m.past}, {"counted", m.counted}, {"in_period", m.in_period}};
      if (m.assignment >= 0) {
        const auto& a = as[static_cast<std::size_t>(m.assignment)];
        row["assignment_id"] = a.id;
        row["kind"] = cr::kind_code(a.kind);
        row["kind_label"] = cr::kind_label_ja(a.kind);
        row["facility_name"] = a.facility_name;
        row["shortage_area"] = a.shortage_area;
        row["out_of_prefecture"] = a.out_of_prefecture || a.kind == cr::AssignmentKind::study_abroad;
        row["actual"] = a.actual;
      } else {
        row["assignment_id"] = nullptr;
      }
      months.push_back(std::move(row));
    }
    out["months"] = std::move(months);
  }
  return out;
}

//! The doctor within the centre's scope with the programme version they are bound to; 404 outside the scope.
Result<Loaded> load_doctor(store::Connection& c, const std::vector<std::string>& prefectures, const std::string& id) {
  auto d = KH_TRY(repo::find_doctor(c, id));
  if (!d || !covers(prefectures, d->prefecture)) return fail(doctor_not_found);
  Loaded l{std::move(*d), std::nullopt, {}, {}};
  if (l.doctor.programme_id && l.doctor.programme_version) {
    l.version = KH_TRY(repo::find_version(c, *l.doctor.programme_id, *l.doctor.programme_version));
    if (l.version) {
      l.groups = groups_from_stored(l.version->groups_json);
      l.rules = rules_from_stored(l.version->rules_json, l.groups);
    }
  }
  return l;
}

Result<void> need_programme(const Loaded& l) {
  if (!l.version) return fail(errors::conflict("no_programme", "この医師にはプログラムが設定されていません。先にプログラムを設定してください。"));
  return {};
}

//! The doctor's own account as the centre sees it: linked or not, and the latest invitation.
Result<bj::object> account_json(store::Connection& c, const std::string& doctor_id) {
  const auto account = KH_TRY(repo::account_of(c, doctor_id));
  bj::object o{{"linked", account.has_value()},
               {"linked_at", account ? bj::value(format_iso8601_jst(account->second)) : bj::value(nullptr)}};
  const auto inv = KH_TRY(repo::latest_invitation(c, doctor_id));
  if (!inv) {
    o["invitation"] = nullptr;
    return o;
  }
  const bool open = !inv->used_at && inv->expires_at > now_ms();
  const std::string state = open ? "open" : inv->used_at ? "used" : "expired";
  o["invitation"] = bj::object{{"email", inv->email},
                               {"sent_at", format_iso8601_jst(inv->created_at)},
                               {"expires_at", format_iso8601_jst(inv->expires_at)},
                               {"invited_by", inv->created_by_name},
                               {"state", state},
                               {"state_label", open ? "招待中（" + format_datetime_ja(inv->expires_at) + "まで有効）"
                                               : state == "used" ? std::string("使用済み") : std::string("期限切れ")}};
  return o;
}

//! A doctor's requests for a change, newest first (the centre's record page and the doctor's own page).
Result<bj::array> change_requests_json(store::Connection& c, const std::string& doctor_id) {
  bj::array out;
  for (const auto& r : KH_TRY(repo::change_requests_of(c, doctor_id)))
    out.push_back(bj::object{{"id", r.id},
                             {"body", r.body},
                             {"author", r.author_name},
                             {"plan_version", r.plan_version ? bj::value(*r.plan_version) : nullptr},
                             {"created_at", format_iso8601_jst(r.created_at)},
                             {"handled", r.handled_at.has_value()},
                             {"handled_at", r.handled_at ? bj::value(format_iso8601_jst(*r.handled_at)) : nullptr},
                             {"handled_by", r.handled_by_name ? bj::value(*r.handled_by_name) : nullptr},
                             {"reply", r.reply ? bj::value(*r.reply) : nullptr}});
  return out;
}

Result<LedgerOf> evaluate_plan_in_force(store::Connection& c, const Loaded& l, const reference::Catalogue& catalogue) {
  const auto plan = KH_TRY(repo::plan_of(c, l.doctor.id));
  const auto input = plan ? assignments_from_stored(plan->assignments_json) : std::vector<AssignmentInput>{};
  auto as = engine_assignments(input, l.groups, catalogue, l.doctor.prefecture);
  auto ev = cr::evaluate(engine_doctor(l.doctor), l.rules, as, today_jst());
  return LedgerOf{std::move(as), std::move(ev)};
}

}  // namespace detail
using namespace detail;

// ---- programmes ----------------------------------------------------------------------------------------------

Result<bj::object> Service::programmes(const accounts::CurrentUser& u) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  bj::array items;
  for (const auto& p : KH_TRY(repo::programmes_of(c, prefs))) {
    auto v = KH_TRY(repo::find_version(c, p.id, p.current_version));
    if (!v) continue;
    auto o = version_json(*v);
    o["id"] = p.id;
    o["prefecture"] = p.prefecture;
    o["current_version"] = p.current_version;
    items.push_back(std::move(o));
  }
  return bj::object{{"items", std::move(items)}};
}

Result<bj::object> Service::create_programme(const accounts::CurrentUser& u, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  if (prefs.empty()) return fail(errors::forbidden("地域医療支援センターに所属していません。"));
  json::FieldReader f(body);
  repo::ProgrammeVersion v;
  v.name = f.required_string("name", "プログラム名", 100);
  v.basic_area = f.required_string("basic_area", "基本領域", 40);
  if (!v.basic_area.empty() && std::find(basic_areas.begin(), basic_areas.end(), v.basic_area) == basic_areas.end())
    f.add_error("basic_area", "「基本領域」は19の基本領域（内科、外科、総合診療など）から選んでください。");
  v.course = f.optional_string("course", "コース", 100);
  v.target_years = static_cast<int>(f.optional_integer("target_years", "対象期間（年）", 1, 20).value_or(9));
  std::vector<cr::Rule> rules;
  std::vector<Group> groups;
  read_rules_and_groups(body, f, rules, groups);
  KH_TRY_VOID(f.finish());
  repo::Programme p{crypto::new_id("cpg"), prefs.front(), 1, now_ms(), now_ms()};
  v.programme_id = p.id;
  v.version = 1;
  v.rules_json = rules_to_stored(rules);
  v.groups_json = bj::serialize(groups_json(groups));
  v.created_by_name = person(u);
  v.created_at = p.created_at;
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::insert_programme(c, p));
      KH_TRY_VOID(repo::insert_version(c, v, u.user.id));
      return audit::record(c, accounts::actor_of(u), "career_programme_created", "career_programme", p.id, v.name);
    }));
  }  // the connection goes back before the answer is read with another
  return programme(u, p.id);
}

Result<bj::object> Service::programme(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto p = KH_TRY(repo::find_programme(c, id));
  if (!p || !covers(prefs, p->prefecture)) return fail(programme_not_found);
  bj::array versions;
  bj::object current;
  for (const auto& v : KH_TRY(repo::versions_of(c, id))) {
    auto o = version_json(v);
    if (v.version == p->current_version) current = o;
    versions.push_back(std::move(o));
  }
  auto n = KH_TRY(c.execute("SELECT programme_version, COUNT(*) FROM career_doctors WHERE programme_id = $1 GROUP BY programme_version", {id}));
  bj::object bound;
  for (const auto& r : n.rows) bound[r.text(0)] = r.integer(1);
  current["id"] = p->id;
  current["prefecture"] = p->prefecture;
  current["current_version"] = p->current_version;
  current["versions"] = std::move(versions);
  current["doctors_by_version"] = std::move(bound);
  return current;
}

Result<bj::object> Service::update_programme(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto p = KH_TRY(repo::find_programme(c, id));
    if (!p || !covers(prefs, p->prefecture)) return fail(programme_not_found);
    auto cur = KH_TRY(repo::find_version(c, id, p->current_version));
    if (!cur) return fail(programme_not_found);
    json::FieldReader f(body);
    repo::ProgrammeVersion v = *cur;
    if (body.contains("name")) v.name = f.required_string("name", "プログラム名", 100);
    if (body.contains("basic_area")) {
      v.basic_area = f.required_string("basic_area", "基本領域", 40);
      if (!v.basic_area.empty() && std::find(basic_areas.begin(), basic_areas.end(), v.basic_area) == basic_areas.end())
        f.add_error("basic_area", "「基本領域」は19の基本領域（内科、外科、総合診療など）から選んでください。");
    }
    if (body.contains("course")) v.course = f.optional_string("course", "コース", 100);
    if (body.contains("target_years")) v.target_years = static_cast<int>(f.optional_integer("target_years", "対象期間（年）", 1, 20).value_or(v.target_years));
    std::vector<cr::Rule> rules;
    std::vector<Group> groups;
    bj::object merged = body;
    if (!merged.contains("rules")) merged["rules"] = bj::parse(cur->rules_json);
    if (!merged.contains("groups")) merged["groups"] = bj::parse(cur->groups_json);
    read_rules_and_groups(merged, f, rules, groups);
    KH_TRY_VOID(f.finish());
    v.version = p->current_version + 1;
    v.rules_json = rules_to_stored(rules);
    v.groups_json = bj::serialize(groups_json(groups));
    v.created_by_name = person(u);
    v.created_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      // Only from the version read: two edits at once make two versions one after the other, never one lost.
      auto done = KH_TRY(c.execute("UPDATE career_programmes SET current_version = $2, updated_at = $3 WHERE id = $1 AND current_version = $4",
                                   {id, std::int64_t{v.version}, v.created_at, std::int64_t{p->current_version}}));
      if (done.affected != 1) return fail(errors::conflict("programme_changed", "プログラムがほかの操作で変更されました。読み込み直してください。"));
      KH_TRY_VOID(repo::insert_version(c, v, u.user.id));
      return audit::record(c, accounts::actor_of(u), "career_programme_updated", "career_programme", id, "version " + std::to_string(v.version));
    }));
  }
  return programme(u, id);
}

// ---- doctors -------------------------------------------------------------------------------------------------

Result<bj::object> Service::doctors(const accounts::CurrentUser& u, const std::optional<std::string>& status,
                                    const std::optional<std::string>& programme_id, const std::optional<std::string>& q) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  if (status && !status->empty() && !label_of(statuses, *status))
    return fail(errors::validation({{"status", "「状況」は " + choices(statuses) + " のいずれかです。"}}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  std::map<std::string, std::string> names;
  for (const auto& p : KH_TRY(repo::programmes_of(c, prefs)))
    if (auto v = KH_TRY(repo::find_version(c, p.id, p.current_version))) names[p.id] = v->name;
  bj::array items;
  for (const auto& d : KH_TRY(repo::doctors_of(c, prefs))) {
    if (status && !status->empty() && d.status != *status) continue;
    if (programme_id && !programme_id->empty() && d.programme_id != *programme_id) continue;
    if (q && !q->empty() && d.name.find(*q) == std::string::npos && (!d.name_kana || d.name_kana->find(*q) == std::string::npos)) continue;
    const auto plan = KH_TRY(repo::plan_of(c, d.id));
    items.push_back(doctor_summary(d, plan, d.programme_id && names.contains(*d.programme_id) ? names[*d.programme_id] : ""));
  }
  const auto total = items.size();
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "career_registry_listed", std::nullopt, std::nullopt,
                            std::to_string(total) + " doctors"));
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

namespace {
//! A new registry doctor read from a body, every problem named in Japanese by its field (registration and the
//! CSV import). `programme_version` (the import's 版) binds the doctor to that version instead of the current one.
Result<repo::Doctor> read_new_doctor(store::Connection& c, const std::vector<std::string>& prefs, const bj::object& body) {
  json::FieldReader f(body);
  repo::Doctor d;
  d.prefecture = prefs.front();
  d.name = f.required_string("name", "氏名", 60);
  d.name_kana = f.optional_string("name_kana", "ふりがな", 60);
  if (d.name_kana && d.name_kana->empty()) d.name_kana.reset();
  d.kind = f.required_string("kind", "区分", 40);
  if (!d.kind.empty() && !label_of(doctor_kinds, d.kind)) f.add_error("kind", "「区分」は " + choices(doctor_kinds) + " のいずれかです。");
  d.university = f.required_string("university", "出身大学", 100);
  d.graduation_year = static_cast<int>(f.optional_integer("graduation_year", "卒業年", 1970, 2100).value_or(0));
  if (!d.graduation_year && !f.has_error("graduation_year")) f.add_error("graduation_year", json::msg_required("卒業年"));
  if (auto y = f.optional_integer("licence_year", "医師免許取得年", 1970, 2100)) d.licence_year = static_cast<int>(*y);
  d.loan_months = static_cast<int>(f.optional_integer("loan_months", "貸与期間（月）", 0, 240).value_or(0));
  d.specialty_wish = f.optional_string("specialty_wish", "希望診療科", 60);
  if (d.specialty_wish && d.specialty_wish->empty()) d.specialty_wish.reset();
  d.status = f.optional_string("status", "状況", 40).value_or("clinical_training");
  if (!label_of(statuses, d.status)) f.add_error("status", "「状況」は " + choices(statuses) + " のいずれかです。");
  d.obligation_start = f.optional_string("obligation_start", "義務開始月", 7).value_or("");
  if (d.obligation_start.empty() && d.graduation_year) d.obligation_start = std::to_string(d.graduation_year) + "-04";
  if (!f.has_error("obligation_start") && d.graduation_year && !parse_month(d.obligation_start))
    f.add_error("obligation_start", "「義務開始月」は YYYY-MM の形で入力してください。");
  d.specialist_certified_on = f.optional_string("specialist_certified_on", "専門医資格取得日", 10);
  if (d.specialist_certified_on && !d.specialist_certified_on->empty() && !is_valid_date(*d.specialist_certified_on))
    f.add_error("specialist_certified_on", "「専門医資格取得日」は YYYY-MM-DD の形の日付で入力してください。");
  if (d.specialist_certified_on && d.specialist_certified_on->empty()) d.specialist_certified_on.reset();
  d.email = f.optional_string("email", "メールアドレス", 200);
  if (d.email && !d.email->empty() && d.email->find('@') == std::string::npos) f.add_error("email", json::msg_invalid("メールアドレス"));
  if (d.email && d.email->empty()) d.email.reset();
  d.phone = f.optional_string("phone", "電話番号", 30);
  if (d.phone && d.phone->empty()) d.phone.reset();
  d.programme_id = f.optional_string("programme_id", "プログラム", 60);
  if (d.programme_id && d.programme_id->empty()) d.programme_id.reset();
  const auto version = f.optional_integer("programme_version", "版", 1, 100000);
  if (d.programme_id) {
    auto p = KH_TRY(repo::find_programme(c, *d.programme_id));
    if (!p || !covers(prefs, p->prefecture)) f.add_error("programme_id", "「プログラム」が見つかりません。");
    else if (version && !KH_TRY(repo::find_version(c, p->id, static_cast<int>(*version))))
      f.add_error("programme_version", "「版」第" + std::to_string(*version) + "版はこのプログラムにありません。");
    else d.programme_version = version ? static_cast<int>(*version) : p->current_version;
  }
  KH_TRY_VOID(f.finish());
  return d;
}

//! Writes a new doctor with the first entry of their status history (inside the caller's transaction).
Result<void> insert_new_doctor(store::Connection& c, const accounts::CurrentUser& u, repo::Doctor& d, std::string_view note) {
  d.id = crypto::new_id("cdr");
  d.created_at = d.updated_at = now_ms();
  KH_TRY_VOID(repo::insert_doctor(c, d));
  repo::Event e;
  e.id = crypto::new_id("cde");
  e.status = d.status;
  e.event_date = format_iso8601_jst(d.created_at).substr(0, 10);
  e.note = std::string(note);
  e.created_by_name = person(u);
  e.created_at = d.created_at;
  return repo::insert_event(c, d.id, e, u.user.id);
}
}  // namespace

Result<bj::object> Service::register_doctor(const accounts::CurrentUser& u, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  if (prefs.empty()) return fail(errors::forbidden("地域医療支援センターに所属していません。"));
  std::string id;
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto d = KH_TRY(read_new_doctor(c, prefs, body));
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(insert_new_doctor(c, u, d, "登録"));
      return audit::record(c, accounts::actor_of(u), "career_doctor_registered", "career_doctor", d.id);
    }));
    id = d.id;
  }
  return doctor(u, id);
}

namespace {
//! The registry's CSV columns, as registry_csv writes them: the API's field (empty: read and ignored) and header.
struct RegistryColumn {
  std::string_view field, header;
  bool required;
};
constexpr std::array<RegistryColumn, 16> registry_columns{{
    {"name", "氏名", true},
    {"name_kana", "ふりがな", false},
    {"kind", "区分", true},
    {"university", "出身大学", true},
    {"graduation_year", "卒業年", true},
    {"licence_year", "医師免許取得年", false},
    {"loan_months", "貸与期間（月）", false},
    {"programme_id", "プログラム", false},
    {"programme_version", "版", false},
    {"specialty_wish", "希望診療科", false},
    {"status", "状況", false},
    {"", "計画の状態", false},  // the export's; plans are not imported
    {"obligation_start", "義務開始月", false},
    {"specialist_certified_on", "専門医資格取得日", false},
    {"email", "メールアドレス", false},
    {"phone", "電話番号", false},
}};
std::string header_key(std::string_view h) {
  std::string k = text::fold(text::trim(h));
  std::erase(k, ' ');
  return k;
}
bool whole_number(std::string_view s) { return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }); }
//! 2027/4/1 (what Excel writes) → 2027-04-01; 2027/4 → 2027-04; anything else as written (the field's check names it).
std::string iso_of(std::string_view cell) {
  std::string s = text::fold(text::trim(cell));
  std::replace(s.begin(), s.end(), '/', '-');
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  if (std::sscanf(s.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
  }
  return s;
}
}  // namespace

Result<bj::object> Service::import_registry(const accounts::CurrentUser& u, std::string_view bytes) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  if (prefs.empty()) return fail(errors::forbidden("地域医療支援センターに所属していません。"));
  const auto decoded = text::decode_japanese_file(bytes);
  if (!decoded)
    return fail(errors::bad_request("CSVの文字コードを読み取れません。Excelでは「CSV（コンマ区切り）」または「CSV UTF-8（コンマ区切り）」で保存してください。"));
  const auto records = KH_TRY(csv::parse(decoded->text));
  if (records.size() < 2) return fail(errors::bad_request("CSVにデータ行がありません。1行目は見出しにしてください。"));

  // The header: the export's Japanese names (or the API's field names), in any order.
  std::vector<int> column_of;  // per position: index into registry_columns, or -1
  std::string header_problems;
  std::set<int> seen;
  for (const auto& h : records.front()) {
    int found = -1;
    for (std::size_t i = 0; i < registry_columns.size(); ++i)
      if (header_key(h) == header_key(registry_columns[i].header) || (!registry_columns[i].field.empty() && header_key(h) == registry_columns[i].field))
        found = static_cast<int>(i);
    if (found < 0) header_problems += h.empty() ? "空欄の見出しがあります。" : "「" + h + "」は列の名前にありません。";
    else if (!seen.insert(found).second) header_problems += "「" + std::string(registry_columns[found].header) + "」の列が2つあります。";
    column_of.push_back(found);
  }
  for (std::size_t i = 0; i < registry_columns.size(); ++i)
    if (registry_columns[i].required && !seen.contains(static_cast<int>(i)))
      header_problems += "「" + std::string(registry_columns[i].header) + "」の列がありません。";
  if (!header_problems.empty())
    return fail(errors::bad_request("1行目（見出し）: " + header_problems + "名簿のCSV出力と同じ見出しを使ってください。"));

  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  // Programmes by name (the export writes the name); doctors already in the registry by 氏名・卒業年・出身大学.
  std::map<std::string, std::string> programme_by_name;
  for (const auto& p : KH_TRY(repo::programmes_of(c, prefs)))
    if (auto v = KH_TRY(repo::find_version(c, p.id, p.current_version))) programme_by_name[header_key(v->name)] = p.id;
  std::set<std::tuple<std::string, int, std::string>> known;
  for (const auto& d : KH_TRY(repo::doctors_of(c, prefs))) known.insert({d.name, d.graduation_year, d.university});

  std::map<std::string, std::string> problems;
  std::vector<repo::Doctor> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const std::string row_key = "row_" + std::to_string(r + 1);
    const std::string prefix = std::to_string(r + 1) + "行目: ";
    const auto& record = records[r];
    if (record.size() == 1 && text::trim(record[0]).empty()) continue;  // a blank line Excel leaves at the end
    if (record.size() != column_of.size()) {
      problems[row_key] = prefix + "列の数が見出しと違います（見出し " + std::to_string(column_of.size()) + "列、この行 " + std::to_string(record.size()) + "列）。";
      continue;
    }
    bj::object body;
    std::map<std::string, std::string> cell_problems;  // field → message
    for (std::size_t k = 0; k < record.size(); ++k) {
      if (column_of[k] < 0) continue;
      const auto& col = registry_columns[static_cast<std::size_t>(column_of[k])];
      const std::string cell = text::trim(record[k]);
      if (col.field.empty() || cell.empty()) continue;
      const std::string field(col.field);
      if (field == "kind" || field == "status") {
        std::optional<std::string> code;
        const auto match = [&](const auto& list) {
          for (const auto& x : list)
            if (header_key(cell) == header_key(x.label) || cell == x.code) code = std::string(x.code);
        };
        if (field == "kind") match(doctor_kinds);
        else match(statuses);
        if (code) body[field] = *code;
        else cell_problems[field] = "「" + cell + "」は" + std::string(col.header) + "にありません。" +
                                    (field == "kind" ? choices(doctor_kinds) : choices(statuses)) + " のいずれかを書いてください。";
      } else if (field == "graduation_year" || field == "licence_year" || field == "loan_months" || field == "programme_version") {
        const std::string n = text::fold(cell);
        if (whole_number(n)) body[field] = std::stoll(n);
        else cell_problems[field] = "「" + cell + "」は数ではありません。半角数字で書いてください。";
      } else if (field == "programme_id") {
        const auto it = programme_by_name.find(header_key(cell));
        if (it != programme_by_name.end()) body[field] = it->second;
        else cell_problems[field] = "「" + cell + "」というプログラムはこのセンターにありません。プログラム名をそのまま書いてください。";
      } else if (field == "obligation_start" || field == "specialist_certified_on") {
        body[field] = iso_of(cell);
      } else {
        body[field] = cell;
      }
    }
    auto d = read_new_doctor(c, prefs, body);
    if (d && known.contains({d->name, d->graduation_year, d->university}))
      cell_problems.try_emplace("name", "この医師はすでに名簿にあります（氏名・卒業年・出身大学が同じ）。");
    if (!d || !cell_problems.empty()) {
      auto all = std::move(cell_problems);
      if (!d) {
        if (d.error().fields.empty()) return fail(d.error());  // not a problem of the row (the database)
        for (const auto& [field, message] : d.error().fields) all.try_emplace(field, message);
      }
      // One message per column, in the export's column order.
      std::string message;
      for (const auto& col : registry_columns)
        if (auto it = all.find(std::string(col.field)); !col.field.empty() && it != all.end()) {
          message += (message.empty() ? "" : " ／ ") + ("「" + std::string(col.header) + "」列: ") + it->second;
          all.erase(it);
        }
      for (const auto& [field, text] : all) message += (message.empty() ? "" : " ／ ") + text;
      problems[row_key] = prefix + message;
      continue;
    }
    known.insert({d->name, d->graduation_year, d->university});  // the same doctor twice in one file
    rows.push_back(std::move(*d));
  }
  if (!problems.empty()) {
    Error e = errors::validation(std::move(problems));
    e.code = "import_failed";
    e.message = "CSVに誤りがあるため、1件も登録しませんでした。各行のメッセージを確認してください。";
    return fail(std::move(e));
  }
  bj::array ids;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    for (auto& d : rows) {
      KH_TRY_VOID(insert_new_doctor(c, u, d, "CSVで登録"));
      ids.push_back(bj::string(d.id));
    }
    return audit::record(c, accounts::actor_of(u), "career_registry_imported", std::nullopt, std::nullopt, std::to_string(rows.size()) + " doctors");
  }));
  return bj::object{{"imported", rows.size()}, {"ids", std::move(ids)}};
}

Result<bj::object> Service::doctor(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto l = KH_TRY(load_doctor(c, prefs, id));
  const auto& d = l.doctor;
  const auto plan = KH_TRY(repo::plan_of(c, d.id));
  auto o = doctor_summary(d, plan, l.version ? l.version->name : "");
  const auto opt = [&](const char* k, const std::optional<std::string>& v) { o[k] = v ? bj::value(*v) : bj::value(nullptr); };
  opt("name_kana", d.name_kana);
  opt("specialist_certified_on", d.specialist_certified_on);
  opt("email", d.email);
  opt("phone", d.phone);
  o["licence_year"] = d.licence_year ? bj::value(*d.licence_year) : nullptr;
  o["loan_months"] = d.loan_months;
  o["obligation_start"] = d.obligation_start;
  bj::array history;
  for (const auto& e : KH_TRY(repo::events_of(c, d.id))) {
    bj::object h{{"status", e.status}, {"status_label", label_of(statuses, e.status).value_or(e.status)}, {"date", e.event_date},
                 {"created_by", e.created_by_name}, {"created_at", format_iso8601_jst(e.created_at)}};
    h["reason"] = e.reason ? bj::value(*e.reason) : nullptr;
    std::string reason_label;
    if (e.reason) reason_label = e.status == "withdrawn" ? std::string(label_of(withdrawal_reasons, *e.reason).value_or(*e.reason))
                                                          : std::string(cr::interruption_reason_label_ja(*e.reason));
    h["reason_label"] = e.reason ? bj::value(reason_label) : nullptr;
    h["consent"] = e.consent ? bj::value(*e.consent) : nullptr;
    h["follow_up"] = e.follow_up ? bj::value(*e.follow_up) : nullptr;
    h["note"] = e.note ? bj::value(*e.note) : nullptr;
    history.push_back(std::move(h));
  }
  o["status_history"] = std::move(history);
  if (l.version) {
    auto v = version_json(*l.version);
    o["programme"] = std::move(v);
  } else {
    o["programme"] = nullptr;
  }
  if (plan) {
    o["plan"].as_object()["assignments"] = assignments_json(assignments_from_stored(plan->assignments_json));
    o["plan"].as_object()["updated_by"] = plan->updated_by_name;
    o["plan"].as_object()["updated_at"] = format_iso8601_jst(plan->updated_at);
  }
  bj::array versions;
  for (const auto& v : KH_TRY(repo::plan_versions_of(c, d.id)))
    versions.push_back(bj::object{{"version", v.version}, {"state", v.state}, {"state_label", label_of(plan_states, v.state).value_or(v.state)},
                                  {"violations", v.violations}, {"change", v.change}, {"created_by", v.created_by_name},
                                  {"created_at", format_iso8601_jst(v.created_at)}});
  o["plan_versions"] = std::move(versions);
  o["account"] = KH_TRY(account_json(c, d.id));
  o["change_requests"] = KH_TRY(change_requests_json(c, d.id));
  // Every read of a doctor's record by staff is in the audit log.
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "career_doctor_read", "career_doctor", d.id));
  return o;
}

Result<bj::object> Service::change_status(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    const auto l = KH_TRY(load_doctor(c, prefs, id));
    json::FieldReader f(body);
    repo::Event e;
    e.status = f.required_string("status", "状況", 40);
    if (!e.status.empty() && !label_of(statuses, e.status)) f.add_error("status", "「状況」は " + choices(statuses) + " のいずれかです。");
    e.event_date = f.required_string("date", "日付", 10);
    if (!e.event_date.empty() && !is_valid_date(e.event_date)) f.add_error("date", "「日付」は YYYY-MM-DD の形の日付で入力してください。");
    e.reason = f.optional_string("reason", "理由", 40);
    if (e.reason && e.reason->empty()) e.reason.reset();
    e.consent = f.optional_bool("consent", "同意");
    e.follow_up = f.optional_text("follow_up", "フォローアップ", 2000);
    e.note = f.optional_text("note", "備考", 2000);
    if (e.status == "withdrawn" || e.status == "interrupted") {
      if (!e.reason) f.add_error("reason", e.status == "withdrawn" ? "離脱の理由を選んでください。" : "中断の理由を選んでください。");
      else if (e.status == "withdrawn" && !label_of(withdrawal_reasons, *e.reason))
        f.add_error("reason", "離脱の理由は " + choices(withdrawal_reasons) + " のいずれかです。");
      else if (e.status == "interrupted" && !cr::is_interruption_reason(*e.reason))
        f.add_error("reason", "中断の理由は 育児、介護、出産、疾病、留学、その他 のいずれかです。");
      if (!e.consent) f.add_error("consent", "センターの同意の有無を選んでください。");
    }
    KH_TRY_VOID(f.finish());
    e.id = crypto::new_id("cde");
    e.created_by_name = person(u);
    e.created_at = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::set_status(c, id, e.status, e.created_at));
      KH_TRY_VOID(repo::insert_event(c, id, e, u.user.id));
      return audit::record(c, accounts::actor_of(u), "career_doctor_status", "career_doctor", id,
                           l.doctor.status + " -> " + e.status + (e.reason ? " (" + *e.reason + ")" : ""));
    }));
  }
  return doctor(u, id);
}

// ---- plans ---------------------------------------------------------------------------------------------------

namespace {
//! A proposed plan read from a body and evaluated against the doctor's programme version (check and save share it).
struct CheckedPlan {
  Loaded loaded;
  std::vector<AssignmentInput> input;
  std::vector<cr::Assignment> assignments;
  cr::Evaluation evaluation;
};
Result<CheckedPlan> check_body(store::Connection& c, const std::vector<std::string>& prefs, const std::string& id, const bj::object& body,
                               const reference::Catalogue& catalogue) {
  auto l = KH_TRY(load_doctor(c, prefs, id));
  KH_TRY_VOID(need_programme(l));
  auto input = KH_TRY(read_assignments(body, catalogue));
  auto as = engine_assignments(input, l.groups, catalogue, l.doctor.prefecture);
  auto ev = cr::evaluate(engine_doctor(l.doctor), l.rules, as, today_jst());
  return CheckedPlan{std::move(l), std::move(input), std::move(as), std::move(ev)};
}
}  // namespace

Result<bj::object> Service::check_plan(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  const auto p = KH_TRY(check_body(*lease, prefs, id, body, catalogue_));
  return evaluation_json(p.evaluation, p.loaded.rules, p.assignments, false);
}

Result<bj::object> Service::save_plan(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto checked = KH_TRY(check_body(c, prefs, id, body, catalogue_));
  const auto& [l, input, as, ev] = checked;
  const auto current = KH_TRY(repo::plan_of(c, id));
  repo::Plan p;
  p.version = current ? current->version + 1 : 1;
  p.violations = static_cast<int>(std::count_if(ev.findings.begin(), ev.findings.end(), [](const auto& f) { return f.severity == cr::Severity::violation; }));
  p.state = p.violations ? "draft" : "proposed";
  p.assignments_json = bj::serialize(assignments_json(input));
  p.updated_by_name = person(u);
  p.updated_at = now_ms();
  const std::string change = p.violations ? "下書きとして保存（違反" + std::to_string(p.violations) + "件）" : "計画案として保存";
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::save_plan(c, id, p, change, u.user.id));
    return audit::record(c, accounts::actor_of(u), "career_plan_saved", "career_doctor", id,
                         "version " + std::to_string(p.version) + " " + p.state);
  }));
  return bj::object{{"plan", bj::object{{"version", p.version}, {"state", p.state},
                                        {"state_label", label_of(plan_states, p.state).value_or(p.state)}, {"violations", p.violations}}},
                    {"check", evaluation_json(ev, l.rules, as, false)}};
}

Result<bj::object> Service::change_plan_state(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto l = KH_TRY(load_doctor(c, prefs, id));
  json::FieldReader f(body);
  const auto to = f.required_string("state", "状態", 20);
  if (!to.empty() && to != "confirmation" && to != "approved")
    f.add_error("state", "「状態」は confirmation（本人確認へ）か approved（承認）です。");
  KH_TRY_VOID(f.finish());
  auto plan = KH_TRY(repo::plan_of(c, id));
  if (!plan) return fail(errors::conflict("no_plan", "この医師の計画はまだありません。"));
  if (plan->state == "draft")
    return fail(errors::conflict("plan_has_violations", "違反のある計画（下書き）は本人確認や承認に進められません。違反を直して保存してください。"));
  if (to == "confirmation" && plan->state != "proposed")
    return fail(errors::conflict("wrong_state", "本人確認に回せるのは計画案だけです（いまは「" +
                                                    std::string(label_of(plan_states, plan->state).value_or(plan->state)) + "」）。"));
  if (to == "approved" && plan->state != "confirmation" && plan->state != "confirmed")
    return fail(errors::conflict("wrong_state", "承認できるのは本人確認中の計画だけです（いまは「" +
                                                    std::string(label_of(plan_states, plan->state).value_or(plan->state)) + "」）。"));
  // A doctor with their own account confirms the plan themselves; for one without, the centre confirms it with
  // them (on paper, by phone) and approves from 本人確認.
  if (to == "approved" && plan->state == "confirmation" && KH_TRY(repo::account_of(c, id)))
    return fail(errors::conflict("awaiting_doctor", "本人がまだ計画を確認していません。本人の確認（本人確認済み）の後に承認できます。"));
  repo::Plan next = *plan;
  next.version = plan->version + 1;
  next.state = to;
  next.updated_by_name = person(u);
  next.updated_at = now_ms();
  const std::string change = to == "confirmation" ? "本人確認に回しました" : "承認しました";
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::save_plan(c, id, next, change, u.user.id));
    return audit::record(c, accounts::actor_of(u), "career_plan_state", "career_doctor", id, plan->state + " -> " + to);
  }));
  (void)l;
  return bj::object{{"plan", bj::object{{"version", next.version}, {"state", next.state},
                                        {"state_label", label_of(plan_states, next.state).value_or(next.state)}, {"violations", next.violations}}}};
}

Result<bj::object> Service::queue(const accounts::CurrentUser& u) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const cr::Day today = today_jst();
  const cr::Month now = cr::month_containing(today);
  // The 業務従事証明書 of the past year is due by 30 April: this year's until then, next year's after.
  const int year = cr::year_of(now);
  const cr::Day april30 = cr::day_of(year, 4, 30);
  const cr::Day due = today <= april30 ? april30 : cr::day_of(year + 1, 4, 30);
  bj::array no_assignment, at_risk, awaiting, confirmed, certificates, interruptions, requests;
  std::map<std::string, std::optional<repo::ProgrammeVersion>> versions;
  const auto all = KH_TRY(repo::doctors_of(c, prefs));
  // The doctors' requests for a change, oldest first, whatever the doctor's status.
  {
    std::vector<std::string> ids;
    std::map<std::string, const repo::Doctor*> by_id;
    for (const auto& d : all) ids.push_back(d.id), by_id[d.id] = &d;
    for (const auto& r : KH_TRY(repo::open_change_requests(c, ids))) {
      const auto& d = *by_id[r.doctor_id];
      requests.push_back(bj::object{{"id", d.id}, {"name", d.name}, {"status_label", label_of(statuses, d.status).value_or(d.status)},
                                    {"request_id", r.id}, {"body", r.body}, {"created_at", format_iso8601_jst(r.created_at)}});
    }
  }
  for (const auto& d : all) {
    if (d.status == "withdrawn" || d.status == "completed") continue;
    const bj::object who{{"id", d.id}, {"name", d.name}, {"status_label", label_of(statuses, d.status).value_or(d.status)}};
    const auto plan = KH_TRY(repo::plan_of(c, d.id));
    if (plan && plan->state == "confirmation") {
      auto o = who;
      o["since"] = format_iso8601_jst(plan->updated_at);
      awaiting.push_back(std::move(o));
    }
    if (plan && plan->state == "confirmed") {
      auto o = who;
      o["since"] = format_iso8601_jst(plan->updated_at);
      confirmed.push_back(std::move(o));
    }
    if (d.status != "post_obligation" && d.status != "interrupted") {
      auto o = who;
      o["due"] = format_iso8601_jst(static_cast<std::int64_t>(due) * 86'400'000).substr(0, 10);
      certificates.push_back(std::move(o));
    }
    const auto input = plan ? assignments_from_stored(plan->assignments_json) : std::vector<AssignmentInput>{};
    // Anything to do in the next six months (an interruption is not an assignment).
    const cr::Day horizon = cr::last_day(now + 6);
    bool covered = false;
    for (const auto& a : input) {
      const auto s = parse_date(a.start), e = parse_date(a.end);
      if (!s || !e) continue;
      if (a.kind != "interruption" && *s <= horizon && *e >= today) covered = true;
      if (a.kind == "interruption" && *e >= today && *e <= today + 92) {
        auto o = who;
        o["ends"] = a.end;
        o["reason_label"] = cr::interruption_reason_label_ja(a.interruption_reason.value_or(""));
        interruptions.push_back(std::move(o));
      }
    }
    if (d.status != "post_obligation" && !covered) no_assignment.push_back(who);
    if (!d.programme_id || !d.programme_version) continue;
    const auto key = *d.programme_id + "#" + std::to_string(*d.programme_version);
    if (!versions.contains(key)) versions[key] = KH_TRY(repo::find_version(c, *d.programme_id, *d.programme_version));
    const auto& v = versions[key];
    if (!v || !plan) continue;
    const auto groups = groups_from_stored(v->groups_json);
    const auto rules = rules_from_stored(v->rules_json, groups);
    const auto ev = cr::evaluate(engine_doctor(d), rules, engine_assignments(input, groups, catalogue_, d.prefecture), today);
    bj::array problems;
    for (const auto& st : ev.rules)
      if (st.state == cr::RuleState::at_risk || st.state == cr::RuleState::broken)
        problems.push_back(bj::object{{"state", cr::rule_state_code(st.state)}, {"state_label", cr::rule_state_label_ja(st.state)},
                                      {"message", st.message}});
    if (!problems.empty()) {
      auto o = who;
      o["rules"] = std::move(problems);
      at_risk.push_back(std::move(o));
    }
  }
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "career_queue_read", std::nullopt, std::nullopt, std::nullopt));
  return bj::object{{"no_assignment", std::move(no_assignment)}, {"rules_at_risk", std::move(at_risk)},
                    {"awaiting_confirmation", std::move(awaiting)}, {"confirmed_by_doctor", std::move(confirmed)},
                    {"change_requests", std::move(requests)},
                    {"certificates", bj::object{{"due", format_iso8601_jst(static_cast<std::int64_t>(due) * 86'400'000).substr(0, 10)},
                                                {"doctors", std::move(certificates)}}},
                    {"interruptions_ending", std::move(interruptions)}};
}

Result<std::string> Service::registry_csv(const accounts::CurrentUser& u) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  std::map<std::string, std::string> names;
  for (const auto& p : KH_TRY(repo::programmes_of(c, prefs)))
    if (auto v = KH_TRY(repo::find_version(c, p.id, p.current_version))) names[p.id] = v->name;
  std::string out =
      "氏名,ふりがな,区分,出身大学,卒業年,医師免許取得年,貸与期間（月）,プログラム,版,希望診療科,状況,計画の状態,義務開始月,"
      "専門医資格取得日,メールアドレス,電話番号\r\n";
  const auto text = [](const std::optional<std::string>& v) { return csv::escape(v.value_or("")); };
  std::size_t n = 0;
  for (const auto& d : KH_TRY(repo::doctors_of(c, prefs))) {
    const auto plan = KH_TRY(repo::plan_of(c, d.id));
    out += csv::escape(d.name) + "," + text(d.name_kana) + "," + csv::escape(label_of(doctor_kinds, d.kind).value_or(d.kind)) + "," +
           csv::escape(d.university) + "," + csv::number(d.graduation_year) + "," + (d.licence_year ? csv::number(*d.licence_year) : "") + "," +
           csv::number(d.loan_months) + "," + csv::escape(d.programme_id && names.contains(*d.programme_id) ? names[*d.programme_id] : "") + "," +
           (d.programme_version ? csv::number(*d.programme_version) : "") + "," + text(d.specialty_wish) + "," +
           csv::escape(label_of(statuses, d.status).value_or(d.status)) + "," +
           csv::escape(plan ? std::string(label_of(plan_states, plan->state).value_or(plan->state)) : "未作成") + "," +
           csv::escape(d.obligation_start) + "," + text(d.specialist_certified_on) + "," + text(d.email) + "," + text(d.phone) + "\r\n";
    ++n;
  }
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "career_registry_exported", std::nullopt, std::nullopt, std::to_string(n) + " doctors"));
  return text::to_windows31j(out);
}

namespace {
constexpr std::array<Code, 3> interview_kinds{{{"interview", "面談"}, {"mentoring", "メンタリング"}, {"phone", "電話"}}};
}  // namespace

Result<bj::object> Service::interviews(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY(load_doctor(c, prefs, id));
  bj::array items;
  for (const auto& r : KH_TRY(c.execute("SELECT id, held_on, kind, body, created_by_name, created_at FROM career_interviews "
                                        "WHERE doctor_id = $1 ORDER BY held_on DESC, created_at DESC",
                                        {id})).rows)
    items.push_back(bj::object{{"id", r.text(0)}, {"held_on", r.text(1)}, {"kind", r.text(2)},
                               {"kind_label", label_of(interview_kinds, r.text(2)).value_or(r.text(2))}, {"body", r.text(3)},
                               {"created_by", r.text(4)}, {"created_at", format_iso8601_jst(r.integer(5))}});
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "career_interviews_read", "career_doctor", id));
  return bj::object{{"items", std::move(items)}};
}

Result<bj::object> Service::add_interview(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    KH_TRY(load_doctor(c, prefs, id));
    json::FieldReader f(body);
    const auto held_on = f.required_string("held_on", "面談日", 10);
    if (!held_on.empty() && !is_valid_date(held_on)) f.add_error("held_on", "「面談日」は YYYY-MM-DD の形の日付で入力してください。");
    const auto kind = f.optional_string("kind", "種類", 20).value_or("interview");
    if (!label_of(interview_kinds, kind)) f.add_error("kind", "「種類」は 面談、メンタリング、電話 のいずれかです。");
    const auto text = f.required_text("body", "記録", 5000);
    KH_TRY_VOID(f.finish());
    const auto rid = crypto::new_id("civ");
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY(c.execute("INSERT INTO career_interviews (id, doctor_id, held_on, kind, body, created_by, created_by_name, created_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                       {rid, id, held_on, kind, text, u.user.id, person(u), now_ms()}));
      return audit::record(c, accounts::actor_of(u), "career_interview_added", "career_doctor", id, rid);
    }));
  }
  return interviews(u, id);
}

Result<bj::object> Service::ledger(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto l = KH_TRY(load_doctor(c, prefs, id));
  KH_TRY_VOID(need_programme(l));
  const auto [as, ev] = KH_TRY(evaluate_plan_in_force(c, l, catalogue_));
  auto o = evaluation_json(ev, l.rules, as, true);
  o["doctor"] = bj::object{{"id", l.doctor.id}, {"name", l.doctor.name}};
  o["programme"] = bj::object{{"name", l.version->name}, {"version", l.version->version}};
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "career_ledger_read", "career_doctor", id));
  return o;
}

// ---- the ledger as CSV -------------------------------------------------------------------------------------------

Result<std::string> Service::ledger_csv(const accounts::CurrentUser& u, const std::optional<std::string>& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  std::vector<std::string> ids;
  if (id && !id->empty()) {
    KH_TRY(load_doctor(c, prefs, *id));  // 404 outside the scope
    ids.push_back(*id);
  } else {
    for (const auto& d : KH_TRY(repo::doctors_of(c, prefs))) ids.push_back(d.id);
  }
  std::string out = "氏名,プログラム,版,年月,実績・予定,種類,医療機関,医師少数区域等,県外・海外,義務年限に算入,義務期間内,義務年限の終了予定\r\n";
  std::size_t doctors = 0;
  for (const auto& doctor_id : ids) {
    const auto l = KH_TRY(load_doctor(c, prefs, doctor_id));
    if (!l.version) continue;  // no programme, no ledger
    ++doctors;
    const auto [as, ev] = KH_TRY(evaluate_plan_in_force(c, l, catalogue_));
    const std::string head = csv::escape(l.doctor.name) + "," + csv::escape(l.version->name) + "," + csv::number(l.version->version) + ",";
    const std::string deadline = csv::escape(cr::format_month_ja(ev.deadline));
    for (const auto& m : ev.months) {
      out += head + csv::escape(cr::format_month_ja(m.month)) + "," + (m.past ? "実績" : "予定") + ",";
      if (m.assignment >= 0) {
        const auto& a = as[static_cast<std::size_t>(m.assignment)];
        const bool outside = a.out_of_prefecture || a.kind == cr::AssignmentKind::study_abroad;
        out += csv::escape(cr::kind_label_ja(a.kind)) + "," + csv::escape(a.facility_name) + "," + (a.shortage_area ? "○" : "") + "," +
               (outside ? "○" : "") + ",";
      } else {
        out += "勤務先未定,,,,";
      }
      out += std::string(m.counted ? "○" : "") + "," + (m.in_period ? "○" : "") + "," + deadline + "\r\n";
    }
  }
  KH_TRY_VOID(audit::record(c, accounts::actor_of(u), "career_ledger_exported", id && !id->empty() ? std::optional<std::string>("career_doctor") : std::nullopt,
                            id && !id->empty() ? id : std::nullopt, std::to_string(doctors) + " doctors"));
  return text::to_windows31j(out);
}

}  // namespace kh::careers
