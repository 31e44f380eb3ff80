#include "expr/parser.hpp"

#include <utility>
#include <vector>

#include "expr/builtin.hpp"
#include "expr/error.hpp"
#include "expr/lexer.hpp"
#include "expr/limits.hpp"
#include "expr/simplifier.hpp"
#include "expr/suggestion.hpp"

namespace descent {
namespace {

bool startsOperand(TokenKind kind) { return kind == TokenKind::name || kind == TokenKind::open; }

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Tree run() {
    if (current().kind == TokenKind::end)
      throw ExpressionError("type a function of x, for example x^2 - 2*x", 1);
    Tree tree = sum();
    if (current().kind == TokenKind::close)
      throw ExpressionError("')' has no matching '('", current().column);
    if (current().kind != TokenKind::end) throw missingOperator();
    return tree;
  }

 private:
  std::vector<Token> tokens_;
  std::size_t at_ = 0;
  int depth_ = 0;

  // Each recursive rule holds one of these, so nesting is bounded before the stack is.
  class Nested {
   public:
    explicit Nested(Parser& parser) : parser_(parser) {
      if (++parser_.depth_ > limits::kMaxNesting)
        throw ExpressionError(join({"the expression is nested too deeply (the limit is ",
                                    std::to_string(limits::kMaxNesting), " levels)"}),
                              parser_.current().column);
    }
    ~Nested() { --parser_.depth_; }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;

   private:
    Parser& parser_;
  };

  const Token& current() const { return tokens_[at_]; }
  const Token& previous() const { return tokens_[at_ - 1]; }
  const Token& advance() { return tokens_[at_++]; }

  // sum = product { ("+" | "-") product } ;
  Tree sum() {
    std::vector<Tree> terms{product()};
    while (current().kind == TokenKind::plus || current().kind == TokenKind::minus) {
      const bool minus = advance().kind == TokenKind::minus;
      Tree term = product();
      terms.push_back(minus ? negate(std::move(term)) : std::move(term));
    }
    return add(std::move(terms));
  }

  // product = unary { ("*" | "/") unary | implicit } ;
  Tree product() {
    std::vector<Tree> factors{unary()};
    for (;;) {
      const TokenKind kind = current().kind;
      if (kind == TokenKind::star || kind == TokenKind::slash) {
        advance();
        Tree factor = unary();
        factors.push_back(kind == TokenKind::slash ? descent::power(std::move(factor), number(-1))
                                                   : std::move(factor));
      } else if (startsOperand(kind) && allowsImplicitProduct(previous())) {
        factors.push_back(power());
      } else {
        return multiply(std::move(factors));
      }
    }
  }

  static bool allowsImplicitProduct(const Token& before) {
    return before.kind == TokenKind::number || before.kind == TokenKind::close;
  }

  // unary = ("-" | "+") unary | power ;
  Tree unary() {
    if (current().kind == TokenKind::minus) {
      Nested nested(*this);
      advance();
      return negate(unary());
    }
    if (current().kind == TokenKind::plus) {
      Nested nested(*this);
      advance();
      return unary();
    }
    return power();
  }

  // power = primary [ "^" unary ] ;
  Tree power() {
    Tree base = primary();
    if (current().kind != TokenKind::caret) return base;
    Nested nested(*this);
    advance();
    return descent::power(std::move(base), unary());
  }

  // primary = number | "x" | "pi" | "e" | function "(" sum ")" | "(" sum ")" ;
  Tree primary() {
    const Token& token = current();
    switch (token.kind) {
      case TokenKind::number:
        advance();
        return number(token.value);
      case TokenKind::name:
        return named();
      case TokenKind::open:
        return bracketed();
      default:
        throw expectedOperand();
    }
  }

  Tree named() {
    const Token& token = advance();
    const std::string& name = token.text;
    if (name == "x" || name == "pi" || name == "e") {
      if (current().kind == TokenKind::open)
        throw ExpressionError(join({"'", name, "' is not a function: write ", name, "*(...) for a product"}),
                              current().column);
      if (name == "x") return variable();
      return constant(name == "pi" ? Constant::pi : Constant::e);
    }
    const auto builtin = builtinNamed(name);
    if (!builtin) {
      if (current().kind == TokenKind::open)
        throw ExpressionError(unknownFunctionMessage(shortened(name)), token.column);
      throw ExpressionError(unknownNameMessage(shortened(name)), token.column);
    }
    if (current().kind != TokenKind::open)
      throw ExpressionError(join({name, " needs parentheses: write ", name, "(x)"}), current().column);
    return call(*builtin, argument(name));
  }

  Tree argument(const std::string& name) {
    Nested nested(*this);
    const Token& open = advance();
    if (current().kind == TokenKind::close)
      throw ExpressionError(join({name, "() needs an argument, like ", name, "(x)"}), current().column);
    Tree inside = sum();
    if (current().kind == TokenKind::comma)
      throw ExpressionError(join({name, " takes one argument"}), current().column);
    expectClose(open);
    return inside;
  }

  Tree bracketed() {
    Nested nested(*this);
    const Token& open = advance();
    if (current().kind == TokenKind::close) throw ExpressionError("empty brackets '()'", current().column);
    Tree inside = sum();
    expectClose(open);
    return foldedIfNumbers(inside);
  }

  // Brackets of numbers alone are folded where they stand, so that a product keeps the grouping typed:
  // 1e308*(10/10) is 1e308, where 1e308*10/10 overflows. Sums and products are flattened once built.
  static Tree foldedIfNumbers(const Tree& inside) {
    if (isNumber(inside) || !onlyNumbers(inside)) return inside;
    const Tree folded = simplify(inside);
    return isNumber(folded) ? folded : inside;
  }

  static bool onlyNumbers(const Tree& tree) {
    if (tree->op == Op::number) return true;
    if (tree->op == Op::constant || tree->op == Op::variable || tree->op == Op::call) return false;
    for (const Tree& child : tree->children)
      if (!onlyNumbers(child)) return false;
    return true;
  }

  void expectClose(const Token& open) {
    if (current().kind == TokenKind::close) {
      advance();
      return;
    }
    if (current().kind == TokenKind::end)
      throw ExpressionError(join({"')' expected to close '(' at column ", std::to_string(open.column)}),
                            current().column, open.column);
    throw ExpressionError(join({"')' expected to close '(' at column ", std::to_string(open.column),
                                ", found ", describe(current())}),
                          current().column, open.column);
  }

  ExpressionError expectedOperand() const {
    const Token& token = current();
    if (token.kind == TokenKind::end) {
      if (at_ == 0) return ExpressionError("type a function of x", token.column);
      return ExpressionError(
          join({"the expression ends too early: something is missing after ", describe(previous())}),
          token.column);
    }
    if (token.kind == TokenKind::close) return ExpressionError("a value is missing before ')'", token.column);
    return ExpressionError(
        join({"unexpected ", describe(token), at_ > 0 ? " after " : "",
              at_ > 0 ? describe(previous()) : std::string(), ": expected a number, x, a function or '('"}),
        token.column);
  }

  ExpressionError missingOperator() const {
    const Token& token = current();
    if (token.kind == TokenKind::comma)
      return ExpressionError("unexpected ',': commas only separate function arguments", token.column);
    if (token.kind == TokenKind::number && previous().kind == TokenKind::number)
      return ExpressionError(join({"an operator is missing between ", shortened(previous().text), " and ",
                                   shortened(token.text)}),
                             token.column);
    if (token.kind == TokenKind::name && previous().kind == TokenKind::name)
      return ExpressionError(join({"an operator is missing before ", describe(token), ": write ",
                                   shortened(previous().text), "*", shortened(token.text)}),
                             token.column);
    return ExpressionError(join({"an operator is missing before ", describe(token)}), token.column);
  }
};

}  // namespace

Tree parse(std::string_view text) { return Parser(tokenize(text)).run(); }

}  // namespace descent
