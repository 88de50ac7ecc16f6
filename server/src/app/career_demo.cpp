// The career centre's demo (issue 13): 栃木県地域医療支援センター (career-09) with three programmes (総合内科, 外科,
// 総合診療) and 40 obligated doctors across cohorts, kinds and statuses, each with a plan — most kept, some
// breaking a rule (too short in the shortage areas, a six-month posting), some interrupted or withdrawn, some
// awaiting the doctor's confirmation. Everything goes through careers::Service, so the demo obeys the same rules.
#include <boost/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "app/career_demo.h"
#include "app/context.h"
#include "app/demo_data.h"
#include "core/time.h"
#include "placement_rounds/placement_rounds.h"

namespace kh::app {
namespace bj = boost::json;
namespace {

bj::array guideline_rules() {
  return bj::array{
      bj::object{{"id", "total"}, {"kind", "total_period"}, {"months", 108}, {"loan_factor", 1.5}},
      bj::object{{"id", "shortage"}, {"kind", "shortage_months"}, {"months", 48}},
      bj::object{{"id", "posting"}, {"kind", "posting_min_months"}, {"months", 12}},
      bj::object{{"id", "small"}, {"kind", "group_months"}, {"group", "small"}, {"months", 12}},
      bj::object{{"id", "out"}, {"kind", "out_of_prefecture_cap"}, {"months", 24}},
      bj::object{{"id", "research"}, {"kind", "research_cap"}, {"months", 24}},
      bj::object{{"id", "specialist"}, {"kind", "specialist_by_year"}, {"year", 10}, {"months", 36}},
      bj::object{{"id", "childcare"}, {"kind", "interruption_cap"}, {"reason", "childcare"}, {"months", 36}},
      bj::object{{"id", "illness"}, {"kind", "interruption_cap"}, {"reason", "illness"}, {"months", 12}},
  };
}
bj::array groups() {
  return bj::array{
      bj::object{{"code", "univ"}, {"name", "大学病院"}, {"members", bj::array{"自治医科大学附属病院", "獨協医科大学病院"}}},
      bj::object{{"code", "large"}, {"name", "大・中規模医療機関群"}, {"members", bj::array{"済生会宇都宮病院", "足利赤十字病院"}}},
      bj::object{{"code", "small"}, {"name", "小規模医療機関群"}, {"members", bj::array{"那須南病院", "上都賀総合病院", "塩谷総合病院"}}},
  };
}

std::string date(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

//! The demo's open placement round (issue 14) for next year: eight positions across the prefecture's 二次医療圏
//! (two at facilities on the platform, fac-tochigi-01 and fac-tochigi-02), caps on 宇都宮 and on every
//! 医師多数区域, the ranks of up to 20 doctors as the centre heard them in interviews, and the facilities' ranks —
//! entered by the centre for the hospitals without an account, by 日光市いろは診療所 itself, and not yet by
//! 宇都宮市ひばり記念病院 (its home shows the round to rank). It is open for ranking (the doctors were told).
Result<void> load_placement_round_demo(Context& ctx, const accounts::CurrentUser& centre, const std::vector<std::string>& doctors,
                                       int this_year) {
  auto& rounds = *ctx.placement_rounds;
  auto hibari = KH_TRY(ctx.accounts->act_as("fac-tochigi-01"));
  auto iroha = KH_TRY(ctx.accounts->act_as("fac-tochigi-02"));
  if (!hibari || !iroha || doctors.empty()) return {};
  const auto in_days = [](int days) { return iso_date_jst(now_ms() + days * 86'400'000LL); };
  auto created = KH_TRY(rounds.create_round(centre, bj::object{
      {"year", this_year + 1}, {"title", std::to_string(this_year + 1) + "年度 義務年限医師の配属先選定"}, {"mechanism", "fda"},
      {"term_start", date(this_year + 1, 4, 1)}, {"term_end", date(this_year + 2, 3, 31)},
      {"doctor_deadline", in_days(14)}, {"facility_deadline", in_days(21)}}));
  const std::string round(created.at("id").as_string());
  struct Seat { const char* name; const accounts::CurrentUser* facility; const char* area; const char* department; int capacity, target; };
  const Seat seats[] = {
      {"宇都宮市ひばり記念病院", &*hibari, nullptr, "内科", 2, 1},  // 宇都宮 (from its address)
      {"済生会宇都宮病院", nullptr, "0903", nullptr, 3, 2},
      {"獨協医科大学病院", nullptr, "0905", nullptr, 3, 1},          // 県南: 医師多数区域
      {"那須南病院", nullptr, "0901", nullptr, 2, 2},                 // 県北: 医師少数区域
      {"塩谷総合病院", nullptr, "0901", nullptr, 2, 1},
      {"上都賀総合病院", nullptr, "0902", nullptr, 2, 1},             // 県西: 医師少数区域
      {"日光市いろは診療所", &*iroha, nullptr, nullptr, 1, 1},
      {"足利赤十字病院", nullptr, "0906", nullptr, 2, 1},             // 両毛
  };
  bj::array positions;
  for (const auto& seat : seats) {
    bj::object p{{"capacity", seat.capacity}, {"target", seat.target}};
    if (seat.facility) p["facility_id"] = seat.facility->user.organisations.at(0).id;
    else p["facility_name"] = seat.name;
    if (seat.area) p["area_code"] = seat.area;
    if (seat.department) p["department"] = seat.department;
    positions.push_back(std::move(p));
  }
  auto saved = KH_TRY(rounds.save_positions(centre, round, bj::object{{"positions", std::move(positions)}}));
  std::vector<std::string> ids;
  for (const auto& p : saved.at("positions").as_array()) ids.emplace_back(p.as_object().at("id").as_string());
  KH_TRY(rounds.save_caps(centre, round, bj::object{{"caps", bj::array{
      bj::object{{"name", "宇都宮"}, {"area_codes", bj::array{"0903"}}, {"cap", 4}},
      bj::object{{"designation", "医師多数区域"}, {"cap", 2}}}}}));
  // Each doctor's four choices (indices into the positions above), the popular city hospitals first for most.
  static constexpr int choices[20][4] = {{1, 2, 0, 7}, {2, 1, 3, 4}, {0, 1, 2, 5}, {1, 0, 4, 6}, {2, 0, 1, 7}, {3, 4, 1, 0}, {1, 2, 5, 6},
                                         {5, 6, 0, 1}, {7, 1, 2, 0}, {2, 1, 0, 3}, {0, 2, 1, 4}, {1, 3, 4, 0}, {4, 3, 1, 2}, {2, 7, 1, 5},
                                         {6, 5, 1, 2}, {1, 0, 2, 3}, {3, 1, 0, 4}, {2, 1, 7, 0}, {0, 1, 5, 6}, {1, 2, 4, 3}};
  std::vector<std::vector<std::string>> applicants(ids.size());
  for (std::size_t k = 0; k < doctors.size() && k < 20; ++k) {
    bj::array list;
    for (int c : choices[k]) {
      list.emplace_back(ids[static_cast<std::size_t>(c)]);
      applicants[static_cast<std::size_t>(c)].push_back(doctors[k]);
    }
    KH_TRY(rounds.save_doctor_ranks(centre, round, doctors[k], bj::object{{"position_ids", std::move(list)}, {"interview_on", in_days(-7 - static_cast<int>(k % 5))}}));
  }
  // The facilities' ranks: a fixed shuffle of each position's applicants.
  for (std::size_t h = 0; h < ids.size(); ++h) {
    auto& list = applicants[h];
    std::stable_sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) { return (a.back() * 7) % 11 < (b.back() * 7) % 11; });
    bj::array ranked;
    for (const auto& d : list) ranked.emplace_back(d);
    if (h == 0) continue;  // 宇都宮市ひばり記念病院 has not ranked yet
    if (h == 6) KH_TRY(rounds.save_facility_ranks(*iroha, round, ids[h], bj::object{{"doctor_ids", std::move(ranked)}}));
    else KH_TRY(rounds.save_position_ranks(centre, round, ids[h], bj::object{{"doctor_ids", std::move(ranked)}}));
  }
  // Open for ranking: the linked demo doctor (ishi-09) sees the round on their own account, with the list the
  // centre heard in the interview, and may replace it with their own.
  KH_TRY(rounds.open_ranking(centre, round));
  return {};
}

}  // namespace

//! The demo doctor with their own seeker account (printed with the demo logins): 斎藤 拓也, in 義務勤務, whose
//! plan is in 本人確認.
constexpr int demo_doctor = 18;

Result<void> load_career_demo(Context& ctx) {
  auto centre = KH_TRY(ctx.accounts->act_as("career-09"));
  if (!centre) return {};
  auto& s = *ctx.careers;
  const char* programme_names[3][2] = {{"栃木県総合内科キャリア形成プログラム", "内科"},
                                       {"栃木県外科キャリア形成プログラム", "外科"},
                                       {"栃木県総合診療キャリア形成プログラム", "総合診療"}};
  std::vector<std::string> programmes;
  for (const auto& [name, area] : programme_names) {
    auto p = KH_TRY(s.create_programme(*centre, bj::object{{"name", name}, {"basic_area", area}, {"course", "地域医療コース"},
                                                           {"target_years", 9}, {"rules", guideline_rules()}, {"groups", groups()}}));
    programmes.emplace_back(p.at("id").as_string());
  }
  static constexpr const char* family[] = {"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤",
                                           "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"};
  static constexpr const char* given[] = {"大輔", "美咲", "翔太", "由衣", "健太", "愛", "拓也", "彩", "直樹", "舞"};
  static constexpr const char* kinds[] = {"regional_prefecture_loan", "regional_prefecture_loan", "regional_other_loan", "jichi",
                                          "regional_no_loan", "voluntary"};
  static constexpr const char* universities[] = {"自治医科大学", "獨協医科大学", "東北大学", "群馬大学", "筑波大学"};
  const int this_year = std::stoi(format_iso8601_jst(now_ms()).substr(0, 4));
  std::vector<std::string> round_doctors;  // who takes part in the demo's placement round
  for (int i = 0; i < 40; ++i) {
    const int grad = this_year - 12 + (i % 13);  // cohorts from twelve years ago to this year
    const std::string kind = kinds[i % 6];
    const int loan = kind == "regional_prefecture_loan" || kind == "jichi" ? 72 : kind == "regional_other_loan" ? 48 : 0;
    const int since = this_year - grad;
    std::string status = since < 2 ? "clinical_training" : since < 5 ? "specialist_training" : since < 10 ? "obligation" : "post_obligation";
    auto d = KH_TRY(s.register_doctor(*centre, bj::object{
        {"name", std::string(family[i % 20]) + " " + given[(i * 7) % 10]}, {"kind", kind},
        {"university", universities[i % 5]}, {"graduation_year", grad}, {"licence_year", grad}, {"loan_months", loan},
        {"programme_id", programmes[i % 3]}, {"specialty_wish", i % 3 == 0 ? "総合内科" : i % 3 == 1 ? "外科" : "総合診療"},
        {"status", status},
        {"email", i == demo_doctor ? std::string(demo_doctor_login) : "career-doctor-" + std::to_string(i + 1) + "@demo.kakehashi.example"}}));
    const std::string id(d.at("id").as_string());
    if (status != "post_obligation" && i != 17 && !(i % 11 == 6 && i % 5 != 4 && i % 7 != 3) && round_doctors.size() < 20)
      round_doctors.push_back(id);
    if (i == 39) continue;  // registered this week: no plan yet
    // The plan: 臨床研修 2 years, 専門研修 3 years at a university hospital, then the shortage areas and the city.
    // What ended before this year has happened (実績); the rest is planned.
    const auto actual = [&](int end_year) { return end_year < this_year; };
    bj::array plan;
    // From April of one year to March of another.
    auto add = [&](const char* kind_code, const char* facility, const char* area, int from_year, int to_year,
                   const char* reason = nullptr) {
      bj::object a{{"kind", kind_code}, {"start", date(from_year, 4, 1)}, {"end", date(to_year, 3, 31)}, {"actual", actual(to_year)}};
      if (reason) a["interruption_reason"] = reason;
      else a["facility_name"] = facility;
      if (area) a["area_code"] = area;
      plan.push_back(std::move(a));
    };
    add("clinical_training", "自治医科大学附属病院", "0903", grad, grad + 2);
    add("specialist_training", i % 2 ? "獨協医科大学病院" : "自治医科大学附属病院", i % 2 ? "0905" : "0903", grad + 2, grad + 5);
    if (i % 5 == 4) {
      // Breaks the rule: only one year in a shortage area.
      add("work", "那須南病院", "0901", grad + 5, grad + 6);
      add("work", "済生会宇都宮病院", "0903", grad + 6, grad + 9);
    } else if (i % 7 == 3) {
      // A six-month posting in between.
      add("work", "上都賀総合病院", "0902", grad + 5, grad + 7);
      plan.push_back(bj::object{{"kind", "work"}, {"facility_name", "佐野厚生総合病院"}, {"area_code", "0906"},
                                {"start", date(grad + 7, 4, 1)}, {"end", date(grad + 7, 9, 30)}, {"actual", grad + 7 < this_year}});
      plan.push_back(bj::object{{"kind", "work"}, {"facility_name", "那須南病院"}, {"area_code", "0901"},
                                {"start", date(grad + 7, 10, 1)}, {"end", date(grad + 9, 3, 31)}, {"actual", grad + 9 < this_year}});
    } else if (i % 11 == 6) {
      // A year of childcare leave: the deadline moves a year.
      add("work", "那須南病院", "0901", grad + 5, grad + 7);
      add("interruption", nullptr, nullptr, grad + 7, grad + 8, "childcare");
      add("work", "塩谷総合病院", "0901", grad + 8, grad + 10);
      status = "interrupted";
    } else if (i == 7) {
      // Half a year without assignment two years from now: the open slot the centre asks a facility to recruit for
      // (募集の依頼), and 48 months in the shortage areas all the same.
      add("work", "那須南病院", "0901", grad + 5, grad + 7);
      plan.push_back(bj::object{{"kind", "work"}, {"facility_name", "上都賀総合病院"}, {"area_code", "0902"},
                                {"start", date(grad + 7, 10, 1)}, {"end", date(grad + 9, 9, 30)}, {"actual", false}});
    } else {
      add("work", "那須南病院", "0901", grad + 5, grad + 7);
      add("work", "上都賀総合病院", "0902", grad + 7, grad + 9);
    }
    auto saved = KH_TRY(s.save_plan(*centre, id, bj::object{{"assignments", std::move(plan)}}));
    const bool draft = saved.at("plan").as_object().at("state").as_string() == "draft";
    if (!draft && i % 4 != 1) {
      KH_TRY(s.change_plan_state(*centre, id, bj::object{{"state", "confirmation"}}));
      if (i % 4 != 2) KH_TRY(s.change_plan_state(*centre, id, bj::object{{"state", "approved"}}));
    }
    if (status == "interrupted")
      KH_TRY(s.change_status(*centre, id, bj::object{{"status", "interrupted"}, {"date", date(grad + 7, 4, 1)}, {"reason", "childcare"},
                                                     {"consent", true}, {"follow_up", "復帰時期を半年ごとに面談で確認"}}));
    if (i == 17)
      KH_TRY(s.change_status(*centre, id, bj::object{{"status", "withdrawn"}, {"date", date(this_year - 1, 3, 31)}, {"reason", "repayment"},
                                                     {"consent", false}, {"follow_up", "返還計画の確認（毎年4月）"}}));
    if (i == demo_doctor) {
      // The doctor's own account: their plan is awaiting their confirmation (本人確認).
      auto user = KH_TRY(ctx.accounts->add_user_with_password(demo_doctor_login, demo_password, "seeker", "", "", demo_doctor_login,
                                                              std::string(d.at("name").as_string())));
      KH_TRY_VOID(s.link_account(id, user.id));
    }
    if (since >= 12 && i % 2 == 0)
      KH_TRY(s.change_status(*centre, id, bj::object{{"status", "completed"}, {"date", date(grad + 9, 3, 31)}}));
  }
  return load_placement_round_demo(ctx, *centre, round_doctors, this_year);
}

}  // namespace kh::app
