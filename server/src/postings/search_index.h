#pragma once
//! The in-memory index behind public search: published postings only, searched by their PUBLIC text.
//! A masked posting's hidden values are never put into the index, so no query, count, facet or sort order
//! can depend on them (SPEC.md masking rule 2).
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "postings/postings.h"

namespace kh::postings {

struct SearchQuery {
  std::string q;
  std::optional<std::string> category, specialty, prefecture, area, employment, urgency, start_from, start_to;
  std::string sort = "newest";  //!< newest, start_date, urgency
  int page = 1;
  int per_page = 20;
};

struct SearchResult {
  std::vector<Posting> items;
  std::int64_t total = 0;
  std::map<std::string, std::map<std::string, std::int64_t>> facets;  //!< facet -> value -> count
};

class SearchIndex {
 public:
  explicit SearchIndex(const reference::Catalogue& catalogue) : catalogue_(catalogue) {}
  void rebuild(std::vector<Posting> published);
  //! Adds or replaces a posting; removes it when it is no longer published.
  void upsert(const Posting& p);
  void remove(const std::string& id);
  SearchResult search(const SearchQuery& query) const;
  //! Published postings passing `keep`, newest first, at most `limit` (partner feeds).
  std::vector<Posting> select(const std::function<bool(const Posting&)>& keep, std::size_t limit) const;
  std::size_t size() const;
  //! Changes whenever what a search can answer changes (a posting in or out, the catalogue reloaded: touch()).
  std::uint64_t version() const { return version_.load(std::memory_order_acquire); }
  void touch() { version_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  struct Entry {
    Posting posting;
    std::string text;  //!< folded public text
  };
  Entry make_entry(const Posting& p) const;
  const reference::Catalogue& catalogue_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::atomic<std::uint64_t> version_{1};
};

//! Validates the query string of GET /api/v1/postings into a SearchQuery, naming wrong parameters in Japanese.
Result<SearchQuery> parse_search_query(const std::multimap<std::string, std::string>& params,
                                       const reference::Catalogue& catalogue);

}  // namespace kh::postings
