#include "reference/prefectures.h"

#include <array>

namespace kh::reference {
namespace {
constexpr std::array<Prefecture, 47> all{{
    {"01", "北海道", "Hokkaido"},   {"02", "青森県", "Aomori"},     {"03", "岩手県", "Iwate"},
    {"04", "宮城県", "Miyagi"},     {"05", "秋田県", "Akita"},      {"06", "山形県", "Yamagata"},
    {"07", "福島県", "Fukushima"},  {"08", "茨城県", "Ibaraki"},    {"09", "栃木県", "Tochigi"},
    {"10", "群馬県", "Gunma"},      {"11", "埼玉県", "Saitama"},    {"12", "千葉県", "Chiba"},
    {"13", "東京都", "Tokyo"},      {"14", "神奈川県", "Kanagawa"}, {"15", "新潟県", "Niigata"},
    {"16", "富山県", "Toyama"},     {"17", "石川県", "Ishikawa"},   {"18", "福井県", "Fukui"},
    {"19", "山梨県", "Yamanashi"},  {"20", "長野県", "Nagano"},     {"21", "岐阜県", "Gifu"},
    {"22", "静岡県", "Shizuoka"},   {"23", "愛知県", "Aichi"},      {"24", "三重県", "Mie"},
    {"25", "滋賀県", "Shiga"},      {"26", "京都府", "Kyoto"},      {"27", "大阪府", "Osaka"},
    {"28", "兵庫県", "Hyogo"},      {"29", "奈良県", "Nara"},       {"30", "和歌山県", "Wakayama"},
    {"31", "鳥取県", "Tottori"},    {"32", "島根県", "Shimane"},    {"33", "岡山県", "Okayama"},
    {"34", "広島県", "Hiroshima"},  {"35", "山口県", "Yamaguchi"},  {"36", "徳島県", "Tokushima"},
    {"37", "香川県", "Kagawa"},     {"38", "愛媛県", "Ehime"},      {"39", "高知県", "Kochi"},
    {"40", "福岡県", "Fukuoka"},    {"41", "佐賀県", "Saga"},       {"42", "長崎県", "Nagasaki"},
    {"43", "熊本県", "Kumamoto"},   {"44", "大分県", "Oita"},       {"45", "宮崎県", "Miyazaki"},
    {"46", "鹿児島県", "Kagoshima"}, {"47", "沖縄県", "Okinawa"},
}};
}  // namespace

std::span<const Prefecture> prefectures() { return all; }

const Prefecture* find_prefecture(std::string_view code) {
  for (const auto& p : all)
    if (p.code == code) return &p;
  return nullptr;
}

const Prefecture* find_prefecture_by_name(std::string_view name) {
  for (const auto& p : all) {
    if (p.name == name) return &p;
    // 東京, 大阪, 神奈川: the name without 都, 府 or 県 (道 stays: 北海 is not a name anyone writes).
    const auto suffix = p.name.substr(p.name.size() - 3);  // one kanji in UTF-8
    if (suffix != "道" && p.name.substr(0, p.name.size() - 3) == name) return &p;
  }
  return nullptr;
}

const Prefecture* prefecture_prefix(std::string_view address) {
  for (const auto& p : all)
    if (address.starts_with(p.name)) return &p;
  return nullptr;
}

}  // namespace kh::reference
