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
  if (v.area_points.size() <= static_cast<std::size_t>(id)) v.area_points.resize(static_cast<std::size_t>(id) + 1);
  if (auto a = v.catalogue.area(code)) {
    v.areas.parent[id] = prefecture_number(a->prefecture);
    // The area's position: the mean of its municipalities' offices (worked out once per area).
    double lat = 0, lon = 0;
    int n = 0;
    for (const auto& m : a->municipalities)
      if (auto mu = v.catalogue.municipality(m); mu && mu->latitude && mu->longitude) { lat += *mu->latitude; lon += *mu->longitude; ++n; }
    if (n > 0) v.area_points[id] = {true, static_cast<float>(lat / n), static_cast<float>(lon / n)};
  }
  return id;
}

//! The years of experience the requirements ask for: the number before 「年以上」 (「臨床経験5年以上」,
//! 「経験３年以上」), the largest when several are named; -1 when none is.
std::int8_t required_years(std::string_view text) {
  static constexpr std::string_view marker = "年以上";
  int best = -1;
  for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
    // Read digits backwards: ASCII 0-9 or full-width ０-９ (EF BC 90..99 in UTF-8).
    int value = 0, scale = 1;
    std::size_t i = at;
    bool any = false;
    while (i > 0) {
      if (text[i - 1] >= '0' && text[i - 1] <= '9') { value += (text[i - 1] - '0') * scale; --i; }
      else if (i >= 3 && static_cast<unsigned char>(text[i - 3]) == 0xEF && static_cast<unsigned char>(text[i - 2]) == 0xBC &&
               static_cast<unsigned char>(text[i - 1]) >= 0x90 && static_cast<unsigned char>(text[i - 1]) <= 0x99) {
        value += (static_cast<unsigned char>(text[i - 1]) - 0x90) * scale;
        i -= 3;
      } else break;
      any = true;
      scale *= 10;
      if (scale > 100) break;
    }
    if (any && value <= 60) best = std::max(best, value);
  }
  return static_cast<std::int8_t>(best);
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
  f.experience_min = required_years(p.requirements.value_or(""));
  // The workplace's position, for distances; never for a masked posting (it would tell where it is).
  if (!p.masked)
    if (auto m = v.catalogue.municipality(p.workplace.municipality); m && m->latitude && m->longitude) {
      f.has_point = true;
      f.lat = static_cast<float>(*m->latitude);
      f.lon = static_cast<float>(*m->longitude);
    }
  const std::string offer_text = p.requirements.value_or("") + p.duties + p.benefits.value_or("");
  if (offer_text.find("指導医") != std::string::npos || offer_text.find("専門医取得") != std::string::npos ||
      offer_text.find("専門研修") != std::string::npos)
    f.career_offer |= 1;
  if (offer_text.find("ブランク可") != std::string::npos || offer_text.find("復職") != std::string::npos) f.career_offer |= 2;
  if (offer_text.find("転科") != std::string::npos) f.career_offer |= 4;
  return f;
}

SeekerFacts compile_seeker(const boost::json::object& o, std::int64_t active_ms, Vocabulary& v) {
  SeekerFacts s;
  s.live = true;
  if (active_ms > 0) s.active_day = static_cast<std::uint16_t>(std::min<std::int64_t>(active_ms / 86'400'000, 65535));
  if (const auto* e = o.if_contains("experience_years"); e && e->is_int64())
    s.experience = static_cast<std::int8_t>(std::clamp<std::int64_t>(e->as_int64(), 0, 80));
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

}  // namespace kh::matching
