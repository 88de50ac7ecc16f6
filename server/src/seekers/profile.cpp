// Profile validation and the anonymous view.
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "reference/reference.h"
#include "seekers/seekers.h"

namespace kh::seekers {
namespace bj = boost::json;
namespace {

const std::set<std::string> weekday_codes = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const std::set<std::string> employment_codes = {"permanent", "fixed_term", "spot"};
const std::set<std::string> career_codes = {"specialist", "return", "change", "none"};
const std::set<std::string> notify_codes = {"immediate", "daily", "off"};

//! A list of codes, each checked by `valid`; reports the field once with `message`.
bj::array code_list(const bj::object& body, std::string_view key, std::string_view label, bool required,
                    const std::function<bool(const std::string&)>& valid, std::map<std::string, std::string>& errors) {
  bj::array out;
  const auto* v = body.if_contains(key);
  if (!v || v->is_null() || (v->is_array() && v->as_array().empty())) {
    if (required) errors.try_emplace(std::string(key), "「" + std::string(label) + "」を1つ以上選択してください。");
    return out;
  }
  if (!v->is_array()) {
    errors.try_emplace(std::string(key), json::msg_wrong_type(label, "配列"));
    return out;
  }
  std::set<std::string> seen;
  for (const auto& item : v->as_array()) {
    if (!item.is_string() || !valid(std::string(item.as_string()))) {
      errors.try_emplace(std::string(key), "「" + std::string(label) + "」に正しくない値が含まれています。");
      return {};
    }
    if (seen.insert(std::string(item.as_string())).second) out.push_back(item);
  }
  return out;
}

}  // namespace

Result<bj::object> validate_profile(const bj::object& body, const reference::Catalogue& catalogue) {
  std::map<std::string, std::string> errors;
  json::FieldReader f(body);
  bj::object out;
  out["name"] = f.required_string("name", "氏名", 100);
  const auto phone = f.optional_string("phone", "電話番号", 20);
  if (phone && !phone->empty()) {
    std::string digits;
    for (char ch : text::fold(*phone)) if (ch >= '0' && ch <= '9') digits += ch;
    if (digits.size() < 10 || digits.size() > 11) f.add_error("phone", "「電話番号」は10桁または11桁で入力してください（ハイフン可）。");
    out["phone"] = *phone;
  } else {
    out["phone"] = nullptr;
  }
  const auto experience = f.optional_integer("experience_years", "経験年数", 0, 60);
  out["experience_years"] = experience ? bj::value(*experience) : bj::value(nullptr);
  const auto available = f.optional_string("available_from", "勤務開始可能日", 10);
  if (available && !available->empty() && !is_valid_date(*available))
    f.add_error("available_from", "「勤務開始可能日」は YYYY-MM-DD の形式の実在する日付で入力してください。");
  out["available_from"] = available && !available->empty() ? bj::value(*available) : bj::value(nullptr);
  const auto period = f.optional_integer("period_months_max", "希望期間（最長月数）", 1, 60);
  out["period_months_max"] = period ? bj::value(*period) : bj::value(nullptr);
  out["night_duty"] = f.optional_bool("night_duty", "当直・オンコール").value_or(false);
  out["full_time"] = f.optional_bool("full_time", "フルタイム希望").value_or(true);
  // Whether facilities may send this seeker contact requests (スカウト) through a coordinator (issue 12).
  out["facility_requests"] = f.optional_bool("facility_requests", "医療機関からのコンタクト依頼").value_or(true);
  const auto career = f.optional_string("career_support", "キャリア支援", 20).value_or("none");
  if (!career_codes.contains(career)) f.add_error("career_support", json::msg_invalid("キャリア支援"));
  out["career_support"] = career;
  const auto notes = f.optional_text("notes", "自由記述", 2000);
  out["notes"] = notes ? bj::value(*notes) : bj::value(nullptr);
  const auto notify = f.optional_string("notify", "通知方法", 20).value_or("immediate");
  if (!notify_codes.contains(notify)) f.add_error("notify", json::msg_invalid("通知方法"));
  out["notify"] = notify;
  for (const auto& [k, v] : f.errors()) errors.try_emplace(k, v);

  out["categories"] = code_list(body, "categories", "職種・資格", true, [&](const std::string& c) { return catalogue.category(c).has_value(); }, errors);
  out["specialties"] = code_list(body, "specialties", "診療科", false, [&](const std::string& s) { return catalogue.specialty(s).has_value(); }, errors);
  out["employment"] = code_list(body, "employment", "希望する雇用形態", true, [](const std::string& e) { return employment_codes.contains(e); }, errors);
  out["weekdays"] = code_list(body, "weekdays", "勤務可能な曜日", false, [](const std::string& d) { return weekday_codes.contains(d); }, errors);
  out["prefectures"] = code_list(body, "prefectures", "希望する都道府県", true, [](const std::string& p) { return reference::find_prefecture(p) != nullptr; }, errors);
  const auto& prefs = out["prefectures"].as_array();
  out["areas"] = code_list(body, "areas", "希望する二次医療圏", false, [&](const std::string& a) {
    auto area = catalogue.area(a);
    return area && std::any_of(prefs.begin(), prefs.end(), [&](const auto& p) { return p.as_string() == area->prefecture; });
  }, errors);

  bj::array licences;
  if (const auto* l = body.if_contains("licences"); l && !l->is_null()) {
    if (!l->is_array()) errors.try_emplace("licences", json::msg_wrong_type("免許", "配列"));
    else
      for (const auto& item : l->as_array()) {
        const auto* cat = item.is_object() ? item.as_object().if_contains("category") : nullptr;
        const auto* num = item.is_object() ? item.as_object().if_contains("number") : nullptr;
        if (!cat || !cat->is_string() || !catalogue.category(std::string(cat->as_string())) || !num || !num->is_string() ||
            text::trim(std::string_view(num->as_string())).empty() || text::length(std::string_view(num->as_string())) > 20) {
          errors.try_emplace("licences", "「免許」は職種と免許番号（20文字以内）の組で入力してください。");
          break;
        }
        licences.push_back({{"category", cat->as_string()}, {"number", text::trim(std::string_view(num->as_string()))}});
      }
  }
  out["licences"] = std::move(licences);
  if (!errors.empty()) return fail(errors::validation(std::move(errors)));
  return out;
}

std::optional<std::string> profile_name(const Profile& profile) {
  const auto doc = bj::parse(profile.json).as_object();
  if (const auto* n = doc.if_contains("name"); n && n->is_string() && !n->as_string().empty()) return std::string(n->as_string());
  return std::nullopt;
}

bj::object anonymous_json(const Profile& profile, std::string_view handle) {
  const auto full = bj::parse(profile.json).as_object();
  bj::object out{{"handle", handle}};
  // An allow-list, not a deny-list: a field added to the profile later stays private until chosen here.
  for (std::string_view key : {"categories", "specialties", "experience_years", "employment", "available_from",
                               "period_months_max", "weekdays", "night_duty", "prefectures", "areas", "full_time",
                               "career_support"})
    if (const auto* v = full.if_contains(key)) out[key] = *v;
  return out;
}

}  // namespace kh::seekers
