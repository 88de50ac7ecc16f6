#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/event_stream.h"
#include "http/router.h"

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
