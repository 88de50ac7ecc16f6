#include "app/demo_data.h"

#include <array>

#include "accounts/accounts.h"
#include "store/database.h"

namespace kh::app {
namespace {

struct DemoUser {
  const char* login;
  const char* role;
  const char* organisation;
  const char* prefecture;
  const char* name;
  const char* email;
};

// Fictional institutions in real municipalities across the country; one user for every role, and several
// facilities so that regional views have something to show.
constexpr std::array<DemoUser, 14> users{{
    {"jimukyoku", "secretariat", "かけはし事務局", "13", "事務局 担当者", "jimukyoku@kakehashi.example"},
    {"fac-tokyo-01", "facility", "千代田区神田さくら病院", "13", "佐藤 一郎", "fac-tokyo-01@kakehashi.example"},
    {"fac-tokyo-02", "facility", "八王子市みなみ野総合病院", "13", "鈴木 美咲", "fac-tokyo-02@kakehashi.example"},
    {"fac-tochigi-01", "facility", "宇都宮市ひばり記念病院", "09", "高橋 健", "fac-tochigi-01@kakehashi.example"},
    {"fac-tochigi-02", "facility", "日光市いろは診療所", "09", "田中 由美", "fac-tochigi-02@kakehashi.example"},
    {"fac-hokkaido-01", "facility", "札幌市北区北辰病院", "01", "伊藤 大輔", "fac-hokkaido-01@kakehashi.example"},
    {"fac-miyagi-01", "facility", "仙台市青葉区けやき病院", "04", "渡辺 彩", "fac-miyagi-01@kakehashi.example"},
    {"fac-osaka-01", "facility", "大阪市淀川区淀川記念病院", "27", "山本 翔", "fac-osaka-01@kakehashi.example"},
    {"fac-fukuoka-01", "facility", "福岡市博多区はかた中央病院", "40", "中村 舞", "fac-fukuoka-01@kakehashi.example"},
    {"agg-tochigi", "aggregator", "宇都宮市保健所", "09", "小林 誠", "agg-tochigi@kakehashi.example"},
    {"coord-nurse-13", "coordinator", "東京都ナースセンター", "13", "加藤 恵", "coord-nurse-13@kakehashi.example"},
    {"career-09", "career_center", "栃木県地域医療支援センター", "09", "吉田 修", "career-09@kakehashi.example"},
    {"workenv-13", "workenv_center", "東京都医療勤務環境改善支援センター", "13", "山田 聡", "workenv-13@kakehashi.example"},
    {"seeker@example.jp", "seeker", "", "", "山田 花子", "seeker@example.jp"},
}};

}  // namespace

Result<int> load_demo_data(store::Pool& pool, accounts::Service& accounts) {
  {
    auto lease = KH_TRY(pool.acquire());
    auto existing = KH_TRY((*lease).execute("SELECT 1 FROM users WHERE login = 'jimukyoku'"));
    if (!existing.rows.empty()) return 0;
  }
  int added = 0;
  for (const auto& u : users) {
    KH_TRY(accounts.add_user_with_password(u.login, demo_password, u.role, u.organisation, u.prefecture, u.email, u.name));
    ++added;
  }
  return added;
}

}  // namespace kh::app
