// Every rejected input as a table: what the student typed, a distinctive part of the message they read, the
// 1-based column the message points at (counted in characters, not bytes), and for an unclosed bracket the
// column where it opened.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "expr/function.hpp"

using Catch::Matchers::Contains;
using descent::ExpressionError;
using descent::Function;

namespace {

struct RejectedRow {
  std::string text;
  const char* message;
  int column;
  int openedAt = 0;
};

const std::vector<RejectedRow> kRejected = {
    // nothing to read
    {"", "type a function of x", 1},
    {"   ", "type a function of x", 1},
    // operators without an operand
    {"x^^2", "unexpected '^' after '^'", 3},
    {"2**", "the expression ends too early: something is missing after '**'", 4},
    {"2+*3", "unexpected '*' after '+'", 3},
    {"x+", "something is missing after '+'", 3},
    {"x^", "something is missing after '^'", 3},
    {"2x*", "something is missing after '*'", 4},
    {"x−", "something is missing after '-'", 3},
    {",", "unexpected ','", 1},
    {"1,5", "commas only separate function arguments", 2},
    // numbers
    {".", "'.' must be part of a number, like 0.5 or .5", 1},
    {"..5", "'.' must be part of a number", 1},
    {"2..3", "a number has at most one decimal point", 3},
    {"1.2.3", "a number has at most one decimal point", 4},
    {"1e999", "the number 1e999 is too large", 1},
    // names
    {"y", "unknown name 'y': the variable is x", 1},
    {"X", "the variable is x (lowercase)", 1},
    {"π+y", "unknown name 'y'", 3},
    {"sine(x)", "unknown function 'sine': did you mean sin?", 1},
    {"Sin(x)", "did you mean sin?", 1},
    {"co(x)", "did you mean cos?", 1},
    {"pow(x)", "unknown function 'pow': write a^b (or a**b) for powers", 1},
    {"sinx", "unknown name 'sinx': functions need parentheses, like sin(x)", 1},
    {"xy", "unknown name 'xy': write a product with *", 1},
    {"x2", "write a product with *, like x*2", 1},
    {"2ex", "unknown name 'ex'", 2},
    // calls
    {"sin x", "sin needs parentheses: write sin(x)", 5},
    {"exp", "exp needs parentheses", 4},
    {"sin()", "sin() needs an argument, like sin(x)", 5},
    {"sin(x,x)", "sin takes one argument", 6},
    {"x(2)", "'x' is not a function: write x*(...) for a product", 2},
    {"pi(2)", "'pi' is not a function", 3},
    // brackets
    {"(x+1", "')' expected to close '(' at column 1", 5, 1},
    {"sin(x", "')' expected to close '(' at column 4", 6, 4},
    {"((x)", "')' expected to close '(' at column 1", 5, 1},
    {"2*(x+(1", "')' expected to close '(' at column 6", 8, 6},
    {"x+1)", "')' has no matching '('", 4},
    {"sin(x))", "')' has no matching '('", 7},
    {"()", "empty brackets '()'", 2},
    {"[x]", "unexpected character '['", 1},
    {"|x|", "unexpected character '|'", 1},
    // two operands side by side
    {"2 3", "an operator is missing between 2 and 3", 3},
    {"x pi", "an operator is missing before 'pi': write x*pi", 3},
    {"x sin(x)", "an operator is missing before 'sin'", 3},
    {"x 2", "an operator is missing", 3},
    {"(x)2", "an operator is missing", 4},
    // characters outside the language
    {"x=2", "unexpected character '='", 2},
    {"x!", "unexpected character '!'", 2},
    {"$", "unexpected character '$'", 1},
    {"１", "'１' is not part of the language", 1},  // full-width digit
    {"x+１", "'１' is not part of the language", 3},
    {"x ＋ 1", "'＋' is not part of the language", 3},  // full-width plus
    {"x – 1", "'–' is not part of the language", 3},    // en dash (only U+2212 is a minus)
    {"x²", "'²' is not part of the language", 2},
    {"√x", "'√' is not part of the language", 1},
    // control characters
    {std::string("\0", 1), "control character (code 0) is not allowed", 1},
    {std::string("x\0+1", 4), "control character (code 0) is not allowed", 2},
    {"x\a", "control character (code 7)", 2},
    {"x\x1b", "control character (code 27)", 2},
    {"x\x7f", "control character (code 127)", 2},
};

}  // namespace

TEST_CASE("every rejected input gets a message and a column", "[parse-errors]") {
  for (const RejectedRow& row : kRejected) {
    INFO("input: '" << row.text << "' (" << row.text.size() << " bytes)");
    try {
      Function::parse(row.text);
      FAIL_CHECK("accepted, but should be rejected");
    } catch (const ExpressionError& error) {
      CHECK_THAT(error.what(), Contains(row.message));
      CHECK(error.column() == row.column);
      CHECK(error.openedAt() == row.openedAt);
    }
  }
}

// "unexpected the number 2: an operator is missing before it" is not a sentence; "2 3" already reads well.
TEST_CASE("an operand after a complete operand reads as a sentence", "[parse-errors]") {
  for (const char* text : {"x 2", "(x)2", "sin(x) 2", "2(x)3"}) {
    INFO("input: " << text);
    try {
      Function::parse(text);
      FAIL_CHECK("accepted, but should be rejected");
    } catch (const ExpressionError& error) {
      CHECK_THAT(error.what(), !Contains("unexpected the"));
    }
  }
}
