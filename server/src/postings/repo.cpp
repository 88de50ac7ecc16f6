#include "postings/repo.h"

#include "core/text.h"
#include "core/time.h"
#include "store/database.h"

namespace kh::postings::repo {
namespace {

constexpr std::string_view columns =
    "p.id, p.facility_id, o.name, p.status, p.close_reason, p.title, p.category, p.specialty, p.employment, "
    "p.start_date, p.end_date, p.period_months, p.weekdays, p.hours, p.full_time, p.night_duty, p.urgency, "
    "p.positions, p.duties, p.requirements, p.pay, p.benefits, p.training_agreed, p.postal_code, p.prefecture, "
    "p.municipality, p.street, p.building, p.area, p.contact_name, p.contact_location, p.contact_phone, "
    "p.contact_email, p.masked, p.version, p.created_at, p.updated_at, p.published_at";

std::string select_from() {
  return "SELECT " + std::string(columns) + " FROM postings p JOIN organisations o ON o.id = p.facility_id ";
}

Posting to_posting(const store::Row& r) {
  Posting p;
  int i = 0;
  p.id = r.text(i++);
  p.facility_id = r.text(i++);
  p.facility_name = r.text(i++);
  p.status = r.text(i++);
  p.close_reason = r.optional_text(i++);
  p.title = r.text(i++);
  p.category = r.text(i++);
  p.specialty = r.optional_text(i++);
  p.employment = r.text(i++);
  p.start_date = r.text(i++);
  p.end_date = r.optional_text(i++);
  if (!r.is_null(i)) p.period_months = r.integer(i);
  ++i;
  p.weekdays = text::split(r.text(i++), ',');
  p.hours = r.optional_text(i++);
  p.full_time = r.boolean(i++);
  p.night_duty = r.boolean(i++);
  p.urgency = r.text(i++);
  p.positions = r.integer(i++);
  p.duties = r.text(i++);
  p.requirements = r.optional_text(i++);
  p.pay = r.optional_text(i++);
  p.benefits = r.optional_text(i++);
  p.training_agreed = r.boolean(i++);
  p.workplace.postal_code = r.text(i++);
  p.workplace.prefecture = r.text(i++);
  p.workplace.municipality = r.text(i++);
  p.workplace.street = r.text(i++);
  p.workplace.building = r.optional_text(i++);
  p.workplace.area = r.optional_text(i++);
  p.contact.name = r.text(i++);
  p.contact.location = r.optional_text(i++);
  p.contact.phone = r.text(i++);
  p.contact.email = r.text(i++);
  p.masked = r.boolean(i++);
  p.version = r.integer(i++);
  p.created_at_ms = r.integer(i++);
  p.updated_at_ms = r.integer(i++);
  if (!r.is_null(i)) p.published_at_ms = r.integer(i);
  return p;
}

store::Params values(const Posting& p, const std::string& actor_id) {
  return {p.id, p.facility_id, p.status, store::optional_text(p.close_reason), p.title, p.category,
          store::optional_text(p.specialty), p.employment, p.start_date, store::optional_text(p.end_date),
          p.period_months ? store::Param{*p.period_months} : store::Param{nullptr}, text::join(p.weekdays, ","),
          store::optional_text(p.hours), store::flag(p.full_time), store::flag(p.night_duty), p.urgency, p.positions,
          p.duties, store::optional_text(p.requirements), store::optional_text(p.pay), store::optional_text(p.benefits),
          store::flag(p.training_agreed), p.workplace.postal_code, p.workplace.prefecture, p.workplace.municipality,
          p.workplace.street, store::optional_text(p.workplace.building), store::optional_text(p.workplace.area),
          p.contact.name, store::optional_text(p.contact.location), p.contact.phone, p.contact.email,
          store::flag(p.masked), p.version, p.created_at_ms, p.updated_at_ms,
          p.published_at_ms ? store::Param{*p.published_at_ms} : store::Param{nullptr}, actor_id};
}

}  // namespace

Result<void> insert(store::Connection& c, const Posting& p, const std::string& actor_id) {
  KH_TRY(c.execute(
      "INSERT INTO postings (id, facility_id, status, close_reason, title, category, specialty, employment, start_date, "
      "end_date, period_months, weekdays, hours, full_time, night_duty, urgency, positions, duties, requirements, pay, "
      "benefits, training_agreed, postal_code, prefecture, municipality, street, building, area, contact_name, "
      "contact_location, contact_phone, contact_email, masked, version, created_at, updated_at, published_at, "
      "created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
      "$19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $38)",
      values(p, actor_id)));
  return {};
}

Result<void> update(store::Connection& c, const Posting& p, const std::string& actor_id) {
  // The version check makes two simultaneous edits safe: the second one finds the version moved on.
  auto r = KH_TRY(c.execute(
      "UPDATE postings SET status = $3, close_reason = $4, title = $5, category = $6, specialty = $7, employment = $8, "
      "start_date = $9, end_date = $10, period_months = $11, weekdays = $12, hours = $13, full_time = $14, "
      "night_duty = $15, urgency = $16, positions = $17, duties = $18, requirements = $19, pay = $20, benefits = $21, "
      "training_agreed = $22, postal_code = $23, prefecture = $24, municipality = $25, street = $26, building = $27, "
      "area = $28, contact_name = $29, contact_location = $30, contact_phone = $31, contact_email = $32, masked = $33, "
      "version = $34, created_at = $35, updated_at = $36, published_at = $37, updated_by = $38 WHERE id = $1 AND facility_id = $2 "
      "AND version = $34 - 1",
      values(p, actor_id)));
  if (r.affected != 1)
    return fail(errors::conflict("edit_conflict", "ほかの人がこの募集を同時に更新しました。画面を再読み込みしてからやり直してください。"));
  return {};
}

Result<std::optional<Posting>> find(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute(select_from() + "WHERE p.id = $1", {id}));
  if (r.rows.empty()) return std::optional<Posting>{};
  return std::optional<Posting>{to_posting(r.rows.front())};
}

Result<std::vector<Posting>> list_by_facilities(store::Connection& c, const std::vector<std::string>& facility_ids) {
  std::vector<Posting> out;
  for (const auto& f : facility_ids) {
    auto r = KH_TRY(c.execute(select_from() + "WHERE p.facility_id = $1 ORDER BY p.updated_at DESC", {f}));
    for (const auto& row : r.rows) out.push_back(to_posting(row));
  }
  return out;
}

Result<std::vector<Posting>> list_published(store::Connection& c) {
  auto r = KH_TRY(c.execute(select_from() + "WHERE p.status = 'published'"));
  std::vector<Posting> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back(to_posting(row));
  return out;
}

Result<void> insert_version(store::Connection& c, const std::string& posting_id, std::int64_t version,
                            const std::string& actor_login, const std::string& changes) {
  KH_TRY(c.execute("INSERT INTO posting_versions (posting_id, version, changed_at, changed_by, changes) VALUES ($1, $2, $3, $4, $5)",
                   {posting_id, version, now_ms(), actor_login, changes}));
  return {};
}

Result<std::vector<PostingVersion>> list_versions(store::Connection& c, const std::string& posting_id) {
  auto r = KH_TRY(c.execute(
      "SELECT version, changed_at, changed_by, changes FROM posting_versions WHERE posting_id = $1 ORDER BY version DESC",
      {posting_id}));
  std::vector<PostingVersion> out;
  for (const auto& row : r.rows) out.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3)});
  return out;
}

}  // namespace kh::postings::repo
