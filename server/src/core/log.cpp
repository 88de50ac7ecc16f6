#include "core/log.h"

#include <boost/json.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/time.h"

namespace kh::log {
namespace {
std::atomic<bool> quiet{false};

spdlog::logger& logger() {
  static auto instance = [] {
    auto l = spdlog::stdout_logger_mt("kakehashi");
    l->set_pattern("%v");  // the line itself is the JSON object
    l->flush_on(spdlog::level::info);
    return l;
  }();
  return *instance;
}

void write(std::string_view level, std::string_view event, boost::json::object fields) {
  fields["time"] = format_iso8601_utc(now_ms());
  fields["level"] = level;
  fields["event"] = event;
  logger().info(boost::json::serialize(fields));
}
}  // namespace

void info(std::string_view event, const boost::json::object& fields) {
  if (!quiet) write("info", event, fields);
}
void info(std::string_view event, std::string_view message) {
  if (!quiet) write("info", event, {{"message", message}});
}
void warn(std::string_view event, std::string_view message) { write("warn", event, {{"message", message}}); }
void error(std::string_view event, std::string_view message) { write("error", event, {{"message", message}}); }
void set_quiet(bool q) { quiet = q; }

}  // namespace kh::log
