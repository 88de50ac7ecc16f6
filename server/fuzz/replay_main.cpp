// Runs a fuzz target over files, without libFuzzer: `replay_<target> DIR_OR_FILE...`. This is how make test
// uses the fuzz targets (built by g++ with ASan + UBSan in build-asan): every file of the seed corpus is run
// once, in name order, and a sanitizer report or a failed invariant aborts the process, which fails the ctest.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg = argv[i];
    if (fs::is_directory(arg)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } else if (fs::is_regular_file(arg)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "replay: %s is neither a file nor a directory\n", argv[i]);
      return 2;
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "replay: no input files\n");
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // A copy of exactly `size` bytes on the heap, as libFuzzer gives it, so ASan sees a read past the end.
    std::vector<std::uint8_t> copy(bytes.begin(), bytes.end());
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.c_str(), copy.size());
    LLVMFuzzerTestOneInput(copy.data(), copy.size());
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  std::printf("replay: %zu inputs, no crash (%lld ms)\n", files.size(), static_cast<long long>(ms.count()));
  return 0;
}
