// Fuzz target: attachments. Files reach the server only as JSON `attachments: [{filename, content_type,
// data_base64}]` (help desk inquiries and messages; there is no multipart parsing anywhere): the bytes are
// base64-decoded, the name cut to its last path component and cleaned, and the type recognised from the bytes
// (helpdesk::read_attachments). Two ways in per input, so both the JSON shape and the content sniffing are
// reached quickly:
//   1. the input is the whole request body (JSON, as a client sends it);
//   2. the input is "filename NUL file bytes", wrapped by this target into a valid body with base64 data.
// Also crypto::base64_decode on the raw input, and base64 round trips.
// Invariants: no crash or sanitizer report; an accepted file has a non-empty, valid UTF-8 name of at most 200
// characters holding no path separator, quote, semicolon, CR or LF (it goes into Content-Disposition), 1 byte to
// 5 MiB of data whose size is recorded, and one of the accepted content types.
#include <boost/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "core/crypto.h"
#include "core/json.h"
#include "core/log.h"
#include "core/text.h"
#include "helpdesk/helpdesk.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "attachments fuzz: invariant failed: %s\n", what);
    std::abort();
  }
}

const std::set<std::string> accepted_types = {
    "application/pdf", "image/png", "image/jpeg", "image/gif",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "text/csv", "text/plain"};

void check_accepted(const kh::Result<std::vector<kh::helpdesk::Attachment>>& files) {
  if (!files) {
    check(files.error().status == 422 || files.error().status == 400, "a refused attachment is a client error");
    return;
  }
  check(files->size() <= 5, "at most 5 files");
  for (const auto& f : *files) {
    const auto& name = f.info.filename;
    check(!name.empty() && kh::text::is_valid_utf8(name) && kh::text::length(name) <= 200, "a usable file name");
    check(name.find_first_of("/\\\";\r\n") == std::string::npos, "no separator, quote, semicolon or line break");
    check(!f.data.empty() && f.data.size() <= 5 * 1024 * 1024, "1 byte to 5 MiB");
    check(f.info.size == static_cast<std::int64_t>(f.data.size()), "the size is the size of the bytes");
    check(accepted_types.contains(f.info.content_type), "an accepted content type");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool initialised = (kh::log::set_quiet(true), kh::crypto::initialise(), true);
  (void)initialised;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // 1. The input as the request body.
  if (auto body = kh::json::parse_object(input)) check_accepted(kh::helpdesk::read_attachments(*body));

  // 2. "filename NUL bytes" → a body with one attachment (and the same file twice, as a client may send).
  const auto nul = input.find('\0');
  const std::string_view filename = input.substr(0, nul == std::string_view::npos ? std::min<std::size_t>(size, 64) : nul);
  const std::string_view bytes = nul == std::string_view::npos ? input : input.substr(nul + 1);
  if (kh::text::is_valid_utf8(filename)) {  // a JSON string holds only valid UTF-8
    const std::string encoded = kh::crypto::base64_encode(bytes);
    const auto decoded = kh::crypto::base64_decode(encoded);
    check(decoded && *decoded == bytes, "base64 round trip");
    boost::json::object file{{"filename", filename}, {"content_type", "application/octet-stream"}, {"data_base64", encoded}};
    check_accepted(kh::helpdesk::read_attachments(boost::json::object{{"attachments", boost::json::array{file}}}));
    check_accepted(kh::helpdesk::read_attachments(boost::json::object{{"attachments", boost::json::array{file, file}}}));
  }

  // 3. The input as base64 text, as stored in the database and decoded again when served.
  if (const auto decoded = kh::crypto::base64_decode(input)) {
    const auto again = kh::crypto::base64_decode(kh::crypto::base64_encode(*decoded));
    check(again && *again == *decoded, "decode → encode → decode is stable");
  }
  return 0;
}
