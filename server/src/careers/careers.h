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
#include <string_view>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; struct CurrentUser; }
namespace kh::reference { class Catalogue; }
namespace kh::postings { class Service; }

namespace kh::careers {

//! The prefectures of the caller's career-centre organisations — the scope of everything a centre does (this
//! module and the placement rounds); 403 for every other role.
Result<std::vector<std::string>> centre_prefectures(const accounts::CurrentUser& centre);

class Service {
 public:
  //! `accounts` makes the doctor's seeker account when they accept an invitation and gives links their address.
  //! `postings` makes the draft posting a facility turns a 募集の依頼 into.
  Service(store::Pool& pool, const reference::Catalogue& catalogue, accounts::Service& accounts, postings::Service& postings,
          std::string public_url)
      : pool_(pool), catalogue_(catalogue), accounts_(accounts), postings_(postings), public_url_(std::move(public_url)) {}

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
  //! The registry from a CSV file (UTF-8 with or without a BOM, or Windows-31J; the export's Japanese headers, so an
  //! export re-imports): every row or none; each problem as "row_N" naming the row and the column in Japanese. A
  //! doctor already in the registry (氏名・卒業年・出身大学) is a row error; 計画の状態 is read and ignored.
  Result<boost::json::object> import_registry(const accounts::CurrentUser& centre, std::string_view bytes);
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
  //! completion and 離脱 rates, by loan kind; months served in 医師少数区域 per programme and 二次医療圏 against the
  //! programme's shortage_months rule × doctors (離脱 left out).
  //! Filters: `programme_id` (one of the centre's programmes: its doctors only) and `year` (年度: where each
  //! doctor works on 1 April of that year instead of today); both strings as the query gives them (400 naming the
  //! field when wrong).
  Result<boost::json::object> statistics(const accounts::CurrentUser& centre, const std::optional<std::string>& programme_id = std::nullopt,
                                         const std::optional<std::string>& year = std::nullopt);
  //! One statistics table ("area", "cohort", "kind" or "shortage") as CSV for Excel (Windows-31J), with the same filters.
  Result<std::string> statistics_csv(const accounts::CurrentUser& centre, const std::string& table,
                                     const std::optional<std::string>& programme_id = std::nullopt,
                                     const std::optional<std::string>& year = std::nullopt);
  //! Interview and mentoring records (面談記録) of a doctor, newest first: the centre's only, every read audited.
  Result<boost::json::object> interviews(const accounts::CurrentUser& centre, const std::string& id);
  //! Adds one ({"held_on", "kind": interview | mentoring | phone, "body"}).
  Result<boost::json::object> add_interview(const accounts::CurrentUser& centre, const std::string& id, const boost::json::object& body);
  //! The obligation ledger month by month, with the state of each rule (audited).
  Result<boost::json::object> ledger(const accounts::CurrentUser& centre, const std::string& id);

  //! The obligation ledger of every doctor of the centre, or of one, as CSV for Excel (Windows-31J, one row per
  //! doctor and month, dates as the app shows them; audited).
  Result<std::string> ledger_csv(const accounts::CurrentUser& centre, const std::optional<std::string>& id);

  // ---- the doctor's own account ----
  //! Mails the registry doctor a one-time link (72 hours) to their registry address; a newer invitation replaces
  //! an open one. 400 without an address, 409 when an account is linked already.
  Result<boost::json::object> invite_doctor(const accounts::CurrentUser& centre, const std::string& id);
  //! The centre marks a change request handled, with an optional reply the doctor reads.
  Result<boost::json::object> handle_change_request(const accounts::CurrentUser& centre, const std::string& id,
                                                    const std::string& request_id, const boost::json::object& body);
  //! What an invitation link is for (the doctor's name, the centre, the address), without using it; 400 when the
  //! link is unknown, used or expired.
  Result<boost::json::object> invitation(const boost::json::object& body);
  //! Accepts an invitation: links the logged-in seeker (`viewer`), or with a password makes a seeker account for
  //! the registry's address and name. Single use.
  Result<boost::json::object> accept_invitation(const accounts::CurrentUser* viewer, const boost::json::object& body, const std::string& ip);
  //! The doctor's own records (a seeker linked to one or more registry doctors).
  Result<boost::json::object> my_records(const accounts::CurrentUser& doctor);
  //! One of them, read-only: the plan, the ledger with each rule's state explained, deadlines, their change
  //! requests; never the interview records. Another doctor's id reads as 404.
  Result<boost::json::object> my_record(const accounts::CurrentUser& doctor, const std::string& id);
  //! The doctor confirms the plan in 本人確認 ({"version"}: the version they read) → 本人確認済み.
  Result<boost::json::object> confirm_my_plan(const accounts::CurrentUser& doctor, const std::string& id, const boost::json::object& body);
  //! Links a registry doctor to an existing seeker account directly (the demo data's path; people use invitations).
  Result<void> link_account(const std::string& doctor_id, const std::string& user_id);
  //! The doctor asks the centre for a change ({"body"}); it stays in the centre's queue until handled.
  Result<boost::json::object> request_change(const accounts::CurrentUser& doctor, const std::string& id, const boost::json::object& body);

  // ---- 募集の依頼 (recruit_requests.cpp): the centre asks a platform facility to recruit for a plan's open slot ----
  //! A doctor's open slots (periods without assignment from today on, and planned assignments at a platform
  //! facility of the prefecture in a 医師少数区域), the prefecture's platform facilities, and the requests sent.
  Result<boost::json::object> recruit_options(const accounts::CurrentUser& centre, const std::string& doctor_id);
  //! Sends a request ({facility_id, start, end, department?, note?, assignment_id?}) for a period inside one open
  //! slot; the facility's staff are notified (in the app, and by mail per their choice). Never the doctor's identity.
  Result<boost::json::object> send_recruit_request(const accounts::CurrentUser& centre, const std::string& doctor_id,
                                                   const boost::json::object& body);
  //! The requests sent to the caller's facilities (facility staff only), newest first.
  Result<boost::json::object> facility_recruit_requests(const accounts::CurrentUser& facility);
  //! Turns a request in 送付済み into a draft posting of the facility, prefilled (period, specialty, the facility's
  //! address and the caller as contact); the request records it (求人化済み). 409 when already handled.
  Result<boost::json::object> recruit_request_posting(const accounts::CurrentUser& facility, const std::string& id);
  //! Declines a request in 送付済み with a reason ({"reason"}) (辞退). 409 when already handled.
  Result<boost::json::object> decline_recruit_request(const accounts::CurrentUser& facility, const std::string& id,
                                                      const boost::json::object& body);

 private:
  store::Pool& pool_;
  const reference::Catalogue& catalogue_;
  accounts::Service& accounts_;
  postings::Service& postings_;
  std::string public_url_;
};

void register_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace kh::careers
