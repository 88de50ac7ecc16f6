#include <curl/curl.h>

#include <cstring>

#include "core/crypto.h"
#include "core/time.h"
#include "mail/mail.h"

namespace kh::mail {
namespace {

//! RFC 2047 encoded words, split on UTF-8 boundaries so no character is cut in two.
std::string encode_header(std::string_view value) {
  bool ascii = true;
  for (unsigned char ch : value) ascii &= ch >= 0x20 && ch < 0x7F;
  if (ascii) return std::string(value);
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t end = std::min(value.size(), i + 45);
    while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + crypto::base64_encode(value.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string wrap76(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); i += 76) out += s.substr(i, 76) + "\r\n";
  return out;
}

std::string rfc5322_date() {
  char buf[64];
  const std::time_t t = now_ms() / 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

struct Upload {
  std::string data;
  std::size_t offset = 0;
};

std::size_t read_chunk(char* ptr, std::size_t size, std::size_t nmemb, void* userp) {
  auto* up = static_cast<Upload*>(userp);
  const std::size_t n = std::min(size * nmemb, up->data.size() - up->offset);
  std::memcpy(ptr, up->data.data() + up->offset, n);
  up->offset += n;
  return n;
}

}  // namespace

Result<void> send_smtp(const SmtpSettings& s, const Message& m, const std::string& message_id) {
  const auto domain = s.from.substr(s.from.find('@') + 1);
  Upload upload;
  upload.data = "Date: " + rfc5322_date() + "\r\n" + "From: " + encode_header("かけはし") + " <" + s.from + ">\r\n" +
                "To: <" + m.to + ">\r\n" + "Subject: " + encode_header(m.subject) + "\r\n" + "Message-ID: <" +
                message_id + "@" + domain + ">\r\nMIME-Version: 1.0\r\n";
  const std::string text_part = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                                wrap76(crypto::base64_encode(m.body));
  if (!m.attachment) {
    upload.data += text_part;
  } else {
    // multipart/mixed: the text, then the file (an .ics invitation opens in the recipient's calendar).
    const std::string boundary = "kakehashi-" + message_id;
    upload.data += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n" + text_part +
                   "--" + boundary + "\r\nContent-Type: " + m.attachment->content_type + "\r\n" +
                   "Content-Disposition: attachment; filename=\"" + m.attachment->filename + "\"\r\n" +
                   "Content-Transfer-Encoding: base64\r\n\r\n" + wrap76(crypto::base64_encode(m.attachment->data)) + "--" +
                   boundary + "--\r\n";
  }

  CURL* curl = curl_easy_init();
  if (!curl) return fail(errors::internal("curl_easy_init failed"));
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + m.to + ">").c_str());
  const std::string from = "<" + s.from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_chunk);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (!s.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, s.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK)
    return fail(Error{502, "smtp_failed", std::string("SMTP delivery failed: ") + curl_easy_strerror(rc), {}});
  return {};
}

}  // namespace kh::mail
