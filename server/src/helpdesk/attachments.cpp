// Attachments: recognised by their first bytes, limited in size and number, stored as base64 text.
#include <boost/json.hpp>

#include "core/crypto.h"
#include "core/text.h"
#include "core/time.h"
#include "helpdesk/helpdesk.h"
#include "store/database.h"

namespace kh::helpdesk {
namespace bj = boost::json;
namespace {

constexpr std::size_t max_files = 5;
constexpr std::size_t max_bytes = 5 * 1024 * 1024;

//! The content type the bytes really are, or nullopt for a kind we do not accept.
std::optional<std::string> sniff(const std::string& data, const std::string& filename) {
  auto starts = [&](std::string_view magic) { return data.compare(0, magic.size(), magic) == 0; };
  const auto dot = filename.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : text::ascii_lower(filename.substr(dot + 1));
  if (starts("%PDF-")) return "application/pdf";
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
  // Office Open XML files are ZIP archives; the extension says which one.
  if (starts("PK\x03\x04")) {
    if (ext == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ext == "pptx") return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    return std::nullopt;
  }
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    if (ext == "doc") return "application/msword";
    if (ext == "xls") return "application/vnd.ms-excel";
    if (ext == "ppt") return "application/vnd.ms-powerpoint";
    return std::nullopt;
  }
  if ((ext == "txt" || ext == "csv") && text::is_valid_utf8(data) && data.find('\0') == std::string::npos)
    return ext == "csv" ? "text/csv" : "text/plain";
  return std::nullopt;
}

}  // namespace

Result<std::vector<Attachment>> read_attachments(const bj::object& body) {
  std::vector<Attachment> files;
  const auto* list = body.if_contains("attachments");
  if (!list || list->is_null()) return files;
  if (!list->is_array()) return fail(errors::validation({{"attachments", "「添付ファイル」の形式が正しくありません。"}}));
  if (list->as_array().size() > max_files)
    return fail(errors::validation({{"attachments", "添付ファイルは5件までです。"}}));
  for (const auto& item : list->as_array()) {
    const auto* o = item.is_object() ? &item.as_object() : nullptr;
    const auto* name = o ? o->if_contains("filename") : nullptr;
    const auto* data = o ? o->if_contains("data_base64") : nullptr;
    if (!name || !name->is_string() || !data || !data->is_string())
      return fail(errors::validation({{"attachments", "添付ファイルには filename と data_base64 が必要です。"}}));
    std::string filename = text::trim(std::string_view(name->as_string()));
    // A name with a line break, a control or a bidirectional character ("invoice\u202Efdp.exe") is refused, not
    // repaired: the sender sees why, and no stored name can break a header or mislead the person downloading.
    if (text::has_forbidden_characters(filename, text::Lines::single))
      return fail(errors::validation({{"attachments", "添付ファイルの名前に改行・制御文字・文字の向きを変える記号は使用できません。"}}));
    // Only the last path component, without characters that break a Content-Disposition header.
    if (auto slash = filename.find_last_of("/\\"); slash != std::string::npos) filename = filename.substr(slash + 1);
    std::erase_if(filename, [](char c) { return c == '"' || c == ';'; });
    if (filename.empty() || text::length(filename) > 200 || !text::is_valid_utf8(filename))
      return fail(errors::validation({{"attachments", "添付ファイルの名前が正しくありません。"}}));
    auto bytes = crypto::base64_decode(std::string_view(data->as_string()));
    if (!bytes) return fail(errors::validation({{"attachments", "「" + filename + "」の内容を読み取れませんでした。"}}));
    if (bytes->empty() || bytes->size() > max_bytes)
      return fail(errors::validation({{"attachments", "「" + filename + "」は5MB以内の空でないファイルにしてください。"}}));
    auto type = sniff(*bytes, filename);
    if (!type)
      return fail(errors::validation({{"attachments", "「" + filename +
                                                          "」は添付できない種類のファイルです（PDF、画像、Officeファイル、テキスト、CSVのみ）。"}}));
    files.push_back({{crypto::new_id("att"), filename, *type, static_cast<std::int64_t>(bytes->size())}, "", "", std::move(*bytes)});
  }
  return files;
}

Result<void> store_attachments(store::Connection& c, std::vector<Attachment>& files, const std::string& owner_type,
                               const std::string& owner_id) {
  for (auto& f : files) {
    f.owner_type = owner_type;
    f.owner_id = owner_id;
    KH_TRY(c.execute("INSERT INTO attachments (id, owner_type, owner_id, filename, content_type, size, data_base64, created_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                     {f.info.id, owner_type, owner_id, f.info.filename, f.info.content_type, f.info.size,
                      crypto::base64_encode(f.data), now_ms()}));
  }
  return {};
}

Result<std::optional<Attachment>> load_attachment(store::Connection& c, const std::string& id) {
  auto r = KH_TRY(c.execute("SELECT id, filename, content_type, size, owner_type, owner_id, data_base64 FROM attachments WHERE id = $1", {id}));
  if (r.rows.empty()) return std::optional<Attachment>{};
  const auto& row = r.rows[0];
  auto data = crypto::base64_decode(row.text(6));
  if (!data) return fail(errors::internal("attachment " + id + " is not valid base64"));
  return std::optional<Attachment>{Attachment{{row.text(0), row.text(1), row.text(2), row.integer(3)}, row.text(4), row.text(5), std::move(*data)}};
}

Result<std::vector<AttachmentInfo>> attachments_of(store::Connection& c, const std::string& owner_type,
                                                   const std::string& owner_id) {
  auto r = KH_TRY(c.execute("SELECT id, filename, content_type, size FROM attachments WHERE owner_type = $1 AND owner_id = $2 "
                            "ORDER BY created_at, id", {owner_type, owner_id}));
  std::vector<AttachmentInfo> out;
  for (const auto& row : r.rows) out.push_back({row.text(0), row.text(1), row.text(2), row.integer(3)});
  return out;
}

}  // namespace kh::helpdesk
