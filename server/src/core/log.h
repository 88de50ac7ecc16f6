#pragma once
//! JSON-lines logging to standard output (one object per line, for log shippers).
#include <string_view>

namespace boost::json { class object; }

namespace kh::log {
void info(std::string_view event, const boost::json::object& fields);
void info(std::string_view event, std::string_view message);
//! Something an operator must act on; written even when info lines are silenced.
void warn(std::string_view event, std::string_view message);
void error(std::string_view event, std::string_view message);
//! Silences info lines (unit tests, one-shot commands).
void set_quiet(bool quiet);
}  // namespace kh::log
