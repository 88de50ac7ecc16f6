#pragma once
//! Postings (人材募集): registration and editing with per-field Japanese validation, the lifecycle
//! draft → published → paused → closed, a version for every edit, CSV bulk registration, and the masking
//! rules of SPEC.md (a masked posting shows none of its identifying fields to viewers not entitled to them).
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace boost::json { class object; }
namespace kh::store { class Connection; class Pool; }
namespace kh::reference { class Catalogue; }
namespace kh::accounts { struct CurrentUser; }

namespace kh::postings {

//! The codes of a posting's `weekdays`, Monday first: the order they are stored, shown and exported in.
inline constexpr std::array<std::string_view, 7> weekday_codes = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

struct Workplace {
  std::string postal_code, prefecture, municipality, street;
  std::optional<std::string> building, area;
};

struct Contact {
  std::string name, phone, email;
  std::optional<std::string> location;
};

struct Posting {
  std::string id;
  std::string facility_id;
  std::string facility_name;
  std::string status = "draft";  //!< draft, published, paused, closed
  std::optional<std::string> close_reason;  //!< filled (充足) or withdrawn (取下げ) when closed
  std::string title;
  std::string category;
  std::optional<std::string> specialty;
  std::string employment;
  std::string start_date;
  std::optional<std::string> end_date;
  std::optional<std::int64_t> period_months;
  std::vector<std::string> weekdays;
  std::optional<std::string> hours;
  bool full_time = true;
  bool night_duty = false;
  std::string urgency;
  std::int64_t positions = 0;
  std::string duties;
  std::optional<std::string> requirements, pay, benefits;
  bool training_agreed = false;
  Workplace workplace;
  Contact contact;
  bool masked = false;
  std::int64_t version = 0;
  std::int64_t created_at_ms = 0, updated_at_ms = 0;
  std::optional<std::int64_t> published_at_ms;
};

//! Whether a viewer may see a posting's hidden values (SPEC.md masking rule 1).
enum class Disclosure { full, masked };

//! Who is looking: nullptr for an anonymous visitor.
Disclosure disclosure_for(const Posting& p, const accounts::CurrentUser* viewer);

//! The API shape of SPEC.md; with Disclosure::masked and p.masked the hidden keys are absent altogether.
boost::json::object to_json(const Posting& p, Disclosure d, const reference::Catalogue& catalogue);

//! When every field 公開 needs must be there: for a posting published or paused after the change (a draft saves
//! with whatever is filled, though what is filled must be valid), or always (the CSV import's rows).
enum class Completeness { when_published, always };

//! Applies the fields present in `body` onto `posting` and validates the result; the error names every
//! wrong field in Japanese ("workplace.postal_code" style keys for nested fields), and a refused 公開 lists the
//! missing ones in its message.
Result<void> apply_and_validate(Posting& posting, const boost::json::object& body, const reference::Catalogue& catalogue,
                                bool creating, Completeness completeness = Completeness::when_published);

struct PostingVersion {
  std::int64_t version;
  std::int64_t changed_at_ms;
  std::string changed_by;
  std::string changes;  //!< JSON {"field": [old, new]}
};

class Service {
 public:
  Service(store::Pool& pool, const reference::Catalogue& catalogue) : pool_(pool), catalogue_(catalogue) {}

  Result<Posting> create(const accounts::CurrentUser& actor, const boost::json::object& body);
  Result<Posting> update(const accounts::CurrentUser& actor, const std::string& id, const boost::json::object& body);
  //! Creates every row or none from a CSV file as uploaded (UTF-8 with or without a BOM, or Windows-31J; headers
  //! by code or Japanese name; codes or Japanese names in the cells; csv_import.cpp): row errors come back as
  //! "row_N" fields naming the row and the column in Japanese.
  Result<std::vector<Posting>> import_csv(const accounts::CurrentUser& actor, std::string_view bytes);
  Result<std::optional<Posting>> find(const std::string& id);
  Result<std::vector<Posting>> list_for_facility(const accounts::CurrentUser& actor);
  Result<std::vector<PostingVersion>> versions(const accounts::CurrentUser& actor, const std::string& id);
  //! Every published posting (the search index is built from this at start).
  Result<std::vector<Posting>> all_published();
  //! Every posting of one facility, in every status (to re-index them when the facility is renamed).
  Result<std::vector<Posting>> of_facility(const std::string& facility_id);

  const reference::Catalogue& catalogue() const { return catalogue_; }
  //! Set by the applications module: whether a seeker has an established match on a posting, which
  //! entitles them to its masked values (rule 1). Unset, nobody outside is entitled.
  std::function<bool(const std::string& posting_id, const std::string& user_id)> match_established;
  //! disclosure_for, plus the match rule above.
  Disclosure disclosure(const Posting& p, const accounts::CurrentUser* viewer) const;

 private:
  Result<std::string> facility_of(const accounts::CurrentUser& actor, const boost::json::object& body);
  store::Pool& pool_;
  const reference::Catalogue& catalogue_;
};

//! A column of the bulk CSV: its code (the API's field), the Japanese header of the template, and whether every
//! file must have it (documented in docs/operations.md).
struct CsvColumn { std::string_view key, name; bool required; };
std::span<const CsvColumn> csv_column_list();
//! The codes of the columns, in the template's order.
const std::vector<std::string>& csv_columns();
//! The template facilities download: Windows-31J (what Excel opens), the Japanese headers and one example row
//! (a nurse posting in 千代田区 starting `start_date`, YYYY-MM-DD), written with names, not codes.
std::string csv_template(std::string_view start_date);
//! The status and close reason of a create or update body, by the lifecycle's rules.
Result<void> apply_status(Posting& p, const boost::json::object& body, bool creating);

}  // namespace kh::postings
