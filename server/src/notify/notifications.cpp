// Storage of notices and the per-process hub of open event streams.
#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <future>
#include <thread>

#include "accounts/accounts.h"
#include "core/crypto.h"
#include "core/time.h"
#include "http/event_stream.h"
#include "mail/mail.h"
#include "notify/notify.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::notify {

std::shared_ptr<http::EventStream> EventHub::subscribe(const std::string& user_id, const std::string& session_digest,
                                                        std::int64_t valid_until_ms) {
  auto stream = std::make_shared<http::EventStream>();
  std::lock_guard lock(mutex_);
  streams_.emplace(user_id, Entry{stream, session_digest, valid_until_ms});
  return stream;
}

namespace {

//! Below this many streams one thread pushes them all; above it the pushes are shared among the cores. An idle
//! stream's push is a send() (about 9 µs in the kernel on loopback here), so 10,000 open pages of one notice
//! would otherwise take 90 ms on one core while the others wait.
constexpr std::size_t parallel_from = 512;

void push_to_all(const std::vector<std::shared_ptr<http::EventStream>>& targets, const std::string& frame,
                 long long seq) {
  // The threads take the next 64 streams as they go rather than a fixed half each: a core that is also busy with
  // something else (the kernel's receive work, another request) then takes fewer, and nobody waits for it.
  constexpr std::size_t chunk = 64;
  std::atomic<std::size_t> next{0};
  const auto push_chunks = [&] {
    for (auto from = next.fetch_add(chunk); from < targets.size(); from = next.fetch_add(chunk)) {
      const auto to = std::min(from + chunk, targets.size());
      for (auto i = from; i < to; ++i) targets[i]->push_frame(frame, seq);
    }
  };
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t helpers = targets.size() < parallel_from ? 0 : std::min<std::size_t>(cores, 16) - 1;
  // Every stream is pushed before this returns, so a later publish to the same streams still comes after this
  // one (each stream's frames stay in order) and the callers see a synchronous publish as before.
  std::vector<std::future<void>> others;
  for (std::size_t k = 0; k < helpers; ++k) others.push_back(std::async(std::launch::async, push_chunks));
  push_chunks();
  for (auto& f : others) f.get();
}

}  // namespace

std::string EventHub::new_origin() { return crypto::new_id("proc"); }

void EventHub::publish(const std::string& user_id, const std::string& event, const std::string& data,
                       const std::string& id) {
  std::vector<std::shared_ptr<http::EventStream>> targets;
  {
    std::lock_guard lock(mutex_);
    auto [begin, end] = streams_.equal_range(user_id);
    for (auto it = begin; it != end;) {
      auto s = it->second.stream.lock();
      if (!s || !s->connected()) { it = streams_.erase(it); continue; }
      targets.push_back(std::move(s));
      ++it;
    }
  }
  if (targets.empty()) return;
  // Formatted once for all of this user's streams (10,000 open pages must not mean 10,000 copies being built).
  const auto frame = http::EventStream::frame(event, data, id);
  const long long seq = id.empty() ? 0 : std::strtoll(id.c_str(), nullptr, 10);
  push_to_all(targets, frame, seq);
}

void EventHub::close_where(const std::function<bool(const std::string&, const Entry&)>& close_if) {
  std::vector<std::shared_ptr<http::EventStream>> targets;
  {
    std::lock_guard lock(mutex_);
    for (auto it = streams_.begin(); it != streams_.end();) {
      if (!close_if(it->first, it->second)) { ++it; continue; }
      if (auto s = it->second.stream.lock()) targets.push_back(std::move(s));
      it = streams_.erase(it);
    }
  }
  for (auto& s : targets) s->close();
}

void EventHub::close_user(const std::string& user_id) {
  close_where([&](const std::string& user, const Entry&) { return user == user_id; });
}

void EventHub::close_session(const std::string& session_digest) {
  close_where([&](const std::string&, const Entry& e) { return e.session_digest == session_digest; });
}

void EventHub::close_expired(std::int64_t now,
                             const std::function<std::optional<std::int64_t>(const std::string&)>& valid_until) {
  std::vector<std::string> due;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [_, e] : streams_)
      if (e.valid_until_ms <= now) due.push_back(e.session_digest);
  }
  if (due.empty()) return;
  // Asked outside the lock (it reads the database); a session used meanwhile on another page gets a new deadline.
  std::map<std::string, std::optional<std::int64_t>> answers;
  for (const auto& digest : due) answers.try_emplace(digest, valid_until(digest));
  {
    std::lock_guard lock(mutex_);
    for (auto& [_, e] : streams_)
      if (auto it = answers.find(e.session_digest); it != answers.end() && it->second && *it->second > now)
        e.valid_until_ms = *it->second;
  }
  close_where([&](const std::string&, const Entry& e) {
    auto it = answers.find(e.session_digest);
    return it != answers.end() && (!it->second || *it->second <= now);
  });
}

void EventHub::close_all() {
  close_where([](const std::string&, const Entry&) { return true; });
}

Result<bool> insert(store::Connection& c, const Notification& n, const std::string& dedupe_key, MailState mail) {
  const char* state = mail == MailState::sent ? "sent" : mail == MailState::digest ? "digest" : "none";
  const std::string id = n.id.empty() ? crypto::new_id("ntf") : n.id;
  // The unique dedupe key is what makes a notice exactly-once, whichever process gets there first.
  auto r = KH_TRY(c.execute(
      "INSERT INTO notifications (id, user_id, kind, title, body, link, dedupe_key, created_at, mail_state) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (dedupe_key) DO NOTHING",
      {id, n.user_id, n.kind, n.title, n.body, store::optional_text(n.link), dedupe_key, now_ms(), std::string(state)}));
  if (r.affected != 1) return false;
  KH_TRY_VOID(store::append_change(c, "notification", id, "create"));
  return true;
}

Result<bool> insert_for_staff(store::Connection& c, const accounts::User& user, const Notification& n,
                              const std::string& dedupe_key, const std::string& public_url) {
  const bool mailable = user.status == "active" && !user.email.ends_with(".invalid");
  const auto mail = !mailable || user.mail_notices == "off" ? MailState::none
                    : user.mail_notices == "daily"          ? MailState::digest
                                                            : MailState::sent;
  Notification to_user = n;
  to_user.user_id = user.id;
  const bool fresh = KH_TRY(insert(c, to_user, dedupe_key, mail));
  if (fresh && mail == MailState::sent)
    KH_TRY_VOID(mail::enqueue(c, {user.email, "【かけはし】" + n.title,
                                  user.display_name + " 様\n\n" + n.body + "\n\n" + public_url + n.link.value_or("/") +
                                      "\n\nメールでの通知の受け取り方は「アカウント設定」の画面で変更できます。\n"}));
  return fresh;
}

Result<std::optional<Notification>> find(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(
      "SELECT id, user_id, kind, title, body, link, created_at, read_at FROM notifications WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Notification>{};
  const auto& row = r.rows[0];
  Notification n{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.optional_text(5), row.integer(6), {}};
  if (!row.is_null(7)) n.read_at_ms = row.integer(7);
  return std::optional<Notification>{std::move(n)};
}

std::string live_event_data(const Notification& n) {
  return boost::json::serialize(boost::json::object{{"id", n.id}, {"kind", n.kind}, {"title", n.title}, {"body", n.body},
                                                    {"link", n.link ? boost::json::value(*n.link) : nullptr}});
}

Result<std::vector<std::pair<std::int64_t, Notification>>> created_since(store::Connection& c, const std::string& user_id,
                                                                         std::int64_t after_seq, int limit) {
  auto r = KH_TRY(c.execute(
      "SELECT cl.seq, n.id, n.user_id, n.kind, n.title, n.body, n.link, n.created_at FROM change_log cl "
      "JOIN notifications n ON n.id = cl.entity_id WHERE cl.entity = 'notification' AND cl.op = 'create' "
      "AND cl.seq > $1 AND n.user_id = $2 ORDER BY cl.seq LIMIT $3",
      {after_seq, user_id, std::int64_t{limit}}));
  std::vector<std::pair<std::int64_t, Notification>> out;
  for (const auto& row : r.rows)
    out.emplace_back(row.integer(0), Notification{row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                                                  row.optional_text(6), row.integer(7), {}});
  return out;
}

}  // namespace kh::notify
