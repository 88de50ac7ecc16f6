#pragma once
//! Reading a seeker's wishes out of free Japanese text (issue 16: 「来月から3か月、栃木で消化器内科、当直は不安」
//! fills four slots). Dictionaries (prefectures, specialties, the words for employment, weekdays, night duty and
//! career support) plus MeCab for place names; pure: the caller passes the dictionaries and today's date.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chat_retrieval/chat_retrieval.h"

namespace kh::chat_retrieval {

//! The slots of a seeker's conditions the chat collects; each absent until the text says it.
struct Wishes {
  std::optional<std::vector<std::string>> categories;   //!< job category codes (doctor, nurse …)
  std::optional<std::string> employment;                //!< permanent, fixed_term, spot
  std::optional<int> period_months;
  std::optional<std::string> start_date;                //!< YYYY-MM-DD
  std::optional<std::vector<std::string>> prefectures;  //!< JIS codes
  std::optional<std::vector<std::string>> specialties;  //!< names from the catalogue; empty: none in particular
  std::optional<std::vector<std::string>> weekdays;     //!< mon … sun; empty: none in particular
  std::optional<bool> night_duty;                       //!< whether night duty / on-call is acceptable
  std::optional<std::string> career_support;            //!< specialist, return, change, none
  int filled() const;
  //! Fills what `other` has and this lacks or says differently (a later answer wins).
  void merge(const Wishes& other);
};

struct SlotDictionaries {
  struct Named { std::string name; std::string code; };
  std::vector<Named> prefectures;   //!< every way a prefecture is written (東京都, 東京) with its code
  std::vector<std::string> specialties;
  std::vector<Named> categories;    //!< 医師 → doctor …
};

struct Date { int year = 2026, month = 1, day = 1; };

//! What the text says about the slots. `asked` names the slot the last question asked for ("night_duty",
//! "specialties" …), so that a bare 「はい」 or 「特になし」 answers it.
Wishes read_wishes(const Analyzer& analyzer, std::string_view text, const SlotDictionaries& dictionaries, Date today,
                   std::string_view asked = {});

}  // namespace kh::chat_retrieval
