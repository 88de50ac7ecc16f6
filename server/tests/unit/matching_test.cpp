// The matching rules of SPEC.md, one hard condition at a time, and the score's reasons.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "matching/facts.h"
#include "matching/matching.h"
#include "matching/score.h"
#include "postings/postings.h"
#include "reference/reference.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace kh;
namespace bj = boost::json;

namespace {

class MatchingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto path = std::filesystem::path(::testing::TempDir()) / "kakehashi-matching-test.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    database = store::open_database("sqlite:" + path.string()).value().release();
    auto c = database->connect().value();
    ASSERT_TRUE(store::migrate(*c));
    ASSERT_TRUE(reference::ensure_shipped_data(*c));
    catalogue = new reference::Catalogue();
    ASSERT_TRUE(catalogue->load(*c));
  }
  void SetUp() override {
    engine = std::make_unique<matching::Engine>(*catalogue);
    engine->set_today(*matching::parse_days("2027-01-01"));
  }

  static postings::Posting posting(std::string id) {
    postings::Posting p;
    p.id = std::move(id);
    p.status = "published";
    p.category = "doctor";
    p.specialty = "消化器内科";
    p.employment = "fixed_term";
    p.start_date = "2027-02-01";
    p.period_months = 3;
    p.weekdays = {"mon", "tue"};
    p.night_duty = false;
    p.urgency = "regular";
    p.full_time = true;
    p.workplace.prefecture = "09";
    p.workplace.municipality = "092011";
    p.workplace.area = "0903";
    p.published_at_ms = 1000LL * 86400 * *matching::parse_days("2026-12-01");
    return p;
  }
  static bj::object seeker() {
    return bj::parse(R"({"categories":["doctor"],"specialties":["消化器内科"],"employment":["fixed_term","spot"],
      "available_from":"2027-01-20","period_months_max":6,"weekdays":["mon","wed"],"night_duty":false,
      "prefectures":["09"],"areas":[],"full_time":true,"career_support":"none"})").as_object();
  }
  bool matches(const postings::Posting& p, const bj::object& s) {
    engine->upsert_posting(p);
    engine->upsert_seeker("usr_s", s);
    const bool forward = engine->score_pair(p.id, "usr_s").has_value();
    const auto from_posting = engine->seekers_for_posting(p.id, 10);
    const auto from_seeker = engine->postings_for_seeker("usr_s", 10);
    // Both directions must agree with the pairwise rule.
    EXPECT_EQ(forward, from_posting.size() == 1);
    EXPECT_EQ(forward, from_seeker.size() == 1);
    return forward;
  }

  static inline store::Database* database = nullptr;
  static inline reference::Catalogue* catalogue = nullptr;
  std::unique_ptr<matching::Engine> engine;
};

}  // namespace

TEST_F(MatchingTest, ABaselinePairMatchesWithReasons) {
  ASSERT_TRUE(matches(posting("p1"), seeker()));
  auto scored = engine->score_pair("p1", "usr_s");
  ASSERT_TRUE(scored);
  EXPECT_GE(scored->score, 0);
  EXPECT_LE(scored->score, 100);
  const auto r = scored->reasons();
  ASSERT_FALSE(r.empty());
  EXPECT_LE(r.size(), 3u);
  EXPECT_EQ(r[0], "希望診療科が一致") << "the strongest part comes first";
  EXPECT_EQ(std::find(r.begin(), r.end(), "緊急募集"), r.end());
}

TEST_F(MatchingTest, ThePartsAddUpToAStatedScaleOfAHundred) {
  int max = 0;
  for (int x : matching::part_max) max += x;
  EXPECT_EQ(max, 1000) << "tenths of a point: the parts add up to 100";
  for (int i = 0; i < matching::n_parts; ++i) EXPECT_LE(matching::part_neutral[i], matching::part_max[i]);
}

TEST_F(MatchingTest, ExperienceAgainstTheRequirementMovesTheScoreBothWays) {
  auto p = posting("p1");
  p.requirements = "臨床経験５年以上（内視鏡の経験があれば尚可）";
  engine->upsert_posting(p);
  auto senior = seeker();
  senior["experience_years"] = 12;
  auto junior = seeker();
  junior["experience_years"] = 2;
  engine->upsert_seeker("usr_senior", senior);
  engine->upsert_seeker("usr_junior", junior);
  const auto a = engine->score_pair("p1", "usr_senior"), b = engine->score_pair("p1", "usr_junior");
  ASSERT_TRUE(a && b);
  EXPECT_GT(a->score, b->score + 10);
  const auto ra = a->reason_details(), rb = b->reason_details();
  EXPECT_TRUE(std::any_of(ra.begin(), ra.end(), [](const auto& x) { return x.text == "経験年数が条件を満たす（5年以上）" && x.positive; }));
  EXPECT_TRUE(std::any_of(rb.begin(), rb.end(), [](const auto& x) { return x.text == "経験年数が条件に3年不足" && !x.positive; }));
  const auto list = engine->seekers_for_posting("p1", 10);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "usr_senior");
}

TEST_F(MatchingTest, DistanceFromThePreferredAreasIsAnEstimatedRoadDistanceWithATravelTime) {
  // The posting is in 宇都宮市 (area 0903 宇都宮); one seeker wants that area, one an area of Tokyo, one of Hokkaido
  // (both with all of Tochigi as well, so that their areas do not exclude the posting).
  auto p = posting("p1");
  engine->upsert_posting(p);
  auto in_area = seeker(), north = seeker(), far = seeker();
  in_area["areas"] = bj::array{"0903"};
  north["areas"] = bj::array{"1301"};
  north["prefectures"] = bj::array{"09", "13"};
  far["areas"] = bj::array{"0101"};
  far["prefectures"] = bj::array{"09", "01"};
  engine->upsert_seeker("usr_in", in_area);
  engine->upsert_seeker("usr_tokyo", north);
  engine->upsert_seeker("usr_sapporo", far);
  const auto a = engine->score_pair("p1", "usr_in"), b = engine->score_pair("p1", "usr_tokyo"), c = engine->score_pair("p1", "usr_sapporo");
  ASSERT_TRUE(a && b && c);
  EXPECT_TRUE(a->fit.in_area);
  EXPECT_GT(a->fit.total, b->fit.total);
  EXPECT_GT(b->fit.total, c->fit.total);
  // Tokyo's 区中央部 to Utsunomiya is about 100 km in a straight line: about 130 km by road.
  EXPECT_GT(b->fit.road_km, 110);
  EXPECT_LT(b->fit.road_km, 160);
  const auto rb = b->reasons();
  EXPECT_TRUE(std::any_of(rb.begin(), rb.end(), [](const std::string& x) { return x.starts_with("希望地域から約") && x.find("（車で約") != std::string::npos; }))
      << (rb.empty() ? "" : rb[0]);
  // A masked posting's place is never used: the same seekers get a neutral distance part and no distance reason.
  p.masked = true;
  engine->upsert_posting(p);
  const auto m = engine->score_pair("p1", "usr_tokyo");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->fit.road_km, -1);
  EXPECT_EQ(m->fit.points[matching::parts::distance], matching::part_neutral[matching::parts::distance]);
  for (const auto& r : m->reasons()) EXPECT_EQ(r.find("km"), std::string::npos) << r;
}

TEST_F(MatchingTest, RecentActivityWeekdaysAndCareerSupportTellCandidatesApart) {
  auto p = posting("p1");
  p.duties = "指導医のもとで専門医取得を支援します";
  engine->upsert_posting(p);
  auto wants = seeker();
  wants["career_support"] = "specialist";
  wants["weekdays"] = bj::array{"mon", "tue"};
  auto other = seeker();  // covers one of the two days, no career wish, inactive for a year
  const auto today_ms = 86'400'000LL * *matching::parse_days("2027-01-01");
  engine->upsert_seeker("usr_a", wants, today_ms - 86'400'000LL * 2);
  engine->upsert_seeker("usr_b", other, today_ms - 86'400'000LL * 365);
  const auto a = engine->score_pair("p1", "usr_a"), b = engine->score_pair("p1", "usr_b");
  ASSERT_TRUE(a && b);
  EXPECT_GT(a->fit.total, b->fit.total);
  EXPECT_EQ(a->fit.days_covered, 2);
  EXPECT_EQ(b->fit.days_covered, 1);
  EXPECT_GT(a->fit.points[matching::parts::activity], b->fit.points[matching::parts::activity]);
  const auto ra = a->reasons();
  EXPECT_NE(std::find(ra.begin(), ra.end(), "専門医取得の支援あり"), ra.end());
}

TEST_F(MatchingTest, ManyVariedSeekersGetManyDistinctScoresAndTheOrderIsStable) {
  engine->upsert_posting(posting("p1"));
  std::uint64_t state = 7;
  auto below = [&](int n) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return static_cast<int>(state % n); };
  const char* specialties[] = {"消化器内科", "循環器内科", "外科", "小児科"};
  const char* areas[] = {"0901", "0902", "0903", "0904", "0905"};
  for (int i = 0; i < 300; ++i) {
    auto s = seeker();
    s["specialties"] = bj::array{specialties[below(4)]};
    s["experience_years"] = below(30);
    if (below(2)) s["areas"] = bj::array{areas[below(5)], "1301"};
    s["prefectures"] = bj::array{"09", "13"};
    s["weekdays"] = below(2) ? bj::array{"mon", "tue"} : bj::array{"mon", "wed", "fri"};
    s["available_from"] = "2027-01-" + std::to_string(10 + below(20));
    s["full_time"] = below(3) != 0;
    engine->upsert_seeker("usr_" + std::to_string(i), s, 86'400'000LL * (*matching::parse_days("2026-06-01") + below(200)));
  }
  const auto list = engine->seekers_for_posting("p1", SIZE_MAX);
  ASSERT_GT(list.size(), 100u);
  std::set<int> distinct;
  for (const auto& m : list) distinct.insert(m.score);
  EXPECT_GE(distinct.size(), 20u) << "the score must tell candidates apart";
  const auto again = engine->seekers_for_posting("p1", SIZE_MAX);
  ASSERT_EQ(again.size(), list.size());
  for (std::size_t i = 0; i < list.size(); ++i) EXPECT_EQ(again[i].id, list[i].id);
  for (std::size_t i = 1; i < list.size(); ++i) EXPECT_GE(list[i - 1].fit.total, list[i].fit.total);
}

TEST_F(MatchingTest, EachHardConditionExcludes) {
  auto p = posting("p1");
  auto s = seeker();
  { auto x = p; x.category = "nurse"; EXPECT_FALSE(matches(x, s)) << "category"; }
  { auto x = p; x.workplace.prefecture = "13"; x.workplace.area = "1301"; EXPECT_FALSE(matches(x, s)) << "prefecture"; }
  { auto x = p; x.employment = "permanent"; EXPECT_FALSE(matches(x, s)) << "employment"; }
  { auto x = p; x.start_date = "2027-01-10"; EXPECT_FALSE(matches(x, s)) << "starts before the seeker is available"; }
  { auto x = p; x.period_months = 12; EXPECT_FALSE(matches(x, s)) << "period longer than wanted"; }
  { auto x = p; x.weekdays = {"thu", "fri"}; EXPECT_FALSE(matches(x, s)) << "no common weekday"; }
  { auto x = p; x.night_duty = true; EXPECT_FALSE(matches(x, s)) << "night duty not acceptable"; }
  { auto y = s; y["areas"] = bj::array{"0901"}; EXPECT_FALSE(matches(p, y)) << "another area of the prefecture"; }
  { auto y = s; y["areas"] = bj::array{"0903"}; EXPECT_TRUE(matches(p, y)) << "the named area"; }
  { auto y = s; y["areas"] = bj::array{"1301"}; y["prefectures"] = bj::array{"09", "13"}; EXPECT_TRUE(matches(p, y)) << "areas of another prefecture do not narrow this one"; }
  { auto x = p; x.status = "paused"; EXPECT_FALSE(matches(x, s)) << "unpublished"; }
}

TEST_F(MatchingTest, SeekersWithoutSpecialtiesOrAreasAreDecidedFromTheListAlone) {
  // No specialties and no areas: the engine never reads the full facts, so every rule must hold on the lists.
  auto s = seeker();
  s["specialties"] = bj::array{};
  auto p = posting("p1");
  ASSERT_TRUE(matches(p, s));
  { auto x = p; x.period_months = 12; EXPECT_FALSE(matches(x, s)) << "period"; }
  { auto x = p; x.weekdays = {"sat"}; EXPECT_FALSE(matches(x, s)) << "weekdays"; }
  { auto x = p; x.night_duty = true; EXPECT_FALSE(matches(x, s)) << "night duty"; }
  { auto x = p; x.start_date = "2027-01-19"; EXPECT_FALSE(matches(x, s)) << "before available"; }
  { auto x = p; x.start_date = "2027-01-20"; EXPECT_TRUE(matches(x, s)) << "on the day available"; }
  { auto x = p; x.employment = "spot"; x.period_months = 1; EXPECT_TRUE(matches(x, s)) << "another accepted employment"; }
  { auto x = p; x.category = "nurse"; EXPECT_FALSE(matches(x, s)) << "category"; }
}

TEST_F(MatchingTest, BothStreamedListsAgreeWithThePairwiseRuleOnEveryPair) {
  // seekers_for_posting filters and scores from the 16-byte list entries without branches; score_pair reads the
  // full facts. Over many varied pairs both must find the same seekers with the same score and reasons.
  std::uint64_t state = 42;
  auto below = [&](int n) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return static_cast<int>(state % n); };
  const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  const char* careers[] = {"none", "specialist", "return", "change"};
  const char* employments[] = {"permanent", "fixed_term", "spot"};
  for (int i = 0; i < 400; ++i) {
    auto s = seeker();
    s["specialties"] = bj::array{};
    if (i % 5 == 0) s["specialties"] = bj::array{"消化器内科"};  // some take the full-facts path
    bj::array weekdays, employment;
    for (const char* d : days) if (below(3) == 0) weekdays.push_back(bj::string(d));
    for (const char* e : employments) if (below(2) == 0) employment.push_back(bj::string(e));
    if (employment.empty()) employment.push_back("fixed_term");
    s["weekdays"] = std::move(weekdays);
    s["employment"] = std::move(employment);
    // January to March, around the postings' February starts, so the start-date cut is exercised both ways.
    s["available_from"] = below(6) == 0 ? bj::value(nullptr)
                                        : bj::value("2027-0" + std::to_string(1 + below(3)) + "-" + std::to_string(10 + below(19)));
    s["period_months_max"] = below(3) == 0 ? bj::value(nullptr) : bj::value(below(8));
    s["night_duty"] = below(2) == 0;
    s["full_time"] = below(2) == 0;
    s["career_support"] = careers[below(4)];
    engine->upsert_seeker("usr_" + std::to_string(i), s);
  }
  std::size_t pairs_matched = 0;
  for (int j = 0; j < 40; ++j) {
    auto p = posting("p" + std::to_string(j));
    p.employment = employments[1 + below(2)];
    p.start_date = "2027-02-" + std::to_string(10 + below(19));
    p.period_months = below(3) == 0 ? 1 + below(9) : 3;
    p.weekdays.clear();
    for (const char* d : days) if (below(4) == 0) p.weekdays.push_back(d);
    p.night_duty = below(3) == 0;
    p.full_time = below(2) == 0;
    p.urgency = below(2) == 0 ? "immediate" : "regular";
    p.published_at_ms = 1000LL * 86400 * (*matching::parse_days("2026-12-20") + below(14));
    p.duties = below(2) == 0 ? "指導医のもとで専門医取得を支援" : below(2) == 0 ? "ブランク可・復職支援" : "転科歓迎";
    engine->upsert_posting(p);
    std::map<std::string, matching::Scored> streamed;
    for (auto& m : engine->seekers_for_posting(p.id, SIZE_MAX)) streamed.emplace(m.id, m);
    for (int i = 0; i < 400; ++i) {
      const auto id = "usr_" + std::to_string(i);
      const auto pair = engine->score_pair(p.id, id);
      const auto it = streamed.find(id);
      ASSERT_EQ(pair.has_value(), it != streamed.end()) << p.id << " " << id;
      if (!pair) continue;
      ++pairs_matched;
      EXPECT_EQ(pair->score, it->second.score) << p.id << " " << id;
      EXPECT_EQ(pair->fit.total, it->second.fit.total) << p.id << " " << id;
      EXPECT_EQ(pair->reasons(), it->second.reasons()) << p.id << " " << id;
    }
  }
  EXPECT_GT(pairs_matched, 200u) << "the generated pairs must exercise matches, not only exclusions";
  // And from the seekers' side, through the posting lists.
  for (int i = 0; i < 400; ++i) {
    const auto id = "usr_" + std::to_string(i);
    std::map<std::string, matching::Scored> streamed;
    for (auto& m : engine->postings_for_seeker(id, SIZE_MAX)) streamed.emplace(m.id, m);
    for (int j = 0; j < 40; ++j) {
      const auto pid = "p" + std::to_string(j);
      const auto pair = engine->score_pair(pid, id);
      const auto it = streamed.find(pid);
      ASSERT_EQ(pair.has_value(), it != streamed.end()) << pid << " " << id;
      if (pair) {
        EXPECT_EQ(pair->score, it->second.score) << pid << " " << id;
        EXPECT_EQ(pair->fit.total, it->second.fit.total) << pid << " " << id;
        EXPECT_EQ(pair->reasons(), it->second.reasons()) << pid << " " << id;
      }
    }
  }
}

TEST_F(MatchingTest, TheCandidateLoopsTablesGiveEvaluatesTotalForEveryEntryValue) {
  // The candidate loop scores a seeker naming neither specialties nor areas from per-posting tables
  // (EntryTables); that must be evaluate() exactly, for every value a list entry can hold, on postings that
  // differ in every part the tables read.
  matching::Vocabulary v{*catalogue, {}, {}, {}};
  const int today = *matching::parse_days("2027-01-01");
  std::uint64_t state = 99;
  auto below = [&](int n) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return static_cast<int>(state % n); };
  std::size_t checked = 0;
  for (int j = 0; j < 24; ++j) {
    auto post = posting("t" + std::to_string(j));
    if (j % 2) post.specialty.reset();
    if (j % 3 == 0) post.requirements = "臨床経験" + std::to_string(1 + j % 10) + "年以上";
    if (j % 4 == 1) post.masked = true;  // no position: a neutral distance
    if (j % 5 == 2) post.workplace.municipality.clear();
    post.urgency = j % 2 ? "immediate" : "regular";
    post.night_duty = j % 3 == 1;
    post.full_time = j % 4 < 2;
    post.duties = j % 3 == 0 ? "指導医のもとで専門医取得を支援" : j % 3 == 1 ? "ブランク可・復職支援" : "転科歓迎";
    post.weekdays.clear();
    const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int d = 0; d < 7; ++d) if ((j * 37 >> d) & 1) post.weekdays.push_back(days[d]);
    post.published_at_ms = 1000LL * 86400 * (today - j % 12);
    const auto p = matching::compile_posting(post, v);
    const matching::PostingScore ps(p, today);
    const matching::EntryTables tables(p, ps);
    auto check = [&](std::int32_t available, std::uint16_t active, int years, int wd, int career, bool full_time) {
      const matching::SeekerView s{available, active, static_cast<std::int8_t>(years), static_cast<std::uint8_t>(wd),
                                   static_cast<std::uint8_t>(career), false, full_time, nullptr};
      ASSERT_EQ(tables.total(available, active, static_cast<std::int8_t>(years), static_cast<std::uint8_t>(wd),
                             static_cast<std::uint8_t>(career), full_time),
                matching::evaluate<false>(p, ps, s, v, nullptr))
          << post.id << " available " << available << " active " << active << " years " << years << " days " << wd
          << " career " << career << " full " << full_time;
      ++checked;
    };
    // Each field over every value it can hold, the others random; then random combinations.
    const auto any_available = [&] { return below(8) == 0 ? INT_MIN : p.start_day - below(400) + 20; };
    const auto any_active = [&] { return static_cast<std::uint16_t>(below(8) == 0 ? 0 : today - below(500) + 10); };
    for (int y = -128; y < 128; ++y) check(any_available(), any_active(), y, below(128), below(4), below(2));
    for (int d = 0; d < 128; ++d) check(any_available(), any_active(), below(40) - 1, d, below(4), below(2));
    for (int c = 0; c < 8; ++c) check(any_available(), any_active(), below(40) - 1, below(128), c & 3, c >> 2);
    for (int g = -30; g < 400; ++g) check(p.start_day - g, any_active(), below(40) - 1, below(128), below(4), below(2));
    check(INT_MIN, any_active(), 5, 3, 0, true);
    for (int a = -20; a < 400; ++a) check(any_available(), static_cast<std::uint16_t>(today - a), below(40) - 1, below(128), below(4), below(2));
    check(any_available(), 0, 5, 3, 0, true);
    for (int i = 0; i < 2000; ++i) check(any_available(), any_active(), below(60) - 1, below(128), below(4), below(2));
  }
  EXPECT_GT(checked, 50'000u);
}

TEST_F(MatchingTest, TheNotifiersVisitGivesTheScoreOfScorePair) {
  // visit_seekers_for_posting (what the notifier and the benchmark's 「new posting」 time) scores in the candidate
  // loop; score_pair works every part out from the full facts. Every pair must get the same score from both.
  std::uint64_t state = 5;
  auto below = [&](int n) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return static_cast<int>(state % n); };
  const auto today_ms = 86'400'000LL * *matching::parse_days("2027-01-01");
  for (int i = 0; i < 300; ++i) {
    auto s = seeker();
    s["specialties"] = i % 4 == 0 ? bj::array{"循環器内科"} : bj::array{};
    if (i % 7 == 0) s["areas"] = bj::array{"0903"};
    if (below(5)) s["experience_years"] = below(30);
    s["available_from"] = below(6) == 0 ? bj::value(nullptr) : bj::value("2026-" + std::to_string(10 + below(3)) + "-1" + std::to_string(below(9)));
    s["weekdays"] = below(2) ? bj::array{"mon", "tue"} : below(2) ? bj::array{"tue", "sat"} : bj::array{};
    s["full_time"] = below(2) == 0;
    s["career_support"] = below(2) ? "specialist" : "none";
    engine->upsert_seeker("usr_" + std::to_string(i), s, below(5) == 0 ? 0 : today_ms - 86'400'000LL * below(300));
  }
  std::size_t pairs = 0;
  for (int j = 0; j < 6; ++j) {
    auto p = posting("p" + std::to_string(j));
    if (j % 2) p.specialty.reset();
    if (j % 3 == 0) p.requirements = "経験5年以上";
    p.masked = j == 4;
    p.urgency = j % 2 ? "immediate" : "regular";
    p.duties = "指導医のもとで専門医取得を支援";
    engine->upsert_posting(p);
    engine->visit_seekers_for_posting(p.id, [&](const std::string& id, int score) {
      const auto pair = engine->score_pair(p.id, id);
      ASSERT_TRUE(pair) << p.id << " " << id;
      EXPECT_EQ(score, pair->score) << p.id << " " << id;
      ++pairs;
    });
  }
  EXPECT_GT(pairs, 1000u);
}

TEST_F(MatchingTest, PinnedPairsKeepTheirScoresAndReasons) {
  // A few pairs with their exact totals (tenths) and reasons: a faster engine must not change what anyone reads.
  auto p = posting("p1");
  p.requirements = "臨床経験5年以上";
  p.duties = "指導医のもとで専門医取得を支援します";
  p.urgency = "immediate";
  engine->upsert_posting(p);
  const auto today_ms = 86'400'000LL * *matching::parse_days("2027-01-01");
  auto a = seeker();
  a["experience_years"] = 8;
  a["career_support"] = "specialist";
  a["weekdays"] = bj::array{"mon", "tue"};
  auto b = seeker();
  b["specialties"] = bj::array{};
  b["experience_years"] = 3;
  b["full_time"] = false;
  auto c = seeker();
  c["specialties"] = bj::array{"循環器内科"};
  c["areas"] = bj::array{"1301"};
  c["prefectures"] = bj::array{"09", "13"};
  c["available_from"] = nullptr;
  engine->upsert_seeker("usr_a", a, today_ms - 86'400'000LL * 3);
  engine->upsert_seeker("usr_b", b, today_ms - 86'400'000LL * 120);
  engine->upsert_seeker("usr_c", c);
  std::map<std::string, int> visited;
  engine->visit_seekers_for_posting("p1", [&](const std::string& id, int score) { visited[id] = score; });
  const auto list = engine->seekers_for_posting("p1", SIZE_MAX);
  ASSERT_EQ(list.size(), 3u);
  std::map<std::string, const matching::Scored*> by_id;
  for (const auto& m : list) by_id[m.id] = &m;
  for (const auto& [id, m] : by_id) EXPECT_EQ(visited[id], m->score) << id;
  EXPECT_EQ(list[0].id, "usr_a");
  EXPECT_EQ(by_id["usr_a"]->fit.total, 922);
  EXPECT_EQ(by_id["usr_b"]->fit.total, 540);
  EXPECT_EQ(by_id["usr_c"]->fit.total, 578);
  EXPECT_EQ(by_id["usr_a"]->reasons(), (std::vector<std::string>{"希望診療科が一致", "経験年数が条件を満たす（5年以上）", "専門医取得の支援あり"}));
  EXPECT_EQ(by_id["usr_b"]->reasons(), (std::vector<std::string>{"経験年数が条件に2年不足", "常勤・非常勤の希望と異なる", "勤務曜日2日のうち希望と合うのは1日"}));
  EXPECT_EQ(by_id["usr_c"]->reasons(), (std::vector<std::string>{"希望地域から約125km（車で約3時間）", "診療科の領域が一致", "経験年数の記載なし"}));
}

TEST_F(MatchingTest, AMaskedPostingsAreaIsNeverUsed) {
  auto p = posting("p1");
  p.masked = true;
  auto s = seeker();
  s["areas"] = bj::array{"0901"};  // another area: for a masked posting the area is unknown to matching
  ASSERT_TRUE(matches(p, s));
  s["areas"] = bj::array{"0903"};
  auto scored = engine->score_pair("p1", "usr_s");
  ASSERT_TRUE(scored);
  for (const auto& reason : scored->reasons()) EXPECT_NE(reason, "希望の二次医療圏");
}

TEST_F(MatchingTest, ScoresOrderBySpecialtyThenUrgency) {
  auto exact = posting("exact");
  auto same_area = posting("basic");
  same_area.specialty = "循環器内科";
  auto urgent = posting("urgent");
  urgent.specialty = "循環器内科";
  urgent.urgency = "immediate";
  for (const auto& p : {exact, same_area, urgent}) engine->upsert_posting(p);
  engine->upsert_seeker("usr_s", seeker());
  const auto list = engine->postings_for_seeker("usr_s", 10);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, "exact");
  EXPECT_EQ(list[1].id, "urgent");
  EXPECT_EQ(list[2].id, "basic");
  const auto reasons = list[2].reasons();
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "診療科の領域が一致"), reasons.end());
}

TEST_F(MatchingTest, UpdatesAndRemovalsAreReflected) {
  engine->upsert_posting(posting("p1"));
  engine->upsert_seeker("usr_s", seeker());
  ASSERT_EQ(engine->seekers_for_posting("p1", 10).size(), 1u);
  auto moved = seeker();
  moved["prefectures"] = bj::array{"13"};
  engine->upsert_seeker("usr_s", moved);
  EXPECT_TRUE(engine->seekers_for_posting("p1", 10).empty()) << "the old prefecture bit is cleared";
  engine->upsert_seeker("usr_s", seeker());
  engine->remove_posting("p1");
  EXPECT_TRUE(engine->postings_for_seeker("usr_s", 10).empty());
  engine->remove_seeker("usr_s");
  EXPECT_EQ(engine->stats().seekers, 0u);
}

TEST(ParseDays, CountsFromTheEpoch) {
  EXPECT_EQ(matching::parse_days("1970-01-01"), 0);
  EXPECT_EQ(matching::parse_days("2000-03-01"), 11017);
  EXPECT_FALSE(matching::parse_days("2000/03/01"));
}
