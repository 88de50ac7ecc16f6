#pragma once
//! What the placement rounds' service files share (internal to the module): errors and limits, the code lists,
//! a round loaded whole, and the scope, lookup and reading helpers. service.cpp defines the functions; the
//! centre's, facility's and doctor's parts live in service.cpp, facility.cpp, doctors.cpp and results.cpp.
#include <boost/json.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "careers/careers.h"
#include "core/error.h"
#include "core/json.h"
#include "placement_rounds/repo.h"

namespace kh::reference { class Catalogue; }
namespace kh::store { class Connection; }

namespace kh::placement_rounds::detail {
namespace bj = boost::json;

inline const Error round_not_found = errors::not_found("指定された配属先選定は見つかりません。");
inline const Error doctor_not_found = errors::not_found("指定された医師は見つかりません。");
inline const Error position_not_found = errors::not_found("指定されたポジションは見つかりません。");
inline const Error round_confirmed = errors::conflict("round_confirmed", "この配属先選定はすでに確定しています。変更はできません。");

inline constexpr std::size_t max_positions = 300, max_caps = 50, max_ranks = 30, max_facility_ranks = 500;

// ---- code lists ----------------------------------------------------------------------------------------------

struct Code {
  std::string_view code, label;
};
inline constexpr std::array<Code, 3> mechanisms{{
    {"fda", "FDA方式（目標定員を先に満たし、残りを上限まで各医療機関に順に配分）"},
    {"jrmp", "JRMP方式（各医療機関を目標定員で打ち切る）"},
    {"da", "DA方式（定員のみ。地域の上限は使わない）"},
}};
inline constexpr std::array<Code, 3> assignment_kinds{{{"work", "勤務"}, {"specialist_training", "専門研修"}, {"clinical_training", "臨床研修"}}};
inline constexpr std::array<Code, 2> round_states{{{"open", "順位の入力中"}, {"confirmed", "確定"}}};
//! Who entered a list: the doctor's (centre_interview, doctor) and the facility's (facility, centre).
inline constexpr std::array<Code, 4> entered_by_kinds{{
    {"centre_interview", "センターが面談で聴取して入力"},
    {"doctor", "本人が入力"},
    {"facility", "医療機関が入力"},
    {"centre", "センターが医療機関に代わって入力"},
}};
inline constexpr std::array<Code, 4> plan_states{{{"draft", "下書き（違反あり）"}, {"proposed", "案"}, {"confirmation", "本人確認中"}, {"approved", "承認済み"}}};
inline constexpr std::array<std::string_view, 3> designations{"医師少数区域", "中間", "医師多数区域"};

template <std::size_t N>
std::optional<std::string_view> label_of(const std::array<Code, N>& list, std::string_view code) {
  for (const auto& c : list)
    if (c.code == code) return c.label;
  return std::nullopt;
}
template <std::size_t N>
std::string label_or_code(const std::array<Code, N>& list, std::string_view code) {
  return std::string(label_of(list, code).value_or(code));
}

struct Loaded {
  repo::Round round;
  std::vector<repo::Position> positions;
  std::vector<repo::Cap> caps;
  std::vector<repo::DoctorRank> doctor_ranks;
  std::vector<repo::FacilityRank> facility_ranks;
  std::vector<repo::Doctor> doctors;  //!< eligible, in the registry's order
};

// ---- scope and lookups (service.cpp) ---------------------------------------------------------------------------

using careers::centre_prefectures;
//! The caller's facilities (organisation ids); 403 for every other role.
Result<std::vector<std::string>> own_facilities(const accounts::CurrentUser& u);
bool covers(const std::vector<std::string>& list, const std::string& item);
//! 「吉田 修（栃木県地域医療支援センター）」: how people read who did something.
std::string person(const accounts::CurrentUser& u);
//! The round if it is in one of `prefectures` (404 otherwise).
Result<repo::Round> load_round(store::Connection& c, const std::vector<std::string>& prefectures, const std::string& id);
//! 409 once the round is confirmed.
Result<void> require_open(const repo::Round& r);
std::string position_name(const repo::Position& p);
std::string area_name(const reference::Catalogue& catalogue, const std::string& code);
std::vector<std::string> cap_areas(const reference::Catalogue& catalogue, const repo::Cap& cap, const std::string& prefecture);
Result<Loaded> load_all(store::Connection& c, repo::Round round);
const repo::Doctor* find_eligible(const Loaded& l, const std::string& doctor_id);
const repo::Position* find_position(const Loaded& l, const std::string& position_id);
bj::object position_json(const reference::Catalogue& catalogue, const repo::Position& p);

// ---- reading input (service.cpp) -------------------------------------------------------------------------------

void read_settings(const bj::object& body, json::FieldReader& f, repo::Round& r, bool creating);
//! Reads a list of ids ("position_ids", "doctor_ids"): strings, none twice. `label(i)` names item i in messages.
std::vector<std::string> read_id_list(const bj::object& body, json::FieldReader& f, const char* key, const std::string& list_label,
                                      std::size_t max, const std::function<std::string(std::size_t)>& label);
std::string str(const bj::value& v);
std::int64_t num(const bj::value& v);

// ---- a position's ranks (service.cpp) --------------------------------------------------------------------------

//! A position's list of doctors: each must have ranked the position (and still take part), none twice.
std::vector<std::string> read_facility_list(const bj::object& body, json::FieldReader& f, const Loaded& l, const std::string& position_id);
//! A position's ranks of its applicants replaced, entered by the centre or by the facility (`kind`), the round's
//! revision moved and the save audited — in one transaction.
Result<void> store_facility_ranks(store::Connection& c, const accounts::CurrentUser& u, const std::string& id,
                                  const std::string& position_id, const std::vector<std::string>& ids, const std::string& kind);

}  // namespace kh::placement_rounds::detail
