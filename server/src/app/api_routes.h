#pragma once
namespace kh::http { class Router; }

namespace kh::app {
struct Context;
//! Registers every module's endpoints plus /api/v1/health and /api/v1/openapi.yaml.
void register_api_routes(http::Router& router, Context& context);
}
