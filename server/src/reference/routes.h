#pragma once
namespace kh::http { class Router; }
namespace kh::reference {
//! GET /api/v1/reference/prefectures (public).
void register_routes(http::Router& router);
}
