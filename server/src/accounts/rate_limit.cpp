// The shared rate limiter, on the login throttle's table.
#include "accounts/rate_limit.h"

#include "accounts/repo.h"
#include "core/time.h"
#include "store/database.h"

namespace kh::accounts {

Result<void> limit_rate(store::Pool& pool, const std::string& key, int limit, std::int64_t window_ms,
                        const std::string& message) {
  auto lease = KH_TRY(pool.acquire());
  auto& c = *lease;
  const auto now = now_ms();
  if (KH_TRY(repo::throttle_failures(c, key, now - window_ms)) >= limit) {
    auto e = errors::too_many(message);
    e.retry_after_seconds = (window_ms + 999) / 1000;
    return fail(std::move(e));
  }
  return repo::throttle_add_failure(c, key, now, window_ms);
}

}  // namespace kh::accounts
