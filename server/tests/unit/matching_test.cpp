// The matching rules of SPEC.md, one hard condition at a time, and the score's reasons.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>

#include "matching/matching.h"
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
  const auto r = scored->reasons();
  EXPECT_NE(std::find(r.begin(), r.end(), "希望診療科が一致"), r.end());
  EXPECT_NE(std::find(r.begin(), r.end(), "勤務開始日が希望に近い"), r.end());
  EXPECT_NE(std::find(r.begin(), r.end(), "勤務形態が希望どおり"), r.end());
  EXPECT_EQ(std::find(r.begin(), r.end(), "緊急募集"), r.end());
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
