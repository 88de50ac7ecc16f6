#include "app/api_routes.h"

#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "app/context.h"
#include "app/home_routes.h"
#include "applications/applications.h"
#include "audit/routes.h"
#include "beds/beds.h"
#include "chat/chat.h"
#include "helpdesk/helpdesk.h"
#include "http/request.h"
#include "http/router.h"
#include "mail/routes.h"
#include "seekers/seekers.h"
#include "matching/routes.h"
#include "notify/notify.h"
#include "partners/partners.h"
#include "placement_rounds/placement_rounds.h"
#include "postings/routes.h"
#include "store/database.h"
#include "workenv/workenv.h"

namespace kh::app {

std::string_view embedded_openapi();  // generated from docs/openapi.yaml at build time

std::string_view mail_status(const Config& config) {
  if (!config.smtp_url.empty()) return "smtp";
  return config.demo_mail_page() ? "demo" : "not configured";
}

void register_api_routes(http::Router& router, Context& ctx) {
  auto& pool = *ctx.pool;
  auto& accounts = *ctx.accounts;
  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/health", [&pool, mail = std::string(mail_status(ctx.config))](http::Request&) {
    // Healthy means the database answers: a load balancer should not send traffic to a process that cannot.
    // "mail" tells an operator at a glance that mails are not leaving ("not configured").
    auto lease = pool.acquire();
    if (lease && (*lease)->execute("SELECT 1"))
      return http::json_response(200, boost::json::object{{"status", "ok"}, {"mail", mail}});
    return http::error_response(errors::unavailable("health: the database does not answer"));
  });
  // Rule: anyone, without a session.
  router.add("GET", "/api/v1/openapi.yaml", [](http::Request&) {
    http::Response r;
    r.content_type = "application/yaml; charset=utf-8";
    r.body = std::string(embedded_openapi());
    return r;
  });
  accounts::register_routes(router, accounts);
  audit::register_routes(router, accounts, pool);
  reference::register_routes(router, pool, ctx.catalogue, accounts);
  postings::register_routes(router, *ctx.postings, *ctx.search_index, *ctx.follower, accounts);
  seekers::register_routes(router, *ctx.seekers, accounts);
  matching::register_routes(router, *ctx.engine, *ctx.postings, *ctx.seekers, accounts);
  notify::register_routes(router, pool, accounts, *ctx.hub);
  partners::register_routes(router, *ctx.partners, accounts);
  beds::register_routes(router, *ctx.beds, accounts);
  helpdesk::register_routes(router, *ctx.helpdesk, accounts);
  applications::register_routes(router, *ctx.applications, accounts);
  contact_requests::register_routes(router, *ctx.contact_requests, accounts);
  careers::register_routes(router, *ctx.careers, accounts);
  placement_rounds::register_routes(router, *ctx.placement_rounds, accounts);
  workenv::register_routes(router, *ctx.workenv, accounts);
  chat::register_routes(router, *ctx.chat, accounts);
  register_home_routes(router, ctx);
  // The sent-mail page shows password-reset links: it exists only for a demo on loopback (Config::demo_mail_page).
  if (ctx.config.demo_mail_page()) mail::register_demo_routes(router, pool);
}

}  // namespace kh::app
