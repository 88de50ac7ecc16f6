// Inquiries, FAQ and announcements.
#include <boost/json.hpp>

#include <algorithm>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "helpdesk/helpdesk.h"
#include "mail/mail.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::helpdesk {
namespace bj = boost::json;
namespace {

struct Named { const char* code; const char* name; };
constexpr Named categories[] = {{"account", "アカウント・ログイン"}, {"posting", "人材募集"}, {"beds", "病床状況"},
                                {"usage", "操作方法"}, {"other", "その他"}};
constexpr Named statuses[] = {{"received", "受付"}, {"answered", "回答済"}, {"follow_up", "追加質問"}, {"closed", "完了"}};

template <std::size_t N>
const char* name_of(const Named (&list)[N], std::string_view code) {
  for (const auto& n : list)
    if (code == n.code) return n.name;
  return "";
}

bool is_secretariat(const accounts::CurrentUser& u) { return u.user.role == accounts::Role::secretariat; }

bj::array attachments_json(const std::vector<AttachmentInfo>& list) {
  bj::array out;
  for (const auto& a : list)
    out.push_back({{"id", a.id}, {"filename", a.filename}, {"content_type", a.content_type}, {"size", a.size},
                   {"url", "/api/v1/attachments/" + a.id}});
  return out;
}

const Error inquiry_not_found = errors::not_found("指定されたお問合せは見つかりません。");

}  // namespace

Result<bj::object> Service::create_inquiry(const accounts::CurrentUser& asker, const bj::object& body) {
  json::FieldReader f(body);
  const auto subject = f.required_string("subject", "件名", 100);
  const auto text = f.required_text("body", "内容", 4000);
  const auto category = f.optional_string("category", "カテゴリ", 20).value_or("other");
  if (!*name_of(categories, category)) f.add_error("category", json::msg_invalid("カテゴリ"));
  KH_TRY_VOID(f.finish());
  auto files = KH_TRY(read_attachments(body));
  const std::string id = crypto::new_id("inq"), message_id = crypto::new_id("msg");
  const auto now = now_ms();
  const auto staff = KH_TRY(accounts_.list_users());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO inquiries (id, asker_id, subject, category, status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'received', $5, $5)",
                     {id, asker.user.id, subject, category, now}));
    KH_TRY(c.execute("INSERT INTO inquiry_messages (id, inquiry_id, author_id, from_secretariat, body, created_at) VALUES ($1, $2, $3, 0, $4, $5)",
                     {message_id, id, asker.user.id, text, now}));
    KH_TRY_VOID(store_attachments(c, files, "inquiry_message", message_id));
    for (const auto& u : staff)
      if (u.role == accounts::Role::secretariat && u.status == "active")
        KH_TRY_VOID(mail::enqueue(c, {u.email, "【かけはし】新しいお問合せ: " + subject,
                                      "新しいお問合せが届きました。\n\n件名: " + subject + "\nカテゴリ: " + name_of(categories, category) +
                                          "\n\n" + settings_.public_url + "/helpdesk/" + id + "\n"}));
    KH_TRY_VOID(store::append_change(c, "inquiry", id, "create"));
    return audit::record(c, accounts::actor_of(asker), "inquiry_created", "inquiry", id);
  }));
  return inquiry(asker, id);
}

Result<bj::object> Service::list_inquiries(const accounts::CurrentUser& viewer, const std::optional<std::string>& status,
                                           const std::optional<std::string>& q, int page, int per_page) {
  if (status && !*name_of(statuses, *status)) return fail(errors::validation({{"status", "「状態」の指定が正しくありません。"}}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  // The secretariat's inbox holds everything; anyone else sees their own inquiries only.
  const std::string where =
      " WHERE (CAST($1 AS TEXT) IS NULL OR i.asker_id = $1) AND (CAST($2 AS TEXT) IS NULL OR i.status = $2)"
      " AND (CAST($3 AS TEXT) IS NULL OR i.subject LIKE $3)";
  store::Params params{is_secretariat(viewer) ? store::Param{nullptr} : store::Param{viewer.user.id}, store::optional_text(status),
                       q ? store::Param{"%" + *q + "%"} : store::Param{nullptr}};
  auto count = KH_TRY(c.execute("SELECT COUNT(*) FROM inquiries i" + where, params));
  params.emplace_back(std::int64_t{per_page});
  params.emplace_back(std::int64_t{(page - 1) * per_page});
  auto rows = KH_TRY(c.execute("SELECT i.id, i.subject, i.category, i.status, i.created_at, i.updated_at, u.display_name "
                               "FROM inquiries i JOIN users u ON u.id = i.asker_id" + where +
                               " ORDER BY i.updated_at DESC, i.id DESC LIMIT $4 OFFSET $5", params));
  bj::array items;
  for (const auto& r : rows.rows)
    items.push_back({{"id", r.text(0)}, {"subject", r.text(1)}, {"category", r.text(2)}, {"category_name", name_of(categories, r.text(2))},
                     {"status", r.text(3)}, {"status_name", name_of(statuses, r.text(3))},
                     {"created_at", format_iso8601_jst(r.integer(4))}, {"updated_at", format_iso8601_jst(r.integer(5))},
                     {"asker_name", r.text(6)}});
  return bj::object{{"items", std::move(items)}, {"total", count.rows[0].integer(0)}, {"page", page}, {"per_page", per_page}};
}

Result<bj::object> Service::inquiry(const accounts::CurrentUser& viewer, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto head = KH_TRY(c.execute("SELECT i.id, i.asker_id, i.subject, i.category, i.status, i.created_at, i.updated_at, u.display_name "
                               "FROM inquiries i JOIN users u ON u.id = i.asker_id WHERE i.id = $1", {id}));
  if (head.rows.empty()) return fail(inquiry_not_found);
  const auto& h = head.rows[0];
  if (!is_secretariat(viewer) && h.text(1) != viewer.user.id) return fail(inquiry_not_found);
  auto messages = KH_TRY(c.execute("SELECT m.id, m.from_secretariat, m.body, m.created_at, u.display_name FROM inquiry_messages m "
                                   "JOIN users u ON u.id = m.author_id WHERE m.inquiry_id = $1 ORDER BY m.created_at, m.id", {id}));
  bj::array list;
  for (const auto& m : messages.rows)
    list.push_back({{"id", m.text(0)}, {"from_secretariat", m.boolean(1)}, {"body", m.text(2)},
                    {"created_at", format_iso8601_jst(m.integer(3))},
                    // The asker sees 「事務局」, not which staff member answered.
                    {"author_name", m.boolean(1) && !is_secretariat(viewer) ? std::string("事務局") : m.text(4)},
                    {"attachments", attachments_json(KH_TRY(attachments_of(c, "inquiry_message", m.text(0))))}});
  return bj::object{{"id", h.text(0)}, {"subject", h.text(2)}, {"category", h.text(3)},
                    {"category_name", name_of(categories, h.text(3))}, {"status", h.text(4)},
                    {"status_name", name_of(statuses, h.text(4))}, {"created_at", format_iso8601_jst(h.integer(5))},
                    {"updated_at", format_iso8601_jst(h.integer(6))}, {"asker_name", h.text(7)}, {"messages", std::move(list)}};
}

Result<bj::object> Service::add_message(const accounts::CurrentUser& author, const std::string& id, const bj::object& body) {
  json::FieldReader f(body);
  const auto text = f.required_text("body", "内容", 4000);
  KH_TRY_VOID(f.finish());
  auto files = KH_TRY(read_attachments(body));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto head = KH_TRY(c.execute("SELECT asker_id, subject, status FROM inquiries WHERE id = $1", {id}));
  if (head.rows.empty()) return fail(inquiry_not_found);
  const std::string asker_id = head.rows[0].text(0), subject = head.rows[0].text(1), status = head.rows[0].text(2);
  const bool from_secretariat = is_secretariat(author);
  if (!from_secretariat && asker_id != author.user.id) return fail(inquiry_not_found);
  if (status == "closed") return fail(errors::conflict("inquiry_closed", "このお問合せは完了しています。新しいお問合せとして送信してください。"));
  const auto asker = KH_TRY(accounts_.find_user(asker_id));
  const auto staff = from_secretariat ? std::vector<accounts::User>{} : KH_TRY(accounts_.list_users());
  const std::string message_id = crypto::new_id("msg");
  const auto now = now_ms();
  const std::string link = settings_.public_url + "/helpdesk/" + id;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO inquiry_messages (id, inquiry_id, author_id, from_secretariat, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                     {message_id, id, author.user.id, store::flag(from_secretariat), text, now}));
    KH_TRY_VOID(store_attachments(c, files, "inquiry_message", message_id));
    KH_TRY(c.execute("UPDATE inquiries SET status = $2, updated_at = $3 WHERE id = $1",
                     {id, std::string(from_secretariat ? "answered" : "follow_up"), now}));
    if (from_secretariat && asker)
      KH_TRY_VOID(mail::enqueue(c, {asker->email, "【かけはし】お問合せへの回答: " + subject,
                                    asker->display_name + " 様\n\nお問合せ「" + subject + "」に事務局から回答がありました。\n"
                                    "内容は次の画面でご確認ください。追加のご質問もこちらから送信できます。\n\n" + link + "\n"}));
    for (const auto& u : staff)
      if (u.role == accounts::Role::secretariat && u.status == "active")
        KH_TRY_VOID(mail::enqueue(c, {u.email, "【かけはし】追加質問: " + subject,
                                      "お問合せ「" + subject + "」に追加の質問が届きました。\n\n" + link + "\n"}));
    KH_TRY_VOID(store::append_change(c, "inquiry", id, "update"));
    return audit::record(c, accounts::actor_of(author), from_secretariat ? "inquiry_answered" : "inquiry_follow_up",
                         "inquiry", id);
  }));
  return inquiry(author, id);
}

Result<bj::object> Service::set_status(const accounts::CurrentUser& actor, const std::string& id, const std::string& status) {
  if (status != "closed") return fail(errors::validation({{"status", "変更できる状態は closed（完了）のみです。"}}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto head = KH_TRY(c.execute("SELECT asker_id FROM inquiries WHERE id = $1", {id}));
  if (head.rows.empty() || (!is_secretariat(actor) && head.rows[0].text(0) != actor.user.id)) return fail(inquiry_not_found);
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("UPDATE inquiries SET status = 'closed', updated_at = $2 WHERE id = $1", {id, now_ms()}));
    return audit::record(c, accounts::actor_of(actor), "inquiry_closed", "inquiry", id);
  }));
  return inquiry(actor, id);
}

Result<Attachment> Service::attachment(const accounts::CurrentUser& viewer, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const Error missing = errors::not_found("指定されたファイルは見つかりません。");
  auto file = KH_TRY(load_attachment(c, id));
  if (!file) return fail(missing);
  bool allowed = is_secretariat(viewer) && file->owner_type != "message";
  if (!allowed && file->owner_type == "inquiry_message") {
    auto owner = KH_TRY(c.execute("SELECT i.asker_id FROM inquiry_messages m JOIN inquiries i ON i.id = m.inquiry_id WHERE m.id = $1",
                                  {file->owner_id}));
    allowed = !owner.rows.empty() && owner.rows[0].text(0) == viewer.user.id;
  } else if (!allowed && file->owner_type == "announcement") {
    auto a = KH_TRY(c.execute("SELECT audience FROM announcements WHERE id = $1 AND withdrawn_at IS NULL", {file->owner_id}));
    const std::string role(accounts::role_code(viewer.user.role));
    allowed = !a.rows.empty() && (a.rows[0].text(0) == "all" || ("," + a.rows[0].text(0) + ",").find("," + role + ",") != std::string::npos);
  }
  // Files of application messages are served by the applications module, to the thread only.
  if (!allowed) return fail(missing);
  return std::move(*file);
}

}  // namespace kh::helpdesk
