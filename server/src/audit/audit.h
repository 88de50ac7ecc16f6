#pragma once
//! The audit log: who did what to whom, when, from where. Logins, failures, account changes and every
//! disclosure of personal data are written here inside the transaction that did them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace kh::store { class Connection; }

namespace kh::audit {

struct Actor {
  std::optional<std::string> user_id;
  std::optional<std::string> login;
  std::string ip;
};

struct Entry {
  std::int64_t id;
  std::int64_t at_ms;
  std::optional<std::string> actor_id, actor_login;
  std::string action;
  std::optional<std::string> subject_type, subject_id, detail;
  std::string ip;
};

Result<void> record(store::Connection& c, const Actor& actor, std::string_view action,
                    std::optional<std::string> subject_type = std::nullopt,
                    std::optional<std::string> subject_id = std::nullopt,
                    std::optional<std::string> detail = std::nullopt);

struct Query {
  std::optional<std::string> action;
  std::optional<std::string> actor_id;
  int page = 1;
  int per_page = 50;
};
struct Page {
  std::vector<Entry> items;
  std::int64_t total = 0;
};
Result<Page> list(store::Connection& c, const Query& query);

}  // namespace kh::audit
