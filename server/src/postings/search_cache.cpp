#include "postings/search_cache.h"

namespace kh::postings {

std::optional<std::string> AnonymousSearchCache::find(const std::string& query_key, std::uint64_t index_version) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(query_key);
  if (it == entries_.end() || it->second.version != index_version) return std::nullopt;
  return it->second.body;
}

void AnonymousSearchCache::store(const std::string& query_key, std::uint64_t index_version, std::string body) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries && !entries_.contains(query_key)) entries_.clear();
  entries_.insert_or_assign(query_key, Entry{index_version, std::move(body)});
}

}  // namespace kh::postings
