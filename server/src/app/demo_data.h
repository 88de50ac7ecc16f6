#pragma once
#include "core/error.h"

namespace kh::app {
struct Context;
//! Loads the deterministic demo data set: one user for every role, facilities across several prefectures,
//! a few hundred postings (some masked, some urgent) and a few thousand seekers with conditions. Does
//! nothing if it is already there. Returns the number of users added.
Result<int> load_demo_data(Context& context);
//! The demo logins printed by `make demo` (all share one password).
inline constexpr const char* demo_password = "Kakehashi2026";
}
