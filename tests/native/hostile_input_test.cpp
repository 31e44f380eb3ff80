// Input built to break a parser: huge, deeply nested, or with a derivative that explodes. Each row either
// works or throws ExpressionError with a message; none may crash, overflow the stack or hang (the suite
// finishing is the check on time; nothing here asserts a duration).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "expr/function.hpp"
#include "expr/limits.hpp"

using Catch::Matchers::Contains;
using descent::ExpressionError;
using descent::Function;

namespace {

std::string repeat(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::string nested(const std::string& open, std::size_t depth, const std::string& inner) {
  return repeat(open, depth) + inner + repeat(")", depth);
}

std::string sumOfTerms(int count) {
  std::string out = "x";
  for (int i = 1; i < count; ++i) out += " + " + std::to_string(i % 10) + "*x^" + std::to_string(i % 5);
  return out;
}

std::string productOfSums(int count) {
  std::string out;
  for (int i = 1; i <= count; ++i) out += "(x + " + std::to_string(i) + ")";
  return out;
}

enum class Outcome { works, rejected, either };

struct HostileRow {
  const char* what;
  std::string text;
  Outcome outcome;
  const char* message;  // a part of the message when rejected
};

bool isValidUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    const std::size_t length = byte < 0x80           ? 1
                               : (byte >> 5) == 0x6  ? 2
                               : (byte >> 4) == 0xE  ? 3
                               : (byte >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > s.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += length;
  }
  return true;
}

const std::vector<HostileRow>& hostileRows() {
  static const std::vector<HostileRow> rows = {
      {"100 KB of x", std::string(100'000, 'x'), Outcome::rejected, "too long"},
      {"100 KB sum", repeat("x+", 50'000) + "x", Outcome::rejected, "the expression is too long"},
      {"100,000 nested brackets", nested("(", 100'000, "x"), Outcome::rejected, "too long"},
      {"100,000 open brackets", repeat("(", 100'000), Outcome::rejected, "too long"},
      {"100,000 signs", repeat("-", 100'000) + "x", Outcome::rejected, "too long"},
      {"10,000-term sum", sumOfTerms(10'000), Outcome::rejected, "too long"},
      {"1,000-term sum", sumOfTerms(1'000), Outcome::works, ""},
      {"200 nested brackets", nested("(", 200, "x"), Outcome::works, ""},
      {"201 nested brackets", nested("(", 201, "x"), Outcome::rejected, "nested too deeply"},
      {"201 signs", repeat("-", 201) + "x", Outcome::rejected, "nested too deeply"},
      {"300 powers of 2", repeat("2^", 300) + "x", Outcome::rejected, "nested too deeply"},
      {"sin(sin(...)) 200 deep", nested("sin(", 200, "x"), Outcome::either, "too large"},
      {"sin(sin(...)) 20 deep", nested("sin(", 20, "x"), Outcome::works, ""},
      {"exp(exp(...)) 150 deep", nested("exp(", 150, "x"), Outcome::either, "too large"},
      {"sigmoid(sigmoid(...)) 60 deep", nested("sigmoid(", 60, "x"), Outcome::either, "too large"},
      {"x^x^x^x^x", "x^x^x^x^x", Outcome::works, ""},
      {"x^x^x^x^x^x^x", "x^x^x^x^x^x^x", Outcome::either, "too large"},
      {"product of 40 sums", productOfSums(40), Outcome::either, "too large"},
      {"product of 40 equal sums", repeat("(x+1)", 40), Outcome::works, ""},
      {"3,000 factors", repeat("x*", 3'000) + "x", Outcome::works, ""},
      {"3,000 divisions", repeat("1/", 3'000) + "x", Outcome::works, ""},
      {"400-digit number", std::string(400, '9'), Outcome::rejected, "too large"},
      {"400-digit fraction", "0." + std::string(400, '0') + "1", Outcome::works, ""},
      {"10,000-letter name", std::string(10'000, 'x'), Outcome::rejected, "unknown name"},
      {"invalid UTF-8", "x + \xff", Outcome::rejected, "not valid UTF-8"},
      {"truncated UTF-8", "x\xc3", Outcome::rejected, "not valid UTF-8"},
      {"exactly the length limit", repeat("x+", descent::limits::kMaxInputLength / 2 - 1) + "xx",
       Outcome::rejected, "unknown name"},
  };
  return rows;
}

}  // namespace

TEST_CASE("hostile input works or is a clear error, never a crash", "[hostile]") {
  for (const HostileRow& row : hostileRows()) {
    INFO(row.what << " (" << row.text.size() << " bytes)");
    try {
      Function fn = Function::parse(row.text);
      CHECK(row.outcome != Outcome::rejected);
      descent::Values v = fn.at(0.5);
      CHECK_FALSE(std::isnan(v.f));
      CHECK_FALSE(fn.derivative().text.empty());
      CHECK_FALSE(fn.second().text.empty());
    } catch (const ExpressionError& error) {
      INFO("message: " << std::string(error.what()).substr(0, 200) << ", column " << error.column());
      CHECK(row.outcome != Outcome::works);
      CHECK_THAT(error.what(), Contains(row.message));
      CHECK(error.column() >= 1);
      CHECK(error.column() <= static_cast<int>(row.text.size()) + 1);
    }
  }
}

TEST_CASE("over-long input points at the first character past the limit", "[hostile]") {
  try {
    Function::parse(std::string(descent::limits::kMaxInputLength + 1, '1'));
    FAIL("accepted");
  } catch (const ExpressionError& error) {
    CHECK_THAT(error.what(), Contains("the limit is 10000"));
    CHECK(error.column() == static_cast<int>(descent::limits::kMaxInputLength) + 1);
  }
}

TEST_CASE("nesting too deep points at the bracket past the limit", "[hostile]") {
  try {
    Function::parse(nested("(", 201, "x"));
    FAIL("accepted");
  } catch (const ExpressionError& error) {
    CHECK_THAT(error.what(), Contains("the limit is 200 levels"));
    CHECK(error.column() == 201);
  }
}

// A message is shown in the page and printed by the CLI: it must be valid UTF-8 and short enough to read,
// even when the input is neither.
TEST_CASE("messages stay readable for hostile input", "[hostile]") {
  for (const HostileRow& row : hostileRows()) {
    INFO(row.what);
    try {
      Function::parse(row.text);
    } catch (const ExpressionError& error) {
      const std::string message = error.what();
      CHECK(isValidUtf8(message));
      CHECK(message.size() <= 300);
    }
  }
}

// Text pasted from a web page often carries a no-break space (U+00A0); tabs and newlines are already spaces.
TEST_CASE("a no-break space is a space", "[hostile]") {
  CHECK_NOTHROW(
      Function::parse("x\xc2\xa0+\xc2\xa0"
                      "1"));
}
