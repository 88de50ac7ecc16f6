#include "app/demo_data.h"

#include <array>
#include <chrono>
#include <cstdio>

#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "app/career_demo.h"
#include "app/context.h"
#include "chat_retrieval/faq_data.h"
#include "core/time.h"
#include "reference/reference.h"
#include "store/database.h"
#include "workenv/workenv.h"

namespace kh::app {
namespace {

struct DemoUser {
  const char* login;
  const char* role;
  const char* organisation;
  const char* prefecture;
  const char* name;
  const char* email;
};

struct DemoAddress {
  const char* facility_login;
  const char* prefecture;
  const char* municipality;
  const char* postal_code;
  const char* street;
};

// Fictional institutions in real municipalities across the country; one user for every role, and several
// facilities so that regional views have something to show.
constexpr std::array<DemoUser, 25> users{{
    {"jimukyoku", "secretariat", "かけはし事務局", "13", "事務局 担当者", "jimukyoku@kakehashi.example"},
    {"fac-tokyo-01", "facility", "千代田区神田さくら病院", "13", "佐藤 一郎", "fac-tokyo-01@kakehashi.example"},
    {"fac-tokyo-02", "facility", "八王子市みなみ野総合病院", "13", "鈴木 美咲", "fac-tokyo-02@kakehashi.example"},
    {"fac-tochigi-01", "facility", "宇都宮市ひばり記念病院", "09", "高橋 健", "fac-tochigi-01@kakehashi.example"},
    {"fac-tochigi-02", "facility", "日光市いろは診療所", "09", "田中 由美", "fac-tochigi-02@kakehashi.example"},
    {"fac-hokkaido-01", "facility", "札幌市北区北辰病院", "01", "伊藤 大輔", "fac-hokkaido-01@kakehashi.example"},
    {"fac-miyagi-01", "facility", "仙台市青葉区けやき病院", "04", "渡辺 彩", "fac-miyagi-01@kakehashi.example"},
    {"fac-osaka-01", "facility", "大阪市淀川区淀川記念病院", "27", "山本 翔", "fac-osaka-01@kakehashi.example"},
    {"fac-fukuoka-01", "facility", "福岡市博多区はかた中央病院", "40", "中村 舞", "fac-fukuoka-01@kakehashi.example"},
    {"agg-tochigi", "aggregator", "宇都宮市保健所", "09", "小林 誠", "agg-tochigi@kakehashi.example"},
    {"agg-kensei-09", "aggregator", "栃木県県西健康福祉センター", "09", "松本 茂", "agg-kensei-09@kakehashi.example"},
    {"coord-nurse-13", "coordinator", "東京都ナースセンター", "13", "加藤 恵", "coord-nurse-13@kakehashi.example"},
    {"coord-doctor-13", "coordinator", "東京都ドクターバンク", "13", "井上 亮", "coord-doctor-13@kakehashi.example"},
    {"career-09", "career_center", "栃木県地域医療支援センター", "09", "吉田 修", "career-09@kakehashi.example"},
    {"workenv-13", "workenv_center", "東京都医療勤務環境改善支援センター", "13", "山田 聡", "workenv-13@kakehashi.example"},
    // The rest of 東京都's work-environment network: the prefecture, the labour bureau, an adviser.
    {"workenv-13-pref", "workenv_center", "東京都保健医療局医療政策部", "13", "佐藤 由紀", "workenv-13-pref@kakehashi.example"},
    {"workenv-13-roukyoku", "workenv_center", "東京労働局労働基準部", "13", "中島 浩", "workenv-13-roukyoku@kakehashi.example"},
    {"workenv-13-adviser", "workenv_center", "医療労務管理アドバイザー（東京都社会保険労務士会）", "13", "小川 真由美", "workenv-13-adviser@kakehashi.example"},
    {"seeker@example.jp", "seeker", "", "", "山田 花子", "seeker@example.jp"},
    // Regional hospitals, each in a 二次医療圏 that the shipped data designates 医師少数区域.
    {"fac-aomori-01", "facility", "八戸市うみねこ病院", "02", "工藤 亮太", "fac-aomori-01@kakehashi.example"},
    {"fac-iwate-01", "facility", "花巻市いわて中部病院", "03", "菊池 恵子", "fac-iwate-01@kakehashi.example"},
    {"fac-niigata-01", "facility", "新発田市あかはし病院", "15", "五十嵐 修", "fac-niigata-01@kakehashi.example"},
    {"fac-nagano-01", "facility", "上田市うえだ高原病院", "20", "小松 千尋", "fac-nagano-01@kakehashi.example"},
    {"fac-shimane-01", "facility", "雲南市かけや診療所", "32", "安達 和也", "fac-shimane-01@kakehashi.example"},
    {"fac-kochi-01", "facility", "宿毛市すくも病院", "39", "岡林 真理", "fac-kochi-01@kakehashi.example"},
}};

constexpr std::array<DemoAddress, 8> addresses{{
    {"fac-tokyo-01", "13", "131016", "1010047", "内神田2-1-1"},
    {"fac-tokyo-02", "13", "132012", "1920083", "旭町10-3"},
    {"fac-tochigi-01", "09", "092011", "3200811", "大通り1-4-22"},
    {"fac-tochigi-02", "09", "092061", "3211272", "今市本町5-8"},
    {"fac-hokkaido-01", "01", "011029", "0010010", "北十条西4-1"},
    {"fac-miyagi-01", "04", "041017", "9800811", "一番町3-7-1"},
    {"fac-osaka-01", "27", "271233", "5320011", "西中島5-9-6"},
    {"fac-fukuoka-01", "40", "401323", "8120011", "博多駅前2-1-1"},
}};

// Loaded after everything else with a generator of their own, so the data above stays as it always was (tests
// and the walk-through in the README rely on it).
constexpr std::array<DemoAddress, 6> regional_addresses{{
    {"fac-aomori-01", "02", "022039", "0310804", "青葉2-3-1"},      // 八戸地域
    {"fac-iwate-01", "03", "032051", "0250067", "浅沢12-5"},        // 岩手中部
    {"fac-niigata-01", "15", "152064", "9592314", "赤橋840"},        // 下越
    {"fac-nagano-01", "20", "202037", "3860155", "蒼久保1100"},      // 上小
    {"fac-shimane-01", "32", "322091", "6902704", "掛合町穴見35"},   // 雲南
    {"fac-kochi-01", "39", "392081", "7880021", "池島3-12"},         // 幡多
}};
constexpr std::array<const char*, 6> regional_prefectures = {"02", "03", "15", "20", "32", "39"};

//! A small xorshift generator: the same data on every machine and library (std distributions are not).
class Deterministic {
 public:
  explicit Deterministic(std::uint64_t seed = 0x6b616b6568617368ULL) : state_(seed) {}  // "kakehash"
  std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) { return items[below(N)]; }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

 private:
  std::uint64_t state_;
};

std::string date_in_days(int offset) {
  using namespace std::chrono;
  const year_month_day d{floor<std::chrono::days>(system_clock::now()) + std::chrono::days{offset}};
  char buf[16];  // room for any int year, so the compiler need not warn of truncation
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

constexpr std::array<const char*, 11> category_weights = {"nurse", "nurse", "nurse", "nurse", "doctor", "doctor",
                                                          "doctor", "assoc_nurse", "pharmacist", "phn", "clerk"};
constexpr std::array<const char*, 12> doctor_specialties = {"内科", "消化器内科", "循環器内科", "小児科", "外科",
                                                            "整形外科", "麻酔科", "救急科", "総合診療", "精神科",
                                                            "産婦人科", "呼吸器内科"};
constexpr std::array<const char*, 3> employment_codes = {"permanent", "fixed_term", "spot"};
constexpr std::array<const char*, 5> weekday_sets[] = {{"mon", "tue", "wed", "thu", "fri"}};

boost::json::object demo_posting(Deterministic& rng, const DemoAddress& a, const std::string& facility_name) {
  namespace bj = boost::json;
  const std::string category = rng.pick(category_weights);
  const std::string employment = rng.pick(employment_codes);
  const bool urgent = rng.chance(25);
  const bool night = rng.chance(35);
  bj::object o;
  std::string role;
  if (category == "doctor") {
    const std::string specialty = rng.pick(doctor_specialties);
    o["specialty"] = specialty;
    role = specialty + "医師";
  } else if (category == "nurse") role = rng.chance(50) ? "病棟看護師" : "外来看護師";
  else if (category == "assoc_nurse") role = "准看護師";
  else if (category == "pharmacist") role = "病院薬剤師";
  else if (category == "phn") role = "保健師（健康相談・疫学調査）";
  else role = "医療事務（受付・会計）";
  const char* pattern = employment == "spot" ? "（スポット・単発）" : employment == "fixed_term" ? "（期間限定）" : "（常勤）";
  o["title"] = std::string(urgent ? "【急募】" : "") + role + pattern;
  o["category"] = category;
  o["employment"] = employment;
  const int start = 7 + static_cast<int>(rng.below(80));
  o["start_date"] = date_in_days(start);
  if (employment == "spot") o["end_date"] = date_in_days(start + static_cast<int>(rng.below(14)));
  else if (employment == "fixed_term") o["period_months"] = 1 + static_cast<int>(rng.below(12));
  bj::array days;
  for (const char* d : weekday_sets[0])
    if (rng.chance(75)) days.push_back(d);
  if (rng.chance(30)) days.push_back("sat");
  if (days.empty()) days.push_back("mon");
  o["weekdays"] = std::move(days);
  o["hours"] = night ? "8:30-17:15（当直あり）" : "8:30-17:15";
  o["full_time"] = employment == "permanent" || rng.chance(50);
  o["night_duty"] = night;
  o["urgency"] = urgent ? "immediate" : "regular";
  o["positions"] = 1 + static_cast<int>(rng.below(3));
  o["duties"] = role + "として" + (urgent ? "急な欠員を補う業務" : "病棟・外来の通常業務") + "をお願いします。経験に応じて担当を調整します。";
  o["requirements"] = category == "doctor" ? "医師免許。専門医資格があれば尚可。" : "該当する免許をお持ちの方。ブランク可。";
  o["pay"] = category == "doctor" ? "日給 8万円〜（経験による）" : "時給 2,000円〜";
  o["benefits"] = "交通費支給、制服貸与";
  o["training_agreed"] = true;
  o["masked"] = rng.chance(30);
  o["status"] = rng.chance(92) ? "published" : "draft";
  o["workplace"] = bj::object{{"postal_code", a.postal_code}, {"prefecture", a.prefecture},
                              {"municipality", a.municipality}, {"street", a.street}, {"building", facility_name}};
  o["contact"] = bj::object{{"name", "採用担当"}, {"location", "総務課"}, {"phone", "03-1234-5678"},
                            {"email", std::string(a.facility_login) + "@kakehashi.example"}};
  return o;
}

boost::json::object demo_bed_report(Deterministic& rng) {
  namespace bj = boost::json;
  bj::array wards;
  for (const char* ward : {"general", "recuperation", "icu", "infectious"}) {
    if (std::string_view(ward) == "recuperation" && rng.chance(50)) continue;
    const int permitted = std::string_view(ward) == "general" ? 100 + static_cast<int>(rng.below(300)) : 4 + static_cast<int>(rng.below(40));
    const int secured = static_cast<int>(rng.below(static_cast<std::size_t>(permitted / 4 + 1)));
    const int vacant = static_cast<int>(rng.below(static_cast<std::size_t>(permitted / 5 + 1)));
    wards.push_back({{"ward_type", ward}, {"permitted", permitted}, {"secured", secured}, {"vacant", vacant}});
  }
  static constexpr const char* statuses[] = {"ok", "conditional", "no"};
  bj::object acceptance;
  for (const char* category : {"emergency", "infection", "pediatric", "psychiatric", "dialysis", "perinatal"})
    acceptance[category] = statuses[rng.below(3)];
  return {{"wards", std::move(wards)}, {"acceptance", std::move(acceptance)}, {"note", "夜間は救急外来の状況により変動します。"}};
}

constexpr std::array<const char*, 20> family_names = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本",
                                                      "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口",
                                                      "松本", "井上", "木村", "林", "斎藤", "清水"};
constexpr std::array<const char*, 16> given_names = {"花子", "太郎", "美咲", "健", "陽菜", "翔", "結衣", "大輔",
                                                     "葵", "蓮", "さくら", "悠真", "真央", "拓海", "彩", "直樹"};
constexpr std::array<const char*, 10> seeker_prefectures = {"13", "13", "13", "09", "09", "01", "04", "27", "40", "11"};

boost::json::object demo_profile(Deterministic& rng, const std::string& name) {
  namespace bj = boost::json;
  const std::string category = rng.pick(category_weights);
  bj::object o{{"name", name}, {"categories", bj::array{bj::string(category)}}};
  if (category == "doctor") o["specialties"] = bj::array{bj::string(rng.pick(doctor_specialties))};
  o["licences"] = bj::array{bj::object{{"category", category}, {"number", std::to_string(100000 + rng.below(900000))}}};
  o["experience_years"] = static_cast<int>(rng.below(30));
  bj::array employment;
  for (const char* e : employment_codes)
    if (rng.chance(55)) employment.push_back(bj::string(e));
  if (employment.empty()) employment.push_back("spot");
  o["employment"] = std::move(employment);
  o["available_from"] = date_in_days(static_cast<int>(rng.below(60)));
  o["period_months_max"] = 1 + static_cast<int>(rng.below(12));
  o["weekdays"] = bj::array{"mon", "tue", "wed", "thu", "fri"};
  o["night_duty"] = rng.chance(40);
  o["prefectures"] = bj::array{bj::string(rng.pick(seeker_prefectures))};
  o["full_time"] = rng.chance(60);
  o["career_support"] = category == "doctor" && rng.chance(30) ? "specialist" : "none";
  o["notify"] = rng.chance(70) ? "immediate" : "daily";
  return o;
}

//! Addresses and names of the demo seekers seeker<first>@… to seeker<last>@….
std::vector<std::pair<std::string, std::string>> numbered_seekers(Deterministic& rng, int first, int last) {
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = first; i <= last; ++i) {
    char email[64];
    std::snprintf(email, sizeof email, "seeker%04d@demo.kakehashi.example", i);
    out.emplace_back(email, std::string(rng.pick(family_names)) + " " + rng.pick(given_names));
  }
  return out;
}

// What tells candidates apart in the matching score (issue 12), drawn from a generator of its own (`extra`) so
// that every other value of the demo stays as it was: a posting's required years of experience; a seeker's
// preferred 二次医療圏 (distance), working days and the date of the last profile update.
void vary_posting(Deterministic& extra, boost::json::object& posting) {
  if (extra.chance(45))
    posting["requirements"] = std::string(posting["requirements"].as_string()) + "臨床経験" + std::to_string(1 + extra.below(8)) + "年以上。";
}

void vary_profile(Deterministic& extra, const reference::Catalogue& catalogue, boost::json::object& profile) {
  namespace bj = boost::json;
  const std::string prefecture(profile["prefectures"].as_array().at(0).as_string());
  if (const auto areas = catalogue.areas(prefecture); !areas.empty() && extra.chance(35))
    profile["areas"] = bj::array{bj::string(areas[extra.below(areas.size())].code)};
  static constexpr std::array<std::array<const char*, 3>, 3> few_days = {{{"mon", "wed", "fri"}, {"tue", "thu", "sat"}, {"mon", "tue", "wed"}}};
  if (extra.chance(30)) {
    const auto& days = few_days[extra.below(few_days.size())];
    profile["weekdays"] = bj::array{days[0], days[1], days[2]};
  }
}

//! Spreads the seekers' last profile updates over the past eight months (the score reads recent activity).
Result<void> vary_activity(Context& ctx, Deterministic& extra, const std::vector<std::string>& user_ids) {
  auto lease = KH_TRY(ctx.pool->acquire());
  auto& c = *lease;
  const auto now = now_ms();
  return store::in_transaction(c, [&]() -> Result<void> {
    for (const auto& id : user_ids)
      KH_TRY(c.execute("UPDATE seeker_profiles SET updated_at = $2 WHERE user_id = $1",
                       {id, now - static_cast<std::int64_t>(extra.below(240)) * 86'400'000LL}));
    return {};
  });
}

//! A demo facility: its postings, where it is, and today's bed report for the regional bed board.
Result<void> load_facility(Context& ctx, Deterministic& rng, Deterministic& extra, const DemoAddress& a, int postings = 40) {
  auto actor = KH_TRY(ctx.accounts->act_as(a.facility_login));
  if (!actor) return fail(errors::internal(std::string("demo facility user missing: ") + a.facility_login));
  for (int i = 0; i < postings; ++i) {
    auto posting = demo_posting(rng, a, actor->user.organisations.at(0).name);
    vary_posting(extra, posting);
    KH_TRY(ctx.postings->create(*actor, posting));
  }
  const auto& facility = actor->user.organisations.at(0);
  const auto* municipality = ctx.catalogue.municipality(a.municipality) ? a.municipality : "";
  KH_TRY_VOID(ctx.accounts->set_organisation_address(facility.id, municipality, a.street));
  KH_TRY(ctx.beds->submit(*actor, demo_bed_report(rng)));
  return {};
}

// Coverage (SPEC.md "Roles"): the nurse centre brokers the nursing professions, the doctor bank doctors; the
// 健康福祉センター serves one 二次医療圏 (県西) while the city's 保健所 sees the whole prefecture.
Result<void> set_demo_scopes(Context& ctx) {
  auto secretariat = KH_TRY(ctx.accounts->act_as("jimukyoku"));
  if (!secretariat) return fail(errors::internal("demo secretariat missing"));
  struct Scope { const char* login; std::vector<std::string> categories, areas; };
  const Scope scopes[] = {{"coord-nurse-13", {"phn", "midwife", "nurse", "assoc_nurse"}, {}},
                          {"coord-doctor-13", {"doctor"}, {}},
                          {"agg-kensei-09", {}, {"0902"}}};
  for (const auto& s : scopes) {
    auto member = KH_TRY(ctx.accounts->act_as(s.login));
    if (!member) return fail(errors::internal(std::string("demo user missing: ") + s.login));
    accounts::OrganisationFields fields;
    if (!s.categories.empty()) fields.categories = s.categories;
    if (!s.areas.empty()) fields.areas = s.areas;
    KH_TRY(ctx.accounts->update_organisation(*secretariat, member->user.organisations.at(0).id, fields));
  }
  return {};
}

Result<void> load_help_content(Context& ctx) {
  namespace bj = boost::json;
  auto secretariat = KH_TRY(ctx.accounts->act_as("jimukyoku"));
  if (!secretariat) return {};
  // The FAQ the chat answers from (server/data/chat/faq.json): the articles, and the paraphrases it also indexes.
  auto faq = chat_retrieval::read_faq(chat::embedded_faq_json());
  if (!faq) return fail(errors::internal(faq.error()));
  for (const auto& f : *faq) {
    const auto saved = KH_TRY(ctx.helpdesk->save_faq(
        *secretariat, std::nullopt,
        bj::object{{"category", f.category}, {"question", f.question}, {"answer", f.answer}, {"published", true}}));
    KH_TRY_VOID(ctx.chat->set_phrases(std::string(saved.at("id").as_string()), f.paraphrases));
  }
  KH_TRY(ctx.helpdesk->publish_announcement(*secretariat, bj::object{
      {"title", "かけはしの運用を開始しました"},
      {"body", "医療人材の募集・求職・マッチングと、地域の病床状況の共有を一つのシステムで行えるようになりました。ご不明な点はFAQまたはお問合せからご連絡ください。"},
      {"audience", "all"}}));
  KH_TRY(ctx.helpdesk->publish_announcement(*secretariat, bj::object{
      {"title", "病床状況の報告のお願い（冬季の感染症流行期）"},
      {"body", "冬季の感染症流行期に入りました。病床の確保状況と受入可否について、変化があり次第ご報告をお願いします。"},
      {"audience", bj::array{"facility", "aggregator"}}}));
  return {};
}

}  // namespace

Result<int> load_demo_data(Context& ctx) {
  {
    auto lease = KH_TRY(ctx.pool->acquire());
    auto existing = KH_TRY((*lease).execute("SELECT 1 FROM users WHERE login = 'jimukyoku'"));
    if (!existing.rows.empty()) return 0;
  }
  int added = 0;
  for (const auto& u : users) {
    KH_TRY(ctx.accounts->add_user_with_password(u.login, demo_password, u.role, u.organisation, u.prefecture, u.email, u.name));
    ++added;
  }
  KH_TRY_VOID(set_demo_scopes(ctx));
  Deterministic rng, extra(0x73636f7265ULL);  // "score"
  for (const auto& a : addresses) KH_TRY_VOID(load_facility(ctx, rng, extra, a));
  const auto seekers = numbered_seekers(rng, 1, 3000);
  const auto ids = KH_TRY(ctx.accounts->add_seekers_bulk(seekers, demo_password));
  std::vector<std::pair<std::string, boost::json::object>> profiles;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    profiles.emplace_back(ids[i], demo_profile(rng, seekers[i].second));
    vary_profile(extra, ctx.catalogue, profiles.back().second);
  }
  // The demo seeker wants work as a nurse in Tokyo, so the search and matches have something to show.
  auto demo_seeker = KH_TRY(ctx.accounts->act_as("seeker@example.jp"));
  if (demo_seeker) {
    auto p = demo_profile(rng, "山田 花子");
    p["categories"] = boost::json::array{"nurse"};
    p["licences"] = boost::json::array{boost::json::object{{"category", "nurse"}, {"number", "1234567"}}};
    p["prefectures"] = boost::json::array{"13"};
    profiles.emplace_back(demo_seeker->user.id, std::move(p));
  }
  KH_TRY(ctx.seekers->save_many(profiles));
  KH_TRY_VOID(vary_activity(ctx, extra, ids));
  // Regional hospitals and 300 seekers who want work in those prefectures (seeker3001 … seeker3300).
  Deterministic regional(0x7469686f6b75ULL);  // "tihoku"
  for (const auto& a : regional_addresses) KH_TRY_VOID(load_facility(ctx, regional, extra, a, 20));
  const auto regional_seekers = numbered_seekers(regional, 3001, 3300);
  const auto regional_ids = KH_TRY(ctx.accounts->add_seekers_bulk(regional_seekers, demo_password));
  std::vector<std::pair<std::string, boost::json::object>> regional_profiles;
  for (std::size_t i = 0; i < regional_ids.size(); ++i) {
    auto p = demo_profile(regional, regional_seekers[i].second);
    p["prefectures"] = boost::json::array{boost::json::string(regional.pick(regional_prefectures))};
    vary_profile(extra, ctx.catalogue, p);
    regional_profiles.emplace_back(regional_ids[i], std::move(p));
  }
  KH_TRY(ctx.seekers->save_many(regional_profiles));
  KH_TRY_VOID(vary_activity(ctx, extra, regional_ids));
  KH_TRY_VOID(load_help_content(ctx));
  KH_TRY_VOID(load_career_demo(ctx));
  KH_TRY(workenv::load_demo_data(*ctx.workenv, *ctx.accounts, *ctx.pool));
  return added + static_cast<int>(ids.size() + regional_ids.size());
}

}  // namespace kh::app
