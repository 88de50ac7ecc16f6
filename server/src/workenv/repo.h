#pragma once
//! The workenv module's SQL (its own tables only): hospitals and their history, hours uploads and rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "workenv_hours/workenv_hours.h"

namespace kh::store { class Connection; }

namespace kh::workenv::repo {

struct Hospital {
  std::string id, prefecture;
  std::optional<std::string> facility_id;
  std::string name;
  std::string state;  //!< JSON
  std::int32_t priority_points = 0;
  std::optional<std::string> priority_note;
  std::int64_t created_at = 0, updated_at = 0;
};

Result<std::optional<Hospital>> find_hospital(store::Connection& c, const std::string& id);
Result<std::optional<Hospital>> find_hospital_of_facility(store::Connection& c, const std::string& facility_id);
//! The hospitals of some prefectures, by name.
Result<std::vector<Hospital>> hospitals_in(store::Connection& c, const std::vector<std::string>& prefectures);
Result<void> insert_hospital(store::Connection& c, const Hospital& h, const std::optional<std::string>& by);
//! Saves the state (and name) and appends the history row.
Result<void> update_state(store::Connection& c, const Hospital& h, const std::optional<std::string>& by);
Result<void> set_priority(store::Connection& c, const std::string& id, std::int32_t points,
                          const std::optional<std::string>& note);

//! The current rows of a hospital from `from` to `to` (inclusive, "YYYY-MM").
Result<std::vector<workenv_hours::MonthRow>> current_rows(store::Connection& c, const std::string& hospital_id,
                                                          workenv_hours::YearMonth from, workenv_hours::YearMonth to);
//! Each hospital's latest month with a current upload.
Result<std::vector<std::pair<std::string, workenv_hours::YearMonth>>> latest_months(
    store::Connection& c, const std::vector<std::string>& hospital_ids);
//! Replaces the hospital's month: the current upload (if any) is marked replaced, the new one inserted.
//! Returns the replaced upload's id.
Result<std::optional<std::string>> replace_month(store::Connection& c, const std::string& upload_id,
                                                 const std::string& hospital_id, workenv_hours::YearMonth month,
                                                 const std::vector<workenv_hours::MonthRow>& rows,
                                                 const std::string& by, std::int64_t at);

struct Upload {
  std::string id, month;
  std::int64_t rows = 0;
  bool current = false;
  std::optional<std::string> uploaded_by;
  std::int64_t uploaded_at = 0;
  std::optional<std::int64_t> replaced_at;
};
Result<std::vector<Upload>> uploads(store::Connection& c, const std::string& hospital_id);

//! "IN ($n, $n+1, …)" for `count` parameters starting at $first.
std::string placeholders(std::size_t first, std::size_t count);

}  // namespace kh::workenv::repo
