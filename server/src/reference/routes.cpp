#include "reference/routes.h"

#include <boost/json.hpp>

#include "http/request.h"
#include "http/router.h"
#include "reference/prefectures.h"

namespace kh::reference {

void register_routes(http::Router& router) {
  router.add("GET", "/api/v1/reference/prefectures", [](http::Request&) {
    boost::json::array items;
    for (const auto& p : prefectures()) items.push_back({{"code", p.code}, {"name", p.name}, {"name_en", p.name_en}});
    auto res = http::json_response(200, boost::json::object{{"items", std::move(items)}, {"total", 47}});
    res.header("Cache-Control", "public, max-age=3600");
    return res;
  });
}

}  // namespace kh::reference
