#pragma once
//! GET /api/v1/me/home: what needs doing now, counted per role for the role's home page (issue 11 item 8).
namespace kh::http { class Router; }

namespace kh::app {
struct Context;

void register_home_routes(http::Router& router, Context& ctx);

}  // namespace kh::app
