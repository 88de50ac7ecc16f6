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

constexpr int category_slots = 16, prefecture_slots = 48, employment_slots = 3;
constexpr int key_of(int category, int prefecture) { return category * prefecture_slots + prefecture; }
constexpr int seeker_key_of(int category, int prefecture, int employment) {
  return key_of(category, prefecture) * employment_slots + employment;
}

// A seeker's cheap facts, copied into each (category, prefecture, employment) list the seeker is in. The key
// itself says category, prefecture and employment; the list is kept sorted by available_day, so a posting
// reads only the seekers already available on its start date (one binary search), streaming 12-byte entries
// and reading a seeker's full facts only when it has areas or specialties.
struct SeekerEntry {
  std::uint32_t slot;
  std::int32_t available_day;
  std::int16_t period_max;
  std::uint8_t weekdays;
  std::uint8_t flags;  // bit 0 night_ok, bit 1 full_time, bit 2 needs_full, bits 3-4 career

  static SeekerEntry of(std::uint32_t slot, const SeekerFacts& f) {
    const bool needs_full = f.n_areas > 0 || f.n_specialties > 0;
    return {slot, f.available_day, f.period_max, f.weekdays,
            static_cast<std::uint8_t>((f.night_ok ? 1 : 0) | (f.full_time ? 2 : 0) | (needs_full ? 4 : 0) | (f.career << 3))};
  }
  bool night_ok() const { return flags & 1; }
  bool needs_full() const { return flags & 4; }

  //! The seeker's facts as far as a posting of this list needs them; exact whenever needs_full() is false.
  SeekerFacts light(const PostingFacts& p) const {
    SeekerFacts f;
    f.live = true;
    f.available_day = available_day;
    f.period_max = period_max;
    f.employment = static_cast<std::uint8_t>(1u << p.employment);
    f.weekdays = weekdays;
    f.career = static_cast<std::uint8_t>((flags >> 3) & 3);
    f.night_ok = flags & 1;
    f.full_time = flags & 2;
    f.categories = static_cast<std::uint16_t>(1u << p.category);
    f.prefectures = 1ULL << p.prefecture;
    return f;
  }
};

bool by_available(std::int32_t day, const SeekerEntry& e) { return day < e.available_day; }

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
  std::vector<std::vector<SeekerEntry>> seeker_lists =
      std::vector<std::vector<SeekerEntry>>(category_slots * prefecture_slots * employment_slots);
  std::vector<std::vector<std::uint32_t>> posting_lists = std::vector<std::vector<std::uint32_t>>(category_slots * prefecture_slots);

  template <class F>
  static void each_key(const SeekerFacts& f, F&& f_key) {
    for (int c = 0; c < category_slots; ++c)
      if (f.categories & (1u << c))
        for (int p = 1; p < prefecture_slots; ++p)
          if (f.prefectures & (1ULL << p)) f_key(key_of(c, p));
  }

  //! Adds or removes a seeker's entries. `sorted` false appends (bulk load; sort_lists() follows).
  void index_seeker(std::size_t slot, const SeekerFacts& f, bool on, bool sorted = true) {
    const auto entry = SeekerEntry::of(static_cast<std::uint32_t>(slot), f);
    each_key(f, [&](int key) {
      for (int e = 0; e < employment_slots; ++e) {
        if (!(f.employment & (1u << e))) continue;
        auto& list = seeker_lists[key * employment_slots + e];
        if (!on) {
          auto it = std::find_if(list.begin(), list.end(), [&](const SeekerEntry& x) { return x.slot == entry.slot; });
          if (it != list.end()) list.erase(it);  // keeps the order
        } else if (!sorted) {
          list.push_back(entry);
        } else {
          list.insert(std::upper_bound(list.begin(), list.end(), entry.available_day, by_available), entry);
        }
      }
    });
  }

  void sort_lists() {
    for (auto& list : seeker_lists)
      std::stable_sort(list.begin(), list.end(),
                       [](const SeekerEntry& a, const SeekerEntry& b) { return a.available_day < b.available_day; });
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

void Engine::upsert_seekers(const std::vector<std::pair<std::string, boost::json::object>>& profiles) {
  std::unique_lock lock(impl_->mutex);
  auto& t = impl_->seekers;
  for (const auto& [user_id, profile] : profiles) {
    const auto slot = t.slot(user_id);
    if (t.facts[slot].live) impl_->index_seeker(slot, t.facts[slot], false);
    t.facts[slot] = compile_seeker(profile, impl_->vocabulary);
    impl_->index_seeker(slot, t.facts[slot], true, false);
  }
  impl_->sort_lists();
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
  const auto& list = im.seeker_lists[seeker_key_of(p.category, p.prefecture % prefecture_slots, p.employment)];
  const auto end = std::upper_bound(list.begin(), list.end(), p.start_day, by_available);
  for (auto it = list.begin(); it != end; ++it) {
    const auto& e = *it;
    // The list already gives category, prefecture, employment and start; these are the rest of the cheap
    // conditions, read from the streamed entry.
    if (p.period_months > 0 && e.period_max > 0 && p.period_months > e.period_max) continue;
    if (p.weekdays && e.weekdays && !(p.weekdays & e.weekdays)) continue;
    if (p.night_duty && !e.night_ok()) continue;
    std::uint16_t bits = 0;
    if (e.needs_full()) {
      // Areas or specialties: the full facts decide (a cache miss, for these seekers only).
      const auto& s = im.seekers.facts[e.slot];
      if (!meets_hard_conditions(p, s, im.vocabulary)) continue;
      visit(im.seekers.ids[e.slot], score(p, s, im.today, bits), bits);
    } else {
      // Everything else the list and the checks above have established: only the score is left.
      const auto s = e.light(p);
      visit(im.seekers.ids[e.slot], score(p, s, im.today, bits), bits);
    }
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
