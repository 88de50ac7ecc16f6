#include "core/error.h"

#include "core/log.h"

namespace kh::errors {

Error bad_request(std::string message) { return {400, "bad_request", std::move(message), {}}; }

Error validation(std::map<std::string, std::string> fields) {
  return {400, "validation_failed", "入力内容に誤りがあります。各項目のメッセージを確認してください。", std::move(fields)};
}

Error unauthorized(std::string message) { return {401, "unauthorized", std::move(message), {}}; }
Error forbidden(std::string message) { return {403, "forbidden", std::move(message), {}}; }
Error not_found(std::string message) { return {404, "not_found", std::move(message), {}}; }
Error conflict(std::string code, std::string message) { return {409, std::move(code), std::move(message), {}}; }
Error too_many(std::string message) { return {429, "too_many_attempts", std::move(message), {}}; }

Error unavailable(std::string detail) {
  // A warning, not an error: the process is fine and recovers by itself when the database is back.
  log::warn("database_unavailable", detail);
  Error e{503, "unavailable", "データベースに一時的に接続できません。しばらくしてから再度お試しください。", {}};
  e.retry_after_seconds = 5;
  return e;
}

Error internal(std::string detail) {
  // The detail goes to the operator's log only: it may hold SQL or paths that users must not see.
  log::error("internal_error", detail);
  return {500, "internal_error", "サーバーで問題が発生しました。時間をおいて再度お試しください。", {}};
}

}  // namespace kh::errors
