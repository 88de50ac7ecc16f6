// お問合せ, FAQ, お知らせ and attachment downloads.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "accounts/http_guard.h"
#include "audit/routes.h"
#include "helpdesk/helpdesk.h"
#include "http/request.h"
#include "http/router.h"

namespace kh::helpdesk {
namespace bj = boost::json;
using accounts::optional_viewer;
using accounts::reply;
using accounts::with_user;
namespace {

std::string percent_encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') out += static_cast<char>(c);
    else { out += '%'; out += hex[c >> 4]; out += hex[c & 15]; }
  }
  return out;
}

}  // namespace

void register_routes(http::Router& router, Service& h, accounts::Service& accounts) {
  // Rule: any logged-in user sees their own inquiries; the secretariat sees all.
  router.add("GET", "/api/v1/helpdesk/inquiries", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      return reply(h.list_inquiries(c, req.query_param("status"), req.query_param("q"), audit::page_param(req, "page", 1, 100000),
                                    audit::page_param(req, "per_page", 20, 100)));
    });
  });
  // Rule: any logged-in user; the inquiry is theirs.
  router.add("POST", "/api/v1/helpdesk/inquiries", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto body = http::json_body(req);
      return body ? reply(h.create_inquiry(c, *body), 201) : http::error_response(body.error());
    });
  });
  // Rule: the asker and the secretariat; others get 404.
  router.add("GET", "/api/v1/helpdesk/inquiries/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) { return reply(h.inquiry(c, req.param("id"))); });
  });
  // Rule: the asker and the secretariat; others get 404.
  router.add("POST", "/api/v1/helpdesk/inquiries/{id}/messages", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto body = http::json_body(req);
      return body ? reply(h.add_message(c, req.param("id"), *body), 201) : http::error_response(body.error());
    });
  });
  // Rule: the asker and the secretariat; others get 404.
  router.add("PATCH", "/api/v1/helpdesk/inquiries/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto body = http::json_body(req);
      if (!body) return http::error_response(body.error());
      const auto* s = body->if_contains("status");
      return reply(h.set_status(c, req.param("id"), s && s->is_string() ? std::string(s->as_string()) : ""));
    });
  });

  // Rule: logged-in users: an inquiry's file to its asker, an announcement's file to its audience, all to the secretariat; never application files (404).
  router.add("GET", "/api/v1/attachments/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto file = h.attachment(c, req.param("id"));
      if (!file) return http::error_response(file.error());
      http::Response r;
      r.content_type = file->info.content_type;
      r.body = std::move(file->data);
      // Always a download, never rendered in our origin: an uploaded file must not run as our page.
      r.header("Content-Disposition", "attachment; filename=\"download\"; filename*=UTF-8''" + percent_encode(file->info.filename));
      r.header("Cache-Control", "private, no-store");
      return r;
    });
  });

  // Rule: anyone; unpublished articles are listed for the secretariat only.
  router.add("GET", "/api/v1/faq", [&](http::Request& req) {
    const auto viewer = optional_viewer(accounts, req);
    const bool drafts = viewer && viewer->user.role == accounts::Role::secretariat;
    return reply(h.list_faq(req.query_param("q"), req.query_param("category"), drafts));
  });
  // Rule: anyone for a published article; an unpublished one the secretariat only; others get 404.
  router.add("GET", "/api/v1/faq/{id}", [&](http::Request& req) {
    const auto viewer = optional_viewer(accounts, req);
    return reply(h.faq_article(req.param("id"), viewer && viewer->user.role == accounts::Role::secretariat));
  });
  // Rule: the secretariat only.
  router.add("POST", "/api/v1/faq", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto body = http::json_body(req);
      return body ? reply(h.save_faq(c, std::nullopt, *body), 201) : http::error_response(body.error());
    });
  });
  // Rule: the secretariat only; any article.
  router.add("PUT", "/api/v1/faq/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto body = http::json_body(req);
      return body ? reply(h.save_faq(c, req.param("id"), *body)) : http::error_response(body.error());
    });
  });

  // Rule: anyone; only announcements whose audience is all or includes the caller's role, not withdrawn (the secretariat sees all, withdrawn ones too).
  router.add("GET", "/api/v1/announcements", [&](http::Request& req) {
    const auto viewer = optional_viewer(accounts, req);
    return reply(h.list_announcements(viewer ? &*viewer : nullptr));
  });
  // Rule: anyone in the audience (all: also without a session) while not withdrawn, and the secretariat; others get 404.
  router.add("GET", "/api/v1/announcements/{id}", [&](http::Request& req) {
    const auto viewer = optional_viewer(accounts, req);
    return reply(h.announcement(viewer ? &*viewer : nullptr, req.param("id")));
  });
  // Rule: the secretariat only.
  router.add("POST", "/api/v1/announcements", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto body = http::json_body(req);
      return body ? reply(h.publish_announcement(c, *body), 201) : http::error_response(body.error());
    });
  });
  // Rule: the secretariat only; any announcement that is not withdrawn (409 after withdrawal).
  router.add("PUT", "/api/v1/announcements/{id}", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto body = http::json_body(req);
      return body ? reply(h.update_announcement(c, req.param("id"), *body)) : http::error_response(body.error());
    });
  });
  // Rule: the secretariat only; any announcement that is not withdrawn yet (409 after withdrawal).
  router.add("POST", "/api/v1/announcements/{id}/withdraw", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) {
      auto body = http::json_body(req);
      return body ? reply(h.withdraw_announcement(c, req.param("id"), *body)) : http::error_response(body.error());
    });
  });
  // Rule: the secretariat only; any announcement, withdrawn ones too.
  router.add("GET", "/api/v1/announcements/{id}/history", [&](http::Request& req) {
    return with_user(accounts, req, [&](const accounts::CurrentUser& c) { return reply(h.announcement_history(c, req.param("id"))); });
  });
}

}  // namespace kh::helpdesk
