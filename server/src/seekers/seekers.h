#pragma once
//! Seeker profiles: qualifications with licence numbers, specialties, experience and the conditions of the
//! work wanted. Identity fields (name, phone, licences, notes) are for the seeker, and later for a facility
//! only under SPEC.md rule 3; `anonymous_json` is the only shape other parties may ever receive.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; }
namespace kh::reference { class Catalogue; }
namespace kh::accounts { struct CurrentUser; class Service; }
namespace kh::http { class Router; }

namespace kh::seekers {

struct Profile {
  std::string user_id;
  std::string handle;  //!< the seeker's own reference (shown to the seeker); facilities see handle_for() instead
  std::string json;    //!< the validated profile document (SPEC.md "Seeker profile JSON")
  std::int64_t updated_at_ms = 0;
};

//! Validates a full profile document; returns it normalised (trimmed, codes checked, lists de-duplicated).
Result<boost::json::object> validate_profile(const boost::json::object& body, const reference::Catalogue& catalogue);

//! The person's name as written in the profile (the one name disclosed wherever identity is shown); nullopt when
//! the profile has none.
std::optional<std::string> profile_name(const Profile& profile);

//! The profile without identity fields: the given handle, qualifications, specialties, experience, prefecture,
//! conditions. The handle comes from Service::handle_for, so it differs for every facility.
boost::json::object anonymous_json(const Profile& profile, std::string_view handle);

class Service {
 public:
  Service(store::Pool& pool, const reference::Catalogue& catalogue) : pool_(pool), catalogue_(catalogue) {}
  //! Loads (on first use, creates) the installation's key for handles; call once before handle_for.
  Result<void> load_handle_key();
  //! The seeker's pseudonym towards one facility: stable for that facility, unrelated for every other, so two
  //! facilities comparing their candidates cannot tell that they saw the same person (a keyed digest of the
  //! seeker and the facility; without the installation's key nobody can compute or reverse it).
  std::string handle_for(std::string_view seeker_id, std::string_view facility_id) const;
  Result<std::optional<Profile>> find(const std::string& user_id);
  //! Every profile of an active seeker (the matching engine is built from this at start).
  Result<std::vector<Profile>> all();
  Result<Profile> save(const accounts::CurrentUser& seeker, const boost::json::object& body);
  //! Saves many validated profiles in one transaction (demo data); fails whole on the first invalid one.
  Result<int> save_many(const std::vector<std::pair<std::string, boost::json::object>>& user_and_profile);

 private:
  store::Pool& pool_;
  const reference::Catalogue& catalogue_;
  std::string handle_key_;
};

//! GET/PUT /api/v1/me/profile.
void register_routes(http::Router& router, Service& seekers, accounts::Service& accounts);

}  // namespace kh::seekers
