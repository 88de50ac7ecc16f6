#pragma once
// An application with its posting and what the viewer may do with it (private to applications/).
#include <optional>
#include <string>

#include "applications/applications.h"
#include "postings/postings.h"

namespace kh::applications {

struct Service::Loaded {
  std::string id, posting_id, seeker_id, kind, stage;
  std::optional<std::string> message, matched_by, coordinator_org_id;
  bool consent = false;
  std::optional<std::int64_t> matched_at;
  std::int64_t created_at = 0, updated_at = 0;
  postings::Posting posting;
  // Who the viewer is to this application.
  bool as_seeker = false, as_facility = false, as_coordinator = false, as_secretariat = false;
  //! Rule 3: the facility learns who the seeker is only after the match or a consented direct application.
  bool identity_disclosed() const { return matched_at.has_value() || (kind == "application" && consent); }
  //! The coordinators of the handling organisation, or the secretariat (rule 5).
  bool sees_records(const accounts::CurrentUser& viewer) const;
};

//! Stage codes and their Japanese names; whether a move is allowed for the side making it.
const char* stage_name(std::string_view stage);
bool allowed_move(std::string_view from, std::string_view to, bool seeker, bool facility, bool coordinator, bool secretariat);

}  // namespace kh::applications
