#pragma once
//! The facility's 「募集の管理」 list: filtered by status, category and a word, and paged (issue 11 item 1).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "postings/postings.h"
#include "reference/reference.h"

namespace kh::postings {

struct FacilityListQuery {
  std::optional<std::string> status;    //!< draft, published, paused, closed
  std::optional<std::string> category;  //!< a code of the catalogue
  std::optional<std::string> q;         //!< words that must all appear in the title or the duties (folded)
  int page = 1;
  //! Without per_page the whole list comes back in one page, as before paging existed (other pages
  //! read it to offer the facility's postings as a filter).
  std::optional<int> per_page;
};

//! Reads the query; each bad value is a field error in Japanese naming the filter.
Result<FacilityListQuery> parse_facility_list_query(const std::multimap<std::string, std::string>& params,
                                                    const reference::Catalogue& catalogue);

struct FacilityListPage {
  std::vector<const Posting*> items;  //!< the requested page of the matching postings, in the list's order
  std::size_t total = 0;              //!< how many postings match the filter
};

FacilityListPage filter_facility_list(const std::vector<Posting>& all, const FacilityListQuery& q);

}  // namespace kh::postings
