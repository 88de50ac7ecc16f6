#include "mail/mail.h"

#include <algorithm>
#include <chrono>

#include "core/crypto.h"
#include "core/log.h"
#include "core/time.h"
#include "store/database.h"

namespace kh::mail {

Result<void> enqueue(store::Connection& c, const Message& m) {
  KH_TRY(enqueue_with_id(c, m));
  return {};
}

Result<std::string> enqueue_with_id(store::Connection& c, const Message& m) {
  const auto now = now_ms();
  const auto id = crypto::new_id("mail");
  const auto& a = m.attachment;
  KH_TRY(c.execute(
      "INSERT INTO mail_outbox (id, to_address, subject, body, created_at, next_attempt_at, attachment_name, attachment_type, "
      "attachment_base64) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)",
      {id, m.to, m.subject, m.body, now, a ? store::Param{a->filename} : store::Param{nullptr},
       a ? store::Param{a->content_type} : store::Param{nullptr}, a ? store::Param{crypto::base64_encode(a->data)} : store::Param{nullptr}}));
  return id;
}

Result<bool> withdraw(store::Connection& c, const std::string& id) {
  const auto now = now_ms();
  auto r = KH_TRY(c.execute("UPDATE mail_outbox SET withdrawn_at = $2 WHERE id = $1 AND sent_at IS NULL AND withdrawn_at IS NULL "
                            "AND claimed_until < $2",
                            {id, now}));
  return r.affected == 1;
}

Result<std::vector<StoredMail>> list(store::Connection& c, int limit) {
  auto r = KH_TRY(c.execute(
      "SELECT id, to_address, subject, body, created_at, sent_at, attempts, attachment_name FROM mail_outbox "
      "WHERE withdrawn_at IS NULL ORDER BY created_at DESC, id DESC LIMIT $1",
      {std::int64_t{limit}}));
  std::vector<StoredMail> out;
  for (const auto& row : r.rows) {
    std::optional<std::int64_t> sent;
    if (!row.is_null(5)) sent = row.integer(5);
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.integer(4), sent,
                   static_cast<int>(row.integer(6)), row.optional_text(7)});
  }
  return out;
}

OutboxWorker::OutboxWorker(store::Pool& pool, SmtpSettings settings) : pool_(pool), settings_(std::move(settings)) {}
OutboxWorker::~OutboxWorker() { stop(); }

void OutboxWorker::start() {
  running_ = true;
  thread_ = std::thread([this] {
    while (running_) {
      deliver_due();
      for (int i = 0; i < 5 && running_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
}

void OutboxWorker::stop() {
  running_ = false;
  if (thread_.joinable()) thread_.join();
}

int OutboxWorker::deliver_due() {
  auto lease = pool_.acquire();
  if (!lease) return 0;
  auto& c = **lease;
  const auto now = now_ms();
  auto due = c.execute(
      "SELECT id, to_address, subject, body, attempts, attachment_name, attachment_type, attachment_base64 FROM mail_outbox "
      "WHERE sent_at IS NULL AND withdrawn_at IS NULL AND next_attempt_at <= $1 "
      "AND claimed_until < $1 ORDER BY created_at LIMIT 20",
      {now});
  if (!due) return 0;
  int sent = 0;
  for (const auto& row : due->rows) {
    const std::string id = row.text(0);
    // Claim the row for a minute so a second process does not send it too; a crash releases it by expiry.
    auto claimed = c.execute("UPDATE mail_outbox SET claimed_until = $2 WHERE id = $1 AND claimed_until < $3 AND withdrawn_at IS NULL",
                             {id, now + 60'000, now});
    if (!claimed || claimed->affected != 1) continue;
    Message message{row.text(1), row.text(2), row.text(3), std::nullopt};
    if (!row.is_null(5))
      message.attachment = MailAttachment{row.text(5), row.text(6), crypto::base64_decode(row.text(7)).value_or("")};
    const auto attempts = row.integer(4) + 1;
    if (auto result = send_smtp(settings_, message, id); result) {
      (void)c.execute("UPDATE mail_outbox SET sent_at = $2, attempts = $3, claimed_until = 0 WHERE id = $1",
                      {id, now_ms(), attempts});
      ++sent;
    } else {
      // Exponential back-off capped at an hour; a mail is never dropped, only delayed.
      const std::int64_t delay = std::min<std::int64_t>(5'000LL << std::min<std::int64_t>(attempts, 10), 3'600'000);
      (void)c.execute(
          "UPDATE mail_outbox SET attempts = $2, next_attempt_at = $3, claimed_until = 0, last_error = $4 WHERE id = $1",
          {id, attempts, now_ms() + delay, result.error().message});
      log::error("mail_failed", id + ": " + result.error().message);
    }
  }
  return sent;
}

}  // namespace kh::mail
