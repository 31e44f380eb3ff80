// Exact derivatives. Every row of tests/tables/expressions.tsv is checked against central finite differences
// of the engine's own f and f' at the row's points. The rows below, named by their input in that table and
// checked at its points, are checked twice more: against f' and f'' derived by hand, and against forward-mode
// automatic differentiation of a hand-written C++ f with nested dual numbers (a dual of duals carries f, f'
// and f'' together). They cover every function, the chain, product and quotient rules, constant powers,
// u^v by the exp-log rule and the activation functions.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "reference_functions.hpp"
#include "tables.hpp"

using descent::Function;

namespace {

using std::abs;
using std::acos;
using std::asin;
using std::atan;
using std::cbrt;
using std::cos;
using std::cosh;
using std::exp;
using std::log;
using std::log10;
using std::log2;
using std::pow;
using std::sin;
using std::sinh;
using std::sqrt;
using std::tan;
using std::tanh;

using descent::reference::kE;
using descent::reference::kPi;
using descent::reference::relu;
using descent::reference::sigmoid;
using descent::reference::sign;
using descent::reference::softplus;
using descent::reference::step;

// v + d*ε with ε² = 0. Dual<Dual<double>> seeded as ((x, 1), (1, 0)) evaluates to ((f, f'), (f', f'')).
template <class T>
struct Dual {
  T v, d;
  Dual(double value) : v(value), d(0.0) {}  // NOLINT: constants mix with duals as in the hand-written f
  Dual(T value, T slope) : v(value), d(slope) {}

  friend Dual operator+(const Dual& a, const Dual& b) { return {a.v + b.v, a.d + b.d}; }
  friend Dual operator-(const Dual& a, const Dual& b) { return {a.v - b.v, a.d - b.d}; }
  friend Dual operator-(const Dual& a) { return {-a.v, -a.d}; }
  friend Dual operator*(const Dual& a, const Dual& b) { return {a.v * b.v, a.d * b.v + a.v * b.d}; }
  friend Dual operator/(const Dual& a, const Dual& b) {
    return {a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v)};
  }
};

// g(v + dε) = g(v) + g'(v) d ε, with g' written in terms of functions that themselves accept duals.
template <class T>
Dual<T> sin(const Dual<T>& a) {
  return {sin(a.v), cos(a.v) * a.d};
}
template <class T>
Dual<T> cos(const Dual<T>& a) {
  return {cos(a.v), -sin(a.v) * a.d};
}
template <class T>
Dual<T> tan(const Dual<T>& a) {
  return {tan(a.v), a.d / (cos(a.v) * cos(a.v))};
}
template <class T>
Dual<T> asin(const Dual<T>& a) {
  return {asin(a.v), a.d / sqrt(1.0 - a.v * a.v)};
}
template <class T>
Dual<T> acos(const Dual<T>& a) {
  return {acos(a.v), -a.d / sqrt(1.0 - a.v * a.v)};
}
template <class T>
Dual<T> atan(const Dual<T>& a) {
  return {atan(a.v), a.d / (1.0 + a.v * a.v)};
}
template <class T>
Dual<T> sinh(const Dual<T>& a) {
  return {sinh(a.v), cosh(a.v) * a.d};
}
template <class T>
Dual<T> cosh(const Dual<T>& a) {
  return {cosh(a.v), sinh(a.v) * a.d};
}
template <class T>
Dual<T> tanh(const Dual<T>& a) {
  return {tanh(a.v), (1.0 - tanh(a.v) * tanh(a.v)) * a.d};
}
template <class T>
Dual<T> exp(const Dual<T>& a) {
  return {exp(a.v), exp(a.v) * a.d};
}
template <class T>
Dual<T> log(const Dual<T>& a) {
  return {log(a.v), a.d / a.v};
}
template <class T>
Dual<T> log2(const Dual<T>& a) {
  return {log2(a.v), a.d / (a.v * std::log(2.0))};
}
template <class T>
Dual<T> log10(const Dual<T>& a) {
  return {log10(a.v), a.d / (a.v * std::log(10.0))};
}
template <class T>
Dual<T> sqrt(const Dual<T>& a) {
  return {sqrt(a.v), a.d / (2.0 * sqrt(a.v))};
}
template <class T>
Dual<T> cbrt(const Dual<T>& a) {
  return {cbrt(a.v), a.d / (3.0 * cbrt(a.v) * cbrt(a.v))};
}
template <class T>
Dual<T> abs(const Dual<T>& a) {
  return {abs(a.v), sign(a.v) * a.d};
}
template <class T>
Dual<T> sign(const Dual<T>& a) {
  return {sign(a.v), 0.0 * a.d};
}
template <class T>
Dual<T> step(const Dual<T>& a) {
  return {step(a.v), 0.0 * a.d};
}
template <class T>
Dual<T> relu(const Dual<T>& a) {
  return {relu(a.v), step(a.v) * a.d};
}
template <class T>
Dual<T> sigmoid(const Dual<T>& a) {
  return {sigmoid(a.v), sigmoid(a.v) * (1.0 - sigmoid(a.v)) * a.d};
}
template <class T>
Dual<T> softplus(const Dual<T>& a) {
  return {softplus(a.v), sigmoid(a.v) * a.d};
}
template <class T>
Dual<T> pow(const Dual<T>& a, double n) {
  return {pow(a.v, n), n * pow(a.v, n - 1) * a.d};
}
template <class T>
Dual<T> pow(double base, const Dual<T>& a) {
  return exp(a * std::log(base));
}
template <class T>
Dual<T> pow(const Dual<T>& a, const Dual<T>& b) {
  return exp(b * log(a));
}

using Dual2 = Dual<Dual<double>>;

struct Jet {
  double f, df, d2f;
};

Jet differentiateByDuals(Dual2 (*f)(Dual2), double x) {
  Dual2 result = f(Dual2(Dual<double>(x, 1.0), Dual<double>(1.0, 0.0)));
  return {result.v.v, result.v.d, result.d.d};
}

struct DerivativeRow {
  const char* text;
  Dual2 (*f)(Dual2);      // f, written in C++ once; duals differentiate it
  double (*df)(double);   // f' derived by hand
  double (*d2f)(double);  // f'' derived by hand
};

#define F(expression)     \
  [](auto x) {            \
    static_cast<void>(x); \
    return (expression);  \
  }
#define D(expression)      \
  [](double x) -> double { \
    static_cast<void>(x);  \
    return (expression);   \
  }

// clang-format off
const std::vector<DerivativeRow> kDerivatives = {
  // polynomials and constant powers
  {"x^4 - 3x^2 + 2", F(pow(x, 4) - 3 * pow(x, 2) + 2), D(4 * pow(x, 3) - 6 * x), D(12 * x * x - 6)},
  {"(x-3)^2", F((x - 3) * (x - 3)), D(2 * (x - 3)), D(2.0)},
  {"-x^2", F(-(x * x)), D(-2 * x), D(-2.0)},
  {"pi*x^3", F(kPi * pow(x, 3)), D(3 * kPi * x * x), D(6 * kPi * x)},
  {"0.5*(0.75*x-1.2)^4", F(0.5 * pow(0.75 * x - 1.2, 4)), D(1.5 * pow(0.75 * x - 1.2, 3)),
   D(3.375 * pow(0.75 * x - 1.2, 2))},
  {"(x+1)(x-1)", F((x + 1) * (x - 1)), D(2 * x), D(2.0)},
  {"x^-2", F(pow(x, -2)), D(-2 / pow(x, 3)), D(6 / pow(x, 4))},
  {"1/x", F(1 / x), D(-1 / (x * x)), D(2 / pow(x, 3))},
  {"x^1.5", F(pow(x, 1.5)), D(1.5 * sqrt(x)), D(0.75 / sqrt(x))},
  {"(x^2 + 1)^(1/3)", F(pow(x * x + 1, 1.0 / 3)), D(2 * x / (3 * pow(x * x + 1, 2.0 / 3))),
   D(2 / (3 * pow(x * x + 1, 2.0 / 3)) - 8 * x * x / (9 * pow(x * x + 1, 5.0 / 3)))},
  {"1/(1+x^2)^2", F(1 / ((1 + x * x) * (1 + x * x))), D(-4 * x / pow(1 + x * x, 3)),
   D(24 * x * x / pow(1 + x * x, 4) - 4 / pow(1 + x * x, 3))},
  // every function
  {"sin(x)", F(sin(x)), D(cos(x)), D(-sin(x))},
  {"cos(x)", F(cos(x)), D(-sin(x)), D(-cos(x))},
  {"tan(x)", F(tan(x)), D(1 / (cos(x) * cos(x))), D(2 * tan(x) / (cos(x) * cos(x)))},
  {"asin(x)", F(asin(x)), D(1 / sqrt(1 - x * x)), D(x / pow(1 - x * x, 1.5))},
  {"acos(x)", F(acos(x)), D(-1 / sqrt(1 - x * x)), D(-x / pow(1 - x * x, 1.5))},
  {"atan(x)", F(atan(x)), D(1 / (1 + x * x)), D(-2 * x / pow(1 + x * x, 2))},
  {"sinh(x)", F(sinh(x)), D(cosh(x)), D(sinh(x))},
  {"cosh(x)", F(cosh(x)), D(sinh(x)), D(cosh(x))},
  {"tanh(x)", F(tanh(x)), D(1 - tanh(x) * tanh(x)), D(-2 * tanh(x) * (1 - tanh(x) * tanh(x)))},
  {"exp(x)", F(exp(x)), D(exp(x)), D(exp(x))},
  {"log(x)", F(log(x)), D(1 / x), D(-1 / (x * x))},
  {"ln(x^2 + 1)", F(log(x * x + 1)), D(2 * x / (x * x + 1)), D(2 * (1 - x * x) / pow(x * x + 1, 2))},
  {"log2(x)", F(log2(x)), D(1 / (x * std::log(2.0))), D(-1 / (x * x * std::log(2.0)))},
  {"log10(x)", F(log10(x)), D(1 / (x * std::log(10.0))), D(-1 / (x * x * std::log(10.0)))},
  {"sqrt(x)", F(sqrt(x)), D(0.5 / sqrt(x)), D(-0.25 / pow(x, 1.5))},
  {"cbrt(x)", F(cbrt(x)), D(1 / (3 * cbrt(x) * cbrt(x))), D(-2 / (9 * pow(cbrt(x), 5)))},
  {"abs(x)", F(abs(x)), D(sign(x)), D(0.0)},
  {"sign(x)", F(sign(x)), D(0.0), D(0.0)},
  {"sigmoid(x)", F(sigmoid(x)), D(sigmoid(x) * (1 - sigmoid(x))),
   D(sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)))},
  {"softplus(x)", F(softplus(x)), D(sigmoid(x)), D(sigmoid(x) * (1 - sigmoid(x)))},
  {"relu(x)", F(relu(x)), D(step(x)), D(0.0)},
  // u^v by exp-log
  {"x^x", F(pow(x, x)), D(pow(x, x) * (log(x) + 1)), D(pow(x, x) * pow(log(x) + 1, 2) + pow(x, x - 1))},
  {"x^sin(x)", F(pow(x, sin(x))), D(pow(x, sin(x)) * (cos(x) * log(x) + sin(x) / x)),
   D(pow(x, sin(x)) * (pow(cos(x) * log(x) + sin(x) / x, 2)
                       + (-sin(x) * log(x) + 2 * cos(x) / x - sin(x) / (x * x))))},
  {"2^x", F(pow(2.0, x)), D(pow(2, x) * std::log(2.0)), D(pow(2, x) * pow(std::log(2.0), 2))},
  {"e^x", F(pow(kE, x)), D(exp(x)), D(exp(x))},
  {"2^-x^2", F(pow(2.0, -(x * x))), D(-2 * x * std::log(2.0) * pow(2, -x * x)),
   D(pow(2, -x * x) * (4 * x * x * pow(std::log(2.0), 2) - 2 * std::log(2.0)))},
  // product, quotient and chain rules
  {"x*sin(x)", F(x * sin(x)), D(sin(x) + x * cos(x)), D(2 * cos(x) - x * sin(x))},
  {"x^2*exp(-x)", F(x * x * exp(-x)), D((2 * x - x * x) * exp(-x)), D((x * x - 4 * x + 2) * exp(-x))},
  {"x^3*log(x) - x^3/3", F(pow(x, 3) * log(x) - pow(x, 3) / 3), D(3 * x * x * log(x)),
   D(6 * x * log(x) + 3 * x)},
  {"e^(2x)*cos(3x)", F(exp(2 * x) * cos(3 * x)), D(exp(2 * x) * (2 * cos(3 * x) - 3 * sin(3 * x))),
   D(exp(2 * x) * (-5 * cos(3 * x) - 12 * sin(3 * x)))},
  {"x*abs(x)", F(x * abs(x)), D(2 * abs(x)), D(2 * sign(x))},
  {"sin(x)/x", F(sin(x) / x), D((x * cos(x) - sin(x)) / (x * x)),
   D(-sin(x) / x - 2 * cos(x) / (x * x) + 2 * sin(x) / pow(x, 3))},
  {"x/(x+1)", F(x / (x + 1)), D(1 / pow(x + 1, 2)), D(-2 / pow(x + 1, 3))},
  {"(x^2+1)/(x^2-4)", F((x * x + 1) / (x * x - 4)), D(-10 * x / pow(x * x - 4, 2)),
   D((30 * x * x + 40) / pow(x * x - 4, 3))},
  {"sin(x^2)", F(sin(x * x)), D(2 * x * cos(x * x)), D(2 * cos(x * x) - 4 * x * x * sin(x * x))},
  {"exp(sin(x))", F(exp(sin(x))), D(cos(x) * exp(sin(x))),
   D((cos(x) * cos(x) - sin(x)) * exp(sin(x)))},
  {"sqrt(1 + x^2)", F(sqrt(1 + x * x)), D(x / sqrt(1 + x * x)), D(1 / pow(1 + x * x, 1.5))},
  {"log(cosh(x))", F(log(cosh(x))), D(tanh(x)), D(1 - tanh(x) * tanh(x))},
  {"exp(-x^2/2)/sqrt(2pi)", F(exp(-x * x / 2) / std::sqrt(2 * kPi)), D(-x * exp(-x * x / 2) / std::sqrt(2 * kPi)),
   D((x * x - 1) * exp(-x * x / 2) / std::sqrt(2 * kPi))},
  {"atan(1/x)", F(atan(1 / x)), D(-1 / (1 + x * x)), D(2 * x / pow(1 + x * x, 2))},
  {"cos(x)^2 + sin(x)^2", F(cos(x) * cos(x) + sin(x) * sin(x)), D(0.0), D(0.0)},
  {"sin(cos(tan(x)))", F(sin(cos(tan(x)))), D(-cos(cos(tan(x))) * sin(tan(x)) / pow(cos(x), 2)),
   D(-sin(cos(tan(x))) * pow(sin(tan(x)), 2) / pow(cos(x), 4)
     - cos(cos(tan(x))) * cos(tan(x)) / pow(cos(x), 4)
     - 2 * cos(cos(tan(x))) * sin(tan(x)) * sin(x) / pow(cos(x), 3))},
  // activations inside other functions
  {"sigmoid(2x - 1)", F(sigmoid(2 * x - 1)), D(2 * sigmoid(2 * x - 1) * (1 - sigmoid(2 * x - 1))),
   D(4 * sigmoid(2 * x - 1) * (1 - sigmoid(2 * x - 1)) * (1 - 2 * sigmoid(2 * x - 1)))},
  {"softplus(3 - x^2)", F(softplus(3 - x * x)), D(-2 * x * sigmoid(3 - x * x)),
   D(-2 * sigmoid(3 - x * x) + 4 * x * x * sigmoid(3 - x * x) * (1 - sigmoid(3 - x * x)))},
  {"relu(x^2 - 1)", F(relu(x * x - 1)), D(2 * x * step(x * x - 1)), D(2 * step(x * x - 1))},
  {"log(sigmoid(x))", F(log(sigmoid(x))), D(1 - sigmoid(x)), D(-sigmoid(x) * (1 - sigmoid(x)))},
  {"tanh(sigmoid(x))", F(tanh(sigmoid(x))),
   D((1 - pow(tanh(sigmoid(x)), 2)) * sigmoid(x) * (1 - sigmoid(x))),
   D(-2 * tanh(sigmoid(x)) * (1 - pow(tanh(sigmoid(x)), 2)) * pow(sigmoid(x) * (1 - sigmoid(x)), 2)
     + (1 - pow(tanh(sigmoid(x)), 2)) * sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)))},
  {"abs(sin(x))", F(abs(sin(x))), D(sign(sin(x)) * cos(x)), D(-abs(sin(x)))},
};
// clang-format on

bool close(double actual, double expected, double relative, double absolute) {
  return std::fabs(actual - expected) <= relative * std::fabs(expected) + absolute;
}

}  // namespace

TEST_CASE("at least 40 rows have derivatives by hand, each a row of the expression table", "[derivatives]") {
  CHECK(kDerivatives.size() >= 40);
  for (const DerivativeRow& row : kDerivatives)
    CHECK(descent_test::expressionRow(row.text).input == row.text);
}

TEST_CASE("f' and f'' equal the hand-derived derivatives", "[derivatives]") {
  for (const DerivativeRow& row : kDerivatives) {
    Function fn = Function::parse(row.text);
    for (double x : descent_test::expressionRow(row.text).points) {
      descent::Values engine = fn.at(x);
      INFO(row.text << " at x = " << x << ": engine f' = " << engine.df << " (" << fn.derivative().text
                    << "), f'' = " << engine.d2f << " (" << fn.second().text << ")");
      CHECK(close(engine.f, differentiateByDuals(row.f, x).f, 1e-12, 1e-14));
      CHECK(close(engine.df, row.df(x), 1e-10, 1e-12));
      CHECK(close(engine.d2f, row.d2f(x), 1e-10, 1e-12));
    }
  }
}

TEST_CASE("f' and f'' of every row agree with central finite differences", "[derivatives]") {
  for (const descent_test::ExpressionRow& row : descent_test::expressionRows()) {
    Function fn = Function::parse(row.input);
    for (double x : row.points) {
      const double h = 1e-5 * std::max(1.0, std::fabs(x));
      const double slopeOfF = (fn.value(x + h) - fn.value(x - h)) / (2 * h);
      const double slopeOfDf = (fn.at(x + h).df - fn.at(x - h).df) / (2 * h);
      descent::Values engine = fn.at(x);
      const double scale = 1 + std::fabs(engine.f) + std::fabs(engine.df) + std::fabs(engine.d2f);
      INFO("expressions.tsv line " << row.line << ": " << row.input << " at x = " << x
                                   << ": f' = " << engine.df << " vs " << slopeOfF << ", f'' = " << engine.d2f
                                   << " vs " << slopeOfDf);
      CHECK(close(engine.df, slopeOfF, 1e-6, 1e-7 * scale));
      CHECK(close(engine.d2f, slopeOfDf, 1e-6, 1e-7 * scale));
    }
  }
}

TEST_CASE("f' and f'' agree with forward-mode dual numbers", "[derivatives]") {
  for (const DerivativeRow& row : kDerivatives) {
    Function fn = Function::parse(row.text);
    for (double x : descent_test::expressionRow(row.text).points) {
      descent::Values engine = fn.at(x);
      Jet dual = differentiateByDuals(row.f, x);
      INFO(row.text << " at x = " << x << ": engine (" << engine.f << ", " << engine.df << ", " << engine.d2f
                    << "), duals (" << dual.f << ", " << dual.df << ", " << dual.d2f << ")");
      CHECK(close(engine.df, dual.df, 1e-10, 1e-12));
      CHECK(close(engine.d2f, dual.d2f, 1e-10, 1e-12));
    }
  }
}

TEST_CASE("kinks follow SymPy: abs'(0) = relu'(0) = 0 and sign' = 0", "[derivatives]") {
  const std::vector<descent_test::TableRow> kinks = descent_test::readTable("kinks.tsv", 4);
  CHECK(kinks.size() >= 12);
  for (const descent_test::TableRow& kink : kinks) {
    const double x = std::stod(kink.cells[1]);
    descent::Values engine = Function::parse(kink.cells[0]).at(x);
    INFO("kinks.tsv line " << kink.line << ": " << kink.cells[0] << " at x = " << x);
    CHECK(engine.df == std::stod(kink.cells[2]));
    CHECK(engine.d2f == std::stod(kink.cells[3]));
  }
}
