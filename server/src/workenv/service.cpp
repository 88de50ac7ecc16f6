// The work-environment centre's rules (workenv.h): scope, the compliance state and readiness, hours, priorities.
// Cases and visits are in cases.cpp.
#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "store/change_log.h"
#include "store/database.h"
#include "workenv/choices.h"
#include "workenv/detail.h"
#include "workenv/hours_csv.h"
#include "workenv/repo.h"
#include "workenv/workenv.h"

namespace kh::workenv {
namespace bj = boost::json;
namespace wh = kh::workenv_hours;

// ---- scope -----------------------------------------------------------------------------------------------------

Scope scope_of(const accounts::CurrentUser& u) {
  Scope s;
  s.secretariat = u.user.role == accounts::Role::secretariat;
  for (const auto& o : u.user.organisations) {
    if (u.user.role == accounts::Role::workenv_center && o.kind == accounts::OrgKind::workenv_center &&
        std::find(s.prefectures.begin(), s.prefectures.end(), o.prefecture) == s.prefectures.end())
      s.prefectures.push_back(o.prefecture);
    if (u.user.role == accounts::Role::facility && o.kind == accounts::OrgKind::facility) s.facilities.insert(o.id);
  }
  return s;
}

Access access_to(const Scope& s, const repo::Hospital& h) {
  if (std::find(s.prefectures.begin(), s.prefectures.end(), h.prefecture) != s.prefectures.end()) return Access::centre;
  if (h.facility_id && s.facilities.contains(*h.facility_id)) return Access::facility;
  if (s.secretariat) return Access::secretariat;
  return Access::none;
}

Result<std::pair<repo::Hospital, Access>> visible_hospital(store::Connection& c, const accounts::CurrentUser& viewer,
                                                          const std::string& id) {
  auto h = KH_TRY(repo::find_hospital(c, id));
  if (!h) return fail(hospital_not_found);
  const Access a = access_to(scope_of(viewer), *h);
  if (a == Access::none) return fail(hospital_not_found);
  return std::pair{std::move(*h), a};
}

Result<std::vector<std::string>> centre_prefectures(const accounts::CurrentUser& viewer) {
  const Scope s = scope_of(viewer);
  if (s.prefectures.empty())
    return fail(errors::forbidden("この画面は勤務環境改善支援センターの方が使えます。"));
  return s.prefectures;
}

std::int64_t today_days() { return (now_ms() + 9LL * 3'600'000) / 86'400'000; }

std::string iso_of_days(std::int64_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<std::string> add_years(const std::string& iso, int years) {
  if (!is_valid_date(iso)) return std::nullopt;
  int y = std::stoi(iso.substr(0, 4)) + years, m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
  if (m == 2 && d == 29) d = 28;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

double hours_of(wh::Minutes m) { return std::round(m / 6.0) / 10.0; }

std::string str(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
bool flag_of(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}
const bj::object& part(const bj::object& state, std::string_view key) {
  static const bj::object empty;
  const auto* v = state.if_contains(key);
  return v && v->is_object() ? v->as_object() : empty;
}

bj::object hospital_ref(const repo::Hospital& h) {
  return {{"id", h.id}, {"name", h.name}, {"prefecture", h.prefecture}};
}

// ---- the compliance state --------------------------------------------------------------------------------------

namespace {

constexpr Choice designation_statuses[] = {{"none", "申請予定なし"}, {"planned", "申請予定"}, {"evaluating", "評価受審中"},
                                           {"evaluated", "評価結果受領"}, {"designated", "指定済み"}};
constexpr Choice verdicts[] = {{"", "未受審"}, {"sufficient", "十分な取組"}, {"partial", "一部改善が必要"},
                               {"insufficient", "取組が不十分"}};
constexpr Choice duty_statuses[] = {{"none", "未取得"}, {"applying", "申請中"}, {"partial", "一部の診療科・時間帯で取得"},
                                    {"obtained", "取得済み"}, {"not_needed", "不要"}};
constexpr Choice forms_36[] = {{"none", "未届"}, {"standard", "一般条項のみ"}, {"special", "特別条項付き（医師の特例）"}};


}  // namespace

bj::object default_state() {
  return {{"groups", bj::array{}},
          {"designation", {{"status", "none"}, {"planned_on", nullptr}, {"designated_on", nullptr}}},
          {"evaluation", {{"verdict", ""}, {"date", nullptr}}},
          {"plan", {{"exists", false}, {"reviewed_on", nullptr}}},
          {"duty_permit", {{"status", "none"}, {"note", ""}}},
          {"agreement_36", {{"form", "none"}, {"filed_on", nullptr}}},
          {"measures", {{"continuous_28h", false}, {"interval_9h", false}, {"compensatory_rest", false}}}};
}

Result<bj::object> merge_state(bj::object state, const bj::value& changes) {
  std::map<std::string, std::string> problems;
  if (!changes.is_object()) {
    problems["state"] = "「勤務環境の状況」はオブジェクトで指定してください。";
    return fail(errors::validation(std::move(problems)));
  }
  const auto& in = changes.as_object();
  const auto date_field = [&](const bj::object& o, std::string_view key, std::string_view field, std::string_view label,
                              bj::object& out) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null() || (v->is_string() && v->as_string().empty())) { out[key] = nullptr; return; }
    if (!v->is_string() || !is_valid_date(std::string(v->as_string())))
      problems[std::string(field)] = "「" + std::string(label) + "」はYYYY-MM-DDの日付で入力してください。";
    else out[key] = v->as_string();
  };
  const auto choice_field = [&](const auto& list, const bj::object& o, std::string_view key, std::string_view field,
                                std::string_view label, bj::object& out) {
    const auto* v = o.if_contains(key);
    const std::string code = v && v->is_string() ? std::string(v->as_string()) : std::string("\x01");
    if (!is_choice(list, code))
      problems[std::string(field)] = "「" + std::string(label) + "」は " + choices_text(list) + " のいずれかです。";
    else out[key] = code;
  };
  for (const auto& [k, v] : in) {
    const std::string key(k);
    const std::string field = "state." + key;
    if (key != "groups" && !v.is_object()) {
      problems[field] = "「" + key + "」はオブジェクトで指定してください。";
      continue;
    }
    if (key == "groups") {
      if (!v.is_array() || v.as_array().size() > 30) {
        problems[field] = "「医師の区分と水準」は30件までの一覧で指定してください。";
        continue;
      }
      bj::array groups;
      std::size_t i = 0;
      for (const auto& g : v.as_array()) {
        ++i;
        const std::string at = std::to_string(i) + "件目の";
        if (!g.is_object()) { problems[field] = at + "区分が正しくありません。"; break; }
        std::string name = text::trim(str(g.as_object(), "name"));
        auto level = wh::parse_level(str(g.as_object(), "level"));
        if (name.empty() || text::length(name) > 50 || text::has_forbidden_characters(name, text::Lines::single))
          problems[field] = at + "「区分（診療科など）」を50文字以内で入力してください。";
        else if (!level)
          problems[field] = at + "「水準」は A, 連携B, B, C-1, C-2 のいずれかです。";
        else
          groups.push_back(bj::object{{"name", name}, {"level", wh::level_code(*level)}});
      }
      state["groups"] = std::move(groups);
    } else if (key == "designation") {
      bj::object out;
      choice_field(designation_statuses, v.as_object(), "status", field + ".status", "特定労務管理対象機関の状況", out);
      date_field(v.as_object(), "planned_on", field + ".planned_on", "申請予定日", out);
      date_field(v.as_object(), "designated_on", field + ".designated_on", "指定日", out);
      state[key] = std::move(out);
    } else if (key == "evaluation") {
      bj::object out;
      choice_field(verdicts, v.as_object(), "verdict", field + ".verdict", "評価結果", out);
      date_field(v.as_object(), "date", field + ".date", "評価結果の日付", out);
      if (!problems.contains(field + ".verdict") && !str(out, "verdict").empty() && out["date"].is_null())
        problems[field + ".date"] = "評価結果があるときは「評価結果の日付」を入力してください。";
      state[key] = std::move(out);
    } else if (key == "plan") {
      bj::object out{{"exists", flag_of(v.as_object(), "exists")}};
      date_field(v.as_object(), "reviewed_on", field + ".reviewed_on", "時短計画の直近の見直し日", out);
      state[key] = std::move(out);
    } else if (key == "duty_permit") {
      bj::object out;
      choice_field(duty_statuses, v.as_object(), "status", field + ".status", "宿日直許可", out);
      std::string note = text::trim(str(v.as_object(), "note"));
      if (text::length(note) > 200 || text::has_forbidden_characters(note, text::Lines::single))
        problems[field + ".note"] = "「宿日直許可の対象（診療科・時間帯）」は200文字以内で入力してください。";
      out["note"] = note;
      state[key] = std::move(out);
    } else if (key == "agreement_36") {
      bj::object out;
      choice_field(forms_36, v.as_object(), "form", field + ".form", "36協定の様式", out);
      date_field(v.as_object(), "filed_on", field + ".filed_on", "36協定の届出日", out);
      state[key] = std::move(out);
    } else if (key == "measures") {
      state[key] = bj::object{{"continuous_28h", flag_of(v.as_object(), "continuous_28h")},
                              {"interval_9h", flag_of(v.as_object(), "interval_9h")},
                              {"compensatory_rest", flag_of(v.as_object(), "compensatory_rest")}};
    } else {
      problems[field] = "「" + key + "」は勤務環境の状況の項目にありません。";
    }
  }
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));
  return state;
}

bj::object parse_state(const std::string& text) {
  std::error_code ec;
  auto v = bj::parse(text, ec);
  bj::object base = default_state();
  if (ec || !v.is_object()) return base;
  for (auto& [k, val] : v.as_object()) base[k] = val;
  return base;
}

bool needs_designation(const bj::object& state) {
  const auto* g = state.if_contains("groups");
  if (!g || !g->is_array()) return false;
  return std::any_of(g->as_array().begin(), g->as_array().end(), [](const bj::value& v) {
    return v.is_object() && str(v.as_object(), "level") != "A";
  });
}

std::optional<std::string> evaluation_due(const bj::object& state) {
  const auto date = str(part(state, "evaluation"), "date");
  if (date.empty() || !needs_designation(state)) return std::nullopt;
  return add_years(date, 3);
}
std::optional<std::string> plan_review_due(const bj::object& state) {
  const auto& plan = part(state, "plan");
  const auto date = str(plan, "reviewed_on");
  if (!flag_of(plan, "exists") || date.empty()) return std::nullopt;
  return add_years(date, 1);
}

bj::array readiness(const bj::object& state, const std::optional<HoursSummary>& hours, std::int64_t today) {
  bj::array items;
  const auto item = [&](std::string_view key, std::string_view label, std::string_view light, std::string text,
                        std::optional<std::string> due = std::nullopt) {
    bj::object o{{"key", key}, {"label", label}, {"light", light}, {"text", std::move(text)}};
    o["due"] = due ? bj::value(*due) : bj::value(nullptr);
    items.push_back(std::move(o));
  };
  const auto days_to = [&](const std::string& iso) { return parse_date(iso).value_or(today) - today; };
  const bool special = needs_designation(state);
  // 水準
  const auto& groups = state.at("groups").as_array();
  if (groups.empty()) item("levels", "水準", "red", "医師の区分と水準が未登録です");
  else {
    std::string t;
    for (const auto& g : groups) t += (t.empty() ? "" : "、") + str(g.as_object(), "name") + " " + str(g.as_object(), "level");
    item("levels", "水準", "green", t);
  }
  // 特定労務管理対象機関
  const auto status = str(part(state, "designation"), "status");
  if (!special) item("designation", "特定労務管理対象機関", groups.empty() ? "grey" : "green", groups.empty() ? "水準の登録待ち" : "対象外（A水準のみ）");
  else if (status == "designated") item("designation", "特定労務管理対象機関", "green", label_of(designation_statuses, status));
  else if (status == "none") item("designation", "特定労務管理対象機関", "red", "B・C水準があるのに申請予定がありません");
  else item("designation", "特定労務管理対象機関", "yellow", label_of(designation_statuses, status));
  // 評価受審 (re-evaluation within 3 years, at least 4 months ahead)
  if (!special) item("evaluation", "評価受審", "grey", "対象外");
  else if (auto due = evaluation_due(state)) {
    const auto left = days_to(*due);
    const auto verdict = label_of(verdicts, str(part(state, "evaluation"), "verdict"));
    if (left < 0) item("evaluation", "評価受審", "red", "再評価の期限を過ぎています（" + verdict + "）", due);
    else if (left <= wh::evaluation_lead_days) item("evaluation", "評価受審", "yellow", "再評価の準備が必要です（" + verdict + "）", due);
    else item("evaluation", "評価受審", str(part(state, "evaluation"), "verdict") == "insufficient" ? "yellow" : "green", verdict, due);
  } else item("evaluation", "評価受審", "red", "評価を受けていません");
  // 時短計画
  const auto& plan = part(state, "plan");
  if (!flag_of(plan, "exists")) item("plan", "時短計画", special ? "red" : "grey", special ? "医師労働時間短縮計画がありません" : "作成なし（努力義務）");
  else if (auto due = plan_review_due(state)) {
    const auto left = days_to(*due);
    if (left < 0) item("plan", "時短計画", "red", "年1回の見直しの期限を過ぎています", due);
    else if (left <= wh::plan_review_lead_days) item("plan", "時短計画", "yellow", "年1回の見直しが近づいています", due);
    else item("plan", "時短計画", "green", "作成済み・見直し済み", due);
  } else item("plan", "時短計画", "yellow", "見直しの記録がありません");
  // 宿日直許可
  const auto duty = str(part(state, "duty_permit"), "status");
  item("duty_permit", "宿日直許可", duty == "obtained" || duty == "not_needed" ? "green" : duty == "none" ? "red" : "yellow",
       label_of(duty_statuses, duty) + (str(part(state, "duty_permit"), "note").empty() ? "" : "（" + str(part(state, "duty_permit"), "note") + "）"));
  // 36協定
  const auto form = str(part(state, "agreement_36"), "form");
  item("agreement_36", "36協定", form == "none" ? "red" : (special && form != "special") ? "yellow" : "green", label_of(forms_36, form));
  // 追加的健康確保措置
  const auto& m = part(state, "measures");
  const int in_place = flag_of(m, "continuous_28h") + flag_of(m, "interval_9h") + flag_of(m, "compensatory_rest");
  item("measures", "追加的健康確保措置", in_place == 3 ? "green" : (in_place == 0 && special) ? "red" : "yellow",
       std::to_string(in_place) + "/3（連続勤務28時間・勤務間インターバル9時間・代償休息）");
  // 勤務時間
  if (!hours) item("hours", "勤務時間", "grey", "勤務時間の提出がありません");
  else {
    const auto& f = hours->flags;
    const std::string month = std::to_string(hours->month.year()) + "年" + std::to_string(hours->month.month()) + "月";
    if (f.projected_over_cap || f.interview_gaps || f.over_155)
      item("hours", "勤務時間", "red", month + ": 上限超過見込み" + std::to_string(f.projected_over_cap) + "人・面接指導未実施" +
                                            std::to_string(f.interview_gaps) + "人・月155時間以上" + std::to_string(f.over_155) + "人");
    else if (f.over_80 || f.continuous_breaches || f.interval_breaches)
      item("hours", "勤務時間", "yellow", month + ": 月80時間以上" + std::to_string(f.over_80) + "人");
    else item("hours", "勤務時間", "green", month + ": 注意が必要な医師はいません");
  }
  return items;
}

bj::object flags_json(const wh::HospitalFlags& f) {
  return {{"doctors", f.doctors}, {"over_80", f.over_80}, {"over_100", f.over_100}, {"over_155", f.over_155},
          {"interview_gaps", f.interview_gaps}, {"projected_over_cap", f.projected_over_cap},
          {"ytd_over_cap", f.ytd_over_cap}, {"continuous_breaches", f.continuous_breaches},
          {"interval_breaches", f.interval_breaches}, {"rest_owed", f.rest_owed}, {"at_risk", f.at_risk},
          {"max_month_hours", hours_of(f.max_month_total)}};
}

namespace {

struct FlagText { wh::Flag flag; std::string_view code, text; };
constexpr FlagText flag_texts[] = {
    {wh::over_155, "over_155", "月155時間以上（就業上の措置が必要）"},
    {wh::interview_gap, "interview_gap", "面接指導が未実施"},
    {wh::ytd_over_cap, "ytd_over_cap", "年間の上限を超過"},
    {wh::projected_over_cap, "projected_over_cap", "年間の上限を超える見込み"},
    {wh::continuous_breach, "continuous_breach", "連続勤務28時間超"},
    {wh::over_100, "over_100", "月100時間以上（面接指導の対象）"},
    {wh::interval_breach, "interval_breach", "勤務間インターバル9時間の未確保"},
    {wh::over_80, "over_80", "月80時間以上"},
    {wh::rest_owed, "rest_owed", "代償休息の未付与"},
};

}  // namespace

bj::object doctor_json(const wh::DoctorEvaluation& e) {
  bj::array flags, notes;
  for (const auto& f : flag_texts)
    if (e.has(f.flag)) {
      flags.push_back(bj::string(f.code));
      notes.push_back(bj::string(f.text));
    }
  bj::object o{{"doctor_code", e.doctor_code}, {"department", e.department}, {"level", wh::level_code(e.level)},
               {"month", e.month.iso()}, {"month_hours", hours_of(e.month_total)}, {"own_hours", hours_of(e.month_own)},
               {"ytd_hours", hours_of(e.ytd_total)}, {"ytd_own_hours", hours_of(e.ytd_own)},
               {"projected_hours", hours_of(e.projected_total)}, {"projected_own_hours", hours_of(e.projected_own)},
               {"cap_hours", hours_of(e.cap_total)}, {"months_reported", e.months_reported},
               {"longest_continuous_hours", hours_of(e.longest_continuous)},
               {"interval_shortfalls", e.interval_shortfalls}, {"rest_owed_hours", hours_of(e.compensatory_rest_owed)},
               {"interview_done", e.interview_done}, {"flags", std::move(flags)}, {"notes", std::move(notes)}};
  o["cap_own_hours"] = e.cap_own ? bj::value(hours_of(*e.cap_own)) : bj::value(nullptr);
  return o;
}

Result<std::map<std::string, HoursSummary>> latest_hours(store::Connection& c, const std::vector<repo::Hospital>& hs) {
  std::vector<std::string> ids;
  for (const auto& h : hs) ids.push_back(h.id);
  std::map<std::string, HoursSummary> out;
  for (const auto& [id, month] : KH_TRY(repo::latest_months(c, ids))) {
    auto rows = KH_TRY(repo::current_rows(c, id, wh::YearMonth::of(month.fiscal_year(), 4), month));
    HoursSummary s{month, {}, wh::evaluate(rows, month)};
    s.flags = wh::summarize(s.evaluations);
    out.emplace(id, std::move(s));
  }
  return out;
}

// ---- members ---------------------------------------------------------------------------------------------------

namespace {
constexpr Choice member_kinds[] = {{"prefecture", "都道府県"}, {"contractor", "受託者（センター）"},
                                   {"labour_bureau", "労働局"}, {"adviser", "アドバイザー"}};
}

std::string member_kind_label(std::string_view code) { return label_of(member_kinds, code); }

Result<bj::object> Service::members(const accounts::CurrentUser& viewer) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto orgs = KH_TRY(accounts_.list_organisations());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  std::map<std::string, std::string> kinds;
  for (const auto& row : KH_TRY(c.execute("SELECT organisation_id, kind FROM workenv_members")).rows)
    kinds[row.text(0)] = row.text(1);
  bj::array items;
  for (const auto& o : orgs) {
    if (o.kind != accounts::OrgKind::workenv_center ||
        std::find(prefectures.begin(), prefectures.end(), o.prefecture) == prefectures.end())
      continue;
    bj::array people;
    for (const auto& u : KH_TRY(accounts_.members_of(o.id)))
      people.push_back(bj::object{{"id", u.id}, {"name", u.display_name}});
    const auto kind = kinds.contains(o.id) ? kinds[o.id] : std::string();
    bj::object item{{"id", o.id}, {"name", o.name}, {"prefecture", o.prefecture}, {"people", std::move(people)}};
    item["kind"] = kind.empty() ? bj::value(nullptr) : bj::value(kind);
    item["kind_label"] = kind.empty() ? "未設定" : member_kind_label(kind);
    items.push_back(std::move(item));
  }
  return bj::object{{"items", std::move(items)}, {"total", items.size()}};
}

Result<bj::object> Service::set_member_kind(const accounts::CurrentUser& viewer, const std::string& organisation_id,
                                            const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(viewer, {accounts::Role::secretariat}));
  auto org = KH_TRY(accounts_.find_organisation(organisation_id));
  if (!org || org->kind != accounts::OrgKind::workenv_center)
    return fail(errors::not_found("指定された勤務環境改善支援センターの組織は見つかりません。"));
  const auto kind = str(body, "kind");
  if (!is_choice(member_kinds, kind))
    return fail(errors::validation({{"kind", "「種別」は " + choices_text(member_kinds) + " のいずれかです。"}}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("DELETE FROM workenv_members WHERE organisation_id = $1", {organisation_id}));
    KH_TRY(c.execute("INSERT INTO workenv_members (organisation_id, kind) VALUES ($1, $2)", {organisation_id, kind}));
    return audit::record(c, accounts::actor_of(viewer), "workenv_member_kind_set", "organisation", organisation_id, kind);
  }));
  return bj::object{{"id", organisation_id}, {"name", org->name}, {"kind", kind}, {"kind_label", member_kind_label(kind)}};
}

// ---- hospitals -------------------------------------------------------------------------------------------------

Result<bj::object> Service::grid(const accounts::CurrentUser& viewer, std::optional<std::string> prefecture) {
  const Scope s = scope_of(viewer);
  std::vector<std::string> prefectures = s.prefectures;
  if (s.secretariat) {
    // Every prefecture, or the one asked for.
    if (prefecture && !prefecture->empty()) {
      if (prefecture->size() != 2 || !std::all_of(prefecture->begin(), prefecture->end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return fail(errors::validation({{"prefecture", "「都道府県」は2桁のコードで指定してください。"}}));
      prefectures = {*prefecture};
    } else {
      prefectures.clear();
      for (int i = 1; i <= 47; ++i) prefectures.push_back((i < 10 ? "0" : "") + std::to_string(i));
    }
  } else if (prefectures.empty()) {
    return fail(errors::forbidden("この画面は勤務環境改善支援センターの方が使えます。"));
  } else if (prefecture && !prefecture->empty()) {
    if (std::find(prefectures.begin(), prefectures.end(), *prefecture) == prefectures.end())
      return fail(errors::not_found("指定された都道府県は担当外です。"));
    prefectures = {*prefecture};
  }
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto hs = KH_TRY(repo::hospitals_in(c, prefectures));
  // The secretariat sees the grid without the hours (they are the hospital's and the centre's only).
  std::map<std::string, HoursSummary> hours;
  if (!s.prefectures.empty()) hours = KH_TRY(latest_hours(c, hs));
  const auto today = today_days();
  bj::array items;
  for (const auto& h : hs) {
    const auto state = parse_state(h.state);
    auto it = hours.find(h.id);
    std::optional<HoursSummary> hsum;
    if (it != hours.end()) hsum = it->second;
    bj::object o{{"hospital", hospital_ref(h)}, {"on_platform", h.facility_id.has_value()},
                 {"items", readiness(state, hsum, today)}};
    o["latest_month"] = hsum ? bj::value(hsum->month.iso()) : bj::value(nullptr);
    items.push_back(std::move(o));
  }
  bj::array columns;
  for (auto [key, label] : {std::pair{"levels", "水準"}, {"designation", "特定労務管理対象機関"}, {"evaluation", "評価受審"},
                            {"plan", "時短計画"}, {"duty_permit", "宿日直許可"}, {"agreement_36", "36協定"},
                            {"measures", "追加的健康確保措置"}, {"hours", "勤務時間"}})
    columns.push_back(bj::object{{"key", key}, {"label", label}});
  return bj::object{{"items", std::move(items)}, {"total", hs.size()}, {"columns", std::move(columns)},
                    {"today", iso_of_days(today)}};
}

Result<bj::object> Service::create_hospital(const accounts::CurrentUser& viewer, const bj::object& body) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  json::FieldReader r(body);
  auto name = r.optional_string("name", "医療機関名", 100);
  auto facility_id = r.optional_string("facility_id", "プラットフォームの医療機関", 100);
  auto prefecture = r.optional_string("prefecture", "都道府県", 2);
  KH_TRY_VOID(r.finish());
  repo::Hospital h;
  h.id = crypto::new_id("weh");
  h.prefecture = prefecture.value_or(prefectures.front());
  if (std::find(prefectures.begin(), prefectures.end(), h.prefecture) == prefectures.end())
    return fail(errors::validation({{"prefecture", "「都道府県」は担当する都道府県を指定してください。"}}));
  if (facility_id) {
    auto org = KH_TRY(accounts_.find_organisation(*facility_id));
    if (!org || org->kind != accounts::OrgKind::facility || org->prefecture != h.prefecture)
      return fail(errors::validation({{"facility_id", "「プラットフォームの医療機関」は担当する都道府県の医療機関を指定してください。"}}));
    h.facility_id = facility_id;
    h.prefecture = org->prefecture;
    if (!name) name = org->name;
  }
  if (!name || name->empty()) return fail(errors::validation({{"name", json::msg_required("医療機関名")}}));
  h.name = *name;
  bj::object state = default_state();
  if (const auto* s = body.if_contains("state")) state = KH_TRY(merge_state(std::move(state), *s));
  h.state = bj::serialize(state);
  h.created_at = h.updated_at = now_ms();
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  if (h.facility_id && KH_TRY(repo::find_hospital_of_facility(c, *h.facility_id)))
    return fail(errors::conflict("duplicate_hospital", "この医療機関はすでに登録されています。"));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::insert_hospital(c, h, viewer.user.id));
    return audit::record(c, accounts::actor_of(viewer), "workenv_hospital_created", "workenv_hospital", h.id);
  }));
  return hospital_page(c, viewer, h, Access::centre);
}

Result<bj::object> Service::hospital_page(store::Connection& c, const accounts::CurrentUser& viewer,
                                          const repo::Hospital& h, Access access) {
  const auto state = parse_state(h.state);
  std::optional<HoursSummary> hsum;
  if (access == Access::centre || access == Access::facility) {
    auto latest = KH_TRY(latest_hours(c, {h}));
    if (auto it = latest.find(h.id); it != latest.end()) hsum = it->second;
  }
  bj::object o{{"hospital", hospital_ref(h)}, {"on_platform", h.facility_id.has_value()}, {"state", state},
               {"items", readiness(state, hsum, today_days())},
               {"can_edit", access == Access::centre || access == Access::facility},
               {"can_see_hours", access == Access::centre || access == Access::facility},
               {"viewer", access == Access::centre ? "centre" : access == Access::facility ? "facility" : "secretariat"}};
  o["evaluation_due"] = evaluation_due(state) ? bj::value(*evaluation_due(state)) : bj::value(nullptr);
  o["plan_review_due"] = plan_review_due(state) ? bj::value(*plan_review_due(state)) : bj::value(nullptr);
  o["latest_month"] = hsum ? bj::value(hsum->month.iso()) : bj::value(nullptr);
  o["hours_summary"] = hsum ? bj::value(flags_json(hsum->flags)) : bj::value(nullptr);
  if (access == Access::centre || access == Access::secretariat) {
    o["priority"] = bj::object{{"points", h.priority_points},
                               {"note", h.priority_note ? bj::value(*h.priority_note) : bj::value(nullptr)}};
    o["cases"] = KH_TRY(case_list(c, {h.prefecture}, std::nullopt, h.id));
    o["visits"] = KH_TRY(visit_list(c, {h.prefecture}, h.id));
  }
  return o;
}

Result<bj::object> Service::hospital(const accounts::CurrentUser& viewer, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto [h, access] = KH_TRY(visible_hospital(c, viewer, id));
  return hospital_page(c, viewer, h, access);
}

Result<bj::object> Service::my_hospital(const accounts::CurrentUser& viewer) {
  const Scope s = scope_of(viewer);
  if (s.facilities.empty()) return fail(errors::forbidden("この画面は医療機関の方が使えます。"));
  const auto& org = *std::find_if(viewer.user.organisations.begin(), viewer.user.organisations.end(),
                                  [&](const auto& o) { return s.facilities.contains(o.id); });
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto h = KH_TRY(repo::find_hospital_of_facility(c, org.id));
  if (!h) {
    // The facility's first visit: its page starts from an empty state in its own prefecture's grid.
    repo::Hospital fresh;
    fresh.id = crypto::new_id("weh");
    fresh.prefecture = org.prefecture;
    fresh.facility_id = org.id;
    fresh.name = org.name;
    fresh.state = bj::serialize(default_state());
    fresh.created_at = fresh.updated_at = now_ms();
    auto inserted = store::in_transaction(c, [&]() -> Result<void> { return repo::insert_hospital(c, fresh, viewer.user.id); });
    if (!inserted && inserted.error().code != store::unique_violation) return fail(inserted.error());
    h = KH_TRY(repo::find_hospital_of_facility(c, org.id));
    if (!h) return fail(errors::internal("workenv hospital not created"));
  }
  return hospital_page(c, viewer, *h, Access::facility);
}

Result<bj::object> Service::update_hospital(const accounts::CurrentUser& viewer, const std::string& id,
                                            const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto [h, access] = KH_TRY(visible_hospital(c, viewer, id));
  if (access == Access::secretariat)
    return fail(errors::forbidden("医療機関の状況を変えられるのは、その医療機関と勤務環境改善支援センターです。"));
  json::FieldReader r(body);
  auto name = r.optional_string("name", "医療機関名", 100);
  KH_TRY_VOID(r.finish());
  bj::object state = parse_state(h.state);
  if (const auto* s = body.if_contains("state")) state = KH_TRY(merge_state(std::move(state), *s));
  if (name && !name->empty()) {
    if (h.facility_id) return fail(errors::validation({{"name", "プラットフォームの医療機関の名前は、組織の設定で変えてください。"}}));
    h.name = *name;
  }
  h.state = bj::serialize(state);
  h.updated_at = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::update_state(c, h, viewer.user.id));
    return audit::record(c, accounts::actor_of(viewer), "workenv_hospital_updated", "workenv_hospital", h.id);
  }));
  return hospital_page(c, viewer, h, access);
}

Result<bj::object> Service::hospital_history(const accounts::CurrentUser& viewer, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto [h, access] = KH_TRY(visible_hospital(c, viewer, id));
  auto rows = KH_TRY(c.execute("SELECT state, changed_by, changed_at FROM workenv_hospital_history WHERE hospital_id = $1 "
                               "ORDER BY changed_at DESC, id DESC", {h.id}));
  bj::array items;
  for (const auto& row : rows.rows) {
    bj::object o{{"state", parse_state(row.text(0))}, {"changed_at", format_iso8601_jst(row.integer(2))}};
    o["changed_by"] = row.is_null(1) ? bj::value(nullptr) : bj::value(KH_TRY(accounts_.person_label(row.text(1))));
    items.push_back(std::move(o));
  }
  return bj::object{{"hospital", hospital_ref(h)}, {"items", std::move(items)}, {"total", rows.rows.size()}};
}

// ---- hours -----------------------------------------------------------------------------------------------------

Result<bj::object> Service::upload_hours(const accounts::CurrentUser& viewer, const std::string& hospital_id,
                                         std::string_view month_text, std::string_view bytes) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto [h, access] = KH_TRY(visible_hospital(c, viewer, hospital_id));
  if (access == Access::secretariat)
    return fail(errors::forbidden("勤務時間を提出できるのは、その医療機関と勤務環境改善支援センターです。"));
  const auto month = wh::parse_year_month(month_text);
  if (!month) return fail(errors::validation({{"month", "「対象月」をYYYY-MMで指定してください。"}}));
  const auto this_month = wh::parse_year_month(iso_of_days(today_days()).substr(0, 7));
  if (*month > *this_month) return fail(errors::validation({{"month", "「対象月」に先の月は指定できません。"}}));
  auto rows = KH_TRY(read_hours_csv(bytes, *month));
  const std::string upload_id = crypto::new_id("whu");
  std::optional<std::string> replaced;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    replaced = KH_TRY(repo::replace_month(c, upload_id, h.id, *month, rows, viewer.user.id, now_ms()));
    KH_TRY_VOID(store::append_change(c, "workenv_hours", h.id, "upload"));
    return audit::record(c, accounts::actor_of(viewer), "workenv_hours_uploaded", "workenv_hospital", h.id,
                         month->iso() + " " + std::to_string(rows.size()) + " rows" + (replaced ? " (replaced)" : ""));
  }));
  auto fy_rows = KH_TRY(repo::current_rows(c, h.id, wh::YearMonth::of(month->fiscal_year(), 4), *month));
  const auto flags = wh::summarize(wh::evaluate(fy_rows, *month));
  return bj::object{{"id", upload_id}, {"hospital", hospital_ref(h)}, {"month", month->iso()}, {"rows", rows.size()},
                    {"replaced", replaced.has_value()}, {"summary", flags_json(flags)}};
}

Result<bj::object> Service::hours(const accounts::CurrentUser& viewer, const std::string& hospital_id,
                                  std::optional<std::string> month_text) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto [h, access] = KH_TRY(visible_hospital(c, viewer, hospital_id));
  if (access == Access::secretariat)
    return fail(errors::forbidden("勤務時間を見られるのは、その医療機関と勤務環境改善支援センターだけです。"));
  auto ups = KH_TRY(repo::uploads(c, h.id));
  std::optional<wh::YearMonth> month;
  if (month_text && !month_text->empty()) {
    month = wh::parse_year_month(*month_text);
    if (!month) return fail(errors::validation({{"month", "「対象月」をYYYY-MMで指定してください。"}}));
  } else {
    for (const auto& u : ups)
      if (u.current) { month = wh::parse_year_month(u.month); break; }
  }
  bj::array months, uploads, doctors;
  std::set<std::string> seen;
  for (const auto& u : ups) {
    if (u.current && seen.insert(u.month).second) months.push_back(bj::string(u.month));
    bj::object o{{"id", u.id}, {"month", u.month}, {"rows", u.rows}, {"current", u.current},
                 {"uploaded_at", format_iso8601_jst(u.uploaded_at)}};
    o["uploaded_by"] = u.uploaded_by ? bj::value(KH_TRY(accounts_.person_label(*u.uploaded_by))) : bj::value(nullptr);
    o["replaced_at"] = u.replaced_at ? bj::value(format_iso8601_jst(*u.replaced_at)) : bj::value(nullptr);
    uploads.push_back(std::move(o));
  }
  bj::object out{{"hospital", hospital_ref(h)}, {"months", std::move(months)}, {"uploads", std::move(uploads)}};
  if (!month) {
    out["month"] = nullptr;
    out["summary"] = nullptr;
    out["doctors"] = bj::array{};
  } else {
    auto rows = KH_TRY(repo::current_rows(c, h.id, wh::YearMonth::of(month->fiscal_year(), 4), *month));
    const auto ev = wh::evaluate(rows, *month);
    for (const auto& e : ev) doctors.push_back(doctor_json(e));
    out["month"] = month->iso();
    out["fiscal_year"] = month->fiscal_year();
    out["summary"] = flags_json(wh::summarize(ev));
    out["doctors"] = std::move(doctors);
  }
  KH_TRY_VOID(audit::record(c, accounts::actor_of(viewer), "workenv_hours_viewed", "workenv_hospital", h.id,
                            month ? month->iso() : std::string("-")));
  return out;
}

Result<bj::object> Service::at_risk(const accounts::CurrentUser& viewer) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto hs = KH_TRY(repo::hospitals_in(c, prefectures));
  auto hours = KH_TRY(latest_hours(c, hs));
  struct Item { const repo::Hospital* h; const wh::DoctorEvaluation* e; };
  std::vector<Item> items;
  for (const auto& h : hs)
    if (auto it = hours.find(h.id); it != hours.end())
      for (const auto& e : it->second.evaluations)
        if (e.has(wh::over_100) || e.has(wh::interview_gap) || e.has(wh::over_155) || e.has(wh::projected_over_cap) ||
            e.has(wh::ytd_over_cap) || e.has(wh::continuous_breach))
          items.push_back({&h, &e});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.e->severity() > b.e->severity(); });
  bj::array out;
  for (const auto& i : items) {
    auto d = doctor_json(*i.e);
    d["hospital"] = hospital_ref(*i.h);
    out.push_back(std::move(d));
  }
  KH_TRY_VOID(audit::record(c, accounts::actor_of(viewer), "workenv_hours_viewed", "prefecture",
                            text::join(prefectures, ","), "at-risk list"));
  return bj::object{{"items", std::move(out)}, {"total", items.size()}};
}

// ---- priorities ------------------------------------------------------------------------------------------------

Result<std::vector<PriorityRow>> Service::priority_rows(store::Connection& c, const std::vector<std::string>& prefectures) {
  auto hs = KH_TRY(repo::hospitals_in(c, prefectures));
  auto hours = KH_TRY(latest_hours(c, hs));
  store::Params p(prefectures.begin(), prefectures.end());
  std::map<std::string, std::string> last_visit;
  for (const auto& row : KH_TRY(c.execute("SELECT hospital_id, MAX(planned_date) FROM workenv_visits WHERE status = 'done' "
                                          "AND prefecture IN " + repo::placeholders(1, p.size()) + " GROUP BY hospital_id", p)).rows)
    last_visit[row.text(0)] = row.text(1);
  std::map<std::string, std::int64_t> open_cases;
  for (const auto& row : KH_TRY(c.execute("SELECT hospital_id, COUNT(*) FROM workenv_cases WHERE status <> 'closed' "
                                          "AND prefecture IN " + repo::placeholders(1, p.size()) + " GROUP BY hospital_id", p)).rows)
    open_cases[row.text(0)] = row.integer(1);
  std::vector<wh::HospitalFacts> facts;
  for (const auto& h : hs) {
    wh::HospitalFacts f;
    f.hospital_id = h.id;
    f.name = h.name;
    if (auto it = hours.find(h.id); it != hours.end()) f.hours = it->second.flags;
    const auto state = parse_state(h.state);
    if (auto d = evaluation_due(state)) f.evaluation_due = parse_date(*d);
    if (auto d = plan_review_due(state)) f.plan_review_due = parse_date(*d);
    if (auto it = last_visit.find(h.id); it != last_visit.end()) f.last_visit = parse_date(it->second);
    f.open_cases = static_cast<std::int32_t>(open_cases[h.id]);
    f.manual_points = h.priority_points;
    f.manual_note = h.priority_note.value_or("");
    facts.push_back(std::move(f));
  }
  std::vector<PriorityRow> out;
  for (auto& p : wh::rank(facts, today_days())) out.push_back({hs[p.index], std::move(p)});
  return out;
}

Result<bj::object> Service::priorities(const accounts::CurrentUser& viewer) {
  auto prefectures = KH_TRY(centre_prefectures(viewer));
  auto lease = KH_TRY(pool_.acquire());
  auto rows = KH_TRY(priority_rows(*lease, prefectures));
  bj::array items;
  int rank = 0;
  for (const auto& r : rows) {
    bj::array reasons;
    for (const auto& reason : r.priority.reasons)
      reasons.push_back(bj::object{{"code", wh::reason_code(reason.code)}, {"points", reason.points}, {"text", reason.text}});
    bj::object o{{"rank", ++rank}, {"hospital", hospital_ref(r.hospital)}, {"score", r.priority.score},
                 {"reasons", std::move(reasons)}, {"manual_points", r.hospital.priority_points}};
    o["manual_note"] = r.hospital.priority_note ? bj::value(*r.hospital.priority_note) : bj::value(nullptr);
    items.push_back(std::move(o));
  }
  return bj::object{{"items", std::move(items)}, {"total", rows.size()}};
}

Result<bj::object> Service::set_priority(const accounts::CurrentUser& viewer, const std::string& hospital_id,
                                         const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto [h, access] = KH_TRY(visible_hospital(c, viewer, hospital_id));
  if (access != Access::centre)
    return fail(errors::forbidden("優先度を変えられるのは勤務環境改善支援センターの方です。"));
  json::FieldReader r(body);
  auto points = r.optional_integer("points", "優先度の調整", -100, 100);
  auto note = r.optional_string("note", "調整の理由", 200);
  if (!points && !r.has_error("points")) r.add_error("points", json::msg_required("優先度の調整"));
  if (points && *points != 0 && (!note || note->empty()) && !r.has_error("note"))
    r.add_error("note", "優先度を上げ下げするときは「調整の理由」を入力してください。");
  KH_TRY_VOID(r.finish());
  const std::optional<std::string> kept_note = *points == 0 ? std::nullopt : note;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::set_priority(c, h.id, static_cast<std::int32_t>(*points), kept_note));
    return audit::record(c, accounts::actor_of(viewer), "workenv_priority_set", "workenv_hospital", h.id,
                         std::to_string(*points));
  }));
  bj::object o{{"hospital", hospital_ref(h)}, {"manual_points", *points}};
  o["manual_note"] = kept_note ? bj::value(*kept_note) : bj::value(nullptr);
  return o;
}

}  // namespace kh::workenv
