#pragma once
//! The change log: one row per write, appended inside the writing transaction. Projections and live pushes
//! read it (never side channels), so every process can rebuild what it holds in memory from the database alone.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace kh::store {

struct Change {
  std::int64_t seq;
  std::int64_t at_ms;
  std::string entity;     //!< e.g. "user", "posting"
  std::string entity_id;
  std::string op;         //!< "create", "update", "delete"
};

//! Appends a change; call inside the transaction that made it. On PostgreSQL also NOTIFYs other processes.
Result<void> append_change(Connection& c, std::string_view entity, std::string_view entity_id, std::string_view op);

//! Changes after `after_seq`, oldest first, at most `limit`.
Result<std::vector<Change>> changes_since(Connection& c, std::int64_t after_seq, int limit = 1000);

}  // namespace kh::store
