#pragma once
//! The SQL of placement rounds: its own tables (placement_*), and read-only the career centre's registry
//! (career_doctors, career_programmes) for who may take part. Internal to the module.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace kh::store { class Connection; }

namespace kh::placement_rounds::repo {

struct Round {
  std::string id, prefecture, centre_name;
  int year = 0;
  std::optional<std::string> programme_id;
  std::string title, mechanism, state, assignment_kind, term_start, term_end, doctor_deadline, facility_deadline;
  std::optional<std::string> meeting_on, minutes;
  int revision = 0;
  std::optional<std::string> confirmed_preview_id;
  std::optional<std::int64_t> confirmed_at;
  std::optional<std::string> confirmed_by_name;
  std::string created_by_name;
  std::int64_t created_at = 0, updated_at = 0;
  std::optional<std::int64_t> ranking_opened_at;  //!< when the centre opened it for ranking (migration 0023)
  std::optional<std::string> ranking_opened_by_name;
  std::optional<std::string> previous_round_id;   //!< a follow-up round (二次選定): the round it carries over from
};

struct Position {
  std::string id;
  std::optional<std::string> facility_id;
  std::string facility_name;
  std::optional<std::string> department;
  std::string area_code;
  int capacity = 0, target = 0, sort_order = 0;
};

struct Cap {
  std::string id, name;
  std::vector<std::string> area_codes;
  std::optional<std::string> designation;
  int cap = 0, sort_order = 0;
};

struct DoctorRank {
  std::string doctor_id, position_id;
  int rank = 0;
  std::string entered_by_kind;
  std::optional<std::string> interview_on;
  std::string entered_by_name;
  std::int64_t entered_at = 0;
};

struct FacilityRank {
  std::string position_id, doctor_id;
  int rank = 0;
  std::string entered_by_kind, entered_by_name;
  std::int64_t entered_at = 0;
};

struct Preview {
  std::string id;
  int seq = 0, revision = 0;
  std::string mechanism, input_json, result_json, created_by_name;
  std::int64_t created_at = 0;
};

struct Outcome {
  std::string doctor_id;
  std::optional<std::string> position_id;
  std::optional<int> plan_version;
  std::optional<std::string> plan_state;
  std::optional<int> plan_violations;
  std::optional<std::string> plan_message;
  bool mailed = false;
};

//! A doctor of the career centre's registry as a round needs them (read-only).
struct Doctor {
  std::string id, prefecture, name, university, status;
  int graduation_year = 0;
  std::optional<std::string> programme_id, specialty_wish, email;
};

Result<std::vector<Round>> rounds_of(store::Connection& c, const std::vector<std::string>& prefectures);
Result<std::optional<Round>> find_round(store::Connection& c, const std::string& id);
Result<void> insert_round(store::Connection& c, const Round& r, const std::string& created_by);
Result<void> update_settings(store::Connection& c, const Round& r);
//! +1 on the revision of an open round (every change of its input); 409 when the round is no longer open.
Result<void> bump_revision(store::Connection& c, const std::string& round_id, std::int64_t at);
Result<void> set_minutes(store::Connection& c, const std::string& round_id, const std::optional<std::string>& meeting_on,
                         const std::optional<std::string>& minutes, std::int64_t at);
//! open → confirmed, only from the revision the preview was made of; false when something came first.
Result<bool> mark_confirmed(store::Connection& c, const std::string& round_id, int revision, const std::string& preview_id,
                            const std::string& by_name, std::int64_t at);

Result<std::vector<Position>> positions_of(store::Connection& c, const std::string& round_id);
//! The positions of the given facilities, in every round.
Result<std::vector<std::pair<std::string, Position>>> positions_of_facilities(store::Connection& c, const std::vector<std::string>& facility_ids);
Result<void> replace_positions(store::Connection& c, const std::string& round_id, const std::vector<Position>& positions);

Result<std::vector<Cap>> caps_of(store::Connection& c, const std::string& round_id);
Result<void> replace_caps(store::Connection& c, const std::string& round_id, const std::vector<Cap>& caps);

Result<std::vector<DoctorRank>> doctor_ranks_of(store::Connection& c, const std::string& round_id);
//! Replaces one doctor's list; the facilities' ranks of that doctor at positions no longer on it go too.
Result<void> replace_doctor_ranks(store::Connection& c, const std::string& round_id, const std::string& doctor_id,
                                  const std::vector<std::string>& position_ids, const std::string& kind,
                                  const std::optional<std::string>& interview_on, const std::string& user_id,
                                  const std::string& user_name, std::int64_t at);
Result<std::vector<FacilityRank>> facility_ranks_of(store::Connection& c, const std::string& round_id);
Result<void> replace_facility_ranks(store::Connection& c, const std::string& round_id, const std::string& position_id,
                                    const std::vector<std::string>& doctor_ids, const std::string& kind, const std::string& user_id,
                                    const std::string& user_name, std::int64_t at);

Result<std::optional<Preview>> latest_preview(store::Connection& c, const std::string& round_id);
Result<std::optional<Preview>> find_preview(store::Connection& c, const std::string& preview_id);
Result<void> insert_preview(store::Connection& c, const std::string& round_id, const Preview& p, const std::string& user_id);

Result<std::vector<Outcome>> outcomes_of(store::Connection& c, const std::string& round_id);
Result<void> insert_outcome(store::Connection& c, const std::string& round_id, const Outcome& o);
Result<void> update_outcome(store::Connection& c, const std::string& round_id, const Outcome& o);

//! The registry's doctors of the prefectures (read-only; the career centre's table).
Result<std::vector<Doctor>> doctors_of(store::Connection& c, const std::vector<std::string>& prefectures);
Result<std::optional<Doctor>> find_doctor(store::Connection& c, const std::string& id);
//! Opened for ranking, once: false when it was already open for ranking (or is no longer open).
Result<bool> mark_ranking_opened(store::Connection& c, const std::string& round_id, const std::string& by_name, std::int64_t at);
//! The registry doctors linked to a seeker account (read-only; the career centre's career_doctor_accounts).
Result<std::vector<std::string>> doctors_of_user(store::Connection& c, const std::string& user_id);
//! doctor → the user of their own account, for the doctors that have one (read-only).
Result<std::map<std::string, std::string>> accounts_of_doctors(store::Connection& c, const std::vector<std::string>& doctor_ids);
//! The name of a programme (read-only), or none.
Result<std::optional<std::string>> programme_name(store::Connection& c, const std::string& programme_id);
//! The programme's prefecture (read-only), or none when it does not exist.
Result<std::optional<std::string>> programme_prefecture(store::Connection& c, const std::string& programme_id);

}  // namespace kh::placement_rounds::repo
