// Evaluation of monthly hours (workenv_hours.h): one pass over the fiscal year's rows per hospital.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <unordered_map>

#include "workenv_hours/workenv_hours.h"

namespace kh::workenv_hours {

std::string_view level_code(Level level) {
  switch (level) {
    case Level::a: return "A";
    case Level::renkei_b: return "連携B";
    case Level::b: return "B";
    case Level::c1: return "C-1";
    case Level::c2: return "C-2";
  }
  return "A";
}

std::optional<Level> parse_level(std::string_view code) {
  // Accept what people type into Excel: full-width letters and hyphens, a missing hyphen, 水準 after the code.
  std::string s;
  for (std::size_t i = 0; i < code.size();) {
    auto c = static_cast<unsigned char>(code[i]);
    // Full-width ASCII (U+FF01..U+FF5E) is EF BC 81..EF BD 9E.
    if (c == 0xEF && i + 2 < code.size()) {
      auto b1 = static_cast<unsigned char>(code[i + 1]), b2 = static_cast<unsigned char>(code[i + 2]);
      int cp = ((c & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        s.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
        i += 3;
        continue;
      }
    }
    if (c == ' ' || c == '\t') { ++i; continue; }
    if (code.substr(i).starts_with("\xE2\x88\x92") || code.substr(i).starts_with("\xE2\x80\x90")) {  // − ‐
      s.push_back('-');
      i += 3;
      continue;
    }
    s.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    ++i;
  }
  if (s.ends_with("水準")) s.resize(s.size() - std::string_view("水準").size());
  if (s == "A") return Level::a;
  if (s == "連携B") return Level::renkei_b;
  if (s == "B") return Level::b;
  if (s == "C-1" || s == "C1") return Level::c1;
  if (s == "C-2" || s == "C2") return Level::c2;
  return std::nullopt;
}

Minutes annual_cap_total(Level level) { return level == Level::a ? hours(960) : hours(1860); }
std::optional<Minutes> annual_cap_own(Level level) {
  if (level == Level::renkei_b) return hours(960);
  return std::nullopt;
}

std::string YearMonth::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year(), month());
  return buf;
}

std::optional<YearMonth> parse_year_month(std::string_view text) {
  auto sep = text.find_first_of("-/");
  if (sep != 4) return std::nullopt;
  int y = 0, m = 0;
  auto ys = text.substr(0, 4), ms = text.substr(5);
  if (ms.empty() || ms.size() > 2) return std::nullopt;
  auto r1 = std::from_chars(ys.data(), ys.data() + ys.size(), y);
  auto r2 = std::from_chars(ms.data(), ms.data() + ms.size(), m);
  if (r1.ec != std::errc{} || r1.ptr != ys.data() + ys.size()) return std::nullopt;
  if (r2.ec != std::errc{} || r2.ptr != ms.data() + ms.size()) return std::nullopt;
  if (y < 2000 || y > 2100 || m < 1 || m > 12) return std::nullopt;
  return YearMonth::of(y, m);
}

std::int64_t DoctorEvaluation::severity() const {
  std::int64_t s = 0;
  if (has(over_155)) s += 1LL << 40;
  if (has(interview_gap)) s += 1LL << 39;
  if (has(ytd_over_cap)) s += 1LL << 38;
  if (has(projected_over_cap)) s += 1LL << 37;
  if (has(continuous_breach)) s += 1LL << 36;
  if (has(over_100)) s += 1LL << 35;
  if (has(interval_breach)) s += 1LL << 34;
  if (has(over_80)) s += 1LL << 33;
  if (has(rest_owed)) s += 1LL << 32;
  return s + month_total;
}

namespace {

void finish(DoctorEvaluation& e) {
  const std::int32_t remaining = 12 - e.month.fiscal_month();
  const std::int32_t n = std::max(e.months_reported, 1);
  e.projected_total = e.ytd_total + static_cast<Minutes>(static_cast<std::int64_t>(e.ytd_total) * remaining / n);
  e.projected_own = e.ytd_own + static_cast<Minutes>(static_cast<std::int64_t>(e.ytd_own) * remaining / n);
  e.cap_total = annual_cap_total(e.level);
  e.cap_own = annual_cap_own(e.level);
  std::uint32_t f = 0;
  if (e.month_total >= mark_80) f |= over_80;
  if (e.month_total >= mark_100) f |= over_100;
  if (e.month_total >= mark_100 && !e.interview_done) f |= interview_gap;
  if (e.month_total >= mark_155) f |= over_155;
  if (e.longest_continuous > continuous_limit) f |= continuous_breach;
  if (e.interval_shortfalls > 0) f |= interval_breach;
  if (e.compensatory_rest_owed > 0) f |= rest_owed;
  const bool own_capped = e.cap_own.has_value();
  if (e.projected_total > e.cap_total || (own_capped && e.projected_own > *e.cap_own)) f |= projected_over_cap;
  if (e.ytd_total > e.cap_total || (own_capped && e.ytd_own > *e.cap_own)) f |= ytd_over_cap;
  e.flags = f;
}

}  // namespace

std::vector<DoctorEvaluation> evaluate(std::span<const MonthRow> rows, YearMonth month) {
  const int fy = month.fiscal_year();
  const YearMonth first = YearMonth::of(fy, 4);
  // The month's doctors first, so that only they are evaluated.
  std::unordered_map<std::string_view, std::size_t> at;
  std::vector<DoctorEvaluation> out;
  for (const MonthRow& r : rows) {
    if (r.month != month) continue;
    if (at.contains(r.doctor_code)) continue;  // a second row of one doctor and month: the first counts
    at.emplace(r.doctor_code, out.size());
    DoctorEvaluation& e = out.emplace_back();
    e.doctor_code = r.doctor_code;
    e.department = r.department;
    e.level = r.level;
    e.month = month;
    e.month_own = r.overtime;
    e.month_total = r.overtime + r.other_workplaces;
    e.longest_continuous = r.longest_continuous;
    e.interval_shortfalls = r.interval_shortfalls;
    e.compensatory_rest_owed = r.compensatory_rest_owed;
    e.interview_done = r.interview_done;
  }
  // The fiscal year up to the month; a doctor counted once per month.
  std::vector<std::int32_t> seen_mask(out.size(), 0);
  for (const MonthRow& r : rows) {
    if (r.month < first || r.month > month) continue;
    auto it = at.find(r.doctor_code);
    if (it == at.end()) continue;
    const std::int32_t bit = 1 << (r.month.fiscal_month() - 1);
    if (seen_mask[it->second] & bit) continue;
    seen_mask[it->second] |= bit;
    DoctorEvaluation& e = out[it->second];
    e.ytd_own += r.overtime;
    e.ytd_total += r.overtime + r.other_workplaces;
    ++e.months_reported;
  }
  for (DoctorEvaluation& e : out) finish(e);
  std::sort(out.begin(), out.end(), [](const DoctorEvaluation& a, const DoctorEvaluation& b) {
    auto sa = a.severity(), sb = b.severity();
    if (sa != sb) return sa > sb;
    return a.doctor_code < b.doctor_code;
  });
  return out;
}

HospitalFlags summarize(std::span<const DoctorEvaluation> evaluations) {
  HospitalFlags h;
  for (const DoctorEvaluation& e : evaluations) {
    ++h.doctors;
    h.over_80 += e.has(over_80);
    h.over_100 += e.has(over_100);
    h.over_155 += e.has(over_155);
    h.interview_gaps += e.has(interview_gap);
    h.projected_over_cap += e.has(projected_over_cap);
    h.ytd_over_cap += e.has(ytd_over_cap);
    h.continuous_breaches += e.has(continuous_breach);
    h.interval_breaches += e.has(interval_breach);
    h.rest_owed += e.has(rest_owed);
    h.max_month_total = std::max(h.max_month_total, e.month_total);
    h.at_risk += e.flags != 0;
  }
  return h;
}

std::vector<MonthRow> HoursBook::replace_month(const std::string& hospital, YearMonth month,
                                               std::vector<MonthRow> rows) {
  for (MonthRow& r : rows) r.month = month;
  auto& slot = months_[hospital][month];
  std::vector<MonthRow> previous = std::move(slot);
  slot = std::move(rows);
  return previous;
}

std::vector<MonthRow> HoursBook::fiscal_year_rows(const std::string& hospital, YearMonth month) const {
  std::vector<MonthRow> out;
  auto h = months_.find(hospital);
  if (h == months_.end()) return out;
  const YearMonth first = YearMonth::of(month.fiscal_year(), 4);
  for (auto it = h->second.lower_bound(first); it != h->second.end() && it->first <= month; ++it)
    out.insert(out.end(), it->second.begin(), it->second.end());
  return out;
}

std::vector<DoctorEvaluation> HoursBook::evaluate(const std::string& hospital, YearMonth month) const {
  auto rows = fiscal_year_rows(hospital, month);
  return workenv_hours::evaluate(rows, month);
}

std::vector<std::string> HoursBook::hospitals() const {
  std::vector<std::string> out;
  for (const auto& [id, _] : months_) out.push_back(id);
  return out;
}

std::optional<YearMonth> HoursBook::latest_month(const std::string& hospital) const {
  auto h = months_.find(hospital);
  if (h == months_.end() || h->second.empty()) return std::nullopt;
  return h->second.rbegin()->first;
}

}  // namespace kh::workenv_hours
