#pragma once
//! The SQL of the centre's meetings (tables workenv_meeting_* and workenv_minutes_* of migration 0020).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace kh::store { class Connection; }

namespace kh::workenv::mrepo {

struct Series {
  std::string id, prefecture, kind, title, bureau_email;
  std::int64_t minutes_due_days = 14;
  std::string invited;  //!< one body per line
  std::int64_t created_at = 0, updated_at = 0;
};
Result<std::optional<Series>> find_series(store::Connection& c, const std::string& id);
Result<std::vector<Series>> series_in(store::Connection& c, const std::vector<std::string>& prefectures);
Result<void> insert_series(store::Connection& c, const Series& s, const std::string& by);
Result<void> update_series(store::Connection& c, const Series& s);

struct Meeting {
  std::string id, series_id, prefecture, held_on, place;
  std::string invited;  //!< one body per line
  std::string minutes_status = "none", minutes_body;
  std::int64_t minutes_version = 0;
  std::optional<std::int64_t> locked_at;
  std::int64_t created_at = 0, updated_at = 0;
};
Result<std::optional<Meeting>> find_meeting(store::Connection& c, const std::string& id);
//! Newest first.
Result<std::vector<Meeting>> meetings_in(store::Connection& c, const std::vector<std::string>& prefectures,
                                         const std::optional<std::string>& series_id);
Result<void> insert_meeting(store::Connection& c, const Meeting& m, const std::string& by);
Result<void> update_meeting(store::Connection& c, const Meeting& m);

Result<std::vector<std::string>> participants(store::Connection& c, const std::string& meeting_id);
Result<void> set_participants(store::Connection& c, const std::string& meeting_id, const std::vector<std::string>& users);

struct Item {
  std::string title;
  std::optional<std::string> outcome_kind;
  std::string outcome;
};
Result<std::vector<Item>> items(store::Connection& c, const std::string& meeting_id);
Result<void> replace_items(store::Connection& c, const std::string& meeting_id, const std::vector<Item>& items);

struct Action {
  std::string id, series_id, meeting_id, title, owner, due_date, status;
  std::optional<std::string> done_on;
  std::string origin_held_on;  //!< the date of the meeting that decided it
};
Result<std::optional<Action>> find_action(store::Connection& c, const std::string& id);
Result<std::vector<Action>> actions_of(store::Connection& c, const std::string& meeting_id);
//! The series' actions decided at earlier meetings that were still open on `held_on` (open, or done on or after it).
Result<std::vector<Action>> carried_actions(store::Connection& c, const std::string& series_id,
                                            const std::string& meeting_id, const std::string& held_on);
Result<void> insert_action(store::Connection& c, const Action& a, const std::string& by, std::int64_t at);
Result<void> update_action(store::Connection& c, const Action& a, std::int64_t at);

struct Response {
  std::string user_id, decision, comment;
  std::int64_t version = 0, at = 0;
};
//! Oldest first (the latest per participant is their answer).
Result<std::vector<Response>> responses(store::Connection& c, const std::string& meeting_id);
Result<void> insert_response(store::Connection& c, const std::string& meeting_id, const Response& r);

struct Send {
  std::string id, mail_id, to;
  std::int64_t version = 0;
  std::optional<std::string> sent_by;
  std::int64_t at = 0;
  std::optional<std::int64_t> delivered_at;  //!< from mail_outbox
  std::int64_t attempts = 0;
  std::string kind = "lock";                 //!< lock (sent on locking) or resend (sent again by hand)
  std::optional<std::string> last_error;     //!< from mail_outbox: why the last attempt failed
  std::optional<std::int64_t> withdrawn_at;  //!< from mail_outbox: replaced by a resend, never to be tried again
};
//! Newest first.
Result<std::vector<Send>> sends(store::Connection& c, const std::string& meeting_id);
Result<void> insert_send(store::Connection& c, const std::string& meeting_id, const Send& s);

struct HistoryEntry {
  std::int64_t at = 0;
  std::optional<std::string> by;
  std::string event, detail;
};
Result<std::vector<HistoryEntry>> history(store::Connection& c, const std::string& meeting_id);
Result<void> log(store::Connection& c, const std::string& meeting_id, const std::string& by, std::string_view event,
                 const std::string& detail, std::int64_t at);

}  // namespace kh::workenv::mrepo
