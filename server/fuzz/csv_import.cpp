// Fuzz target: every CSV the server reads, and the CSV it writes.
//   - kh::csv::parse (BOM, quotes, CRLF/LF, the UTF-8 check) and text::decode_japanese_file (UTF-8 with or
//     without a BOM, else Windows-31J: what the posting import reads);
//   - the secretariat's reference imports (reference::import_areas_csv, import_postal_codes_csv) and a facility's
//     bulk posting registration (postings::Service::import_csv): row validation and, when every row is valid, the
//     writes — against an in-memory SQLite database migrated and loaded once per process, as `serve` does;
//   - text::to_windows31j, the conversion of the bed board export and the posting template, and back.
// Each importer runs on the input as is (so the header check is fuzzed) and on the input after its correct
// header line (so the row checks are reached without the fuzzer having to guess a 30-column header).
// Invariants: no crash or sanitizer report; parsed fields are valid UTF-8; an importer either imports the rows
// or fails with a client error (4xx), never an internal error.
#include <boost/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "accounts/accounts.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/log.h"
#include "core/text.h"
#include "postings/postings.h"
#include "reference/reference.h"
#include "store/database.h"
#include "store/migrations.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "csv_import fuzz: invariant failed: %s\n", what);
    std::abort();
  }
}

template <class T>
void check_client_error(const kh::Result<T>& r, const char* what) {
  if (r) return;
  if (r.error().status < 400 || r.error().status > 499) {
    std::fprintf(stderr, "csv_import fuzz: %s failed with %d %s: %s\n", what, r.error().status, r.error().code.c_str(),
                 r.error().message.c_str());
    std::abort();
  }
}

//! One in-memory database for the whole run: migrations and the shipped reference data are applied once.
//! The pool has one connection, so every lease is the same connection and so the same in-memory database.
struct World {
  std::unique_ptr<kh::store::Database> database;
  std::unique_ptr<kh::store::Pool> pool;
  kh::reference::Catalogue catalogue;
  std::unique_ptr<kh::postings::Service> postings;
  kh::accounts::CurrentUser facility_user;

  World() {
    kh::log::set_quiet(true);
    kh::crypto::initialise();
    database = kh::store::open_database("sqlite::memory:").value();
    pool = std::make_unique<kh::store::Pool>(*database, 1);
    auto lease = pool->acquire().value();
    auto& c = *lease;
    check(kh::store::migrate(c).has_value(), "migrations apply");
    check(kh::reference::ensure_shipped_data(c).has_value(), "shipped reference data loads");
    check(catalogue.load(c).has_value(), "catalogue loads");
    check(c.execute("INSERT INTO organisations (id, name, kind, prefecture, created_at, updated_at) "
                    "VALUES ('org_fuzz', 'ふざ病院', 'facility', '13', 0, 0)").has_value(), "organisation");
    check(c.execute("INSERT INTO users (id, login, email, display_name, role, status, created_at, updated_at) "
                    "VALUES ('usr_fuzz', 'fuzz', 'fuzz@example.jp', 'ふざ', 'facility', 'active', 0, 0)").has_value(),
          "user");
    check(c.execute("INSERT INTO memberships (user_id, organisation_id) VALUES ('usr_fuzz', 'org_fuzz')").has_value(),
          "membership");
    postings = std::make_unique<kh::postings::Service>(*pool, catalogue);
    auto& u = facility_user.user;
    u.id = "usr_fuzz";
    u.login = "fuzz";
    u.email = "fuzz@example.jp";
    u.display_name = "ふざ";
    u.role = kh::accounts::Role::facility;
    u.status = "active";
    u.organisations.push_back({"org_fuzz", "ふざ病院", kh::accounts::OrgKind::facility, "13"});
  }
};

World& world() {
  static World w;
  return w;
}

std::string postings_header() {
  std::string h;
  for (const auto& c : kh::postings::csv_columns()) h += (h.empty() ? "" : ",") + c;
  return h + "\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& w = world();
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  if (auto records = kh::csv::parse(input)) {
    for (const auto& record : *records) {
      check(!record.empty(), "a record has at least one field");
      for (const auto& field : record) check(kh::text::is_valid_utf8(field), "fields are valid UTF-8");
    }
  } else {
    check(records.error().status == 400, "unreadable CSV is a 400");
  }

  {
    auto lease = w.pool->acquire().value();
    const std::string areas = "prefecture_code,area_code,area_name,municipality_code,municipality_name\n" + std::string(input);
    const std::string postal = "postal_code,municipality_code,town\n" + std::string(input);
    check_client_error(kh::reference::import_areas_csv(*lease, input), "import_areas_csv");
    check_client_error(kh::reference::import_areas_csv(*lease, areas), "import_areas_csv with header");
    check_client_error(kh::reference::import_postal_codes_csv(*lease, input), "import_postal_codes_csv");
    check_client_error(kh::reference::import_postal_codes_csv(*lease, postal), "import_postal_codes_csv with header");
  }  // the lease goes back: import_csv takes the connection itself
  check_client_error(w.postings->import_csv(w.facility_user, input), "postings import_csv");
  check_client_error(w.postings->import_csv(w.facility_user, postings_header() + std::string(input)),
                     "postings import_csv with header");

  // The export conversion takes any text; what it cannot represent becomes '?'. What it writes reads back.
  const auto written = kh::text::to_windows31j(input);
  if (!kh::text::from_windows31j(written)) {
    std::fprintf(stderr, "to_windows31j wrote what from_windows31j cannot read\n");
    std::abort();
  }
  if (auto decoded = kh::text::decode_japanese_file(input); decoded && !kh::text::is_valid_utf8(decoded->text)) {
    std::fprintf(stderr, "decode_japanese_file gave invalid UTF-8\n");
    std::abort();
  }
  if (auto records = kh::csv::parse(input)) {
    std::string out;
    for (const auto& record : *records) {
      for (std::size_t i = 0; i < record.size(); ++i) out += (i ? "," : "") + kh::csv::escape(record[i]);
      out += "\r\n";
    }
    (void)kh::text::to_windows31j(out);
  }
  return 0;
}
