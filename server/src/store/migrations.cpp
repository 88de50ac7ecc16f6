#include "store/migrations.h"

#include "core/log.h"
#include "core/time.h"

namespace kh::store {

std::string expand_for_dialect(std::string_view sql, Dialect dialect) {
  struct Token { std::string_view name, sqlite, postgres; };
  static constexpr Token tokens[] = {
      {"{{serial}}", "INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"},
      {"{{blob}}", "BLOB", "BYTEA"},
  };
  std::string out(sql);
  for (const auto& t : tokens) {
    const auto& with = dialect == Dialect::sqlite ? t.sqlite : t.postgres;
    for (auto pos = out.find(t.name); pos != std::string::npos; pos = out.find(t.name, pos + with.size()))
      out.replace(pos, t.name.size(), with);
  }
  return out;
}

Result<int> schema_version(Connection& c) {
  KH_TRY_VOID(c.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at BIGINT NOT NULL)"));
  auto r = KH_TRY(c.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  return static_cast<int>(r.rows.at(0).integer(0));
}

Result<int> migrate(Connection& c, const std::vector<Migration>& migrations) {
  const int current = KH_TRY(schema_version(c));
  int applied = 0;
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    auto step = in_transaction(c, [&]() -> Result<void> {
      // Another process may have applied it meanwhile (two servers starting together): take the lock, re-check.
      if (c.dialect() == Dialect::postgres) KH_TRY_VOID(c.execute_script("LOCK TABLE schema_migrations IN EXCLUSIVE MODE"));
      auto again = KH_TRY(c.execute("SELECT 1 FROM schema_migrations WHERE version = $1", {std::int64_t{m.version}}));
      if (!again.rows.empty()) return {};
      KH_TRY_VOID(c.execute_script(expand_for_dialect(m.sql, c.dialect())));
      KH_TRY(c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                       {std::int64_t{m.version}, std::string(m.name), now_ms()}));
      return {};
    });
    if (!step) return fail(step.error());
    log::info("migration_applied", std::string(m.name));
    ++applied;
  }
  return applied;
}

}  // namespace kh::store
