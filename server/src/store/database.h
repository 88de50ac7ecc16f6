#pragma once
//! The storage interface every module uses; drivers live in sqlite/ and postgres/.
#include <condition_variable>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"

namespace kh::store {

enum class Dialect { sqlite, postgres };

//! A bound parameter: SQL NULL, integer, or text. Booleans are bound as 0/1 integers.
using Param = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Params = std::vector<Param>;

inline Param optional_text(const std::optional<std::string>& s) { return s ? Param{*s} : Param{nullptr}; }
inline Param flag(bool b) { return std::int64_t{b ? 1 : 0}; }
//! The placeholders of an IN list of `count` values, numbered from `first`: "$1, $2, $3"; "NULL" when there are
//! none, so `IN (NULL)` matches nothing instead of being a syntax error.
std::string placeholders(std::size_t count, std::size_t first = 1);
//! Text values as parameters, in order (for an IN list).
Params text_params(const std::vector<std::string>& values);

//! One result row; every value is read as text, which both drivers return losslessly.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  bool is_null(std::size_t i) const { return !cells_.at(i).has_value(); }
  const std::string& text(std::size_t i) const;           //!< empty string for NULL
  std::optional<std::string> optional_text(std::size_t i) const { return cells_.at(i); }
  std::int64_t integer(std::size_t i) const;              //!< 0 for NULL
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  std::size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;
};

struct QueryResult {
  std::vector<Row> rows;
  std::int64_t affected = 0;  //!< rows changed by INSERT/UPDATE/DELETE
};

//! Store-level error codes that callers may react to (the rest are internal errors).
inline constexpr std::string_view unique_violation = "unique_violation";

//! One connection; not thread-safe. Get it from a Pool.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Result<QueryResult> execute(std::string_view sql, const Params& params = {}) = 0;
  //! Several statements separated by semicolons, no parameters (migrations).
  virtual Result<void> execute_script(std::string_view sql) = 0;
  virtual Dialect dialect() const = 0;
  //! Starts a write transaction (SQLite: BEGIN IMMEDIATE, so two writers never deadlock on upgrade).
  virtual Result<void> begin() = 0;
  virtual Result<void> commit() = 0;
  virtual void rollback() = 0;
  //! Called by store::append_change for each change it writes: the change signal reaches the followers once the
  //! change is committed, never before and never for a rollback (PostgreSQL: NOTIFY, which the server delivers at
  //! commit to every process; SQLite: this process's followers, woken after COMMIT).
  virtual Result<void> announce_change(std::string_view entity) = 0;
  //! True once the link to the server is lost: the pool closes it instead of lending it again.
  virtual bool broken() const { return false; }
};

//! Opens connections for one database URL: "sqlite:PATH" or "postgresql://...".
//! Wakes the change follower when any process commits a change (PostgreSQL LISTEN/NOTIFY on the channel the
//! change log notifies), so projections in every process follow a write at once instead of at the next poll.
class ChangeSignal {
 public:
  virtual ~ChangeSignal() = default;
  //! Waits up to `timeout` for a notification: true when one arrived; false on timeout, on interrupt() and while
  //! the database is unreachable (it reconnects on a later call; the caller's polling covers the meantime).
  virtual bool wait(std::chrono::milliseconds timeout) = 0;
  //! Ends a wait in progress at once (shutdown).
  virtual void interrupt() = 0;
  //! False where only this process's commits are heard (SQLite): the follower then keeps polling at its short
  //! interval for the others (a command run beside the server), not only at the safety interval.
  virtual bool hears_other_processes() const { return true; }
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Result<std::unique_ptr<Connection>> connect() = 0;
  virtual Dialect dialect() const = 0;
  //! A listener for committed changes: from every process on PostgreSQL; on SQLite from this process only (a
  //! command run beside the server, such as an import, is seen at the follower's next poll).
  virtual Result<std::unique_ptr<ChangeSignal>> listen_for_changes() = 0;
};

Result<std::unique_ptr<Database>> open_database(std::string_view url);

//! A fixed-size set of connections shared by request threads and workers.
class Pool {
 public:
  Pool(Database& database, std::size_t size) : database_(database), capacity_(size) {}
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<Connection> c) : pool_(&pool), connection_(std::move(c)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), connection_(std::move(o.connection_)) {}
    ~Lease() { if (connection_) pool_->give_back(std::move(connection_)); }
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }
   private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };
  //! Waits for a free connection, opening a new one while below capacity.
  Result<Lease> acquire();
  Dialect dialect() const { return database_.dialect(); }
  Database& database() { return database_; }

 private:
  void give_back(std::unique_ptr<Connection> c);
  Database& database_;
  std::size_t capacity_;
  std::size_t opened_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

//! Runs `work` inside a write transaction; commits on success, rolls back on any error or exception.
template <class F>
auto in_transaction(Connection& c, F&& work) -> decltype(work()) {
  KH_TRY_VOID(c.begin());
  try {
    auto result = work();
    if (!result) {
      c.rollback();
      return result;
    }
    if (auto committed = c.commit(); !committed) return fail(committed.error());
    return result;
  } catch (...) {
    c.rollback();
    throw;
  }
}

}  // namespace kh::store
