#include "optim/stepper.hpp"

namespace descent::optim {

std::unique_ptr<Stepper> makeStepper(Method method, const Function& fn,
                                     const ResolvedHyperparameters& hyper) {
  switch (method) {
    case Method::gd:
    case Method::momentum:
    case Method::nesterov:
      return makeGradientStepper(method, hyper);
    case Method::adagrad:
    case Method::rmsprop:
    case Method::adam:
    case Method::adamw:
      return makeAdaptiveStepper(method, hyper);
    case Method::armijo:
    case Method::exact:
      return makeLineSearchStepper(method, fn, hyper);
    case Method::newton:
      return makeNewtonStepper(fn);
  }
  return nullptr;
}

}  // namespace descent::optim
