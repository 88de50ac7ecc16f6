#pragma once
//! The chat's retrieval engine (issue 16, 自動応答チャット): Japanese text analysis (MeCab with the IPA dictionary for
//! words, ICU NFKC and kana folding, character bigrams), editable synonyms, BM25 on words and on bigrams fused into
//! one normalised score, and the decision between answering, offering choices and asking to rephrase. Pure
//! computation: no database, no HTTP, no files except MeCab's dictionary. README.md in this folder has the
//! definitions and the measured figures; server/bench/chat_bench.cpp measures them.
#include <cstdint>
#include <expected>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kh::chat_retrieval {

//! One morpheme as MeCab's IPA dictionary describes it (NFKC text, kana not folded).
struct Morpheme {
  std::string surface;  //!< as written in the text
  std::string base;     //!< dictionary form (食べ → 食べる); the surface when the dictionary has none
  std::string pos;      //!< part of speech: 名詞, 動詞, 助詞 ...
  std::string pos1;     //!< its first subdivision: 固有名詞, 数, 非自立 ...
  std::string pos2;     //!< its second subdivision: 地域, 助数詞 ...
};

//! What retrieval compares: content words (base forms, noun compounds added) and character bigrams, both folded.
struct Analysis {
  std::vector<std::string> words;
  std::vector<std::string> bigrams;
};

//! Groups of terms that mean the same to a reader (当直 / 夜勤 / 宿直). Every variant is rewritten to the group's
//! first term before analysis, in the FAQ and in the question alike, so either channel sees one term.
struct Synonyms {
  std::vector<std::vector<std::string>> groups;
};

//! The text form everything is compared in before the kana folding: NFKC with case folding (ａＢ１ → ab1,
//! ？ → ?), katakana kept so MeCab reads it as written.
std::string normalize(std::string_view text);

//! Synonym groups compiled for rewriting: longest variant first, so 産前産後休業 wins over 休業.
class SynonymRewriter {
 public:
  SynonymRewriter() = default;
  explicit SynonymRewriter(const Synonyms& synonyms);
  //! The normalised text with every variant replaced by its group's first term.
  std::string rewrite(std::string_view normalized) const;
  std::size_t variants() const { return variants_.size(); }

 private:
  struct Variant { std::string from; std::string to; };
  std::vector<Variant> variants_;
};

//! MeCab with the IPA dictionary. One model shared by every thread; each call takes its own lattice, so analyze()
//! and morphemes() may run concurrently.
class Analyzer {
 public:
  //! Opens MeCab with the dictionary in `dicdir`, or with /var/lib/mecab/dic/ipadic-utf8 when empty (the Debian
  //! package mecab-ipadic-utf8); the error names what failed.
  static std::expected<Analyzer, std::string> open(std::string_view dicdir = {});
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  ~Analyzer();

  //! The morphemes of a text (normalised first). Never fails: text MeCab cannot read gives fewer morphemes.
  std::vector<Morpheme> morphemes(std::string_view text) const;
  //! Words and bigrams of a text after normalisation and synonym rewriting.
  Analysis analyze(std::string_view text, const SynonymRewriter& synonyms) const;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

//! Character bigrams of normalised text, folded (katakana → hiragana) after they are cut: punctuation and spaces
//! break the text, a bigram of two hiragana (the grammar: です, ます, して) is dropped, and a segment of one
//! character gives that character.
std::vector<std::string> character_bigrams(std::string_view normalized);

//! Which evidence a search uses: words only, bigrams only, or both fused (the chat's default).
enum class Channel : std::uint8_t { words, bigrams, fused };

//! A passage is one text of an FAQ entry (its question or one paraphrase), already analysed.
struct Passage {
  std::int32_t entry = 0;
  Analysis analysis;
  float weight = 1.0f;  //!< the passage's share of its entry's score (an answer counts less than a question)
};

//! One FAQ entry in the ranking. Scores are normalised per channel by what the question could at most earn
//! (the sum of its terms' IDF), so 1.0 is "every term of the question matched" and a question of unknown words
//! stays near 0. `score` is the one for the channel searched.
struct Hit {
  std::int32_t entry = 0;
  double score = 0;
  double words = 0;
  double bigrams = 0;
};

struct Bm25 {
  double k1 = 1.2;
  double b = 0.75;
  double word_weight = 0.5;    //!< the fused score is word_weight × words + (1 − word_weight) × bigrams
  double answer_weight = 0.7;  //!< an answer passage's score counts this much of a question's
};

//! BM25 over passages, one inverted index per channel; an entry scores the best of its passages.
class Index {
 public:
  static Index build(std::span<const Passage> passages, std::int32_t entries, Bm25 parameters = {});
  //! Entries with a score above zero, best first (ties by entry index), at most `limit`.
  std::vector<Hit> search(const Analysis& question, Channel channel, std::size_t limit = 10) const;
  std::int32_t entries() const { return entries_; }
  std::size_t passages() const { return passage_entry_.size(); }

 private:
  struct Channel1 {
    std::vector<std::string> terms;                         //!< sorted, for lookup by binary search
    std::vector<std::uint32_t> posting_start;               //!< size terms+1
    std::vector<std::pair<std::uint32_t, float>> postings;  //!< (passage, tf)
    std::vector<float> length;                              //!< per passage
    double average_length = 1;
    std::int32_t term_id(std::string_view t) const;
  };
  static Channel1 build_channel(std::span<const Passage> passages, bool words);
  //! Normalised BM25 of every entry on one channel (size entries_).
  void score_channel(const Channel1& c, const std::vector<std::string>& question, std::vector<double>& out) const;

  Channel1 words_;
  Channel1 bigrams_;
  std::vector<std::int32_t> passage_entry_;
  std::vector<float> passage_weight_;
  std::int32_t entries_ = 0;
  Bm25 parameters_;
};

//! When the chat answers: the best entry at or above `answer` and at least `margin` above the second; offers the
//! top three (those at or above `choice`) when the best is at or above `choices`; otherwise asks to rephrase.
struct Thresholds {
  double answer = 0.5;
  double margin = 0.1;
  double choices = 0.2;
  double choice = 0.12;
};

enum class Outcome : std::uint8_t { answer, choices, rephrase };

struct Decision {
  Outcome outcome = Outcome::rephrase;
  std::vector<Hit> candidates;  //!< the answer alone, or up to three choices, or empty
};

Decision decide(std::span<const Hit> ranked, const Thresholds& thresholds = {});

//! An FAQ entry as the retriever sees it: what to show and every text that asks for it.
struct Entry {
  std::string id;                        //!< the FAQ article's id (or the data file's key)
  std::vector<std::string> questions;    //!< the question first, then its paraphrases
  std::string answer;                    //!< indexed too, at Bm25::answer_weight: its words are the topic's words
};

//! Analyzer + synonyms + index in one: build once from the FAQ, then ask. Thread-safe for concurrent asks.
class Retriever {
 public:
  Retriever(const Analyzer& analyzer, const Synonyms& synonyms, std::vector<Entry> entries, Bm25 parameters = {});
  std::vector<Hit> search(std::string_view question, Channel channel = Channel::fused, std::size_t limit = 10) const;
  Decision ask(std::string_view question, const Thresholds& thresholds = {}) const;
  const Entry& entry(std::int32_t index) const { return entries_.at(static_cast<std::size_t>(index)); }
  std::int32_t size() const { return static_cast<std::int32_t>(entries_.size()); }
  const SynonymRewriter& synonyms() const { return rewriter_; }

 private:
  const Analyzer* analyzer_;
  SynonymRewriter rewriter_;
  std::vector<Entry> entries_;
  Index index_;
};

}  // namespace kh::chat_retrieval
