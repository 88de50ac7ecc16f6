# Writes a C++ file defining `std::string_view NAMESPACE::NAME()` that returns the contents of IN.
# The text is a char array, not a constexpr string_view of a literal: measuring a 6 MB literal (the national
# postal codes) would run the compiler's constexpr loop limit out.
file(READ ${IN} content)
set(body "#include <string_view>\nnamespace ${NAMESPACE} {\nstd::string_view ${NAME}() {\n  static const char text[] = R\"kh_doc(${content})kh_doc\";\n  return {text, sizeof text - 1};\n}\n}  // namespace ${NAMESPACE}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
