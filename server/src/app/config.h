#pragma once
//! Server configuration from, in rising precedence: built-in defaults, a KEY=VALUE file (--config or
//! KAKEHASHI_CONFIG), environment variables KAKEHASHI_<KEY>, and command-line flags --<key>.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"

namespace kh::app {

struct Config {
  std::string db = "sqlite:var/kakehashi.db";
  std::string listen = "127.0.0.1:8080";
  std::string web_root = "web/dist";
  std::string public_url;  //!< base of links in mails; defaults to http://<listen>
  std::string smtp_url;    //!< empty: mails stay in the outbox, unsent (shown on the sent-mail page in demo mode)
  std::string smtp_from = "no-reply@kakehashi.example";
  std::string smtp_user;
  std::string smtp_password;
  std::size_t threads = 4;
  std::size_t max_body_bytes = 8 << 20;  // room for a 5 MiB attachment in base64
  bool trust_proxy = false;
  std::size_t session_idle_seconds = 2 * 3600;  //!< a session unused this long ends (and its event streams close)
  //! How many contact requests (スカウト) a facility may send per posting and day (Japan time).
  std::size_t contact_requests_per_posting_per_day = 10;
  bool secure_cookies = false;
  //! Demo mode (`serve --demo`, what `make demo` runs): without SMTP, mails are shown on the sent-mail page.
  //! Refused unless the server listens on a loopback address: that page shows password-reset links.
  bool demo = false;
  //! Roles that must log in with a second factor (TOTP); "none" for none. SPEC.md names these two.
  std::string second_factor_roles = "secretariat,coordinator";

  std::string host() const;
  unsigned short port() const;
  std::string effective_public_url() const;
  //! Whether `listen` names a loopback address (127.0.0.0/8, ::1, localhost).
  bool listens_on_loopback() const;
  //! The demo's sent-mail page exists only in demo mode, on loopback, without SMTP.
  bool demo_mail_page() const { return demo && smtp_url.empty() && listens_on_loopback(); }
};

//! The keys, as written in files (db, listen, web_root, ...), with one line of help each.
const std::vector<std::pair<std::string, std::string>>& config_keys();

//! Sets one key; fails with a message naming the key when the value is not acceptable.
Result<void> apply(Config& config, const std::string& key, const std::string& value);

//! Builds the configuration. `flags` are --key value pairs from the command line (key with '-' or '_').
Result<Config> load_config(const std::map<std::string, std::string>& flags,
                           const std::map<std::string, std::string>& environment);

//! The process environment as a map (only KAKEHASHI_* entries).
std::map<std::string, std::string> kakehashi_environment();

}  // namespace kh::app
