#include "app/context.h"

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
  ctx->accounts = std::make_unique<accounts::Service>(*ctx->pool, settings);
  ctx->postings = std::make_unique<postings::Service>(*ctx->pool, ctx->catalogue);
  ctx->search_index = std::make_unique<postings::SearchIndex>(ctx->catalogue);
  ctx->follower = std::make_unique<store::ChangeFollower>(*ctx->pool);
  ctx->seekers = std::make_unique<seekers::Service>(*ctx->pool, ctx->catalogue);
  return ctx;
}

Result<void> start_projections(Context& ctx) {
  auto& follower = *ctx.follower;
  follower.on("posting", [&ctx](const store::Change& change) {
    auto p = ctx.postings->find(change.entity_id);
    if (p && *p) ctx.search_index->upsert(**p);
    else if (p) ctx.search_index->remove(change.entity_id);
  });
  follower.on("reference", [&ctx](const store::Change&) {
    if (auto lease = ctx.pool->acquire()) (void)ctx.catalogue.load(**lease);
  });
  // The starting point is taken before the build: a posting changed meanwhile is replayed, never lost.
  KH_TRY_VOID(follower.start_from_latest());
  ctx.search_index->rebuild(KH_TRY(ctx.postings->all_published()));
  follower.run_in_background(std::chrono::milliseconds(200));
  return {};
}

}  // namespace kh::app
