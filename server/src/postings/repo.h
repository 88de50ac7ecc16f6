#pragma once
// The postings module's SQL. Private to postings/.
#include <optional>
#include <string>
#include <vector>

#include "postings/postings.h"

namespace kh::postings::repo {
Result<void> insert(store::Connection& c, const Posting& p, const std::string& actor_id);
Result<void> update(store::Connection& c, const Posting& p, const std::string& actor_id);
Result<std::optional<Posting>> find(store::Connection& c, const std::string& id);
Result<std::vector<Posting>> list_by_facilities(store::Connection& c, const std::vector<std::string>& facility_ids);
Result<std::vector<Posting>> list_published(store::Connection& c);
Result<void> insert_version(store::Connection& c, const std::string& posting_id, std::int64_t version,
                            const std::string& actor_login, const std::string& changes);
Result<std::vector<PostingVersion>> list_versions(store::Connection& c, const std::string& posting_id);
}  // namespace kh::postings::repo
