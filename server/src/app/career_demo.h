#pragma once
//! The career centre's demo data (issue 13), loaded by `demo-data` after the users.
#include "core/error.h"

namespace kh::app {
struct Context;
//! The login of the demo doctor linked to the centre's registry (a seeker account; password as the other demo logins).
inline constexpr const char* demo_doctor_login = "ishi-09@example.jp";
//! Three programmes and 40 obligated doctors with plans for 栃木県地域医療支援センター (career-09).
Result<void> load_career_demo(Context& ctx);
}  // namespace kh::app
