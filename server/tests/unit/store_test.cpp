// Both drivers against real databases: a SQLite file always, PostgreSQL when KAKEHASHI_TEST_PG_URL names a
// server (make test starts one and sets it).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <unistd.h>

#include "store/change_log.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace kh;
using namespace kh::store;

namespace {

//! `name`: the SQLite file's, so that tests ctest may run at the same time do not share one.
std::string database_url(const std::string& kind, const std::string& name = "kakehashi-store-test") {
  if (kind == "sqlite") {
    const auto path = std::filesystem::path(::testing::TempDir()) / (name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    return "sqlite:" + path.string();
  }
  const char* url = std::getenv("KAKEHASHI_TEST_PG_URL");
  return url ? url : "";
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto url = database_url(GetParam());
    if (url.empty()) GTEST_SKIP() << "KAKEHASHI_TEST_PG_URL is not set";
    database = open_database(url).value();
    connection = database->connect().value();
    if (GetParam() == "postgres") {
      // A schema of its own per test: ctest runs tests in parallel against one server.
      schema = "kh_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
      ASSERT_TRUE(connection->execute_script("CREATE SCHEMA " + schema + "; SET search_path TO " + schema));
    }
    ASSERT_TRUE(migrate(*connection));
  }
  void TearDown() override {
    if (connection && !schema.empty()) (void)connection->execute_script("DROP SCHEMA " + schema + " CASCADE");
  }
  static inline int counter = 0;
  std::string schema;
  std::unique_ptr<Database> database;
  std::unique_ptr<Connection> connection;
};

}  // namespace

TEST_P(StoreTest, MigratesOnceAndReportsTheVersion) {
  const int version = schema_version(*connection).value();
  EXPECT_GE(version, 1);
  EXPECT_EQ(migrate(*connection).value(), 0);  // nothing left to apply
}

TEST_P(StoreTest, BindsParametersByNumberInAnyOrder) {
  auto& c = *connection;
  ASSERT_TRUE(c.execute("INSERT INTO organisations (id, name, kind, prefecture, created_at, updated_at) "
                        "VALUES ($1, $2, $3, $4, $5, $5)",
                        {std::string("org_1"), std::string("宇都宮市保健所"), std::string("aggregator"),
                         std::string("09"), std::int64_t{1700000000000}}));
  auto r = c.execute("SELECT name, created_at, updated_at FROM organisations WHERE prefecture = $2 AND id = $1",
                     {std::string("org_1"), std::string("09")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].text(0), "宇都宮市保健所");
  EXPECT_EQ(r->rows[0].integer(2), 1700000000000);
}

TEST_P(StoreTest, ReportsUniqueViolationsAsConflicts) {
  auto& c = *connection;
  const Params row{std::string("org_1"), std::string("A"), std::string("facility"), std::string("13"), std::int64_t{1}};
  const std::string sql =
      "INSERT INTO organisations (id, name, kind, prefecture, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)";
  ASSERT_TRUE(c.execute(sql, row));
  auto again = c.execute(sql, row);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, unique_violation);
  EXPECT_EQ(again.error().status, 409);
}

TEST_P(StoreTest, RollsBackEverythingOnError) {
  auto& c = *connection;
  auto result = in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(append_change(c, "organisation", "org_x", "create"));
    return fail(errors::bad_request("stop"));
  });
  EXPECT_FALSE(result);
  EXPECT_TRUE(changes_since(c, 0).value().empty());

  ASSERT_TRUE(in_transaction(c, [&]() -> Result<void> { return append_change(c, "user", "usr_1", "update"); }));
  auto changes = changes_since(c, 0).value();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].entity, "user");
  EXPECT_TRUE(changes_since(c, changes[0].seq).value().empty());
}

TEST_P(StoreTest, PoolHandsOutAtMostItsCapacity) {
  Pool pool(*database, 2);
  auto a = pool.acquire();
  auto b = pool.acquire();
  ASSERT_TRUE(a && b);
  EXPECT_TRUE((*a)->execute("SELECT 1"));
}

// SQLite's change signal (PostgreSQL's is NOTIFY, tested by the cluster test across processes): a committed change
// wakes the follower, and by then another connection finds it; a rolled-back one does not wake it.
TEST(SqliteChangeSignal, WakesAfterCommitOnlyAndTheChangeIsThereToRead) {
  using namespace std::chrono_literals;
  auto database = open_database(database_url("sqlite", "kakehashi-signal-test")).value();
  auto writer = database->connect().value();
  auto reader = database->connect().value();
  ASSERT_TRUE(migrate(*writer));
  auto signal = database->listen_for_changes().value();
  ASSERT_TRUE(signal);
  EXPECT_FALSE(signal->hears_other_processes());  // so the follower keeps its short poll for commands beside it
  EXPECT_FALSE(signal->wait(20ms));  // nothing written yet

  EXPECT_FALSE(in_transaction(*writer, [&]() -> Result<void> {
    KH_TRY_VOID(append_change(*writer, "posting", "pst_rolled_back", "create"));
    return fail(errors::bad_request("stop"));
  }));
  EXPECT_FALSE(signal->wait(50ms));

  // Written while the follower waits, from another thread, as a request thread does.
  std::thread request([&] {
    std::this_thread::sleep_for(50ms);
    ASSERT_TRUE(in_transaction(*writer, [&]() -> Result<void> { return append_change(*writer, "posting", "pst_1", "create"); }));
  });
  EXPECT_TRUE(signal->wait(10s));
  const auto seen = changes_since(*reader, 0).value();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].entity_id, "pst_1");
  request.join();

  // Outside a transaction the write is committed at once, and announced at once.
  ASSERT_TRUE(append_change(*writer, "posting", "pst_2", "update"));
  EXPECT_TRUE(signal->wait(10s));
  EXPECT_FALSE(signal->wait(20ms));  // each commit wakes once

  // Shutdown ends a wait at once rather than at its timeout.
  const auto before = std::chrono::steady_clock::now();
  std::thread stopper([&] {
    std::this_thread::sleep_for(50ms);
    signal->interrupt();
  });
  EXPECT_FALSE(signal->wait(30s));
  EXPECT_LT(std::chrono::steady_clock::now() - before, 20s);
  stopper.join();
}

INSTANTIATE_TEST_SUITE_P(Drivers, StoreTest, ::testing::Values("sqlite", "postgres"));

TEST(Migrations, ExpandDialectTokens) {
  EXPECT_EQ(expand_for_dialect("id {{serial}}", Dialect::sqlite), "id INTEGER PRIMARY KEY AUTOINCREMENT");
  EXPECT_EQ(expand_for_dialect("id {{serial}}, b {{blob}}", Dialect::postgres),
            "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, b BYTEA");
}

TEST(OpenDatabase, RejectsUnknownUrls) {
  EXPECT_FALSE(open_database("mysql://x"));
  EXPECT_FALSE(open_database("sqlite:"));
}
