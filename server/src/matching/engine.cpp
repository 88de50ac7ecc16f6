#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <shared_mutex>

#include "matching/facts.h"
#include "matching/matching.h"
#include "postings/postings.h"
#include "reference/reference.h"

namespace kh::matching {
namespace {

//! Slots with free-list reuse, so removals do not fragment the bitsets forever.
template <class Facts>
struct Table {
  std::vector<Facts> facts;
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::size_t> slot_of;
  std::vector<std::size_t> free;

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
    free.push_back(s);
  }
};

constexpr int category_slots = 16, prefecture_slots = 48;
constexpr int key_of(int category, int prefecture) { return category * prefecture_slots + prefecture; }

// A seeker's cheap facts, copied into each (category, prefecture) list the seeker is in: a query streams
// through one contiguous array and reads the seeker's full facts only once the cheap conditions hold.
struct SeekerEntry {
  std::uint32_t slot;
  std::int32_t available_day;
  std::int16_t period_max;
  std::uint8_t employment, weekdays, career;
  bool night_ok, full_time;
  bool needs_full;  // has areas or specialties: only then are the full facts read
  std::uint16_t categories;
  std::uint64_t prefectures;

  //! The seeker's facts as far as this entry knows them; exact whenever needs_full is false.
  SeekerFacts light() const {
    SeekerFacts f;
    f.live = true;
    f.available_day = available_day;
    f.period_max = period_max;
    f.employment = employment;
    f.weekdays = weekdays;
    f.career = career;
    f.night_ok = night_ok;
    f.full_time = full_time;
    f.categories = categories;
    f.prefectures = prefectures;
    return f;
  }
};

template <class T, class Slot>
void erase_slot(std::vector<T>& list, Slot slot, Slot T::*member) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].*member == slot) { list[i] = list.back(); list.pop_back(); return; }
}

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
  // Inverted lists by (category, prefecture): a posting has one key, so its candidates are one list.
  std::vector<std::vector<SeekerEntry>> seeker_lists = std::vector<std::vector<SeekerEntry>>(category_slots * prefecture_slots);
  std::vector<std::vector<std::uint32_t>> posting_lists = std::vector<std::vector<std::uint32_t>>(category_slots * prefecture_slots);

  template <class F>
  static void each_key(const SeekerFacts& f, F&& f_key) {
    for (int c = 0; c < category_slots; ++c)
      if (f.categories & (1u << c))
        for (int p = 1; p < prefecture_slots; ++p)
          if (f.prefectures & (1ULL << p)) f_key(key_of(c, p));
  }

  void index_seeker(std::size_t slot, const SeekerFacts& f, bool on) {
    const auto s = static_cast<std::uint32_t>(slot);
    each_key(f, [&](int key) {
      if (on)
        seeker_lists[key].push_back({s, f.available_day, f.period_max, f.employment, f.weekdays, f.career, f.night_ok,
                                     f.full_time, f.n_areas > 0 || f.n_specialties > 0, f.categories, f.prefectures});
      else erase_slot(seeker_lists[key], s, &SeekerEntry::slot);
    });
  }

  void index_posting(std::size_t slot, const PostingFacts& f, bool on) {
    auto& list = posting_lists[key_of(f.category, f.prefecture % prefecture_slots)];
    const auto s = static_cast<std::uint32_t>(slot);
    if (on) list.push_back(s);
    else std::erase(list, s);
  }

  Scored scored(const std::string& id, const PostingFacts& p, const SeekerFacts& s) const {
    Scored out{id, 0, 0};
    out.score = score(p, s, today, out.reason_bits);
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
  if (t.facts[slot].live) impl_->index_posting(slot, t.facts[slot], false);
  t.facts[slot] = compile_posting(posting, impl_->vocabulary);
  impl_->index_posting(slot, t.facts[slot], true);
}

void Engine::remove_posting(const std::string& id) {
  std::unique_lock lock(impl_->mutex);
  auto& t = impl_->postings;
  if (auto slot = t.find(id)) {
    if (t.facts[*slot].live) impl_->index_posting(*slot, t.facts[*slot], false);
    t.release(*slot);
  }
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

void Engine::visit_seekers_for_posting(const std::string& posting_id, const Visitor& visit) const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  auto ps = im.postings.find(posting_id);
  if (!ps) return;
  const auto& p = im.postings.facts[*ps];
  if (!p.live) return;
  const std::uint8_t employment_bit = static_cast<std::uint8_t>(1u << p.employment);
  for (const auto& e : im.seeker_lists[key_of(p.category, p.prefecture % prefecture_slots)]) {
    // The cheap conditions first, on the streamed entry.
    if (!(e.employment & employment_bit)) continue;
    if (p.start_day < e.available_day) continue;
    if (p.period_months > 0 && e.period_max > 0 && p.period_months > e.period_max) continue;
    if (p.weekdays && e.weekdays && !(p.weekdays & e.weekdays)) continue;
    if (p.night_duty && !e.night_ok) continue;
    // Full facts (a cache miss) only for seekers with areas or specialties; the rest are decided here.
    const SeekerFacts light = e.needs_full ? SeekerFacts{} : e.light();
    const SeekerFacts& s = e.needs_full ? im.seekers.facts[e.slot] : light;
    if (!meets_hard_conditions(p, s, im.vocabulary)) continue;
    std::uint16_t bits = 0;
    const int points = score(p, s, im.today, bits);
    visit(im.seekers.ids[e.slot], points, bits);
  }
}

std::vector<Scored> Engine::seekers_for_posting(const std::string& posting_id, std::size_t limit) const {
  std::vector<Scored> out;
  visit_seekers_for_posting(posting_id, [&](const std::string& id, int points, std::uint16_t bits) {
    out.push_back({id, points, bits});
  });
  return top(std::move(out), limit);
}

std::vector<Scored> Engine::postings_for_seeker(const std::string& user_id, std::size_t limit) const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  auto ss = im.seekers.find(user_id);
  if (!ss) return {};
  const auto& s = im.seekers.facts[*ss];
  std::vector<Scored> out;
  Impl::each_key(s, [&](int key) {
    for (const auto slot : im.posting_lists[key]) {
      const auto& p = im.postings.facts[slot];
      if (p.live && meets_hard_conditions(p, s, im.vocabulary)) out.push_back(im.scored(im.postings.ids[slot], p, s));
    }
  });
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
  for (const auto& l : im.seeker_lists) st.bytes += l.capacity() * sizeof(SeekerEntry);
  for (const auto& l : im.posting_lists) st.bytes += l.capacity() * sizeof(std::uint32_t);
  return st;
}

}  // namespace kh::matching
