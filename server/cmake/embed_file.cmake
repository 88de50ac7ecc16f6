# Writes a C++ file defining `std::string_view NAMESPACE::NAME()` that returns the contents of IN.
file(READ ${IN} content)
set(body "#include <string_view>\nnamespace ${NAMESPACE} {\nstd::string_view ${NAME}() {\n  static constexpr std::string_view text = R\"kh_doc(${content})kh_doc\";\n  return text;\n}\n}  // namespace ${NAMESPACE}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
