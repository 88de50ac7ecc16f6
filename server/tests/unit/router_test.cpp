#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include "http/event_stream.h"
#include "http/router.h"
#include "notify/notify.h"

using namespace kh::http;

TEST(Router, CapturesPathParametersAndAnswers405WithAllow) {
  Router router;
  router.add("GET", "/api/v1/users/{id}", [](Request& r) {
    Response res;
    res.body = r.param("id");
    return res;
  });
  router.add("DELETE", "/api/v1/users/{id}", [](Request&) { return no_content(); });

  Request get{.method = "GET", .path = "/api/v1/users/usr_42"};
  auto res = router.dispatch(get);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "usr_42");

  Request put{.method = "PUT", .path = "/api/v1/users/usr_42"};
  res = router.dispatch(put);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->headers.at(0).second, "GET, DELETE");
  auto body = boost::json::parse(res->body).as_object();
  EXPECT_EQ(body["error"].as_object()["code"], "method_not_allowed");

  Request unknown{.method = "GET", .path = "/api/v1/nothing"};
  EXPECT_FALSE(router.dispatch(unknown));
}

TEST(Router, HeadIsServedByGet) {
  Router router;
  router.add("GET", "/api/v1/health", [](Request&) { return json_response(200, boost::json::object{{"status", "ok"}}); });
  Request head{.method = "HEAD", .path = "/api/v1/health"};
  auto res = router.dispatch(head);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(Request, ReadsCookiesAndHeadersCaseInsensitively) {
  Request r;
  r.headers["cookie"] = "a=1; kh_session=abc; b=2";
  r.headers["x-csrf-token"] = "t";
  EXPECT_EQ(r.cookie("kh_session"), "abc");
  EXPECT_EQ(r.cookie("b"), "2");
  EXPECT_FALSE(r.cookie("kh"));
  EXPECT_EQ(r.header("X-CSRF-Token"), "t");
}

TEST(ErrorResponse, HasTheSpecEnvelope) {
  auto res = error_response(kh::errors::validation({{"email", "「メールアドレス」の形式が正しくありません。"}}));
  EXPECT_EQ(res.status, 400);
  auto o = boost::json::parse(res.body).as_object();
  auto& e = o["error"].as_object();
  EXPECT_EQ(e["code"], "validation_failed");
  EXPECT_EQ(e["fields"].as_object()["email"], "「メールアドレス」の形式が正しくありません。");
}

TEST(EventStream, FramesCarryTheirIdAndAReplayIsNotSentTwice) {
  EventStream s;
  s.push("ready", "{}");
  s.push("notification", R"({"id":"ntf_1"})", "41");
  EXPECT_EQ(s.take(), "event: ready\ndata: {}\n\nid: 41\nevent: notification\ndata: {\"id\":\"ntf_1\"}\n\n");
  // Replayed through 42: the live copies of 41 and 42 are dropped, 43 and unnumbered events pass.
  s.skip_through(42);
  s.push("notification", "a", "41");
  s.push("notification", "b", "42");
  s.push("notification", "c", "43");
  s.push("interview_signal", "d");
  EXPECT_EQ(s.take(), "id: 43\nevent: notification\ndata: c\n\nevent: interview_signal\ndata: d\n\n");
}

namespace {
std::string read_available(int fd) {
  char buf[4096];
  const auto n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}
}  // namespace

TEST(EventStream, AnIdleStreamIsWrittenByThePushAndABusyOneQueuesInOrder) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  EventStream s;
  int wakes = 0;
  s.set_waker([&] { ++wakes; });
  s.set_direct_socket(fds[0]);
  // Idle: the push itself writes the frame, nothing is queued and the server is not woken.
  s.push("notification", "a", "1");
  EXPECT_EQ(read_available(fds[1]), "id: 1\nevent: notification\ndata: a\n\n");
  EXPECT_EQ(s.take(), "");
  EXPECT_EQ(wakes, 0);
  // While the server writes (a keep-alive here), pushes queue behind it and wake it once.
  EXPECT_EQ(s.take_or(": keep-alive\n\n"), ": keep-alive\n\n");
  s.push("notification", "b", "2");
  s.push("notification", "c", "3");
  EXPECT_EQ(read_available(fds[1]), "");
  EXPECT_EQ(wakes, 1);
  EXPECT_EQ(s.take(), "id: 2\nevent: notification\ndata: b\n\nid: 3\nevent: notification\ndata: c\n\n");
  EXPECT_EQ(s.take(), "");  // written: idle again, so the next push goes straight to the socket
  s.push("notification", "d", "4");
  EXPECT_EQ(read_available(fds[1]), "id: 4\nevent: notification\ndata: d\n\n");
  // After disconnect the socket is never touched again (its descriptor may be reused at once).
  s.disconnect();
  s.push("notification", "e", "5");
  EXPECT_EQ(read_available(fds[1]), "");
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST(EventStream, AFullSocketBufferLeavesTheRestToTheServer) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  int small = 4096;
  ::setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
  EventStream s;
  int wakes = 0;
  s.set_waker([&] { ++wakes; });
  s.set_direct_socket(fds[0]);
  const std::string big(1 << 20, 'x');
  s.push("notification", big);
  const std::string frame = EventStream::frame("notification", big);
  std::string received;
  for (std::string part; !(part = read_available(fds[1])).empty();) received += part;
  const std::string rest = s.take();
  EXPECT_EQ(wakes, 1);
  EXPECT_FALSE(rest.empty());
  EXPECT_EQ(received + rest, frame);  // nothing lost, nothing twice, in order
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST(EventHub, AFanOutSharedAmongCoresReachesEveryStreamOnceAndInOrder) {
  kh::notify::EventHub hub;
  std::vector<std::shared_ptr<EventStream>> streams;
  for (int i = 0; i < 3001; ++i) streams.push_back(hub.subscribe("usr_many", "sess", 1LL << 60));
  streams.push_back(hub.subscribe("usr_other", "sess2", 1LL << 60));
  hub.publish("usr_many", "notification", "first", "7");
  hub.publish("usr_many", "notification", "second", "8");
  const auto expected = EventStream::frame("notification", "first", "7") + EventStream::frame("notification", "second", "8");
  for (std::size_t i = 0; i + 1 < streams.size(); ++i) ASSERT_EQ(streams[i]->take(), expected) << "stream " << i;
  EXPECT_EQ(streams.back()->take(), "");  // another user's stream hears nothing
}
