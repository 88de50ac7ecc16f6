#include "app/context.h"
#include "core/text.h"
#include "core/time.h"

#include <boost/json.hpp>

#include "store/migrations.h"

namespace kh::app {

Result<std::unique_ptr<Context>> open_context(const std::map<std::string, std::string>& flags) {
  auto ctx = std::make_unique<Context>();
  ctx->config = KH_TRY(load_config(flags, kakehashi_environment()));
  ctx->database = KH_TRY(store::open_database(ctx->config.db));
  // One connection per request thread, plus the mail worker, the change follower and a spare.
  ctx->pool = std::make_unique<store::Pool>(*ctx->database, ctx->config.threads + 3);
  {
    auto lease = KH_TRY(ctx->pool->acquire());
    KH_TRY(store::migrate(*lease));
    KH_TRY_VOID(reference::ensure_shipped_data(*lease));
    KH_TRY_VOID(ctx->catalogue.load(*lease));
  }
  accounts::Settings settings;
  settings.public_url = ctx->config.effective_public_url();
  settings.secure_cookies = ctx->config.secure_cookies;
  settings.session_idle_ms = static_cast<std::int64_t>(ctx->config.session_idle_seconds) * 1000;
  if (ctx->config.second_factor_roles != "none")
    for (const auto& code : text::split(ctx->config.second_factor_roles, ','))
      if (auto role = accounts::parse_role(text::trim(code))) settings.second_factor_roles.push_back(*role);
  ctx->accounts = std::make_unique<accounts::Service>(*ctx->pool, settings, ctx->catalogue);
  ctx->postings = std::make_unique<postings::Service>(*ctx->pool, ctx->catalogue);
  ctx->search_index = std::make_unique<postings::SearchIndex>(ctx->catalogue);
  ctx->follower = std::make_unique<store::ChangeFollower>(*ctx->pool);
  ctx->seekers = std::make_unique<seekers::Service>(*ctx->pool, ctx->catalogue);
  KH_TRY_VOID(ctx->seekers->load_handle_key());
  ctx->engine = std::make_unique<matching::Engine>(ctx->catalogue);
  ctx->hub = std::make_unique<notify::EventHub>();
  ctx->beds = std::make_unique<beds::Service>(*ctx->pool, *ctx->accounts, ctx->catalogue);
  ctx->helpdesk = std::make_unique<helpdesk::Service>(*ctx->pool, *ctx->accounts,
                                                      helpdesk::Settings{ctx->config.effective_public_url()});
  ctx->applications = std::make_unique<applications::Service>(*ctx->pool, *ctx->accounts, *ctx->postings, *ctx->seekers,
                                                              *ctx->engine, *ctx->hub,
                                                              applications::Settings{ctx->config.effective_public_url()});
  ctx->contact_requests = std::make_unique<contact_requests::Service>(
      *ctx->pool, *ctx->accounts, *ctx->postings, *ctx->seekers, *ctx->engine, *ctx->applications,
      contact_requests::Settings{ctx->config.effective_public_url(), ctx->config.contact_requests_per_posting_per_day});
  ctx->careers = std::make_unique<careers::Service>(*ctx->pool, ctx->catalogue, *ctx->accounts, *ctx->postings,
                                                   ctx->config.effective_public_url());
  ctx->placement_rounds = std::make_unique<placement_rounds::Service>(*ctx->pool, *ctx->accounts, *ctx->careers, *ctx->seekers,
                                                                      ctx->catalogue, ctx->config.effective_public_url());
  ctx->workenv = std::make_unique<workenv::Service>(*ctx->pool, *ctx->accounts);
  ctx->chat = std::make_unique<chat::Service>(*ctx->pool, *ctx->accounts, *ctx->applications, *ctx->seekers, *ctx->postings,
                                             *ctx->search_index, ctx->catalogue, *ctx->helpdesk, chat::Settings{});
  KH_TRY_VOID(ctx->chat->ensure_defaults());
  ctx->postings->match_established = [a = ctx->applications.get()](const std::string& posting, const std::string& user) {
    return a->match_established(posting, user);
  };
  ctx->partners = std::make_unique<partners::Service>(*ctx->pool, *ctx->search_index, ctx->catalogue,
                                                      ctx->config.effective_public_url());
  ctx->notifier = std::make_unique<notify::Notifier>(*ctx->pool, *ctx->engine, *ctx->postings, *ctx->seekers,
                                                     *ctx->accounts, ctx->catalogue,
                                                     notify::Settings{ctx->config.effective_public_url()});
  ctx->notifier->on_daily_digest([p = ctx->partners.get()] { (void)p->send_digests(); });
  return ctx;
}

Result<void> start_projections(Context& ctx) {
  auto& follower = *ctx.follower;
  follower.on("posting", [&ctx](const store::Change& change) {
    auto p = ctx.postings->find(change.entity_id);
    if (p && *p) {
      ctx.search_index->upsert(**p);
      ctx.engine->upsert_posting(**p);
    } else if (p) {
      ctx.search_index->remove(change.entity_id);
      ctx.engine->remove_posting(change.entity_id);
    }
  });
  follower.on("seeker_profile", [&ctx](const store::Change& change) {
    auto p = ctx.seekers->find(change.entity_id);
    if (p && *p) ctx.engine->upsert_seeker(change.entity_id, boost::json::parse((*p)->json).as_object(), (*p)->updated_at_ms);
  });
  follower.on("notification", [&ctx](const store::Change& change) {
    auto lease = ctx.pool->acquire();
    if (!lease) return;
    auto n = notify::find(**lease, change.entity_id);
    if (!n || !*n) return;
    // The change-log position is the event id: a stream that reconnects with it gets what it missed.
    ctx.hub->publish((*n)->user_id, "notification", notify::live_event_data(**n), std::to_string(change.seq));
  });
  // Sessions ended (logout everywhere, password reset or change, second factor set up or reset): the user's open
  // streams close in every process. The browser reconnects at once, and only still-valid sessions get back in.
  // Interview signalling relayed by another process (this one published its own at once).
  follower.on("signal", [&ctx](const store::Change& change) {
    auto lease = ctx.pool->acquire();
    if (!lease) return;
    auto r = (*lease)->execute("SELECT recipient_id, event, origin FROM relayed_signals WHERE id = $1", {change.entity_id});
    if (r && !r->rows.empty() && r->rows[0].text(2) != ctx.hub->origin())
      ctx.hub->publish(r->rows[0].text(0), "interview_signal", r->rows[0].text(1));
  });
  follower.on("user_sessions", [&ctx](const store::Change& change) { ctx.hub->close_user(change.entity_id); });
  follower.on("session", [&ctx](const store::Change& change) { ctx.hub->close_session(change.entity_id); });
  follower.on("reference", [&ctx](const store::Change&) {
    if (auto lease = ctx.pool->acquire()) (void)ctx.catalogue.load(**lease);
    ctx.search_index->touch();  // names in the answers come from the catalogue: cached searches are stale now
  });
  // The starting point is taken before the build: a posting changed meanwhile is replayed, never lost.
  KH_TRY_VOID(follower.start_from_latest());
  const auto published = KH_TRY(ctx.postings->all_published());
  for (const auto& p : published) ctx.engine->upsert_posting(p);
  ctx.search_index->rebuild(published);
  std::vector<matching::SeekerRecord> profiles;
  for (const auto& profile : KH_TRY(ctx.seekers->all()))
    profiles.push_back({profile.user_id, boost::json::parse(profile.json).as_object(), profile.updated_at_ms});
  ctx.engine->upsert_seekers(profiles);
  follower.on("bed_report", [&ctx](const store::Change& change) { ctx.beds->refresh(change.entity_id); });
  follower.on("organisation", [&ctx](const store::Change& change) {
    ctx.beds->refresh(change.entity_id);
    // A renamed facility: its published postings are found by the new name, and no longer by the old one.
    if (auto postings = ctx.postings->of_facility(change.entity_id))
      for (const auto& p : *postings)
        if (p.status == "published") ctx.search_index->upsert(p);
  });
  KH_TRY_VOID(ctx.beds->rebuild());
  KH_TRY_VOID(ctx.notifier->initialise());
  follower.run_in_background(std::chrono::milliseconds(200), [&ctx](std::int64_t seen) {
    ctx.notifier->run_once(seen);
    // Streams of sessions that expired (idle or absolute limit) close within a round, like logged-out ones.
    ctx.hub->close_expired(now_ms(), [&ctx](const std::string& digest) {
      auto until = ctx.accounts->session_valid_until(digest);
      return until ? *until : std::optional<std::int64_t>{now_ms() + 5'000};  // database away: ask again soon
    });
    (void)ctx.accounts->answer_password_reset_requests();
  });
  return {};
}

}  // namespace kh::app
