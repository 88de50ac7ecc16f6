#pragma once
//! Versioned schema changes, embedded in the binary and applied once each, in order, inside a transaction.
#include <string_view>
#include <vector>

#include "store/database.h"

namespace kh::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  //!< may contain {{serial}}, {{blob}} tokens expanded per dialect
};

const std::vector<Migration>& embedded_migrations();

//! Expands the dialect tokens of a migration.
std::string expand_for_dialect(std::string_view sql, Dialect dialect);

//! Applies every migration newer than the database's version; returns how many were applied.
Result<int> migrate(Connection& connection, const std::vector<Migration>& migrations = embedded_migrations());

//! The highest applied version (0 for an empty database).
Result<int> schema_version(Connection& connection);

}  // namespace kh::store
