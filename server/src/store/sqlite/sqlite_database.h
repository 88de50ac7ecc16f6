#pragma once
#include <memory>
#include <string>

#include "store/database.h"

namespace kh::store {
//! A SQLite database file in WAL mode with foreign keys on and synchronous=FULL (acknowledged writes survive kill -9).
Result<std::unique_ptr<Database>> make_sqlite_database(std::string path);
}
