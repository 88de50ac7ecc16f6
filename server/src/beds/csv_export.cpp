// CSV export of the board 「詳細のみ」: one row per facility, comma-separated, Windows-31J, header first.
#include <iconv.h>

#include <cerrno>

#include "beds/beds.h"
#include "core/csv.h"
#include "core/time.h"
#include "reference/prefectures.h"

namespace kh::beds {

std::string to_windows31j(std::string_view utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::string(utf8);
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &out_left) != static_cast<std::size_t>(-1)) break;
    if (errno == EILSEQ || errno == EINVAL) {
      // A character Windows-31J cannot hold (some emoji, rare kanji): one '?' instead of failing the export.
      std::size_t skip = 1;
      while (skip < in_left && (static_cast<unsigned char>(in[skip]) & 0xC0) == 0x80) ++skip;
      in += skip;
      in_left -= skip;
      if (out_left == 0) break;
      *dst++ = '?';
      --out_left;
    } else if (errno == E2BIG) {
      const auto used = static_cast<std::size_t>(dst - out.data());
      out.resize(out.size() * 2);
      dst = out.data() + used;
      out_left = out.size() - used;
    } else {
      break;
    }
  }
  out.resize(static_cast<std::size_t>(dst - out.data()));
  iconv_close(cd);
  return out;
}

std::string Service::csv(const BoardQuery& query) const {
  BoardQuery all = query;
  all.all = true;
  const auto page = board(all);
  std::string text;
  auto field = [&](std::string_view v, bool last = false) { text += csv::escape(v); text += last ? "\r\n" : ","; };
  // Counts are numbers, not text: written as they are (csv::number), never apostrophe-prefixed.
  auto count = [&](std::optional<std::int64_t> v) { text += v ? csv::number(*v) : ""; text += ","; };
  field("医療機関名"); field("都道府県"); field("二次医療圏"); field("市区町村"); field("住所"); field("報告日時");
  field("許可病床数（合計）"); field("確保病床数（合計）"); field("空床数（合計）");
  for (const auto& w : ward_types()) {
    field(std::string(w.name) + " 許可病床数"); field(std::string(w.name) + " 確保病床数"); field(std::string(w.name) + " 空床数");
  }
  for (std::size_t i = 0; i < patient_categories().size(); ++i)
    field("受入可否 " + std::string(patient_categories()[i].name), i + 1 == patient_categories().size());
  for (const auto& r : page.rows) {
    const auto* pref = reference::find_prefecture(r.prefecture);
    field(r.name); field(pref ? pref->name : ""); field(r.area_name); field(r.municipality_name); field(r.address);
    field(r.latest ? format_iso8601_jst(r.latest->reported_at_ms).substr(0, 16) : "未報告");
    const bool reported = r.latest.has_value();
    const auto when = [&](auto v) { return reported ? std::optional<std::int64_t>(v) : std::nullopt; };
    count(when(r.permitted)); count(when(r.secured)); count(when(r.vacant));
    for (const auto& w : ward_types()) {
      const WardCount* found = nullptr;
      if (r.latest)
        for (const auto& c : r.latest->wards)
          if (c.ward_type == w.code) found = &c;
      const auto of = [&](auto member) { return found ? std::optional<std::int64_t>(found->*member) : std::nullopt; };
      count(of(&WardCount::permitted)); count(of(&WardCount::secured)); count(of(&WardCount::vacant));
    }
    for (std::size_t i = 0; i < patient_categories().size(); ++i) {
      std::string status;
      if (r.latest)
        if (auto it = r.latest->acceptance.find(patient_categories()[i].code); it != r.latest->acceptance.end())
          for (const auto& s : acceptance_statuses())
            if (it->second == s.code) status = s.name;
      field(status, i + 1 == patient_categories().size());
    }
  }
  return to_windows31j(text);
}

}  // namespace kh::beds
