#pragma once
#include <string_view>

namespace kh::http { class Router; struct Request; }
namespace kh::store { class Pool; }
namespace kh::accounts { class Service; }

namespace kh::audit {
void register_routes(http::Router& router, accounts::Service& accounts, store::Pool& pool);
//! A positive page-number style query parameter, clamped to [1, max]; `fallback` when absent or not a number.
int page_param(const http::Request& req, std::string_view name, int fallback, int max);
}
