# Writes a C++ file defining `std::string_view kh::app::embedded_openapi()` with the contents of IN.
file(READ ${IN} content)
set(body "#include <string_view>\nnamespace kh::app {\nstd::string_view embedded_openapi() {\n  static constexpr std::string_view text = R\"kh_doc(${content})kh_doc\";\n  return text;\n}\n}  // namespace kh::app\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
