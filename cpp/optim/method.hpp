#pragma once
// The optimizers descent knows, their names, and their hyperparameters with PyTorch's names and defaults.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace descent::optim {

enum class Method { gd, momentum, nesterov, adagrad, rmsprop, adam, armijo, exact, newton };

// "gd", "momentum", ... ; nullopt for an unknown name.
std::optional<Method> methodFromName(std::string_view name);
const char* nameOf(Method method);
// Every method in declaration order, for usage texts and menus.
const std::vector<Method>& allMethods();

// A setting a person gave that makes no sense (a step size of zero, beta = 1, ...). The message says why.
class SettingsError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// What a person asked for; anything left empty takes the method's default.
struct Hyperparameters {
  std::optional<double> beta;    // momentum, nesterov
  std::optional<double> alpha;   // rmsprop
  std::optional<double> eps;     // adagrad, rmsprop, adam
  std::optional<double> beta1;   // adam
  std::optional<double> beta2;   // adam
  std::optional<double> c;       // armijo: sufficient-decrease constant
  std::optional<double> shrink;  // armijo: backtracking factor
};

// Hyperparameters with every value filled in. Values a method does not use hold its neighbours' defaults
// and are ignored.
struct ResolvedHyperparameters {
  double beta;
  double alpha;
  double eps;
  double beta1;
  double beta2;
  double c;
  double shrink;
};

// The defaults of one method (PyTorch's where PyTorch has the method).
ResolvedHyperparameters defaultsOf(Method method);

// Fills in the defaults and checks the values the method uses. Throws SettingsError.
ResolvedHyperparameters resolve(Method method, const Hyperparameters& given);

// Names of the hyperparameters given that the method does not use, so a caller can warn about them.
std::vector<std::string> unusedBy(Method method, const Hyperparameters& given);

}  // namespace descent::optim
