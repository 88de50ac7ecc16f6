// The posting's JSON shape, its validation, and who sees what (SPEC.md "Postings", "Masking").
#include <boost/json.hpp>

#include <algorithm>
#include <array>

#include "accounts/accounts.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "postings/postings.h"
#include "reference/reference.h"

namespace kh::postings {
namespace bj = boost::json;
namespace {

constexpr std::array<std::string_view, 3> employments = {"permanent", "fixed_term", "spot"};
constexpr std::array<std::string_view, 2> urgencies = {"immediate", "regular"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

void put_optional(bj::object& o, std::string_view key, const std::optional<std::string>& v) {
  if (v) o[key] = *v;
  else o[key] = nullptr;
}

//! Digits only, from whatever width and hyphens a person typed ("１００－０００１" → "1000001").
std::string digits_of(std::string_view s) {
  std::string out;
  for (char ch : text::fold(s))
    if (ch >= '0' && ch <= '9') out += ch;
  return out;
}

//! Reads the keys of one object level onto fields; nested errors are reported with a "parent." prefix.
class Reader {
 public:
  Reader(const bj::object& o, std::string prefix, std::map<std::string, std::string>& errors)
      : object_(o), prefix_(std::move(prefix)), errors_(errors), fields_(o) {}
  ~Reader() {
    for (const auto& [k, v] : fields_.errors()) errors_.try_emplace(prefix_ + k, v);
  }
  bool has(std::string_view key) const { return object_.contains(key); }
  //! `lines`: multiple for free text over several lines (業務内容, 応募要件 …).
  void string(std::string_view key, std::string_view label, std::size_t max, std::string& target,
              text::Lines lines = text::Lines::single) {
    if (!has(key)) return;
    target = read(key, label, max, lines).value_or("");
  }
  void optional(std::string_view key, std::string_view label, std::size_t max, std::optional<std::string>& target,
                text::Lines lines = text::Lines::single) {
    if (!has(key)) return;
    auto v = read(key, label, max, lines);
    target = (v && !v->empty()) ? v : std::nullopt;
  }
  std::optional<std::string> read(std::string_view key, std::string_view label, std::size_t max, text::Lines lines) {
    return lines == text::Lines::single ? fields_.optional_string(key, label, max) : fields_.optional_text(key, label, max);
  }
  void boolean(std::string_view key, std::string_view label, bool& target) {
    if (!has(key)) return;
    if (auto v = fields_.optional_bool(key, label)) target = *v;
    else if (object_.at(key).is_null()) fields_.add_error(key, json::msg_required(label));
  }
  void integer(std::string_view key, std::string_view label, std::int64_t min, std::int64_t max, std::int64_t& target) {
    if (!has(key)) return;
    if (auto v = fields_.optional_integer(key, label, min, max)) target = *v;
  }
  void optional_integer(std::string_view key, std::string_view label, std::int64_t min, std::int64_t max,
                        std::optional<std::int64_t>& target) {
    if (!has(key)) return;
    target = fields_.optional_integer(key, label, min, max);
  }
  void error(std::string_view key, std::string message) { errors_.try_emplace(prefix_ + std::string(key), std::move(message)); }

 private:
  const bj::object& object_;
  std::string prefix_;
  std::map<std::string, std::string>& errors_;
  json::FieldReader fields_;
};

//! Whether the posting will be published or paused after this change: then it must be complete.
bool needs_completeness(const Posting& p, const bj::object& body) {
  const auto* s = body.if_contains("status");
  const std::string_view to = s && s->is_string() ? std::string_view(s->as_string()) : std::string_view(p.status);
  return to == "published" || to == "paused";
}

}  // namespace

Disclosure disclosure_for(const Posting& p, const accounts::CurrentUser* viewer) {
  if (!p.masked || !viewer) return p.masked ? Disclosure::masked : Disclosure::full;
  using accounts::Role;
  const auto& u = viewer->user;
  if (u.role == Role::secretariat) return Disclosure::full;
  for (const auto& org : u.organisations)
    if (org.id == p.facility_id) return Disclosure::full;
  // A coordinating organisation sees the postings it covers (its prefecture × its job categories) in full.
  if (accounts::covering_organisation(u, p.workplace.prefecture, p.category)) return Disclosure::full;
  return Disclosure::masked;
}

bj::object to_json(const Posting& p, Disclosure d, const reference::Catalogue& catalogue) {
  const bool hide = p.masked && d == Disclosure::masked;
  bj::array weekdays;
  for (const auto& w : p.weekdays) weekdays.push_back(bj::string(w));
  bj::object o{{"id", p.id}, {"status", p.status}, {"title", p.title}, {"category", p.category},
               {"employment", p.employment}, {"start_date", p.start_date}, {"weekdays", std::move(weekdays)},
               {"full_time", p.full_time}, {"night_duty", p.night_duty}, {"urgency", p.urgency},
               {"positions", p.positions}, {"duties", p.duties}, {"training_agreed", p.training_agreed},
               {"masked", p.masked}, {"version", p.version}, {"created_at", format_iso8601_jst(p.created_at_ms)},
               {"updated_at", format_iso8601_jst(p.updated_at_ms)}};
  put_optional(o, "close_reason", p.close_reason);
  put_optional(o, "specialty", p.specialty);
  put_optional(o, "end_date", p.end_date);
  if (p.period_months) o["period_months"] = *p.period_months; else o["period_months"] = nullptr;
  put_optional(o, "hours", p.hours);
  put_optional(o, "requirements", p.requirements);
  put_optional(o, "pay", p.pay);
  put_optional(o, "benefits", p.benefits);
  o["published_at"] = p.published_at_ms ? bj::value(format_iso8601_jst(*p.published_at_ms)) : bj::value(nullptr);
  if (auto c = catalogue.category(p.category)) o["category_name"] = c->name;
  const auto* pref = reference::find_prefecture(p.workplace.prefecture);
  bj::object workplace{{"prefecture", p.workplace.prefecture}, {"prefecture_name", pref ? pref->name : ""}};
  // Hidden keys are left out entirely (not emptied): an empty string or a placeholder could still vary with
  // the hidden value, e.g. by its length.
  if (!hide) {
    // The secondary medical area is hidden too: an area of one municipality (宇都宮 = 宇都宮市) would give
    // the municipality away, which rule 2 forbids.
    if (p.workplace.area) {
      workplace["area"] = *p.workplace.area;
      if (auto a = catalogue.area(*p.workplace.area)) workplace["area_name"] = a->name;
    }
    workplace["postal_code"] = p.workplace.postal_code;
    workplace["municipality"] = p.workplace.municipality;
    if (auto m = catalogue.municipality(p.workplace.municipality)) workplace["municipality_name"] = m->name;
    workplace["street"] = p.workplace.street;
    put_optional(workplace, "building", p.workplace.building);
    bj::object contact{{"name", p.contact.name}, {"phone", p.contact.phone}, {"email", p.contact.email}};
    put_optional(contact, "location", p.contact.location);
    o["contact"] = std::move(contact);
    o["facility"] = bj::object{{"id", p.facility_id}, {"name", p.facility_name}};
  } else {
    o["facility"] = bj::object{};  // not even the id: it would link this posting to the facility's unmasked ones
  }
  o["workplace"] = std::move(workplace);
  return o;
}

Result<void> apply_and_validate(Posting& p, const bj::object& body, const reference::Catalogue& catalogue,
                                bool creating, Completeness completeness) {
  std::map<std::string, std::string> errors;
  {
    Reader r(body, "", errors);
    r.string("title", "タイトル", 100, p.title);
    r.string("category", "職種", 50, p.category);
    r.optional("specialty", "診療科", 50, p.specialty);
    r.string("employment", "雇用形態", 20, p.employment);
    r.string("start_date", "勤務開始日", 10, p.start_date);
    r.optional("end_date", "勤務終了日", 10, p.end_date);
    r.optional_integer("period_months", "期間（月数）", 1, 60, p.period_months);
    r.optional("hours", "勤務時間", 200, p.hours);
    r.boolean("full_time", "勤務形態（フルタイム）", p.full_time);
    r.boolean("night_duty", "当直・オンコール", p.night_duty);
    r.string("urgency", "緊急度", 20, p.urgency);
    r.integer("positions", "募集人数", 1, 999, p.positions);
    r.string("duties", "業務内容", 4000, p.duties, text::Lines::multiple);
    r.optional("requirements", "応募要件", 2000, p.requirements, text::Lines::multiple);
    r.optional("pay", "給与", 1000, p.pay, text::Lines::multiple);
    r.optional("benefits", "待遇・福利厚生", 2000, p.benefits, text::Lines::multiple);
    r.boolean("training_agreed", "研修受講への同意", p.training_agreed);
    r.boolean("masked", "マスキング希望", p.masked);
    if (creating && !body.contains("masked"))
      r.error("masked", "「公開時に一定情報をマスキングすることを希望する」の指定（true または false）が必要です。");
    if (r.has("weekdays")) {
      const auto& v = body.at("weekdays");
      p.weekdays.clear();
      if (!v.is_array()) r.error("weekdays", json::msg_wrong_type("勤務曜日", "配列（mon〜sun）"));
      else
        for (const auto& d : v.as_array()) {
          if (!d.is_string() || !one_of(weekday_codes, std::string_view(d.as_string()))) {
            r.error("weekdays", "「勤務曜日」は mon, tue, wed, thu, fri, sat, sun から選んでください。");
            break;
          }
          if (std::find(p.weekdays.begin(), p.weekdays.end(), d.as_string()) == p.weekdays.end())
            p.weekdays.emplace_back(d.as_string());
        }
      // Keep Monday-first order whatever order they came in.
      std::sort(p.weekdays.begin(), p.weekdays.end(), [](const auto& a, const auto& b) {
        return std::find(weekday_codes.begin(), weekday_codes.end(), a) < std::find(weekday_codes.begin(), weekday_codes.end(), b);
      });
    }
    for (std::string_view nested : {"workplace", "contact"})
      if (r.has(nested) && !body.at(nested).is_object() && !body.at(nested).is_null())
        r.error(nested, json::msg_wrong_type(nested == "workplace" ? "勤務地" : "連絡先", "オブジェクト"));
  }
  bool area_given = false;
  if (const auto* w = body.if_contains("workplace"); w && w->is_object()) {
    Reader r(w->as_object(), "workplace.", errors);
    if (r.has("postal_code")) {
      std::string raw;
      r.string("postal_code", "郵便番号", 20, raw);
      p.workplace.postal_code = digits_of(raw);
    }
    r.string("prefecture", "都道府県", 2, p.workplace.prefecture);
    r.string("municipality", "市区町村", 6, p.workplace.municipality);
    r.string("street", "町名・番地", 200, p.workplace.street);
    r.optional("building", "建物名・施設名", 200, p.workplace.building);
    area_given = r.has("area") && !w->as_object().at("area").is_null();
    r.optional("area", "二次医療圏", 4, p.workplace.area);
  }
  if (const auto* c = body.if_contains("contact"); c && c->is_object()) {
    Reader r(c->as_object(), "contact.", errors);
    r.string("name", "担当者名", 100, p.contact.name);
    r.optional("location", "担当部署・所在地", 200, p.contact.location);
    r.string("phone", "電話番号", 20, p.contact.phone);
    r.string("email", "メールアドレス", 254, p.contact.email);
  }

  // Whole-record rules; a field that already failed a type check keeps its first message. What is given must be
  // valid whatever the status (`need`); completeness, every field 公開 needs, only for a posting that is or is
  // becoming published or paused (`require`): a draft saves with whatever is filled.
  const bool complete = completeness == Completeness::always || needs_completeness(p, body);
  std::vector<std::string> missing;  // the labels of the required fields left empty, for the message of a refused 公開
  auto need = [&](const std::string& key, bool ok, std::string message) {
    if (!ok) errors.try_emplace(key, std::move(message));
  };
  auto require = [&](const std::string& key, bool present, std::string_view label, std::string message = {}) {
    if (present || !complete) return;
    if (errors.try_emplace(key, message.empty() ? json::msg_required(label) : std::move(message)).second)
      missing.emplace_back(label);
  };
  require("title", !p.title.empty(), "タイトル");
  require("category", !p.category.empty(), "職種");
  if (!p.category.empty()) need("category", catalogue.category(p.category).has_value(), json::msg_invalid("職種"));
  if (p.category == "doctor") require("specialty", p.specialty.has_value(), "診療科", "職種が医師の場合は「診療科」を選択してください。");
  if (p.specialty) need("specialty", catalogue.specialty(*p.specialty).has_value(), json::msg_invalid("診療科"));
  require("employment", !p.employment.empty(), "雇用形態");
  if (!p.employment.empty()) need("employment", one_of(employments, p.employment), json::msg_invalid("雇用形態"));
  require("start_date", !p.start_date.empty(), "勤務開始日");
  if (!p.start_date.empty())
    need("start_date", is_valid_date(p.start_date), "「勤務開始日」は YYYY-MM-DD の形式の実在する日付で入力してください。");
  if (p.end_date) {
    need("end_date", is_valid_date(*p.end_date), "「勤務終了日」は YYYY-MM-DD の形式の実在する日付で入力してください。");
    if (is_valid_date(*p.end_date) && is_valid_date(p.start_date))
      need("end_date", *p.end_date >= p.start_date, "「勤務終了日」は勤務開始日以降の日付にしてください。");
  }
  if (p.employment != "permanent" && one_of(employments, p.employment))
    require("end_date", p.end_date || p.period_months, "勤務終了日または期間（月数）",
            "有期・スポットの募集では「勤務終了日」または「期間（月数）」を入力してください。");
  require("urgency", !p.urgency.empty(), "緊急度");
  if (!p.urgency.empty()) need("urgency", one_of(urgencies, p.urgency), json::msg_invalid("緊急度"));
  require("positions", p.positions >= 1, "募集人数");
  require("duties", !p.duties.empty(), "業務内容");
  require("training_agreed", p.training_agreed, "研修受講への同意",
          "研修（感染管理・医療安全）の受講を採用条件とすることに同意してください。");

  const auto& w = p.workplace;
  require("workplace.postal_code", !w.postal_code.empty(), "郵便番号");
  if (!w.postal_code.empty()) need("workplace.postal_code", w.postal_code.size() == 7, "「郵便番号」は7桁の数字で入力してください。");
  const bool prefecture_ok = reference::find_prefecture(w.prefecture) != nullptr;
  require("workplace.prefecture", !w.prefecture.empty(), "都道府県");
  if (!w.prefecture.empty()) need("workplace.prefecture", prefecture_ok, json::msg_invalid("都道府県"));
  require("workplace.municipality", !w.municipality.empty(), "市区町村");
  if (!w.municipality.empty()) {
    if (!reference::is_valid_municipality_code(w.municipality) || (prefecture_ok && !w.municipality.starts_with(w.prefecture)))
      need("workplace.municipality", false, "「市区町村」は選択した都道府県の市区町村コード（6桁）で指定してください。");
    else if (catalogue.knows_prefecture(w.prefecture) && !catalogue.municipality(w.municipality))
      need("workplace.municipality", false, json::msg_invalid("市区町村"));
  }
  require("workplace.street", !w.street.empty(), "町名・番地");
  // The area follows the municipality unless the facility chose another one of the same prefecture.
  if (!area_given) {
    if (auto m = catalogue.municipality(w.municipality); m && !m->area_code.empty()) p.workplace.area = m->area_code;
    else if (creating || body.contains("workplace")) p.workplace.area.reset();
  }
  if (p.workplace.area) {
    auto a = catalogue.area(*p.workplace.area);
    need("workplace.area", a && a->prefecture == w.prefecture, "「二次医療圏」は選択した都道府県のものを指定してください。");
  }

  const auto& c = p.contact;
  require("contact.name", !c.name.empty(), "担当者名");
  const auto phone_digits = digits_of(c.phone);
  require("contact.phone", !c.phone.empty(), "電話番号");
  if (!c.phone.empty())
    need("contact.phone", phone_digits.size() >= 10 && phone_digits.size() <= 11 && phone_digits[0] == '0',
         "「電話番号」は0から始まる10桁または11桁で入力してください（ハイフン可）。");
  require("contact.email", !c.email.empty(), "メールアドレス");
  if (!c.email.empty()) need("contact.email", text::is_plausible_email(c.email), json::msg_invalid("メールアドレス"));

  if (!missing.empty()) {
    auto error = errors::validation(std::move(errors));
    std::string list;
    for (const auto& label : missing) list += (list.empty() ? "「" : "、「") + label + "」";
    error.message = "公開するには次の項目を入力してください：" + list + "。下書きはこのままでも保存できます。";
    return fail(std::move(error));
  }
  if (!errors.empty()) return fail(errors::validation(std::move(errors)));
  return {};
}

}  // namespace kh::postings
