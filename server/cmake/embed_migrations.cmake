# Writes a C++ file that holds every migrations/NNNN_name.sql as a raw string, ordered by file name.
file(GLOB files ${DIR}/*.sql)
list(SORT files)
set(body "#include \"store/migrations.h\"\nnamespace kh::store {\nconst std::vector<Migration>& embedded_migrations() {\n  static const std::vector<Migration> all = {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  string(SUBSTRING ${name} 0 4 digits)
  math(EXPR version "1${digits} - 10000")  # avoid octal literals such as 0008
  file(READ ${f} sql)
  string(APPEND body "    {${version}, \"${name}\", R\"kh_sql(${sql})kh_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n}  // namespace kh::store\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
