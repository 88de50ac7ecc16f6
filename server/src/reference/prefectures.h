#pragma once
//! The 47 prefectures with their JIS X 0401 codes ("01" 北海道 … "47" 沖縄県).
#include <span>
#include <string_view>

namespace kh::reference {

struct Prefecture {
  std::string_view code;     //!< two digits, JIS X 0401
  std::string_view name;     //!< 東京都
  std::string_view name_en;  //!< Tokyo
};

std::span<const Prefecture> prefectures();
//! nullptr for an unknown code.
const Prefecture* find_prefecture(std::string_view code);
//! By the name a person writes: 東京都 or 東京 (北海道 in full); nullptr when none.
const Prefecture* find_prefecture_by_name(std::string_view name);
//! The prefecture an address written out in full begins with (東京都千代田区 → 東京都), by its full name.
const Prefecture* prefecture_prefix(std::string_view address);

}  // namespace kh::reference
