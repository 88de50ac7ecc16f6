#pragma once
//! The career centre's demo data (issue 13), loaded by `demo-data` after the users.
#include "core/error.h"

namespace kh::app {
struct Context;
//! Three programmes and 40 obligated doctors with plans for 栃木県地域医療支援センター (career-09).
Result<void> load_career_demo(Context& ctx);
}  // namespace kh::app
