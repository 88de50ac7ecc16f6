#pragma once
//! The career centre (地域医療支援センター, issue 13): キャリア形成プログラム with versioned rules and hospital groups,
//! the registry of obligated doctors (修学資金貸与者・地域枠・自治医大卒…) with their status history and 離脱/中断
//! records, career plans checked by the rules engine (career_rules/) before every save, and the obligation ledger.
//!
//! Scope: a centre sees and changes only its own prefecture's programmes and doctors; anything else answers 404,
//! other roles 403. Every read of a doctor's record (record, plan, ledger) by staff is written to the audit log.
//! Editing a programme makes a new version; a doctor stays bound to the version they joined until the centre
//! moves them. A plan is saved as 案 (proposed) only when the engine finds no violation; otherwise as 下書き
//! (draft). 案 → 本人確認 → 承認, each save and each change of state a new plan version (who, when, what).
#include <optional>
#include <string>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; struct CurrentUser; }
namespace kh::reference { class Catalogue; }

namespace kh::careers {

class Service {
 public:
  Service(store::Pool& pool, const reference::Catalogue& catalogue) : pool_(pool), catalogue_(catalogue) {}

  //! The centre's programmes (current version, with rule descriptions).
  Result<boost::json::object> programmes(const accounts::CurrentUser& centre);
  //! A new programme (version 1): name, basic_area, course, target_years, rules, groups.
  Result<boost::json::object> create_programme(const accounts::CurrentUser& centre, const boost::json::object& body);
  //! One programme with every version.
  Result<boost::json::object> programme(const accounts::CurrentUser& centre, const std::string& id);
  //! An edit: a new version with the given fields; doctors keep the version they are bound to.
  Result<boost::json::object> update_programme(const accounts::CurrentUser& centre, const std::string& id,
                                               const boost::json::object& body);

  //! The registry (filters: status, programme_id, q — a part of the name).
  Result<boost::json::object> doctors(const accounts::CurrentUser& centre, const std::optional<std::string>& status,
                                      const std::optional<std::string>& programme_id, const std::optional<std::string>& q);
  Result<boost::json::object> register_doctor(const accounts::CurrentUser& centre, const boost::json::object& body);
  //! The record with its status history, plan and plan versions (audited).
  Result<boost::json::object> doctor(const accounts::CurrentUser& centre, const std::string& id);
  //! A change of status with reason code, date, consent and follow-up (離脱 and 中断 need a reason).
  Result<boost::json::object> change_status(const accounts::CurrentUser& centre, const std::string& id,
                                            const boost::json::object& body);

  //! The engine's verdict on a proposed plan ({"assignments": [...]}) without saving anything.
  Result<boost::json::object> check_plan(const accounts::CurrentUser& centre, const std::string& id,
                                         const boost::json::object& body);
  //! Saves the plan as a new version: 案 without violations, 下書き with (the findings are returned either way).
  Result<boost::json::object> save_plan(const accounts::CurrentUser& centre, const std::string& id,
                                        const boost::json::object& body);
  //! 案 → 本人確認 → 承認 ({"state": "confirmation" | "approved"}), refused while the plan has violations.
  Result<boost::json::object> change_plan_state(const accounts::CurrentUser& centre, const std::string& id,
                                                const boost::json::object& body);
  //! The centre's queue: doctors with no assignment in the next 6 months, rules at risk or broken, plans awaiting
  //! the doctor's confirmation, the yearly 業務従事証明書 due by 30 April, interruptions ending within 3 months.
  Result<boost::json::object> queue(const accounts::CurrentUser& centre);
  //! The registry as CSV for Excel: Windows-31J, Japanese headers, one row per doctor (audited).
  Result<std::string> registry_csv(const accounts::CurrentUser& centre);
  //! Statistics tables: by 診療科 × 二次医療圏 (of today's assignment) × status, by cohort (graduation year) with
  //! completion and 離脱 rates, by loan kind.
  Result<boost::json::object> statistics(const accounts::CurrentUser& centre);
  //! One statistics table ("area", "cohort" or "kind") as CSV for Excel (Windows-31J).
  Result<std::string> statistics_csv(const accounts::CurrentUser& centre, const std::string& table);
  //! Interview and mentoring records (面談記録) of a doctor, newest first: the centre's only, every read audited.
  Result<boost::json::object> interviews(const accounts::CurrentUser& centre, const std::string& id);
  //! Adds one ({"held_on", "kind": interview | mentoring | phone, "body"}).
  Result<boost::json::object> add_interview(const accounts::CurrentUser& centre, const std::string& id, const boost::json::object& body);
  //! The obligation ledger month by month, with the state of each rule (audited).
  Result<boost::json::object> ledger(const accounts::CurrentUser& centre, const std::string& id);

 private:
  store::Pool& pool_;
  const reference::Catalogue& catalogue_;
};

void register_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace kh::careers
