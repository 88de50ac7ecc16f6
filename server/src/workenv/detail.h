#pragma once
//! What the workenv module's files share and nobody else uses: scope, the compliance state, hours summaries.
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "core/error.h"
#include "workenv/repo.h"
#include "workenv_hours/workenv_hours.h"

namespace kh::workenv {

//! Where a user reaches: the prefectures of their centre organisations, their facilities, or everything.
struct Scope {
  bool secretariat = false;
  std::vector<std::string> prefectures;
  std::set<std::string> facilities;
};
Scope scope_of(const accounts::CurrentUser& user);

//! How a viewer reaches one hospital.
enum class Access : int { none, facility, centre, secretariat };
Access access_to(const Scope& scope, const repo::Hospital& hospital);

inline const Error hospital_not_found = errors::not_found("指定された医療機関は見つかりません。");
inline const Error case_not_found = errors::not_found("指定された案件は見つかりません。");
inline const Error visit_not_found = errors::not_found("指定された訪問は見つかりません。");

//! The hospital if the viewer may see it (404 otherwise, as if it did not exist).
Result<std::pair<repo::Hospital, Access>> visible_hospital(store::Connection& c, const accounts::CurrentUser& viewer,
                                                          const std::string& id);
//! The viewer's centre prefectures; 403 for anyone who is not a centre member.
Result<std::vector<std::string>> centre_prefectures(const accounts::CurrentUser& viewer);

//! Today in Japan as days since 1970-01-01, and a day as "YYYY-MM-DD".
std::int64_t today_days();
std::string iso_of_days(std::int64_t days);
std::optional<std::string> add_years(const std::string& iso, int years);

std::string str(const boost::json::object& o, std::string_view key);
boost::json::object hospital_ref(const repo::Hospital& h);

//! A hospital's latest month evaluated.
struct HoursSummary {
  workenv_hours::YearMonth month;
  workenv_hours::HospitalFlags flags;
  std::vector<workenv_hours::DoctorEvaluation> evaluations;
};
Result<std::map<std::string, HoursSummary>> latest_hours(store::Connection& c, const std::vector<repo::Hospital>& hospitals);

struct PriorityRow {
  repo::Hospital hospital;
  workenv_hours::Priority priority;
};

//! The compliance state: defaults, validated changes (400 naming "state.<part>.<field>"), readiness lights.
boost::json::object default_state();
Result<boost::json::object> merge_state(boost::json::object state, const boost::json::value& changes);
boost::json::object parse_state(const std::string& text);
boost::json::array readiness(const boost::json::object& state, const std::optional<HoursSummary>& hours, std::int64_t today);

std::string member_kind_label(std::string_view code);

}  // namespace kh::workenv
