#pragma once
//! Outgoing mail. Callers enqueue inside their own transaction (so a mail exists exactly when its cause was
//! committed); a worker delivers the outbox over SMTP with retries, so no mail is lost across a restart.
//! Without SMTP settings (the demo) mails stay in the outbox and the "sent mail" page shows them.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"

namespace kh::store { class Connection; class Pool; }

namespace kh::mail {

struct MailAttachment {
  std::string filename;      //!< e.g. "interview.ics"
  std::string content_type;  //!< e.g. "text/calendar; method=PUBLISH"
  std::string data;          //!< raw bytes
};

struct Message {
  std::string to;
  std::string subject;
  std::string body;  //!< plain text, UTF-8
  std::optional<MailAttachment> attachment;
};

struct StoredMail {
  std::string id;
  std::string to;
  std::string subject;
  std::string body;
  std::int64_t created_at_ms;
  std::optional<std::int64_t> sent_at_ms;
  int attempts;
  std::optional<std::string> attachment_name;
};

struct SmtpSettings {
  std::string url;        //!< smtp://host:port or smtps://host:port
  std::string from;       //!< envelope and header sender address
  std::string user;       //!< empty: no authentication
  std::string password;
};

Result<void> enqueue(store::Connection& c, const Message& message);
//! As enqueue, and gives the outbox row's id (for a caller that shows the delivery state in a log of its own).
Result<std::string> enqueue_with_id(store::Connection& c, const Message& message);

//! Takes an unsent mail out of the outbox: the worker never tries it again. True when it was withdrawn; false when
//! it was sent meanwhile, is being sent right now (claimed by a worker) or was withdrawn before. For a caller that
//! replaces a mail that did not go out with a new one (so the recipient does not get both).
Result<bool> withdraw(store::Connection& c, const std::string& id);

//! Newest first, without withdrawn mails (they never go out); for the demo's sent-mail page and for operators.
Result<std::vector<StoredMail>> list(store::Connection& c, int limit);

//! Delivers one message now (used by the worker; exposed for tests).
Result<void> send_smtp(const SmtpSettings& settings, const Message& message, const std::string& message_id);

//! Sends due mails in the background; several processes may run one each (rows are claimed, not shared).
class OutboxWorker {
 public:
  OutboxWorker(store::Pool& pool, SmtpSettings settings);
  ~OutboxWorker();
  void start();
  void stop();
  //! Delivers everything due now on the calling thread; returns how many were sent.
  int deliver_due();

 private:
  store::Pool& pool_;
  SmtpSettings settings_;
  std::atomic<bool> running_{false};
  std::thread thread_;
};

}  // namespace kh::mail
