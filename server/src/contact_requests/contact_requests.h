#pragma once
//! The facility's side of matching (seed 003: 希望医師選択 → コンタクト依頼 / マッチング調整依頼): a posting's
//! candidates as the facility sees them (anonymous, scored, filtered, paged on the server), and the contact
//! requests (スカウト) a facility sends to some of them. A request is queued for the coordinators covering the
//! posting's prefecture and category (the secretariat when nobody does); the seeker gets an anonymous notice and
//! accepts or declines. An acceptance becomes an application of kind contact_request, which a coordinator brokers
//! like a seeker's own, so the match and disclosure rules apply unchanged.
//!
//! What each side learns: the seeker learns the posting's public facts only (its masked view, never a masked
//! value; the facility's message goes to the coordinator, not to the seeker, as free text could name the
//! facility). The facility sees each request's state (送信済み / 調整中 / 成立 / 終了) and the number declined,
//! never which candidate declined: a declined request carries no handle, and the candidate leaves the list.
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; class Connection; }
namespace kh::http { class Router; struct Request; }
namespace kh::accounts { class Service; struct CurrentUser; }
namespace kh::postings { class Service; }
namespace kh::seekers { class Service; }
namespace kh::matching { class Engine; }
namespace kh::applications { class Service; }
namespace kh::reference { class Catalogue; }

namespace kh::contact_requests {

struct Settings {
  std::string public_url;
  std::size_t per_posting_per_day = 10;  //!< requests a facility may send per posting and day (Japan time)
};

//! How the facility's candidate list is cut and ordered (query parameters of GET /postings/{id}/matches).
struct CandidateQuery {
  std::string sort = "score";  //!< score, experience, distance, start
  int min_score = 0;
  std::optional<int> min_experience, max_distance_km;
  int page = 1, per_page = 20;
};

class Service {
 public:
  Service(store::Pool& pool, accounts::Service& accounts, postings::Service& postings, seekers::Service& seekers,
          const matching::Engine& engine, applications::Service& applications, Settings settings)
      : pool_(pool), accounts_(accounts), postings_(postings), seekers_(seekers), engine_(engine),
        applications_(applications), settings_(std::move(settings)) {}

  //! The posting's anonymous candidates for its facility, a coordinator covering it or the secretariat.
  Result<boost::json::object> candidates(const accounts::CurrentUser& viewer, const std::string& posting_id,
                                         const CandidateQuery& query);
  //! Sends one request per handle in body.candidates (all or none) with body.message for the coordinator.
  Result<boost::json::object> send(const accounts::CurrentUser& facility, const std::string& posting_id,
                                   const boost::json::object& body);
  //! The requests sent for a posting, as its facility (and coordinators, the secretariat) may see them.
  Result<boost::json::object> of_posting(const accounts::CurrentUser& viewer, const std::string& posting_id);
  //! The seeker's own requests, newest first.
  Result<boost::json::object> mine(const accounts::CurrentUser& seeker);
  //! The seeker accepts or declines ({"action": "accept" | "decline"}).
  Result<boost::json::object> answer(const accounts::CurrentUser& seeker, const std::string& id, const boost::json::object& body);
  //! Before 公開: how many seekers the posting would be announced to, and how (mail now, daily digest, in the
  //! app only) — what the facility confirms (issue 11 item 3). Its own facility's staff only.
  Result<boost::json::object> notice_preview(const accounts::CurrentUser& facility, const std::string& posting_id);
  //! Requests waiting for a seeker's answer, on postings the coordinator covers (all for the secretariat).
  Result<boost::json::object> queue(const accounts::CurrentUser& coordinator);

 private:
  //! The anonymous notice (and mail, per the seeker's choice) of a new request.
  Result<void> notify_seeker(store::Connection& c, const std::string& seeker_id, const std::string& request_id,
                             const std::string& summary);
  store::Pool& pool_;
  accounts::Service& accounts_;
  postings::Service& postings_;
  seekers::Service& seekers_;
  const matching::Engine& engine_;
  applications::Service& applications_;
  Settings settings_;
};

//! Reads page, per_page, sort, min_score, min_experience, max_distance_km; a wrong value is a 400 naming it.
Result<CandidateQuery> read_candidate_query(const http::Request& request);

void register_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace kh::contact_requests
