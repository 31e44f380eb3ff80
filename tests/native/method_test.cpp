// Method names and the hyperparameter defaults, which are PyTorch's.
#include "optim/method.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "optim/settings.hpp"

using namespace descent::optim;

TEST_CASE("every method's name reads back to the method", "[method]") {
  const char* names[] = {"gd",   "momentum", "nesterov", "adagrad", "rmsprop",
                         "adam", "adamw",    "armijo",   "exact",   "newton"};
  REQUIRE(methods().size() == 10);
  for (std::size_t i = 0; i < methods().size(); ++i) {
    CHECK(std::string(nameOf(methods()[i].method)) == names[i]);
    CHECK(methodFromName(names[i]) == methods()[i].method);
  }
  CHECK_FALSE(methodFromName("sgd").has_value());
  CHECK_FALSE(methodFromName("Adam").has_value());
  CHECK_FALSE(methodFromName("").has_value());
}

TEST_CASE("defaults are PyTorch's", "[method]") {
  // method        beta   alpha  eps     beta1  beta2  c     shrink (only the used ones matter)
  CHECK(resolve(Method::momentum, {}).beta == 0.9);
  CHECK(resolve(Method::nesterov, {}).beta == 0.9);
  CHECK(resolve(Method::rmsprop, {}).alpha == 0.99);
  CHECK(resolve(Method::rmsprop, {}).eps == 1e-8);
  CHECK(resolve(Method::adagrad, {}).eps == 1e-10);
  CHECK(resolve(Method::adam, {}).beta1 == 0.9);
  CHECK(resolve(Method::adam, {}).beta2 == 0.999);
  CHECK(resolve(Method::adam, {}).eps == 1e-8);
  CHECK(resolve(Method::armijo, {}).c == 1e-4);
  CHECK(resolve(Method::armijo, {}).shrink == 0.5);
  CHECK(resolve(Method::adamw, {}).weightDecay == 0.01);
  CHECK(resolve(Method::adam, {}).weightDecay == 0);
  CHECK(resolve(Method::gd, {}).weightDecay == 0);
}

TEST_CASE("given hyperparameters replace the defaults, unused ones are reported and not applied",
          "[method]") {
  Hyperparameters given;
  given.beta = 0.5;
  given.eps = 1e-6;
  CHECK(resolve(Method::momentum, given).beta == 0.5);
  CHECK(resolve(Method::adam, given).eps == 1e-6);
  CHECK(resolve(Method::adagrad, given).eps == 1e-6);
  CHECK(unusedBy(Method::momentum, given) == std::vector<std::string>{"eps"});
  CHECK(unusedBy(Method::adam, given) == std::vector<std::string>{"beta"});
  CHECK(unusedBy(Method::gd, given) == std::vector<std::string>{"beta", "eps"});
  given.weightDecay = 0.1;
  CHECK(unusedBy(Method::newton, given) == std::vector<std::string>{"beta", "eps", "weightDecay"});
  // An out-of-range value a method does not use is no error for it.
  given.beta = 7;
  CHECK_NOTHROW(resolve(Method::gd, given));
  CHECK_THROWS_AS(resolve(Method::nesterov, given), SettingsError);
}

TEST_CASE("beta = 0 is allowed (plain gradient descent) and the other bounds are strict", "[method]") {
  Hyperparameters given;
  given.beta = 0;
  CHECK_NOTHROW(resolve(Method::momentum, given));
  given.beta1 = 0;
  CHECK_NOTHROW(resolve(Method::adam, given));
  Hyperparameters shrink;
  shrink.shrink = 0;
  CHECK_THROWS_AS(resolve(Method::armijo, shrink), SettingsError);
}
