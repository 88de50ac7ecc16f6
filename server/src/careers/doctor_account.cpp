// A registry doctor's own account: the centre's invitation, accepting it (linking a seeker account), and what the
// doctor reads and does there — their record, plan and ledger, confirming a proposed plan, asking for a change.
#include <boost/json.hpp>

#include <algorithm>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "career_rules/career_rules.h"
#include "careers/careers.h"
#include "careers/detail.h"
#include "careers/repo.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "core/time.h"
#include "mail/mail.h"
#include "reference/reference.h"
#include "store/database.h"

namespace kh::careers {
namespace bj = boost::json;
namespace cr = career_rules;
using namespace detail;

// ---- the doctor's own account ------------------------------------------------------------------------------------

namespace {
constexpr std::int64_t invitation_ms = 72LL * 3'600'000;  // as long as a staff ID's first-password link
const Error invalid_invitation{400, "invalid_token", "この招待リンクは無効か、有効期限が切れています。センターに招待の再送を依頼してください。", {}};
const Error change_request_not_found = errors::not_found("指定された変更の依頼は見つかりません。");

//! The doctor linked to this seeker account, with their programme; 404 for any other id (a doctor sees only
//! themselves), 403 for other roles.
Result<Loaded> load_own(store::Connection& c, const accounts::CurrentUser& u, const std::string& id) {
  KH_TRY_VOID(accounts::require_role(u, {accounts::Role::seeker}));
  const auto account = KH_TRY(repo::account_of(c, id));
  if (!account || account->first != u.user.id) return fail(doctor_not_found);
  auto d = KH_TRY(repo::find_doctor(c, id));
  if (!d) return fail(doctor_not_found);
  return load_doctor(c, {d->prefecture}, id);
}

std::string prefecture_name_of(const std::string& code) {
  const auto* p = reference::find_prefecture(code);
  return p ? std::string(p->name) : code;
}

bj::object deadline_json(std::string label, std::string date, std::string date_label, std::string kind) {
  return {{"label", std::move(label)}, {"date", std::move(date)}, {"date_label", std::move(date_label)}, {"kind", std::move(kind)}};
}
}  // namespace

Result<bj::object> Service::invite_doctor(const accounts::CurrentUser& u, const std::string& id) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  {
    auto lease = KH_TRY(pool_.acquire());
    auto& c = *lease;
    const auto l = KH_TRY(load_doctor(c, prefs, id));
    if (!l.doctor.email || l.doctor.email->empty())
      return fail(errors::validation({{"email", "名簿に「メールアドレス」がありません。名簿にメールアドレスを登録してから招待してください。"}}));
    if (KH_TRY(repo::account_of(c, id)))
      return fail(errors::conflict("already_linked", "この医師はすでに本人のアカウントと連携しています。"));
    const auto now = now_ms();
    const std::string token = crypto::random_token();
    repo::Invitation inv{id, *l.doctor.email, person(u), now, now + invitation_ms, std::nullopt};
    const std::string centre = u.user.organisations.empty() ? std::string("地域医療支援センター") : u.user.organisations.front().name;
    KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
      KH_TRY_VOID(repo::expire_invitations(c, id, now));
      KH_TRY_VOID(repo::insert_invitation(c, crypto::digest(token), inv, u.user.id));
      KH_TRY_VOID(mail::enqueue(c, {inv.email, "【かけはし】" + centre + "からキャリアプランのご案内",
                                    l.doctor.name + " 様\n\n" + centre + "です。\n"
                                    "あなたのキャリアプラン（勤務計画）と義務年限の状況を「かけはし」でご覧いただけるようになりました。\n"
                                    "次のリンクを開いて、アカウントを作成するか、お持ちのアカウントと連携してください"
                                    "（有効期限72時間、1回限り有効）。\n" +
                                        accounts_.settings().public_url + "/career/invitation?token=" + token +
                                        "\n\n連携すると、計画の確認と、センターへの変更の依頼ができます。\n"
                                        "お心当たりがない場合は、このメールを破棄してください。\n"}));
      return audit::record(c, accounts::actor_of(u), "career_doctor_invited", "career_doctor", id);
    }));
  }
  auto lease = KH_TRY(pool_.acquire());
  return bj::object{{"account", KH_TRY(account_json(*lease, id))}};
}

Result<bj::object> Service::handle_change_request(const accounts::CurrentUser& u, const std::string& id, const std::string& request_id,
                                                  const bj::object& body) {
  const auto prefs = KH_TRY(centre_prefectures(u));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY(load_doctor(c, prefs, id));
  json::FieldReader f(body);
  auto reply = f.optional_text("reply", "回答", 2000);
  if (reply && reply->empty()) reply.reset();
  KH_TRY_VOID(f.finish());
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    if (!KH_TRY(repo::handle_change_request(c, id, request_id, u.user.id, person(u), reply, now_ms()))) {
      bool exists = false;
      for (const auto& r : KH_TRY(repo::change_requests_of(c, id))) exists = exists || r.id == request_id;
      if (!exists) return fail(change_request_not_found);
      return fail(errors::conflict("already_handled", "この依頼はすでに対応済みです。"));
    }
    return audit::record(c, accounts::actor_of(u), "career_change_request_handled", "career_doctor", id, request_id);
  }));
  return bj::object{{"change_requests", KH_TRY(change_requests_json(c, id))}};
}

Result<bj::object> Service::invitation(const bj::object& body) {
  json::FieldReader f(body);
  const auto token = f.required_string("token", "招待リンク", 200);
  KH_TRY_VOID(f.finish());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto inv = KH_TRY(repo::open_invitation(c, crypto::digest(token), now_ms()));
  if (!inv) return fail(invalid_invitation);
  const auto d = KH_TRY(repo::find_doctor(c, inv->doctor_id));
  if (!d) return fail(invalid_invitation);
  return bj::object{{"doctor_name", d->name}, {"email", inv->email}, {"prefecture_name", prefecture_name_of(d->prefecture)},
                    {"invited_by", inv->created_by_name}, {"expires_at", format_iso8601_jst(inv->expires_at)}};
}

Result<bj::object> Service::accept_invitation(const accounts::CurrentUser* viewer, const bj::object& body, const std::string& ip) {
  if (viewer) KH_TRY_VOID(accounts::require_role(*viewer, {accounts::Role::seeker}));
  json::FieldReader f(body);
  const auto token = f.required_string("token", "招待リンク", 200);
  // Passwords are not trimmed: a space can be part of one.
  std::string password;
  if (const auto* pv = body.if_contains("password"); pv && pv->is_string()) password = std::string(pv->as_string());
  if (!viewer && password.empty()) f.add_error("password", json::msg_required("パスワード"));
  KH_TRY_VOID(f.finish());
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto digest = crypto::digest(token);
  const auto now = now_ms();
  std::string doctor_id, user_id, login;
  bool created = false;
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    const auto inv = KH_TRY(repo::open_invitation(c, digest, now));
    if (!inv) return fail(invalid_invitation);
    const auto d = KH_TRY(repo::find_doctor(c, inv->doctor_id));
    if (!d) return fail(invalid_invitation);
    if (KH_TRY(repo::account_of(c, d->id))) return fail(errors::conflict("already_linked", "この医師はすでに本人のアカウントと連携しています。"));
    if (viewer) {
      user_id = viewer->user.id;
      login = viewer->user.login;
    } else {
      // A broken password rule rolls everything back, so the link stays usable for a second try.
      const auto user = KH_TRY(accounts_.add_verified_seeker(c, d->name, inv->email, password));
      user_id = user.id;
      login = user.login;
      created = true;
    }
    if (!KH_TRY(repo::use_invitation(c, digest, now))) return fail(invalid_invitation);
    KH_TRY_VOID(repo::link_account(c, d->id, user_id, now));
    doctor_id = d->id;
    return audit::record(c, {user_id, login, ip}, "career_doctor_linked", "career_doctor", d->id, created ? "new account" : "existing account");
  }));
  return bj::object{{"doctor_id", doctor_id}, {"login", login}, {"account_created", created}};
}

Result<void> Service::link_account(const std::string& doctor_id, const std::string& user_id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  return store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::link_account(c, doctor_id, user_id, now_ms()));
    return audit::record(c, {std::nullopt, std::string("demo-data"), "127.0.0.1"}, "career_doctor_linked", "career_doctor", doctor_id, "demo data");
  });
}

Result<bj::object> Service::my_records(const accounts::CurrentUser& u) {
  KH_TRY_VOID(accounts::require_role(u, {accounts::Role::seeker}));
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  bj::array items;
  for (const auto& id : KH_TRY(repo::doctors_of_user(c, u.user.id))) {
    const auto d = KH_TRY(repo::find_doctor(c, id));
    if (!d) continue;
    const auto plan = KH_TRY(repo::plan_of(c, id));
    bj::object o{{"id", d->id}, {"name", d->name}, {"prefecture_name", prefecture_name_of(d->prefecture)},
                 {"status_label", label_of(statuses, d->status).value_or(d->status)}};
    o["plan"] = plan ? bj::value(bj::object{{"state", plan->state}, {"state_label", label_of(plan_states, plan->state).value_or(plan->state)},
                                            {"version", plan->version}})
                     : bj::value(nullptr);
    items.push_back(std::move(o));
  }
  return bj::object{{"items", std::move(items)}};
}

Result<bj::object> Service::my_record(const accounts::CurrentUser& u, const std::string& id) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  const auto l = KH_TRY(load_own(c, u, id));
  const auto& d = l.doctor;
  const auto plan = KH_TRY(repo::plan_of(c, id));
  // The doctor reads what the centre keeps about their obligation — never the interview records.
  bj::object o{{"id", d.id}, {"name", d.name}, {"prefecture_name", prefecture_name_of(d.prefecture)},
               {"kind_label", label_of(doctor_kinds, d.kind).value_or(d.kind)}, {"university", d.university},
               {"graduation_year", d.graduation_year}, {"status", d.status},
               {"status_label", label_of(statuses, d.status).value_or(d.status)}, {"obligation_start", d.obligation_start},
               {"loan_months", d.loan_months}};
  if (l.version) {
    bj::array rules;
    for (const auto& r : l.rules) rules.push_back(rule_json(r));
    o["programme"] = bj::object{{"name", l.version->name}, {"version", l.version->version}, {"rules", std::move(rules)}};
  } else {
    o["programme"] = nullptr;
  }
  if (plan)
    o["plan"] = bj::object{{"version", plan->version}, {"state", plan->state},
                           {"state_label", label_of(plan_states, plan->state).value_or(plan->state)},
                           {"violations", plan->violations}, {"updated_by", plan->updated_by_name},
                           {"updated_at", format_iso8601_jst(plan->updated_at)},
                           {"assignments", assignments_json(assignments_from_stored(plan->assignments_json))}};
  else
    o["plan"] = nullptr;
  bj::array deadlines;
  if (plan && plan->state == "confirmation")
    deadlines.push_back(deadline_json("計画の本人確認（センターからの依頼）", "", "", "confirmation"));
  if (l.version) {
    const auto [as, ev] = KH_TRY(evaluate_plan_in_force(c, l, catalogue_));
    o["ledger"] = evaluation_json(ev, l.rules, as, true);
    deadlines.push_back(deadline_json("義務年限の終了予定", month_code(ev.deadline), cr::format_month_ja(ev.deadline), "obligation_end"));
    for (std::size_t i = 0; i < ev.rules.size(); ++i) {
      const auto& st = ev.rules[i];
      if (st.state == cr::RuleState::met) continue;
      deadlines.push_back(deadline_json(cr::describe_rule(l.rules[i]), month_code(st.deadline), cr::format_month_ja(st.deadline), "rule"));
    }
  } else {
    o["ledger"] = nullptr;
  }
  if (d.status != "post_obligation" && d.status != "interrupted" && d.status != "withdrawn" && d.status != "completed") {
    const cr::Day today = today_jst();
    const int year = cr::year_of(cr::month_containing(today));
    const cr::Day april30 = cr::day_of(year, 4, 30);
    const cr::Day due = today <= april30 ? april30 : cr::day_of(year + 1, 4, 30);
    const auto iso = format_iso8601_jst(static_cast<std::int64_t>(due) * 86'400'000).substr(0, 10);
    deadlines.push_back(deadline_json("業務従事証明書の提出", iso, format_date_ja(iso), "certificate"));
  }
  o["deadlines"] = std::move(deadlines);
  o["change_requests"] = KH_TRY(change_requests_json(c, id));
  return o;
}

Result<bj::object> Service::confirm_my_plan(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY(load_own(c, u, id));
  json::FieldReader f(body);
  const auto version = f.optional_integer("version", "計画の版", 1, 1'000'000);
  if (!version && !f.has_error("version")) f.add_error("version", json::msg_required("計画の版"));
  KH_TRY_VOID(f.finish());
  auto plan = KH_TRY(repo::plan_of(c, id));
  if (!plan || plan->state != "confirmation")
    return fail(errors::conflict("wrong_state", "確認をお願いしている計画はありません（いまは「" +
                                                    (plan ? std::string(label_of(plan_states, plan->state).value_or(plan->state)) : std::string("未作成")) +
                                                    "」）。"));
  // Only the version the doctor read: a plan the centre changed meanwhile must be read again.
  if (plan->version != *version)
    return fail(errors::conflict("plan_changed", "計画がセンターで変更されました。画面を読み込み直して、新しい計画を確認してください。"));
  repo::Plan next = *plan;
  next.version = plan->version + 1;
  next.state = "confirmed";
  next.updated_by_name = u.user.display_name + "（本人）";
  next.updated_at = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::save_plan(c, id, next, "本人が確認しました", u.user.id));
    return audit::record(c, accounts::actor_of(u), "career_plan_confirmed_by_doctor", "career_doctor", id, "version " + std::to_string(plan->version));
  }));
  return bj::object{{"plan", bj::object{{"version", next.version}, {"state", next.state},
                                        {"state_label", label_of(plan_states, next.state).value_or(next.state)}}}};
}

Result<bj::object> Service::request_change(const accounts::CurrentUser& u, const std::string& id, const bj::object& body) {
  auto lease = KH_TRY(pool_.acquire());
  auto& c = *lease;
  KH_TRY(load_own(c, u, id));
  json::FieldReader f(body);
  repo::ChangeRequest r;
  r.body = f.required_text("body", "依頼の内容", 2000);
  KH_TRY_VOID(f.finish());
  const auto plan = KH_TRY(repo::plan_of(c, id));
  r.id = crypto::new_id("ccr");
  r.doctor_id = id;
  r.author_name = u.user.display_name + "（本人）";
  if (plan) r.plan_version = plan->version;
  r.created_at = now_ms();
  KH_TRY_VOID(store::in_transaction(c, [&]() -> Result<void> {
    KH_TRY_VOID(repo::insert_change_request(c, r, u.user.id));
    return audit::record(c, accounts::actor_of(u), "career_change_requested", "career_doctor", id, r.id);
  }));
  return bj::object{{"change_requests", KH_TRY(change_requests_json(c, id))}};
}

}  // namespace kh::careers
