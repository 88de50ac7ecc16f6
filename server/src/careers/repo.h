#pragma once
//! The career centre's SQL: only its own tables (career_*). Internal to the module.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <utility>

#include "core/error.h"

namespace kh::store { class Connection; }

namespace kh::careers::repo {

struct ProgrammeVersion {
  std::string programme_id;
  int version = 0;
  std::string name, basic_area;
  std::optional<std::string> course;
  int target_years = 0;
  std::string rules_json, groups_json;
  std::string created_by_name;
  std::int64_t created_at = 0;
};
struct Programme {
  std::string id, prefecture;
  int current_version = 0;
  std::int64_t created_at = 0, updated_at = 0;
};

struct Doctor {
  std::string id, prefecture, name;
  std::optional<std::string> name_kana;
  std::string kind, university;
  int graduation_year = 0;
  std::optional<int> licence_year;
  int loan_months = 0;
  std::optional<std::string> programme_id;
  std::optional<int> programme_version;
  std::optional<std::string> specialty_wish;
  std::string status, obligation_start;
  std::optional<std::string> specialist_certified_on, email, phone;
  std::int64_t created_at = 0, updated_at = 0;
};

struct Event {
  std::string id, status;
  std::optional<std::string> reason;
  std::string event_date;
  std::optional<bool> consent;
  std::optional<std::string> follow_up, note;
  std::string created_by_name;
  std::int64_t created_at = 0;
};

struct Plan {
  int version = 0;
  std::string state, assignments_json;
  int violations = 0;
  std::string updated_by_name;
  std::int64_t updated_at = 0;
};
struct PlanVersion {
  int version = 0;
  std::string state, assignments_json;
  int violations = 0;
  std::string change, created_by_name;
  std::int64_t created_at = 0;
};

Result<std::vector<Programme>> programmes_of(store::Connection& c, const std::vector<std::string>& prefectures);
Result<std::optional<Programme>> find_programme(store::Connection& c, const std::string& id);
Result<std::vector<ProgrammeVersion>> versions_of(store::Connection& c, const std::string& programme_id);
Result<std::optional<ProgrammeVersion>> find_version(store::Connection& c, const std::string& programme_id, int version);
Result<void> insert_programme(store::Connection& c, const Programme& p);
Result<void> insert_version(store::Connection& c, const ProgrammeVersion& v, const std::string& created_by);
Result<void> set_current_version(store::Connection& c, const std::string& programme_id, int version, std::int64_t at);

Result<std::vector<Doctor>> doctors_of(store::Connection& c, const std::vector<std::string>& prefectures);
Result<std::optional<Doctor>> find_doctor(store::Connection& c, const std::string& id);
Result<void> insert_doctor(store::Connection& c, const Doctor& d);
Result<void> set_status(store::Connection& c, const std::string& doctor_id, const std::string& status, std::int64_t at);
Result<void> insert_event(store::Connection& c, const std::string& doctor_id, const Event& e, const std::string& created_by);
Result<std::vector<Event>> events_of(store::Connection& c, const std::string& doctor_id);

Result<std::optional<Plan>> plan_of(store::Connection& c, const std::string& doctor_id);
Result<std::vector<PlanVersion>> plan_versions_of(store::Connection& c, const std::string& doctor_id);
//! Writes the plan in force and appends its version (the caller runs it in a transaction).
Result<void> save_plan(store::Connection& c, const std::string& doctor_id, const Plan& plan, const std::string& change,
                       const std::string& user_id);

// ---- the doctor's own account (migration 0021) ----

struct Invitation {
  std::string doctor_id, email, created_by_name;
  std::int64_t created_at = 0, expires_at = 0;
  std::optional<std::int64_t> used_at;
};
struct ChangeRequest {
  std::string id, doctor_id, author_name, body;
  std::optional<int> plan_version;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> handled_at;
  std::optional<std::string> handled_by_name, reply;
};

//! The seeker account linked to a doctor, with when.
Result<std::optional<std::pair<std::string, std::int64_t>>> account_of(store::Connection& c, const std::string& doctor_id);
//! The doctors a seeker account is linked to.
Result<std::vector<std::string>> doctors_of_user(store::Connection& c, const std::string& user_id);
Result<void> link_account(store::Connection& c, const std::string& doctor_id, const std::string& user_id, std::int64_t at);
//! The newest invitation of a doctor.
Result<std::optional<Invitation>> latest_invitation(store::Connection& c, const std::string& doctor_id);
//! Ends every open invitation of a doctor (a new one replaces them).
Result<void> expire_invitations(store::Connection& c, const std::string& doctor_id, std::int64_t at);
Result<void> insert_invitation(store::Connection& c, const std::string& digest, const Invitation& inv, const std::string& created_by);
//! An unused, unexpired invitation by its token's digest.
Result<std::optional<Invitation>> open_invitation(store::Connection& c, const std::string& digest, std::int64_t now);
//! Marks it used; false when another request used it first.
Result<bool> use_invitation(store::Connection& c, const std::string& digest, std::int64_t now);
Result<void> insert_change_request(store::Connection& c, const ChangeRequest& r, const std::string& user_id);
//! A doctor's requests, newest first.
Result<std::vector<ChangeRequest>> change_requests_of(store::Connection& c, const std::string& doctor_id);
//! Open requests of the given doctors, oldest first.
Result<std::vector<ChangeRequest>> open_change_requests(store::Connection& c, const std::vector<std::string>& doctor_ids);
//! Marks a request handled; false when it was not open.
Result<bool> handle_change_request(store::Connection& c, const std::string& doctor_id, const std::string& id, const std::string& user_id,
                                   const std::string& name, const std::optional<std::string>& reply, std::int64_t at);

}  // namespace kh::careers::repo
