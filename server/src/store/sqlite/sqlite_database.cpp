#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <filesystem>

namespace kh::store {
namespace {

Error sqlite_error(sqlite3* db, std::string_view what) {
  const int code = sqlite3_extended_errcode(db);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    return errors::conflict(std::string(unique_violation), "同じ値がすでに登録されています。");
  return errors::internal(std::string(what) + ": " + sqlite3_errmsg(db));
}

//! `$12` → `?12` outside '…' and "…" (SQL strings and identifiers).
std::string numbered_parameters(std::string_view sql) {
  std::string out(sql);
  char quote = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (quote) { if (c == quote) quote = 0; continue; }
    if (c == '\'' || c == '"') quote = c;
    else if (c == '$' && i + 1 < out.size() && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  }
  return out;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  Result<QueryResult> execute(std::string_view sql, const Params& params) override {
    // Parameters are written $1, $2 … as in PostgreSQL. SQLite's own numbered form ?1, ?2 … means the same and
    // binds by position, whereas named $N parameters are resolved by linear searches (quadratic in a batch insert
    // of hundreds of rows). So $N outside quoted text becomes ?N.
    const std::string numbered = numbered_parameters(sql);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, numbered.data(), static_cast<int>(numbered.size()), &stmt, nullptr) != SQLITE_OK)
      return fail(sqlite_error(db_, "prepare"));
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> guard(stmt, sqlite3_finalize);
    const int count = sqlite3_bind_parameter_count(stmt);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      if (index > count) break;  // not used by the statement
      const Param& p = params[i];
      int rc;
      if (std::holds_alternative<std::nullptr_t>(p)) rc = sqlite3_bind_null(stmt, index);
      else if (auto* n = std::get_if<std::int64_t>(&p)) rc = sqlite3_bind_int64(stmt, index, *n);
      else {
        const auto& s = std::get<std::string>(p);
        rc = sqlite3_bind_text(stmt, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return fail(sqlite_error(db_, "bind"));
    }
    QueryResult result;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return fail(sqlite_error(db_, "step"));
      std::vector<std::optional<std::string>> cells;
      cells.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          cells.emplace_back(std::nullopt);
        } else {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          cells.emplace_back(std::string(text, sqlite3_column_bytes(stmt, c)));
        }
      }
      result.rows.emplace_back(std::move(cells));
    }
    result.affected = sqlite3_changes64(db_);
    return result;
  }

  Result<void> execute_script(std::string_view sql) override {
    char* message = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string m = message ? message : "unknown";
      sqlite3_free(message);
      return fail(errors::internal("sqlite script: " + m));
    }
    return {};
  }

  Dialect dialect() const override { return Dialect::sqlite; }
  Result<void> begin() override { return execute_script("BEGIN IMMEDIATE"); }
  Result<void> commit() override { return execute_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) (void)execute_script("ROLLBACK");
  }

 private:
  sqlite3* db_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}

  Result<std::unique_ptr<Connection>> connect() override {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path_.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      std::string m = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close_v2(db);
      return fail(errors::internal("cannot open SQLite database " + path_ + ": " + m));
    }
    auto connection = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, 10000);
    // WAL lets readers work during a write; FULL makes a COMMIT durable before we answer the client.
    KH_TRY_VOID(connection->execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"));
    return std::unique_ptr<Connection>(std::move(connection));
  }
  Dialect dialect() const override { return Dialect::sqlite; }

 private:
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<Database>> make_sqlite_database(std::string path) {
  if (path.empty()) return fail(errors::bad_request("SQLiteのファイルパスを指定してください（sqlite:PATH）。"));
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  return std::unique_ptr<Database>(std::make_unique<SqliteDatabase>(std::move(path)));
}

}  // namespace kh::store
