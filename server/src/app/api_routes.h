#pragma once
namespace kh::http { class Router; }
namespace kh::store { class Pool; }
namespace kh::accounts { class Service; }

namespace kh::app {
struct Config;
//! Registers every module's endpoints plus /api/v1/health and /api/v1/openapi.yaml.
void register_api_routes(http::Router& router, store::Pool& pool, accounts::Service& accounts, const Config& config);
}
