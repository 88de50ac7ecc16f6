#pragma once
//! The help desk of seed 001 §4: inquiries to the secretariat (件名, 内容, category, attachments) with the
//! status 受付 → 回答済 → 追加質問 → 完了, answers and follow-ups (mailed to the other side); FAQ articles;
//! announcements with an audience by role and unread marks, corrected or withdrawn with a history. Attachments are checked by content, size-limited,
//! stored in the database and served only to those who may see what they are attached to.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; class array; }
namespace kh::store { class Pool; class Connection; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; struct CurrentUser; }

namespace kh::helpdesk {

struct AttachmentInfo { std::string id, filename, content_type; std::int64_t size = 0; };
struct Attachment { AttachmentInfo info; std::string owner_type, owner_id, data; };

//! Reads `attachments: [{filename, content_type, data_base64}]`: at most 5 files of 5 MiB, PDF, images,
//! Office files, text or CSV, recognised by their bytes (the declared type is not trusted).
Result<std::vector<Attachment>> read_attachments(const boost::json::object& body);
Result<void> store_attachments(store::Connection& c, std::vector<Attachment>& files, const std::string& owner_type,
                               const std::string& owner_id);
//! One stored attachment with its bytes; access rules are the caller's.
Result<std::optional<Attachment>> load_attachment(store::Connection& c, const std::string& id);
Result<std::vector<AttachmentInfo>> attachments_of(store::Connection& c, const std::string& owner_type,
                                                   const std::string& owner_id);

struct Settings { std::string public_url; };

class Service {
 public:
  Service(store::Pool& pool, accounts::Service& accounts, Settings settings)
      : pool_(pool), accounts_(accounts), settings_(std::move(settings)) {}

  Result<boost::json::object> create_inquiry(const accounts::CurrentUser& asker, const boost::json::object& body);
  Result<boost::json::object> list_inquiries(const accounts::CurrentUser& viewer, const std::optional<std::string>& status,
                                             const std::optional<std::string>& q, int page, int per_page);
  Result<boost::json::object> inquiry(const accounts::CurrentUser& viewer, const std::string& id);
  //! An answer (secretariat) or a follow-up (asker); moves the status and mails the other side.
  Result<boost::json::object> add_message(const accounts::CurrentUser& author, const std::string& id, const boost::json::object& body);
  Result<boost::json::object> set_status(const accounts::CurrentUser& actor, const std::string& id, const std::string& status);
  //! The file, if the viewer may see what it is attached to.
  Result<Attachment> attachment(const accounts::CurrentUser& viewer, const std::string& id);

  Result<boost::json::object> list_faq(const std::optional<std::string>& q, const std::optional<std::string>& category, bool drafts);
  Result<boost::json::object> faq_article(const std::string& id, bool drafts);
  Result<boost::json::object> save_faq(const accounts::CurrentUser& editor, const std::optional<std::string>& id,
                                       const boost::json::object& body);

  Result<boost::json::object> list_announcements(const accounts::CurrentUser* viewer);
  Result<boost::json::object> announcement(const accounts::CurrentUser* viewer, const std::string& id);
  Result<boost::json::object> publish_announcement(const accounts::CurrentUser& editor, const boost::json::object& body);
  //! A correction after 掲載 (title, body, audience; the files stay): one history entry with what changed.
  Result<boost::json::object> update_announcement(const accounts::CurrentUser& editor, const std::string& id,
                                                  const boost::json::object& body);
  //! Takes it down for good: gone from its readers' lists and pages (404), listed for the secretariat as withdrawn.
  Result<boost::json::object> withdraw_announcement(const accounts::CurrentUser& editor, const std::string& id,
                                                    const boost::json::object& body);
  //! 掲載, corrections and withdrawal, newest first, with who (氏名（組織名）), when and what changed.
  Result<boost::json::object> announcement_history(const accounts::CurrentUser& editor, const std::string& id);

 private:
  store::Pool& pool_;
  accounts::Service& accounts_;
  Settings settings_;
};

void register_routes(http::Router& router, Service& helpdesk, accounts::Service& accounts);

}  // namespace kh::helpdesk
