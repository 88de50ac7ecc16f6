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
namespace kh::reference { class Catalogue; }
namespace kh::postings { struct Posting; }

namespace kh::matching {

struct Scored {
  std::string id;                 //!< posting id or seeker user id
  int score = 0;
  std::uint16_t reason_bits = 0;  //!< which reasons apply; words are made only when shown
  //! 「希望診療科が一致」… in the order of their weight.
  std::vector<std::string> reasons() const;
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
  //! Adds or replaces a seeker from the profile document (SPEC.md "Seeker profile JSON").
  void upsert_seeker(const std::string& user_id, const boost::json::object& profile);
  //! Many seekers at once (start-up): faster than one by one, same result.
  void upsert_seekers(const std::vector<std::pair<std::string, boost::json::object>>& profiles);
  void remove_seeker(const std::string& user_id);

  using Visitor = std::function<void(const std::string& user_id, int score, std::uint16_t reason_bits)>;
  //! Calls `visit` for every seeker meeting the posting's hard conditions, in no order, allocating nothing
  //! (the engine's lock is held meanwhile: keep `visit` short).
  void visit_seekers_for_posting(const std::string& posting_id, const Visitor& visit) const;
  //! Seekers who meet every hard condition of the posting, best first (at most `limit`).
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

//! "2026-12-01" → days since 1970-01-01; nullopt for anything else.
std::optional<int> parse_days(std::string_view date);

}  // namespace kh::matching
