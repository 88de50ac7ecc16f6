#pragma once
namespace kh::http { class Router; }
namespace kh::store { class Pool; }

namespace kh::mail {
//! GET /api/v1/dev/mails: only registered when no SMTP server is configured (the demo), so that a person
//! trying the demo can read the verification and reset mails. Never present on a real installation.
void register_demo_routes(http::Router& router, store::Pool& pool);
}
