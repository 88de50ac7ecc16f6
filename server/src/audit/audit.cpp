#include "audit/audit.h"

#include "core/time.h"
#include "store/database.h"

namespace kh::audit {

Result<void> record(store::Connection& c, const Actor& actor, std::string_view action,
                    std::optional<std::string> subject_type, std::optional<std::string> subject_id,
                    std::optional<std::string> detail) {
  KH_TRY(c.execute(
      "INSERT INTO audit_log (at, actor_id, actor_login, action, subject_type, subject_id, detail, ip) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {now_ms(), store::optional_text(actor.user_id), store::optional_text(actor.login), std::string(action),
       store::optional_text(subject_type), store::optional_text(subject_id), store::optional_text(detail), actor.ip}));
  return {};
}

Result<Page> list(store::Connection& c, const Query& q) {
  // Filters are optional: a NULL parameter disables its condition, so one statement serves every combination.
  const std::string where = " WHERE (CAST($1 AS TEXT) IS NULL OR action = $1) AND (CAST($2 AS TEXT) IS NULL OR actor_id = $2)";
  store::Params filters{store::optional_text(q.action), store::optional_text(q.actor_id)};
  auto count = KH_TRY(c.execute("SELECT COUNT(*) FROM audit_log" + where, filters));
  store::Params paged = filters;
  paged.emplace_back(std::int64_t{q.per_page});
  paged.emplace_back(std::int64_t{(q.page - 1) * q.per_page});
  auto rows = KH_TRY(c.execute(
      "SELECT id, at, actor_id, actor_login, action, subject_type, subject_id, detail, ip FROM audit_log" + where +
          " ORDER BY id DESC LIMIT $3 OFFSET $4",
      paged));
  Page page;
  page.total = count.rows.at(0).integer(0);
  for (const auto& r : rows.rows)
    page.items.push_back({r.integer(0), r.integer(1), r.optional_text(2), r.optional_text(3), r.text(4),
                          r.optional_text(5), r.optional_text(6), r.optional_text(7), r.text(8)});
  return page;
}

}  // namespace kh::audit
