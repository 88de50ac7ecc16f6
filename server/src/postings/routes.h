#pragma once
namespace kh::http { class Router; }
namespace kh::accounts { class Service; }
namespace kh::store { class ChangeFollower; }

namespace kh::postings {
class Service;
class SearchIndex;
//! Public search and detail, and the facility's registration, editing, CSV import and management list.
void register_routes(http::Router& router, Service& postings, SearchIndex& index, store::ChangeFollower& follower,
                     accounts::Service& accounts);
}
