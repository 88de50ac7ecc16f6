#include "placement/json_io.h"

#include <boost/json.hpp>

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "core/json.h"
#include "core/text.h"

namespace kh::placement {
namespace {

namespace bj = boost::json;

Error invalid(std::string message) { return {400, "invalid_instance", std::move(message), {}}; }

std::string quoted(std::string_view s) { return "「" + std::string(s) + "」"; }

//! The 1-based line of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

Result<bj::object> parse(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return fail(invalid("入力が空です。インスタンスをJSONで渡してください。"));
  if (!text::is_valid_utf8(text)) return fail(invalid("入力の文字コードが正しくありません（UTF-8で渡してください）。"));
  bj::parse_options options;
  options.max_depth = 32;
  bj::stream_parser parser({}, options);
  boost::system::error_code ec;
  const auto consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec && consumed < text.size()) ec = bj::error::extra_data;
  if (!ec) parser.finish(ec);
  if (ec) return fail(invalid("入力がJSONとして正しくありません（" + std::to_string(line_of(text, consumed)) + "行目）。"));
  auto value = parser.release();
  if (!value.is_object()) return fail(invalid("入力はJSONオブジェクト（{…}）で渡してください。"));
  if (json::has_duplicate_key(text)) return fail(invalid("入力のJSONに同じ項目名が2回以上あるオブジェクトがあります。"));
  return std::move(value.as_object());
}

//! Reads one part of the instance, naming the item in every message.
class Reader {
 public:
  //! The array at `key` of the top-level object.
  static Result<const bj::array*> array(const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v) return fail(invalid(std::string(key) + " がありません。"));
    if (!v->is_array()) return fail(invalid(std::string(key) + " は配列で指定してください。"));
    return &v->as_array();
  }
  //! The object at position i of `list` (named "list[i]" in messages until its id is known).
  static Result<const bj::object*> item(const bj::array& a, std::string_view list, std::size_t i) {
    if (!a[i].is_object()) return fail(invalid(std::string(list) + "[" + std::to_string(i) + "] はオブジェクトで指定してください。"));
    return &a[i].as_object();
  }
  static Result<std::string> id(const bj::object& o, std::string_view list, std::size_t i) {
    const auto where = std::string(list) + "[" + std::to_string(i) + "]";
    const auto* v = o.if_contains("id");
    if (!v) return fail(invalid(where + " に id がありません。"));
    if (!v->is_string() || v->as_string().empty()) return fail(invalid(where + " の id は空でない文字列で指定してください。"));
    const std::string_view s = v->as_string();
    if (text::length(s) > 200 || text::has_forbidden_characters(s, text::Lines::single))
      return fail(invalid(where + " の id は制御文字を含まない200文字以内の文字列で指定してください。"));
    return std::string(s);
  }
  //! An integer 0…INT32_MAX at `key`; `what` names the owner (「区域「R1」の」).
  static Result<std::int32_t> count(const bj::object& o, std::string_view key, const std::string& what) {
    const auto* v = o.if_contains(key);
    if (!v) return fail(invalid(what + "の " + std::string(key) + " がありません。"));
    std::int64_t n = -1;
    if (v->is_int64()) n = v->as_int64();
    else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max())) n = static_cast<std::int64_t>(v->as_uint64());
    else if (v->is_uint64()) n = std::numeric_limits<std::int64_t>::max();
    if (n < 0 || n > std::numeric_limits<std::int32_t>::max())
      return fail(invalid(what + "の " + std::string(key) + " は0以上2147483647以下の整数で指定してください。"));
    return static_cast<std::int32_t>(n);
  }
  static Result<std::string> name(const bj::object& o, const std::string& what) {
    const auto* v = o.if_contains("name");
    if (!v || v->is_null()) return std::string();
    if (!v->is_string() || text::length(v->as_string()) > 200 || text::has_forbidden_characters(v->as_string(), text::Lines::single))
      return fail(invalid(what + "の name は制御文字を含まない200文字以内の文字列で指定してください。"));
    return std::string(v->as_string());
  }
  //! The ids of `preferences`, resolved in `index`; `what` names the owner, `kind` the other side (医師/病院).
  static Result<void> preferences(const bj::object& o, const std::string& what, std::string_view list_name, std::string_view kind,
                                  std::string_view kind_list, const std::unordered_map<std::string_view, std::int32_t>& index,
                                  std::vector<std::int32_t>& out) {
    const auto* v = o.if_contains("preferences");
    if (!v) return fail(invalid(what + "の preferences がありません（" + std::string(list_name) + "が空なら [] を指定してください）。"));
    if (!v->is_array()) return fail(invalid(what + "の preferences は" + std::string(kind) + "IDの配列で指定してください。"));
    for (const auto& entry : v->as_array()) {
      if (!entry.is_string()) return fail(invalid(what + "の preferences は" + std::string(kind) + "IDの配列で指定してください。"));
      const std::string_view id = entry.as_string();
      const auto it = index.find(id);
      if (it == index.end())
        return fail(invalid(what + "の" + std::string(list_name) + "にある" + std::string(kind) + quoted(id) + "は " +
                            std::string(kind_list) + " にありません。"));
      out.push_back(it->second);
    }
    return {};
  }
};

//! Id → index; an id given twice is refused, naming it (`kind`: 区域, 病院, 医師).
Result<std::unordered_map<std::string_view, std::int32_t>> index_of(const std::vector<std::string>& ids, std::string_view kind) {
  std::unordered_map<std::string_view, std::int32_t> index;
  index.reserve(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!index.emplace(ids[i], static_cast<std::int32_t>(i)).second)
      return fail(invalid(std::string(kind) + "ID" + quoted(ids[i]) + "が2回以上あります。IDは重複できません。"));
  return index;
}

}  // namespace

Result<Problem> read_problem(std::string_view json_text) {
  const auto top = KH_TRY(parse(json_text));
  Problem p;
  auto& in = p.instance;

  const auto* mechanism = top.if_contains("mechanism");
  if (!mechanism) return fail(invalid("mechanism がありません（da、jrmp、fda のいずれか）。"));
  const auto parsed = mechanism->is_string() ? parse_mechanism(mechanism->as_string()) : std::nullopt;
  if (!parsed)
    return fail(invalid("mechanism " + (mechanism->is_string() ? quoted(mechanism->as_string()) : bj::serialize(*mechanism)) +
                        " は使えません。da、jrmp、fda のいずれかを指定してください。"));
  p.mechanism = *parsed;

  const auto* regions = KH_TRY(Reader::array(top, "regions"));
  const auto* hospitals = KH_TRY(Reader::array(top, "hospitals"));
  const auto* doctors = KH_TRY(Reader::array(top, "doctors"));

  // Ids first, every list, so that preferences and regions can be resolved whatever the order of the lists.
  for (std::size_t i = 0; i < regions->size(); ++i) {
    const auto* o = KH_TRY(Reader::item(*regions, "regions", i));
    in.region_ids.push_back(KH_TRY(Reader::id(*o, "regions", i)));
  }
  for (std::size_t i = 0; i < hospitals->size(); ++i) {
    const auto* o = KH_TRY(Reader::item(*hospitals, "hospitals", i));
    in.hospital_ids.push_back(KH_TRY(Reader::id(*o, "hospitals", i)));
  }
  for (std::size_t i = 0; i < doctors->size(); ++i) {
    const auto* o = KH_TRY(Reader::item(*doctors, "doctors", i));
    in.doctor_ids.push_back(KH_TRY(Reader::id(*o, "doctors", i)));
  }
  const auto region_index = KH_TRY(index_of(in.region_ids, "区域"));
  const auto hospital_index = KH_TRY(index_of(in.hospital_ids, "病院"));
  const auto doctor_index = KH_TRY(index_of(in.doctor_ids, "医師"));

  for (std::size_t i = 0; i < regions->size(); ++i) {
    const auto& o = (*regions)[i].as_object();
    const auto what = "区域" + quoted(in.region_ids[i]);
    in.region_cap.push_back(KH_TRY(Reader::count(o, "cap", what)));
    p.region_names.push_back(KH_TRY(Reader::name(o, what)));
  }
  for (std::size_t i = 0; i < hospitals->size(); ++i) {
    const auto& o = (*hospitals)[i].as_object();
    const auto what = "病院" + quoted(in.hospital_ids[i]);
    const auto* region = o.if_contains("region");
    if (!region) return fail(invalid(what + "の region がありません。"));
    if (!region->is_string()) return fail(invalid(what + "の region は区域IDの文字列で指定してください。"));
    const auto r = region_index.find(std::string_view(region->as_string()));
    if (r == region_index.end()) return fail(invalid(what + "の区域" + quoted(region->as_string()) + "は regions にありません。"));
    in.hospital_region.push_back(r->second);
    in.hospital_capacity.push_back(KH_TRY(Reader::count(o, "capacity", what)));
    in.hospital_target.push_back(KH_TRY(Reader::count(o, "target", what)));
    p.hospital_names.push_back(KH_TRY(Reader::name(o, what)));
    KH_TRY_VOID(Reader::preferences(o, what, "順位表", "医師", "doctors", doctor_index, in.hospital_prefs));
    in.hospital_pref_start.push_back(static_cast<std::int32_t>(in.hospital_prefs.size()));
  }
  for (std::size_t i = 0; i < doctors->size(); ++i) {
    const auto& o = (*doctors)[i].as_object();
    const auto what = "医師" + quoted(in.doctor_ids[i]);
    KH_TRY_VOID(Reader::preferences(o, what, "希望順位", "病院", "hospitals", hospital_index, in.doctor_prefs));
    in.doctor_pref_start.push_back(static_cast<std::int32_t>(in.doctor_prefs.size()));
  }
  if (in.hospital_prefs.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()) ||
      in.doctor_prefs.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    return fail(invalid("順位表が大きすぎます。"));
  if (auto problem = validate(in)) return fail(invalid(std::move(*problem)));
  return p;
}

std::string write_result(const Problem& p, std::span<const std::int32_t> assignment, const Audit& audit,
                         bool explanations) {
  const auto& in = p.instance;
  bj::object out;
  bj::object placed;
  placed.reserve(in.doctor_ids.size());
  for (std::int32_t d = 0; d < in.doctors(); ++d) {
    const auto h = d < static_cast<std::int32_t>(assignment.size()) ? assignment[d] : unmatched;
    if (h >= 0 && h < in.hospitals()) placed.emplace(in.doctor_ids[d], in.hospital_ids[h]);
    else placed.emplace(in.doctor_ids[d], nullptr);
  }
  out.emplace("assignment", std::move(placed));
  bj::array pairs;
  for (const auto& [d, h] : audit.blocking_pairs)
    pairs.push_back(bj::object{{"doctor", in.doctor_ids[d]}, {"hospital", in.hospital_ids[h]}});
  out.emplace("audit", bj::object{{"caps_respected", audit.caps_respected()},
                                  {"blocking_pairs", std::move(pairs)},
                                  {"stable", audit.stable()}});
  if (explanations) {
    const Explainer explainer(in, p.mechanism, assignment);
    const DisplayNames names{p.hospital_names, p.region_names};
    bj::object all;
    for (std::int32_t d = 0; d < in.doctors(); ++d) {
      const auto reasons = explainer.explain(d, names);
      if (reasons.empty()) continue;
      bj::array list;
      for (const auto& x : reasons)
        list.push_back(bj::object{{"hospital", in.hospital_ids[x.hospital]}, {"reason", reason_code(x.reason)}, {"message", x.message}});
      all.emplace(in.doctor_ids[d], std::move(list));
    }
    out.emplace("explanations", std::move(all));
  }
  return bj::serialize(out);
}

}  // namespace kh::placement
