#pragma once
//! A server-sent-events stream as modules see it: push events from any thread; the HTTP server writes them
//! to the connection (and a keep-alive comment when idle) until the client leaves or the stream is closed.
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kh::http {

class EventStream {
 public:
  //! Queues one event (`data` must not contain a newline; JSON from serialize() never does). With an `id`, a
  //! reconnecting browser sends it back as Last-Event-ID, so the server can replay what the client missed.
  void push(const std::string& event, const std::string& data, const std::string& id = {});
  //! One event already framed (frame()), for pushing the same event to many streams: the fan-out formats it
  //! once. `seq` is the frame's numeric id (0 without one), checked against skip_through().
  void push_frame(const std::string& frame, long long seq = 0);
  //! The SSE text of one event: "id: …\n" (when given), "event: …\ndata: …\n\n".
  static std::string frame(const std::string& event, const std::string& data, const std::string& id = {});
  //! Drops later pushes whose numeric id is at most `seq`: they were already sent as a replay.
  void skip_through(long long seq);
  void close();
  bool closed() const;
  //! For the server: the frames queued so far, ready to write. Non-empty means the server is writing to the
  //! socket until it calls take() again and gets nothing back (then the stream is idle again).
  std::string take();
  //! For the server's keep-alive: the queued frames, or `fallback` when none; the server is writing either way.
  std::string take_or(std::string_view fallback);
  //! For the server: the connection's socket, to which a push writes directly while the stream is idle (no
  //! frame queued, no write of the server's in flight). Cleared by disconnect(), before the socket closes.
  void set_direct_socket(int fd);
  //! For the server: called (from the pushing thread) whenever a frame is queued or the stream closes.
  void set_waker(std::function<void()> waker);
  //! Whether the connection still exists (the server clears it when the client goes away).
  bool connected() const;
  void disconnect();

 private:
  mutable std::mutex mutex_;
  std::string pending_;
  long long skip_through_ = 0;
  bool closed_ = false;
  bool writing_ = false;  // the server's coroutine owns the socket's write side
  int direct_fd_ = -1;
  bool connected_ = true;
  std::function<void()> waker_;
};

}  // namespace kh::http
