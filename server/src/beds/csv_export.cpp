// CSV export of the board 「詳細のみ」: one row per facility, comma-separated, Windows-31J, header first.
#include "beds/beds.h"
#include "core/csv.h"
#include "core/text.h"
#include "core/time.h"
#include "reference/prefectures.h"

namespace kh::beds {

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
    field(r.latest ? format_datetime_ja(r.latest->reported_at_ms) : "未報告");
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
  return text::to_windows31j(text);
}

}  // namespace kh::beds
