#include "http/event_stream.h"

#include <utility>

namespace kh::http {

void EventStream::push(const std::string& event, const std::string& data) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (closed_ || !connected_) return;
    pending_ += "event: " + event + "\ndata: " + data + "\n\n";
    wake = waker_;
  }
  if (wake) wake();
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
