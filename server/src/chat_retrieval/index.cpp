// BM25 on words and on bigrams, the fused ranking and the answer/choices/rephrase decision.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "chat_retrieval/chat_retrieval.h"

namespace kh::chat_retrieval {

std::int32_t Index::Channel1::term_id(std::string_view t) const {
  const auto it = std::lower_bound(terms.begin(), terms.end(), t);
  if (it == terms.end() || *it != t) return -1;
  return static_cast<std::int32_t>(it - terms.begin());
}

Index::Channel1 Index::build_channel(std::span<const Passage> passages, bool words) {
  Channel1 c;
  std::map<std::string, std::vector<std::pair<std::uint32_t, float>>, std::less<>> postings;
  double total = 0;
  c.length.reserve(passages.size());
  for (std::uint32_t p = 0; p < passages.size(); ++p) {
    const auto& terms = words ? passages[p].analysis.words : passages[p].analysis.bigrams;
    std::map<std::string_view, float> tf;
    for (const auto& t : terms) tf[t] += 1;
    for (const auto& [t, n] : tf) postings[std::string(t)].push_back({p, n});
    c.length.push_back(static_cast<float>(terms.size()));
    total += static_cast<double>(terms.size());
  }
  c.average_length = passages.empty() ? 1 : std::max(1.0, total / static_cast<double>(passages.size()));
  c.posting_start.push_back(0);
  for (auto& [t, list] : postings) {
    c.terms.push_back(t);
    c.postings.insert(c.postings.end(), list.begin(), list.end());
    c.posting_start.push_back(static_cast<std::uint32_t>(c.postings.size()));
  }
  return c;
}

Index Index::build(std::span<const Passage> passages, std::int32_t entries, Bm25 parameters) {
  Index index;
  index.entries_ = entries;
  index.parameters_ = parameters;
  index.passage_entry_.reserve(passages.size());
  for (const auto& p : passages) {
    index.passage_entry_.push_back(p.entry);
    index.passage_weight_.push_back(p.weight);
  }
  index.words_ = build_channel(passages, true);
  index.bigrams_ = build_channel(passages, false);
  return index;
}

void Index::score_channel(const Channel1& c, const std::vector<std::string>& question, std::vector<double>& out) const {
  out.assign(static_cast<std::size_t>(entries_), 0.0);
  const double n = static_cast<double>(passage_entry_.size());
  if (question.empty() || n == 0) return;
  // Each distinct term once: a question that repeats a word does not count it twice.
  std::vector<std::string_view> terms(question.begin(), question.end());
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::vector<double> passage_score(passage_entry_.size(), 0.0);
  double ideal = 0;
  const double k1 = parameters_.k1, b = parameters_.b;
  for (const auto t : terms) {
    const auto id = c.term_id(t);
    const double df = id < 0 ? 0.0 : static_cast<double>(c.posting_start[id + 1] - c.posting_start[id]);
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    // A term no passage has still counts in what the question could earn: unknown words lower the confidence.
    ideal += idf;
    if (id < 0) continue;
    for (auto i = c.posting_start[id]; i < c.posting_start[id + 1]; ++i) {
      const auto [p, tf] = c.postings[i];
      const double norm = 1.0 - b + b * c.length[p] / c.average_length;
      passage_score[p] += idf * (tf * (k1 + 1.0)) / (tf + k1 * norm);
    }
  }
  if (ideal <= 0) return;
  for (std::size_t p = 0; p < passage_score.size(); ++p) {
    auto& e = out[static_cast<std::size_t>(passage_entry_[p])];
    e = std::max(e, passage_weight_[p] * std::min(1.0, passage_score[p] / ideal));
  }
}

std::vector<Hit> Index::search(const Analysis& question, Channel channel, std::size_t limit) const {
  std::vector<double> w, g;
  if (channel != Channel::bigrams) score_channel(words_, question.words, w);
  if (channel != Channel::words) score_channel(bigrams_, question.bigrams, g);
  std::vector<Hit> hits;
  // A question with no content word (「？」, 「はい」) is judged on bigrams alone.
  const double ww = question.words.empty() ? 0.0 : parameters_.word_weight;
  for (std::int32_t e = 0; e < entries_; ++e) {
    Hit h;
    h.entry = e;
    h.words = w.empty() ? 0 : w[static_cast<std::size_t>(e)];
    h.bigrams = g.empty() ? 0 : g[static_cast<std::size_t>(e)];
    h.score = channel == Channel::words     ? h.words
              : channel == Channel::bigrams ? h.bigrams
                                            : ww * h.words + (1.0 - ww) * h.bigrams;
    if (h.score > 0) hits.push_back(h);
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.entry < b.entry;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

Decision decide(std::span<const Hit> ranked, const Thresholds& t) {
  Decision d;
  if (ranked.empty() || ranked[0].score < t.choices) return d;
  const double second = ranked.size() > 1 ? ranked[1].score : 0.0;
  if (ranked[0].score >= t.answer && ranked[0].score - second >= t.margin) {
    d.outcome = Outcome::answer;
    d.candidates.push_back(ranked[0]);
    return d;
  }
  d.outcome = Outcome::choices;
  for (const auto& h : ranked) {
    if (d.candidates.size() == 3) break;
    if (h.score >= t.choice) d.candidates.push_back(h);
  }
  return d;
}

Retriever::Retriever(const Analyzer& analyzer, const Synonyms& synonyms, std::vector<Entry> entries, Bm25 parameters)
    : analyzer_(&analyzer), rewriter_(synonyms), entries_(std::move(entries)) {
  std::vector<Passage> passages;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    for (const auto& q : entries_[e].questions)
      passages.push_back({static_cast<std::int32_t>(e), analyzer_->analyze(q, rewriter_)});
    if (!entries_[e].answer.empty())
      passages.push_back({static_cast<std::int32_t>(e), analyzer_->analyze(entries_[e].answer, rewriter_),
                          static_cast<float>(parameters.answer_weight)});
  }
  index_ = Index::build(passages, static_cast<std::int32_t>(entries_.size()), parameters);
}

std::vector<Hit> Retriever::search(std::string_view question, Channel channel, std::size_t limit) const {
  return index_.search(analyzer_->analyze(question, rewriter_), channel, limit);
}

Decision Retriever::ask(std::string_view question, const Thresholds& thresholds) const {
  const auto hits = search(question, Channel::fused, 4);
  return decide(hits, thresholds);
}

}  // namespace kh::chat_retrieval
