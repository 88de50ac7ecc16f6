#include "store/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <poll.h>
#include <unistd.h>

#include <cstring>

namespace kh::store {
namespace {

//! Lost or refused connections and a server shutting down (SQLSTATE class 08, 57P01–57P03) are an outage the
//! client may retry (503), not a fault of ours (500).
bool is_outage(const char* state, PGconn* conn) {
  if (PQstatus(conn) != CONNECTION_OK) return true;
  if (!state) return false;
  return std::strncmp(state, "08", 2) == 0 || std::strcmp(state, "57P01") == 0 || std::strcmp(state, "57P02") == 0 ||
         std::strcmp(state, "57P03") == 0;
}

Error pg_error(PGresult* res, PGconn* conn, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  if (state && std::strcmp(state, "23505") == 0)
    return errors::conflict(std::string(unique_violation), "同じ値がすでに登録されています。");
  if (is_outage(state, conn))
    return errors::unavailable(std::string(what) + ": " + (res ? PQresultErrorMessage(res) : PQerrorMessage(conn)));
  return errors::internal(std::string(what) + ": " + (res ? PQresultErrorMessage(res) : PQerrorMessage(conn)));
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }
  bool broken() const override { return PQstatus(conn_) != CONNECTION_OK; }

  Result<QueryResult> execute(std::string_view sql, const Params& params) override {
    std::vector<std::string> storage;
    storage.reserve(params.size());
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Param& p : params) {
      if (std::holds_alternative<std::nullptr_t>(p)) {
        values.push_back(nullptr);
      } else if (auto* n = std::get_if<std::int64_t>(&p)) {
        storage.push_back(std::to_string(*n));
        values.push_back(storage.back().c_str());
      } else {
        storage.push_back(std::get<std::string>(p));
        values.push_back(storage.back().c_str());
      }
    }
    const std::string query(sql);
    PGresult* res = PQexecParams(conn_, query.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0);
    std::unique_ptr<PGresult, decltype(&PQclear)> guard(res, PQclear);
    const auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return fail(pg_error(res, conn_, "query"));
    QueryResult result;
    const int rows = PQntuples(res), columns = PQnfields(res);
    result.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(res, r, c)) cells.emplace_back(std::nullopt);
        else cells.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
      }
      result.rows.emplace_back(std::move(cells));
    }
    const char* tuples = PQcmdTuples(res);
    result.affected = (tuples && *tuples) ? std::atoll(tuples) : 0;
    return result;
  }

  Result<void> execute_script(std::string_view sql) override {
    const std::string s(sql);
    PGresult* res = PQexec(conn_, s.c_str());
    std::unique_ptr<PGresult, decltype(&PQclear)> guard(res, PQclear);
    const auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return fail(pg_error(res, conn_, "script"));
    return {};
  }

  Dialect dialect() const override { return Dialect::postgres; }
  Result<void> begin() override { return execute_script("BEGIN"); }
  Result<void> commit() override { return execute_script("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) (void)execute_script("ROLLBACK");
  }
  // NOTIFY is delivered at commit, so listeners never see a change that was rolled back.
  Result<void> announce_change(std::string_view entity) override {
    KH_TRY(execute("SELECT pg_notify('kakehashi_changes', $1)", {std::string(entity)}));
    return {};
  }

 private:
  PGconn* conn_;
};

//! LISTEN on a connection of its own, waited on with poll() together with a pipe that interrupt() writes to.
class PostgresSignal final : public ChangeSignal {
 public:
  explicit PostgresSignal(std::string url) : url_(std::move(url)) {
    if (pipe(wake_) != 0) wake_[0] = wake_[1] = -1;
  }
  ~PostgresSignal() override {
    if (conn_) PQfinish(conn_);
    for (int fd : wake_) if (fd >= 0) close(fd);
  }

  bool wait(std::chrono::milliseconds timeout) override {
    if (!connected()) {
      // Unreachable (a restart): wait as a poll would, and try again next time.
      pollfd only{wake_[0], POLLIN, 0};
      (void)poll(&only, 1, static_cast<int>(timeout.count()));
      drain_wake();
      return false;
    }
    if (drain()) return true;
    pollfd fds[2] = {{PQsocket(conn_), POLLIN, 0}, {wake_[0], POLLIN, 0}};
    const int n = poll(fds, 2, static_cast<int>(timeout.count()));
    if (n <= 0) return false;
    if (fds[1].revents) { drain_wake(); return false; }
    if (!PQconsumeInput(conn_)) { PQfinish(conn_); conn_ = nullptr; return false; }
    return drain();
  }

  void interrupt() override {
    if (wake_[1] >= 0) (void)!write(wake_[1], "x", 1);
  }

  Result<void> connect() {
    if (conn_) PQfinish(conn_);
    conn_ = PQconnectdb(url_.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string m = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      return fail(errors::internal("cannot connect to PostgreSQL for LISTEN: " + m));
    }
    PGresult* res = PQexec(conn_, "LISTEN kakehashi_changes");
    const bool ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok) { PQfinish(conn_); conn_ = nullptr; return fail(errors::internal("LISTEN kakehashi_changes failed")); }
    return {};
  }

 private:
  bool connected() {
    if (conn_ && PQstatus(conn_) == CONNECTION_OK) return true;
    return static_cast<bool>(connect());
  }
  bool drain() {
    bool any = false;
    while (PGnotify* n = PQnotifies(conn_)) { any = true; PQfreemem(n); }
    return any;
  }
  void drain_wake() {
    char buf[64];
    pollfd p{wake_[0], POLLIN, 0};
    while (poll(&p, 1, 0) > 0 && read(wake_[0], buf, sizeof buf) > 0) {}
  }
  std::string url_;
  PGconn* conn_ = nullptr;
  int wake_[2] = {-1, -1};
};

//! A database host that does not answer must not hold a request past its timeout: libpq waits forever by
//! default. An explicit connect_timeout in the URL wins.
std::string with_connect_timeout(std::string url) {
  if (url.find("connect_timeout") != std::string::npos) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=5";
}

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::string url) : url_(with_connect_timeout(std::move(url))) {}
  Result<std::unique_ptr<Connection>> connect() override {
    PGconn* conn = PQconnectdb(url_.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string m = PQerrorMessage(conn);
      PQfinish(conn);
      return fail(errors::unavailable("cannot connect to PostgreSQL: " + m));
    }
    auto connection = std::make_unique<PostgresConnection>(conn);
    // Quiet NOTICEs (e.g. "relation already exists, skipping") and pin UTC so stored times never drift.
    KH_TRY_VOID(connection->execute_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
    return std::unique_ptr<Connection>(std::move(connection));
  }
  Dialect dialect() const override { return Dialect::postgres; }
  Result<std::unique_ptr<ChangeSignal>> listen_for_changes() override {
    auto signal = std::make_unique<PostgresSignal>(url_);
    KH_TRY_VOID(signal->connect());
    return std::unique_ptr<ChangeSignal>(std::move(signal));
  }

 private:
  std::string url_;
};

}  // namespace

Result<std::unique_ptr<Database>> make_postgres_database(std::string url) {
  return std::unique_ptr<Database>(std::make_unique<PostgresDatabase>(std::move(url)));
}

}  // namespace kh::store
