#pragma once
//! Placement rounds (配属先選定, issue 14): a career centre opens a round for a year (one programme or all), lists
//! the positions its facilities offer (定員 and 目標定員) and the regional caps (per 二次医療圏, or every area of a
//! designation such as 医師多数区域), enters each doctor's ranks after the interviews, and the facilities rank the
//! doctors who ranked them (their own users, or the centre on their behalf). A preview runs the engine
//! (server/src/placement) and tells each doctor's reasons in Japanese, the fill of every area against its cap and
//! what changed since the previous preview; confirming appends the assignment to each placed doctor's career plan
//! through careers::Service (so the rules are checked), mails the doctors and notifies the facilities' users.
//!
//! A linked doctor (a seeker account linked to a registry doctor) sees the rounds opened for ranking that they take
//! part in, ranks the positions until the doctors' deadline and, once confirmed, reads their own result.
//!
//! Scope: a centre sees its own prefecture's rounds; a facility only the rounds with a position of its own, only the
//! doctors who ranked that position and only its own ranks. Anything else answers 404; other roles 403.
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; struct CurrentUser; }
namespace kh::careers { class Service; }
namespace kh::seekers { class Service; }
namespace kh::reference { class Catalogue; }

namespace kh::placement_rounds {

class Service {
 public:
  //! `seekers` gives a doctor's choice for notices by mail; `public_url` the links in mails.
  Service(store::Pool& pool, accounts::Service& accounts, careers::Service& careers, seekers::Service& seekers,
          const reference::Catalogue& catalogue, std::string public_url)
      : pool_(pool), accounts_(accounts), careers_(careers), seekers_(seekers), catalogue_(catalogue), public_url_(std::move(public_url)) {}

  // ---- the centre ----
  //! The centre's rounds, newest year first, with their counts.
  Result<boost::json::object> rounds(const accounts::CurrentUser& centre);
  //! A new open round: year, programme_id (null: all), title, mechanism, assignment_kind, term_start, term_end,
  //! doctor_deadline, facility_deadline.
  Result<boost::json::object> create_round(const accounts::CurrentUser& centre, const boost::json::object& body);
  //! The round with its positions, caps, counts, latest preview, minutes and (once confirmed) the result.
  Result<boost::json::object> round(const accounts::CurrentUser& centre, const std::string& id);
  //! Changes the settings of an open round (the fields of create_round but the year and programme).
  Result<boost::json::object> update_round(const accounts::CurrentUser& centre, const std::string& id, const boost::json::object& body);
  //! The facilities of the centre's prefecture on the platform, with their 二次医療圏 (for the positions form).
  Result<boost::json::object> facilities(const accounts::CurrentUser& centre);
  //! Replaces the positions ({"positions": [{id?, facility_id?, facility_name?, department?, area_code?, capacity,
  //! target}]}); a position left out is removed with its ranks.
  Result<boost::json::object> save_positions(const accounts::CurrentUser& centre, const std::string& id, const boost::json::object& body);
  //! Replaces the caps ({"caps": [{id?, name?, area_codes? | designation?, cap}]}).
  Result<boost::json::object> save_caps(const accounts::CurrentUser& centre, const std::string& id, const boost::json::object& body);
  //! Every eligible doctor with their ranks, and every position with its ranks of its applicants (audited).
  Result<boost::json::object> ranks(const accounts::CurrentUser& centre, const std::string& id);
  //! A doctor's ranks as the centre heard them in an interview ({"position_ids": [...best first], "interview_on"}).
  Result<boost::json::object> save_doctor_ranks(const accounts::CurrentUser& centre, const std::string& id,
                                                const std::string& doctor_id, const boost::json::object& body);
  //! A position's ranks entered by the centre on the facility's behalf ({"doctor_ids": [...best first]}).
  Result<boost::json::object> save_position_ranks(const accounts::CurrentUser& centre, const std::string& id,
                                                  const std::string& position_id, const boost::json::object& body);
  //! Runs the engine on the round as it is now; stores and returns the preview with reasons, fill and the
  //! difference from the previous preview.
  Result<boost::json::object> run_preview(const accounts::CurrentUser& centre, const std::string& id);
  //! The newest preview (`preview` null when there is none); `current` says whether nothing changed since.
  Result<boost::json::object> latest_preview(const accounts::CurrentUser& centre, const std::string& id);
  //! Confirms the newest preview ({"preview_id", "meeting_on"?, "minutes"?}): the plans, the mails, the notices.
  Result<boost::json::object> confirm(const accounts::CurrentUser& centre, const std::string& id, const boost::json::object& body);
  //! The meeting's date and minutes ({"meeting_on", "minutes"}), before or after confirming.
  Result<boost::json::object> save_minutes(const accounts::CurrentUser& centre, const std::string& id, const boost::json::object& body);

  //! Opens the round for ranking, once: from then its doctors see it on their own account and rank, and the
  //! doctors (in the app and by mail as each chose; by mail to the registry address for a doctor without an
  //! account) and the users of the facilities with a position are told, with the deadlines. Again: nothing new.
  Result<boost::json::object> open_ranking(const accounts::CurrentUser& centre, const std::string& id);
  //! The confirmed result for Excel (Windows-31J): the placed doctors, the unmatched ones and the unfilled seats (audited).
  Result<std::string> result_csv(const accounts::CurrentUser& centre, const std::string& id);
  //! A follow-up round (二次選定) from a confirmed one ({"doctor_deadline", "facility_deadline", "title"?,
  //! "mechanism"?}): its unmatched doctors take part, and its positions with unfilled seats offer what is left.
  Result<boost::json::object> create_follow_up(const accounts::CurrentUser& centre, const std::string& id, const boost::json::object& body);

  // ---- a doctor (a seeker account linked to a registry doctor) ----
  //! The rounds the doctor takes part in, opened for ranking (or confirmed with a result for them).
  Result<boost::json::object> my_rounds(const accounts::CurrentUser& doctor);
  //! One of them: the positions (facility, department, area — never other doctors), the doctor's own list, who
  //! entered it, and once confirmed their result with the reasons for each facility ranked above it.
  Result<boost::json::object> my_round(const accounts::CurrentUser& doctor, const std::string& id);
  //! The doctor's own list ({"position_ids": [...best first]}) until the doctors' deadline; it replaces a list the
  //! centre entered after an interview (recorded as the doctor's, audited).
  Result<boost::json::object> save_my_ranks(const accounts::CurrentUser& doctor, const std::string& id, const boost::json::object& body);

  // ---- a facility ----
  //! The rounds with a position of the caller's facilities.
  Result<boost::json::object> facility_rounds(const accounts::CurrentUser& facility);
  //! The facility's positions in a round, each with the doctors who ranked it and the facility's own ranks (audited).
  Result<boost::json::object> facility_round(const accounts::CurrentUser& facility, const std::string& id);
  //! The facility ranks the applicants of its position ({"doctor_ids": [...best first]}) until its deadline.
  Result<boost::json::object> save_facility_ranks(const accounts::CurrentUser& facility, const std::string& id,
                                                  const std::string& position_id, const boost::json::object& body);

  //! The counts of the home page: a centre's open rounds; a facility's open rounds to rank (only when it has one).
  Result<boost::json::object> home_counts(const accounts::CurrentUser& user);

 private:
  store::Pool& pool_;
  accounts::Service& accounts_;
  careers::Service& careers_;
  seekers::Service& seekers_;
  const reference::Catalogue& catalogue_;
  std::string public_url_;
};

void register_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace kh::placement_rounds
