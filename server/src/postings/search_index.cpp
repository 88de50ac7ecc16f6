#include "postings/search_index.h"

#include <algorithm>
#include <mutex>

#include "core/text.h"
#include "core/time.h"
#include "reference/reference.h"

namespace kh::postings {

SearchIndex::Entry SearchIndex::make_entry(const Posting& p) const {
  std::string text = p.title + "\n" + p.duties + "\n" + p.requirements.value_or("") + "\n" + p.pay.value_or("") +
                     "\n" + p.benefits.value_or("") + "\n" + p.hours.value_or("") + "\n" + p.specialty.value_or("");
  if (auto c = catalogue_.category(p.category)) text += "\n" + c->name;
  if (const auto* pref = reference::find_prefecture(p.workplace.prefecture)) text += "\n" + std::string(pref->name);
  if (!p.masked) {
    if (p.workplace.area)
      if (auto a = catalogue_.area(*p.workplace.area)) text += "\n" + a->name;
    // Only an unmasked posting is findable by its facility and address.
    text += "\n" + p.facility_name + "\n" + p.workplace.street + "\n" + p.workplace.building.value_or("");
    if (auto m = catalogue_.municipality(p.workplace.municipality)) text += "\n" + m->name;
  }
  return {p, text::fold(text)};
}

void SearchIndex::rebuild(std::vector<Posting> published) {
  std::unordered_map<std::string, Entry> fresh;
  for (auto& p : published)
    if (p.status == "published") fresh.emplace(p.id, make_entry(p));
  std::unique_lock lock(mutex_);
  entries_ = std::move(fresh);
  touch();
}

void SearchIndex::upsert(const Posting& p) {
  if (p.status != "published") return remove(p.id);
  auto entry = make_entry(p);
  std::unique_lock lock(mutex_);
  entries_.insert_or_assign(p.id, std::move(entry));
  touch();
}

void SearchIndex::remove(const std::string& id) {
  std::unique_lock lock(mutex_);
  if (entries_.erase(id) > 0) touch();
}

std::size_t SearchIndex::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

SearchResult SearchIndex::search(const SearchQuery& q) const {
  // Terms are separated by spaces of any width; every term must occur (AND).
  std::vector<std::string> terms;
  {
    const std::string folded = text::fold(q.q);
    std::size_t start = 0;
    while (start < folded.size()) {
      auto end = folded.find(' ', start);
      if (end == std::string::npos) end = folded.size();
      if (end > start) terms.push_back(folded.substr(start, end - start));
      start = end + 1;
    }
  }
  std::optional<std::string> specialty_basic;
  if (q.specialty)
    if (auto s = catalogue_.specialty(*q.specialty); s && s->name == s->basic_area) specialty_basic = s->name;

  std::vector<const Posting*> hits;
  SearchResult result;
  std::shared_lock lock(mutex_);
  for (const auto& [_, e] : entries_) {
    const auto& p = e.posting;
    if (q.category && p.category != *q.category) continue;
    if (q.prefecture && p.workplace.prefecture != *q.prefecture) continue;
    // A masked posting's area is hidden (it can pin down the municipality), so the area filter never finds one.
    if (q.area && (p.masked || p.workplace.area != *q.area)) continue;
    if (q.employment && p.employment != *q.employment) continue;
    if (q.urgency && p.urgency != *q.urgency) continue;
    if (q.start_from && p.start_date < *q.start_from) continue;
    if (q.start_to && p.start_date > *q.start_to) continue;
    if (q.specialty) {
      // A basic area (内科) also finds its subspecialties (消化器内科 …).
      bool ok = p.specialty == *q.specialty;
      if (!ok && specialty_basic && p.specialty)
        if (auto s = catalogue_.specialty(*p.specialty)) ok = s->basic_area == *specialty_basic;
      if (!ok) continue;
    }
    bool all = true;
    for (const auto& t : terms)
      if (e.text.find(t) == std::string::npos) { all = false; break; }
    if (!all) continue;
    hits.push_back(&p);
    ++result.facets["category"][p.category];
    ++result.facets["prefecture"][p.workplace.prefecture];
    ++result.facets["employment"][p.employment];
    ++result.facets["urgency"][p.urgency];
  }
  // Ties break on id so that paging is stable; no order depends on a hidden field.
  auto newest = [](const Posting* a, const Posting* b) {
    if (a->published_at_ms != b->published_at_ms) return a->published_at_ms > b->published_at_ms;
    return a->id < b->id;
  };
  if (q.sort == "start_date")
    std::sort(hits.begin(), hits.end(), [&](auto a, auto b) { return a->start_date != b->start_date ? a->start_date < b->start_date : newest(a, b); });
  else if (q.sort == "urgency")
    std::sort(hits.begin(), hits.end(), [&](auto a, auto b) { return a->urgency != b->urgency ? a->urgency == "immediate" : newest(a, b); });
  else
    std::sort(hits.begin(), hits.end(), newest);
  result.total = static_cast<std::int64_t>(hits.size());
  const std::size_t begin = static_cast<std::size_t>(q.page - 1) * q.per_page;
  for (std::size_t i = begin; i < hits.size() && i < begin + q.per_page; ++i) result.items.push_back(*hits[i]);
  return result;
}

std::vector<Posting> SearchIndex::select(const std::function<bool(const Posting&)>& keep, std::size_t limit) const {
  std::vector<const Posting*> hits;
  {
    std::shared_lock lock(mutex_);
    for (const auto& [_, e] : entries_)
      if (keep(e.posting)) hits.push_back(&e.posting);
    std::sort(hits.begin(), hits.end(), [](const Posting* a, const Posting* b) {
      return a->published_at_ms != b->published_at_ms ? a->published_at_ms > b->published_at_ms : a->id < b->id;
    });
    if (hits.size() > limit) hits.resize(limit);
    std::vector<Posting> out;
    out.reserve(hits.size());
    for (const auto* p : hits) out.push_back(*p);
    return out;
  }
}

Result<SearchQuery> parse_search_query(const std::multimap<std::string, std::string>& params,
                                       const reference::Catalogue& catalogue) {
  SearchQuery q;
  std::map<std::string, std::string> problems;
  auto get = [&](const std::string& key) -> std::optional<std::string> {
    auto it = params.find(key);
    if (it == params.end() || text::trim(it->second).empty()) return std::nullopt;
    return text::trim(it->second);
  };
  if (auto v = get("q")) {
    if (text::length(*v) > 200) problems["q"] = "「キーワード」は200文字以内で入力してください。";
    else q.q = *v;
  }
  q.category = get("category");
  if (q.category && !catalogue.category(*q.category)) problems["category"] = "「職種」の指定が正しくありません。";
  q.specialty = get("specialty");
  if (q.specialty && !catalogue.specialty(*q.specialty)) problems["specialty"] = "「診療科」の指定が正しくありません。";
  q.prefecture = get("prefecture");
  if (q.prefecture && !reference::find_prefecture(*q.prefecture)) problems["prefecture"] = "「都道府県」の指定が正しくありません。";
  q.area = get("area");
  if (q.area && !catalogue.area(*q.area)) problems["area"] = "「二次医療圏」の指定が正しくありません。";
  q.employment = get("employment");
  if (q.employment && *q.employment != "permanent" && *q.employment != "fixed_term" && *q.employment != "spot")
    problems["employment"] = "「雇用形態」の指定が正しくありません。";
  q.urgency = get("urgency");
  if (q.urgency && *q.urgency != "immediate" && *q.urgency != "regular") problems["urgency"] = "「緊急度」の指定が正しくありません。";
  q.start_from = get("start_from");
  if (q.start_from && !is_valid_date(*q.start_from)) problems["start_from"] = "「勤務開始日（から）」は YYYY-MM-DD で入力してください。";
  q.start_to = get("start_to");
  if (q.start_to && !is_valid_date(*q.start_to)) problems["start_to"] = "「勤務開始日（まで）」は YYYY-MM-DD で入力してください。";
  if (auto s = get("sort")) {
    if (*s != "newest" && *s != "start_date" && *s != "urgency") problems["sort"] = "「並び順」は newest, start_date, urgency のいずれかです。";
    else q.sort = *s;
  }
  auto number = [&](const std::string& key, int fallback, int max, const std::string& label) {
    auto v = get(key);
    if (!v) return fallback;
    if (v->size() > 6 || v->find_first_not_of("0123456789") != std::string::npos || std::stoi(*v) < 1 || std::stoi(*v) > max) {
      problems[key] = "「" + label + "」は1以上" + std::to_string(max) + "以下の整数で指定してください。";
      return fallback;
    }
    return std::stoi(*v);
  };
  q.page = number("page", 1, 100000, "ページ");
  q.per_page = number("per_page", 20, 100, "表示件数");
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));
  return q;
}

}  // namespace kh::postings
