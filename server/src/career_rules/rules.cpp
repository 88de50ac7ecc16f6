// A programme's rules as data: their checks and their one-line Japanese descriptions.
#include <cmath>
#include <set>
#include <string>

#include "career_rules/career_rules.h"

namespace kh::career_rules {

namespace {
std::string months_text(int months) {
  if (months > 0 && months % 12 == 0) return std::to_string(months / 12) + "年（" + std::to_string(months) + "か月）";
  return std::to_string(months) + "か月";
}
std::string factor_text(double f) {
  std::string s = std::to_string(f);  // "1.500000"
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}
std::optional<std::string> months_in_range(const Rule& r, int min) {
  if (r.months < min || r.months > max_rule_months)
    return "ルール「" + std::string(rule_kind_label_ja(r.kind)) + "」の月数は" + std::to_string(min) + "から" +
           std::to_string(max_rule_months) + "までの整数で入力してください。";
  return std::nullopt;
}
}  // namespace

std::optional<std::string> validate_rule(const Rule& r) {
  const std::string label(rule_kind_label_ja(r.kind));
  if (r.id.empty()) return "ルール「" + label + "」の識別子を入力してください。";
  switch (r.kind) {
    case RuleKind::total_period:
      if (!std::isfinite(r.loan_factor) || r.loan_factor < 0 || r.loan_factor > 5)
        return "ルール「対象期間」の貸与期間の倍率は0から5までの数で入力してください。";
      if (auto e = months_in_range(r, 0)) return e;
      if (r.months == 0 && r.loan_factor == 0)
        return "ルール「対象期間」には月数か貸与期間の倍率のどちらかを入力してください。";
      return std::nullopt;
    case RuleKind::shortage_months:
    case RuleKind::posting_min_months:
      return months_in_range(r, 1);
    case RuleKind::group_months:
      if (r.group.empty()) return "ルール「指定医療機関群での勤務」の医療機関群を選んでください。";
      return months_in_range(r, 1);
    case RuleKind::out_of_prefecture_cap:
    case RuleKind::research_cap:
    case RuleKind::interruption_cap:
      if (r.kind == RuleKind::interruption_cap && !is_interruption_reason(r.reason))
        return "ルール「中断の上限」の中断理由を選んでください。";
      return months_in_range(r, 0);
    case RuleKind::specialist_by_year:
      if (r.year < 1 || r.year > 30)
        return "ルール「専門医資格の取得期限」の卒後年数は1から30までの整数で入力してください。";
      return months_in_range(r, 0);
  }
  return "ルールの種類が正しくありません。";
}

std::optional<std::string> validate_rules(std::span<const Rule> rules) {
  std::set<std::string> ids, reasons;
  int total = 0;
  for (const Rule& r : rules) {
    if (auto e = validate_rule(r)) return e;
    if (!ids.insert(r.id).second) return "ルールの識別子「" + r.id + "」が2回使われています。";
    if (r.kind == RuleKind::total_period) ++total;
    if (r.kind == RuleKind::interruption_cap && !reasons.insert(r.reason).second)
      return "中断理由「" + std::string(interruption_reason_label_ja(r.reason)) + "」の上限が2つあります。";
  }
  if (total == 0) return "ルール「対象期間」が必要です。";
  if (total > 1) return "ルール「対象期間」は1つだけにしてください。";
  return std::nullopt;
}

std::string describe_rule(const Rule& r) {
  switch (r.kind) {
    case RuleKind::total_period: {
      std::string s = "対象期間 ";
      if (r.months > 0) s += months_text(r.months) + "以上";
      if (r.loan_factor > 0 && r.months > 0) s += "（貸与期間の" + factor_text(r.loan_factor) + "倍の方が長ければその期間）";
      else if (r.loan_factor > 0) s += "貸与期間の" + factor_text(r.loan_factor) + "倍以上";
      return s;
    }
    case RuleKind::shortage_months: return "医師少数区域等での勤務 " + months_text(r.months) + "以上";
    case RuleKind::posting_min_months: return "1医療機関での勤務 1か所" + months_text(r.months) + "以上";
    case RuleKind::group_months:
      return (r.group_name.empty() ? r.group : r.group_name) + "の1医療機関で " + months_text(r.months) + "以上";
    case RuleKind::out_of_prefecture_cap: return "県外・海外での勤務 通算" + months_text(r.months) + "以内";
    case RuleKind::research_cap: return "大学院（研究のみ） 通算" + months_text(r.months) + "以内";
    case RuleKind::specialist_by_year:
      return "専門医資格 卒後" + std::to_string(r.year) + "年以内に取得（専門研修" + months_text(r.months) + "）";
    case RuleKind::interruption_cap:
      return "中断（" + std::string(interruption_reason_label_ja(r.reason)) + "） " + months_text(r.months) +
             "まで期限を延長";
  }
  return {};
}

}  // namespace kh::career_rules
