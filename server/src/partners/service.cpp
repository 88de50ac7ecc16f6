#include <boost/json.hpp>

#include <algorithm>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "mail/mail.h"
#include "partners/partners.h"
#include "postings/postings.h"
#include "postings/search_index.h"
#include "reference/reference.h"
#include "store/database.h"

namespace kh::partners {
namespace bj = boost::json;
namespace {

Subscription to_subscription(const store::Row& r) {
  return {r.text(0), r.text(1), r.text(2), text::split(r.text(3), ','), text::split(r.text(4), ','), r.optional_text(5), r.text(6),
          r.optional_text(7), r.integer(8), r.integer(9)};
}

constexpr std::string_view columns =
    "id, organisation_id, name, prefectures, categories, urgency, token, digest_email, created_at, last_digest_at";

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

//! Partners get coordinators' organisations; the secretariat may subscribe for anyone it administers.
Result<std::string> organisation_of(const accounts::CurrentUser& actor) {
  KH_TRY_VOID(accounts::require_role(actor, {accounts::Role::coordinator, accounts::Role::secretariat}));
  if (actor.user.organisations.empty()) return fail(errors::forbidden("組織に所属していないため、配信を登録できません。"));
  return actor.user.organisations.front().id;
}

}  // namespace

Result<Subscription> Service::create(const accounts::CurrentUser& actor, const bj::object& body) {
  const auto org = KH_TRY(organisation_of(actor));
  json::FieldReader f(body);
  Subscription s;
  s.name = f.required_string("name", "配信名", 100);
  // Codes, each known, once each and sorted (a feed's filter is a set).
  auto list = [&](std::string_view key, std::string_view label, auto&& valid) {
    auto out = f.optional_string_list(key, label).value_or(std::vector<std::string>{});
    if (std::any_of(out.begin(), out.end(), [&](const std::string& code) { return !valid(code); })) {
      f.add_error(key, "「" + std::string(label) + "」に正しくない値が含まれています。");
      return std::vector<std::string>{};
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  s.prefectures = list("prefectures", "都道府県", [](const std::string& p) { return reference::find_prefecture(p) != nullptr; });
  s.categories = list("categories", "職種", [&](const std::string& c) { return catalogue_.category(c).has_value(); });
  s.urgency = f.optional_string("urgency", "緊急度", 20);
  if (s.urgency && s.urgency->empty()) s.urgency.reset();
  if (s.urgency && *s.urgency != "immediate" && *s.urgency != "regular") f.add_error("urgency", json::msg_invalid("緊急度"));
  s.digest_email = f.optional_string("digest_email", "配信先メールアドレス", 254);
  if (s.digest_email && s.digest_email->empty()) s.digest_email.reset();
  if (s.digest_email && !text::is_plausible_email(*s.digest_email)) f.add_error("digest_email", json::msg_invalid("配信先メールアドレス"));
  KH_TRY_VOID(f.finish());
  s.id = crypto::new_id("feed");
  s.organisation_id = org;
  s.token = crypto::random_token(24);
  s.created_at_ms = s.last_digest_at_ms = now_ms();
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO feed_subscriptions (" + std::string(columns) + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                     {s.id, s.organisation_id, s.name, text::join(s.prefectures, ","), text::join(s.categories, ","), store::optional_text(s.urgency),
                      s.token, store::optional_text(s.digest_email), s.created_at_ms, s.last_digest_at_ms}));
    return audit::record(c, accounts::actor_of(actor), "feed_created", "feed", s.id, s.name);
  }));
  return s;
}

Result<std::vector<Subscription>> Service::list(const accounts::CurrentUser& actor) {
  const auto org = KH_TRY(organisation_of(actor));
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT " + std::string(columns) + " FROM feed_subscriptions WHERE organisation_id = $1 ORDER BY created_at", {org}));
  std::vector<Subscription> out;
  for (const auto& row : r.rows) out.push_back(to_subscription(row));
  return out;
}

Result<void> Service::remove(const accounts::CurrentUser& actor, const std::string& id) {
  const auto org = KH_TRY(organisation_of(actor));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> {
    auto r = KH_TRY(c.execute("DELETE FROM feed_subscriptions WHERE id = $1 AND organisation_id = $2", {id, org}));
    if (r.affected != 1) return fail(errors::not_found("指定された配信は見つかりません。"));
    return audit::record(c, accounts::actor_of(actor), "feed_deleted", "feed", id);
  });
}

Result<std::optional<Subscription>> Service::by_token(const std::string& token) {
  if (token.empty() || token.size() > 64) return std::optional<Subscription>{};
  auto lease = KH_TRY(pool_.acquire());
  auto r = KH_TRY((*lease).execute("SELECT " + std::string(columns) + " FROM feed_subscriptions WHERE token = $1", {token}));
  if (r.rows.empty()) return std::optional<Subscription>{};
  return std::optional<Subscription>{to_subscription(r.rows[0])};
}

std::vector<postings::Posting> Service::postings_for(const Subscription& s, std::int64_t since_ms) const {
  auto in = [](const std::vector<std::string>& set, const std::string& v) {
    return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
  };
  return index_.select(
      [&](const postings::Posting& p) {
        return in(s.prefectures, p.workplace.prefecture) && in(s.categories, p.category) &&
               (!s.urgency || p.urgency == *s.urgency) && p.published_at_ms.value_or(0) > since_ms;
      },
      100);
}

std::string Service::atom(const Subscription& s) const {
  const auto items = postings_for(s);
  std::string updated = format_iso8601_jst(items.empty() ? s.created_at_ms : items.front().published_at_ms.value_or(s.created_at_ms));
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <title>" + xml_escape("かけはし 求人配信: " + s.name) + "</title>\n";
  out += "  <id>urn:kakehashi:feed:" + s.id + "</id>\n  <updated>" + updated + "</updated>\n";
  out += "  <link rel=\"alternate\" href=\"" + xml_escape(public_url_ + "/postings") + "\"/>\n";
  for (const auto& p : items) {
    // Built from the masked JSON shape, so a masked posting's hidden values cannot slip into the feed.
    const auto o = postings::to_json(p, postings::Disclosure::masked, catalogue_);
    std::string summary = std::string(o.at("category_name").as_string()) + "・" +
                          std::string(o.at("workplace").as_object().at("prefecture_name").as_string()) + "・勤務開始 " +
                          format_date_ja(p.start_date) + (p.urgency == "immediate" ? "・急募" : "");
    if (const auto* f = o.at("facility").as_object().if_contains("name")) summary += "・" + std::string(f->as_string());
    out += "  <entry>\n    <id>urn:kakehashi:posting:" + p.id + "</id>\n";
    out += "    <title>" + xml_escape(p.title) + "</title>\n";
    out += "    <updated>" + format_iso8601_jst(p.updated_at_ms) + "</updated>\n";
    out += "    <link rel=\"alternate\" href=\"" + xml_escape(public_url_ + "/postings/" + p.id) + "\"/>\n";
    out += "    <summary>" + xml_escape(summary) + "</summary>\n  </entry>\n";
  }
  return out + "</feed>\n";
}

Result<int> Service::send_digests() {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto r = KH_TRY(c.execute("SELECT " + std::string(columns) + " FROM feed_subscriptions WHERE digest_email IS NOT NULL"));
  int mails = 0;
  for (const auto& row : r.rows) {
    const auto s = to_subscription(row);
    const auto items = postings_for(s, s.last_digest_at_ms);
    const auto now = now_ms();
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      // Moving the mark and queueing the mail in one transaction: a digest is neither lost nor doubled.
      auto moved = KH_TRY(c.execute("UPDATE feed_subscriptions SET last_digest_at = $2 WHERE id = $1 AND last_digest_at = $3",
                                    {s.id, now, s.last_digest_at_ms}));
      if (moved.affected != 1 || items.empty()) return {};
      std::string body = "「" + s.name + "」の条件に合う新しい求人が" + std::to_string(items.size()) + "件あります。\n\n";
      for (const auto& p : items) {
        const auto* pref = reference::find_prefecture(p.workplace.prefecture);
        const auto cat = catalogue_.category(p.category);
        body += "■ " + p.title + "\n  " + (cat ? cat->name : p.category) + "・" + std::string(pref ? pref->name : "") +
                "・勤務開始 " + format_date_ja(p.start_date) + (p.urgency == "immediate" ? "・急募" : "") + "\n  " + public_url_ +
                "/postings/" + p.id + "\n";
      }
      KH_TRY_VOID(mail::enqueue(c, {*s.digest_email, "【かけはし】求人配信「" + s.name + "」", body}));
      ++mails;
      return {};
    }));
  }
  return mails;
}

}  // namespace kh::partners
