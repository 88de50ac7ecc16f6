#include "http/event_stream.h"

#include <cstdlib>
#include <utility>

namespace kh::http {

void EventStream::push(const std::string& event, const std::string& data, const std::string& id) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (closed_ || !connected_) return;
    if (skip_through_ > 0 && !id.empty() && std::strtoll(id.c_str(), nullptr, 10) <= skip_through_) return;
    if (!id.empty()) pending_ += "id: " + id + "\n";
    pending_ += "event: " + event + "\ndata: " + data + "\n\n";
    wake = waker_;
  }
  if (wake) wake();
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
