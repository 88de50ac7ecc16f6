#include "matching/facts.h"

#include <boost/json.hpp>

#include <algorithm>
#include <iterator>

#include "matching/matching.h"
#include "postings/postings.h"
#include "reference/reference.h"

namespace kh::matching {
namespace {

std::uint8_t weekday_bit(std::string_view d) {
  static constexpr std::string_view days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (int i = 0; i < 7; ++i)
    if (days[i] == d) return static_cast<std::uint8_t>(1u << i);
  return 0;
}

std::uint8_t employment_index(std::string_view e) { return e == "permanent" ? 0 : e == "fixed_term" ? 1 : 2; }

std::uint8_t prefecture_number(std::string_view code) {
  if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return 0;
  return static_cast<std::uint8_t>((code[0] - '0') * 10 + (code[1] - '0'));
}

template <std::size_t N>
bool contains(const std::array<std::int16_t, N>& list, std::uint8_t n, std::int16_t value) {
  return std::find(list.begin(), list.begin() + n, value) != list.begin() + n;
}

std::int16_t intern_specialty(const std::string& name, Vocabulary& v) {
  const auto id = v.specialties.id(name);
  if (v.specialties.parent[id] < 0) {
    const auto s = v.catalogue.specialty(name);
    v.specialties.parent[id] = s ? v.specialties.id(s->basic_area) : id;
  }
  return id;
}

std::int16_t intern_area(const std::string& code, Vocabulary& v) {
  const auto id = v.areas.id(code);
  if (auto a = v.catalogue.area(code)) v.areas.parent[id] = prefecture_number(a->prefecture);
  return id;
}

}  // namespace

std::int16_t Interner::id(const std::string& s) {
  auto [it, added] = ids_.try_emplace(s, static_cast<std::int16_t>(ids_.size()));
  if (added) parent.push_back(-1);
  return it->second;
}

std::int16_t Interner::find(const std::string& s) const {
  auto it = ids_.find(s);
  return it == ids_.end() ? -1 : it->second;
}

std::optional<int> parse_days(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  int y = 0, m = 0, day = 0;
  for (int i : {0, 1, 2, 3}) y = y * 10 + (d[i] - '0');
  m = (d[5] - '0') * 10 + (d[6] - '0');
  day = (d[8] - '0') * 10 + (d[9] - '0');
  // Days from civil (H. Hinnant's algorithm): exact for the proleptic Gregorian calendar.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

PostingFacts compile_posting(const postings::Posting& p, Vocabulary& v) {
  PostingFacts f;
  f.live = p.status == "published";
  f.masked = p.masked;
  f.night_duty = p.night_duty;
  f.immediate = p.urgency == "immediate";
  f.full_time = p.full_time;
  if (auto it = v.categories.find(p.category); it != v.categories.end()) f.category = it->second;
  f.employment = employment_index(p.employment);
  for (const auto& d : p.weekdays) f.weekdays |= weekday_bit(d);
  f.prefecture = prefecture_number(p.workplace.prefecture);
  // A masked posting's area is not used at all: matching on it would let a seeker learn where it is.
  if (p.workplace.area && !p.masked) f.area = intern_area(*p.workplace.area, v);
  if (p.specialty) {
    f.specialty = intern_specialty(*p.specialty, v);
    f.basic = v.specialties.parent[f.specialty];
  }
  f.start_day = parse_days(p.start_date).value_or(0);
  if (p.period_months) f.period_months = static_cast<std::int16_t>(*p.period_months);
  else if (p.end_date)
    if (auto end = parse_days(*p.end_date)) f.period_months = static_cast<std::int16_t>((*end - f.start_day) / 30 + 1);
  if (p.employment == "permanent") f.period_months = 0;
  f.published_day = static_cast<std::int32_t>(p.published_at_ms.value_or(p.created_at_ms) / 86'400'000);
  const std::string offer_text = p.requirements.value_or("") + p.duties + p.benefits.value_or("");
  if (offer_text.find("指導医") != std::string::npos || offer_text.find("専門医取得") != std::string::npos ||
      offer_text.find("専門研修") != std::string::npos)
    f.career_offer |= 1;
  if (offer_text.find("ブランク可") != std::string::npos || offer_text.find("復職") != std::string::npos) f.career_offer |= 2;
  if (offer_text.find("転科") != std::string::npos) f.career_offer |= 4;
  return f;
}

SeekerFacts compile_seeker(const boost::json::object& o, Vocabulary& v) {
  SeekerFacts s;
  s.live = true;
  auto strings = [&](std::string_view key, auto&& each) {
    if (const auto* a = o.if_contains(key); a && a->is_array())
      for (const auto& x : a->as_array())
        if (x.is_string()) each(std::string(x.as_string()));
  };
  strings("categories", [&](const std::string& c) {
    if (auto it = v.categories.find(c); it != v.categories.end()) s.categories |= static_cast<std::uint16_t>(1u << it->second);
  });
  strings("specialties", [&](const std::string& name) {
    if (s.n_specialties == SeekerFacts::max_list) return;
    const auto id = intern_specialty(name, v);
    s.specialties[s.n_specialties++] = id;
    const auto basic = v.specialties.parent[id];
    if (!contains(s.basics, s.n_basics, basic) && s.n_basics < SeekerFacts::max_list) s.basics[s.n_basics++] = basic;
  });
  strings("employment", [&](const std::string& e) { s.employment |= static_cast<std::uint8_t>(1u << employment_index(e)); });
  strings("weekdays", [&](const std::string& d) { s.weekdays |= weekday_bit(d); });
  strings("prefectures", [&](const std::string& p) { s.prefectures |= 1ULL << prefecture_number(p); });
  strings("areas", [&](const std::string& a) {
    if (s.n_areas < SeekerFacts::max_list) s.areas[s.n_areas++] = intern_area(a, v);
  });
  if (const auto* a = o.if_contains("available_from"); a && a->is_string())
    if (auto d = parse_days(std::string_view(a->as_string()))) s.available_day = *d;
  if (const auto* m = o.if_contains("period_months_max"); m && m->is_int64()) s.period_max = static_cast<std::int16_t>(m->as_int64());
  if (const auto* n = o.if_contains("night_duty"); n && n->is_bool()) s.night_ok = n->as_bool();
  if (const auto* f = o.if_contains("full_time"); f && f->is_bool()) s.full_time = f->as_bool();
  if (const auto* c = o.if_contains("career_support"); c && c->is_string()) {
    const std::string_view cs = c->as_string();
    s.career = cs == "specialist" ? 1 : cs == "return" ? 2 : cs == "change" ? 3 : 0;
  }
  return s;
}

bool meets_hard_conditions(const PostingFacts& p, const SeekerFacts& s, const Vocabulary& v) {
  if (!(s.categories & (1u << p.category))) return false;
  if (!(s.prefectures & (1ULL << p.prefecture))) return false;
  if (!(s.employment & (1u << p.employment))) return false;
  // Areas narrow a seeker's prefecture only where the seeker named areas of that prefecture.
  if (s.n_areas > 0) {
    bool names_area_here = false, in_area = false;
    for (int i = 0; i < s.n_areas; ++i) {
      const auto area = s.areas[i];
      if (area >= 0 && static_cast<std::size_t>(area) < v.areas.parent.size() && v.areas.parent[area] == p.prefecture) {
        names_area_here = true;
        in_area |= area == p.area;
      }
    }
    if (names_area_here && !in_area && !p.masked) return false;
  }
  if (s.available_day != INT_MIN && p.start_day < s.available_day) return false;
  return schedule_fits(p.period_months, p.weekdays, p.night_duty, s.period_max, s.weekdays, s.night_ok);
}

namespace {
constexpr const char* reason_words[] = {"希望診療科が一致", "診療科の領域が一致", "専門医取得の支援あり",
                                        "復職を支援（ブランク可）", "転科の支援あり", "緊急募集", "新着",
                                        "勤務開始日が希望に近い", "希望の二次医療圏", "勤務形態が希望どおり"};
}  // namespace

std::vector<std::string> Scored::reasons() const {
  std::vector<std::string> out;
  for (unsigned i = 0; i < std::size(reason_words); ++i)
    if (reason_bits & (1u << i)) out.emplace_back(reason_words[i]);
  return out;
}

PostingScore::PostingScore(const PostingFacts& p, int today)
    : near_from(p.start_day - 14), career_offer(p.career_offer), full_time(p.full_time) {
  if (p.immediate) { base += 15; base_bits |= 1u << 5; }
  if (today - p.published_day <= 7) { base += 10; base_bits |= 1u << 6; }
}

int score(const PostingFacts& p, const PostingScore& ps, const SeekerFacts& s, std::uint16_t& bits) {
  int total = score_common(ps, s.career, s.available_day, s.full_time, bits);
  if (p.specialty >= 0) {
    if (contains(s.specialties, s.n_specialties, p.specialty)) { total += 40; bits |= 1u << 0; }
    else if (contains(s.basics, s.n_basics, p.basic)) { total += 20; bits |= 1u << 1; }
  }
  if (p.area >= 0 && contains(s.areas, s.n_areas, p.area)) { total += 10; bits |= 1u << 8; }
  return total;
}

}  // namespace kh::matching
