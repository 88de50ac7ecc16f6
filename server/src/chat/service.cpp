// The chat's conversation: one message in, one reply out (FAQ answer, choices, question or own-data template).
#include <boost/json.hpp>

#include <algorithm>
#include <mutex>
#include <shared_mutex>

#include "accounts/accounts.h"
#include "accounts/rate_limit.h"
#include "applications/applications.h"
#include "audit/audit.h"
#include "chat/chat.h"
#include "chat/repo.h"
#include "chat_retrieval/chat_retrieval.h"
#include "chat_retrieval/faq_data.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/log.h"
#include "core/text.h"
#include "core/time.h"
#include "store/database.h"

namespace kh::chat {
namespace bj = boost::json;
namespace cr = chat_retrieval;

namespace {
constexpr std::int64_t minute_ms = 60'000;

//! The FAQ as indexed at one moment: the retriever and, per entry, what a reply shows.
struct FaqIndex {
  std::string stamp;
  std::vector<repo::FaqRow> rows;
  std::unique_ptr<cr::Retriever> retriever;
};

bj::object faq_source(const repo::FaqRow& f) {
  return {{"type", "faq"}, {"id", f.id}, {"title", f.question}, {"url", "/faq/" + f.id}};
}

struct Reply {
  std::string kind;  // answer, choices, question, confirm, handover
  std::string text;
  bj::array sources;
  bj::array choices;
  bool answered = false;   // counts as a success (resets the failure count)
  bj::object context;      // what this reply leaves open for the next message
};

bj::object reply_json(const Reply& r) {
  return {{"kind", r.kind}, {"text", r.text}, {"sources", r.sources}, {"choices", r.choices}};
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// Own-data intents: said plainly, recognised by their words. Each runs only for the role whose data it reads.
enum class Intent { none, application_status, next_interview, open_training };

Intent intent_of(std::string_view normalized, accounts::Role role) {
  if (role == accounts::Role::seeker) {
    if (contains_any(normalized, {"応募", "申し込", "申込"}) &&
        contains_any(normalized, {"状況", "状態", "どう", "進", "ステータス", "結果", "一覧", "どこまで"}))
      return Intent::application_status;
    if (contains_any(normalized, {"面接", "面談"}) && contains_any(normalized, {"いつ", "日程", "予定", "次", "何時", "日時"}) &&
        !contains_any(normalized, {"変更", "変え", "ずら", "リスケ", "方法", "やり方"}))
      return Intent::next_interview;
  }
  if (role == accounts::Role::facility && contains_any(normalized, {"研修"}) &&
      contains_any(normalized, {"終わ", "完了", "済", "残", "まだ", "状況", "未"}))
    return Intent::open_training;
  return Intent::none;
}

std::string str(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
}  // namespace

std::string_view embedded_faq_json_data();
std::string_view embedded_synonyms_json_data();
std::string_view embedded_faq_json() { return embedded_faq_json_data(); }
std::string_view embedded_synonyms_json() { return embedded_synonyms_json_data(); }

struct Service::Impl {
  store::Pool& pool;
  accounts::Service& accounts;
  applications::Service& applications;
  Settings settings;
  std::optional<cr::Analyzer> analyzer;
  std::string analyzer_error;
  std::shared_mutex index_mutex;
  std::shared_ptr<const FaqIndex> index;

  Impl(store::Pool& p, accounts::Service& a, applications::Service& ap, Settings s)
      : pool(p), accounts(a), applications(ap), settings(std::move(s)) {
    auto opened = cr::Analyzer::open(settings.dictionary_directory);
    if (opened) analyzer.emplace(std::move(*opened));
    else {
      analyzer_error = opened.error();
      log::error("chat_dictionary_missing", analyzer_error);
    }
  }

  //! The FAQ index, rebuilt when an article, a paraphrase or a synonym changed (in any process).
  Result<std::shared_ptr<const FaqIndex>> current_index(store::Connection& c) {
    if (!analyzer)
      return fail(Error{503, "chat_unavailable", "自動応答チャットは現在ご利用いただけません（日本語辞書が見つかりません）。", {}});
    const std::string stamp = KH_TRY(repo::faq_stamp(c));
    {
      std::shared_lock lock(index_mutex);
      if (index && index->stamp == stamp) return index;
    }
    auto built = std::make_shared<FaqIndex>();
    built->stamp = stamp;
    built->rows = KH_TRY(repo::published_faq(c));
    cr::Synonyms synonyms{KH_TRY(repo::synonym_groups(c))};
    std::vector<cr::Entry> entries;
    for (const auto& f : built->rows) {
      cr::Entry e{f.id, {f.question}, f.answer};
      e.questions.insert(e.questions.end(), f.phrases.begin(), f.phrases.end());
      entries.push_back(std::move(e));
    }
    built->retriever = std::make_unique<cr::Retriever>(*analyzer, synonyms, std::move(entries));
    std::unique_lock lock(index_mutex);
    index = built;
    return std::shared_ptr<const FaqIndex>(built);
  }

  Reply faq_answer(const repo::FaqRow& f) {
    Reply r;
    r.kind = "answer";
    r.text = f.answer;
    r.sources.push_back(faq_source(f));
    r.answered = true;
    return r;
  }

  Reply from_faq(const FaqIndex& index, std::string_view text, const bj::object& context, int failures, bool logged_in) {
    // A choice offered by the last reply, picked by its number or its words.
    if (const auto* open = context.if_contains("choices"); open && open->is_array()) {
      const auto& ids = open->as_array();
      const std::string t = text::trim(cr::normalize(text));
      for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto id = std::string(ids[i].as_string());
        const auto it = std::find_if(index.rows.begin(), index.rows.end(), [&](const auto& f) { return f.id == id; });
        if (it == index.rows.end()) continue;
        if (t == std::to_string(i + 1) || t == cr::normalize(it->question)) return faq_answer(*it);
      }
    }
    const auto decision = index.retriever->ask(text);
    if (decision.outcome == cr::Outcome::answer)
      return faq_answer(index.rows.at(static_cast<std::size_t>(decision.candidates[0].entry)));
    Reply r;
    if (decision.outcome == cr::Outcome::choices) {
      r.kind = "choices";
      r.text = "次のどれについてのご質問ですか？ 番号か質問を選んでください。";
      bj::array ids;
      for (const auto& h : decision.candidates) {
        const auto& f = index.rows.at(static_cast<std::size_t>(h.entry));
        r.choices.push_back({{"label", f.question}, {"value", f.question}});
        r.sources.push_back(faq_source(f));
        ids.emplace_back(f.id);
      }
      r.context["choices"] = std::move(ids);
      r.answered = true;
      return r;
    }
    r.kind = "question";
    if (failures == 0) {
      r.text = "ご質問の内容を読み取れませんでした。別の言葉で、短く言い換えていただけますか？（例：「パスワードを忘れた」「当直のない求人」）";
      r.sources.push_back({{"type", "page"}, {"title", "よくある質問（FAQ）"}, {"url", "/faq"}});
    } else if (logged_in) {
      r.text = "申し訳ありません、この質問にはお答えできませんでした。事務局へのお問合せで担当者がお答えします。";
      r.sources.push_back({{"type", "page"}, {"title", "お問合せ"}, {"url", "/helpdesk/new"}});
    } else {
      r.text = "申し訳ありません、この質問にはお答えできませんでした。ログインすると、お問合せから担当者に質問できます。";
      r.sources.push_back({{"type", "page"}, {"title", "ログイン"}, {"url", "/login"}});
    }
    return r;
  }

  // --- Own data, through the owning module's scoped service: it returns the caller's rows only. ---

  Result<Reply> application_status(const accounts::CurrentUser& user) {
    const auto list = KH_TRY(applications.list(user, std::nullopt));
    const auto& items = list.at("items").as_array();
    Reply r;
    r.kind = "answer";
    r.answered = true;
    r.sources.push_back({{"type", "page"}, {"title", "応募一覧"}, {"url", "/applications"}});
    if (items.empty()) {
      r.text = "現在、応募・問い合わせ・コンタクト依頼はありません。求人は「求人を探す」から探せます。";
      return r;
    }
    r.text = "あなたの応募は" + std::to_string(items.size()) + "件です。";
    std::size_t shown = 0;
    for (const auto& v : items) {
      if (shown++ == 5) {
        r.text += "\n（ほか" + std::to_string(items.size() - 5) + "件は応募一覧をご覧ください）";
        break;
      }
      const auto& a = v.as_object();
      r.text += "\n・" + str(a, "posting_title") + "：" + str(a, "stage_name");
      r.sources.push_back({{"type", "application"}, {"id", str(a, "id")}, {"title", str(a, "posting_title")},
                           {"url", "/applications/" + str(a, "id")}});
    }
    return r;
  }

  Result<Reply> next_interview(const accounts::CurrentUser& user) {
    const auto list = KH_TRY(applications.list(user, std::nullopt));
    std::optional<std::int64_t> best_at;
    std::string best_title, best_id, best_where;
    std::string proposed_title, proposed_id;
    const auto now = now_ms();
    for (const auto& v : list.at("items").as_array()) {
      const auto id = str(v.as_object(), "id");
      auto detail = applications.get(user, id);
      if (!detail) continue;
      const auto title = str(v.as_object(), "posting_title");
      for (const auto& iv : detail->at("interviews").as_array()) {
        const auto& i = iv.as_object();
        const auto status = str(i, "status");
        if (status == "proposed" && proposed_id.empty()) {
          proposed_id = id;
          proposed_title = title;
        }
        if (status != "scheduled") continue;
        const auto at = parse_datetime(str(i, "chosen_slot"));
        if (!at || *at < now || (best_at && *best_at <= *at)) continue;
        best_at = at;
        best_title = title;
        best_id = id;
        best_where = i.at("online").as_bool() ? "オンライン（かけはしの面接ルーム）" : "対面（" + str(i, "place") + "）";
      }
    }
    Reply r;
    r.kind = "answer";
    r.answered = true;
    if (best_at) {
      r.text = "次の面接は" + format_datetime_ja(*best_at) + "、「" + best_title + "」の面接です。場所：" + best_where + "。";
      r.sources.push_back({{"type", "application"}, {"id", best_id}, {"title", best_title}, {"url", "/applications/" + best_id}});
    } else {
      r.text = "日時の決まった面接はありません。";
    }
    if (!proposed_id.empty()) {
      r.text += "\n「" + proposed_title + "」で面接の候補日時が届いています。応募の画面から日時を選んでください。";
      r.sources.push_back({{"type", "application"}, {"id", proposed_id}, {"title", proposed_title},
                           {"url", "/applications/" + proposed_id}});
    }
    if (r.sources.empty()) r.sources.push_back({{"type", "page"}, {"title", "応募一覧"}, {"url", "/applications"}});
    return r;
  }

  Result<Reply> open_training(const accounts::CurrentUser& user) {
    const auto list = KH_TRY(applications.list(user, std::nullopt));
    Reply r;
    r.kind = "answer";
    r.answered = true;
    std::vector<std::string> lines;
    for (const auto& v : list.at("items").as_array()) {
      const auto& a = v.as_object();
      if (str(a, "stage") != "hired") continue;
      auto detail = applications.get(user, str(a, "id"));
      if (!detail) continue;
      std::vector<std::string> open;
      for (const auto& t : detail->at("training").as_array())
        if (!t.as_object().at("done").as_bool()) open.push_back(str(t.as_object(), "name"));
      if (open.empty()) continue;
      lines.push_back("・" + str(a, "posting_title") + "（" + str(a, "handle") + "）：" + text::join(open, "、"));
      r.sources.push_back({{"type", "application"}, {"id", str(a, "id")}, {"title", str(a, "posting_title")},
                           {"url", "/applications/" + str(a, "id")}});
    }
    if (lines.empty()) {
      r.text = "未完了の研修はありません。採用者の研修（感染管理・医療安全）はすべて記録済みです。";
      r.sources.push_back({{"type", "page"}, {"title", "応募者一覧"}, {"url", "/applications"}});
    } else {
      r.text = "未完了の研修がある採用者は" + std::to_string(lines.size()) + "人です。";
      for (const auto& l : lines) r.text += "\n" + l;
    }
    return r;
  }

  //! The caller's conversation, or 404 (never telling whether someone else's exists).
  Result<repo::Conversation> owned(store::Connection& c, const Caller& caller, const std::string& id) {
    auto found = KH_TRY(repo::find_conversation(c, id));
    if (!found) return fail(errors::not_found("会話が見つかりません。"));
    bool mine = false;
    if (caller.user) mine = found->user_id && *found->user_id == caller.user->user.id;
    else
      mine = !found->user_id && found->secret_digest && caller.secret &&
             crypto::equal_constant_time(*found->secret_digest, crypto::digest(*caller.secret));
    if (!mine) return fail(errors::not_found("会話が見つかりません。"));
    return *found;
  }
};

Service::Service(store::Pool& pool, accounts::Service& accounts, applications::Service& applications, Settings settings)
    : impl_(std::make_unique<Impl>(pool, accounts, applications, std::move(settings))) {}
Service::~Service() = default;

Result<void> Service::ensure_defaults() {
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  if (KH_TRY(repo::synonym_count(c)) > 0) return {};
  auto groups = cr::read_synonyms(embedded_synonyms_json());
  if (!groups) return fail(errors::internal(groups.error()));
  const auto now = now_ms();
  return store::in_transaction(c, [&]() -> Result<void> {
    for (const auto& g : groups->groups) KH_TRY_VOID(repo::insert_synonym_group(c, g, now));
    return {};
  });
}

Result<void> Service::set_phrases(const std::string& faq_id, const std::vector<std::string>& phrases) {
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> { return repo::replace_phrases(c, faq_id, phrases); });
}

Result<Posted> Service::post(const Caller& caller, const bj::object& body) {
  json::FieldReader f(body);
  const auto text = f.required_text("text", "メッセージ", 1000);
  const auto conversation_id = f.optional_string("conversation", "会話", 100);
  KH_TRY_VOID(f.finish());

  const bool logged_in = caller.user && !caller.user->restricted;
  KH_TRY_VOID(accounts::limit_rate(impl_->pool,
      logged_in ? "chat:" + caller.user->user.id : "chat-ip:" + caller.ip, impl_->settings.messages_per_minute, minute_ms,
      "短い時間にたくさんのメッセージが送られたため、一時的に受付を止めています。1分ほどおいてから送ってください。"));

  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  const auto index = KH_TRY(impl_->current_index(c));
  const auto now = now_ms();
  Posted posted;
  repo::Conversation conv;
  bool is_new = false;
  if (conversation_id && !conversation_id->empty()) {
    conv = KH_TRY(impl_->owned(c, caller, *conversation_id));
  } else {
    is_new = true;
    conv.id = crypto::new_id("chat");
    conv.state = "bot";
    conv.context = "{}";
    conv.created_at = now;
    if (caller.user) conv.user_id = caller.user->user.id;
    else {
      std::string secret = caller.secret.value_or("");
      if (secret.size() < 32) {
        secret = crypto::random_token();
        posted.new_secret = secret;
      }
      conv.secret_digest = crypto::digest(secret);
    }
  }

  bj::object context;
  boost::system::error_code parse_error;
  if (auto v = bj::parse(conv.context, parse_error); !parse_error && v.is_object()) context = std::move(v.as_object());

  // The reply: the caller's own data when they ask for it, else the FAQ.
  Reply reply;
  const auto intent = logged_in ? intent_of(cr::normalize(text), caller.user->user.role) : Intent::none;
  if (intent == Intent::application_status) reply = KH_TRY(impl_->application_status(*caller.user));
  else if (intent == Intent::next_interview) reply = KH_TRY(impl_->next_interview(*caller.user));
  else if (intent == Intent::open_training) reply = KH_TRY(impl_->open_training(*caller.user));
  else reply = impl_->from_faq(*index, text, context, conv.failures, logged_in);

  conv.failures = reply.answered ? 0 : conv.failures + 1;
  conv.context = bj::serialize(reply.context);
  conv.updated_at = now;
  bj::object payload{{"sources", reply.sources}, {"choices", reply.choices}};
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    if (is_new) KH_TRY_VOID(repo::insert_conversation(c, conv));
    else KH_TRY_VOID(repo::update_conversation(c, conv));
    KH_TRY_VOID(repo::append_message(c, conv.id, {"", 0, "user", conv.user_id, std::nullopt, text, "{}", now}));
    KH_TRY_VOID(repo::append_message(c, conv.id, {"", 0, "bot", std::nullopt, reply.kind, reply.text, bj::serialize(payload), now}));
    // Reading one's own data through the chat is a disclosure to that person: it leaves the same trace.
    if (intent != Intent::none)
      KH_TRY_VOID(audit::record(c, accounts::actor_of(*caller.user), "chat_own_data", "chat", conv.id,
                                intent == Intent::application_status ? "application_status"
                                : intent == Intent::next_interview   ? "next_interview"
                                                                     : "open_training"));
    return {};
  }));
  posted.body = std::make_shared<bj::object>(bj::object{{"conversation", conv.id}, {"reply", reply_json(reply)}});
  return posted;
}

Result<bj::object> Service::conversation(const Caller& caller, const std::string& id) {
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  const auto conv = KH_TRY(impl_->owned(c, caller, id));
  bj::array items;
  for (const auto& m : KH_TRY(repo::messages(c, conv.id))) {
    bj::object o{{"seq", m.seq}, {"author", m.author}, {"text", m.text}, {"at", format_iso8601_jst(m.created_at)}};
    if (m.kind) {
      o["kind"] = *m.kind;
      boost::system::error_code ec;
      auto p = bj::parse(m.payload, ec);
      if (!ec && p.is_object()) {
        o["sources"] = p.as_object()["sources"];
        o["choices"] = p.as_object()["choices"];
      }
    }
    items.push_back(std::move(o));
  }
  return bj::object{{"id", conv.id}, {"state", conv.state}, {"created_at", format_iso8601_jst(conv.created_at)},
                    {"messages", std::move(items)}};
}

}  // namespace kh::chat
