#include "postings/facility_list.h"

#include "core/text.h"

namespace kh::postings {
namespace {

//! Words separated by spaces of any width (fold turns U+3000 into a plain space); every word must occur.
std::vector<std::string> folded_words(const std::string& q) {
  std::vector<std::string> words;
  for (auto& word : text::split(text::fold(q), ' '))
    if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

Result<FacilityListQuery> parse_facility_list_query(const std::multimap<std::string, std::string>& params,
                                                    const reference::Catalogue& catalogue) {
  FacilityListQuery q;
  std::map<std::string, std::string> problems;
  auto get = [&](const std::string& key) -> std::optional<std::string> {
    auto it = params.find(key);
    if (it == params.end() || text::trim(it->second).empty()) return std::nullopt;
    return text::trim(it->second);
  };
  q.status = get("status");
  if (q.status && *q.status != "draft" && *q.status != "published" && *q.status != "paused" && *q.status != "closed")
    problems["status"] = "「状態」は draft, published, paused, closed のいずれかです。";
  q.category = get("category");
  if (q.category && !catalogue.category(*q.category)) problems["category"] = "「職種」の指定が正しくありません。";
  if (auto v = get("q")) {
    if (text::length(*v) > 200) problems["q"] = "「キーワード」は200文字以内で入力してください。";
    else q.q = *v;
  }
  auto number = [&](const std::string& key, int max, const std::string& label) -> std::optional<int> {
    auto v = get(key);
    if (!v) return std::nullopt;
    if (v->size() > 6 || v->find_first_not_of("0123456789") != std::string::npos || std::stoi(*v) < 1 || std::stoi(*v) > max) {
      problems[key] = "「" + label + "」は1以上" + std::to_string(max) + "以下の整数で指定してください。";
      return std::nullopt;
    }
    return std::stoi(*v);
  };
  q.page = number("page", 100000, "ページ").value_or(1);
  q.per_page = number("per_page", 100, "表示件数");
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));
  return q;
}

FacilityListPage filter_facility_list(const std::vector<Posting>& all, const FacilityListQuery& q) {
  const auto words = q.q ? folded_words(*q.q) : std::vector<std::string>{};
  std::vector<const Posting*> hits;
  for (const auto& p : all) {
    if (q.status && p.status != *q.status) continue;
    if (q.category && p.category != *q.category) continue;
    if (!words.empty()) {
      const auto haystack = text::fold(p.title + "\n" + p.duties);
      bool every = true;
      for (const auto& word : words) every = every && haystack.find(word) != std::string::npos;
      if (!every) continue;
    }
    hits.push_back(&p);
  }
  FacilityListPage out;
  out.total = hits.size();
  if (!q.per_page) {
    out.items = std::move(hits);
    return out;
  }
  const auto size = static_cast<std::size_t>(*q.per_page);
  const auto begin = static_cast<std::size_t>(q.page - 1) * size;
  for (std::size_t i = begin; i < hits.size() && i < begin + size; ++i) out.items.push_back(hits[i]);
  return out;
}

}  // namespace kh::postings
