// What each party sees of a contact request and a candidate.
#include "contact_requests/views.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "matching/matching.h"
#include "postings/postings.h"
#include "reference/prefectures.h"
#include "reference/reference.h"
#include "seekers/seekers.h"

namespace kh::contact_requests {
namespace bj = boost::json;

std::string facility_state(const std::string& state, const std::optional<std::string>& stage, bool matched) {
  if (state == "sent") return "sent";
  if (state == "declined") return "declined";
  if (stage && (*stage == "declined" || *stage == "withdrawn")) return "declined";
  if (stage && *stage == "rejected") return "closed";
  return matched ? "matched" : "coordinating";
}

bj::object request_summary(const std::string& id, const std::string& state) {
  const char* name = state == "sent" ? "送信済み" : state == "coordinating" ? "調整中" : state == "matched" ? "成立"
                   : state == "declined" ? "辞退" : "終了";
  return {{"id", id}, {"state", state}, {"state_name", name}};
}

bj::object facility_card_request(const std::string& id, const std::string& state) {
  if (state == "sent" || state == "declined") return {{"state", "requested"}, {"state_name", "依頼済み"}};
  return request_summary(id, state);
}

bool accepts_facility_requests(const seekers::Profile& profile) {
  const auto doc = bj::parse(profile.json);
  const auto* v = doc.as_object().if_contains("facility_requests");
  return !(v && v->is_bool() && !v->as_bool());
}

std::string anonymous_summary(const postings::Posting& p, const reference::Catalogue& catalogue) {
  const auto* prefecture = reference::find_prefecture(p.workplace.prefecture);
  const auto category = catalogue.category(p.category);
  const std::string employment = p.employment == "permanent" ? "無期（常勤）" : p.employment == "fixed_term" ? "有期" : "スポット";
  std::string period;
  if (p.employment == "permanent") period = "期間の定めなし";
  else if (p.period_months) period = std::to_string(*p.period_months) + "か月";
  else if (p.end_date) period = format_date_ja(p.start_date) + "〜" + format_date_ja(*p.end_date);
  return "勤務地：" + std::string(prefecture ? prefecture->name : "") + "\n職種：" + (category ? category->name : p.category) +
         (p.specialty ? "（" + *p.specialty + "）" : "") + "\n雇用形態：" + employment + "\n期間：" + period +
         "\n勤務開始：" + format_date_ja(p.start_date);
}

bj::object seeker_view(const std::string& id, const std::string& state, const std::optional<std::string>& application_id,
                       std::int64_t created_at, std::optional<std::int64_t> answered_at, const postings::Posting& posting,
                       const accounts::CurrentUser& seeker, postings::Service& postings) {
  const char* name = state == "sent" ? "回答待ち" : state == "accepted" ? "受けました" : "断りました";
  return {{"id", id}, {"state", state}, {"state_name", name},
          {"sent_at", format_iso8601_jst(created_at)},
          {"answered_at", answered_at ? bj::value(format_iso8601_jst(*answered_at)) : bj::value(nullptr)},
          {"summary", anonymous_summary(posting, postings.catalogue())},
          {"posting", postings::to_json(posting, postings.disclosure(posting, &seeker), postings.catalogue())},
          {"application_id", application_id ? bj::value(*application_id) : bj::value(nullptr)}};
}

}  // namespace kh::contact_requests
