#pragma once
//! Expected failures travel as values (`Result<T>`); exceptions are reserved for what aborts a whole request.
#include <expected>
#include <map>
#include <string>

namespace kh {

//! A failure a caller can show to a user: HTTP status, stable machine code, Japanese message, per-field messages.
struct Error {
  int status = 500;                          //!< HTTP status it maps to
  std::string code;                          //!< stable code partners and the web app rely on
  std::string message;                       //!< Japanese sentence for people
  std::map<std::string, std::string> fields; //!< field name -> Japanese message naming the field
  long retry_after_seconds = 0;              //!< with 429: when a retry can succeed (the Retry-After header)
};

template <class T>
using Result = std::expected<T, Error>;

//! Shorthand for returning an error from a function that returns Result<T>.
inline std::unexpected<Error> fail(Error e) { return std::unexpected<Error>(std::move(e)); }

namespace errors {
Error bad_request(std::string message);
Error validation(std::map<std::string, std::string> fields);
Error unauthorized(std::string message = "ログインしてください。");
Error forbidden(std::string message = "この操作を行う権限がありません。");
Error not_found(std::string message = "指定されたデータが見つかりません。");
Error conflict(std::string code, std::string message);
Error too_many(std::string message);
Error internal(std::string detail);
//! The database cannot be reached (down, restarting, connection lost): 503 with Retry-After, the detail logged.
Error unavailable(std::string detail);
}  // namespace errors

}  // namespace kh

//! Propagates the error of a Result-returning expression; evaluates to its value otherwise.
#define KH_TRY(expr)                                         \
  ({                                                         \
    auto&& kh_try_result_ = (expr);                          \
    if (!kh_try_result_) return ::kh::fail(std::move(kh_try_result_).error()); \
    std::move(kh_try_result_).value();                       \
  })
#define KH_TRY_VOID(expr)                                    \
  do {                                                       \
    auto&& kh_try_result_ = (expr);                          \
    if (!kh_try_result_) return ::kh::fail(std::move(kh_try_result_).error()); \
  } while (0)
