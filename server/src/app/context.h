#pragma once
//! Everything a running kakehashi holds: configuration, the database pool, the modules' services and the
//! in-memory projections. Built once per process by open_context().
#include <map>
#include <memory>
#include <string>

#include "accounts/accounts.h"
#include "app/config.h"
#include "applications/applications.h"
#include "contact_requests/contact_requests.h"
#include "careers/careers.h"
#include "beds/beds.h"
#include "chat/chat.h"
#include "helpdesk/helpdesk.h"
#include "matching/matching.h"
#include "notify/notify.h"
#include "partners/partners.h"
#include "placement_rounds/placement_rounds.h"
#include "postings/postings.h"
#include "postings/search_index.h"
#include "reference/reference.h"
#include "seekers/seekers.h"
#include "store/change_follower.h"
#include "store/database.h"
#include "workenv/workenv.h"

namespace kh::app {

struct Context {
  Config config;
  std::unique_ptr<store::Database> database;
  std::unique_ptr<store::Pool> pool;
  reference::Catalogue catalogue;
  std::unique_ptr<accounts::Service> accounts;
  std::unique_ptr<postings::Service> postings;
  std::unique_ptr<postings::SearchIndex> search_index;
  std::unique_ptr<store::ChangeFollower> follower;
  std::unique_ptr<seekers::Service> seekers;
  std::unique_ptr<matching::Engine> engine;
  std::unique_ptr<notify::EventHub> hub;
  std::unique_ptr<notify::Notifier> notifier;
  std::unique_ptr<partners::Service> partners;
  std::unique_ptr<beds::Service> beds;
  std::unique_ptr<helpdesk::Service> helpdesk;
  std::unique_ptr<applications::Service> applications;
  std::unique_ptr<contact_requests::Service> contact_requests;
  std::unique_ptr<careers::Service> careers;
  std::unique_ptr<placement_rounds::Service> placement_rounds;
  std::unique_ptr<workenv::Service> workenv;
  std::unique_ptr<chat::Service> chat;
};

//! Opens the database, applies pending migrations, loads shipped reference data on first use and builds
//! the services. Projections (the search index) are built by start_projections(), for `serve` only.
Result<std::unique_ptr<Context>> open_context(const std::map<std::string, std::string>& flags);
Result<void> start_projections(Context& context);

}  // namespace kh::app
