// Demo data of the work-environment centre (issue 15): 東京都's network of all four kinds, 30 hospitals in
// realistic states, 12 months of hours for 600 pseudonymous doctors (a few at risk), cases and visits. Written
// through the service (hospitals, cases, visits: the same rules as the pages) and, for the 360 uploads, through
// the repository in one transaction (the CSV path is the API tests' job).
#include <boost/json.hpp>

#include <array>

#include "accounts/accounts.h"
#include "core/crypto.h"
#include "core/time.h"
#include "store/database.h"
#include "workenv/detail.h"
#include "workenv/meetings_detail.h"
#include "workenv/repo.h"
#include "workenv/workenv.h"

namespace kh::workenv {
namespace bj = boost::json;
namespace wh = kh::workenv_hours;

namespace {

constexpr std::array<const char*, 28> places = {
    "千代田", "中央", "港", "新宿", "文京", "台東", "墨田", "江東", "品川", "目黒", "大田", "世田谷", "渋谷", "中野",
    "杉並", "豊島", "北", "荒川", "板橋", "練馬", "足立", "葛飾", "江戸川", "立川", "武蔵野", "三鷹", "府中", "調布"};
constexpr std::array<const char*, 6> departments = {"救急科", "内科", "外科", "産婦人科", "小児科", "麻酔科"};

//! A small deterministic generator (the demo is the same on every machine).
struct Rng {
  std::uint64_t s;
  std::uint32_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<std::uint32_t>(s >> 11);
  }
  int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint32_t>(hi - lo + 1)); }
};

bj::object state_for(int i, std::int64_t today) {
  const auto date = [&](std::int64_t offset) { return bj::value(iso_of_days(today + offset)); };
  bj::array groups{bj::object{{"name", "内科"}, {"level", "A"}}};
  if (i % 3 == 0) groups.push_back(bj::object{{"name", "救急科"}, {"level", "B"}});
  if (i % 5 == 0) groups.push_back(bj::object{{"name", "臨床研修"}, {"level", "C-1"}});
  if (i % 7 == 3) groups.push_back(bj::object{{"name", "外科"}, {"level", "連携B"}});
  const bool special = i % 3 == 0 || i % 5 == 0 || i % 7 == 3;
  static const char* statuses[] = {"designated", "designated", "evaluated", "evaluating", "planned"};
  bj::object s{{"groups", std::move(groups)}};
  s["designation"] = bj::object{{"status", special ? statuses[i % 5] : "none"}, {"planned_on", nullptr},
                                {"designated_on", special && i % 5 < 2 ? date(-600 - i) : bj::value(nullptr)}};
  // Some evaluations come due soon (re-evaluation 3 years on, lead 120 days) or are overdue.
  if (special && i % 5 != 4)
    s["evaluation"] = bj::object{{"verdict", i % 4 == 1 ? "partial" : "sufficient"},
                                 {"date", date(i % 6 == 0 ? -3 * 365 + 60 : i % 6 == 3 ? -3 * 365 - 20 : -400 - 10 * i)}};
  else
    s["evaluation"] = bj::object{{"verdict", ""}, {"date", nullptr}};
  s["plan"] = bj::object{{"exists", special || i % 4 == 0},
                         {"reviewed_on", special || i % 4 == 0 ? date(i % 4 == 2 ? -380 : -330 + 9 * i) : bj::value(nullptr)}};
  static const char* duty[] = {"obtained", "partial", "applying", "obtained", "none", "not_needed"};
  s["duty_permit"] = bj::object{{"status", duty[i % 6]}, {"note", i % 6 == 1 ? "救急科の夜間のみ" : ""}};
  s["agreement_36"] = bj::object{{"form", special ? (i % 4 == 2 ? "standard" : "special") : (i % 9 == 8 ? "none" : "standard")},
                                 {"filed_on", date(-200 - i)}};
  s["measures"] = bj::object{{"continuous_28h", special || i % 2 == 0}, {"interval_9h", special && i % 4 != 2},
                             {"compensatory_rest", special && i % 3 == 0}};
  return s;
}

}  // namespace

Result<int> load_demo_data(Service& service, accounts::Service& accounts, store::Pool& pool) {
  auto centre = KH_TRY(accounts.act_as("workenv-13"));
  if (!centre) return 0;
  auto lease = KH_TRY(pool.acquire());
  auto& c = *lease;
  // The network's kinds: the contractor's centre and the three other kinds (demo users of their own).
  for (const auto& [login, kind] : {std::pair{"workenv-13", "contractor"}, {"workenv-13-pref", "prefecture"},
                                    {"workenv-13-roukyoku", "labour_bureau"}, {"workenv-13-adviser", "adviser"}}) {
    auto member = KH_TRY(accounts.act_as(login));
    if (!member || member->user.organisations.empty()) continue;
    KH_TRY(c.execute("DELETE FROM workenv_members WHERE organisation_id = $1", {member->user.organisations[0].id}));
    KH_TRY(c.execute("INSERT INTO workenv_members (organisation_id, kind) VALUES ($1, $2)",
                     {member->user.organisations[0].id, std::string(kind)}));
  }
  const std::int64_t today = today_days();
  // 30 hospitals: the two Tokyo facilities of the platform and 28 the centre registered.
  std::vector<std::string> ids;
  int i = 0;
  for (const char* login : {"fac-tokyo-01", "fac-tokyo-02"}) {
    auto facility = KH_TRY(accounts.act_as(login));
    if (!facility) continue;
    auto page = KH_TRY(service.my_hospital(*facility));
    const std::string id(page.at("hospital").as_object().at("id").as_string());
    KH_TRY(service.update_hospital(*facility, id, bj::object{{"state", state_for(i++, today)}}));
    ids.push_back(id);
  }
  for (std::size_t k = 0; k < places.size(); ++k, ++i) {
    const std::string name = std::string(places[k]) + (k % 3 == 0 ? "中央病院" : k % 3 == 1 ? "記念病院" : "総合病院");
    auto page = KH_TRY(service.create_hospital(*centre, bj::object{{"name", name}, {"state", state_for(i, today)}}));
    ids.push_back(std::string(page.at("hospital").as_object().at("id").as_string()));
  }
  // 12 months of hours up to last month, 20 doctors per hospital (600). Hospitals 0, 3, 7 and 12 have doctors at
  // risk: long months, a few without 面接指導, one over 155 h, some heading over the A cap.
  const auto this_month = wh::parse_year_month(iso_of_days(today).substr(0, 7)).value();
  Rng rng{0x776f726b656e76ULL};  // "workenv"
  const auto now = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    for (std::size_t h = 0; h < ids.size(); ++h) {
      const bool risky = h == 0 || h == 3 || h == 7 || h == 12;
      for (int back = 12; back >= 1; --back) {
        const wh::YearMonth month{this_month.index - back};
        std::vector<wh::MonthRow> rows;
        for (int d = 0; d < 20; ++d) {
          wh::MonthRow r;
          char code[16];
          std::snprintf(code, sizeof code, "D%03d", d + 1);
          r.doctor_code = code;
          r.department = departments[(d + h) % departments.size()];
          r.level = d < 4 && h % 3 == 0 ? wh::Level::b : d == 4 && h % 5 == 0 ? wh::Level::c1 : wh::Level::a;
          r.month = month;
          int hours = rng.between(15, 60);
          if (risky && d < 3) hours = rng.between(82, 98);               // heading over 960 h
          if (risky && d == 3 && back <= 2) hours = rng.between(101, 125);  // 100 h+ lately
          if (h == 3 && d == 4 && back == 1) hours = 160;                    // measures required
          r.overtime = hours * 60 + rng.between(0, 59);
          r.other_workplaces = d % 7 == 0 ? rng.between(0, 15) * 60 : 0;
          r.longest_continuous = (rng.between(14, 26) + (risky && d == 3 && back == 1 ? 5 : 0)) * 60;
          r.interval_shortfalls = risky && d < 2 && back <= 3 ? 1 : 0;
          r.compensatory_rest_owed = r.longest_continuous > wh::continuous_limit ? 240 : 0;
          // 面接指導: done for most long months; missing at hospitals 0 and 7 last month.
          r.interview_done = hours >= 80 && !((h == 0 || h == 7) && back == 1);
          rows.push_back(std::move(r));
        }
        KH_TRY(repo::replace_month(c, crypto::new_id("whu"), ids[h], month, rows, centre->user.id, now));
      }
    }
    return {};
  }));
  // Cases in every state, visits done (some over a year ago), planned and one proposed follow-up.
  const auto me = centre->user.id;
  struct DemoCase { std::size_t hospital; const char* kind; const char* channel; const char* title; bj::array topics; const char* status; int due; };
  const std::vector<DemoCase> cases = {
      {0, "consultation", "phone", "宿日直許可の申請範囲について", {"duty_permit"}, "in_progress", 5},
      {3, "visit_support", "email", "B水準の時短計画の見直し", {"plan", "evaluation"}, "visit_planned", 20},
      {7, "special_support", "visit", "面接指導の体制づくり", {"interview", "hours"}, "following_up", -3},
      {12, "consultation", "web", "勤務間インターバルの確保", {"interval"}, "received", 10},
      {5, "consultation", "phone", "36協定の特別条項の様式", {"agreement_36"}, "closed", 0},
      {9, "briefing", "event", "タスクシフトの説明会", {"task_shift"}, "closed", 0},
      {15, "visit_support", "phone", "評価受審の準備", {"evaluation"}, "in_progress", 40},
      {1, "consultation", "email", "副業・兼業先の労働時間の通算", {"hours"}, "received", 14},
  };
  for (const auto& dc : cases) {
    bj::object body{{"hospital_id", ids[dc.hospital]}, {"kind", dc.kind}, {"channel", dc.channel}, {"title", dc.title},
                    {"topics", dc.topics}, {"assignee_id", me}, {"note", "デモの案件です。"}};
    if (dc.due != 0) body["due_date"] = iso_of_days(today + dc.due);
    if (std::string_view(dc.kind) == "briefing") body["attendees"] = 42;
    auto created = KH_TRY(service.create_case(*centre, body));
    const std::string id(created.at("id").as_string());
    static const char* flow[] = {"in_progress", "visit_planned", "following_up", "closed"};
    for (const char* s : flow) {
      if (std::string_view(dc.status) == "received") break;
      KH_TRY(service.update_case(*centre, id, bj::object{{"status", s}}));
      if (std::string_view(s) == dc.status) break;
    }
  }
  struct DemoVisit { std::size_t hospital; int days; const char* report; };
  for (const auto& v : {DemoVisit{3, 12, nullptr}, DemoVisit{0, 25, nullptr}, DemoVisit{7, -40, "面接指導の実施体制を確認。産業医との連携を助言。"},
                        DemoVisit{12, -420, "勤務表の作り方を確認した。"}, DemoVisit{20, -200, "宿日直許可の申請書を確認した。"}}) {
    auto visit = KH_TRY(service.create_visit(*centre, bj::object{{"hospital_id", ids[v.hospital]}, {"planned_date", iso_of_days(today + v.days)},
                                                                 {"attendees", bj::array{"小川 真由美（医療労務管理アドバイザー）", "佐藤 由紀（東京都 医療政策部）"}}}));
    if (v.report)
      KH_TRY(service.update_visit(*centre, std::string(visit.at("id").as_string()),
                                  bj::object{{"status", "done"}, {"report", v.report}, {"next_steps", "3か月後に電話で確認する"}}));
  }
  KH_TRY(service.set_priority(*centre, ids[20], bj::object{{"points", 30}, {"note", "院長交代で体制が変わるため"}}));
  KH_TRY_VOID(load_demo_meetings(service, accounts));
  return static_cast<int>(ids.size());
}

}  // namespace kh::workenv
