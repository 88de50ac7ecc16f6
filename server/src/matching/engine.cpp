#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <mutex>
#include <shared_mutex>

#include "matching/facts.h"
#include "matching/matching.h"
#include "matching/score.h"
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
// reads only the seekers already available on its start date (one binary search), streaming 16-byte entries
// and reading a seeker's full facts only when it has areas or specialties.
struct SeekerEntry {
  std::uint32_t slot;
  std::int32_t available_day;
  std::int16_t period_max;
  std::uint16_t active_day;
  std::uint8_t weekdays;
  std::uint8_t flags;  // bit 0 night_ok, bit 1 full_time, bit 2 needs_full, bits 3-4 career
  std::int8_t experience;

  static SeekerEntry of(std::uint32_t slot, const SeekerFacts& f) {
    const bool needs_full = f.n_areas > 0 || f.n_specialties > 0;
    return {slot, f.available_day, f.period_max, f.active_day, f.weekdays,
            static_cast<std::uint8_t>((f.night_ok ? 1 : 0) | (f.full_time ? 2 : 0) | (needs_full ? 4 : 0) | (f.career << 3)),
            f.experience};
  }
  bool needs_full() const { return flags & 4; }
  //! What scoring reads: all from the entry, plus the full facts of a seeker naming specialties or areas.
  SeekerView view(const SeekerFacts* full) const {
    return {available_day, active_day, experience, weekdays, static_cast<std::uint8_t>((flags >> 3) & 3),
            (flags & 1) != 0, (flags & 2) != 0, full};
  }
};

static_assert(sizeof(SeekerEntry) == 16, "the candidate lists stream these: keep them small");

bool by_available(std::int32_t day, const SeekerEntry& e) { return day < e.available_day; }

// The other direction's list entry: a posting's schedule, in lists per (category, prefecture, employment)
// sorted by start_day, so a seeker reads only the postings starting on or after the day it is available.
struct PostingEntry {
  std::uint32_t slot;
  std::int32_t start_day;
  std::int16_t period_months;
  std::uint8_t weekdays;
  bool night_duty;

  static PostingEntry of(std::uint32_t slot, const PostingFacts& f) {
    return {slot, f.start_day, f.period_months, f.weekdays, f.night_duty};
  }
};

bool by_start(const PostingEntry& e, std::int32_t day) { return e.start_day < day; }

//! Calls each(entry) for the entries of list[from, to) that `fits`. Each chunk is first tested without branches
//! into `kept` (a branch per entry on data that passes about half the time would mispredict every other entry);
//! `ahead(entry)` is called a few kept entries before each(entry), to ask for what each() will read.
template <class Entry, class Fits, class Ahead, class Each>
void each_fitting(const std::vector<Entry>& list, std::size_t from, std::size_t to, Fits&& fits, Ahead&& ahead, Each&& each) {
  constexpr std::size_t chunk = 256, distance = 4;
  std::array<std::uint32_t, chunk> kept;
  for (; from < to; from += chunk) {
    const std::size_t last = std::min(to, from + chunk);
    std::size_t n = 0;
    for (std::size_t i = from; i < last; ++i) {
      kept[n] = static_cast<std::uint32_t>(i);
      n += fits(list[i]);
    }
    for (std::size_t k = 0; k < std::min(n, distance); ++k) ahead(list[kept[k]]);
    for (std::size_t k = 0; k < n; ++k) {
      if (k + distance < n) ahead(list[kept[k + distance]]);
      each(list[kept[k]]);
    }
  }
}

//! A match found under the engine's lock, named by its slot: ids are copied only for the ones kept.
struct Hit {
  std::uint32_t slot;
  int total;  //!< tenths of a point
};

//! The best `limit` hits, best first (equal totals by id, so pages are stable).
std::vector<Hit> best(std::vector<Hit> hits, std::size_t limit, const std::vector<std::string>& ids) {
  const auto better = [&](const Hit& a, const Hit& b) { return a.total != b.total ? a.total > b.total : ids[a.slot] < ids[b.slot]; };
  if (hits.size() > limit) {
    std::nth_element(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(limit), hits.end(), better);
    hits.resize(limit);
  }
  std::sort(hits.begin(), hits.end(), better);
  return hits;
}

Scored scored(const std::string& id, const PostingFacts& p, const PostingScore& ps, const SeekerFacts& s, const Vocabulary& v) {
  Scored out{id, 0, {}};
  evaluate<true>(p, ps, view_of(s), v, &out.fit);
  out.score = out.fit.score();
  return out;
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
  std::vector<std::vector<PostingEntry>> posting_lists =
      std::vector<std::vector<PostingEntry>>(category_slots * prefecture_slots * employment_slots);

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
    auto& list = posting_lists[seeker_key_of(f.category, f.prefecture % prefecture_slots, f.employment)];
    const auto entry = PostingEntry::of(static_cast<std::uint32_t>(slot), f);
    if (on) list.insert(std::upper_bound(list.begin(), list.end(), entry.start_day,
                                         [](std::int32_t day, const PostingEntry& e) { return day < e.start_day; }), entry);
    else std::erase_if(list, [&](const PostingEntry& e) { return e.slot == entry.slot; });
  }

  //! Calls visit(seeker slot, total in tenths) for every seeker meeting the posting's hard conditions.
  template <class Visit>
  void each_seeker_for(const PostingFacts& p, Visit&& visit) const;
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

void Engine::upsert_seeker(const std::string& user_id, const boost::json::object& profile, std::int64_t updated_at_ms) {
  std::unique_lock lock(impl_->mutex);
  auto& t = impl_->seekers;
  const auto slot = t.slot(user_id);
  if (t.facts[slot].live) impl_->index_seeker(slot, t.facts[slot], false);
  t.facts[slot] = compile_seeker(profile, updated_at_ms, impl_->vocabulary);
  impl_->index_seeker(slot, t.facts[slot], true);
}

void Engine::upsert_seekers(const std::vector<SeekerRecord>& seekers) {
  std::unique_lock lock(impl_->mutex);
  auto& t = impl_->seekers;
  for (const auto& r : seekers) {
    const auto slot = t.slot(r.user_id);
    if (t.facts[slot].live) impl_->index_seeker(slot, t.facts[slot], false);
    t.facts[slot] = compile_seeker(r.profile, r.updated_at_ms, impl_->vocabulary);
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

template <class Visit>
void Engine::Impl::each_seeker_for(const PostingFacts& p, Visit&& visit) const {
  const PostingScore ps(p, today);
  const EntryTables tables(p, ps);
  // The list gives category, prefecture and employment, the binary search the start; the schedule is read
  // from the streamed entries.
  const auto& list = seeker_lists[seeker_key_of(p.category, p.prefecture % prefecture_slots, p.employment)];
  const auto end = static_cast<std::size_t>(std::upper_bound(list.begin(), list.end(), p.start_day, by_available) - list.begin());
  const SeekerEntry* entries = list.data();
  const SeekerFacts* facts = seekers.facts.data();
  // In chunks: first the schedule filter without branches into `kept` (a branch per entry on data that passes
  // about half the time would mispredict every other entry), then the score of each kept entry.
  constexpr std::size_t chunk = 256, ahead = 8;
  std::array<std::uint32_t, chunk + ahead> kept;
  for (std::size_t from = 0; from < end; from += chunk) {
    const std::size_t last = std::min(end, from + chunk);
    std::size_t n = 0;
    for (std::size_t i = from; i < last; ++i) {
      const SeekerEntry& e = entries[i];
      kept[n] = static_cast<std::uint32_t>(i);
      n += schedule_fits(p.period_months, p.weekdays, p.night_duty, e.period_max, e.weekdays, e.flags & 1);
    }
    // Past the end: entry `from` again, so the look-ahead below needs no bounds check.
    for (std::size_t k = n; k < n + ahead; ++k) kept[k] = static_cast<std::uint32_t>(from);
    for (std::size_t k = 0; k < n; ++k) {
      // The full facts of a seeker naming specialties or areas are a cache miss: ask for them a few entries early.
      const SeekerEntry& next = entries[kept[k + ahead]];
      if (next.needs_full()) {
        const auto* f = reinterpret_cast<const char*>(facts + next.slot);
        __builtin_prefetch(f);
        __builtin_prefetch(f + sizeof(SeekerFacts) - 1);
      }
      const SeekerEntry& e = entries[kept[k]];
      if (!e.needs_full()) {
        // Everything the list and the filter have not established is in the entry: the score from the tables.
        visit(e.slot, tables.total(e.available_day, e.active_day, e.experience, e.weekdays,
                                   static_cast<std::uint8_t>((e.flags >> 3) & 3), (e.flags & 2) != 0));
        continue;
      }
      // Areas or specialties: the full facts decide and score.
      const SeekerFacts& full = facts[e.slot];
      if (!meets_hard_conditions(p, full, vocabulary)) continue;
      visit(e.slot, evaluate<false>(p, ps, e.view(&full), vocabulary, nullptr));
    }
  }
}

void Engine::visit_seekers_for_posting(const std::string& posting_id, const Visitor& visit) const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  auto ps = im.postings.find(posting_id);
  if (!ps || !im.postings.facts[*ps].live) return;
  im.each_seeker_for(im.postings.facts[*ps], [&](std::uint32_t slot, int total) { visit(im.seekers.ids[slot], (total + 5) / 10); });
}

void Engine::visit_seekers_for_draft(const postings::Posting& posting, const Visitor& visit) const {
  // Compiling interns new specialties and areas into the vocabulary: that is a change, so the lock is exclusive.
  std::unique_lock lock(impl_->mutex);
  auto& im = *impl_;
  auto facts = compile_posting(posting, im.vocabulary);
  facts.live = true;
  im.each_seeker_for(facts, [&](std::uint32_t slot, int total) { visit(im.seekers.ids[slot], (total + 5) / 10); });
}

std::vector<Scored> Engine::seekers_for_posting(const std::string& posting_id, std::size_t limit) const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  auto ps = im.postings.find(posting_id);
  if (!ps || !im.postings.facts[*ps].live) return {};
  const auto& p = im.postings.facts[*ps];
  std::vector<Hit> hits;
  im.each_seeker_for(p, [&](std::uint32_t slot, int total) { hits.push_back({slot, total}); });
  // The parts of the score, worked out again only for the ones kept.
  const PostingScore score_of_posting(p, im.today);
  std::vector<Scored> out;
  out.reserve(std::min(limit, hits.size()));
  for (const auto& h : best(std::move(hits), limit, im.seekers.ids))
    out.push_back(scored(im.seekers.ids[h.slot], p, score_of_posting, im.seekers.facts[h.slot], im.vocabulary));
  return out;
}

std::vector<Scored> Engine::postings_for_seeker(const std::string& user_id, std::size_t limit) const {
  std::shared_lock lock(impl_->mutex);
  const auto& im = *impl_;
  auto ss = im.seekers.find(user_id);
  if (!ss) return {};
  const auto& s = im.seekers.facts[*ss];
  const auto view = view_of(s);
  std::vector<Hit> hits;
  hits.reserve(64);
  const auto fits = [&](const PostingEntry& e) {
    return schedule_fits(e.period_months, e.weekdays, e.night_duty, s.period_max, s.weekdays, s.night_ok);
  };
  Impl::each_key(s, [&](int key) {
    for (int employment = 0; employment < employment_slots; ++employment) {
      if (!(s.employment & (1u << employment))) continue;
      const auto& list = im.posting_lists[key * employment_slots + employment];
      const auto from = s.available_day == INT_MIN ? list.begin() : std::lower_bound(list.begin(), list.end(), s.available_day, by_start);
      const auto prefetch = [&](const PostingEntry& e) {
        const auto* f = reinterpret_cast<const char*>(im.postings.facts.data() + e.slot);
        __builtin_prefetch(f);
        __builtin_prefetch(f + sizeof(PostingFacts) - 1);
      };
      each_fitting(list, static_cast<std::size_t>(from - list.begin()), list.size(), fits, prefetch, [&](const PostingEntry& e) {
        // The areas (and the rest, cheaply) from the full facts of the few postings left.
        const auto& p = im.postings.facts[e.slot];
        if (!p.live || !meets_hard_conditions(p, s, im.vocabulary)) return;
        hits.push_back({e.slot, evaluate<false>(p, PostingScore(p, im.today), view, im.vocabulary, nullptr)});
      });
    }
  });
  std::vector<Scored> out;
  out.reserve(std::min(limit, hits.size()));
  for (const auto& h : best(std::move(hits), limit, im.postings.ids)) {
    const auto& p = im.postings.facts[h.slot];
    out.push_back(scored(im.postings.ids[h.slot], p, PostingScore(p, im.today), s, im.vocabulary));
  }
  return out;
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
  return scored(user_id, p, PostingScore(p, im.today), s, im.vocabulary);
}

std::vector<std::string> Scored::reasons() const {
  std::vector<std::string> out;
  for (auto& r : fit.reasons()) out.push_back(std::move(r.text));
  return out;
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
  for (const auto& l : im.posting_lists) st.bytes += l.capacity() * sizeof(PostingEntry);
  return st;
}

}  // namespace kh::matching
