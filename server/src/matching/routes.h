#pragma once
namespace kh::http { class Router; }
namespace kh::accounts { class Service; }
namespace kh::postings { class Service; }
namespace kh::seekers { class Service; }

namespace kh::matching {
class Engine;
//! GET /api/v1/me/matches (a seeker's おすすめ求人) and GET /api/v1/postings/{id}/matches (anonymous candidates).
void register_routes(http::Router& router, Engine& engine, postings::Service& postings, seekers::Service& seekers,
                     accounts::Service& accounts);
}
