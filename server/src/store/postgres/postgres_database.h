#pragma once
#include <memory>
#include <string>

#include "store/database.h"

namespace kh::store {
//! A PostgreSQL database reached through libpq with a connection URL.
Result<std::unique_ptr<Database>> make_postgres_database(std::string url);
}
