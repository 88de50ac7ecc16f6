#pragma once
//! Notifications: the in-app notification centre, live delivery to open pages (server-sent events), and
//! the Notifier that turns new matches into notices and mails. Notices are anonymous both ways (SPEC.md
//! rule 4): a seeker learns a posting's public title, category, prefecture and start date, never the
//! facility; a facility learns that a candidate exists, never who.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace kh::store { class Connection; class Pool; class ChangeFollower; }
namespace kh::http { class Router; class EventStream; }
namespace kh::accounts { class Service; struct User; }
namespace kh::postings { class Service; struct Posting; }
namespace kh::seekers { class Service; }
namespace kh::matching { class Engine; }
namespace kh::reference { class Catalogue; }

namespace kh::notify {

struct Notification {
  std::string id, user_id, kind, title, body;
  std::optional<std::string> link;
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> read_at_ms;
};

//! The open event streams of this process, by user. A stream lives no longer than the session that opened it:
//! it closes when the session ends (logout, logout everywhere, password change or reset, the user stopped) and
//! when the session expires (close_expired).
class EventHub {
 public:
  //! `session_digest` identifies the session; `valid_until_ms` is when it expires unless it is used again.
  std::shared_ptr<http::EventStream> subscribe(const std::string& user_id, const std::string& session_digest,
                                               std::int64_t valid_until_ms);
  void publish(const std::string& user_id, const std::string& event, const std::string& data, const std::string& id = {});
  //! This process among the processes sharing the database (random per start): what it published itself is not
  //! published again when it comes back through the change log.
  const std::string& origin() const { return origin_; }
  void close_all();
  //! Closes every open stream of the user (their sessions ended; the survivors reconnect).
  void close_user(const std::string& user_id);
  //! Closes the streams of one session (it was logged out).
  void close_session(const std::string& session_digest);
  //! Asks `valid_until` again for every stream whose session looked expired by `now_ms`, and closes those whose
  //! session is gone or expired (nullopt); the others keep their new deadline. Cheap when nothing is due.
  void close_expired(std::int64_t now_ms,
                     const std::function<std::optional<std::int64_t>(const std::string& session_digest)>& valid_until);

 private:
  struct Entry {
    std::weak_ptr<http::EventStream> stream;
    std::string session_digest;
    std::int64_t valid_until_ms;
  };
  //! Removes the entries `close_if` picks and closes their streams (outside the lock).
  void close_where(const std::function<bool(const std::string& user_id, const Entry&)>& close_if);
  std::mutex mutex_;
  std::multimap<std::string, Entry> streams_;
  std::string origin_ = new_origin();
  static std::string new_origin();
};

//! Mail state of a notice: sent now, waiting for the daily digest, or not mailed.
enum class MailState { sent, digest, none };

//! Inserts a notice unless one with the same dedupe key exists; true when it was new. Call inside the
//! caller's transaction; appends a "notification" change so every process pushes it to open pages.
Result<bool> insert(store::Connection& c, const Notification& n, const std::string& dedupe_key, MailState mail);
//! A notice to a member of staff (facility, coordinator, secretariat, centres): in the app at once, and by mail
//! per their own choice (accounts::User::mail_notices) — at once, in the daily digest, or not at all. No mail to
//! an address that cannot receive one (a staff account made without e-mail has `…@kakehashi.invalid`).
Result<bool> insert_for_staff(store::Connection& c, const accounts::User& user, const Notification& n,
                              const std::string& dedupe_key, const std::string& public_url);
Result<std::optional<Notification>> find(store::Connection& c, const std::string& id);
//! The JSON of a `notification` event on the live stream.
std::string live_event_data(const Notification& n);
//! The user's notices created after change-log position `after_seq` (oldest first, at most `limit`), each with the
//! position of its creation: what a stream that reconnects with Last-Event-ID missed.
Result<std::vector<std::pair<std::int64_t, Notification>>> created_since(store::Connection& c, const std::string& user_id,
                                                                         std::int64_t after_seq, int limit);

struct Settings {
  std::string public_url;
  int digest_hour_jst = 8;  //!< the daily digest goes out at this hour, Japan time
};

//! Consumes the change log from a cursor kept in the database, so no match is missed or notified twice
//! across restarts, and several processes share the work without duplicates.
class Notifier {
 public:
  Notifier(store::Pool& pool, const matching::Engine& engine, postings::Service& postings, seekers::Service& seekers,
           accounts::Service& accounts, const reference::Catalogue& catalogue, Settings settings);
  //! On first use, starts from the newest change (history is not notified).
  Result<void> initialise();
  //! Processes changes up to `up_to_seq` (what the in-memory engine has already seen); runs the digest when due.
  void run_once(std::int64_t up_to_seq);
  //! Sends the daily digest for `period` (a date) if no process has sent it yet; returns mails queued.
  Result<int> send_digest(const std::string& period);
  //! Other daily mailings (partner feed digests) run with the digest, once a day across processes.
  void on_daily_digest(std::function<void()> also) { also_daily_ = std::move(also); }

 private:
  Result<void> handle_posting(store::Connection& c, const std::string& posting_id);
  Result<void> handle_seeker(store::Connection& c, const std::string& user_id);
  Result<void> notify_seeker_of_posting(store::Connection& c, const std::string& user_id,
                                        const postings::Posting& posting, const std::vector<std::string>& reasons);
  store::Pool& pool_;
  const matching::Engine& engine_;
  postings::Service& postings_;
  seekers::Service& seekers_;
  accounts::Service& accounts_;
  const reference::Catalogue& catalogue_;
  Settings settings_;
  std::string last_digest_period_;
  std::function<void()> also_daily_;
};

void register_routes(http::Router& router, store::Pool& pool, accounts::Service& accounts, EventHub& hub);

}  // namespace kh::notify
