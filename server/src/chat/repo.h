#pragma once
//! The chat's SQL, on its own tables only (migration 0017) plus reading the published FAQ articles it indexes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace kh::store { class Connection; }

namespace kh::chat::repo {

struct Conversation {
  std::string id;
  std::optional<std::string> user_id;
  std::optional<std::string> secret_digest;
  std::string state;    //!< bot, handed_over
  int failures = 0;     //!< unanswered questions in a row
  std::string context;  //!< JSON: what the last reply offered (choices, slots)
  std::int64_t created_at = 0, updated_at = 0;
  std::optional<std::string> handover_org_id;
  std::optional<std::int64_t> handed_over_at;
};

struct Message {
  std::string id;
  std::int64_t seq = 0;
  std::string author;  //!< user, bot, staff
  std::optional<std::string> author_id;
  std::optional<std::string> kind;
  std::string text;
  std::string payload;  //!< JSON: sources, choices
  std::int64_t created_at = 0;
};

struct FaqRow {
  std::string id, category, question, answer;
  std::vector<std::string> phrases;
};

Result<std::optional<Conversation>> find_conversation(store::Connection& c, const std::string& id);
Result<void> insert_conversation(store::Connection& c, const Conversation& conversation);
Result<void> update_conversation(store::Connection& c, const Conversation& conversation);
Result<void> append_message(store::Connection& c, const std::string& conversation_id, const Message& message);
Result<std::vector<Message>> messages(store::Connection& c, const std::string& conversation_id);
//! Conversations handed over to these organisations (all of them when `all`), newest first.
Result<std::vector<Conversation>> handovers(store::Connection& c, const std::vector<std::string>& organisation_ids, bool all);

//! What the FAQ index is built from, and a stamp that changes whenever any of it does.
Result<std::string> faq_stamp(store::Connection& c);
Result<std::vector<FaqRow>> published_faq(store::Connection& c);
Result<std::vector<std::vector<std::string>>> synonym_groups(store::Connection& c);
Result<std::int64_t> synonym_count(store::Connection& c);
Result<void> insert_synonym_group(store::Connection& c, const std::vector<std::string>& terms, std::int64_t now);
Result<void> replace_phrases(store::Connection& c, const std::string& faq_id, const std::vector<std::string>& phrases);

//! One synonym group as the secretariat edits it.
struct SynonymRow {
  std::string id;
  std::vector<std::string> terms;
  std::int64_t updated_at = 0;
};
Result<std::vector<SynonymRow>> synonym_rows(store::Connection& c);
//! A time stamp for a change: now, or one past the newest change when the clock has not moved past it (so the
//! FAQ stamp changes with every edit, whichever process reads it).
Result<std::int64_t> next_synonym_time(store::Connection& c, std::int64_t now);
//! The new group's id.
Result<std::string> create_synonym_group(store::Connection& c, const std::vector<std::string>& terms, std::int64_t now);
//! False when no group has this id.
Result<bool> update_synonym_group(store::Connection& c, const std::string& id, const std::vector<std::string>& terms,
                                  std::int64_t now);
Result<bool> delete_synonym_group(store::Connection& c, const std::string& id);
//! An FAQ article (published or not) by id: its question, or nullopt.
Result<std::optional<std::string>> faq_question(store::Connection& c, const std::string& faq_id);
Result<std::vector<std::string>> phrases_of(store::Connection& c, const std::string& faq_id);

}  // namespace kh::chat::repo
