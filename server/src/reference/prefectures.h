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

}  // namespace kh::reference
