#pragma once
//! The auto-response chat (自動応答チャット, issue 16, seed 003). Every reply is an FAQ answer, a filled template
//! or a question, each with a link to its source; nothing is generated. What it answers:
//!   - FAQ questions, retrieved by the pure engine in chat_retrieval/ (MeCab words + bigrams, BM25, synonyms);
//!     confident → the answer, close → three choices, unclear → one request to rephrase;
//!   - the caller's own data through the owning modules' scoped services: a seeker's applications and next
//!     interview, a facility's open training items (applications::Service, which refuses anyone else's rows);
//!   - a seeker's wishes, collected by conversation: slots read from free text (chat_retrieval/slots.h), only the
//!     missing ones asked, everything read back, written to the profile (seekers::Service) only after the seeker
//!     confirms, with an audit entry; then postings proposed through the posting list's search and masking
//!     (postings::SearchIndex, postings::Service::disclosure, postings::to_json);
//!   - handover: 「担当者と話したい」 or a second question the bot cannot answer hands a seeker's conversation to a
//!     coordinating organisation covering their first prefecture and job category (the bot then stops answering
//!     there; its coordinators see it with the transcript and the collected wishes, answer in the same thread, and
//!     the seeker can hand it back with 「ボットに戻す」); other roles, or a seeker nobody covers, get a help-desk
//!     inquiry with the transcript instead.
//! Anonymous visitors get FAQ answers only; their conversations are bound to a secret in an HttpOnly cookie, so
//! nobody else can read or continue them. A logged-in user's conversations are theirs alone (404 otherwise).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; class Connection; }
namespace kh::chat::repo { struct Conversation; struct Message; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; struct CurrentUser; }
namespace kh::applications { class Service; }
namespace kh::seekers { class Service; }
namespace kh::postings { class Service; class SearchIndex; }
namespace kh::reference { class Catalogue; }
namespace kh::helpdesk { class Service; }

namespace kh::chat {

struct Settings {
  int messages_per_minute = 30;        //!< per logged-in user, or per client address for anonymous visitors
  std::string dictionary_directory;    //!< MeCab's IPA dictionary; empty: /var/lib/mecab/dic/ipadic-utf8
};

//! Who is asking: a logged-in user, or an anonymous visitor known by address and (after the first message) the
//! secret of their chat cookie.
struct Caller {
  const accounts::CurrentUser* user = nullptr;
  std::string ip;
  std::optional<std::string> secret;
};

//! The answer to one message, and the secret to set as the chat cookie when an anonymous visitor got a new one.
struct Posted {
  std::shared_ptr<boost::json::object> body;
  std::optional<std::string> new_secret;
};

//! The shipped FAQ (server/data/chat/faq.json) and synonyms, embedded in the binary for demo-data and migrate.
std::string_view embedded_faq_json();
std::string_view embedded_synonyms_json();

class Service {
 public:
  Service(store::Pool& pool, accounts::Service& accounts, applications::Service& applications, seekers::Service& seekers,
          postings::Service& postings, const postings::SearchIndex& search, const reference::Catalogue& catalogue,
          helpdesk::Service& helpdesk, Settings settings);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  //! Loads the shipped synonym table when the database has none (called by migrate and at start).
  Result<void> ensure_defaults();
  //! The paraphrases of one FAQ article (replacing earlier ones): texts the retriever indexes with its question.
  Result<void> set_phrases(const std::string& faq_id, const std::vector<std::string>& phrases);
  //! One message {"conversation"?, "text"} and the reply.
  Result<Posted> post(const Caller& caller, const boost::json::object& body);
  //! The conversation with every message: for its owner, and once handed over for the handling organisation's
  //! coordinators and the secretariat.
  Result<boost::json::object> conversation(const Caller& caller, const std::string& id);
  //! Conversations handed over to the coordinator's organisations (every one for the secretariat), with the
  //! transcript's last message and the wishes collected so far.
  Result<boost::json::object> handovers(const accounts::CurrentUser& staff);
  //! A coordinator's (or the secretariat's) answer {"text"} in a handed-over conversation.
  Result<boost::json::object> staff_reply(const accounts::CurrentUser& staff, const std::string& id,
                                          const boost::json::object& body);

  // --- The chat's dictionary, edited by the secretariat (others 403). Every change is audit-logged and the
  // retriever picks it up at the next message (in every process: the FAQ stamp changes). ---

  //! Every synonym group: {items: [{id, terms, updated_at}]}.
  Result<boost::json::object> synonyms(const accounts::CurrentUser& secretariat);
  //! A new group {terms: [2–20 terms, each 1–40 characters]}; a term already in another group is refused (NFKC,
  //! case-insensitive).
  Result<boost::json::object> create_synonym(const accounts::CurrentUser& secretariat, const boost::json::object& body);
  Result<boost::json::object> update_synonym(const accounts::CurrentUser& secretariat, const std::string& id,
                                             const boost::json::object& body);
  Result<void> delete_synonym(const accounts::CurrentUser& secretariat, const std::string& id);
  //! An FAQ article's paraphrases {faq_id, question, phrases}; PUT replaces them {phrases: [0–30, each 2–200]}.
  Result<boost::json::object> phrases(const accounts::CurrentUser& secretariat, const std::string& faq_id);
  Result<boost::json::object> put_phrases(const accounts::CurrentUser& secretariat, const std::string& faq_id,
                                          const boost::json::object& body);
  //! 試してみる: what the chat would do with {text}: the decision and the top three FAQ entries with their fused,
  //! words and bigram scores, and the text as the retriever reads it after synonym rewriting.
  Result<boost::json::object> try_text(const accounts::CurrentUser& secretariat, const boost::json::object& body);

  struct Impl;

 private:
  static boost::json::object render_message(const repo::Message& m);
  Result<boost::json::object> render(store::Connection& c, const repo::Conversation& conv);
  std::unique_ptr<Impl> impl_;
};

//! The chat cookie (anonymous visitors' secret).
inline constexpr const char* cookie_name = "kh_chat";

void register_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace kh::chat
