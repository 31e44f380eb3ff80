// The optimizers the engine offers, their update rules as shown on the page, and the hyperparameters each
// one reads. Defaults are PyTorch's, so a run here matches a reader's notebook.

// Every hyperparameter any method reads, by the name the engine and the URL use.
export const HYPERPARAMETER_NAMES = ['beta', 'alpha', 'eps', 'beta1', 'beta2', 'c', 'shrink'];

export const METHODS = [
  { id: 'gd', name: 'Gradient descent', rule: 'x ← x − η·f′(x)', defaults: {} },
  { id: 'momentum', name: 'Momentum', rule: 'v ← β·v + f′(x);  x ← x − η·v', defaults: { beta: 0.9 } },
  {
    id: 'nesterov', name: 'Nesterov momentum', rule: 'v ← β·v + f′(x);  x ← x − η·(f′(x) + β·v)',
    defaults: { beta: 0.9 },
  },
  {
    id: 'adagrad', name: 'AdaGrad', rule: 's ← s + f′(x)²;  x ← x − η·f′(x) / (√s + ε)',
    defaults: { eps: 1e-10 },
  },
  {
    id: 'rmsprop', name: 'RMSprop', rule: 's ← α·s + (1−α)·f′(x)²;  x ← x − η·f′(x) / (√s + ε)',
    defaults: { alpha: 0.99, eps: 1e-8 },
  },
  {
    id: 'adam', name: 'Adam',
    rule: 'm ← β₁·m + (1−β₁)·f′(x);  s ← β₂·s + (1−β₂)·f′(x)²;  '
      + 'x ← x − η·m̂ / (√ŝ + ε), with bias-corrected m̂, ŝ',
    defaults: { beta1: 0.9, beta2: 0.999, eps: 1e-8 },
  },
  {
    id: 'armijo', name: 'Backtracking (Armijo)',
    rule: 't starts at η and is multiplied by shrink until f(x − t·f′(x)) ≤ f(x) − c·t·f′(x)²;  '
      + 'x ← x − t·f′(x)',
    defaults: { c: 1e-4, shrink: 0.5 },
  },
  {
    id: 'exact', name: 'Exact line search',
    rule: 't minimises f(x − t·f′(x)) along the ray, searching from t = η;  x ← x − t·f′(x)', defaults: {},
  },
  {
    id: 'newton', name: 'Newton',
    rule: 'x ← x − f′(x) / f″(x)  (η is not used: every step size gives the same path)', defaults: {},
  },
];

export function methodById(id) {
  return METHODS.find((method) => method.id === id);
}
