#pragma once
// Splits the input into tokens, each with the 1-based column (in characters) where it starts.
#include <string>
#include <string_view>
#include <vector>

namespace descent {

enum class TokenKind { number, name, plus, minus, star, slash, caret, open, close, comma, end };

struct Token {
  TokenKind kind;
  int column;        // 1-based, counted in characters, not bytes
  std::string text;  // as typed (a name, a number, an operator)
  double value = 0;  // numbers
};

// Throws ExpressionError for characters outside the language and malformed numbers.
std::vector<Token> tokenize(std::string_view input);

std::string describe(const Token& token);

// A name or number as quoted in a message: long ones are cut short.
std::string shortened(const std::string& text);  // "'+'", "the number 2", "the end of the input"

}  // namespace descent
