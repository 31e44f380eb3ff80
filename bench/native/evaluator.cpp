// How fast the compiled Program evaluates f and f', measured against two peers in the same process:
// the same functions written by hand in C++ (the limit a general evaluator can approach) and muParser
// (a widely used bytecode evaluator; value only, it has no derivatives).
//
// Every benchmark evaluates the same 1,024 points read from an array and adds the results into a sum
// the compiler must keep, so nothing is constant-folded. One "item" is one evaluation at one x.
#include <benchmark/benchmark.h>
#include <muParser.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "expr/function.hpp"

namespace {

double sigmoid(double x) {
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const double t = std::exp(x);
  return t / (1 + t);
}
double softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

struct Pair {
  double f, df;
};

// The five functions, each as descent reads it, as muParser reads it, and by hand.
struct Case {
  const char* name;
  const char* descent;
  const char* muparser;
  Pair (*hand)(double);
};

constexpr double kPoly[13] = {1, -0.5, 0.25, 2, -1.5, 0.3, -0.2, 0.1, 0.05, -0.04, 0.03, -0.02, 0.01};

const Case kCases[] = {
    {"quartic", "x^4 - 3x^2 + 2", "x^4 - 3*x^2 + 2",
     [](double x) {
       const double x2 = x * x;
       return Pair{x2 * x2 - 3 * x2 + 2, 4 * x2 * x - 6 * x};
     }},
    {"shifted_quartic", "0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2", "0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2",
     [](double x) {
       const double u = 0.75 * x - 1.2, v = 0.75 * x - 1, u2 = u * u;
       return Pair{0.5 * u2 * u2 - 2 * v * v + 2, 1.5 * u2 * u - 3 * v};
     }},
    {"damped_sine", "sin(x)*exp(-x^2/4)", "sin(x)*exp(-(x^2)/4)",
     [](double x) {
       const double s = std::sin(x), e = std::exp(-x * x / 4);
       return Pair{s * e, (std::cos(x) - 0.5 * x * s) * e};
     }},
    {"sigmoid_softplus", "sigmoid(x) + softplus(x - 1) - 0.5*x", "sigmoid(x) + softplus(x - 1) - 0.5*x",
     [](double x) {
       const double s = sigmoid(x);
       return Pair{s + softplus(x - 1) - 0.5 * x, s * (1 - s) + sigmoid(x - 1) - 0.5};
     }},
    {"poly12",
     "1 - 0.5x + 0.25x^2 + 2x^3 - 1.5x^4 + 0.3x^5 - 0.2x^6 + 0.1x^7 + 0.05x^8 - 0.04x^9 + 0.03x^10"
     " - 0.02x^11 + 0.01x^12",
     "1 - 0.5*x + 0.25*x^2 + 2*x^3 - 1.5*x^4 + 0.3*x^5 - 0.2*x^6 + 0.1*x^7 + 0.05*x^8 - 0.04*x^9"
     " + 0.03*x^10 - 0.02*x^11 + 0.01*x^12",
     [](double x) {
       double f = kPoly[12], df = 12 * kPoly[12];
       for (int k = 11; k >= 0; --k) f = f * x + kPoly[k];
       for (int k = 11; k >= 1; --k) df = df * x + k * kPoly[k];
       return Pair{f, df};
     }},
};

std::vector<double> points() {
  std::vector<double> xs(1024);
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -2 + 4.0 * (i + 0.5) / xs.size();
  return xs;
}
const std::vector<double> kPoints = points();

void configure(mu::Parser& parser, double* x, const char* expression) {
  parser.DefineVar("x", x);
  parser.DefineFun("sigmoid", sigmoid);
  parser.DefineFun("softplus", softplus);
  parser.SetExpr(expression);
}

// The three evaluators must agree before their speeds mean anything.
void checkAgreement() {
  for (const Case& c : kCases) {
    const auto fn = descent::Function::parse(c.descent);
    double x = 0;
    mu::Parser parser;
    configure(parser, &x, c.muparser);
    for (double at : {-1.7, -0.3, 0.4, 1.9}) {
      x = at;
      const descent::Slope s = fn.slope(at);
      const Pair h = c.hand(at);
      const double m = parser.Eval();
      auto close = [](double a, double b) { return std::fabs(a - b) <= 1e-9 * (1 + std::fabs(b)); };
      if (!close(s.f, h.f) || !close(s.df, h.df) || !close(fn.value(at), m)) {
        std::fprintf(stderr, "bench: %s disagrees at x = %g: program %g %g, hand %g %g, muParser %g\n", c.name, at,
                     s.f, s.df, h.f, h.df, m);
        std::exit(1);
      }
    }
  }
}

void programSlope(benchmark::State& state, const Case& c) {
  const auto fn = descent::Function::parse(c.descent);
  for (auto _ : state) {
    double sum = 0;
    for (double x : kPoints) {
      const descent::Slope s = fn.slope(x);
      sum += s.f + s.df;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * kPoints.size());
}

void handSlope(benchmark::State& state, const Case& c) {
  for (auto _ : state) {
    double sum = 0;
    for (double x : kPoints) {
      const Pair p = c.hand(x);
      sum += p.f + p.df;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * kPoints.size());
}

void programValue(benchmark::State& state, const Case& c) {
  const auto fn = descent::Function::parse(c.descent);
  for (auto _ : state) {
    double sum = 0;
    for (double x : kPoints) sum += fn.value(x);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * kPoints.size());
}

void muparserValue(benchmark::State& state, const Case& c) {
  double x = 0;
  mu::Parser parser;
  configure(parser, &x, c.muparser);
  parser.Eval();  // the first Eval parses; later ones run muParser's bytecode
  for (auto _ : state) {
    double sum = 0;
    for (double at : kPoints) {
      x = at;
      sum += parser.Eval();
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * kPoints.size());
}

}  // namespace

int main(int argc, char** argv) {
  checkAgreement();
  for (const Case& c : kCases) {
    const std::string name = c.name;
    benchmark::RegisterBenchmark(("slope/program/" + name).c_str(), programSlope, c);
    benchmark::RegisterBenchmark(("slope/hand/" + name).c_str(), handSlope, c);
    benchmark::RegisterBenchmark(("value/program/" + name).c_str(), programValue, c);
    benchmark::RegisterBenchmark(("value/muparser/" + name).c_str(), muparserValue, c);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
