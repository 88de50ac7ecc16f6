#pragma once
//! The answers of the anonymous posting search, kept per query until the index changes (issue 17: in an emergency
//! most of the traffic is visitors repeating a few searches; serialising 20 postings and their facets for each of
//! them is what made the API 13× slower than a static file). Only for requests without a session: what a logged-in
//! viewer sees depends on who they are. A body is valid for exactly one index version, so a change is never served
//! stale: the first search after it computes and stores the new answer.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kh::postings {

class AnonymousSearchCache {
 public:
  std::optional<std::string> find(const std::string& query_key, std::uint64_t index_version) const;
  void store(const std::string& query_key, std::uint64_t index_version, std::string body);

 private:
  //! Distinct queries kept; past it everything is dropped (a crawler's endless variations must not grow memory).
  static constexpr std::size_t max_entries = 512;
  struct Entry {
    std::uint64_t version;
    std::string body;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace kh::postings
