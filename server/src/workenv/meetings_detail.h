#pragma once
//! What meetings.cpp and minutes.cpp share: who the viewer is in the network, the meeting in scope, labels.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "core/error.h"
#include "workenv/meetings_repo.h"

namespace kh::store { class Connection; }

namespace kh::workenv {

inline const Error series_not_found = errors::not_found("指定された会議体は見つかりません。");
inline const Error meeting_not_found = errors::not_found("指定された会議は見つかりません。");
inline const Error action_not_found = errors::not_found("指定された対応事項は見つかりません。");
inline const Error minutes_locked =
    errors::conflict("minutes_locked", "この会議の議事概要は確定・送付済みのため編集できません。");

//! The network kinds (prefecture, contractor, labour_bureau, adviser) of the viewer's organisations in `prefecture`.
Result<std::set<std::string>> viewer_kinds(store::Connection& c, const accounts::CurrentUser& viewer,
                                           const std::string& prefecture);
//! 403 unless the viewer is a 都道府県 or 受託者 member of the prefecture (they run the meetings).
Result<void> require_organiser(store::Connection& c, const accounts::CurrentUser& viewer, const std::string& prefecture);
//! 403 unless the viewer is a 受託者 member of the prefecture (the minutes are theirs to write).
Result<void> require_contractor(store::Connection& c, const accounts::CurrentUser& viewer, const std::string& prefecture);
//! The meeting if it is in the viewer's prefectures (404 otherwise; 403 for anyone outside a centre).
Result<mrepo::Meeting> visible_meeting(store::Connection& c, const accounts::CurrentUser& viewer, const std::string& id);

//! A sending's state: sent (delivered), withdrawn (replaced by a resend), failed (tried and refused, retried by the
//! outbox), queued (not tried yet).
std::string send_status(const mrepo::Send& s);
std::string send_status_label(std::string_view status, std::int64_t attempts);
std::string series_kind_label(std::string_view code);
std::string minutes_status_label(std::string_view code);
//! The day the minutes are due ("YYYY-MM-DD"): the meeting's date plus the series' days.
std::string minutes_due_on(const mrepo::Meeting& m, std::int64_t due_days);
//! Not sent (not locked) and the due day has passed.
bool minutes_late(const mrepo::Meeting& m, std::int64_t due_days);

//! The active users among `ids`, but not `except` (minutes.cpp).
Result<std::vector<accounts::User>> active_users(accounts::Service& accounts, const std::vector<std::string>& ids,
                                                 const std::string& except);
//! Tells `people` that the meeting's minutes await their confirmation, asked by `requester`: a notice in the app and a
//! mail per their own choice, once per person and version. Inside the caller's transaction (minutes.cpp).
Result<void> notify_confirmation_request(store::Connection& c, accounts::Service& accounts, const mrepo::Series& s,
                                         const mrepo::Meeting& m, const std::vector<accounts::User>& people,
                                         const accounts::User& requester);

class Service;
//! The demo's series and meetings (meetings_demo.cpp); nothing without the demo's workenv-13 network.
Result<void> load_demo_meetings(Service& service, accounts::Service& accounts);

}  // namespace kh::workenv
