#include "store/change_log.h"

#include "core/time.h"

namespace kh::store {

Result<void> append_change(Connection& c, std::string_view entity, std::string_view entity_id, std::string_view op) {
  KH_TRY(c.execute("INSERT INTO change_log (at, entity, entity_id, op) VALUES ($1, $2, $3, $4)",
                   {now_ms(), std::string(entity), std::string(entity_id), std::string(op)}));
  return c.announce_change(entity);
}

Result<std::vector<Change>> changes_since(Connection& c, std::int64_t after_seq, int limit) {
  auto r = KH_TRY(c.execute("SELECT seq, at, entity, entity_id, op FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2",
                            {after_seq, std::int64_t{limit}}));
  std::vector<Change> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3), row.text(4)});
  return out;
}

}  // namespace kh::store
