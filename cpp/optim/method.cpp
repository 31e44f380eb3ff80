#include "optim/method.hpp"

#include "optim/settings.hpp"

namespace descent::optim {

std::optional<Method> methodFromName(std::string_view name) {
  for (const MethodInfo& info : methods())
    if (name == info.name) return info.method;
  return std::nullopt;
}

const char* nameOf(Method method) { return infoOf(method).name; }

ResolvedHyperparameters resolve(Method method, const Hyperparameters& given) {
  ResolvedHyperparameters resolved;
  for (const auto& [setting, fallback] : infoOf(method).hyperparameters) {
    const std::optional<double>& asked = given.*setting->given;
    const double value = asked.value_or(fallback);
    check(*setting, value, nameOf(method));
    resolved.*setting->resolved = value;
  }
  return resolved;
}

std::vector<std::string> unusedBy(Method method, const Hyperparameters& given) {
  std::vector<std::string> unused;
  const auto& read = infoOf(method).hyperparameters;
  for (const Setting& setting : settingsOf(Request::run)) {
    if (!setting.given || !(given.*setting.given)) continue;
    bool reads = false;
    for (const auto& entry : read) reads = reads || std::string_view(entry.first->name) == setting.name;
    if (!reads) unused.push_back(setting.name);
  }
  return unused;
}

}  // namespace descent::optim
