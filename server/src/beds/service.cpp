// Bed reports: validation, storage as history, and the board held in memory (latest report per facility).
#include <boost/json.hpp>

#include <algorithm>
#include <mutex>
#include <set>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "beds/beds.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "reference/reference.h"
#include "store/change_log.h"
#include "store/database.h"

namespace kh::beds {
namespace bj = boost::json;
namespace {

bool known(const std::vector<Code>& codes, std::string_view code) {
  return std::any_of(codes.begin(), codes.end(), [&](const Code& c) { return code == c.code; });
}

std::string name_of(const std::vector<Code>& codes, std::string_view code) {
  for (const auto& c : codes)
    if (code == c.code) return c.name;
  return std::string(code);
}

}  // namespace

const std::vector<Code>& ward_types() {
  static const std::vector<Code> codes = {{"general", "一般病床"}, {"recuperation", "療養病床"}, {"psychiatric", "精神病床"},
                                          {"infectious", "感染症病床"}, {"tuberculosis", "結核病床"}, {"icu", "ICU"},
                                          {"hcu", "HCU"}, {"nicu", "NICU"}};
  return codes;
}
const std::vector<Code>& patient_categories() {
  static const std::vector<Code> codes = {{"emergency", "救急"}, {"infection", "新興感染症"}, {"pediatric", "小児"},
                                          {"psychiatric", "精神"}, {"dialysis", "透析"}, {"perinatal", "周産期"}};
  return codes;
}
const std::vector<Code>& acceptance_statuses() {
  static const std::vector<Code> codes = {{"ok", "可"}, {"conditional", "条件付き"}, {"no", "不可"}};
  return codes;
}

Result<Report> Service::submit(const accounts::CurrentUser& reporter, const bj::object& body) {
  KH_TRY_VOID(accounts::require_role(reporter, {accounts::Role::facility}));
  std::string facility_id;
  for (const auto& o : reporter.user.organisations)
    if (o.kind == accounts::OrgKind::facility) { facility_id = o.id; break; }
  if (const auto* f = body.if_contains("facility_id"); f && f->is_string()) {
    const std::string wanted(f->as_string());
    if (std::none_of(reporter.user.organisations.begin(), reporter.user.organisations.end(), [&](const auto& o) { return o.id == wanted; }))
      return fail(errors::validation({{"facility_id", "所属していない医療機関の病床は報告できません。"}}));
    facility_id = wanted;
  }
  if (facility_id.empty()) return fail(errors::forbidden("医療機関に所属していないため、病床を報告できません。"));

  Report r;
  std::map<std::string, std::string> problems;
  const auto* wards = body.if_contains("wards");
  if (!wards || !wards->is_array() || wards->as_array().empty()) problems["wards"] = "病棟種別ごとの病床数を1つ以上入力してください。";
  else {
    std::set<std::string> seen;
    std::size_t i = 0;
    for (const auto& w : wards->as_array()) {
      const std::string prefix = "wards." + std::to_string(i++) + ".";
      if (!w.is_object()) { problems[prefix + "ward_type"] = "病棟の指定が正しくありません。"; continue; }
      const auto& o = w.as_object();
      WardCount wc;
      const auto* type = o.if_contains("ward_type");
      wc.ward_type = type && type->is_string() ? std::string(type->as_string()) : "";
      if (!known(ward_types(), wc.ward_type)) { problems[prefix + "ward_type"] = "「病棟種別」が正しくありません。"; continue; }
      const std::string ward = name_of(ward_types(), wc.ward_type);
      if (!seen.insert(wc.ward_type).second) { problems[prefix + "ward_type"] = "「" + ward + "」が2回入力されています。"; continue; }
      auto number = [&](std::string_view key, std::string_view label, std::int64_t& out) {
        const auto* v = o.if_contains(key);
        if (!v || !v->is_int64() || v->as_int64() < 0 || v->as_int64() > 100000) {
          problems[prefix + std::string(key)] = "「" + ward + "」の「" + std::string(label) + "」は0以上の整数で入力してください。";
          return false;
        }
        out = v->as_int64();
        return true;
      };
      const bool ok = number("permitted", "許可病床数", wc.permitted) & number("secured", "確保病床数", wc.secured) &
                      number("vacant", "空床数", wc.vacant);
      if (ok && wc.secured > wc.permitted) problems[prefix + "secured"] = "「" + ward + "」の確保病床数が許可病床数を超えています。";
      if (ok && wc.vacant > wc.permitted) problems[prefix + "vacant"] = "「" + ward + "」の空床数が許可病床数を超えています。";
      r.wards.push_back(wc);
    }
  }
  if (const auto* a = body.if_contains("acceptance"); a && !a->is_null()) {
    if (!a->is_object()) problems["acceptance"] = json::msg_wrong_type("受入可否", "オブジェクト");
    else
      for (const auto& [category, status] : a->as_object()) {
        if (!known(patient_categories(), category)) { problems["acceptance." + std::string(category)] = "「受入区分」が正しくありません。"; continue; }
        if (!status.is_string() || !known(acceptance_statuses(), std::string_view(status.as_string()))) {
          problems["acceptance." + std::string(category)] = "「" + name_of(patient_categories(), category) + "」の受入可否は ok / conditional / no のいずれかです。";
          continue;
        }
        r.acceptance[std::string(category)] = std::string(status.as_string());
      }
  }
  json::FieldReader f(body);
  r.note = f.optional_text("note", "備考", 1000);
  if (r.note && r.note->empty()) r.note.reset();
  for (const auto& [k, v] : f.errors()) problems.try_emplace(k, v);
  if (!problems.empty()) return fail(errors::validation(std::move(problems)));

  r.id = crypto::new_id("bed");
  r.facility_id = facility_id;
  // Stored as people read it (氏名（組織名）), not as a login: the board shows it for thousands of rows.
  r.reported_by = reporter.user.organisations.empty()
                      ? reporter.user.display_name
                      : reporter.user.display_name + "（" + reporter.user.organisations.front().name + "）";
  r.reported_at_ms = now_ms();
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY(c.execute("INSERT INTO bed_reports (id, facility_id, reported_at, reported_by, note) VALUES ($1, $2, $3, $4, $5)",
                     {r.id, r.facility_id, r.reported_at_ms, r.reported_by, store::optional_text(r.note)}));
    for (const auto& w : r.wards)
      KH_TRY(c.execute("INSERT INTO bed_report_wards (report_id, ward_type, permitted, secured, vacant) VALUES ($1, $2, $3, $4, $5)",
                       {r.id, w.ward_type, w.permitted, w.secured, w.vacant}));
    for (const auto& [category, status] : r.acceptance)
      KH_TRY(c.execute("INSERT INTO bed_report_acceptance (report_id, patient_category, status) VALUES ($1, $2, $3)",
                       {r.id, category, status}));
    KH_TRY_VOID(store::append_change(c, "bed_report", r.facility_id, "create"));
    return audit::record(c, accounts::actor_of(reporter), "bed_report", "organisation", r.facility_id);
  }));
  return r;
}

Result<std::vector<Report>> Service::history(const std::string& facility_id, int limit) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  auto heads = KH_TRY(c.execute("SELECT id, facility_id, reported_at, reported_by, note FROM bed_reports WHERE facility_id = $1 "
                                "ORDER BY reported_at DESC, id DESC LIMIT $2", {facility_id, std::int64_t{limit}}));
  std::vector<Report> out;
  for (const auto& h : heads.rows) {
    Report r{h.text(0), h.text(1), h.text(3), h.integer(2), {}, {}, h.optional_text(4)};
    auto wards = KH_TRY(c.execute("SELECT ward_type, permitted, secured, vacant FROM bed_report_wards WHERE report_id = $1", {r.id}));
    for (const auto& w : wards.rows) r.wards.push_back({w.text(0), w.integer(1), w.integer(2), w.integer(3)});
    // Keep the reference order of ward types, whatever order the rows come back in.
    std::sort(r.wards.begin(), r.wards.end(), [](const auto& a, const auto& b) {
      auto pos = [](const std::string& t) {
        const auto& all = ward_types();
        return std::find_if(all.begin(), all.end(), [&](const Code& c) { return t == c.code; }) - all.begin();
      };
      return pos(a.ward_type) < pos(b.ward_type);
    });
    auto acc = KH_TRY(c.execute("SELECT patient_category, status FROM bed_report_acceptance WHERE report_id = $1", {r.id}));
    for (const auto& a : acc.rows) r.acceptance[a.text(0)] = a.text(1);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::optional<Report>> Service::latest_report(const std::string& facility_id) {
  auto list = KH_TRY(history(facility_id, 1));
  if (list.empty()) return std::optional<Report>{};
  return std::optional<Report>{std::move(list.front())};
}

BoardRow Service::make_row(const accounts::Organisation& o, std::optional<Report> latest) const {
  BoardRow row;
  row.facility_id = o.id;
  row.name = o.name;
  row.prefecture = o.prefecture;
  row.municipality = o.municipality.value_or("");
  row.address = o.address.value_or("");
  if (auto m = catalogue_.municipality(row.municipality)) {
    row.municipality_name = m->name;
    row.area = m->area_code;
    if (auto a = catalogue_.area(m->area_code)) row.area_name = a->name;
  }
  if (latest)
    for (const auto& w : latest->wards) {
      row.permitted += w.permitted;
      row.secured += w.secured;
      row.vacant += w.vacant;
    }
  row.latest = std::move(latest);
  const auto* pref = reference::find_prefecture(row.prefecture);
  row.folded = text::fold(row.name + " " + (pref ? std::string(pref->name) : "") + row.municipality_name + row.address);
  return row;
}

Result<void> Service::rebuild() {
  std::map<std::string, BoardRow> fresh;
  for (const auto& o : KH_TRY(accounts_.list_organisations())) {
    if (o.kind != accounts::OrgKind::facility) continue;
    fresh[o.id] = make_row(o, KH_TRY(latest_report(o.id)));
  }
  std::unique_lock lock(mutex_);
  rows_ = std::move(fresh);
  return {};
}

void Service::refresh(const std::string& facility_id) {
  // One organisation and its latest report: a report must not cost a read of every facility.
  auto org = accounts_.find_organisation(facility_id);
  if (!org || !*org || (*org)->kind != accounts::OrgKind::facility) return;
  auto latest = latest_report(facility_id);
  if (!latest) return;
  auto row = make_row(**org, std::move(*latest));
  std::unique_lock lock(mutex_);
  rows_[facility_id] = std::move(row);
}

Result<std::vector<std::string>> Service::scope_of(const accounts::CurrentUser& viewer) const {
  using accounts::Role;
  if (viewer.user.role == Role::secretariat) return std::vector<std::string>{};
  if (viewer.user.role != Role::aggregator) return fail(errors::forbidden("病床状況の一覧は、とりまとめ団体と事務局のみ閲覧できます。"));
  std::vector<std::string> places;
  for (const auto& o : viewer.user.organisations) {
    const auto served = accounts::places_served(o);
    places.insert(places.end(), served.begin(), served.end());
  }
  if (places.empty()) return fail(errors::forbidden());
  return places;
}

bool Service::sees(const std::vector<std::string>& scope, const BoardRow& row) {
  return scope.empty() || std::any_of(scope.begin(), scope.end(), [&](const std::string& place) {
           return place == row.prefecture || (!row.area.empty() && place == row.area);
         });
}

BoardPage Service::board(const BoardQuery& q) const {
  const std::string needle = q.q ? text::fold(*q.q) : "";
  std::vector<const BoardRow*> hits;
  std::shared_lock lock(mutex_);
  for (const auto& [_, r] : rows_) {
    if (!sees(q.scope, r)) continue;
    if (q.prefecture && r.prefecture != *q.prefecture) continue;
    if (q.area && r.area != *q.area) continue;
    if (!needle.empty() && r.folded.find(needle) == std::string::npos) continue;
    if (q.accepts) {
      if (!r.latest) continue;
      auto it = r.latest->acceptance.find(*q.accepts);
      if (it == r.latest->acceptance.end() || it->second == "no") continue;
    }
    hits.push_back(&r);
  }
  auto by_name = [](const BoardRow* a, const BoardRow* b) { return a->name != b->name ? a->name < b->name : a->facility_id < b->facility_id; };
  if (q.sort == "vacant")
    std::sort(hits.begin(), hits.end(), [&](auto a, auto b) { return a->vacant != b->vacant ? a->vacant > b->vacant : by_name(a, b); });
  else if (q.sort == "updated")
    std::sort(hits.begin(), hits.end(), [&](auto a, auto b) {
      const auto ta = a->latest ? a->latest->reported_at_ms : 0, tb = b->latest ? b->latest->reported_at_ms : 0;
      return ta != tb ? ta > tb : by_name(a, b);
    });
  else if (q.sort == "area")
    std::sort(hits.begin(), hits.end(), [&](auto a, auto b) { return a->area != b->area ? a->area < b->area : by_name(a, b); });
  else
    std::sort(hits.begin(), hits.end(), by_name);
  BoardPage page;
  page.total = static_cast<std::int64_t>(hits.size());
  const std::size_t begin = q.all ? 0 : static_cast<std::size_t>(q.page - 1) * q.per_page;
  const std::size_t end = q.all ? hits.size() : std::min(hits.size(), begin + q.per_page);
  for (std::size_t i = begin; i < end; ++i) page.rows.push_back(*hits[i]);
  return page;
}

std::optional<BoardRow> Service::row(const std::string& facility_id) const {
  std::shared_lock lock(mutex_);
  auto it = rows_.find(facility_id);
  if (it == rows_.end()) return std::nullopt;
  return it->second;
}

}  // namespace kh::beds
