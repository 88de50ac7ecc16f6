#include <algorithm>
#include <string>
#include <unordered_set>

#include "placement/detail.h"
#include "placement/placement.h"

namespace kh::placement {

std::string_view mechanism_code(Mechanism m) {
  switch (m) {
    case Mechanism::da: return "da";
    case Mechanism::jrmp: return "jrmp";
    case Mechanism::fda: return "fda";
  }
  return "da";
}

std::optional<Mechanism> parse_mechanism(std::string_view code) {
  for (auto m : {Mechanism::da, Mechanism::jrmp, Mechanism::fda})
    if (mechanism_code(m) == code) return m;
  return std::nullopt;
}

std::int32_t Instance::add_region(std::string id, std::int32_t cap) {
  region_ids.push_back(std::move(id));
  region_cap.push_back(cap);
  return regions() - 1;
}

std::int32_t Instance::add_hospital(std::string id, std::int32_t region, std::int32_t capacity, std::int32_t target,
                                    std::span<const std::int32_t> preferences) {
  hospital_ids.push_back(std::move(id));
  hospital_region.push_back(region);
  hospital_capacity.push_back(capacity);
  hospital_target.push_back(target);
  hospital_prefs.insert(hospital_prefs.end(), preferences.begin(), preferences.end());
  hospital_pref_start.push_back(static_cast<std::int32_t>(hospital_prefs.size()));
  return hospitals() - 1;
}

std::int32_t Instance::add_doctor(std::string id, std::span<const std::int32_t> preferences) {
  doctor_ids.push_back(std::move(id));
  doctor_prefs.insert(doctor_prefs.end(), preferences.begin(), preferences.end());
  doctor_pref_start.push_back(static_cast<std::int32_t>(doctor_prefs.size()));
  return doctors() - 1;
}

namespace {

std::string quoted(const std::string& id) { return "「" + id + "」"; }

//! The first id that occurs twice, if any.
const std::string* duplicate_id(const std::vector<std::string>& ids) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(ids.size());
  for (const auto& id : ids)
    if (!seen.insert(id).second) return &id;
  return nullptr;
}

bool offsets_consistent(const std::vector<std::int32_t>& start, std::size_t owners, std::size_t entries) {
  if (start.size() != owners + 1 || start.front() != 0 || static_cast<std::size_t>(start.back()) != entries) return false;
  return std::is_sorted(start.begin(), start.end());
}

}  // namespace

std::optional<std::string> validate(const Instance& in) {
  const auto R = in.regions(), H = in.hospitals(), D = in.doctors();
  if (in.region_cap.size() != static_cast<std::size_t>(R) || in.hospital_region.size() != static_cast<std::size_t>(H) ||
      in.hospital_capacity.size() != static_cast<std::size_t>(H) || in.hospital_target.size() != static_cast<std::size_t>(H) ||
      !offsets_consistent(in.hospital_pref_start, H, in.hospital_prefs.size()) ||
      !offsets_consistent(in.doctor_pref_start, D, in.doctor_prefs.size()))
    return "インスタンスの配列の長さが揃っていません。";
  if (const auto* id = duplicate_id(in.region_ids)) return "区域ID" + quoted(*id) + "が2回以上あります。";
  if (const auto* id = duplicate_id(in.hospital_ids)) return "病院ID" + quoted(*id) + "が2回以上あります。";
  if (const auto* id = duplicate_id(in.doctor_ids)) return "医師ID" + quoted(*id) + "が2回以上あります。";
  for (std::int32_t r = 0; r < R; ++r)
    if (in.region_cap[r] < 0) return "区域" + quoted(in.region_ids[r]) + "の cap は0以上の整数で指定してください。";
  std::vector<std::int64_t> targets(R, 0);
  for (std::int32_t h = 0; h < H; ++h) {
    const auto& id = in.hospital_ids[h];
    if (in.hospital_region[h] < 0 || in.hospital_region[h] >= R) return "病院" + quoted(id) + "の区域がありません。";
    if (in.hospital_capacity[h] < 0) return "病院" + quoted(id) + "の capacity は0以上の整数で指定してください。";
    if (in.hospital_target[h] < 0) return "病院" + quoted(id) + "の target は0以上の整数で指定してください。";
    if (in.hospital_target[h] > in.hospital_capacity[h])
      return "病院" + quoted(id) + "の target（" + std::to_string(in.hospital_target[h]) + "）が capacity（" +
             std::to_string(in.hospital_capacity[h]) + "）を超えています。";
    targets[in.hospital_region[h]] += in.hospital_target[h];
  }
  for (std::int32_t r = 0; r < R; ++r)
    if (targets[r] > in.region_cap[r])
      return "区域" + quoted(in.region_ids[r]) + "の病院の target の合計（" + std::to_string(targets[r]) +
             "）が区域の cap（" + std::to_string(in.region_cap[r]) + "）を超えています。";
  // One stamp array per side finds an entry given twice in the same list without sorting any list.
  std::vector<std::int32_t> seen(static_cast<std::size_t>(std::max(H, D)), -1);
  for (std::int32_t h = 0; h < H; ++h)
    for (auto d : in.hospital_preferences(h)) {
      if (d < 0 || d >= D) return "病院" + quoted(in.hospital_ids[h]) + "の順位表に存在しない医師があります。";
      if (seen[d] == h)
        return "病院" + quoted(in.hospital_ids[h]) + "の順位表に医師" + quoted(in.doctor_ids[d]) + "が2回あります。";
      seen[d] = h;
    }
  std::fill(seen.begin(), seen.end(), -1);
  for (std::int32_t d = 0; d < D; ++d)
    for (auto h : in.doctor_preferences(d)) {
      if (h < 0 || h >= H) return "医師" + quoted(in.doctor_ids[d]) + "の希望順位に存在しない病院があります。";
      if (seen[h] == d)
        return "医師" + quoted(in.doctor_ids[d]) + "の希望順位に病院" + quoted(in.hospital_ids[h]) + "が2回あります。";
      seen[h] = d;
    }
  return std::nullopt;
}

namespace detail {

std::vector<std::int32_t> doctor_entry_ranks(const Instance& in) {
  const auto H = in.hospitals(), D = in.doctors();
  const auto L = in.doctor_prefs.size();
  // Bucket the doctor entries by the hospital they name (a counting sort), keeping the entry and its doctor.
  std::vector<std::int32_t> bucket_start(static_cast<std::size_t>(H) + 1, 0);
  for (auto h : in.doctor_prefs) ++bucket_start[h + 1];
  for (std::int32_t h = 0; h < H; ++h) bucket_start[h + 1] += bucket_start[h];
  std::vector<std::int32_t> fill(bucket_start.begin(), bucket_start.end() - 1);
  struct Entry { std::int32_t index, doctor; };
  std::vector<Entry> bucket(L);
  for (std::int32_t d = 0; d < D; ++d)
    for (auto e = in.doctor_pref_start[d]; e < in.doctor_pref_start[d + 1]; ++e)
      bucket[fill[in.doctor_prefs[e]]++] = {e, d};
  std::vector<std::int32_t> ranks(L, -1);
  std::vector<std::int32_t> stamp(D, -1), position(D);
  for (std::int32_t h = 0; h < H; ++h) {
    const auto list = in.hospital_preferences(h);
    for (std::int32_t p = 0; p < static_cast<std::int32_t>(list.size()); ++p) {
      stamp[list[p]] = h;
      position[list[p]] = p;
    }
    for (auto i = bucket_start[h]; i < bucket_start[h + 1]; ++i)
      if (stamp[bucket[i].doctor] == h) ranks[bucket[i].index] = position[bucket[i].doctor];
  }
  return ranks;
}

}  // namespace detail

}  // namespace kh::placement
