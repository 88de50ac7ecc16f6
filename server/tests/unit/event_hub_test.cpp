// The fan-out of one notice to many open streams (notify::EventHub::publish): above 512 streams the pushes are shared
// among threads, each taking the next chunk as it goes. Every stream gets every frame exactly once and in order,
// whether it is written at once to its socket (an idle stream) or queued for its connection's writer.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <vector>

#include "http/event_stream.h"
#include "notify/notify.h"

using namespace kh;

namespace {

std::string read_all(int fd) {
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

TEST(EventHub, PublishesToThousandsOfStreamsOnceEachAndInOrder) {
  notify::EventHub hub;
  constexpr int queued = 3000;  // no socket: the frame waits for the connection's writer
  constexpr int direct = 200;   // a socket of their own: written by the publishing threads themselves
  std::atomic<int> wakes{0};
  std::vector<std::shared_ptr<http::EventStream>> streams;
  for (int i = 0; i < queued + direct; ++i) {
    streams.push_back(hub.subscribe("usr_many", "session", INT64_MAX));
    streams.back()->set_waker([&] { ++wakes; });
  }
  std::vector<int> ours, peers;
  for (int i = queued; i < queued + direct; ++i) {
    int pair[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
    streams[static_cast<std::size_t>(i)]->set_direct_socket(pair[0]);
    ours.push_back(pair[0]);
    peers.push_back(pair[1]);
  }
  const auto other = hub.subscribe("usr_other", "session", INT64_MAX);

  hub.publish("usr_many", "notification", R"({"n":1})", "11");
  hub.publish("usr_many", "notification", R"({"n":2})", "12");

  const auto both = http::EventStream::frame("notification", R"({"n":1})", "11") +
                    http::EventStream::frame("notification", R"({"n":2})", "12");
  for (int i = 0; i < queued; ++i) ASSERT_EQ(streams[static_cast<std::size_t>(i)]->take(), both) << "stream " << i;
  EXPECT_EQ(wakes.load(), queued);  // one wake per stream: the second frame joined the first in the queue
  for (int i = 0; i < direct; ++i) {
    EXPECT_EQ(streams[static_cast<std::size_t>(queued + i)]->take(), "") << "direct stream " << i;
    EXPECT_EQ(read_all(peers[static_cast<std::size_t>(i)]), both) << "direct stream " << i;
  }
  EXPECT_EQ(other->take(), "");  // another user's stream hears nothing

  for (int i = 0; i < direct; ++i) {
    streams[static_cast<std::size_t>(queued + i)]->disconnect();
    ::close(ours[static_cast<std::size_t>(i)]);
    ::close(peers[static_cast<std::size_t>(i)]);
  }
}
