// The matching rules of SPEC.md, one hard condition at a time, and the score's reasons.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <map>

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

TEST_F(MatchingTest, BothStreamedListsAgreeWithThePairwiseRuleOnEveryPair) {
  // seekers_for_posting filters and scores from the 12-byte list entries without branches; score_pair reads the
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
      EXPECT_EQ(pair->reason_bits, it->second.reason_bits) << p.id << " " << id;
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
        EXPECT_EQ(pair->reason_bits, it->second.reason_bits) << pid << " " << id;
      }
    }
  }
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
