#pragma once
//! Follows the change log and hands each new change to the handlers registered for its entity. In-memory
//! projections (the posting search index, later the matching index) stay current through this alone, so
//! every process converges on the database whichever process made the write.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/change_log.h"
#include "store/database.h"

namespace kh::store {

class Pool;

class ChangeFollower {
 public:
  explicit ChangeFollower(Pool& pool) : pool_(pool) {}
  ~ChangeFollower() { stop(); }

  void on(const std::string& entity, std::function<void(const Change&)> handler);
  //! Remembers the newest change as the starting point; call before building projections from the tables,
  //! so that a change made during the build is replayed rather than missed.
  Result<void> start_from_latest();
  //! Dispatches everything new now. Writers call it after committing so their own next read sees the write.
  void catch_up();
  //! Follows in a thread of its own: woken by the database's change signal (PostgreSQL LISTEN/NOTIFY: a write in
  //! any process reaches every process at once; SQLite: this process's commits), polling besides every
  //! `safety_interval` (a notification lost with a connection) or, where the signal hears only this process
  //! (SQLite: a command writing to the file beside the server) or cannot be had at all, every `interval`. After
  //! each round calls `after_round(last_seq)` on the same thread (the notifier runs there, never on a request
  //! thread).
  void run_in_background(std::chrono::milliseconds interval, std::function<void(std::int64_t)> after_round = {},
                         std::chrono::milliseconds safety_interval = std::chrono::milliseconds(1000));
  std::int64_t last_seq();
  void stop();

 private:
  void dispatch(const Change& change);
  Pool& pool_;
  std::mutex mutex_;
  std::int64_t last_seq_ = 0;
  std::map<std::int64_t, std::int64_t> gaps_;  //!< missing seq -> when first noticed (ms)
  std::map<std::string, std::vector<std::function<void(const Change&)>>> handlers_;
  std::atomic<bool> running_{false};
  std::unique_ptr<ChangeSignal> signal_;
  std::thread thread_;
};

}  // namespace kh::store
