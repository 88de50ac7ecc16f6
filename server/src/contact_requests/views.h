#pragma once
// What each party sees of a contact request and a candidate (private to contact_requests/).
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace kh::accounts { struct CurrentUser; }
namespace kh::postings { struct Posting; class Service; }
namespace kh::seekers { struct Profile; }
namespace kh::reference { class Catalogue; }

namespace kh::contact_requests {

//! The state the facility sees: sent (送信済み), coordinating (調整中), matched (成立), declined (辞退: by the
//! seeker, now or after accepting), closed (終了: not hired).
std::string facility_state(const std::string& state, const std::optional<std::string>& application_stage, bool matched);
//! {"id", "state", "state_name"}.
boost::json::object request_summary(const std::string& id, const std::string& facility_state);
//! The request on a candidate's card as the facility sees it: 依頼済み ("requested", no id) while the seeker has
//! not accepted — waiting or declined alike, so a candidate who declined looks like one who has not answered.
boost::json::object facility_card_request(const std::string& id, const std::string& facility_state);
//! Whether the seeker's profile lets facilities send contact requests (profile "facility_requests", default yes).
bool accepts_facility_requests(const seekers::Profile& profile);
//! The posting in the words of the anonymous notice: prefecture, job category, employment, period, start —
//! values that are never masked.
std::string anonymous_summary(const postings::Posting& posting, const reference::Catalogue& catalogue);
//! A request as its seeker sees it: the posting in the view the seeker is entitled to (masked until a match).
boost::json::object seeker_view(const std::string& id, const std::string& state, const std::optional<std::string>& application_id,
                                std::int64_t created_at, std::optional<std::int64_t> answered_at, const postings::Posting& posting,
                                const accounts::CurrentUser& seeker, postings::Service& postings);

}  // namespace kh::contact_requests
