#pragma once
//! Maps method + path pattern ("/api/v1/users/{id}") to a handler; answers 404/405 with the error envelope.
#include <functional>
#include <string>
#include <vector>

#include "http/request.h"

namespace kh::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  //! Finds the handler, fills path_params and runs it. Returns nullopt when no pattern matches the path at all.
  std::optional<Response> dispatch(Request& request) const;
  //! "GET /api/v1/users/{id}" for every route, in registration order (for `kakehashi routes` and the
  //! authorisation-matrix test, which fails on a route that docs/openapi.yaml does not document).
  std::vector<std::string> describe() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{name}" segments capture
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace kh::http
