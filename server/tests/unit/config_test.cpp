#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "app/config.h"

using namespace kh::app;

TEST(Config, FlagsBeatEnvironmentWhichBeatsTheFile) {
  const std::string path = ::testing::TempDir() + "/kakehashi-config-test.conf";
  {
    std::ofstream f(path);
    f << "# comment\nlisten = 127.0.0.1:9000\nthreads=3\nsmtp_url=smtp://file:25\n";
  }
  auto c = load_config({{"config", path}, {"smtp-url", "smtp://flag:25"}},
                       {{"KAKEHASHI_THREADS", "7"}, {"KAKEHASHI_SMTP_URL", "smtp://env:25"}});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->listen, "127.0.0.1:9000");
  EXPECT_EQ(c->port(), 9000);
  EXPECT_EQ(c->threads, 7u);
  EXPECT_EQ(c->smtp_url, "smtp://flag:25");
  EXPECT_EQ(c->effective_public_url(), "http://127.0.0.1:9000");
  std::remove(path.c_str());
}

TEST(Config, RejectsBadValuesNamingTheKey) {
  EXPECT_FALSE(load_config({{"listen", "nowhere"}}, {}));
  EXPECT_FALSE(load_config({{"threads", "zero"}}, {}));
  EXPECT_FALSE(load_config({{"colour", "blue"}}, {}));
  auto e = load_config({{"trust-proxy", "maybe"}}, {});
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("trust_proxy"), std::string::npos);
}
