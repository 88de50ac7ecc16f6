#pragma once
//! The request rate limiter other modules reuse: the login throttle's table (login_throttle) counting uses of a key
//! in a fixed window.
#include <cstdint>
#include <string>

#include "core/error.h"

namespace kh::store { class Pool; }

namespace kh::accounts {

//! Counts one use of `key`; answers 429 with `message` (and Retry-After) once there were `limit` uses within the
//! window of `window_ms` that the key's first use opened.
Result<void> limit_rate(store::Pool& pool, const std::string& key, int limit, std::int64_t window_ms,
                        const std::string& message);

}  // namespace kh::accounts
