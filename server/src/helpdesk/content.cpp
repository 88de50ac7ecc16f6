// FAQ articles and announcements (audience by role, unread marks, attachments; corrections and withdrawal with history).
#include <boost/json.hpp>

#include <map>
#include <tuple>
#include <vector>

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

//! The secretariat writes announcements, and sees every one of them, withdrawn ones too.
bool is_editor(const accounts::CurrentUser* viewer) { return viewer && viewer->user.role == accounts::Role::secretariat; }

bj::value optional_time(const store::Row& row, int column) {
  return row.is_null(column) ? bj::value(nullptr) : bj::value(format_iso8601_jst(row.integer(column)));
}

//! What the secretariat writes when publishing or correcting an announcement.
struct AnnouncementFields { std::string title, body, audience; };

//! title, body and audience ("all" or an array of role codes, stored comma-separated).
Result<AnnouncementFields> read_announcement(const bj::object& body) {
  json::FieldReader f(body);
  AnnouncementFields out;
  out.title = f.required_string("title", "タイトル", 200);
  out.body = f.required_text("body", "本文", 8000);
  out.audience = "all";
  if (const auto* a = body.if_contains("audience"); a && !a->is_null()) {
    if (a->is_string() && a->as_string() == "all") out.audience = "all";
    else if (a->is_array() && !a->as_array().empty()) {
      out.audience.clear();
      for (const auto& role : a->as_array()) {
        if (!role.is_string() || !accounts::parse_role(std::string_view(role.as_string()))) {
          f.add_error("audience", "「対象」に正しくないロールが含まれています。");
          break;
        }
        out.audience += (out.audience.empty() ? "" : ",") + std::string(role.as_string());
      }
    } else {
      f.add_error("audience", "「対象」は \"all\" またはロールの配列で指定してください。");
    }
  }
  KH_TRY_VOID(f.finish());
  return out;
}

Result<void> add_history(store::Connection& c, const std::string& id, std::string_view action, std::int64_t at,
                         const std::string& by, const std::string& changes, const std::optional<std::string>& note) {
  KH_TRY(c.execute("INSERT INTO announcement_history (announcement_id, action, changed_at, changed_by, changes, note) "
                   "VALUES ($1, $2, $3, $4, $5, $6)",
                   {id, std::string(action), at, by, changes, store::optional_text(note)}));
  return {};
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
  auto r = KH_TRY(c.execute("SELECT a.id, a.title, a.audience, a.published_at, r.read_at, a.updated_at, a.withdrawn_at FROM announcements a "
                            "LEFT JOIN announcement_reads r ON r.announcement_id = a.id AND r.user_id = $1 "
                            "ORDER BY a.published_at DESC, a.id DESC",
                            {viewer ? store::Param{viewer->user.id} : store::Param{std::string()}}));
  const bool editor = is_editor(viewer);
  bj::array items;
  std::int64_t unread = 0;
  for (const auto& row : r.rows) {
    if (!in_audience(row.text(2), viewer) && !editor) continue;
    const bool withdrawn = !row.is_null(6);
    if (withdrawn && !editor) continue;  // a withdrawn announcement is gone for its readers
    const bool read = !row.is_null(4);
    if (viewer && !read && !withdrawn) ++unread;
    bj::object item{{"id", row.text(0)}, {"title", row.text(1)}, {"audience", row.text(2)},
                    {"published_at", format_iso8601_jst(row.integer(3))}, {"read", viewer ? bj::value(read) : bj::value(nullptr)},
                    {"updated_at", optional_time(row, 5)}};
    if (editor) {
      item["state"] = withdrawn ? "withdrawn" : "published";
      item["withdrawn_at"] = optional_time(row, 6);
    }
    items.push_back(std::move(item));
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}, {"unread", unread}};
}

Result<bj::object> Service::announcement(const accounts::CurrentUser* viewer, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto r = KH_TRY(c.execute("SELECT id, title, body, audience, published_at, updated_at, withdrawn_at FROM announcements WHERE id = $1", {id}));
  const bool editor = is_editor(viewer);
  if (r.rows.empty() || !(in_audience(r.rows[0].text(3), viewer) || editor) || (!r.rows[0].is_null(6) && !editor))
    return fail(errors::not_found("指定されたお知らせは見つかりません。"));
  const auto& row = r.rows[0];
  const bool withdrawn = !row.is_null(6);
  if (viewer && !withdrawn)  // opening it is reading it
    KH_TRY(c.execute("INSERT INTO announcement_reads (announcement_id, user_id, read_at) VALUES ($1, $2, $3) "
                     "ON CONFLICT (announcement_id, user_id) DO NOTHING", {id, viewer->user.id, now_ms()}));
  bj::array files;
  for (const auto& a : KH_TRY(attachments_of(c, "announcement", id)))
    files.push_back({{"id", a.id}, {"filename", a.filename}, {"content_type", a.content_type}, {"size", a.size},
                     {"url", "/api/v1/attachments/" + a.id}});
  bj::object out{{"id", row.text(0)}, {"title", row.text(1)}, {"body", row.text(2)}, {"audience", row.text(3)},
                 {"published_at", format_iso8601_jst(row.integer(4))}, {"updated_at", optional_time(row, 5)},
                 {"attachments", std::move(files)}};
  if (editor) {
    out["state"] = withdrawn ? "withdrawn" : "published";
    out["withdrawn_at"] = optional_time(row, 6);
  }
  return out;
}

Result<bj::object> Service::publish_announcement(const accounts::CurrentUser& editor, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(editor, {accounts::Role::secretariat}));
  const auto fields = KH_TRY(read_announcement(body));
  auto files = KH_TRY(read_attachments(body));
  const std::string id = crypto::new_id("ann");
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    const auto now = now_ms();
    KH_TRY(c.execute("INSERT INTO announcements (id, title, body, audience, published_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
                     {id, fields.title, fields.body, fields.audience, now, editor.user.id}));
    KH_TRY_VOID(store_attachments(c, files, "announcement", id));
    KH_TRY_VOID(add_history(c, id, "published", now, editor.user.id, "{}", std::nullopt));
    return audit::record(c, accounts::actor_of(editor), "announcement_published", "announcement", id);
  }));
  return announcement(&editor, id);
}

Result<bj::object> Service::update_announcement(const accounts::CurrentUser& editor, const std::string& id, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(editor, {accounts::Role::secretariat}));
  const auto fields = KH_TRY(read_announcement(body));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    auto r = KH_TRY(c.execute("SELECT title, body, audience, withdrawn_at FROM announcements WHERE id = $1", {id}));
    if (r.rows.empty()) return fail(errors::not_found("指定されたお知らせは見つかりません。"));
    const auto& row = r.rows[0];
    if (!row.is_null(3)) return fail(errors::conflict("announcement_withdrawn", "取り下げたお知らせは編集できません。"));
    bj::object changes;  // {"field": [before, after]}, as a posting's versions
    const auto compare = [&](const char* field, const std::string& before, const std::string& after) {
      if (before != after) changes[field] = bj::array{bj::string(before), bj::string(after)};
    };
    compare("title", row.text(0), fields.title);
    compare("body", row.text(1), fields.body);
    compare("audience", row.text(2), fields.audience);
    if (changes.empty()) return {};  // nothing changed: no history entry, and updated_at stays
    const auto now = now_ms();
    KH_TRY(c.execute("UPDATE announcements SET title = $2, body = $3, audience = $4, updated_at = $5 WHERE id = $1",
                     {id, fields.title, fields.body, fields.audience, now}));
    KH_TRY_VOID(add_history(c, id, "edited", now, editor.user.id, bj::serialize(changes), std::nullopt));
    return audit::record(c, accounts::actor_of(editor), "announcement_updated", "announcement", id);
  }));
  return announcement(&editor, id);
}

Result<bj::object> Service::withdraw_announcement(const accounts::CurrentUser& editor, const std::string& id, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(editor, {accounts::Role::secretariat}));
  json::FieldReader f(body);
  const auto reason = f.optional_text("reason", "取り下げの理由", 500);
  KH_TRY_VOID(f.finish());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    auto r = KH_TRY(c.execute("SELECT withdrawn_at FROM announcements WHERE id = $1", {id}));
    if (r.rows.empty()) return fail(errors::not_found("指定されたお知らせは見つかりません。"));
    if (!r.rows[0].is_null(0)) return fail(errors::conflict("announcement_withdrawn", "このお知らせはすでに取り下げられています。"));
    const auto now = now_ms();
    KH_TRY(c.execute("UPDATE announcements SET withdrawn_at = $2 WHERE id = $1", {id, now}));
    const std::optional<std::string> note = reason && !reason->empty() ? reason : std::nullopt;
    KH_TRY_VOID(add_history(c, id, "withdrawn", now, editor.user.id, "{}", note));
    return audit::record(c, accounts::actor_of(editor), "announcement_withdrawn", "announcement", id);
  }));
  return announcement(&editor, id);
}

Result<bj::object> Service::announcement_history(const accounts::CurrentUser& editor, const std::string& id) {
  KH_TRY_VOID(accounts::require_role(editor, {accounts::Role::secretariat}));
  std::vector<std::tuple<std::string, std::int64_t, std::string, std::string, std::optional<std::string>>> entries;
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    auto exists = KH_TRY(c.execute("SELECT 1 FROM announcements WHERE id = $1", {id}));
    if (exists.rows.empty()) return fail(errors::not_found("指定されたお知らせは見つかりません。"));
    auto r = KH_TRY(c.execute("SELECT action, changed_at, changed_by, changes, note FROM announcement_history "
                              "WHERE announcement_id = $1 ORDER BY id DESC", {id}));
    for (const auto& row : r.rows)
      entries.emplace_back(row.text(0), row.integer(1), row.text(2), row.text(3),
                           row.is_null(4) ? std::nullopt : std::optional<std::string>(row.text(4)));
  }
  bj::array items;
  std::map<std::string, std::string> labels;  // a few people edit announcements: each looked up once
  for (const auto& [action, at, by, changes, note] : entries) {
    if (!labels.contains(by)) labels[by] = KH_TRY(accounts_.person_label(by));
    items.push_back({{"action", action}, {"changed_at", format_iso8601_jst(at)}, {"changed_by", labels[by]},
                     {"changes", bj::parse(changes)}, {"note", note ? bj::value(bj::string(*note)) : bj::value(nullptr)}});
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

}  // namespace kh::helpdesk
