// The chat's conversation: one message in, one reply out (FAQ answer, choices, question or own-data template).
#include <boost/json.hpp>

#include <algorithm>
#include <map>
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
#include "chat_retrieval/slots.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/log.h"
#include "core/text.h"
#include "core/time.h"
#include "helpdesk/helpdesk.h"
#include "notify/notify.h"
#include "postings/postings.h"
#include "postings/search_index.h"
#include "reference/reference.h"
#include "seekers/seekers.h"
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
  bool saved_wishes = false;  // the seeker's confirmed wishes were written to their profile
  bool handed_over = false;   // the conversation went to a coordinating organisation
  bool silent = false;        // handed over: the user's message is kept, the bot says nothing into the thread
  bool handed_back = false;   // the user took a handed-over conversation back to the bot
  std::string inquiry_id;     // handed to the help desk as this inquiry
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

// --- A seeker's wishes (slot filling) ---

struct SlotQuestion {
  const char* key;
  const char* label;
  const char* question;
  std::vector<std::pair<const char*, const char*>> choices;  // label, text sent back
};

const std::vector<SlotQuestion>& slot_questions() {
  static const std::vector<SlotQuestion> q = {
      {"categories", "職種", "職種・資格を教えてください。（例：「医師」「看護師」）", {}},
      {"employment", "雇用形態", "希望する雇用形態はどれですか？",
       {{"常勤（期間の定めなし）", "常勤"}, {"有期（期間の定めあり）", "有期"}, {"スポット（単発）", "スポット"}}},
      {"period_months", "期間", "どのくらいの期間働きたいですか？（例：「3か月」「半年」）", {}},
      {"start_date", "勤務開始", "いつから働けますか？（例：「来月から」「4月1日から」）", {}},
      {"prefectures", "勤務地", "希望する勤務地の都道府県を教えてください。（例：「栃木」）", {}},
      {"specialties", "診療科", "希望する診療科はありますか？（例：「消化器内科」）", {{"特になし", "特になし"}}},
      {"weekdays", "曜日", "勤務できる曜日を教えてください。（例：「平日」「月曜と水曜」）",
       {{"平日", "平日"}, {"平日と土日", "平日と土日"}, {"特になし", "特になし"}}},
      {"night_duty", "当直・オンコール", "当直・オンコールはできますか？", {{"できる", "できる"}, {"できない", "できない"}}},
      {"career_support", "キャリア支援", "キャリア支援の希望はありますか？",
       {{"専門医取得", "専門医取得"}, {"復職支援", "復職支援"}, {"転科支援", "転科支援"}, {"不要", "不要"}}},
  };
  return q;
}

bj::object wishes_json(const cr::Wishes& w) {
  bj::object o;
  auto list = [](const std::vector<std::string>& v) {
    bj::array a;
    for (const auto& x : v) a.emplace_back(x);
    return a;
  };
  if (w.categories) o["categories"] = list(*w.categories);
  if (w.employment) o["employment"] = *w.employment;
  if (w.period_months) o["period_months"] = *w.period_months;
  if (w.start_date) o["start_date"] = *w.start_date;
  if (w.prefectures) o["prefectures"] = list(*w.prefectures);
  if (w.specialties) o["specialties"] = list(*w.specialties);
  if (w.weekdays) o["weekdays"] = list(*w.weekdays);
  if (w.night_duty) o["night_duty"] = *w.night_duty;
  if (w.career_support) o["career_support"] = *w.career_support;
  return o;
}

cr::Wishes wishes_of(const bj::object& o) {
  cr::Wishes w;
  auto list = [&](std::string_view key) -> std::optional<std::vector<std::string>> {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_array()) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& x : v->as_array())
      if (x.is_string()) out.emplace_back(x.as_string());
    return out;
  };
  w.categories = list("categories");
  if (const auto* v = o.if_contains("employment"); v && v->is_string()) w.employment = std::string(v->as_string());
  if (const auto* v = o.if_contains("period_months"); v && v->is_int64()) w.period_months = static_cast<int>(v->as_int64());
  if (const auto* v = o.if_contains("start_date"); v && v->is_string()) w.start_date = std::string(v->as_string());
  w.prefectures = list("prefectures");
  w.specialties = list("specialties");
  w.weekdays = list("weekdays");
  if (const auto* v = o.if_contains("night_duty"); v && v->is_bool()) w.night_duty = v->as_bool();
  if (const auto* v = o.if_contains("career_support"); v && v->is_string()) w.career_support = std::string(v->as_string());
  return w;
}

bool slot_missing(const cr::Wishes& w, std::string_view key, bool needs_category) {
  if (key == "categories") return needs_category && !w.categories;
  if (key == "employment") return !w.employment;
  if (key == "period_months") return !w.period_months && w.employment && *w.employment != "permanent";
  if (key == "start_date") return !w.start_date;
  if (key == "prefectures") return !w.prefectures;
  if (key == "specialties") return !w.specialties;
  if (key == "weekdays") return !w.weekdays;
  if (key == "night_duty") return !w.night_duty;
  if (key == "career_support") return !w.career_support;
  return false;
}

const char* employment_name(std::string_view code) {
  return code == "permanent" ? "常勤（期間の定めなし）" : code == "fixed_term" ? "有期（期間の定めあり）" : "スポット（単発）";
}
const char* career_name(std::string_view code) {
  return code == "specialist" ? "専門医取得" : code == "return" ? "復職支援" : code == "change" ? "転科支援" : "不要";
}
std::string weekday_names(const std::vector<std::string>& days) {
  static const std::map<std::string, std::string> names = {{"mon", "月"}, {"tue", "火"}, {"wed", "水"}, {"thu", "木"},
                                                           {"fri", "金"}, {"sat", "土"}, {"sun", "日"}};
  std::vector<std::string> out;
  for (const auto& d : days) out.push_back(names.contains(d) ? names.at(d) : d);
  return text::join(out, "・");
}

//! The first `limit` characters of a text (code points, never cutting one), with … when it was longer.
std::string excerpt(std::string_view text, std::size_t limit) {
  std::size_t count = 0, i = 0;
  while (i < text.size() && count < limit) {
    const auto b = static_cast<unsigned char>(text[i]);
    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    ++count;
  }
  if (i >= text.size()) return std::string(text);
  return std::string(text.substr(0, i)) + "…";
}

bool said_any(std::string_view text, std::initializer_list<std::string_view> words) { return contains_any(text, words); }
}  // namespace

std::string_view embedded_faq_json_data();
std::string_view embedded_synonyms_json_data();
std::string_view embedded_faq_json() { return embedded_faq_json_data(); }
std::string_view embedded_synonyms_json() { return embedded_synonyms_json_data(); }

struct Service::Impl {
  store::Pool& pool;
  accounts::Service& accounts;
  applications::Service& applications;
  seekers::Service& seekers;
  postings::Service& postings;
  const postings::SearchIndex& search;
  const reference::Catalogue& catalogue;
  helpdesk::Service& helpdesk;
  Settings settings;
  cr::SlotDictionaries dictionaries;
  std::optional<cr::Analyzer> analyzer;
  std::string analyzer_error;
  std::shared_mutex index_mutex;
  std::shared_ptr<const FaqIndex> index;

  Impl(store::Pool& p, accounts::Service& a, applications::Service& ap, seekers::Service& sk, postings::Service& ps,
       const postings::SearchIndex& si, const reference::Catalogue& cat, helpdesk::Service& hd, Settings s)
      : pool(p), accounts(a), applications(ap), seekers(sk), postings(ps), search(si), catalogue(cat), helpdesk(hd),
        settings(std::move(s)) {
    for (const auto& pref : reference::prefectures()) {
      dictionaries.prefectures.push_back({std::string(pref.name), std::string(pref.code)});
      // 栃木県 is also written 栃木 (北海道 only in full; 京都府 as 京都 is found after 東京都 is blanked).
      const std::string name(pref.name);
      for (const std::string_view suffix : {"県", "府", "都"})
        if (name != "北海道" && name.size() > suffix.size() && name.ends_with(suffix))
          dictionaries.prefectures.push_back({name.substr(0, name.size() - suffix.size()), std::string(pref.code)});
    }
    for (const auto& sp : catalogue.specialties()) dictionaries.specialties.push_back(sp.name);
    for (const auto& c : catalogue.categories()) dictionaries.categories.push_back({c.name, c.code});
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

  //! The slot to ask next, or nullptr when every slot is filled.
  const SlotQuestion* next_question(const cr::Wishes& w, bool needs_category) {
    for (const auto& q : slot_questions())
      if (slot_missing(w, q.key, needs_category)) return &q;
    return nullptr;
  }

  Reply ask_slot(const SlotQuestion& q, const cr::Wishes& w, std::string prefix = {}) {
    Reply r;
    r.kind = "question";
    r.text = prefix + q.question;
    for (const auto& [label, value] : q.choices) r.choices.push_back({{"label", label}, {"value", value}});
    r.sources.push_back({{"type", "page"}, {"title", "希望条件"}, {"url", "/me/profile"}});
    r.answered = true;
    r.context["wishes"] = wishes_json(w);
    r.context["asking"] = q.key;
    return r;
  }

  std::string read_back(const cr::Wishes& w) {
    std::string t;
    auto line = [&](const char* label, const std::string& value) { t += std::string("\n・") + label + "：" + value; };
    if (w.categories) {
      std::vector<std::string> names;
      for (const auto& c : *w.categories)
        if (const auto cat = catalogue.category(c)) names.push_back(cat->name);
      line("職種", text::join(names, "・"));
    }
    if (w.employment) line("雇用形態", employment_name(*w.employment));
    if (w.period_months && (!w.employment || *w.employment != "permanent")) line("期間", std::to_string(*w.period_months) + "か月");
    if (w.start_date) line("勤務開始", format_date_ja(*w.start_date) + "から");
    if (w.prefectures) {
      std::vector<std::string> names;
      for (const auto& code : *w.prefectures)
        if (const auto* p = reference::find_prefecture(code)) names.emplace_back(p->name);
      line("勤務地", text::join(names, "・"));
    }
    if (w.specialties) line("診療科", w.specialties->empty() ? "特になし" : text::join(*w.specialties, "・"));
    if (w.weekdays) line("曜日", w.weekdays->empty() ? "特になし" : weekday_names(*w.weekdays));
    if (w.night_duty) line("当直・オンコール", *w.night_duty ? "できる" : "できない");
    if (w.career_support) line("キャリア支援", career_name(*w.career_support));
    return t;
  }

  Reply confirm(const cr::Wishes& w) {
    Reply r;
    r.kind = "confirm";
    r.text = "次の内容で希望条件を保存します。よろしいですか？" + read_back(w);
    r.choices.push_back({{"label", "はい、保存する"}, {"value", "はい"}});
    r.choices.push_back({{"label", "いいえ、直す"}, {"value", "いいえ"}});
    r.sources.push_back({{"type", "page"}, {"title", "希望条件"}, {"url", "/me/profile"}});
    r.answered = true;
    r.context["wishes"] = wishes_json(w);
    r.context["confirming"] = true;
    return r;
  }

  //! Whether the seeker's profile lacks a job category (then the chat asks for one).
  Result<bool> needs_category(const accounts::CurrentUser& user) {
    const auto profile = KH_TRY(seekers.find(user.user.id));
    if (!profile) return true;
    const auto o = bj::parse(profile->json).as_object();
    const auto* c = o.if_contains("categories");
    return !c || !c->is_array() || c->as_array().empty();
  }

  Result<Reply> continue_wishes(const accounts::CurrentUser& user, std::string_view text, const bj::object& context,
                                bool starting) {
    const std::string t = cr::normalize(text);
    cr::Wishes w = context.contains("wishes") && context.at("wishes").is_object() ? wishes_of(context.at("wishes").as_object()) : cr::Wishes{};
    if (!starting && said_any(t, {"やめる", "やめます", "中止", "キャンセル", "終了"})) {
      Reply r;
      r.kind = "answer";
      r.text = "希望条件の入力をやめました。保存はしていません。";
      r.sources.push_back({{"type", "page"}, {"title", "希望条件"}, {"url", "/me/profile"}});
      r.answered = true;
      return r;
    }
    const bool confirming = context.contains("confirming");
    if (confirming && said_any(t, {"はい", "保存", "お願い", "ok", "それで"}) && !said_any(t, {"いいえ"})) return save_wishes(user, w);
    if (confirming && said_any(t, {"いいえ", "直す", "修正", "違う", "ちがう"})) {
      Reply r;
      r.kind = "question";
      r.text = "直したいところをそのまま書いてください。（例：「期間は6か月」「勤務地は東京」）";
      r.answered = true;
      r.context["wishes"] = wishes_json(w);
      r.context["asking"] = "";
      return r;
    }
    const std::string asked = context.contains("asking") && context.at("asking").is_string() ? std::string(context.at("asking").as_string()) : "";
    const auto today_ms = now_ms() + 9 * 3600 * 1000LL;  // Japan time
    const auto days = today_ms / 86'400'000;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    const auto z = days + 719468;
    const auto era = z / 146097;
    const auto doe = z - era * 146097;
    const auto yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const auto doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const auto mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    const auto heard = cr::read_wishes(*analyzer, text, dictionaries, {y, m, d}, asked);
    w.merge(heard);
    const bool category = KH_TRY(needs_category(user));
    if (const auto* q = next_question(w, category)) {
      std::string prefix;
      if (heard.filled() == 0 && !starting) prefix = "すみません、読み取れませんでした。（「やめる」と送ると中断します）\n";
      else if (heard.filled() > 0) prefix = "承知しました。" + read_back(heard) + "\n";
      return ask_slot(*q, w, prefix);
    }
    return confirm(w);
  }

  Result<Reply> save_wishes(const accounts::CurrentUser& user, const cr::Wishes& w) {
    const auto existing = KH_TRY(seekers.find(user.user.id));
    bj::object p = existing ? bj::parse(existing->json).as_object() : bj::object{{"name", user.user.display_name}, {"notify", "immediate"}};
    auto list = [](const std::vector<std::string>& v) {
      bj::array a;
      for (const auto& x : v) a.emplace_back(x);
      return a;
    };
    if (w.categories) p["categories"] = list(*w.categories);
    if (w.employment) p["employment"] = bj::array{bj::string(*w.employment)};
    if (w.period_months && w.employment && *w.employment != "permanent") p["period_months_max"] = *w.period_months;
    if (w.start_date) p["available_from"] = *w.start_date;
    if (w.prefectures) {
      p["prefectures"] = list(*w.prefectures);
      p["areas"] = bj::array{};  // areas belong to the prefectures chosen before
    }
    if (w.specialties) p["specialties"] = list(*w.specialties);
    if (w.weekdays) p["weekdays"] = list(*w.weekdays);
    if (w.night_duty) p["night_duty"] = *w.night_duty;
    if (w.career_support) p["career_support"] = *w.career_support;
    auto saved = seekers.save(user, p);
    if (!saved) {
      Reply r;
      r.kind = "question";
      r.text = "保存できませんでした：" + saved.error().message;
      for (const auto& [field, message] : saved.error().fields) r.text += "\n・" + message;
      r.text += "\n希望条件の画面で直してください。";
      r.sources.push_back({{"type", "page"}, {"title", "希望条件"}, {"url", "/me/profile"}});
      r.answered = true;
      return r;
    }
    Reply r;
    r.kind = "answer";
    r.answered = true;
    r.saved_wishes = true;
    r.text = "希望条件を保存しました。";
    r.sources.push_back({{"type", "page"}, {"title", "希望条件"}, {"url", "/me/profile"}});
    // Proposals through the posting list's own search and masking: the same index, the same disclosure rule.
    postings::SearchQuery q;
    if (w.prefectures && !w.prefectures->empty()) q.prefecture = w.prefectures->front();
    if (w.employment) q.employment = *w.employment;
    const auto categories = bj::parse(saved->json).as_object().at("categories").as_array();
    if (!categories.empty()) q.category = std::string(categories.front().as_string());
    if (w.start_date) q.start_from = *w.start_date;
    q.sort = "start_date";
    q.per_page = 3;
    auto found = search.search(q);
    if (w.specialties && !w.specialties->empty()) {
      auto narrower = q;
      narrower.specialty = w.specialties->front();
      if (auto n = search.search(narrower); n.total > 0) found = std::move(n);
    }
    if (found.total == 0) {
      r.text += "\n今の条件に合う公開中の求人はまだありません。条件に合う求人が登録されるとお知らせします。";
      return r;
    }
    r.text += "\n条件に合う公開中の求人" + std::to_string(found.total) + "件のうち、勤務開始の早い順に" +
              std::to_string(found.items.size()) + "件をご紹介します。";
    for (const auto& posting : found.items) {
      const auto shown = postings::to_json(posting, postings.disclosure(posting, &user), catalogue);
      const auto& wp = shown.at("workplace").as_object();
      const auto* pref = reference::find_prefecture(std::string(wp.at("prefecture").as_string()));
      r.text += "\n・" + str(shown, "title") + "（" + (pref ? std::string(pref->name) : std::string()) + "、" +
                employment_name(str(shown, "employment")) + "、" + format_date_ja(str(shown, "start_date")) + "開始）";
      r.sources.push_back({{"type", "posting"}, {"id", str(shown, "id")}, {"title", str(shown, "title")},
                           {"url", "/postings/" + str(shown, "id")}});
    }
    return r;
  }

  //! When the FAQ has no answer: the announcements the caller may read (the help desk's own audience rule), by
  //! title; a confident match answers with the announcement's text and a link to it.
  std::optional<Reply> from_announcements(const accounts::CurrentUser* viewer, std::string_view text) {
    auto list = helpdesk.list_announcements(viewer);
    if (!list) return std::nullopt;
    std::vector<cr::Entry> entries;
    for (const auto& v : list->at("items").as_array())
      entries.push_back({str(v.as_object(), "id"), {str(v.as_object(), "title")}, ""});
    if (entries.empty()) return std::nullopt;
    const cr::Retriever retriever(*analyzer, cr::Synonyms{}, std::move(entries));
    const auto decision = retriever.ask(text);
    if (decision.outcome != cr::Outcome::answer) return std::nullopt;
    const auto id = retriever.entry(decision.candidates[0].entry).id;
    auto a = helpdesk.announcement(viewer, id);
    if (!a) return std::nullopt;
    Reply r;
    r.kind = "answer";
    r.answered = true;
    r.text = "お知らせ「" + str(*a, "title") + "」より：\n" + str(*a, "body");
    r.sources.push_back({{"type", "announcement"}, {"id", id}, {"title", str(*a, "title")}, {"url", "/announcements/" + id}});
    return r;
  }

  //! The transcript as plain text (for a help-desk inquiry).
  Result<std::string> transcript(store::Connection& c, const std::string& conversation_id, std::string_view last) {
    std::string t;
    for (const auto& m : KH_TRY(repo::messages(c, conversation_id)))
      t += (m.author == "user" ? "利用者：" : m.author == "bot" ? "自動応答：" : "担当者：") + m.text + "\n";
    t += "利用者：" + std::string(last) + "\n";
    if (text::length(t) > 3800) {
      // Keep the end: the latest exchange is what the person wants answered.
      icu_safe_tail(t, 3800);
    }
    return t;
  }

  static void icu_safe_tail(std::string& t, std::size_t chars) {
    std::size_t count = 0, i = t.size();
    while (i > 0 && count < chars) {
      --i;
      if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) ++count;
    }
    t = "…" + t.substr(i);
  }

  //! Hands the conversation to the coordinators covering a seeker, or turns it into a help-desk inquiry.
  Result<Reply> hand_over(store::Connection& c, const accounts::CurrentUser& user, repo::Conversation& conv,
                          std::string_view text, std::string_view why) {
    std::optional<accounts::Organisation> org;
    if (user.user.role == accounts::Role::seeker) {
      const auto profile = KH_TRY(seekers.find(user.user.id));
      if (profile) {
        const auto p = bj::parse(profile->json).as_object();
        const auto& prefs = p.at("prefectures").as_array();
        const auto& cats = p.at("categories").as_array();
        if (!prefs.empty() && !cats.empty()) {
          const std::string pref(prefs.front().as_string()), cat(cats.front().as_string());
          for (const auto& o : KH_TRY(accounts.list_organisations()))
            if (o.kind == accounts::OrgKind::coordinator_org && accounts::covers(o, pref, cat)) {
              org = o;
              break;
            }
        }
      }
    }
    Reply r;
    r.kind = "handover";
    r.answered = true;
    if (org) {
      conv.state = "handed_over";
      conv.handover_org_id = org->id;
      conv.handed_over_at = now_ms();
      r.text = std::string(why) + "担当のコーディネーター（" + org->name +
               "）に引き継ぎました。この画面で返信をお待ちください。自動応答に戻すには「ボットに戻す」と送ってください。";
      r.handed_over = true;
      return r;
    }
    auto inquiry = helpdesk.create_inquiry(user, bj::object{{"subject", "チャットからのご相談"},
                                                              {"body", KH_TRY(transcript(c, conv.id, text))},
                                                              {"category", "other"}});
    if (!inquiry) return fail(inquiry.error());
    const std::string id(inquiry->at("id").as_string());
    r.inquiry_id = id;
    r.text = std::string(why) + "事務局へのお問合せとして受け付けました。回答はお問合せの画面とメールでお知らせします。";
    r.sources.push_back({{"type", "page"}, {"title", "お問合せ：チャットからのご相談"}, {"url", "/helpdesk/" + id}});
    return r;
  }

  // --- Notices (issue 16): the staff a conversation goes to, and the user when staff answer. ---

  //! Every active member of the organisation the conversation was handed to: in the app, and by mail per their
  //! own choice. Never anyone of another organisation.
  //! Who hears of a handover, read before the transaction that writes the notices: the active coordinators of the
  //! organisation it went to, or the active secretariat when it went to the help desk.
  Result<std::vector<accounts::User>> recipients(const std::optional<std::string>& organisation_id) {
    std::vector<accounts::User> out, all;
    if (organisation_id) all = KH_TRY(accounts.members_of(*organisation_id));
    else all = KH_TRY(accounts.list_users());
    for (auto& u : all) {
      if (u.status != "active") continue;
      if (organisation_id ? u.role == accounts::Role::coordinator : u.role == accounts::Role::secretariat) out.push_back(std::move(u));
    }
    return out;
  }

  Result<void> notify_handover(store::Connection& c, const repo::Conversation& conv, const std::vector<accounts::User>& staff) {
    const std::string stamp = std::to_string(conv.handed_over_at.value_or(0));
    for (const auto& u : staff) {
      KH_TRY(notify::insert_for_staff(c, u, {{}, u.id, "chat_handover", "チャットの引き継ぎがあります",
                                              "自動応答チャットの利用者が担当者との会話を希望しています。引き継ぎ一覧から会話を確認して返信してください。",
                                              "/coordination/chat#" + conv.id, 0, {}},
                                      "chat_handover:" + conv.id + ":" + stamp + ":" + u.id, accounts.settings().public_url));
    }
    return {};
  }

  //! A conversation that went to the help desk: every active member of the secretariat, linking to the inquiry.
  Result<void> notify_inquiry(store::Connection& c, const std::string& inquiry_id, const std::vector<accounts::User>& staff) {
    for (const auto& u : staff) {
      KH_TRY(notify::insert_for_staff(c, u, {{}, u.id, "chat_handover", "チャットからのお問合せがあります",
                                              "自動応答チャットで答えられなかったご相談が、お問合せとして届きました。",
                                              "/helpdesk/" + inquiry_id, 0, {}},
                                      "chat_inquiry:" + inquiry_id + ":" + u.id, accounts.settings().public_url));
    }
    return {};
  }

  //! The user took the conversation back to the bot: the coordinators' queue item closes, and they hear of it
  //! (in the app only; the handovers page follows it live).
  Result<void> notify_handed_back(store::Connection& c, const repo::Conversation& conv, const std::vector<accounts::User>& staff) {
    const std::string stamp = std::to_string(conv.handed_over_at.value_or(0));
    for (const auto& u : staff) {
      KH_TRY(notify::insert(c, {{}, u.id, "chat_handover_closed", "チャットの引き継ぎが終了しました",
                                "利用者が会話を自動応答に戻しました。この引き継ぎへの返信は不要です。", "/coordination/chat#" + conv.id, 0, {}},
                            "chat_handed_back:" + conv.id + ":" + stamp + ":" + u.id, notify::MailState::none));
    }
    return {};
  }

  //! Whether the caller may read a conversation: its owner; once handed over, its organisation's coordinators
  //! and the secretariat.
  static bool staff_of(const accounts::CurrentUser& u, const repo::Conversation& conv) {
    if (!conv.handover_org_id) return false;
    if (u.user.role == accounts::Role::secretariat) return true;
    if (u.user.role != accounts::Role::coordinator) return false;
    return std::any_of(u.user.organisations.begin(), u.user.organisations.end(),
                       [&](const auto& o) { return o.id == *conv.handover_org_id; });
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

Service::Service(store::Pool& pool, accounts::Service& accounts, applications::Service& applications,
                 seekers::Service& seekers, postings::Service& postings, const postings::SearchIndex& search,
                 const reference::Catalogue& catalogue, helpdesk::Service& helpdesk, Settings settings)
    : impl_(std::make_unique<Impl>(pool, accounts, applications, seekers, postings, search, catalogue, helpdesk,
                                   std::move(settings))) {}
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
  const bool seeker = logged_in && caller.user->user.role == accounts::Role::seeker;
  const std::string folded_text = cr::normalize(text);
  const bool wants_person = logged_in && contains_any(folded_text, {"担当者と話", "担当者に相談", "人と話", "人間と話", "オペレーター",
                                                                   "コーディネーターと話", "コーディネーターに相談", "有人"});
  const bool wants_bot = contains_any(folded_text, {"ボットに戻", "自動応答に戻"});
  if (conv.state == "handed_over") {
    if (wants_bot) {
      conv.state = "bot";
      reply.kind = "answer";
      reply.text = "自動応答に戻しました。ご質問をどうぞ。担当者とのやり取りはこの会話に残っています。";
      reply.answered = true;
      reply.handed_back = true;
    } else {
      reply.kind = "handover";
      reply.text = "担当者に引き継いでいます。担当者からの返信をこの画面でお待ちください。（自動応答に戻すには「ボットに戻す」）";
      reply.answered = true;
      reply.silent = true;
    }
  }
  const std::string normalized = cr::normalize(text);
  auto intent = logged_in ? intent_of(normalized, caller.user->user.role) : Intent::none;
  // A seeker's wishes: while they are being collected, every message answers them; they start when the seeker
  // asks to register conditions, or says two or more of them at once (「来月から3か月、栃木で消化器内科」).
  bool wishes = seeker && (context.contains("wishes"));
  bool starting = false;
  if (seeker && !wishes && intent == Intent::none) {
    const bool asks = contains_any(normalized, {"希望条件", "条件を", "希望を", "仕事を探", "働きたい"}) &&
                      contains_any(normalized, {"登録", "伝え", "設定", "変更", "変え", "入力", "相談", "更新", "したい", "探", "働きたい"});
    // Two conditions of the work itself (not 「循環器内科専門医を取得できますか」, a question for the FAQ).
    bool says = false;
    if (impl_->analyzer) {
      const auto heard = cr::read_wishes(*impl_->analyzer, text, impl_->dictionaries, {2026, 1, 1});
      says = int(heard.period_months.has_value()) + int(heard.start_date.has_value()) + int(heard.prefectures.has_value()) +
                 int(heard.weekdays.has_value()) + int(heard.night_duty.has_value()) >= 2;
    }
    wishes = starting = asks || says;
  }
  if (wishes) intent = Intent::none;
  if (conv.state == "handed_over" || !reply.kind.empty()) {
    // answered above (handed over, or just handed back)
  } else if (wants_person) {
    reply = KH_TRY(impl_->hand_over(c, *caller.user, conv, text, ""));
  } else if (wishes) reply = KH_TRY(impl_->continue_wishes(*caller.user, text, starting ? bj::object{} : context, starting));
  else if (intent == Intent::application_status) reply = KH_TRY(impl_->application_status(*caller.user));
  else if (intent == Intent::next_interview) reply = KH_TRY(impl_->next_interview(*caller.user));
  else if (intent == Intent::open_training) reply = KH_TRY(impl_->open_training(*caller.user));
  else {
    reply = impl_->from_faq(*index, text, context, conv.failures, logged_in);
    // Choices mean the FAQ is unsure; an announcement whose title the question matches confidently is the better
    // reply then too (「感染対策補助金の申請期限は？」 should not be offered the FAQ's 研修 entries).
    if (reply.kind != "answer")
      if (auto announced = impl_->from_announcements(logged_in ? caller.user : nullptr, text)) reply = std::move(*announced);
    // A second question in a row the bot cannot answer goes to a person (logged-in users; visitors are asked to log in).
    if (!reply.answered && conv.failures >= 1 && logged_in)
      reply = KH_TRY(impl_->hand_over(c, *caller.user, conv, text, "お答えできなかったため、"));
  }

  conv.failures = reply.answered ? 0 : conv.failures + 1;
  conv.context = bj::serialize(reply.context);
  conv.updated_at = now;
  bj::object payload{{"sources", reply.sources}, {"choices", reply.choices}};
  std::vector<accounts::User> staff;
  if ((reply.handed_over || reply.handed_back || reply.silent) && conv.handover_org_id)
    staff = KH_TRY(impl_->recipients(conv.handover_org_id));
  else if (!reply.inquiry_id.empty()) staff = KH_TRY(impl_->recipients(std::nullopt));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    if (is_new) KH_TRY_VOID(repo::insert_conversation(c, conv));
    else KH_TRY_VOID(repo::update_conversation(c, conv));
    const auto user_message = crypto::new_id("cm");
    KH_TRY_VOID(repo::append_message(c, conv.id, {user_message, 0, "user", conv.user_id, std::nullopt, text, "{}", now}));
    // While handed over, the user's messages go to the coordinators: each is a notice (in the app only), so the
    // handovers page follows the thread live.
    if (reply.silent)
      for (const auto& u : staff)
        KH_TRY(notify::insert(c, {{}, u.id, "chat_message", "チャットに利用者からメッセージがあります", excerpt(text, 60),
                                  "/coordination/chat#" + conv.id, 0, {}},
                              "chat_message:" + user_message + ":" + u.id, notify::MailState::none));
    if (!reply.silent)
      KH_TRY_VOID(repo::append_message(c, conv.id, {"", 0, "bot", std::nullopt, reply.kind, reply.text, bj::serialize(payload), now}));
    if (reply.handed_over) {
      KH_TRY_VOID(audit::record(c, accounts::actor_of(*caller.user), "chat_handed_over", "chat", conv.id, *conv.handover_org_id));
      KH_TRY_VOID(impl_->notify_handover(c, conv, staff));
    }
    if (!reply.inquiry_id.empty()) KH_TRY_VOID(impl_->notify_inquiry(c, reply.inquiry_id, staff));
    if (reply.handed_back) KH_TRY_VOID(impl_->notify_handed_back(c, conv, staff));
    if (reply.saved_wishes) KH_TRY_VOID(audit::record(c, accounts::actor_of(*caller.user), "chat_wishes_saved", "user", caller.user->user.id, conv.id));
    // Reading one's own data through the chat is a disclosure to that person: it leaves the same trace.
    if (intent != Intent::none)
      KH_TRY_VOID(audit::record(c, accounts::actor_of(*caller.user), "chat_own_data", "chat", conv.id,
                                intent == Intent::application_status ? "application_status"
                                : intent == Intent::next_interview   ? "next_interview"
                                                                     : "open_training"));
    return {};
  }));
  posted.body = std::make_shared<bj::object>(
      bj::object{{"conversation", conv.id}, {"state", conv.state}, {"reply", reply_json(reply)}});
  return posted;
}

Result<bj::object> Service::conversation(const Caller& caller, const std::string& id) {
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  auto found = KH_TRY(repo::find_conversation(c, id));
  repo::Conversation conv;
  if (found && caller.user && Impl::staff_of(*caller.user, *found)) conv = *found;
  else conv = KH_TRY(impl_->owned(c, caller, id));
  return render(c, conv);
}

bj::object Service::render_message(const repo::Message& m) {
  bj::object o{{"seq", m.seq}, {"author", m.author}, {"text", m.text}, {"at", format_iso8601_jst(m.created_at)}};
  if (m.kind) o["kind"] = *m.kind;
  boost::system::error_code ec;
  auto p = bj::parse(m.payload, ec);
  if (!ec && p.is_object()) {
    if (const auto* v = p.as_object().if_contains("sources")) o["sources"] = *v;
    if (const auto* v = p.as_object().if_contains("choices")) o["choices"] = *v;
    // A coordinator's message names them and their organisation (never a login ID).
    if (const auto* v = p.as_object().if_contains("by")) o["by"] = *v;
  }
  return o;
}

Result<bj::object> Service::render(store::Connection& c, const repo::Conversation& conv) {
  bj::array items;
  for (const auto& m : KH_TRY(repo::messages(c, conv.id))) items.push_back(render_message(m));
  bj::object o{{"id", conv.id}, {"state", conv.state}, {"created_at", format_iso8601_jst(conv.created_at)},
               {"messages", std::move(items)}};
  if (conv.handover_org_id) {
    for (const auto& org : KH_TRY(impl_->accounts.list_organisations()))
      if (org.id == *conv.handover_org_id) o["handed_to"] = bj::object{{"id", org.id}, {"name", org.name}};
    if (conv.handed_over_at) o["handed_over_at"] = format_iso8601_jst(*conv.handed_over_at);
  }
  return o;
}

Result<bj::object> Service::handovers(const accounts::CurrentUser& staff) {
  if (staff.user.role != accounts::Role::coordinator && staff.user.role != accounts::Role::secretariat)
    return fail(errors::forbidden("チャットの引き継ぎはコーディネーターと事務局が扱います。"));
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  std::vector<std::string> orgs;
  for (const auto& o : staff.user.organisations) orgs.push_back(o.id);
  bj::array items;
  for (const auto& conv : KH_TRY(repo::handovers(c, orgs, staff.user.role == accounts::Role::secretariat))) {
    auto o = KH_TRY(render(c, conv));
    // Who is asking: the seeker handed the conversation to these coordinators, so they see the name they gave.
    std::string name;
    if (conv.user_id)
      if (const auto profile = KH_TRY(impl_->seekers.find(*conv.user_id)))
        if (const auto n = seekers::profile_name(*profile)) name = *n;
    o["asker"] = name;
    bj::object ctx;
    boost::system::error_code ec;
    if (auto v = bj::parse(conv.context, ec); !ec && v.is_object()) ctx = v.as_object();
    o["wishes"] = ctx.contains("wishes") ? ctx.at("wishes") : bj::value(bj::object{});
    items.push_back(std::move(o));
  }
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

Result<bj::object> Service::staff_reply(const accounts::CurrentUser& staff, const std::string& id, const bj::object& body) {
  json::FieldReader f(body);
  const auto text = f.required_text("text", "メッセージ", 1000);
  KH_TRY_VOID(f.finish());
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  const auto found = KH_TRY(repo::find_conversation(c, id));
  if (!found || !Impl::staff_of(staff, *found)) return fail(errors::not_found("会話が見つかりません。"));
  if (found->state != "handed_over")
    return fail(errors::conflict("chat_not_handed_over", "この会話は自動応答に戻されています。返信するには、利用者がもう一度担当者を呼ぶ必要があります。"));
  std::string org_name;
  for (const auto& o : staff.user.organisations)
    if (o.id == *found->handover_org_id) org_name = o.name;
  if (org_name.empty() && !staff.user.organisations.empty()) org_name = staff.user.organisations.front().name;
  const std::string by = staff.user.display_name + (org_name.empty() ? "" : "（" + org_name + "）");
  auto conv = *found;
  conv.updated_at = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::update_conversation(c, conv));
    const auto message_id = crypto::new_id("cm");
    KH_TRY_VOID(repo::append_message(c, conv.id, {message_id, 0, "staff", staff.user.id, std::nullopt, text,
                                                  bj::serialize(bj::object{{"by", by}}), conv.updated_at}));
    // The user hears of it in the app, live: the link opens the chat panel on this conversation.
    if (conv.user_id)
      KH_TRY(notify::insert(c, {{}, *conv.user_id, "chat_reply", "チャットに担当者から返信がありました",
                                by + "：" + excerpt(text, 60),
                                "/?chat=" + conv.id, 0, {}},
                            "chat_reply:" + message_id, notify::MailState::none));
    return audit::record(c, accounts::actor_of(staff), "chat_staff_reply", "chat", conv.id);
  }));
  return render(c, conv);
}

// --- The chat's dictionary (the secretariat's) ---

namespace {
Result<void> secretariat_only(const accounts::CurrentUser& user) {
  if (user.user.role != accounts::Role::secretariat)
    return fail(errors::forbidden("チャットの辞書（同義語・言い換え）は事務局が編集します。"));
  return {};
}

bj::array string_array(const std::vector<std::string>& v) {
  bj::array a;
  for (const auto& x : v) a.emplace_back(x);
  return a;
}

bj::object synonym_json(const repo::SynonymRow& r) {
  return {{"id", r.id}, {"terms", string_array(r.terms)}, {"updated_at", format_iso8601_jst(r.updated_at)}};
}

//! A list of strings from the body, each trimmed, one line, `min_chars`–`max_chars`, `min_items`–`max_items` of
//! them; the messages name the field in Japanese.
Result<std::vector<std::string>> read_list(const bj::object& body, std::string_view key, std::string_view label,
                                           std::size_t min_items, std::size_t max_items, std::size_t min_chars,
                                           std::size_t max_chars) {
  json::FieldReader f(body);
  const auto list = f.optional_string_list(key, label, max_items);
  KH_TRY_VOID(f.finish());
  const auto refuse = [&](std::string message) {
    return fail(errors::validation({{std::string(key), std::move(message)}}));
  };
  if (!list) return refuse("「" + std::string(label) + "」を入力してください。");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto t = text::trim((*list)[i]);
    const auto n = text::length(t);
    const std::string which = "「" + std::string(label) + "」の" + std::to_string(i + 1) + "番目";
    if (text::has_forbidden_characters(t, text::Lines::single) || t.find('\n') != std::string::npos)
      return refuse(which + "に使えない文字が含まれています。");
    if (n < min_chars || n > max_chars)
      return refuse(which + "は" + std::to_string(min_chars) + "〜" + std::to_string(max_chars) + "文字で入力してください。");
    out.push_back(t);
  }
  if (out.size() < min_items || out.size() > max_items)
    return refuse("「" + std::string(label) + "」は" + std::to_string(min_items) + "〜" + std::to_string(max_items) +
                  "件で入力してください。");
  return out;
}
}  // namespace

//! The terms of a group, checked against each other and every other group: NFKC and case folded, a term may be in
//! one group only (the rewriting would otherwise depend on the order of the groups).
static Result<std::vector<std::string>> checked_terms(store::Connection& c, const bj::object& body,
                                                      const std::optional<std::string>& editing) {
  auto terms = KH_TRY(read_list(body, "terms", "同義語", 2, 20, 1, 40));
  std::map<std::string, std::string> seen;
  for (const auto& t : terms) {
    const auto key = cr::normalize(t);
    if (const auto it = seen.find(key); it != seen.end())
      return fail(errors::validation({{"terms", "「" + t + "」と「" + it->second + "」は同じ語です。1つにしてください。"}}));
    seen[key] = t;
  }
  for (const auto& row : KH_TRY(repo::synonym_rows(c))) {
    if (editing && row.id == *editing) continue;
    for (const auto& other : row.terms)
      if (const auto it = seen.find(cr::normalize(other)); it != seen.end())
        return fail(errors::validation({{"terms", "「" + it->second + "」はすでに別の同義語グループ（" + text::join(row.terms, "・") +
                                                      "）にあります。1つの語は1つのグループにだけ入れられます。"}}));
  }
  return terms;
}

Result<bj::object> Service::synonyms(const accounts::CurrentUser& user) {
  KH_TRY_VOID(secretariat_only(user));
  auto lease = KH_TRY(impl_->pool.acquire());
  bj::array items;
  for (const auto& r : KH_TRY(repo::synonym_rows(*lease))) items.push_back(synonym_json(r));
  const auto total = items.size();
  return bj::object{{"items", std::move(items)}, {"total", total}};
}

Result<bj::object> Service::create_synonym(const accounts::CurrentUser& user, const bj::object& body) {
  KH_TRY_VOID(secretariat_only(user));
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  repo::SynonymRow row;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    row.terms = KH_TRY(checked_terms(c, body, std::nullopt));
    row.updated_at = KH_TRY(repo::next_synonym_time(c, now_ms()));
    row.id = KH_TRY(repo::create_synonym_group(c, row.terms, row.updated_at));
    return audit::record(c, accounts::actor_of(user), "chat_synonym_created", "chat_synonym", row.id, text::join(row.terms, "・"));
  }));
  return synonym_json(row);
}

Result<bj::object> Service::update_synonym(const accounts::CurrentUser& user, const std::string& id, const bj::object& body) {
  KH_TRY_VOID(secretariat_only(user));
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  repo::SynonymRow row{id, {}, 0};
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    row.terms = KH_TRY(checked_terms(c, body, id));
    row.updated_at = KH_TRY(repo::next_synonym_time(c, now_ms()));
    if (!KH_TRY(repo::update_synonym_group(c, id, row.terms, row.updated_at)))
      return fail(errors::not_found("同義語グループが見つかりません。"));
    return audit::record(c, accounts::actor_of(user), "chat_synonym_updated", "chat_synonym", id, text::join(row.terms, "・"));
  }));
  return synonym_json(row);
}

Result<void> Service::delete_synonym(const accounts::CurrentUser& user, const std::string& id) {
  KH_TRY_VOID(secretariat_only(user));
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> {
    std::string was;
    for (const auto& r : KH_TRY(repo::synonym_rows(c)))
      if (r.id == id) was = text::join(r.terms, "・");
    if (!KH_TRY(repo::delete_synonym_group(c, id))) return fail(errors::not_found("同義語グループが見つかりません。"));
    return audit::record(c, accounts::actor_of(user), "chat_synonym_deleted", "chat_synonym", id, was);
  });
}

Result<bj::object> Service::phrases(const accounts::CurrentUser& user, const std::string& faq_id) {
  KH_TRY_VOID(secretariat_only(user));
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  const auto question = KH_TRY(repo::faq_question(c, faq_id));
  if (!question) return fail(errors::not_found("FAQの記事が見つかりません。"));
  return bj::object{{"faq_id", faq_id}, {"question", *question}, {"phrases", string_array(KH_TRY(repo::phrases_of(c, faq_id)))}};
}

Result<bj::object> Service::put_phrases(const accounts::CurrentUser& user, const std::string& faq_id, const bj::object& body) {
  KH_TRY_VOID(secretariat_only(user));
  auto lease = KH_TRY(impl_->pool.acquire());
  auto& c = *lease;
  const auto question = KH_TRY(repo::faq_question(c, faq_id));
  if (!question) return fail(errors::not_found("FAQの記事が見つかりません。"));
  auto phrases = KH_TRY(read_list(body, "phrases", "言い換え", 0, 30, 2, 200));
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::replace_phrases(c, faq_id, phrases));
    return audit::record(c, accounts::actor_of(user), "chat_phrases_updated", "faq", faq_id,
                         std::to_string(phrases.size()) + "件");
  }));
  return bj::object{{"faq_id", faq_id}, {"question", *question}, {"phrases", string_array(phrases)}};
}

Result<bj::object> Service::try_text(const accounts::CurrentUser& user, const bj::object& body) {
  KH_TRY_VOID(secretariat_only(user));
  json::FieldReader f(body);
  const auto text = f.required_text("text", "質問", 1000);
  KH_TRY_VOID(f.finish());
  auto lease = KH_TRY(impl_->pool.acquire());
  const auto index = KH_TRY(impl_->current_index(*lease));
  const auto decision = index->retriever->ask(text);
  bj::array top;
  for (const auto& h : index->retriever->search(text, cr::Channel::fused, 3)) {
    const auto& row = index->rows.at(static_cast<std::size_t>(h.entry));
    top.push_back({{"faq_id", row.id}, {"question", row.question}, {"url", "/faq/" + row.id}, {"fused", h.score},
                   {"words", h.words}, {"bigrams", h.bigrams}});
  }
  const char* outcome = decision.outcome == cr::Outcome::answer ? "answer" : decision.outcome == cr::Outcome::choices ? "choices" : "rephrase";
  bj::array chosen;
  for (const auto& h : decision.candidates) chosen.emplace_back(index->rows.at(static_cast<std::size_t>(h.entry)).id);
  return bj::object{{"decision", outcome}, {"candidates", std::move(chosen)}, {"top", std::move(top)},
                    {"read_as", index->retriever->synonyms().rewrite(cr::normalize(text))}};
}

}  // namespace kh::chat
