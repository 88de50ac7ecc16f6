#include "http/event_stream.h"

#include <cstdlib>
#include <utility>

namespace kh::http {

std::string EventStream::frame(const std::string& event, const std::string& data, const std::string& id) {
  std::string out;
  out.reserve(id.size() + event.size() + data.size() + 24);
  if (!id.empty()) out.append("id: ").append(id).append("\n");
  out.append("event: ").append(event).append("\ndata: ").append(data).append("\n\n");
  return out;
}

void EventStream::push(const std::string& event, const std::string& data, const std::string& id) {
  push_frame(frame(event, data, id), id.empty() ? 0 : std::strtoll(id.c_str(), nullptr, 10));
}

void EventStream::push_frame(const std::string& frame, long long seq) {
  std::lock_guard lock(mutex_);
  if (closed_ || !connected_) return;
  if (skip_through_ > 0 && seq > 0 && seq <= skip_through_) return;
  // Frames already waiting mean the writer has been woken and will take this one too: one wake per burst, and
  // the waker is called here rather than copied out (it only posts to the connection's executor, never locks).
  const bool idle = pending_.empty();
  pending_ += frame;
  if (idle && waker_) waker_();
}

void EventStream::skip_through(long long seq) {
  std::lock_guard lock(mutex_);
  skip_through_ = seq;
}

void EventStream::close() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    wake = waker_;
  }
  if (wake) wake();
}

bool EventStream::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::string EventStream::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(pending_, {});
}

void EventStream::set_waker(std::function<void()> waker) {
  std::lock_guard lock(mutex_);
  waker_ = std::move(waker);
}

bool EventStream::connected() const {
  std::lock_guard lock(mutex_);
  return connected_;
}

void EventStream::disconnect() {
  std::lock_guard lock(mutex_);
  connected_ = false;
  waker_ = nullptr;
}

}  // namespace kh::http
