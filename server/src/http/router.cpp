#include "http/router.h"

#include <ranges>

namespace kh::http {
namespace {
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  for (auto part : std::views::split(path, '/'))
    if (!part.empty()) out.emplace_back(part.begin(), part.end());
  return out;
}

bool match(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
           std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const auto& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') params[p.substr(1, p.size() - 2)] = path[i];
    else if (p != path[i]) return false;
  }
  return true;
}
}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back({std::move(method), split_path(pattern), std::move(handler)});
}

std::vector<std::string> Router::describe() const {
  std::vector<std::string> out;
  for (const auto& route : routes_) {
    std::string line = route.method + " ";
    for (const auto& s : route.segments) line += "/" + s;
    out.push_back(std::move(line));
  }
  return out;
}

std::optional<Response> Router::dispatch(Request& request) const {
  const auto path = split_path(request.path);
  std::string allowed;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match(route.segments, path, params)) continue;
    const bool head_as_get = request.method == "HEAD" && route.method == "GET";
    if (route.method == request.method || head_as_get) {
      request.path_params = std::move(params);
      return route.handler(request);
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
  }
  if (allowed.empty()) return std::nullopt;
  Response r = error_response({405, "method_not_allowed", "このURLではこのメソッドは使用できません。", {}});
  r.header("Allow", allowed);
  return r;
}

}  // namespace kh::http
