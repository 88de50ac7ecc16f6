#pragma once
//! Applications and coordination (SPEC.md "Applications and coordination", masking rules 3, 5, 7): a seeker's
//! 問い合わせ / 応募 / コンタクト依頼 on a posting, the pipeline 新規 → 調整中 → 面接調整 → 面接済 → 内定 → 採用 /
//! 不採用 / 辞退 / 取下げ with allowed transitions only, the match a coordinator establishes (disclosure both
//! ways, each disclosure audited), messaging per application, coordination records for the handling
//! organisation only, interviews with .ics invitations and a signalling relay for the online room, the hiring
//! result notice and the training record of every hire.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; struct CurrentUser; }
namespace kh::postings { class Service; }
namespace kh::seekers { class Service; }
namespace kh::matching { class Engine; }
namespace kh::notify { class EventHub; }
namespace kh::helpdesk { struct Attachment; }

namespace kh::applications {

struct Settings { std::string public_url; };

class Service {
 public:
  Service(store::Pool& pool, accounts::Service& accounts, postings::Service& postings, seekers::Service& seekers,
          const matching::Engine& engine, notify::EventHub& hub, Settings settings)
      : pool_(pool), accounts_(accounts), postings_(postings), seekers_(seekers), engine_(engine), hub_(hub),
        settings_(std::move(settings)) {}

  Result<boost::json::object> create(const accounts::CurrentUser& seeker, const std::string& posting_id,
                                     const boost::json::object& body);
  Result<boost::json::object> get(const accounts::CurrentUser& viewer, const std::string& id);
  //! The viewer's applications: a seeker's own, a facility's (optionally one posting's), a coordinator's region.
  Result<boost::json::object> list(const accounts::CurrentUser& viewer, const std::optional<std::string>& posting_id);
  Result<boost::json::object> move(const accounts::CurrentUser& actor, const std::string& id, const boost::json::object& body);
  Result<boost::json::object> establish_match(const accounts::CurrentUser& coordinator, const std::string& id);

  Result<boost::json::object> messages(const accounts::CurrentUser& viewer, const std::string& id);
  Result<boost::json::object> post_message(const accounts::CurrentUser& author, const std::string& id, const boost::json::object& body);
  Result<void> mark_read(const accounts::CurrentUser& viewer, const std::string& id);
  //! A file attached to a message of this application (the caller has checked access to the thread).
  Result<helpdesk::Attachment> message_attachment(const std::string& application_id, const std::string& file_id);

  Result<boost::json::object> records(const accounts::CurrentUser& viewer, const std::string& id);
  Result<boost::json::object> add_record(const accounts::CurrentUser& coordinator, const std::string& id, const boost::json::object& body);
  Result<boost::json::object> queue(const accounts::CurrentUser& coordinator);
  //! Candidate search for a coordinator: the matching engine's seekers for a posting in the coordinator's region.
  Result<boost::json::object> candidates(const accounts::CurrentUser& coordinator, const std::string& posting_id);

  Result<boost::json::object> propose_interview(const accounts::CurrentUser& actor, const std::string& id, const boost::json::object& body);
  Result<boost::json::object> answer_interview(const accounts::CurrentUser& actor, const std::string& interview_id, const boost::json::object& body);
  Result<std::string> interview_ics(const accounts::CurrentUser& viewer, const std::string& interview_id);
  //! Relays a WebRTC signalling message (offer, answer, candidate, bye) to the other party's open pages.
  Result<void> relay_signal(const accounts::CurrentUser& sender, const std::string& interview_id, const boost::json::object& body);

  Result<boost::json::object> record_training(const accounts::CurrentUser& facility, const std::string& id,
                                              const std::string& item, const boost::json::object& body);

  //! Whether the seeker has an established match on the posting (masked values are then disclosed to them).
  bool match_established(const std::string& posting_id, const std::string& seeker_id);

  //! An application loaded for one viewer (defined in loaded.h, private to this module's sources).
  struct Loaded;

 private:
  Result<Loaded> load(const accounts::CurrentUser& viewer, const std::string& id);
  Result<boost::json::object> render(const accounts::CurrentUser& viewer, const Loaded& a);
  Result<void> notify_parties(const Loaded& a, const std::string& actor_id, const std::string& kind, const std::string& title,
                              const std::string& body, const std::string& dedupe);
  store::Pool& pool_;
  accounts::Service& accounts_;
  postings::Service& postings_;
  seekers::Service& seekers_;
  const matching::Engine& engine_;
  notify::EventHub& hub_;
  Settings settings_;
};

void register_routes(http::Router& router, Service& applications, accounts::Service& accounts);

}  // namespace kh::applications
