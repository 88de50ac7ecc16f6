#include "app/commands.h"

int main(int argc, char** argv) { return kh::app::run_command(std::vector<std::string>(argv + 1, argv + argc)); }
