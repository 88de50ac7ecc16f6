#include "mail/routes.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "http/request.h"
#include "http/router.h"
#include "mail/mail.h"
#include "store/database.h"

namespace kh::mail {

void register_demo_routes(http::Router& router, store::Pool& pool) {
  // Rule: anyone, without a session, and only in a demo (x-condition: demo).
  router.add("GET", "/api/v1/dev/mails", [&pool](http::Request&) {
    auto lease = pool.acquire();
    if (!lease) return http::error_response(lease.error());
    auto mails = list(**lease, 200);
    if (!mails) return http::error_response(mails.error());
    boost::json::array items;
    for (const auto& m : *mails)
      items.push_back({{"id", m.id}, {"to", m.to}, {"subject", m.subject}, {"body", m.body},
                       {"created_at", format_iso8601_jst(m.created_at_ms)},
                       {"attachment", m.attachment_name ? boost::json::value(*m.attachment_name) : nullptr}});
    const auto total = items.size();
    return http::json_response(200, boost::json::object{{"items", std::move(items)}, {"total", total}});
  });
}

}  // namespace kh::mail
