#pragma once
//! The regional bed board (地域病床見える化, seed 001 §3): facilities report, per ward type, permitted, secured
//! and vacant beds and their acceptance per patient category; every report is kept (history, not
//! overwrite). Aggregators (within the prefectures or 二次医療圏 they serve) and the secretariat see the board of the latest
//! reports, search it, page through all rows and export them as Windows-31J CSV.
#include <cstdint>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; class ChangeFollower; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; struct CurrentUser; struct Organisation; }
namespace kh::reference { class Catalogue; }

namespace kh::beds {

struct Code { const char* code; const char* name; };
//! Ward types (病棟種別) and patient categories (受入区分) a report may name; statuses 可 / 条件付き / 不可.
const std::vector<Code>& ward_types();
const std::vector<Code>& patient_categories();
const std::vector<Code>& acceptance_statuses();

struct WardCount { std::string ward_type; std::int64_t permitted = 0, secured = 0, vacant = 0; };

struct Report {
  std::string id, facility_id, reported_by;
  std::int64_t reported_at_ms = 0;
  std::vector<WardCount> wards;
  std::map<std::string, std::string> acceptance;  //!< patient category -> ok / conditional / no
  std::optional<std::string> note;
};

//! One facility on the board, with its latest report (if any).
struct BoardRow {
  std::string facility_id, name, prefecture, municipality, municipality_name, area, area_name, address;
  std::optional<Report> latest;
  std::int64_t permitted = 0, secured = 0, vacant = 0;  //!< totals of the latest report
  std::string folded;  //!< name and address folded for search
};

struct BoardQuery {
  //! Prefecture and 二次医療圏 codes the viewer may see (accounts::places_served); empty = all (secretariat).
  std::vector<std::string> scope;
  std::optional<std::string> prefecture, area, q, accepts;  //!< accepts: a patient category with 可 or 条件付き
  std::string sort = "name";  //!< name, area, vacant, updated
  int page = 1, per_page = 50;
  bool all = false;  //!< every matching row (CSV export)
};

struct BoardPage { std::vector<BoardRow> rows; std::int64_t total = 0; };

class Service {
 public:
  Service(store::Pool& pool, accounts::Service& accounts, const reference::Catalogue& catalogue)
      : pool_(pool), accounts_(accounts), catalogue_(catalogue) {}

  //! Validates and stores a report for the reporter's facility; the message names each wrong value.
  Result<Report> submit(const accounts::CurrentUser& reporter, const boost::json::object& body);
  Result<std::vector<Report>> history(const std::string& facility_id, int limit);

  //! Builds the board from the database (at start) and refreshes one facility (from the change log).
  Result<void> rebuild();
  void refresh(const std::string& facility_id);

  BoardPage board(const BoardQuery& query) const;
  std::optional<BoardRow> row(const std::string& facility_id) const;
  //! The board as CSV bytes in Windows-31J (what Japanese Excel opens), header row first, every matching row.
  std::string csv(const BoardQuery& query) const;
  //! The places (prefecture or area codes) a viewer may see, or a 403 for roles without the board.
  static bool sees(const std::vector<std::string>& scope, const BoardRow& row);
  Result<std::vector<std::string>> scope_of(const accounts::CurrentUser& viewer) const;

 private:
  Result<std::optional<Report>> latest_report(const std::string& facility_id);
  BoardRow make_row(const accounts::Organisation& f, std::optional<Report> latest) const;
  store::Pool& pool_;
  accounts::Service& accounts_;
  const reference::Catalogue& catalogue_;
  mutable std::shared_mutex mutex_;
  std::map<std::string, BoardRow> rows_;
};

void register_routes(http::Router& router, Service& beds, accounts::Service& accounts);

}  // namespace kh::beds
