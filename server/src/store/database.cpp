#include "store/database.h"

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace kh::store {

std::string placeholders(std::size_t count, std::size_t first) {
  std::string s;
  for (std::size_t i = 0; i < count; ++i) s += (i ? ", $" : "$") + std::to_string(first + i);
  return s.empty() ? "NULL" : s;
}

Params text_params(const std::vector<std::string>& values) {
  return Params(values.begin(), values.end());
}

const std::string& Row::text(std::size_t i) const {
  static const std::string empty;
  const auto& c = cells_.at(i);
  return c ? *c : empty;
}

std::int64_t Row::integer(std::size_t i) const {
  const auto& c = cells_.at(i);
  if (!c || c->empty()) return 0;
  if (*c == "t") return 1;  // PostgreSQL's text form of boolean true
  if (*c == "f") return 0;
  return std::stoll(*c);
}

Result<std::unique_ptr<Database>> open_database(std::string_view url) {
  if (url.starts_with("sqlite:")) return make_sqlite_database(std::string(url.substr(7)));
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return make_postgres_database(std::string(url));
  return fail(errors::bad_request("データベースの指定が正しくありません（sqlite:PATH または postgresql://... ）。"));
}

Result<Pool::Lease> Pool::acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(c));
    }
    if (opened_ < capacity_) {
      ++opened_;
      lock.unlock();
      auto c = database_.connect();
      if (!c) {
        std::lock_guard relock(mutex_);
        --opened_;
        return fail(c.error());
      }
      return Lease(*this, std::move(*c));
    }
    available_.wait(lock);
  }
}

void Pool::give_back(std::unique_ptr<Connection> c) {
  {
    std::lock_guard lock(mutex_);
    // A connection that lost its server (database restart) is dropped: the next acquire opens a fresh one.
    if (c->broken()) --opened_;
    else idle_.push_back(std::move(c));
  }
  available_.notify_one();
}

}  // namespace kh::store
