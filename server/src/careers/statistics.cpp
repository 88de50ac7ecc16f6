// The career centre's statistics: doctors by 診療科 × 二次医療圏 × status, by cohort and by loan kind, completion and
// 離脱 rates per cohort, months served in 医師少数区域 against the programmes' targets; each table as CSV for Excel.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "accounts/accounts.h"
#include "career_rules/career_rules.h"
#include "careers/careers.h"
#include "careers/detail.h"
#include "careers/repo.h"
#include "core/csv.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "reference/reference.h"
#include "store/database.h"

namespace kh::careers {
namespace bj = boost::json;
namespace cr = career_rules;
using namespace detail;

namespace {
//! One doctor as the statistics count them.
struct Counted {
  std::string specialty, area, status, kind;
  int cohort = 0;
};
}  // namespace

Result<bj::object> Service::statistics(const accounts::CurrentUser& u, const std::optional<std::string>& programme_id,
                                       const std::optional<std::string>& year) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  std::map<std::string, std::string> problems;
  const std::string programme = programme_id.value_or("");
  if (!programme.empty()) {
    const auto p = KH_TRY(repo::find_programme(c, programme));
    if (!p || !covers(prefs, p->prefecture)) problems["programme_id"] = "「プログラム」が見つかりません。";
  }
  int fiscal_year = 0;
  if (year && !year->empty()) {
    const bool digits = year->size() == 4 && std::all_of(year->begin(), year->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (digits) fiscal_year = std::stoi(*year);
    if (!digits || fiscal_year < 1970 || fiscal_year > 2100) problems["year"] = "「年度」は 2026 のような西暦4桁で指定してください。";
  }
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));
  // Where a doctor works: on 1 April of the 年度 asked for (rotations change then), else today.
  const cr::Day today = fiscal_year ? cr::day_of(fiscal_year, 4, 1) : today_jst();
  // Months in the shortage areas are counted as served by the end of that 年度 (or by today, if sooner).
  const cr::Day served_by = fiscal_year ? std::min(cr::day_of(fiscal_year + 1, 4, 1), today_jst()) : today_jst();
  std::vector<Counted> all;
  struct ShortageRow { int doctors = 0, months = 0, target = 0; };
  std::map<std::pair<std::string, std::string>, ShortageRow> shortage;  // (programme, area code; "" = all areas)
  std::map<std::string, std::optional<repo::ProgrammeVersion>> versions;
  std::map<std::string, std::string> programme_names;
  for (const auto& d : KH_TRY(repo::doctors_of(c, prefs))) {
    if (!programme.empty() && d.programme_id != programme) continue;
    Counted x{d.specialty_wish.value_or("未定"), "未定", d.status, d.kind, d.graduation_year};
    std::optional<std::string> plan_json;
    if (const auto plan = KH_TRY(repo::plan_of(c, d.id))) {
      plan_json = plan->assignments_json;
      // Where the doctor works today: the area of the assignment covering today.
      for (const auto& a : assignments_from_stored(plan->assignments_json)) {
        const auto s = parse_date(a.start), e = parse_date(a.end);
        if (s && e && *s <= today && today <= *e && a.kind != "interruption") {
          if (a.area_code && !a.area_code->empty())
            if (const auto area = catalogue_.area(*a.area_code)) x.area = area->name;
          if (a.out_of_prefecture) x.area = "県外・海外";
        }
      }
    }
    all.push_back(std::move(x));
    // Months served in 医師少数区域, per 二次医療圏, against the programme's shortage_months rule (not for 離脱).
    if (d.status == "withdrawn" || !d.programme_id || !d.programme_version) continue;
    const auto key = *d.programme_id + "#" + std::to_string(*d.programme_version);
    if (!versions.contains(key)) versions[key] = KH_TRY(repo::find_version(c, *d.programme_id, *d.programme_version));
    const auto& v = versions[key];
    if (!v) continue;
    const auto groups = groups_from_stored(v->groups_json);
    const auto rules = rules_from_stored(v->rules_json, groups);
    const auto rule = std::find_if(rules.begin(), rules.end(), [](const cr::Rule& r) { return r.kind == cr::RuleKind::shortage_months; });
    if (rule == rules.end()) continue;
    if (!programme_names.contains(*d.programme_id))
      if (const auto p = KH_TRY(repo::find_programme(c, *d.programme_id)))
        if (const auto cur = KH_TRY(repo::find_version(c, p->id, p->current_version))) programme_names[p->id] = cur->name;
    auto& total = shortage[{*d.programme_id, ""}];
    total.doctors += 1;
    total.target += rule->months;
    if (!plan_json) continue;
    const auto input = assignments_from_stored(*plan_json);
    const auto as = engine_assignments(input, groups, catalogue_, d.prefecture);
    const auto ev = cr::evaluate(engine_doctor(d), rules, as, served_by);
    std::map<std::string, int> months;  // area code ("" for a designated facility without one) → months
    for (const auto& m : ev.months) {
      if (!m.past || !m.counted || !m.in_period || m.assignment < 0) continue;
      const auto i = static_cast<std::size_t>(m.assignment);
      if (!as[i].shortage_area) continue;
      ++months[input[i].area_code.value_or("")];
    }
    for (const auto& [area, n] : months) {
      auto& row = shortage[{*d.programme_id, area.empty() ? "-" : area}];
      row.doctors += 1;
      row.target += rule->months;
      row.months += n;
      total.months += n;
    }
  }
  // 診療科 × 二次医療圏 × 状況
  std::map<std::tuple<std::string, std::string, std::string>, int> by_area;
  std::map<int, std::map<std::string, int>> by_cohort;
  std::map<std::string, std::map<std::string, int>> by_kind;
  for (const auto& x : all) {
    ++by_area[{x.specialty, x.area, x.status}];
    ++by_cohort[x.cohort][x.status];
    ++by_kind[x.kind][x.status];
  }
  const auto status_counts = [&](const std::map<std::string, int>& m) {
    bj::object o;
    int total = 0;
    for (const auto& st : statuses) {
      const auto it = m.find(std::string(st.code));
      o[st.code] = it == m.end() ? 0 : it->second;
      total += it == m.end() ? 0 : it->second;
    }
    o["total"] = total;
    return o;
  };
  bj::array area_rows, cohort_rows, kind_rows;
  for (const auto& [k, n] : by_area)
    area_rows.push_back(bj::object{{"specialty", std::get<0>(k)}, {"area", std::get<1>(k)}, {"status", std::get<2>(k)},
                                   {"status_label", label_of(statuses, std::get<2>(k)).value_or(std::get<2>(k))}, {"count", n}});
  for (auto it = by_cohort.rbegin(); it != by_cohort.rend(); ++it) {
    auto o = status_counts(it->second);
    const double total = static_cast<double>(o["total"].as_int64());
    const auto rate = [&](const char* k) { return total > 0 ? std::round(1000.0 * static_cast<double>(o[k].as_int64()) / total) / 10.0 : 0.0; };
    o["completion_rate"] = rate("completed");
    o["withdrawal_rate"] = rate("withdrawn");
    o["cohort"] = it->first;
    cohort_rows.push_back(std::move(o));
  }
  for (const auto& k : doctor_kinds) {
    const auto it = by_kind.find(std::string(k.code));
    if (it == by_kind.end()) continue;
    auto o = status_counts(it->second);
    o["kind"] = k.code;
    o["kind_label"] = k.label;
    kind_rows.push_back(std::move(o));
  }
  bj::array shortage_rows;
  // Each programme's areas in code order, then its total (「計」).
  std::vector<std::pair<std::pair<std::string, std::string>, ShortageRow>> ordered(shortage.begin(), shortage.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(a.first.first, a.first.second.empty()) < std::make_tuple(b.first.first, b.first.second.empty());
  });
  for (const auto& [k, r] : ordered) {
    std::string area = "計";
    if (k.second == "-") area = "指定医療機関（区域外）";
    else if (!k.second.empty()) area = catalogue_.area(k.second) ? catalogue_.area(k.second)->name : k.second;
    const double rate = r.target > 0 ? std::round(1000.0 * r.months / r.target) / 10.0 : 0.0;
    shortage_rows.push_back(bj::object{{"programme_id", k.first}, {"programme_name", programme_names[k.first]},
                                       {"area_code", k.second.empty() || k.second == "-" ? bj::value(nullptr) : bj::value(k.second)},
                                       {"area", area}, {"total", k.second.empty()}, {"doctors", r.doctors}, {"months", r.months},
                                       {"target", r.target}, {"rate", rate}});
  }
  bj::array status_columns;
  for (const auto& st : statuses) status_columns.push_back(bj::object{{"code", st.code}, {"label", st.label}});
  return bj::object{{"statuses", std::move(status_columns)}, {"by_area", std::move(area_rows)}, {"by_cohort", std::move(cohort_rows)},
                    {"by_kind", std::move(kind_rows)}, {"by_shortage", std::move(shortage_rows)}, {"total", all.size()}};
}

Result<std::string> Service::statistics_csv(const accounts::CurrentUser& u, const std::string& table,
                                            const std::optional<std::string>& programme_id, const std::optional<std::string>& year) {
  if (table != "area" && table != "cohort" && table != "kind" && table != "shortage")
    return fail(errors::validation({{"table", "「表」は area（診療科×二次医療圏×状況）、cohort（卒業年）、kind（区分）、shortage（医師少数区域での勤務月数）のいずれかです。"}}));
  const auto st = KH_TRY(statistics(u, programme_id, year));
  std::string out;
  if (table == "shortage") {
    out = "プログラム,二次医療圏,医師数,医師少数区域での勤務月数,目標月数,達成率（％）\r\n";
    for (const auto& v : st.at("by_shortage").as_array()) {
      const auto& o = v.as_object();
      char rate[32];
      std::snprintf(rate, sizeof rate, "%.1f", o.at("rate").as_double());
      out += csv::escape(o.at("programme_name").as_string()) + "," + csv::escape(o.at("area").as_string()) + "," +
             csv::number(o.at("doctors").as_int64()) + "," + csv::number(o.at("months").as_int64()) + "," +
             csv::number(o.at("target").as_int64()) + "," + rate + "\r\n";
    }
  } else if (table == "area") {
    out = "診療科,二次医療圏,状況,人数\r\n";
    for (const auto& v : st.at("by_area").as_array()) {
      const auto& o = v.as_object();
      out += csv::escape(o.at("specialty").as_string()) + "," + csv::escape(o.at("area").as_string()) + "," +
             csv::escape(o.at("status_label").as_string()) + "," + csv::number(o.at("count").as_int64()) + "\r\n";
    }
  } else {
    out = table == "cohort" ? "卒業年" : "区分";
    for (const auto& s : statuses) out += "," + std::string(s.label);
    out += table == "cohort" ? ",計,満了率（％）,離脱率（％）\r\n" : ",計\r\n";
    for (const auto& v : st.at(table == "cohort" ? "by_cohort" : "by_kind").as_array()) {
      const auto& o = v.as_object();
      out += table == "cohort" ? csv::number(o.at("cohort").as_int64()) : csv::escape(o.at("kind_label").as_string());
      for (const auto& s : statuses) out += "," + csv::number(o.at(s.code).as_int64());
      out += "," + csv::number(o.at("total").as_int64());
      if (table == "cohort") {
        char buf[64];
        std::snprintf(buf, sizeof buf, ",%.1f,%.1f", o.at("completion_rate").as_double(), o.at("withdrawal_rate").as_double());
        out += buf;
      }
      out += "\r\n";
    }
  }
  return text::to_windows31j(out);
}

}  // namespace kh::careers
