#include "http/event_stream.h"

#include <sys/socket.h>

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
  // An idle stream is written from this thread at once: one send() instead of a post to the connection's
  // executor, a timer cancel, a coroutine resume and the write (a fan-out to 10,000 streams is one loop of
  // sends). Safe because nothing of the server's touches the socket's write side while the stream is idle, and
  // disconnect() clears the socket under this lock before it closes.
  std::size_t sent = 0;
  if (pending_.empty() && !writing_ && direct_fd_ >= 0) {
    const auto n = ::send(direct_fd_, frame.data(), frame.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n == static_cast<ssize_t>(frame.size())) return;
    if (n > 0) sent = static_cast<std::size_t>(n);
    // A full buffer (EAGAIN) or a broken connection: the server's writer takes the rest and sees the error.
  }
  // Frames already waiting mean the writer has been woken and will take this one too: one wake per burst, and
  // the waker is called here rather than copied out (it only posts to the connection's executor, never locks).
  const bool idle = pending_.empty();
  pending_.append(frame, sent);
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
  writing_ = !pending_.empty();
  return std::exchange(pending_, {});
}

std::string EventStream::take_or(std::string_view fallback) {
  std::lock_guard lock(mutex_);
  writing_ = true;
  if (pending_.empty()) return std::string(fallback);
  return std::exchange(pending_, {});
}

void EventStream::set_direct_socket(int fd) {
  std::lock_guard lock(mutex_);
  direct_fd_ = fd;
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
  direct_fd_ = -1;
  waker_ = nullptr;
}

}  // namespace kh::http
