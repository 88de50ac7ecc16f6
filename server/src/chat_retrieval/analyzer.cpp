// Japanese text analysis for the chat: normalisation, synonym rewriting, MeCab words and character bigrams.
#include "chat_retrieval/chat_retrieval.h"

#include <mecab.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "core/text.h"

namespace kh::chat_retrieval {

std::string normalize(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString n = nfkc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  n.toUTF8String(out);
  return out;
}

SynonymRewriter::SynonymRewriter(const Synonyms& synonyms) {
  for (const auto& group : synonyms.groups) {
    if (group.empty()) continue;
    const std::string to = normalize(group.front());
    if (to.empty()) continue;
    for (std::size_t i = 1; i < group.size(); ++i) {
      std::string from = normalize(group[i]);
      if (!from.empty() && from != to) variants_.push_back({std::move(from), to});
    }
  }
  // Longest first, so a long variant is replaced before a short one inside it can be.
  std::stable_sort(variants_.begin(), variants_.end(),
                   [](const Variant& a, const Variant& b) { return a.from.size() > b.from.size(); });
}

std::string SynonymRewriter::rewrite(std::string_view text) const {
  if (variants_.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    bool replaced = false;
    // Only at the start of a UTF-8 character, so a variant never matches the tail bytes of another character.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      for (const auto& v : variants_) {
        if (text.compare(i, v.from.size(), v.from) == 0) {
          out += v.to;
          i += v.from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

std::vector<std::string> character_bigrams(std::string_view normalized) {
  std::vector<std::string> out;
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(normalized.data(), static_cast<int32_t>(normalized.size())));
  struct Char { std::string text; bool hiragana; };
  std::vector<Char> segment;
  auto flush = [&] {
    if (segment.size() == 1) out.push_back(text::fold(segment[0].text));
    for (std::size_t i = 0; i + 1 < segment.size(); ++i)
      if (!(segment[i].hiragana && segment[i + 1].hiragana)) out.push_back(text::fold(segment[i].text + segment[i + 1].text));
    segment.clear();
  };
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    const auto type = static_cast<UCharCategory>(u_charType(c));
    const bool drop = u_isUWhiteSpace(c) || u_ispunct(c) || type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL ||
                      type == U_MODIFIER_SYMBOL || type == U_OTHER_SYMBOL || type == U_CONTROL_CHAR;
    if (drop) {
      flush();
      continue;
    }
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    segment.push_back({std::move(one), c >= 0x3041 && c <= 0x309F});
  }
  flush();
  return out;
}

struct Analyzer::Impl {
  std::unique_ptr<MeCab::Model> model;
  std::unique_ptr<MeCab::Tagger> tagger;
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

std::expected<Analyzer, std::string> Analyzer::open(std::string_view dicdir) {
  std::string dir(dicdir);
  // The IPA dictionary by name: Debian's default (/var/lib/mecab/dic/debian) follows whichever dictionary package
  // was installed last, and a JUMAN dictionary has other parts of speech.
  if (dir.empty()) dir = "/var/lib/mecab/dic/ipadic-utf8";
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::path(dir) / "sys.dic", ec))
    return std::unexpected("MeCab dictionary not found in " + dir + " (install mecab-ipadic-utf8)");
  std::string arg = "-d " + dir;
  if (!std::filesystem::exists("/etc/mecabrc", ec)) arg += " -r /dev/null";
  auto impl = std::make_unique<Impl>();
  impl->model.reset(MeCab::createModel(arg.c_str()));
  if (!impl->model) return std::unexpected(std::string("MeCab: ") + MeCab::getLastError());
  impl->tagger.reset(impl->model->createTagger());
  if (!impl->tagger) return std::unexpected(std::string("MeCab: ") + MeCab::getLastError());
  return Analyzer(std::move(impl));
}

namespace {
std::vector<std::string_view> split_feature(std::string_view feature) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= feature.size()) {
    const auto comma = feature.find(',', start);
    if (comma == std::string_view::npos) {
      out.push_back(feature.substr(start));
      break;
    }
    out.push_back(feature.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::vector<Morpheme> run_mecab(const MeCab::Model& model, const MeCab::Tagger& tagger, const std::string& text) {
  std::vector<Morpheme> out;
  if (text.empty()) return out;
  std::unique_ptr<MeCab::Lattice> lattice(const_cast<MeCab::Model&>(model).createLattice());
  if (!lattice) return out;
  lattice->set_sentence(text.c_str(), text.size());
  if (!tagger.parse(lattice.get())) return out;
  for (const MeCab::Node* n = lattice->bos_node(); n; n = n->next) {
    if (n->stat == MECAB_BOS_NODE || n->stat == MECAB_EOS_NODE) continue;
    Morpheme m;
    m.surface.assign(n->surface, n->length);
    const auto f = split_feature(n->feature ? std::string_view(n->feature) : std::string_view());
    if (!f.empty()) m.pos = f[0];
    if (f.size() > 1 && f[1] != "*") m.pos1 = f[1];
    if (f.size() > 2 && f[2] != "*") m.pos2 = f[2];
    m.base = (f.size() > 6 && f[6] != "*") ? std::string(f[6]) : m.surface;
    out.push_back(std::move(m));
  }
  return out;
}

// Words that carry no topic in a question: auxiliary verbs of asking, and the nouns every sentence has.
constexpr std::array<std::string_view, 28> stop_words = {
    "する", "ある", "いる", "なる", "できる", "出来る", "れる", "られる", "せる", "いう", "言う", "思う", "いただく",
    "頂く", "もらう", "おる", "くださる", "下さる", "教える", "知る", "こと", "もの", "よう", "ため", "方", "とき",
    "ところ", "何"};

bool is_stop(std::string_view base) {
  return std::find(stop_words.begin(), stop_words.end(), base) != stop_words.end();
}

bool has_letter(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

bool content_word(const Morpheme& m) {
  if (is_stop(m.base) || !has_letter(m.surface)) return false;
  if (m.pos == "名詞") return m.pos1 != "非自立" && m.pos1 != "代名詞" && m.pos1 != "数" && m.pos1 != "接尾";
  if (m.pos == "動詞") return m.pos1 == "自立";
  if (m.pos == "形容詞") return m.pos1 == "自立";
  return false;
}

bool compound_part(const Morpheme& m) { return m.pos == "名詞" || m.pos == "接頭詞"; }
}  // namespace

std::vector<Morpheme> Analyzer::morphemes(std::string_view text) const {
  return run_mecab(*impl_->model, *impl_->tagger, normalize(text));
}

Analysis Analyzer::analyze(std::string_view text, const SynonymRewriter& synonyms) const {
  const std::string rewritten = synonyms.rewrite(normalize(text));
  Analysis a;
  const auto ms = run_mecab(*impl_->model, *impl_->tagger, rewritten);
  std::string compound;
  int parts = 0;
  auto close_compound = [&] {
    if (parts >= 2) a.words.push_back(text::fold(compound));
    compound.clear();
    parts = 0;
  };
  for (const auto& m : ms) {
    if (content_word(m)) {
      std::string w = text::fold(m.base);
      // One hiragana character alone (a misread particle) says nothing.
      const bool one_kana = w.size() == 3 && static_cast<unsigned char>(w[0]) == 0xE3 &&
                            (static_cast<unsigned char>(w[1]) == 0x81 || static_cast<unsigned char>(w[1]) == 0x82);
      if (!w.empty() && !one_kana)
        a.words.push_back(std::move(w));
    }
    if (compound_part(m)) {
      compound += m.surface;
      ++parts;
    } else {
      close_compound();
    }
  }
  close_compound();
  a.bigrams = character_bigrams(rewritten);
  return a;
}

}  // namespace kh::chat_retrieval
