#pragma once
//! Partner distribution (seed 000: postings pushed to 女性医師バンク, ナースセンター, ハローワーク, 都道府県医師会 …).
//! A coordinating organisation subscribes to published postings filtered by prefecture, category and urgency,
//! and reads them as JSON or Atom at a URL holding an unguessable token, or receives a daily e-mail digest.
//! Feeds leave the platform, so every posting in them is in the masked shape when it is masked.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Pool; }
namespace kh::http { class Router; }
namespace kh::accounts { class Service; struct CurrentUser; }
namespace kh::postings { class SearchIndex; struct Posting; }
namespace kh::reference { class Catalogue; }

namespace kh::partners {

struct Subscription {
  std::string id, organisation_id, name;
  std::vector<std::string> prefectures, categories;  //!< empty = all
  std::optional<std::string> urgency;
  std::string token;
  std::optional<std::string> digest_email;
  std::int64_t created_at_ms = 0, last_digest_at_ms = 0;
};

class Service {
 public:
  Service(store::Pool& pool, const postings::SearchIndex& index, const reference::Catalogue& catalogue, std::string public_url)
      : pool_(pool), index_(index), catalogue_(catalogue), public_url_(std::move(public_url)) {}

  Result<Subscription> create(const accounts::CurrentUser& actor, const boost::json::object& body);
  Result<std::vector<Subscription>> list(const accounts::CurrentUser& actor);
  Result<void> remove(const accounts::CurrentUser& actor, const std::string& id);
  Result<std::optional<Subscription>> by_token(const std::string& token);
  //! The feed's postings, newest first (at most 100), optionally only those published after `since_ms`.
  std::vector<postings::Posting> postings_for(const Subscription& s, std::int64_t since_ms = 0) const;
  std::string atom(const Subscription& s) const;
  //! Queues one digest mail per subscription with new postings since its last digest; returns mails queued.
  Result<int> send_digests();

  const reference::Catalogue& catalogue() const { return catalogue_; }
  const std::string& public_url() const { return public_url_; }

 private:
  store::Pool& pool_;
  const postings::SearchIndex& index_;
  const reference::Catalogue& catalogue_;
  std::string public_url_;
};

void register_routes(http::Router& router, Service& partners, accounts::Service& accounts);

}  // namespace kh::partners
