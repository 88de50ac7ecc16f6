// The chat's retrieval quality and speed (issue 16): top-1 and top-3 accuracy, confident wrong answers and
// fallbacks for words only, bigrams only and both fused, on two kinds of question that the index never holds
// the evaluation set of issue 16:
//   - seen: the paraphrases of server/data/chat/faq.json, which the retriever indexes (about 70% of the set);
//   - held-out: server/bench/data/chat_eval.json, questions that appear nowhere in the FAQ or synonym files (30%+);
//   - evaluation: both together, the figure the targets apply to;
// and, stricter, leave-one-out: each paraphrase asked of an index built without it.
// Plus out-of-scope questions (which must not be answered) and the p50/p99 time of one reply.
// Usage: chat_bench [faq.json] [synonyms.json] [chat_eval.json]   (defaults: the files in the source tree)
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "chat_retrieval/chat_retrieval.h"
#include "chat_retrieval/faq_data.h"

using namespace kh::chat_retrieval;

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Query {
  std::int32_t expected;  // -1: out of scope
  Analysis analysis;
  std::size_t leave_out;  // passage index to leave out, or SIZE_MAX
  bool in_evaluation = false;  // one of the first seen_per_entry paraphrases of its entry
};
// Seen paraphrases per entry in the evaluation set: with two held-out questions per entry, a third of the set is
// held out (issue 16 asks for at least 30%).
constexpr std::size_t seen_per_entry = 4;

struct Score {
  int n = 0, top1 = 0, top3 = 0, answered = 0, wrong_answer = 0, choices = 0, choices_hit = 0, fallback = 0;
  void add(const std::vector<Hit>& hits, std::int32_t expected, const Thresholds& t) {
    ++n;
    if (!hits.empty() && hits[0].entry == expected) ++top1;
    for (std::size_t i = 0; i < hits.size() && i < 3; ++i)
      if (hits[i].entry == expected) ++top3;
    const auto d = decide(hits, t);
    if (d.outcome == Outcome::answer) {
      ++answered;
      if (d.candidates[0].entry != expected) ++wrong_answer;
    } else if (d.outcome == Outcome::choices) {
      ++choices;
      for (const auto& c : d.candidates)
        if (c.entry == expected) ++choices_hit;
    } else {
      ++fallback;
    }
  }
  static double pct(int a, int b) { return b ? 100.0 * a / b : 0.0; }
  void print(const char* set, const char* channel) const {
    std::printf("%-14s %-8s %4d  top-1 %5.1f%%  top-3 %5.1f%%  answered %5.1f%%  confident-wrong %4.1f%%  "
                "choices %5.1f%% (right one among them %5.1f%%)  fallback %5.1f%%\n",
                set, channel, n, pct(top1, n), pct(top3, n), pct(answered, n), pct(wrong_answer, n), pct(choices, n),
                pct(choices_hit, choices), pct(fallback, n));
  }
};
}  // namespace

int main(int argc, char** argv) {
  const std::string root = KH_SOURCE_DIR;
  const std::string faq_path = argc > 1 ? argv[1] : root + "/server/data/chat/faq.json";
  const std::string syn_path = argc > 2 ? argv[2] : root + "/server/data/chat/synonyms.json";
  const std::string eval_path = argc > 3 ? argv[3] : root + "/server/bench/data/chat_eval.json";
  auto faq = read_faq(slurp(faq_path));
  auto synonyms = read_synonyms(slurp(syn_path));
  if (!faq || !synonyms) {
    std::fprintf(stderr, "%s\n", (!faq ? faq.error() : synonyms.error()).c_str());
    return 2;
  }
  auto analyzer = Analyzer::open();
  if (!analyzer) {
    std::fprintf(stderr, "%s\n", analyzer.error().c_str());
    return 2;
  }
  const SynonymRewriter rewriter(*synonyms);
  const auto eval = boost::json::parse(slurp(eval_path)).as_object();

  // Every passage analysed once; the leave-one-out indexes are built from these.
  std::vector<Passage> passages;
  std::vector<Query> loo, held, outside;
  std::vector<std::string> held_texts;
  std::vector<Entry> entries;
  for (std::size_t e = 0; e < faq->size(); ++e) {
    const auto& f = (*faq)[e];
    const auto idx = static_cast<std::int32_t>(e);
    Entry entry{f.key, {f.question}};
    passages.push_back({idx, analyzer->analyze(f.question, rewriter)});
    for (std::size_t k = 0; k < f.paraphrases.size(); ++k) {
      const auto& p = f.paraphrases[k];
      entry.questions.push_back(p);
      passages.push_back({idx, analyzer->analyze(p, rewriter)});
      loo.push_back({idx, passages.back().analysis, passages.size() - 1, k < seen_per_entry});
    }
    entry.answer = f.answer;
    if (const char* dw = std::getenv("CHAT_DOC_WEIGHT")) {
      std::string all = f.question + "\n" + f.answer;
      for (const auto& p : f.paraphrases) all += "\n" + p;
      passages.push_back({idx, analyzer->analyze(all, rewriter), static_cast<float>(std::atof(dw))});
    }
    passages.push_back({idx, analyzer->analyze(f.answer, rewriter), static_cast<float>(Bm25{}.answer_weight)});
    entries.push_back(std::move(entry));
    if (const auto* h = eval.at("held_out").as_object().if_contains(f.key))
      for (const auto& q : h->as_array()) {
        held_texts.emplace_back(q.as_string());
        held.push_back({idx, analyzer->analyze(held_texts.back(), rewriter), SIZE_MAX});
      }
  }
  for (const auto& q : eval.at("out_of_scope").as_array()) {
    held_texts.emplace_back(q.as_string());
    outside.push_back({-1, analyzer->analyze(held_texts.back(), rewriter), SIZE_MAX});
  }
  const auto n_entries = static_cast<std::int32_t>(faq->size());
  const auto seen_in_evaluation = static_cast<std::size_t>(
      std::count_if(loo.begin(), loo.end(), [](const Query& q) { return q.in_evaluation; }));
  // Overrides for tuning (CHAT_K1, CHAT_B, CHAT_WORD_WEIGHT, CHAT_ANSWER_WEIGHT, CHAT_ANSWER, CHAT_MARGIN,
  // CHAT_CHOICES); the defaults are the library's.
  const auto env = [](const char* name, double fallback) {
    const char* v = std::getenv(name);
    return v ? std::atof(v) : fallback;
  };
  Bm25 bm;
  bm.k1 = env("CHAT_K1", bm.k1);
  bm.b = env("CHAT_B", bm.b);
  bm.word_weight = env("CHAT_WORD_WEIGHT", bm.word_weight);
  bm.answer_weight = env("CHAT_ANSWER_WEIGHT", bm.answer_weight);
  for (auto& p : passages)
    if (p.weight == static_cast<float>(Bm25{}.answer_weight)) p.weight = static_cast<float>(bm.answer_weight);
  const Index full = Index::build(passages, n_entries, bm);
  Thresholds t;
  t.answer = env("CHAT_ANSWER", t.answer);
  t.margin = env("CHAT_MARGIN", t.margin);
  t.choices = env("CHAT_CHOICES", t.choices);
  std::printf("FAQ entries %d, passages %zu, synonym variants %zu; held-out questions %zu (%.0f%% of %zu evaluated), "
              "out of scope %zu\n",
              n_entries, passages.size(), rewriter.variants(), held.size(),
              100.0 * static_cast<double>(held.size()) / static_cast<double>(held.size() + seen_in_evaluation),
              held.size() + seen_in_evaluation, outside.size());
  std::printf("thresholds: answer >= %.2f with margin >= %.2f; choices >= %.2f\n\n", t.answer, t.margin, t.choices);

  const std::pair<Channel, const char*> channels[] = {
      {Channel::words, "words"}, {Channel::bigrams, "bigrams"}, {Channel::fused, "fused"}};
  for (const auto& [channel, name] : channels) {
    Score s_loo, s_seen, s_held, s_all, s_out;
    // The evaluation set as issue 16 defines it: the paraphrases the retriever sees plus the held-out ones.
    for (const auto& q : loo) {
      if (!q.in_evaluation) continue;
      const auto hits = full.search(q.analysis, channel, 4);
      s_seen.add(hits, q.expected, t);
      s_all.add(hits, q.expected, t);
    }
    for (const auto& q : loo) {
      std::vector<Passage> rest;
      rest.reserve(passages.size() - 1);
      for (std::size_t p = 0; p < passages.size(); ++p)
        if (p != q.leave_out) rest.push_back(passages[p]);
      const auto hits = Index::build(rest, n_entries, bm).search(q.analysis, channel, 4);
      s_loo.add(hits, q.expected, t);
    }
    for (std::size_t qi = 0; qi < held.size(); ++qi) {
      const auto& q = held[qi];
      const auto hits = full.search(q.analysis, channel, 4);
      if (std::getenv("CHAT_VERBOSE") && channel == Channel::fused && (hits.empty() || hits[0].entry != q.expected))
        std::printf("  miss: %s → %s (%.2f), expected %s\n", held_texts[qi].c_str(),
                    hits.empty() ? "-" : entries[static_cast<std::size_t>(hits[0].entry)].id.c_str(),
                    hits.empty() ? 0.0 : hits[0].score, entries[static_cast<std::size_t>(q.expected)].id.c_str());
      s_held.add(hits, q.expected, t);
      s_all.add(hits, q.expected, t);
    }
    for (const auto& q : outside) s_out.add(full.search(q.analysis, channel, 4), -1, t);
    s_seen.print("seen", name);
    s_held.print("held-out", name);
    s_all.print("evaluation", name);
    s_loo.print("leave-one-out", name);
    std::printf("%-14s %-8s %4d  answered (all wrong) %5.1f%%  fallback %5.1f%%\n\n", "out-of-scope", name, s_out.n,
                Score::pct(s_out.answered, s_out.n), Score::pct(s_out.fallback, s_out.n));
  }

  // Reply time: analysis + search + decision, as the chat does it for every message.
  const Retriever retriever(*analyzer, *synonyms, entries, bm);
  std::vector<std::string> questions = held_texts;
  for (const auto& f : *faq)
    for (const auto& p : f.paraphrases) questions.push_back(p);
  std::vector<double> micros;
  for (int round = 0; round < 20; ++round)
    for (const auto& q : questions) {
      const auto start = std::chrono::steady_clock::now();
      const auto d = retriever.ask(q);
      const auto end = std::chrono::steady_clock::now();
      if (d.candidates.size() > 3) return 1;
      micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) { return micros[static_cast<std::size_t>(q * static_cast<double>(micros.size() - 1))]; };
  std::printf("reply time over %zu asks: p50 %.0f µs, p99 %.0f µs, max %.0f µs\n", micros.size(), at(0.5), at(0.99),
              micros.back());
  return 0;
}
