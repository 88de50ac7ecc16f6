#include <boost/json.hpp>

#include <algorithm>
#include <bit>
#include <chrono>
#include <mutex>
#include <shared_mutex>

#include "matching/facts.h"
#include "matching/matching.h"
#include "postings/postings.h"
#include "reference/reference.h"

namespace kh::matching {
namespace {

//! A growable dense bitset over slots: 1M seekers cost 128 KiB per bitset, and ANDing three of them takes
//! well under a millisecond — simpler and faster here than compressed bitmaps.
class Bits {
 public:
  void set(std::size_t i, bool on) {
    if (i / 64 >= words_.size()) words_.resize(i / 64 + 1, 0);
    if (on) words_[i / 64] |= 1ULL << (i % 64);
    else words_[i / 64] &= ~(1ULL << (i % 64));
  }
  std::uint64_t word(std::size_t w) const { return w < words_.size() ? words_[w] : 0; }
  std::size_t words() const { return words_.size(); }
  std::size_t bytes() const { return words_.capacity() * 8; }

 private:
  std::vector<std::uint64_t> words_;
};

//! Slots with free-list reuse, so removals do not fragment the bitsets forever.
template <class Facts>
struct Table {
  std::vector<Facts> facts;
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::size_t> slot_of;
  std::vector<std::size_t> free;
  Bits live;

  std::size_t slot(const std::string& id) {
    if (auto it = slot_of.find(id); it != slot_of.end()) return it->second;
    std::size_t s;
    if (!free.empty()) { s = free.back(); free.pop_back(); }
    else { s = facts.size(); facts.emplace_back(); ids.emplace_back(); }
    ids[s] = id;
    slot_of[id] = s;
    return s;
  }
  std::optional<std::size_t> find(const std::string& id) const {
    auto it = slot_of.find(id);
    return it == slot_of.end() ? std::nullopt : std::optional(it->second);
  }
  void release(std::size_t s) {
    slot_of.erase(ids[s]);
    ids[s].clear();
    facts[s] = Facts{};
    live.set(s, false);
    free.push_back(s);
  }
};

constexpr int category_slots = 16, prefecture_slots = 48, employment_slots = 3;

std::vector<Scored> top(std::vector<Scored> all, std::size_t limit) {
  auto better = [](const Scored& a, const Scored& b) { return a.score != b.score ? a.score > b.score : a.id < b.id; };
  if (all.size() > limit) {
    std::nth_element(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(limit), all.end(), better);
    all.resize(limit);
  }
  std::sort(all.begin(), all.end(), better);
  return all;
}

}  // namespace

struct Engine::Impl {
  explicit Impl(const reference::Catalogue& c) : vocabulary{c, {}, {}, {}} {
    std::uint8_t i = 0;
    for (const auto& cat : c.categories()) vocabulary.categories[cat.code] = i++;
    today = static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(
                                 std::chrono::system_clock::now().time_since_epoch()).count() / 24);
  }

  mutable std::shared_mutex mutex;
  Vocabulary vocabulary;
  int today;
  Table<PostingFacts> postings;
  Table<SeekerFacts> seekers;
  // Seeker bitsets: a posting's candidates are the AND of its category, prefecture and employment bits.
  std::array<Bits, category_slots> seekers_by_category;
  std::array<Bits, prefecture_slots> seekers_by_prefecture;
  std::array<Bits, employment_slots> seekers_by_employment;

  void index_seeker(std::size_t slot, const SeekerFacts& f, bool on) {
    for (int c = 0; c < category_slots; ++c)
      if (f.categories & (1u << c)) seekers_by_category[c].set(slot, on);
    for (int p = 1; p < prefecture_slots; ++p)
      if (f.prefectures & (1ULL << p)) seekers_by_prefecture[p].set(slot, on);
    for (int e = 0; e < employment_slots; ++e)
      if (f.employment & (1u << e)) seekers_by_employment[e].set(slot, on);
    seekers.live.set(slot, on);
  }

  Scored scored(const std::string& id, const PostingFacts& p, const SeekerFacts& s) const {
    Scored out{id, 0, {}};
    out.score = score(p, s, today, &out.reasons);
    return out;
  }
};

Engine::Engine(const reference::Catalogue& catalogue) : impl_(std::make_unique<Impl>(catalogue)) {}
Engine::~Engine() = default;

void Engine::set_today(int days) {
  std::unique_lock lock(impl_->mutex);
  impl_->today = days;
}

void Engine::upsert_posting(const postings::Posting& posting) {
  if (posting.status != "published") return remove_posting(posting.id);
  std::unique_lock lock(impl_->mutex);
  auto& t = impl_->postings;
  const auto slot = t.slot(posting.id);
  t.facts[slot] = compile_posting(posting, impl_->vocabulary);
  t.live.set(slot, true);
}

void Engine::remove_posting(const std::string& id) {
  std::unique_lock lock(impl_->mutex);
  if (auto slot = impl_->postings.find(id)) impl_->postings.release(*slot);
}

void Engine::upsert_seeker(const std::string& user_id, const boost::json::object& profile) {
  std::unique_lock lock(impl_->mutex);
  auto& t = impl_->seekers;
  const auto slot = t.slot(user_id);
  if (t.facts[slot].live) impl_->index_seeker(slot, t.facts[slot], false);
  t.facts[slot] = compile_seeker(profile, impl_->vocabulary);
  impl_->index_seeker(slot, t.facts[slot], true);
}

void Engine::remove_seeker(const std::string& user_id) {
  std::unique_lock lock(impl_->mutex);
  auto& t = impl_->seekers;
  if (auto slot = t.find(user_id)) {
    impl_->index_seeker(*slot, t.facts[*slot], false);
    t.release(*slot);
  }
}

std::vector<Scored> Engine::seekers_for_posting(const std::string& posting_id, std::size_t limit) const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  auto ps = im.postings.find(posting_id);
  if (!ps) return {};
  const auto& p = im.postings.facts[*ps];
  const auto& by_category = im.seekers_by_category[p.category];
  const auto& by_prefecture = im.seekers_by_prefecture[p.prefecture % prefecture_slots];
  const auto& by_employment = im.seekers_by_employment[p.employment];
  std::vector<Scored> out;
  const auto words = std::min({by_category.words(), by_prefecture.words(), by_employment.words()});
  for (std::size_t w = 0; w < words; ++w) {
    std::uint64_t bits = by_category.word(w) & by_prefecture.word(w) & by_employment.word(w) & im.seekers.live.word(w);
    while (bits) {
      const std::size_t slot = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
      bits &= bits - 1;
      const auto& s = im.seekers.facts[slot];
      if (meets_hard_conditions(p, s, im.vocabulary)) out.push_back(im.scored(im.seekers.ids[slot], p, s));
    }
  }
  return top(std::move(out), limit);
}

std::vector<Scored> Engine::postings_for_seeker(const std::string& user_id, std::size_t limit) const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  auto ss = im.seekers.find(user_id);
  if (!ss) return {};
  const auto& s = im.seekers.facts[*ss];
  std::vector<Scored> out;
  for (std::size_t slot = 0; slot < im.postings.facts.size(); ++slot) {
    const auto& p = im.postings.facts[slot];
    if (p.live && meets_hard_conditions(p, s, im.vocabulary)) out.push_back(im.scored(im.postings.ids[slot], p, s));
  }
  return top(std::move(out), limit);
}

std::optional<Scored> Engine::score_pair(const std::string& posting_id, const std::string& user_id) const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  auto ps = im.postings.find(posting_id);
  auto ss = im.seekers.find(user_id);
  if (!ps || !ss) return std::nullopt;
  const auto& p = im.postings.facts[*ps];
  const auto& s = im.seekers.facts[*ss];
  if (!p.live || !meets_hard_conditions(p, s, im.vocabulary)) return std::nullopt;
  return im.scored(user_id, p, s);
}

Stats Engine::stats() const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  Stats st;
  st.postings = im.postings.slot_of.size();
  st.seekers = im.seekers.slot_of.size();
  st.bytes = im.postings.facts.capacity() * sizeof(PostingFacts) + im.seekers.facts.capacity() * sizeof(SeekerFacts);
  for (const auto& id : im.seekers.ids) st.bytes += sizeof(std::string) + (id.size() > 15 ? id.capacity() : 0);
  st.bytes += im.seekers.slot_of.size() * (sizeof(std::string) + sizeof(std::size_t) + 32);  // hash nodes
  for (const auto& b : im.seekers_by_category) st.bytes += b.bytes();
  for (const auto& b : im.seekers_by_prefecture) st.bytes += b.bytes();
  for (const auto& b : im.seekers_by_employment) st.bytes += b.bytes();
  st.bytes += im.seekers.live.bytes() + im.postings.live.bytes();
  return st;
}

}  // namespace kh::matching
