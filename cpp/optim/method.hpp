#pragma once
// The optimizers descent knows and the hyperparameters they read, with PyTorch's names. Their labels,
// update rules, defaults and ranges live in the settings table (optim/settings.hpp).
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace descent::optim {

enum class Method { gd, momentum, nesterov, adagrad, rmsprop, adam, adamw, armijo, exact, newton };

// "gd", "momentum", ... ; nullopt for an unknown name.
std::optional<Method> methodFromName(std::string_view name);
const char* nameOf(Method method);

// A setting a person gave that makes no sense (a step size of zero, beta = 1, ...). The message says why;
// setting() names it as the engine does ("beta2", "steps"), so a form can show the message on its field.
class SettingsError : public std::invalid_argument {
 public:
  SettingsError(std::string setting, const std::string& message)
      : std::invalid_argument(message), setting_(std::move(setting)) {}
  const std::string& setting() const noexcept { return setting_; }

 private:
  std::string setting_;
};

// What a person asked for; anything left empty takes the method's default.
struct Hyperparameters {
  std::optional<double> beta;         // momentum, nesterov
  std::optional<double> alpha;        // rmsprop
  std::optional<double> eps;          // adagrad, rmsprop, adam
  std::optional<double> beta1;        // adam
  std::optional<double> beta2;        // adam
  std::optional<double> c;            // armijo: sufficient-decrease constant
  std::optional<double> shrink;       // armijo: backtracking factor
  std::optional<double> weightDecay;  // every torch optimizer
};

// Hyperparameters with every value the method reads filled in; the others are 0 and ignored.
struct ResolvedHyperparameters {
  double beta = 0;
  double alpha = 0;
  double eps = 0;
  double beta1 = 0;
  double beta2 = 0;
  double c = 0;
  double shrink = 0;
  double weightDecay = 0;
};

// Fills in the method's defaults and checks the values it reads. Throws SettingsError.
ResolvedHyperparameters resolve(Method method, const Hyperparameters& given);

// Names of the hyperparameters given that the method does not read, so a caller can warn about them.
std::vector<std::string> unusedBy(Method method, const Hyperparameters& given);

}  // namespace descent::optim
