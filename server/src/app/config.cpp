#include "app/config.h"

#include <algorithm>
#include <fstream>

#include "accounts/accounts.h"
#include "core/text.h"

extern char** environ;

namespace kh::app {
namespace {

std::string normalise_key(std::string key) {
  std::replace(key.begin(), key.end(), '-', '_');
  return text::ascii_lower(key);
}

Result<std::size_t> parse_size(const std::string& key, const std::string& value, std::size_t min, std::size_t max) {
  try {
    std::size_t used = 0;
    const auto n = std::stoull(value, &used);
    if (used == value.size() && n >= min && n <= max) return static_cast<std::size_t>(n);
  } catch (...) {
  }
  return fail(errors::bad_request("設定 " + key + " の値が正しくありません: " + value));
}

Result<bool> parse_bool(const std::string& key, const std::string& value) {
  const auto v = text::ascii_lower(value);
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off") return false;
  return fail(errors::bad_request("設定 " + key + " は true または false で指定してください: " + value));
}

Result<void> load_file(Config& config, const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail(errors::bad_request("設定ファイルを開けません: " + path));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto t = text::trim(line);
    if (t.empty() || t.front() == '#') continue;
    const auto eq = t.find('=');
    if (eq == std::string::npos)
      return fail(errors::bad_request(path + ":" + std::to_string(number) + " は KEY=VALUE の形式で書いてください。"));
    KH_TRY_VOID(apply(config, normalise_key(text::trim(t.substr(0, eq))), text::trim(t.substr(eq + 1))));
  }
  return {};
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& config_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys = {
      {"db", "database: sqlite:PATH or postgresql://user@host:port/name (default sqlite:var/kakehashi.db)"},
      {"listen", "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks a free one)"},
      {"web_root", "folder of the built web app (default web/dist)"},
      {"public_url", "base URL used in links in mails (default http://LISTEN)"},
      {"smtp_url", "smtp://host:port or smtps://host:port; empty keeps mails unsent in the outbox"},
      {"smtp_from", "sender address (default no-reply@kakehashi.example)"},
      {"smtp_user", "SMTP user name, if the server wants authentication"},
      {"smtp_password", "SMTP password"},
      {"threads", "request threads (default 4)"},
      {"max_body_bytes", "largest accepted request body (default 8388608: a 5 MiB attachment in base64)"},
      {"trust_proxy", "true only behind your own reverse proxy, which must set X-Forwarded-For and X-Forwarded-Proto: "
                      "then the last X-Forwarded-For entry is the client address (login throttling, audit log)"},
      {"session_idle_seconds", "a session unused this long ends (default 7200)"},
      {"contact_requests_per_posting_per_day", "contact requests a facility may send per posting and day (default 10)"},
      {"secure_cookies", "true to always mark the session cookie Secure"},
      {"demo", "true (or --demo) for a local demo: the sent-mail page shows mails when no SMTP is set; "
               "refused unless listening on a loopback address"},
      {"second_factor_roles", "roles that must use a TOTP second factor, comma-separated, or none "
                              "(default secretariat,coordinator)"},
  };
  return keys;
}

Result<void> apply(Config& c, const std::string& key, const std::string& value) {
  if (key == "db") c.db = value;
  else if (key == "listen") {
    const auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0) return fail(errors::bad_request("設定 listen は HOST:PORT で指定してください: " + value));
    KH_TRY(parse_size(key, value.substr(colon + 1), 0, 65535));
    c.listen = value;
  } else if (key == "web_root") c.web_root = value;
  else if (key == "public_url") {
    std::string v = value;
    while (!v.empty() && v.back() == '/') v.pop_back();
    c.public_url = v;
  } else if (key == "smtp_url") c.smtp_url = value;
  else if (key == "smtp_from") c.smtp_from = value;
  else if (key == "smtp_user") c.smtp_user = value;
  else if (key == "smtp_password") c.smtp_password = value;
  else if (key == "threads") c.threads = KH_TRY(parse_size(key, value, 1, 256));
  else if (key == "max_body_bytes") c.max_body_bytes = KH_TRY(parse_size(key, value, 1024, 1ULL << 30));
  else if (key == "trust_proxy") c.trust_proxy = KH_TRY(parse_bool(key, value));
  else if (key == "contact_requests_per_posting_per_day") c.contact_requests_per_posting_per_day = KH_TRY(parse_size(key, value, 1, 1000));
  else if (key == "session_idle_seconds") c.session_idle_seconds = KH_TRY(parse_size(key, value, 5, 30 * 24 * 3600));
  else if (key == "secure_cookies") c.secure_cookies = KH_TRY(parse_bool(key, value));
  else if (key == "demo") c.demo = KH_TRY(parse_bool(key, value));
  else if (key == "second_factor_roles") {
    if (value != "none")
      for (const auto& code : text::split(value, ','))
        if (!accounts::parse_role(text::trim(code)))
          return fail(errors::bad_request("設定 second_factor_roles に不明なロールがあります: " + code));
    c.second_factor_roles = value;
  } else return fail(errors::bad_request("不明な設定です: " + key));
  return {};
}

Result<Config> load_config(const std::map<std::string, std::string>& flags,
                           const std::map<std::string, std::string>& environment) {
  Config config;
  std::string file;
  if (auto it = environment.find("KAKEHASHI_CONFIG"); it != environment.end()) file = it->second;
  if (auto it = flags.find("config"); it != flags.end()) file = it->second;
  if (!file.empty()) KH_TRY_VOID(load_file(config, file));
  for (const auto& [key, _] : config_keys()) {
    std::string env_name = "KAKEHASHI_" + key;
    std::transform(env_name.begin(), env_name.end(), env_name.begin(), ::toupper);
    if (auto it = environment.find(env_name); it != environment.end()) KH_TRY_VOID(apply(config, key, it->second));
  }
  for (const auto& [raw, value] : flags) {
    const auto key = normalise_key(raw);
    if (key == "config") continue;
    KH_TRY_VOID(apply(config, key, value));
  }
  if (config.demo && !config.listens_on_loopback())
    return fail(errors::bad_request("デモモード（demo）は、ループバックアドレス（127.0.0.1、::1、localhost）で待ち受けるときだけ"
                                    "使えます。送信メールの画面にはパスワード再設定のリンクが表示されるためです: listen=" +
                                    config.listen));
  return config;
}

std::map<std::string, std::string> kakehashi_environment() {
  std::map<std::string, std::string> out;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (!entry.starts_with("KAKEHASHI_")) continue;
    const auto eq = entry.find('=');
    if (eq != std::string_view::npos) out.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return out;
}

std::string Config::host() const { return listen.substr(0, listen.rfind(':')); }
unsigned short Config::port() const { return static_cast<unsigned short>(std::stoul(listen.substr(listen.rfind(':') + 1))); }
bool Config::listens_on_loopback() const {
  std::string h = host();
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  if (h == "localhost" || h == "::1") return true;
  // 127.0.0.0/8, written as four decimal parts (no other spelling of it is accepted).
  const auto parts = text::split(h, '.');
  if (parts.size() != 4 || parts[0] != "127") return false;
  for (const auto& p : parts)
    if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos || std::stoi(p) > 255) return false;
  return true;
}

std::string Config::effective_public_url() const { return public_url.empty() ? "http://" + listen : public_url; }

}  // namespace kh::app
