#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kh::http {
namespace {
std::string mime_type(const std::filesystem::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},
      {".ico", "image/x-icon"},              {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}, {".yaml", "application/yaml; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

std::optional<Response> serve_static(const std::string& root, const Request& request) {
  if (root.empty() || (request.method != "GET" && request.method != "HEAD")) return std::nullopt;
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path wanted = fs::weakly_canonical(base / fs::path(request.path).relative_path(), ec);
  // Reject anything that resolves outside the web root ("/../../etc/passwd", symlinks out).
  const auto rel = wanted.lexically_relative(base);
  const bool inside = !ec && !rel.empty() && *rel.begin() != "..";
  bool fallback = false;
  if (!inside || !fs::is_regular_file(wanted, ec)) {
    if (fs::path(request.path).has_extension()) return std::nullopt;  // a missing asset is a real 404
    wanted = base / "index.html";
    fallback = true;
  }
  auto body = read_file(wanted);
  if (!body) return std::nullopt;
  Response r;
  r.content_type = mime_type(wanted);
  r.body = std::move(*body);
  // Vite names assets by content hash, so they never change; the HTML must always be re-checked.
  const bool hashed_asset = request.path.starts_with("/assets/") && !fallback;
  r.header("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace kh::http
