// The chat's SQL.
#include "chat/repo.h"

#include <boost/json.hpp>
#include <algorithm>
#include <map>

#include "core/crypto.h"
#include "store/database.h"

namespace kh::chat::repo {
namespace bj = boost::json;

namespace {
constexpr const char* conversation_columns =
    "id, user_id, secret_digest, state, failures, context, created_at, updated_at, handover_org_id, handed_over_at";
Conversation conversation_of(const store::Row& r) {
  Conversation v{r.text(0), r.optional_text(1), r.optional_text(2), r.text(3), static_cast<int>(r.integer(4)), r.text(5),
                 r.integer(6), r.integer(7), r.optional_text(8), std::nullopt};
  if (!r.is_null(9)) v.handed_over_at = r.integer(9);
  return v;
}
}  // namespace

Result<std::optional<Conversation>> find_conversation(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(std::string("SELECT ") + conversation_columns + " FROM chat_conversations WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Conversation>{};
  return std::optional(conversation_of(r.rows[0]));
}

Result<void> insert_conversation(store::Connection& c, const Conversation& v) {
  KH_TRY(c.execute("INSERT INTO chat_conversations (id, user_id, secret_digest, state, failures, context, created_at, updated_at, "
                   "handover_org_id, handed_over_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                   {v.id, store::optional_text(v.user_id), store::optional_text(v.secret_digest), v.state,
                    std::int64_t{v.failures}, v.context, v.created_at, v.updated_at, store::optional_text(v.handover_org_id),
                    v.handed_over_at ? store::Param{*v.handed_over_at} : store::Param{nullptr}}));
  return {};
}

Result<void> update_conversation(store::Connection& c, const Conversation& v) {
  KH_TRY(c.execute("UPDATE chat_conversations SET state = $2, failures = $3, context = $4, updated_at = $5, "
                   "handover_org_id = $6, handed_over_at = $7 WHERE id = $1",
                   {v.id, v.state, std::int64_t{v.failures}, v.context, v.updated_at, store::optional_text(v.handover_org_id),
                    v.handed_over_at ? store::Param{*v.handed_over_at} : store::Param{nullptr}}));
  return {};
}

Result<void> append_message(store::Connection& c, const std::string& conversation_id, const Message& m) {
  KH_TRY(c.execute("INSERT INTO chat_messages (id, conversation_id, seq, author, author_id, kind, text, payload, created_at) "
                   "VALUES ($1, $2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chat_messages WHERE conversation_id = $2), "
                   "$3, $4, $5, $6, $7, $8)",
                   {m.id.empty() ? crypto::new_id("cm") : m.id, conversation_id, m.author, store::optional_text(m.author_id),
                    store::optional_text(m.kind), m.text, m.payload, m.created_at}));
  return {};
}

Result<std::vector<Message>> messages(store::Connection& c, const std::string& conversation_id) {
  auto r = KH_TRY(c.execute("SELECT id, seq, author, author_id, kind, text, payload, created_at FROM chat_messages "
                            "WHERE conversation_id = $1 ORDER BY seq", {conversation_id}));
  std::vector<Message> out;
  for (const auto& row : r.rows)
    out.push_back({row.text(0), row.integer(1), row.text(2), row.optional_text(3), row.optional_text(4), row.text(5),
                   row.text(6), row.integer(7)});
  return out;
}

Result<std::vector<Conversation>> handovers(store::Connection& c, const std::vector<std::string>& organisation_ids, bool all) {
  std::vector<Conversation> out;
  auto r = KH_TRY(c.execute(std::string("SELECT ") + conversation_columns +
                            " FROM chat_conversations WHERE handover_org_id IS NOT NULL ORDER BY handed_over_at DESC"));
  for (const auto& row : r.rows) {
    auto v = conversation_of(row);
    if (all || std::find(organisation_ids.begin(), organisation_ids.end(), *v.handover_org_id) != organisation_ids.end())
      out.push_back(std::move(v));
  }
  return out;
}

Result<std::string> faq_stamp(store::Connection& c) {
  auto a = KH_TRY(c.execute("SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM faq_articles WHERE published = 1"));
  // The paraphrases have no time stamp: their text itself is the stamp (a digest of every one, in order), so an
  // edit that keeps the count and the length still rebuilds the index.
  auto p = KH_TRY(c.execute("SELECT faq_id, position, text FROM chat_faq_phrases ORDER BY faq_id, position"));
  std::string phrases;
  for (const auto& row : p.rows) phrases += row.text(0) + '\x1f' + std::to_string(row.integer(1)) + '\x1f' + row.text(2) + '\x1e';
  auto s = KH_TRY(c.execute("SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM chat_synonyms"));
  return a.rows[0].text(0) + "/" + a.rows[0].text(1) + "/" + std::to_string(p.rows.size()) + "/" + crypto::digest(phrases) +
         "/" + s.rows[0].text(0) + "/" + s.rows[0].text(1);
}

Result<std::vector<FaqRow>> published_faq(store::Connection& c) {
  auto r = KH_TRY(c.execute("SELECT id, category, question, answer FROM faq_articles WHERE published = 1 ORDER BY id"));
  std::vector<FaqRow> out;
  std::map<std::string, std::size_t> at;
  for (const auto& row : r.rows) {
    at[row.text(0)] = out.size();
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), {}});
  }
  auto p = KH_TRY(c.execute("SELECT faq_id, text FROM chat_faq_phrases ORDER BY faq_id, position"));
  for (const auto& row : p.rows)
    if (const auto it = at.find(row.text(0)); it != at.end()) out[it->second].phrases.push_back(row.text(1));
  return out;
}

Result<std::vector<std::vector<std::string>>> synonym_groups(store::Connection& c) {
  auto r = KH_TRY(c.execute("SELECT terms FROM chat_synonyms ORDER BY id"));
  std::vector<std::vector<std::string>> out;
  for (const auto& row : r.rows) {
    boost::system::error_code ec;
    const auto v = bj::parse(row.text(0), ec);
    if (ec || !v.is_array()) continue;
    std::vector<std::string> group;
    for (const auto& t : v.as_array())
      if (t.is_string()) group.emplace_back(t.as_string());
    out.push_back(std::move(group));
  }
  return out;
}

Result<std::int64_t> synonym_count(store::Connection& c) {
  auto r = KH_TRY(c.execute("SELECT COUNT(*) FROM chat_synonyms"));
  return r.rows[0].integer(0);
}

Result<void> insert_synonym_group(store::Connection& c, const std::vector<std::string>& terms, std::int64_t now) {
  bj::array a;
  for (const auto& t : terms) a.emplace_back(t);
  KH_TRY(c.execute("INSERT INTO chat_synonyms (id, terms, updated_at) VALUES ($1, $2, $3)",
                   {crypto::new_id("syn"), bj::serialize(a), now}));
  return {};
}

Result<void> replace_phrases(store::Connection& c, const std::string& faq_id, const std::vector<std::string>& phrases) {
  KH_TRY(c.execute("DELETE FROM chat_faq_phrases WHERE faq_id = $1", {faq_id}));
  for (std::size_t i = 0; i < phrases.size(); ++i)
    KH_TRY(c.execute("INSERT INTO chat_faq_phrases (faq_id, position, text) VALUES ($1, $2, $3)",
                     {faq_id, static_cast<std::int64_t>(i), phrases[i]}));
  return {};
}

namespace {
std::string terms_json(const std::vector<std::string>& terms) {
  bj::array a;
  for (const auto& t : terms) a.emplace_back(t);
  return bj::serialize(a);
}
}  // namespace

Result<std::vector<SynonymRow>> synonym_rows(store::Connection& c) {
  auto r = KH_TRY(c.execute("SELECT id, terms, updated_at FROM chat_synonyms ORDER BY id"));
  std::vector<SynonymRow> out;
  for (const auto& row : r.rows) {
    SynonymRow s{row.text(0), {}, row.integer(2)};
    boost::system::error_code ec;
    const auto v = bj::parse(row.text(1), ec);
    if (!ec && v.is_array())
      for (const auto& t : v.as_array())
        if (t.is_string()) s.terms.emplace_back(t.as_string());
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::int64_t> next_synonym_time(store::Connection& c, std::int64_t now) {
  auto r = KH_TRY(c.execute("SELECT COALESCE(MAX(updated_at), 0) FROM chat_synonyms"));
  return std::max(now, r.rows[0].integer(0) + 1);
}

Result<std::string> create_synonym_group(store::Connection& c, const std::vector<std::string>& terms, std::int64_t now) {
  const auto id = crypto::new_id("syn");
  KH_TRY(c.execute("INSERT INTO chat_synonyms (id, terms, updated_at) VALUES ($1, $2, $3)", {id, terms_json(terms), now}));
  return id;
}

Result<bool> update_synonym_group(store::Connection& c, const std::string& id, const std::vector<std::string>& terms,
                                  std::int64_t now) {
  auto r = KH_TRY(c.execute("UPDATE chat_synonyms SET terms = $2, updated_at = $3 WHERE id = $1", {id, terms_json(terms), now}));
  return r.affected == 1;
}

Result<bool> delete_synonym_group(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute("DELETE FROM chat_synonyms WHERE id = $1", {id}));
  return r.affected == 1;
}

Result<std::optional<std::string>> faq_question(store::Connection& c, const std::string& faq_id) {
  auto r = KH_TRY(c.execute("SELECT question FROM faq_articles WHERE id = $1", {faq_id}));
  if (r.rows.empty()) return std::optional<std::string>{};
  return std::optional(r.rows[0].text(0));
}

Result<std::vector<std::string>> phrases_of(store::Connection& c, const std::string& faq_id) {
  auto r = KH_TRY(c.execute("SELECT text FROM chat_faq_phrases WHERE faq_id = $1 ORDER BY position", {faq_id}));
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(row.text(0));
  return out;
}

}  // namespace kh::chat::repo
