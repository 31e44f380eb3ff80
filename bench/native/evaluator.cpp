// How fast descent evaluates f and f', measured against two peers in the same process: the same
// functions written by hand in C++ (the limit a general evaluator can approach) and muParser (a widely
// used bytecode evaluator; value only, it has no derivatives).
//
// Every benchmark evaluates the same 1,024 points read from an array, one point per call (as the descent
// loop asks), so nothing is constant-folded, and adds the results into a sum the compiler must keep. One
// "item" is one evaluation at one x.
//
// descent's rows (slope/program/, value/program/) run the one interpreter over the Function's
// straight-line code. The hand-written functions are inline functions the compiler sees at the call, so
// it may inline, unroll and vectorize them across points: the physical limit. slope/hand_call/ is the
// same code called through a function pointer, one out-of-line call per point like Function::slope.
// value/hand, f alone by hand, bounds what any evaluator calling the same libm can gain over muParser.
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

constexpr double kPoly[13] = {1, -0.5, 0.25, 2, -1.5, 0.3, -0.2, 0.1, 0.05, -0.04, 0.03, -0.02, 0.01};

// The five functions, each as descent reads it, as muParser reads it, and by hand.
struct Quartic {
  static constexpr const char* name = "quartic";
  static constexpr const char* descent = "x^4 - 3x^2 + 2";
  static constexpr const char* muparser = "x^4 - 3*x^2 + 2";
  static Pair hand(double x) {
    const double x2 = x * x;
    return Pair{x2 * x2 - 3 * x2 + 2, 4 * x2 * x - 6 * x};
  }
  static double handValue(double x) {
    const double x2 = x * x;
    return x2 * x2 - 3 * x2 + 2;
  }
};

struct ShiftedQuartic {
  static constexpr const char* name = "shifted_quartic";
  static constexpr const char* descent = "0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2";
  static constexpr const char* muparser = "0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2";
  static Pair hand(double x) {
    const double u = 0.75 * x - 1.2, v = 0.75 * x - 1, u2 = u * u;
    return Pair{0.5 * u2 * u2 - 2 * v * v + 2, 1.5 * u2 * u - 3 * v};
  }
  static double handValue(double x) {
    const double u = 0.75 * x - 1.2, v = 0.75 * x - 1, u2 = u * u;
    return 0.5 * u2 * u2 - 2 * v * v + 2;
  }
};

struct DampedSine {
  static constexpr const char* name = "damped_sine";
  static constexpr const char* descent = "sin(x)*exp(-x^2/4)";
  static constexpr const char* muparser = "sin(x)*exp(-(x^2)/4)";
  static Pair hand(double x) {
    const double s = std::sin(x), e = std::exp(-x * x / 4);
    return Pair{s * e, (std::cos(x) - 0.5 * x * s) * e};
  }
  static double handValue(double x) { return std::sin(x) * std::exp(-x * x / 4); }
};

struct SigmoidSoftplus {
  static constexpr const char* name = "sigmoid_softplus";
  static constexpr const char* descent = "sigmoid(x) + softplus(x - 1) - 0.5*x";
  static constexpr const char* muparser = "sigmoid(x) + softplus(x - 1) - 0.5*x";
  static Pair hand(double x) {
    const double s = sigmoid(x);
    return Pair{s + softplus(x - 1) - 0.5 * x, s * (1 - s) + sigmoid(x - 1) - 0.5};
  }
  static double handValue(double x) { return sigmoid(x) + softplus(x - 1) - 0.5 * x; }
};

struct Poly12 {
  static constexpr const char* name = "poly12";
  static constexpr const char* descent =
      "1 - 0.5x + 0.25x^2 + 2x^3 - 1.5x^4 + 0.3x^5 - 0.2x^6 + 0.1x^7 + 0.05x^8 - 0.04x^9 + 0.03x^10"
      " - 0.02x^11 + 0.01x^12";
  static constexpr const char* muparser =
      "1 - 0.5*x + 0.25*x^2 + 2*x^3 - 1.5*x^4 + 0.3*x^5 - 0.2*x^6 + 0.1*x^7 + 0.05*x^8 - 0.04*x^9"
      " + 0.03*x^10 - 0.02*x^11 + 0.01*x^12";
  static Pair hand(double x) {
    double f = kPoly[12], df = 12 * kPoly[12];
    for (int k = 11; k >= 0; --k) f = f * x + kPoly[k];
    for (int k = 11; k >= 1; --k) df = df * x + k * kPoly[k];
    return Pair{f, df};
  }
  static double handValue(double x) {
    double f = kPoly[12];
    for (int k = 11; k >= 0; --k) f = f * x + kPoly[k];
    return f;
  }
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

bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * (1 + std::fabs(b)); }

// The evaluators must agree before their speeds mean anything.
template <class C>
void checkAgreement() {
  const auto fn = descent::Function::parse(C::descent);
  double x = 0;
  mu::Parser parser;
  configure(parser, &x, C::muparser);
  for (double at : {-1.7, -0.3, 0.4, 1.9}) {
    x = at;
    const descent::Slope s = fn.slope(at);
    const Pair h = C::hand(at);
    const double m = parser.Eval();
    if (!close(s.f, h.f) || !close(s.df, h.df) || !close(fn.value(at), m) || !close(C::handValue(at), h.f)) {
      std::fprintf(stderr, "bench: %s disagrees at x = %g: program %g %g, hand %g %g, muParser %g\n", C::name,
                   at, s.f, s.df, h.f, h.df, m);
      std::exit(1);
    }
  }
}

template <class C>
void descentSlope(benchmark::State& state) {
  const auto fn = descent::Function::parse(C::descent);
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

template <class C>
void handSlope(benchmark::State& state) {
  for (auto _ : state) {
    double sum = 0;
    for (double x : kPoints) {
      const Pair p = C::hand(x);
      sum += p.f + p.df;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * kPoints.size());
}

template <class C>
void handCallSlope(benchmark::State& state) {
  Pair (*hand)(double) = C::hand;
  benchmark::DoNotOptimize(hand);  // an opaque pointer: one real call per point
  for (auto _ : state) {
    double sum = 0;
    for (double x : kPoints) {
      const Pair p = hand(x);
      sum += p.f + p.df;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * kPoints.size());
}

template <class C>
void descentValue(benchmark::State& state) {
  const auto fn = descent::Function::parse(C::descent);
  for (auto _ : state) {
    double sum = 0;
    for (double x : kPoints) sum += fn.value(x);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * kPoints.size());
}

template <class C>
void handValue(benchmark::State& state) {
  for (auto _ : state) {
    double sum = 0;
    for (double x : kPoints) sum += C::handValue(x);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * kPoints.size());
}

template <class C>
void muparserValue(benchmark::State& state) {
  double x = 0;
  mu::Parser parser;
  configure(parser, &x, C::muparser);
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

template <class C>
void registerCase() {
  checkAgreement<C>();
  const std::string name = C::name;
  benchmark::RegisterBenchmark(("slope/program/" + name).c_str(), descentSlope<C>);
  benchmark::RegisterBenchmark(("slope/hand/" + name).c_str(), handSlope<C>);
  benchmark::RegisterBenchmark(("slope/hand_call/" + name).c_str(), handCallSlope<C>);
  benchmark::RegisterBenchmark(("value/program/" + name).c_str(), descentValue<C>);
  benchmark::RegisterBenchmark(("value/hand/" + name).c_str(), handValue<C>);
  benchmark::RegisterBenchmark(("value/muparser/" + name).c_str(), muparserValue<C>);
}

}  // namespace

int main(int argc, char** argv) {
  registerCase<Quartic>();
  registerCase<ShiftedQuartic>();
  registerCase<DampedSine>();
  registerCase<SigmoidSoftplus>();
  registerCase<Poly12>();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
