#pragma once
//! The in-memory matching engine. Thread-safe: queries share a lock, updates take it exclusively.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "matching/fit.h"
namespace kh::reference { class Catalogue; }
namespace kh::postings { struct Posting; }

namespace kh::matching {

struct Scored {
  std::string id;  //!< posting id or seeker user id
  int score = 0;   //!< 0..100 (fit.h says what the points are for)
  Fit fit;         //!< the parts of the score, for reasons, sorting and filters
  //! The two or three parts that moved the score most, in Japanese (「経験年数が条件を満たす（5年以上）」
  //! 「希望地域から約40km（車で約50分）」), strongest first.
  std::vector<std::string> reasons() const;
  std::vector<Fit::Reason> reason_details() const { return fit.reasons(); }
};

//! A seeker as the engine loads it: the profile document and when it was last updated (0 unknown).
struct SeekerRecord {
  std::string user_id;
  boost::json::object profile;
  std::int64_t updated_at_ms = 0;
};

struct Stats {
  std::size_t postings = 0;
  std::size_t seekers = 0;
  std::size_t bytes = 0;  //!< memory held by facts and bitsets
};

class Engine {
 public:
  explicit Engine(const reference::Catalogue& catalogue);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  //! Adds or replaces a posting; one that is not published is removed.
  void upsert_posting(const postings::Posting& posting);
  void remove_posting(const std::string& id);
  //! Adds or replaces a seeker from the profile document (SPEC.md "Seeker profile JSON") and the time it was
  //! last updated (0 unknown), which the score reads as recent activity.
  void upsert_seeker(const std::string& user_id, const boost::json::object& profile, std::int64_t updated_at_ms = 0);
  //! Many seekers at once (start-up): faster than one by one, same result.
  void upsert_seekers(const std::vector<SeekerRecord>& seekers);
  void remove_seeker(const std::string& user_id);

  using Visitor = std::function<void(const std::string& user_id, int score)>;
  //! Calls `visit` for every seeker meeting the posting's hard conditions, in no order, allocating nothing
  //! (the engine's lock is held meanwhile: keep `visit` short).
  void visit_seekers_for_posting(const std::string& posting_id, const Visitor& visit) const;
  //! Like visit_seekers_for_posting, for a posting as it would be if published (a draft before 公開: how many
  //! would be told); the engine keeps nothing of it.
  void visit_seekers_for_draft(const postings::Posting& posting, const Visitor& visit) const;
  //! Seekers who meet every hard condition of the posting, best first (at most `limit`); equal scores in the
  //! order of the finer score (tenths), then of the id, so the order never changes between calls.
  std::vector<Scored> seekers_for_posting(const std::string& posting_id, std::size_t limit) const;
  //! Published postings whose hard conditions the seeker meets, best first.
  std::vector<Scored> postings_for_seeker(const std::string& user_id, std::size_t limit) const;
  //! Scores one pair; nullopt when a hard condition fails or either side is unknown.
  std::optional<Scored> score_pair(const std::string& posting_id, const std::string& user_id) const;

  Stats stats() const;
  //! Days since 1970-01-01 used as "today" for recency; tests and benchmarks pin it.
  void set_today(int days_since_epoch);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

//! Adds a match's "score" (0–100), "reasons" (strings), "reason_details" ([{text, effect: plus|minus}]),
//! "distance_km" (null when unknown; 0 inside a preferred area), "in_preferred_area" and "experience_years" to an
//! API item: the one shape of a score on every surface.
void add_score_json(boost::json::object& item, const Scored& m);

//! "2026-12-01" → days since 1970-01-01; nullopt for anything else.
std::optional<int> parse_days(std::string_view date);

}  // namespace kh::matching
