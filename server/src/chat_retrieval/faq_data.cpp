// Reading the chat's data files.
#include "chat_retrieval/faq_data.h"

#include <boost/json.hpp>
#include <set>

namespace kh::chat_retrieval {
namespace bj = boost::json;

namespace {
std::string string_of(const bj::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
}  // namespace

std::expected<std::vector<FaqItem>, std::string> read_faq(std::string_view json) {
  boost::system::error_code ec;
  const bj::value v = bj::parse(json, ec);
  if (ec || !v.is_array()) return std::unexpected("the FAQ file is not a JSON array");
  std::vector<FaqItem> out;
  std::set<std::string> keys;
  for (const auto& e : v.as_array()) {
    if (!e.is_object()) return std::unexpected("an FAQ entry is not an object");
    const auto& o = e.as_object();
    FaqItem f{string_of(o, "key"), string_of(o, "category"), string_of(o, "audience"), string_of(o, "question"),
              string_of(o, "answer"), {}};
    if (f.key.empty()) return std::unexpected("an FAQ entry has no key");
    if (f.question.empty() || f.answer.empty() || f.category.empty())
      return std::unexpected("FAQ entry " + f.key + " lacks a category, question or answer");
    if (!keys.insert(f.key).second) return std::unexpected("FAQ key " + f.key + " is given twice");
    if (f.audience.empty()) f.audience = "all";
    if (const auto* p = o.if_contains("paraphrases"); p && p->is_array())
      for (const auto& s : p->as_array())
        if (s.is_string() && !s.as_string().empty()) f.paraphrases.emplace_back(s.as_string());
    out.push_back(std::move(f));
  }
  return out;
}

std::expected<Synonyms, std::string> read_synonyms(std::string_view json) {
  boost::system::error_code ec;
  const bj::value v = bj::parse(json, ec);
  if (ec || !v.is_array()) return std::unexpected("the synonym file is not a JSON array");
  Synonyms out;
  for (const auto& g : v.as_array()) {
    if (!g.is_array()) return std::unexpected("a synonym group is not an array");
    std::vector<std::string> group;
    for (const auto& s : g.as_array())
      if (s.is_string() && !s.as_string().empty()) group.emplace_back(s.as_string());
    if (group.size() >= 2) out.groups.push_back(std::move(group));
  }
  return out;
}

}  // namespace kh::chat_retrieval
