#pragma once
#include <optional>
#include <string>

#include "http/request.h"

namespace kh::http {
//! Serves a file below `root` for GET/HEAD; paths without a file extension fall back to index.html so the
//! web app's own router can handle them. Never serves anything outside `root`.
std::optional<Response> serve_static(const std::string& root, const Request& request);
}
