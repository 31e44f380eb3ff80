#include "optim/method.hpp"

#include <array>
#include <cmath>
#include <utility>

#include "expr/number_text.hpp"

namespace descent::optim {
namespace {

constexpr std::array<std::pair<Method, const char*>, 9> kNames{{
    {Method::gd, "gd"},
    {Method::momentum, "momentum"},
    {Method::nesterov, "nesterov"},
    {Method::adagrad, "adagrad"},
    {Method::rmsprop, "rmsprop"},
    {Method::adam, "adam"},
    {Method::armijo, "armijo"},
    {Method::exact, "exact"},
    {Method::newton, "newton"},
}};

// The one place the defaults live. eps is the only name whose default depends on the method.
constexpr double kBeta = 0.9;
constexpr double kRmspropAlpha = 0.99;
constexpr double kRmspropEps = 1e-8;
constexpr double kAdagradEps = 1e-10;
constexpr double kAdamBeta1 = 0.9;
constexpr double kAdamBeta2 = 0.999;
constexpr double kAdamEps = 1e-8;
constexpr double kArmijoC = 1e-4;
constexpr double kArmijoShrink = 0.5;

struct Uses {
  bool beta, alpha, eps, beta1, beta2, c, shrink;
};

Uses usesOf(Method method) {
  switch (method) {
    case Method::momentum:
    case Method::nesterov:
      return {true, false, false, false, false, false, false};
    case Method::adagrad:
      return {false, false, true, false, false, false, false};
    case Method::rmsprop:
      return {false, true, true, false, false, false, false};
    case Method::adam:
      return {false, false, true, true, true, false, false};
    case Method::armijo:
      return {false, false, false, false, false, true, true};
    default:
      return {false, false, false, false, false, false, false};
  }
}

std::string formatValue(double value) { return formatNumber(value); }

// Throws unless low < value < high (or low <= value when lowClosed).
void requireBetween(const char* name, double value, double low, double high, bool lowClosed, Method method) {
  bool ok = std::isfinite(value) && (lowClosed ? value >= low : value > low) && value < high;
  if (!ok) {
    throw SettingsError(std::string(name) + " = " + formatValue(value) + " is out of range for " +
                        nameOf(method) + ": it must satisfy " + formatValue(low) +
                        (lowClosed ? " <= " : " < ") + name + " < " + formatValue(high));
  }
}

void requirePositive(const char* name, double value, Method method) {
  if (!(std::isfinite(value) && value > 0)) {
    throw SettingsError(std::string(name) + " = " + formatValue(value) + " is out of range for " +
                        nameOf(method) + ": it must be a positive number");
  }
}

}  // namespace

std::optional<Method> methodFromName(std::string_view name) {
  for (const auto& [method, text] : kNames) {
    if (name == text) return method;
  }
  return std::nullopt;
}

const char* nameOf(Method method) {
  for (const auto& [known, text] : kNames) {
    if (known == method) return text;
  }
  return "?";
}

const std::vector<Method>& allMethods() {
  static const std::vector<Method> methods = [] {
    std::vector<Method> all;
    for (const auto& entry : kNames) all.push_back(entry.first);
    return all;
  }();
  return methods;
}

ResolvedHyperparameters defaultsOf(Method method) {
  double eps = method == Method::adagrad ? kAdagradEps : method == Method::adam ? kAdamEps : kRmspropEps;
  return {kBeta, kRmspropAlpha, eps, kAdamBeta1, kAdamBeta2, kArmijoC, kArmijoShrink};
}

ResolvedHyperparameters resolve(Method method, const Hyperparameters& given) {
  ResolvedHyperparameters r = defaultsOf(method);
  Uses uses = usesOf(method);
  if (uses.beta && given.beta) r.beta = *given.beta;
  if (uses.alpha && given.alpha) r.alpha = *given.alpha;
  if (uses.eps && given.eps) r.eps = *given.eps;
  if (uses.beta1 && given.beta1) r.beta1 = *given.beta1;
  if (uses.beta2 && given.beta2) r.beta2 = *given.beta2;
  if (uses.c && given.c) r.c = *given.c;
  if (uses.shrink && given.shrink) r.shrink = *given.shrink;

  if (uses.beta) requireBetween("beta", r.beta, 0, 1, true, method);
  if (uses.alpha) requireBetween("alpha", r.alpha, 0, 1, false, method);
  if (uses.eps) requirePositive("eps", r.eps, method);
  if (uses.beta1) requireBetween("beta1", r.beta1, 0, 1, true, method);
  if (uses.beta2) requireBetween("beta2", r.beta2, 0, 1, true, method);
  if (uses.c) requireBetween("c", r.c, 0, 1, false, method);
  if (uses.shrink) requireBetween("shrink", r.shrink, 0, 1, false, method);
  return r;
}

std::vector<std::string> unusedBy(Method method, const Hyperparameters& given) {
  Uses uses = usesOf(method);
  std::vector<std::string> unused;
  if (given.beta && !uses.beta) unused.push_back("beta");
  if (given.alpha && !uses.alpha) unused.push_back("alpha");
  if (given.eps && !uses.eps) unused.push_back("eps");
  if (given.beta1 && !uses.beta1) unused.push_back("beta1");
  if (given.beta2 && !uses.beta2) unused.push_back("beta2");
  if (given.c && !uses.c) unused.push_back("c");
  if (given.shrink && !uses.shrink) unused.push_back("shrink");
  return unused;
}

}  // namespace descent::optim
