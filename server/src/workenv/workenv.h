#pragma once
//! The work-environment centre (医療勤務環境改善支援センター, issue 15, seed 004): a prefecture's network
//! (都道府県, 受託者, 労働局, アドバイザー), the hospitals it supports with their compliance state for the doctors'
//! overtime rules and its history, the readiness grid, monthly hours per pseudonymous doctor uploaded as CSV and
//! evaluated by the hours engine (workenv_hours/), the at-risk doctors, cases, the 優先訪問先リスト and visits.
//!
//! Scope: members of a workenv_center organisation see the hospitals of their organisations' prefectures; a
//! facility's staff see their own hospital's page and upload its hours; the secretariat sees every hospital but
//! not the hours (they are the hospital's and the centre's only). Anything outside the scope reads as 404. Every
//! view of a hospital's hours is written to the audit log.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; class array; }
namespace kh::store { class Pool; class Connection; class Row; }
namespace kh::http { class Router; struct Request; }
namespace kh::accounts { class Service; struct CurrentUser; }
namespace kh::workenv::repo { struct Hospital; }

namespace kh::workenv {

enum class Access : int;
struct PriorityRow;

class Service {
 public:
  Service(store::Pool& pool, accounts::Service& accounts) : pool_(pool), accounts_(accounts) {}

  //! The viewer's network: the member organisations of their prefectures with kind and people (by name).
  Result<boost::json::object> members(const accounts::CurrentUser& viewer);
  //! Sets an organisation's kind in the network (the secretariat; {"kind": "prefecture" | "contractor" |
  //! "labour_bureau" | "adviser"}).
  Result<boost::json::object> set_member_kind(const accounts::CurrentUser& viewer, const std::string& organisation_id,
                                              const boost::json::object& body);

  //! The readiness grid: the prefecture's hospitals × items as traffic lights with due dates. `prefecture` is
  //! needed by the secretariat only (centre members: their own).
  Result<boost::json::object> grid(const accounts::CurrentUser& viewer, std::optional<std::string> prefecture);
  //! Registers a hospital (centre members): {"name", "facility_id"?, "prefecture"?, "state"?}.
  Result<boost::json::object> create_hospital(const accounts::CurrentUser& viewer, const boost::json::object& body);
  //! One hospital's page: state, readiness items, the latest month's flags, cases and visits (not the hours).
  Result<boost::json::object> hospital(const accounts::CurrentUser& viewer, const std::string& id);
  //! The hospital of the viewer's facility (created on first use from the platform facility).
  Result<boost::json::object> my_hospital(const accounts::CurrentUser& viewer);
  //! Changes the compliance state ({"state": {...}}, any subset of its parts); each change keeps history.
  Result<boost::json::object> update_hospital(const accounts::CurrentUser& viewer, const std::string& id,
                                              const boost::json::object& body);
  //! The state's history, newest first.
  Result<boost::json::object> hospital_history(const accounts::CurrentUser& viewer, const std::string& id);

  //! Uploads one month's hours (CSV bytes, Windows-31J or UTF-8): all rows or none; replaces the month.
  Result<boost::json::object> upload_hours(const accounts::CurrentUser& viewer, const std::string& hospital_id,
                                           std::string_view month, std::string_view bytes);
  //! A month's evaluated hours per doctor (audit-logged); month absent = the latest uploaded.
  Result<boost::json::object> hours(const accounts::CurrentUser& viewer, const std::string& hospital_id,
                                    std::optional<std::string> month);
  //! The prefecture's doctors at risk in each hospital's latest month, worst first (audit-logged).
  Result<boost::json::object> at_risk(const accounts::CurrentUser& viewer);

  //! Cases: the prefecture's (filters: status, hospital); create; change status/assignee/due; add a note.
  Result<boost::json::object> cases(const accounts::CurrentUser& viewer, std::optional<std::string> status,
                                    std::optional<std::string> hospital_id);
  Result<boost::json::object> create_case(const accounts::CurrentUser& viewer, const boost::json::object& body);
  Result<boost::json::object> case_detail(const accounts::CurrentUser& viewer, const std::string& id);
  Result<boost::json::object> update_case(const accounts::CurrentUser& viewer, const std::string& id,
                                          const boost::json::object& body);
  Result<boost::json::object> add_case_note(const accounts::CurrentUser& viewer, const std::string& id,
                                            const boost::json::object& body);

  //! The 優先訪問先リスト of the viewer's prefecture, and the staff's raise or lower with a note.
  Result<boost::json::object> priorities(const accounts::CurrentUser& viewer);
  Result<boost::json::object> set_priority(const accounts::CurrentUser& viewer, const std::string& hospital_id,
                                           const boost::json::object& body);

  //! Visits: the prefecture's; plan one; record the report (status done) or change it.
  Result<boost::json::object> visits(const accounts::CurrentUser& viewer);
  Result<boost::json::object> create_visit(const accounts::CurrentUser& viewer, const boost::json::object& body);
  Result<boost::json::object> update_visit(const accounts::CurrentUser& viewer, const std::string& id,
                                           const boost::json::object& body);

  //! The activity report of a fiscal year (April–March; default the current one): per month and in total,
  //! 相談件数 by channel and topic, 訪問件数 (follow-ups among them), 支援医療機関数 (distinct), 特別支援, 説明会 and
  //! their attendees.
  Result<boost::json::object> activity_report(const accounts::CurrentUser& viewer, std::optional<std::string> fiscal_year);

  //! What the centre should do now (home): open cases due, proposed visits, the top of the priority list, minutes
  //! sent late.
  Result<boost::json::object> today(const accounts::CurrentUser& viewer);

  // ---- meetings and minutes (meetings.cpp, minutes.cpp) ----
  //! Series (運営協議会, 実務者連絡調整会議) of the viewer's prefectures with their meetings' counts; create; settings.
  //! Creating and changing series and meetings is for the 都道府県 and 受託者 members (others 403).
  Result<boost::json::object> meeting_series(const accounts::CurrentUser& viewer);
  Result<boost::json::object> create_series(const accounts::CurrentUser& viewer, const boost::json::object& body);
  Result<boost::json::object> update_series(const accounts::CurrentUser& viewer, const std::string& id,
                                            const boost::json::object& body);
  //! Meetings of the viewer's prefectures, newest first (filters: series, late only), each with its minutes state.
  Result<boost::json::object> meetings(const accounts::CurrentUser& viewer, std::optional<std::string> series_id,
                                       bool late_only);
  Result<boost::json::object> create_meeting(const accounts::CurrentUser& viewer, const boost::json::object& body);
  //! One meeting: agenda with outcomes, its action items and those carried over, participants with their answer
  //! to the minutes, the minutes, the send log and the history.
  Result<boost::json::object> meeting(const accounts::CurrentUser& viewer, const std::string& id);
  //! Date, place, invited bodies, participants, agenda items and outcomes (409 once the minutes are locked).
  Result<boost::json::object> update_meeting(const accounts::CurrentUser& viewer, const std::string& id,
                                             const boost::json::object& body);
  Result<boost::json::object> add_action(const accounts::CurrentUser& viewer, const std::string& meeting_id,
                                         const boost::json::object& body);
  Result<boost::json::object> update_action(const accounts::CurrentUser& viewer, const std::string& id,
                                            const boost::json::object& body);
  //! The minutes (議事概要), the 受託者's: save a draft or a revision; send for confirmation; lock, which mails them
  //! to the series' labour-bureau address. A participant confirms or comments.
  Result<boost::json::object> save_minutes(const accounts::CurrentUser& viewer, const std::string& id,
                                           const boost::json::object& body);
  Result<boost::json::object> request_confirmation(const accounts::CurrentUser& viewer, const std::string& id);
  Result<boost::json::object> respond_minutes(const accounts::CurrentUser& viewer, const std::string& id,
                                              const boost::json::object& body);
  Result<boost::json::object> lock_minutes(const accounts::CurrentUser& viewer, const std::string& id);
  //! Sends locked minutes to the labour bureau again (its current address) when the last mail was not delivered;
  //! that mail is withdrawn from the outbox. 409 unless locked and undelivered.
  Result<boost::json::object> resend_minutes(const accounts::CurrentUser& viewer, const std::string& id);

 private:
  //! Meetings of the prefectures (optionally one series), newest first, as list items.
  Result<boost::json::array> meeting_list(store::Connection& c, const std::vector<std::string>& prefectures,
                                          std::optional<std::string> series_id);
  Result<boost::json::object> hospital_page(store::Connection& c, const accounts::CurrentUser& viewer,
                                            const repo::Hospital& hospital, Access access);
  //! Cases of the prefectures (optionally one status, one hospital), newest first, as JSON.
  Result<boost::json::array> case_list(store::Connection& c, const std::vector<std::string>& prefectures,
                                       std::optional<std::string> status, std::optional<std::string> hospital_id);
  Result<boost::json::array> visit_list(store::Connection& c, const std::vector<std::string>& prefectures,
                                        std::optional<std::string> hospital_id);
  Result<boost::json::object> case_json(store::Connection& c, const store::Row& row, bool with_activities);
  Result<std::vector<PriorityRow>> priority_rows(store::Connection& c, const std::vector<std::string>& prefectures);
  store::Pool& pool_;
  accounts::Service& accounts_;
};

void register_routes(http::Router& router, Service& service, accounts::Service& accounts);

//! The activity report as CSV for Excel (Windows-31J, Japanese headers, one line per month and the total).
std::string activity_report_csv(const boost::json::object& report);

//! The demo's work-environment centre (demo.cpp): kinds for 東京都's network, 30 hospitals, 12 months of hours
//! for 600 doctors, cases and visits. Returns the hospitals added (0 without the demo's workenv-13).
Result<int> load_demo_data(Service& service, accounts::Service& accounts, store::Pool& pool);

}  // namespace kh::workenv
