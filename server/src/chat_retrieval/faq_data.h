#pragma once
//! The FAQ, synonym and evaluation files (server/data/chat/, server/bench/data/) read into plain structs. JSON in,
//! structs out; no I/O: the caller passes the text (embedded in the binary or read by the benchmark).
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "chat_retrieval/chat_retrieval.h"

namespace kh::chat_retrieval {

//! One FAQ entry of server/data/chat/faq.json.
struct FaqItem {
  std::string key;       //!< stable name in the data file (register, password_forgot ...)
  std::string category;  //!< FAQ category shown on the FAQ page
  std::string audience;  //!< seeker, facility, aggregator, coordinator or all: whom it is written for
  std::string question;
  std::string answer;
  std::vector<std::string> paraphrases;  //!< other ways users ask it; the retriever indexes them with the question
};

//! Refuses, naming the entry, a missing key/question/answer or a key given twice.
std::expected<std::vector<FaqItem>, std::string> read_faq(std::string_view json);
//! An array of arrays of strings; the first term of each group is what the others are rewritten to.
std::expected<Synonyms, std::string> read_synonyms(std::string_view json);

}  // namespace kh::chat_retrieval
