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
  std::string handle;  //!< pseudonym shown to facilities until a match is established
  std::string json;    //!< the validated profile document (SPEC.md "Seeker profile JSON")
};

//! Validates a full profile document; returns it normalised (trimmed, codes checked, lists de-duplicated).
Result<boost::json::object> validate_profile(const boost::json::object& body, const reference::Catalogue& catalogue);

//! The profile without identity fields: handle, qualifications, specialties, experience, prefecture, conditions.
boost::json::object anonymous_json(const Profile& profile);

class Service {
 public:
  Service(store::Pool& pool, const reference::Catalogue& catalogue) : pool_(pool), catalogue_(catalogue) {}
  Result<std::optional<Profile>> find(const std::string& user_id);
  //! Every profile of an active seeker (the matching engine is built from this at start).
  Result<std::vector<Profile>> all();
  Result<Profile> save(const accounts::CurrentUser& seeker, const boost::json::object& body);
  //! Saves many validated profiles in one transaction (demo data); fails whole on the first invalid one.
  Result<int> save_many(const std::vector<std::pair<std::string, boost::json::object>>& user_and_profile);

 private:
  store::Pool& pool_;
  const reference::Catalogue& catalogue_;
};

//! GET/PUT /api/v1/me/profile.
void register_routes(http::Router& router, Service& seekers, accounts::Service& accounts);

}  // namespace kh::seekers
