// The chat's retrieval engine (issue 16): normalisation, synonyms, MeCab words, bigrams, BM25 on a small corpus with
// hand-checked order, the answer/choices/rephrase decision, the shipped FAQ answering plain questions, and
// properties over random input (never crashes, scores stay in [0, 1], best first).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "chat_retrieval/chat_retrieval.h"
#include "chat_retrieval/faq_data.h"

using namespace kh::chat_retrieval;

namespace {
const Analyzer& analyzer() {
  static const Analyzer a = [] {
    auto opened = Analyzer::open();
    if (!opened) throw std::runtime_error(opened.error());
    return std::move(*opened);
  }();
  return a;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

TEST(ChatRetrieval, NormalizeFoldsWidthAndCaseButKeepsKatakana) {
  EXPECT_EQ(normalize("ＩＤ１２？"), "id12?");
  EXPECT_EQ(normalize("ﾊﾟｽﾜｰﾄﾞ"), "パスワード");
}

TEST(ChatRetrieval, BigramsSkipPunctuationSpacesAndGrammar) {
  // Katakana folded to hiragana after cutting; two hiragana in a row (grammar) dropped; a lone character kept.
  EXPECT_EQ(character_bigrams("パスワ、え"), (std::vector<std::string>{"ぱす", "すわ", "え"}));
  EXPECT_EQ(character_bigrams("当直します"), (std::vector<std::string>{"当直", "直し"}));
  EXPECT_EQ(character_bigrams(" ？ "), std::vector<std::string>{});
  EXPECT_EQ(character_bigrams("ab"), std::vector<std::string>{"ab"});
}

TEST(ChatRetrieval, SynonymsRewriteLongestVariantFirst) {
  const SynonymRewriter r(Synonyms{{{"産休", "産前産後休業", "休業"}, {"当直", "夜勤"}}});
  EXPECT_EQ(r.rewrite(normalize("産前産後休業のあと夜勤")), "産休のあと当直");
  EXPECT_EQ(r.rewrite(normalize("休業中")), "産休中");
  EXPECT_EQ(r.variants(), 3u);
}

TEST(ChatRetrieval, WordsAreContentWordsWithNounCompounds) {
  const auto a = analyzer().analyze("来月から3か月、栃木で消化器内科、当直は不安", SynonymRewriter());
  EXPECT_TRUE(has(a.words, "栃木"));
  EXPECT_TRUE(has(a.words, "消化器内科"));  // the compound of 消化 + 器 + 内科
  EXPECT_TRUE(has(a.words, "当直"));
  EXPECT_TRUE(has(a.words, "不安"));
  EXPECT_FALSE(has(a.words, "から"));
  EXPECT_FALSE(has(a.words, "は"));
  // Verbs by their dictionary form; katakana folded to hiragana like the FAQ search does.
  const auto b = analyzer().analyze("パスワードを忘れました", SynonymRewriter());
  EXPECT_TRUE(has(b.words, "忘れる"));
  EXPECT_TRUE(has(b.words, "ぱすわーど"));
  EXPECT_TRUE(has(b.bigrams, "ぱす"));
}

TEST(ChatRetrieval, MorphemesCarryPartsOfSpeech) {
  const auto ms = analyzer().morphemes("栃木で働きたい");
  ASSERT_FALSE(ms.empty());
  EXPECT_EQ(ms[0].surface, "栃木");
  EXPECT_EQ(ms[0].pos, "名詞");
  EXPECT_EQ(ms[0].pos1, "固有名詞");
  EXPECT_EQ(ms[0].pos2, "地域");
}

TEST(ChatRetrieval, Bm25RanksTheMatchingEntryFirstAndUnknownWordsLowerTheScore) {
  const SynonymRewriter none;
  std::vector<Passage> ps = {
      {0, analyzer().analyze("パスワードを忘れました", none)},
      {1, analyzer().analyze("病床の報告はいつしますか", none)},
      {2, analyzer().analyze("研修は必要ですか", none)},
  };
  const auto index = Index::build(ps, 3);
  const auto hits = index.search(analyzer().analyze("パスワードを忘れた", none), Channel::fused);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry, 0);
  EXPECT_GT(hits[0].score, 0.5);
  const auto diluted = index.search(analyzer().analyze("パスワードを忘れた猫と犬とラーメン", none), Channel::fused);
  ASSERT_FALSE(diluted.empty());
  EXPECT_EQ(diluted[0].entry, 0);
  EXPECT_LT(diluted[0].score, hits[0].score);
  EXPECT_TRUE(index.search(analyzer().analyze("天気", none), Channel::words).empty());
  // Words only and bigrams only rank on their own evidence.
  EXPECT_EQ(index.search(analyzer().analyze("病床", none), Channel::words).at(0).entry, 1);
  EXPECT_EQ(index.search(analyzer().analyze("研修", none), Channel::bigrams).at(0).entry, 2);
}

TEST(ChatRetrieval, DecisionNeedsThresholdAndMargin) {
  const Thresholds t{.answer = 0.5, .margin = 0.1, .choices = 0.2, .choice = 0.1};
  const std::vector<Hit> clear = {{.entry = 4, .score = 0.8}, {.entry = 1, .score = 0.3}};
  EXPECT_EQ(decide(clear, t).outcome, Outcome::answer);
  EXPECT_EQ(decide(clear, t).candidates.at(0).entry, 4);
  const std::vector<Hit> close = {{.entry = 4, .score = 0.8}, {.entry = 1, .score = 0.75}, {.entry = 2, .score = 0.3},
                                  {.entry = 3, .score = 0.25}};
  const auto c = decide(close, t);
  EXPECT_EQ(c.outcome, Outcome::choices);
  ASSERT_EQ(c.candidates.size(), 3u);
  EXPECT_EQ(c.candidates[2].entry, 2);
  const std::vector<Hit> low = {{.entry = 4, .score = 0.45}, {.entry = 1, .score = 0.05}};
  EXPECT_EQ(decide(low, t).outcome, Outcome::choices);
  EXPECT_EQ(decide(low, t).candidates.size(), 1u);  // the second is below `choice`
  const std::vector<Hit> none = {{.entry = 4, .score = 0.15}};
  EXPECT_EQ(decide(none, t).outcome, Outcome::rephrase);
  EXPECT_EQ(decide(std::vector<Hit>{}, t).outcome, Outcome::rephrase);
}

TEST(ChatRetrieval, DataFilesAreReadAndRefused) {
  EXPECT_FALSE(read_faq("{}").has_value());
  EXPECT_FALSE(read_faq(R"([{"key":"a","category":"c","question":"q"}])").has_value());
  EXPECT_FALSE(read_faq(R"([{"key":"a","category":"c","question":"q","answer":"x"},
                            {"key":"a","category":"c","question":"q","answer":"x"}])").has_value());
  const auto s = read_synonyms(R"([["当直","夜勤"],["単独"]])");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->groups.size(), 1u);
}

class ShippedFaq : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    faq = new std::vector<FaqItem>(read_faq(slurp(std::string(KH_SOURCE_DIR) + "/server/data/chat/faq.json")).value());
    const auto syn = read_synonyms(slurp(std::string(KH_SOURCE_DIR) + "/server/data/chat/synonyms.json")).value();
    std::vector<Entry> entries;
    for (const auto& f : *faq) {
      Entry e{f.key, {f.question}, f.answer};
      e.questions.insert(e.questions.end(), f.paraphrases.begin(), f.paraphrases.end());
      entries.push_back(std::move(e));
    }
    retriever = new Retriever(analyzer(), syn, std::move(entries));
  }
  static std::string answer_key(std::string_view q) {
    const auto d = retriever->ask(q);
    return d.outcome == Outcome::answer ? retriever->entry(d.candidates[0].entry).id : std::string("-");
  }
  static inline std::vector<FaqItem>* faq = nullptr;
  static inline Retriever* retriever = nullptr;
};

TEST_F(ShippedFaq, HasAtLeastFortyEntriesEachWithParaphrases) {
  EXPECT_GE(faq->size(), 40u);
  for (const auto& f : *faq) EXPECT_GE(f.paraphrases.size(), 4u) << f.key;
}

TEST_F(ShippedFaq, AnswersPlainQuestionsAndRefusesNonsense) {
  EXPECT_EQ(answer_key("パスワードを忘れてしまいました"), "password_forgot");
  EXPECT_EQ(answer_key("夜勤が不安です"), "night_duty");  // 夜勤 is a synonym of 当直
  EXPECT_EQ(answer_key("利用料金はかかりますか"), "fees");
  EXPECT_EQ(retriever->ask("今日の天気はどうですか").outcome, Outcome::rephrase);
}

TEST_F(ShippedFaq, RandomInputNeverBreaksTheRanking) {
  std::mt19937 rng(16);
  const std::vector<std::string> pieces = {"パスワード", "応募", "、", "？", "ａ", "\xE3\x81", "\xFF", " ", "当直",
                                           "研修", "🙂", "病床", "CSV", "の", "を", "ID", "\t"};
  for (int i = 0; i < 300; ++i) {
    std::string q;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) q += pieces[rng() % pieces.size()];
    const auto hits = retriever->search(q, Channel::fused, 10);
    for (std::size_t h = 0; h < hits.size(); ++h) {
      EXPECT_GT(hits[h].score, 0.0);
      EXPECT_LE(hits[h].score, 1.0);
      if (h) {
        EXPECT_GE(hits[h - 1].score, hits[h].score);
      }
    }
    EXPECT_LE(retriever->ask(q).candidates.size(), 3u);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Slot filling for a seeker's wishes.

#include "chat_retrieval/slots.h"

namespace {
SlotDictionaries dictionaries() {
  SlotDictionaries d;
  d.prefectures = {{"栃木県", "09"}, {"栃木", "09"}, {"東京都", "13"}, {"東京", "13"}, {"京都府", "26"}, {"京都", "26"}};
  d.specialties = {"内科", "消化器内科", "循環器内科", "外科"};
  d.categories = {{"医師", "doctor"}, {"看護師", "nurse"}, {"准看護師", "assoc_nurse"}};
  return d;
}
}  // namespace

TEST(ChatSlots, TheIssuesSentenceFillsFourSlots) {
  const auto w = read_wishes(analyzer(), "来月から3か月、栃木で消化器内科、当直は不安", dictionaries(), {2026, 12, 3});
  EXPECT_EQ(w.start_date, "2027-01-01");
  EXPECT_EQ(w.period_months, 3);
  EXPECT_EQ(w.employment, "fixed_term");  // a period means a fixed term
  EXPECT_EQ(w.prefectures, (std::vector<std::string>{"09"}));
  EXPECT_EQ(w.specialties, (std::vector<std::string>{"消化器内科"}));  // not 内科 as well
  EXPECT_EQ(w.night_duty, false);
  EXPECT_FALSE(w.weekdays.has_value());
  EXPECT_FALSE(w.career_support.has_value());
}

TEST(ChatSlots, DatesWeekdaysAndAnswersToTheQuestionAsked) {
  const Date today{2026, 12, 3};
  EXPECT_EQ(read_wishes(analyzer(), "4月から", dictionaries(), today).start_date, "2027-04-01");
  EXPECT_EQ(read_wishes(analyzer(), "2027年2月15日から", dictionaries(), today).start_date, "2027-02-15");
  EXPECT_EQ(read_wishes(analyzer(), "12月20日", dictionaries(), today).start_date, "2026-12-20");
  EXPECT_FALSE(read_wishes(analyzer(), "2月30日", dictionaries(), today).start_date.has_value());
  EXPECT_EQ(read_wishes(analyzer(), "平日と土曜", dictionaries(), today).weekdays,
            (std::vector<std::string>{"mon", "tue", "wed", "thu", "fri", "sat"}));
  EXPECT_EQ(read_wishes(analyzer(), "東京都で常勤", dictionaries(), today).prefectures, (std::vector<std::string>{"13"}));
  EXPECT_EQ(read_wishes(analyzer(), "東京都で常勤", dictionaries(), today).employment, "permanent");
  EXPECT_EQ(read_wishes(analyzer(), "はい", dictionaries(), today, "night_duty").night_duty, true);
  EXPECT_FALSE(read_wishes(analyzer(), "はい", dictionaries(), today).night_duty.has_value());
  EXPECT_EQ(read_wishes(analyzer(), "特になし", dictionaries(), today, "specialties").specialties, std::vector<std::string>{});
  EXPECT_EQ(read_wishes(analyzer(), "専門医を取りたい", dictionaries(), today).career_support, "specialist");
  EXPECT_EQ(read_wishes(analyzer(), "看護師です", dictionaries(), today).categories, (std::vector<std::string>{"nurse"}));
  EXPECT_EQ(read_wishes(analyzer(), "准看護師です", dictionaries(), today).categories, (std::vector<std::string>{"assoc_nurse"}));
  Wishes a = read_wishes(analyzer(), "栃木で3か月", dictionaries(), today);
  a.merge(read_wishes(analyzer(), "やっぱり6か月", dictionaries(), today));
  EXPECT_EQ(a.period_months, 6);
  EXPECT_EQ(a.prefectures, (std::vector<std::string>{"09"}));
}
