#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <utility>

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

//! The change signal of one SQLite database within this process: a commit that wrote to the change log counts one
//! up and wakes the listeners (the change follower), the counterpart of PostgreSQL's NOTIFY. Only this process's
//! commits count; another process on the same file (a command beside the server) is seen at the next poll.
struct LocalCommits {
  std::mutex mutex;
  std::condition_variable committed;
  std::uint64_t count = 0;
  void announce() {
    {
      std::lock_guard lock(mutex);
      ++count;
    }
    committed.notify_all();
  }
};

class LocalChangeSignal final : public ChangeSignal {
 public:
  explicit LocalChangeSignal(std::shared_ptr<LocalCommits> commits) : commits_(std::move(commits)) {
    std::lock_guard lock(commits_->mutex);
    seen_ = commits_->count;
  }
  // A commit between two waits is not lost: it moved the count past what the last wait saw.
  bool wait(std::chrono::milliseconds timeout) override {
    std::unique_lock lock(commits_->mutex);
    commits_->committed.wait_for(lock, timeout, [&] { return commits_->count != seen_ || interrupted_; });
    const bool arrived = commits_->count != seen_ && !interrupted_;
    seen_ = commits_->count;
    return arrived;
  }
  void interrupt() override {
    {
      std::lock_guard lock(commits_->mutex);
      interrupted_ = true;
    }
    commits_->committed.notify_all();
  }
  bool hears_other_processes() const override { return false; }

 private:
  std::shared_ptr<LocalCommits> commits_;
  std::uint64_t seen_ = 0;
  bool interrupted_ = false;  // guarded by commits_->mutex
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::shared_ptr<LocalCommits> commits) : db_(db), commits_(std::move(commits)) {}
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
  Result<void> begin() override {
    changed_ = false;
    return execute_script("BEGIN IMMEDIATE");
  }
  Result<void> commit() override {
    KH_TRY_VOID(execute_script("COMMIT"));
    if (std::exchange(changed_, false)) commits_->announce();
    return {};
  }
  void rollback() override {
    changed_ = false;
    if (!sqlite3_get_autocommit(db_)) (void)execute_script("ROLLBACK");
  }
  // Announced after COMMIT (the follower reads through another connection: it must find the change there).
  Result<void> announce_change(std::string_view) override {
    if (sqlite3_get_autocommit(db_)) commits_->announce();  // written outside a transaction: already committed
    else changed_ = true;
    return {};
  }

 private:
  sqlite3* db_;
  std::shared_ptr<LocalCommits> commits_;
  bool changed_ = false;  // the open transaction wrote to the change log
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
    auto connection = std::make_unique<SqliteConnection>(db, commits_);
    sqlite3_busy_timeout(db, 10000);
    // WAL lets readers work during a write; FULL makes a COMMIT durable before we answer the client.
    KH_TRY_VOID(connection->execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"));
    return std::unique_ptr<Connection>(std::move(connection));
  }
  Dialect dialect() const override { return Dialect::sqlite; }
  Result<std::unique_ptr<ChangeSignal>> listen_for_changes() override {
    return std::unique_ptr<ChangeSignal>(std::make_unique<LocalChangeSignal>(commits_));
  }

 private:
  std::string path_;
  std::shared_ptr<LocalCommits> commits_ = std::make_shared<LocalCommits>();
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
