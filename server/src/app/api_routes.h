#pragma once
#include <string_view>

namespace kh::http { class Router; }

namespace kh::app {
struct Context;
struct Config;
//! How mail leaves: "smtp", "demo" (kept for the loopback demo's sent-mail page) or "not configured".
std::string_view mail_status(const Config& config);
//! Registers every module's endpoints plus /api/v1/health and /api/v1/openapi.yaml.
void register_api_routes(http::Router& router, Context& context);
}
