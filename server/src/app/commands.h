#pragma once
#include <string>
#include <vector>

namespace kh::app {
//! Runs `kakehashi <command> ...`; returns the process exit code.
int run_command(const std::vector<std::string>& args);
}
