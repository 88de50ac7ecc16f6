// Messaging per application: seeker, facility, the handling coordinators and the secretariat; live through
// notifications (and so server-sent events); read state per user; attachments served only to the thread.
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "applications/loaded.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/time.h"
#include "helpdesk/helpdesk.h"
#include "notify/notify.h"
#include "seekers/seekers.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::applications {
namespace bj = boost::json;

namespace {
std::string side_of(const Service::Loaded& a) {
  return a.as_seeker ? "seeker" : a.as_facility ? "facility" : a.as_coordinator ? "coordinator" : "secretariat";
}
}  // namespace

Result<bj::object> Service::messages(const accounts::CurrentUser& viewer, const std::string& id) {
  auto a = KH_TRY(load(viewer, id));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto rows = KH_TRY(c.execute("SELECT m.id, m.author_id, m.author_side, m.body, m.created_at, u.display_name FROM messages m "
                               "JOIN users u ON u.id = m.author_id WHERE m.application_id = $1 ORDER BY m.created_at, m.id", {id}));
  auto profile = KH_TRY(seekers_.find(a.seeker_id));
  auto read = KH_TRY(c.execute("SELECT read_at FROM message_reads WHERE application_id = $1 AND user_id = $2", {id, viewer.user.id}));
  const std::int64_t read_at = read.rows.empty() ? 0 : read.rows[0].integer(0);
  // The seeker: by the profile's name once disclosed, by the handle this posting's facility knows before (never
  // the seeker's own reference, which would be the same at every facility). Worked out once, not per message.
  const auto seeker_name = profile ? seekers::profile_name(*profile) : std::nullopt;
  const bool seeker_hidden = a.as_facility && !a.identity_disclosed();
  const std::string seeker_handle = seeker_hidden ? seekers_.handle_for(a.seeker_id, a.posting.facility_id) : "";
  bj::array items;
  for (const auto& r : rows.rows) {
    const std::string side = r.text(2);
    // Names follow the disclosure rules: before the match the facility sees the seeker's handle, and the seeker
    // sees 「医療機関」 for a masked posting.
    std::string author = r.text(5);
    if (side == "seeker") author = seeker_hidden ? seeker_handle : seeker_name.value_or(author);
    if (side == "facility" && a.as_seeker && a.posting.masked && !a.matched_at) author = "医療機関";
    if (side == "facility" && !(a.as_seeker && a.posting.masked && !a.matched_at)) author = a.posting.facility_name + " " + r.text(5);
    if (side == "secretariat") author = "事務局";
    bj::array files;
    for (const auto& f : KH_TRY(helpdesk::attachments_of(c, "message", r.text(0))))
      files.push_back({{"id", f.id}, {"filename", f.filename}, {"content_type", f.content_type}, {"size", f.size},
                       {"url", "/api/v1/applications/" + id + "/attachments/" + f.id}});
    items.push_back({{"id", r.text(0)}, {"side", side}, {"author", author}, {"mine", r.text(1) == viewer.user.id},
                     {"body", r.text(3)}, {"created_at", format_iso8601_jst(r.integer(4))},
                     {"unread", r.text(1) != viewer.user.id && r.integer(4) > read_at}, {"attachments", std::move(files)}});
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

Result<bj::object> Service::post_message(const accounts::CurrentUser& author, const std::string& id, const bj::object& body) {
  auto a = KH_TRY(load(author, id));
  json::FieldReader f(body);
  const auto text = f.required_text("body", "メッセージ", 4000);
  KH_TRY_VOID(f.finish());
  auto files = KH_TRY(helpdesk::read_attachments(body));
  const std::string message_id = crypto::new_id("msg");
  const auto now = now_ms();
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY(c.execute("INSERT INTO messages (id, application_id, author_id, author_side, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                       {message_id, id, author.user.id, side_of(a), text, now}));
      KH_TRY_VOID(helpdesk::store_attachments(c, files, "message", message_id));
      KH_TRY(c.execute("INSERT INTO message_reads (application_id, user_id, read_at) VALUES ($1, $2, $3) "
                       "ON CONFLICT (application_id, user_id) DO UPDATE SET read_at = excluded.read_at", {id, author.user.id, now}));
      KH_TRY(c.execute("UPDATE applications SET updated_at = $2 WHERE id = $1", {id, now}));
      return store::append_change(c, "message", message_id, "create");
    }));
  }
  KH_TRY_VOID(notify_parties(a, author.user.id, "message", "新しいメッセージがあります",
                             "募集「" + a.posting.title + "」の応募にメッセージが届きました。", "msg:" + message_id));
  return messages(author, id);
}

Result<helpdesk::Attachment> Service::message_attachment(const std::string& application_id, const std::string& file_id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const Error missing = errors::not_found("指定されたファイルは見つかりません。");
  auto file = KH_TRY(helpdesk::load_attachment(c, file_id));
  if (!file || file->owner_type != "message") return fail(missing);
  auto owner = KH_TRY(c.execute("SELECT 1 FROM messages WHERE id = $1 AND application_id = $2", {file->owner_id, application_id}));
  if (owner.rows.empty()) return fail(missing);  // a file of another thread, asked for through this one
  return std::move(*file);
}

Result<void> Service::mark_read(const accounts::CurrentUser& viewer, const std::string& id) {
  KH_TRY(load(viewer, id));
  auto lease = KH_TRY(pool_.acquire());
  KH_TRY((*lease).execute("INSERT INTO message_reads (application_id, user_id, read_at) VALUES ($1, $2, $3) "
                          "ON CONFLICT (application_id, user_id) DO UPDATE SET read_at = excluded.read_at", {id, viewer.user.id, now_ms()}));
  return {};
}

}  // namespace kh::applications
