#pragma once
#include "core/error.h"

namespace kh::store { class Pool; }
namespace kh::accounts { class Service; }

namespace kh::app {
//! Loads the deterministic demo data set; does nothing if it is already there. Returns the number of users added.
Result<int> load_demo_data(store::Pool& pool, accounts::Service& accounts);
//! The demo logins printed by `make demo` (all share one password).
inline constexpr const char* demo_password = "Kakehashi2026";
}
