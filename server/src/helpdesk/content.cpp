// FAQ articles and announcements (audience by role, unread marks, attachments).
#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "helpdesk/helpdesk.h"
#include "store/database.h"

namespace kh::helpdesk {
namespace bj = boost::json;
namespace {

bj::object faq_json(const store::Row& r) {
  return {{"id", r.text(0)}, {"category", r.text(1)}, {"question", r.text(2)}, {"answer", r.text(3)},
          {"published", r.boolean(4)}, {"updated_at", format_iso8601_jst(r.integer(5))}};
}

bool in_audience(const std::string& audience, const accounts::CurrentUser* viewer) {
  if (audience == "all") return true;
  if (!viewer) return false;
  return ("," + audience + ",").find("," + std::string(accounts::role_code(viewer->user.role)) + ",") != std::string::npos;
}

}  // namespace

Result<bj::object> Service::list_faq(const std::optional<std::string>& q, const std::optional<std::string>& category, bool drafts) {
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT id, category, question, answer, published, updated_at FROM faq_articles "
                                   "ORDER BY category, question"));
  // Folded matching (width, case, kana) in memory: the FAQ is small, and SQL LIKE cannot fold Japanese.
  const std::string needle = q ? text::fold(*q) : "";
  bj::array items;
  std::map<std::string, std::int64_t> per_category;
  for (const auto& row : r.rows) {
    if (!drafts && !row.boolean(4)) continue;
    ++per_category[row.text(1)];
    if (category && row.text(1) != *category) continue;
    if (!needle.empty() && text::fold(row.text(2) + "\n" + row.text(3)).find(needle) == std::string::npos) continue;
    items.push_back(faq_json(row));
  }
  bj::array cats;
  for (const auto& [name, n] : per_category) cats.push_back({{"name", name}, {"count", n}});
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}, {"categories", std::move(cats)}};
}

Result<bj::object> Service::faq_article(const std::string& id, bool drafts) {
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT id, category, question, answer, published, updated_at FROM faq_articles WHERE id = $1", {id}));
  if (r.rows.empty() || (!drafts && !r.rows[0].boolean(4))) return fail(errors::not_found("指定されたFAQは見つかりません。"));
  return faq_json(r.rows[0]);
}

Result<bj::object> Service::save_faq(const accounts::CurrentUser& editor, const std::optional<std::string>& id, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(editor, {accounts::Role::secretariat}));
  json::FieldReader f(body);
  const auto category = f.required_string("category", "カテゴリ", 50);
  const auto question = f.required_string("question", "質問", 300);
  const auto answer = f.required_text("answer", "回答", 8000);
  const bool published = f.optional_bool("published", "公開").value_or(true);
  KH_TRY_VOID(f.finish());
  const std::string article = id.value_or(crypto::new_id("faq"));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    if (id) {
      auto r = KH_TRY(c.execute("UPDATE faq_articles SET category = $2, question = $3, answer = $4, published = $5, updated_at = $6 WHERE id = $1",
                                {article, category, question, answer, store::flag(published), now_ms()}));
      if (r.affected != 1) return fail(errors::not_found("指定されたFAQは見つかりません。"));
    } else {
      KH_TRY(c.execute("INSERT INTO faq_articles (id, category, question, answer, published, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
                       {article, category, question, answer, store::flag(published), now_ms()}));
    }
    return audit::record(c, accounts::actor_of(editor), id ? "faq_updated" : "faq_created", "faq", article);
  }));
  return faq_article(article, true);
}

Result<bj::object> Service::list_announcements(const accounts::CurrentUser* viewer) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto r = KH_TRY(c.execute("SELECT a.id, a.title, a.audience, a.published_at, r.read_at FROM announcements a "
                            "LEFT JOIN announcement_reads r ON r.announcement_id = a.id AND r.user_id = $1 "
                            "ORDER BY a.published_at DESC, a.id DESC",
                            {viewer ? store::Param{viewer->user.id} : store::Param{std::string()}}));
  bj::array items;
  std::int64_t unread = 0;
  for (const auto& row : r.rows) {
    if (!in_audience(row.text(2), viewer) && !(viewer && viewer->user.role == accounts::Role::secretariat)) continue;
    const bool read = !row.is_null(4);
    if (viewer && !read) ++unread;
    items.push_back({{"id", row.text(0)}, {"title", row.text(1)}, {"audience", row.text(2)},
                     {"published_at", format_iso8601_jst(row.integer(3))}, {"read", viewer ? bj::value(read) : bj::value(nullptr)}});
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}, {"unread", unread}};
}

Result<bj::object> Service::announcement(const accounts::CurrentUser* viewer, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto r = KH_TRY(c.execute("SELECT id, title, body, audience, published_at FROM announcements WHERE id = $1", {id}));
  const bool staff = viewer && viewer->user.role == accounts::Role::secretariat;
  if (r.rows.empty() || !(in_audience(r.rows[0].text(3), viewer) || staff))
    return fail(errors::not_found("指定されたお知らせは見つかりません。"));
  if (viewer)  // opening it is reading it
    KH_TRY(c.execute("INSERT INTO announcement_reads (announcement_id, user_id, read_at) VALUES ($1, $2, $3) "
                     "ON CONFLICT (announcement_id, user_id) DO NOTHING", {id, viewer->user.id, now_ms()}));
  const auto& row = r.rows[0];
  bj::array files;
  for (const auto& a : KH_TRY(attachments_of(c, "announcement", id)))
    files.push_back({{"id", a.id}, {"filename", a.filename}, {"content_type", a.content_type}, {"size", a.size},
                     {"url", "/api/v1/attachments/" + a.id}});
  return bj::object{{"id", row.text(0)}, {"title", row.text(1)}, {"body", row.text(2)}, {"audience", row.text(3)},
                    {"published_at", format_iso8601_jst(row.integer(4))}, {"attachments", std::move(files)}};
}

Result<bj::object> Service::publish_announcement(const accounts::CurrentUser& editor, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(editor, {accounts::Role::secretariat}));
  json::FieldReader f(body);
  const auto title = f.required_string("title", "タイトル", 200);
  const auto text_body = f.required_text("body", "本文", 8000);
  std::string audience = "all";
  if (const auto* a = body.if_contains("audience"); a && !a->is_null()) {
    if (a->is_string() && a->as_string() == "all") audience = "all";
    else if (a->is_array() && !a->as_array().empty()) {
      audience.clear();
      for (const auto& role : a->as_array()) {
        if (!role.is_string() || !accounts::parse_role(std::string_view(role.as_string()))) {
          f.add_error("audience", "「対象」に正しくないロールが含まれています。");
          break;
        }
        audience += (audience.empty() ? "" : ",") + std::string(role.as_string());
      }
    } else {
      f.add_error("audience", "「対象」は \"all\" またはロールの配列で指定してください。");
    }
  }
  KH_TRY_VOID(f.finish());
  auto files = KH_TRY(read_attachments(body));
  const std::string id = crypto::new_id("ann");
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO announcements (id, title, body, audience, published_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
                     {id, title, text_body, audience, now_ms(), editor.user.id}));
    KH_TRY_VOID(store_attachments(c, files, "announcement", id));
    return audit::record(c, accounts::actor_of(editor), "announcement_published", "announcement", id);
  }));
  return announcement(&editor, id);
}

}  // namespace kh::helpdesk
