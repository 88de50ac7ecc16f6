#include "app/commands.h"

#include <boost/json.hpp>

#include <iostream>
#include <map>
#include <sstream>

#include "accounts/accounts.h"
#include "app/api_routes.h"
#include "app/career_demo.h"
#include "app/config.h"
#include "app/context.h"
#include "app/demo_data.h"
#include "core/crypto.h"
#include "core/log.h"
#include "http/router.h"
#include "http/server.h"
#include "mail/mail.h"
#include "placement/json_io.h"
#include "store/database.h"
#include "store/migrations.h"

namespace kh::app {
namespace {

constexpr const char* general_help = R"(kakehashi — medical workforce platform server

Usage: kakehashi <command> [options]

Commands:
  serve        run the HTTP server (applies pending migrations first)
  migrate      apply pending database migrations and exit
  demo-data    load the demo data set (idempotent) and print the demo logins
  user add     create a user with a password (the first secretariat account of a new installation)
  routes       list every HTTP route the server answers (method and path pattern)
  placement solve
               solve a placement instance (JSON on standard input; `kakehashi placement --help`)
  help         this text; `kakehashi <command> --help` for a command's options

Configuration (every command): --config FILE, and these keys as --flags, KAKEHASHI_<KEY> variables or
KEY=VALUE lines in the file (flags win over variables, variables over the file):
)";

constexpr const char* user_add_help = R"(Usage: kakehashi user add --login ID --password PW --role ROLE
                          [--organisation NAME] [--prefecture CODE] [--email ADDRESS] [--name DISPLAY_NAME] [--db URL]

Creates an active user with the given password. For every role except seeker the user joins the organisation
NAME in prefecture CODE (JIS X 0401, e.g. 13 for 東京都), which is created when it does not exist yet.
Roles: seeker, facility, aggregator, coordinator, secretariat, career_center, workenv_center.
The password must have 8+ characters with upper case, lower case and digits, differ from the ID and not be common.
)";

constexpr const char* placement_help = R"(Usage: kakehashi placement solve [--explain] < instance.json

Reads one placement instance as JSON on standard input — {"mechanism": "da"|"jrmp"|"fda", "regions": [{"id", "cap"}],
"hospitals": [{"id", "region", "capacity", "target", "preferences": [doctor ids]}], "doctors": [{"id",
"preferences": [hospital ids]}]} — solves it and writes {"assignment": {doctor: hospital or null}, "audit":
{"caps_respected", "blocking_pairs", "stable"}} on standard output. --explain adds, for each doctor, why each
hospital ranked above their assignment did not take them. Needs no database. Exit status: 0, 1 when the audit
finds a problem (the result is still written), 2 for a malformed instance (message on standard error, nothing on
standard output). Details: docs/operations.md, "Placement".
)";

void print_config_keys() {
  for (const auto& [key, help] : config_keys()) {
    std::string flag = key;
    std::replace(flag.begin(), flag.end(), '_', '-');
    std::cout << "  --" << flag << std::string(flag.size() < 16 ? 16 - flag.size() : 1, ' ') << help << "\n";
  }
}

//! Splits "--key value" and "--key=value" pairs; anything else is positional.
struct Parsed {
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;
  bool help = false;
};

Result<Parsed> parse(const std::vector<std::string>& args) {
  Parsed p;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    if (a == "--help" || a == "-h") { p.help = true; continue; }
    // Switches that take no value ("serve --demo"); "--demo=false" still works through the general form.
    if (a == "--demo") { p.flags["demo"] = "true"; continue; }
    if (a == "--explain") { p.flags["explain"] = "true"; continue; }
    if (a.starts_with("--")) {
      const auto eq = a.find('=');
      if (eq != std::string::npos) p.flags[a.substr(2, eq - 2)] = a.substr(eq + 1);
      else if (i + 1 < args.size()) p.flags[a.substr(2)] = args[++i];
      else return fail(errors::bad_request("オプション " + a + " に値がありません。"));
    } else {
      p.positional.push_back(a);
    }
  }
  return p;
}

std::string take(std::map<std::string, std::string>& flags, const std::string& key) {
  auto it = flags.find(key);
  if (it == flags.end()) return {};
  auto v = it->second;
  flags.erase(it);
  return v;
}

int report(const Error& e) {
  std::cerr << "kakehashi: " << e.message << "\n";
  for (const auto& [field, message] : e.fields) std::cerr << "  " << field << ": " << message << "\n";
  return 1;
}

int serve(const std::map<std::string, std::string>& flags) {
  auto rt = open_context(flags);
  if (!rt) return report(rt.error());
  Context& ctx = **rt;
  if (auto started = start_projections(ctx); !started) return report(started.error());
  http::Router router;
  register_api_routes(router, ctx);

  std::unique_ptr<mail::OutboxWorker> mailer;
  if (!ctx.config.smtp_url.empty()) {
    mailer = std::make_unique<mail::OutboxWorker>(
        *ctx.pool, mail::SmtpSettings{ctx.config.smtp_url, ctx.config.smtp_from, ctx.config.smtp_user,
                                   ctx.config.smtp_password});
    mailer->start();
  } else if (!ctx.config.demo_mail_page()) {
    log::warn("mail_not_configured",
              "smtp_url is not set: mails (password resets, verifications, notices) stay in the outbox, unsent, "
              "until an SMTP server is configured. See docs/operations.md, \"Mail\".");
  }
  http::ServerOptions options;
  options.host = ctx.config.host();
  options.port = ctx.config.port();
  options.threads = ctx.config.threads;
  options.max_body_bytes = ctx.config.max_body_bytes;
  options.web_root = ctx.config.web_root;
  options.trust_proxy = ctx.config.trust_proxy;
  try {
    http::Server server(options, router);
    return server.run(
        [&](unsigned short port) {
          log::info("listening", boost::json::object{{"host", options.host}, {"port", port},
                                                     {"mail", mail_status(ctx.config)}, {"demo", ctx.config.demo}});
        },
        [&] {
          if (mailer) mailer->stop();
          ctx.follower->stop();
          ctx.hub->close_all();  // open event streams end, so the process can exit
        });
  } catch (const std::exception& e) {
    return report(errors::bad_request(std::string("サーバーを起動できません: ") + e.what()));
  }
}

int routes_command(const std::map<std::string, std::string>& flags) {
  auto rt = open_context(flags);
  if (!rt) return report(rt.error());
  http::Router router;
  register_api_routes(router, **rt);
  for (const auto& line : router.describe()) std::cout << line << "\n";
  return 0;
}

int migrate_command(const std::map<std::string, std::string>& flags) {
  auto rt = open_context(flags);  // opening applies the migrations
  if (!rt) return report(rt.error());
  Context& ctx = **rt;
  auto lease = ctx.pool->acquire();
  if (!lease) return report(lease.error());
  std::cout << "schema version " << store::schema_version(**lease).value_or(0) << "\n";
  return 0;
}

int demo_data_command(const std::map<std::string, std::string>& flags) {
  auto rt = open_context(flags);
  if (!rt) return report(rt.error());
  Context& ctx = **rt;
  auto added = load_demo_data(ctx);
  if (!added) return report(added.error());
  std::cout << (*added ? "demo data loaded" : "demo data already present") << "\n\n"
            << "Demo logins (password for all: " << demo_password << ")\n"
            << "  事務局 (secretariat)                 jimukyoku\n"
            << "  医療機関 (facility)                  fac-tokyo-01 (医師少数区域の病院: fac-aomori-01, fac-shimane-01 ほか)\n"
            << "  とりまとめ団体 (aggregator)          agg-tochigi (栃木県全域), agg-kensei-09 (県西の二次医療圏のみ)\n"
            << "  コーディネーター (coordinator)       coord-nurse-13 (看護職), coord-doctor-13 (医師)\n"
            << "  地域医療支援センター (career_center) career-09\n"
            << "  勤改センター (workenv_center)        workenv-13 (受託者), workenv-13-pref (都道府県), workenv-13-roukyoku (労働局), workenv-13-adviser (アドバイザー)\n"
            << "  求職者 (seeker)                      seeker@example.jp\n"
            << "  義務年限医師 (seeker, 私のキャリアプラン) " << demo_doctor_login << " (計画が本人確認待ち)\n";
  return 0;
}

int user_add(std::map<std::string, std::string> flags) {
  const auto login = take(flags, "login"), password = take(flags, "password"), role = take(flags, "role");
  const auto organisation = take(flags, "organisation"), prefecture = take(flags, "prefecture");
  const auto email = take(flags, "email"), name = take(flags, "name");
  if (login.empty() || password.empty() || role.empty()) {
    std::cerr << user_add_help;
    return 2;
  }
  auto rt = open_context(flags);
  if (!rt) return report(rt.error());
  Context& ctx = **rt;
  auto user = ctx.accounts->add_user_with_password(login, password, role, organisation, prefecture, email, name);
  if (!user) return report(user.error());
  std::cout << "user " << user->login << " (" << accounts::role_code(user->role) << ") created: " << user->id << "\n";
  return 0;
}

//! `placement solve`: standard input to standard output, no database (the engine is pure; see placement/).
int placement_command(const Parsed& p) {
  if (p.positional.size() != 2 || p.positional[1] != "solve") {
    std::cerr << placement_help;
    return 2;
  }
  std::ostringstream input;
  input << std::cin.rdbuf();
  auto problem = placement::read_problem(input.str());
  if (!problem) {
    std::cerr << "kakehashi: " << problem.error().message << "\n";
    return 2;
  }
  const auto assignment = placement::solve(problem->instance, problem->mechanism);
  const auto audit = placement::audit(problem->instance, problem->mechanism, assignment);
  const auto explain = p.flags.contains("explain") && p.flags.at("explain") != "false";
  std::cout << placement::write_result(*problem, assignment, audit, explain) << "\n";
  if (audit.caps_respected() && audit.stable()) return 0;
  std::cerr << "kakehashi: 監査で問題が見つかりました（上限超過または不安定な組合せ）。\n";
  return 1;
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
  crypto::initialise();
  auto parsed = parse(args);
  if (!parsed) return report(parsed.error());
  auto& p = *parsed;
  const std::string command = p.positional.empty() ? "help" : p.positional[0];
  if (command != "serve") log::set_quiet(true);  // one-shot commands print only their own result
  if (command == "help" || (p.help && command != "user" && command != "placement")) {
    std::cout << general_help;
    print_config_keys();
    return p.positional.empty() && !p.help ? 2 : 0;
  }
  if (command == "serve") return serve(p.flags);
  if (command == "migrate") return migrate_command(p.flags);
  if (command == "routes") return routes_command(p.flags);
  if (command == "demo-data") return demo_data_command(p.flags);
  if (command == "user" && p.positional.size() >= 2 && p.positional[1] == "add") {
    if (p.help) { std::cout << user_add_help; return 0; }
    return user_add(p.flags);
  }
  if (command == "user") { std::cout << user_add_help; return p.help ? 0 : 2; }
  if (command == "placement") {
    if (p.help) { std::cout << placement_help; return 0; }
    return placement_command(p);
  }
  std::cerr << "kakehashi: unknown command '" << command << "'. See `kakehashi help`.\n";
  return 2;
}

}  // namespace kh::app
