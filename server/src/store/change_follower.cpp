#include "store/change_follower.h"

#include "core/log.h"
#include "core/time.h"
#include "store/database.h"

namespace kh::store {
namespace {
// On PostgreSQL sequence numbers are taken at insert but become visible at commit, so seq 11 can be seen
// before seq 10. A missing number is watched this long before it is taken for a rolled-back transaction.
constexpr std::int64_t gap_patience_ms = 10'000;
constexpr std::int64_t max_tracked_gap = 10'000;
}  // namespace

void ChangeFollower::on(const std::string& entity, std::function<void(const Change&)> handler) {
  std::lock_guard lock(mutex_);
  handlers_[entity].push_back(std::move(handler));
}

Result<void> ChangeFollower::start_from_latest() {
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT COALESCE(MAX(seq), 0) FROM change_log"));
  std::lock_guard lock(mutex_);
  last_seq_ = r.rows.at(0).integer(0);
  gaps_.clear();
  return {};
}

void ChangeFollower::dispatch(const Change& change) {
  if (auto it = handlers_.find(change.entity); it != handlers_.end())
    for (const auto& handler : it->second) handler(change);
}

void ChangeFollower::catch_up() {
  std::lock_guard lock(mutex_);
  auto lease = pool_.acquire();
  if (!lease) return;
  const auto now = now_ms();
  for (;;) {
    // Read from just below the oldest open gap, so a late commit inside it is still seen.
    const std::int64_t from = gaps_.empty() ? last_seq_ : std::min(last_seq_, gaps_.begin()->first - 1);
    auto changes = changes_since(**lease, from, 500);
    if (!changes) {
      log::error("change_follower", changes.error().message);
      return;
    }
    bool advanced = false;
    for (const auto& change : *changes) {
      if (change.seq <= last_seq_) {
        if (gaps_.erase(change.seq)) dispatch(change);  // a late commit filling a gap
        continue;
      }
      if (change.seq - last_seq_ - 1 <= max_tracked_gap)
        for (auto s = last_seq_ + 1; s < change.seq; ++s) gaps_.emplace(s, now);
      dispatch(change);
      last_seq_ = change.seq;
      advanced = true;
    }
    if (changes->size() < 500 || !advanced) break;
  }
  std::erase_if(gaps_, [&](const auto& g) { return now - g.second > gap_patience_ms; });
}

std::int64_t ChangeFollower::last_seq() {
  std::lock_guard lock(mutex_);
  // Below an open gap nothing is certain yet: report the point up to which every change was handled.
  return gaps_.empty() ? last_seq_ : gaps_.begin()->first - 1;
}

void ChangeFollower::run_in_background(std::chrono::milliseconds interval, std::function<void(std::int64_t)> after_round,
                                       std::chrono::milliseconds safety_interval) {
  if (auto signal = pool_.database().listen_for_changes()) signal_ = std::move(*signal);
  else log::warn("change_follower", "no change signal, polling only: " + signal.error().message);
  running_ = true;
  thread_ = std::thread([this, interval, safety_interval, after_round = std::move(after_round)] {
    while (running_) {
      catch_up();
      if (after_round) {
        after_round(last_seq());
        // What the round wrote (the notifier's notices) goes out now, not a poll interval later.
        catch_up();
      }
      if (signal_) (void)signal_->wait(signal_->hears_other_processes() ? safety_interval : interval);
      else std::this_thread::sleep_for(interval);
    }
  });
}

void ChangeFollower::stop() {
  running_ = false;
  if (signal_) signal_->interrupt();
  if (thread_.joinable()) thread_.join();
}

}  // namespace kh::store
