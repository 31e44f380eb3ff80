#include "expr/lexer.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "expr/error.hpp"
#include "expr/limits.hpp"
#include "expr/suggestion.hpp"

namespace descent {
namespace {

// Characters beyond ASCII that people paste from papers and that have one obvious meaning.
struct Alias {
  std::string_view utf8;
  TokenKind kind;
  std::string_view text;
};
constexpr Alias kAliases[] = {
    {"\u03C0", TokenKind::name, "pi"},  // π
    {"\u2212", TokenKind::minus, "-"},  // minus sign
    {"\u00D7", TokenKind::star, "*"},   // ×
    {"\u00B7", TokenKind::star, "*"},   // middle dot
    {"\u22C5", TokenKind::star, "*"},   // dot operator
    {"\u00F7", TokenKind::slash, "/"},  // ÷
};

class Lexer {
 public:
  explicit Lexer(std::string_view input) : input_(input) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (skipSpace(), at_ < input_.size()) tokens.push_back(next());
    tokens.push_back({TokenKind::end, column_, ""});
    return tokens;
  }

 private:
  std::string_view input_;
  std::size_t at_ = 0;
  int column_ = 1;

  char peek(std::size_t ahead = 0) const { return at_ + ahead < input_.size() ? input_[at_ + ahead] : '\0'; }
  static bool isDigit(char c) { return c >= '0' && c <= '9'; }
  static bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

  // Spaces, tabs, line breaks, and the no-break space that text copied from a web page carries.
  void skipSpace() {
    for (;;) {
      const char c = peek();
      if (at_ < input_.size() && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
        ++at_;
      } else if (input_.substr(at_, 2) == "\xC2\xA0") {
        at_ += 2;
      } else {
        return;
      }
      ++column_;
    }
  }

  Token take(TokenKind kind, std::size_t bytes, std::string text) {
    Token token{kind, column_, std::move(text)};
    at_ += bytes;
    ++column_;
    return token;
  }

  Token next() {
    const char c = peek();
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) return numberToken();
    if (c == '.') throw ExpressionError("'.' must be part of a number, like 0.5 or .5", column_);
    if (isLetter(c)) return nameToken();
    switch (c) {
      case '+':
        return take(TokenKind::plus, 1, "+");
      case '-':
        return take(TokenKind::minus, 1, "-");
      case '*':
        return peek(1) == '*' ? twoCharCaret() : take(TokenKind::star, 1, "*");
      case '/':
        return take(TokenKind::slash, 1, "/");
      case '^':
        return take(TokenKind::caret, 1, "^");
      case '(':
        return take(TokenKind::open, 1, "(");
      case ')':
        return take(TokenKind::close, 1, ")");
      case ',':
        return take(TokenKind::comma, 1, ",");
      default:
        break;
    }
    for (const auto& alias : kAliases)
      if (input_.substr(at_, alias.utf8.size()) == alias.utf8)
        return take(alias.kind, alias.utf8.size(), std::string(alias.text));
    throw unexpectedCharacter();
  }

  Token twoCharCaret() {
    Token token = take(TokenKind::caret, 2, "**");
    ++column_;
    return token;
  }

  Token numberToken() {
    const std::size_t start = at_;
    while (isDigit(peek())) ++at_;
    if (peek() == '.') {
      ++at_;
      while (isDigit(peek())) ++at_;
    }
    // An exponent only when digits follow: `2e` is 2*e, `2e-1` is 0.2.
    if ((peek() == 'e' || peek() == 'E')) {
      std::size_t digitsAt = at_ + 1;
      if (digitsAt < input_.size() && (input_[digitsAt] == '+' || input_[digitsAt] == '-')) ++digitsAt;
      if (digitsAt < input_.size() && isDigit(input_[digitsAt])) {
        at_ = digitsAt;
        while (isDigit(peek())) ++at_;
      }
    }
    Token token{TokenKind::number, column_, std::string(input_.substr(start, at_ - start))};
    token.value = std::strtod(token.text.c_str(), nullptr);
    if (std::isinf(token.value))
      throw ExpressionError(
          join({"the number ", shortened(token.text), " is too large (the largest is about 1.8e308)"}),
          column_);
    if (peek() == '.')
      throw ExpressionError("a number has at most one decimal point", column_ + int(at_ - start));
    column_ += static_cast<int>(at_ - start);
    return token;
  }

  Token nameToken() {
    const std::size_t start = at_;
    while (isLetter(peek()) || isDigit(peek())) ++at_;
    Token token{TokenKind::name, column_, std::string(input_.substr(start, at_ - start))};
    column_ += static_cast<int>(at_ - start);
    return token;
  }

  // Bytes in the UTF-8 sequence starting here, or 0 when it is not one.
  std::size_t utf8Length() const {
    const auto byte = static_cast<unsigned char>(peek());
    if (byte >= 0xF8 || (byte >= 0x80 && byte < 0xC0)) return 0;
    std::size_t length = 1;
    if (byte >= 0xF0)
      length = 4;
    else if (byte >= 0xE0)
      length = 3;
    else if (byte >= 0xC0)
      length = 2;
    if (at_ + length > input_.size()) return 0;
    for (std::size_t i = 1; i < length; ++i)
      if ((static_cast<unsigned char>(input_[at_ + i]) & 0xC0) != 0x80) return 0;
    return length;
  }

  ExpressionError unexpectedCharacter() const {
    const auto byte = static_cast<unsigned char>(peek());
    if (byte < 0x20 || byte == 0x7F)
      return ExpressionError(join({"control character (code ", std::to_string(byte), ") is not allowed"}),
                             column_);
    const std::size_t length = utf8Length();
    if (length == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      return ExpressionError(join({"invalid byte ", hex, ": the text is not valid UTF-8"}), column_);
    }
    const std::string shown(input_.substr(at_, length));
    if (byte >= 0x80)
      return ExpressionError(
          join({"'", shown, "' is not part of the language: use plain ASCII (+ - * / ^, digits, x, pi)"}),
          column_);
    return ExpressionError(join({"unexpected character '", shown, "'"}), column_);
  }
};

}  // namespace

std::vector<Token> tokenize(std::string_view input) {
  if (input.size() > limits::kMaxInputLength)
    throw ExpressionError(join({"the expression is too long: ", std::to_string(input.size()),
                                " characters, the limit is ", std::to_string(limits::kMaxInputLength)}),
                          static_cast<int>(limits::kMaxInputLength) + 1);
  return Lexer(input).run();
}

std::string shortened(const std::string& text) {
  constexpr std::size_t kShown = 24;
  return text.size() <= kShown ? text : join({std::string_view(text).substr(0, kShown), "..."});
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::end:
      return "the end of the input";
    case TokenKind::number:
      return join({"the number ", token.text});
    default:
      return join({"'", token.text, "'"});
  }
}

}  // namespace descent
