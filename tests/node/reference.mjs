// Independent float64 reference: the seed posts' functions written out by hand, and each optimizer's
// update written as PyTorch performs it (same operations, same order). JavaScript numbers are IEEE
// doubles, so a plain loop here agrees with the engine bit for bit, provided both evaluate the same
// formula in the same order. The engine evaluates the simplified form it prints, left to right, with
// x^n for a small integer n by repeated squaring (x^4 = (x*x)*(x*x), x^3 = (x*x)*x); so each function
// below is written in that printed form, and the tests check that the engine prints exactly it.

// name -> { expression as typed, text and derivative as printed, f and f' by hand in the printed form }
export const functions = {
  // seed 001: "Calculus 4: Gradient Descent in 1-D"
  quartic: {
    expression: 'x^4 - 3x^2 + 2',
    text: 'x^4 - 3*x^2 + 2',
    derivative: '4*x^3 - 6*x',
    f: (x) => (x * x) * (x * x) - 3 * (x * x) + 2,
    df: (x) => 4 * ((x * x) * x) - 6 * x,
  },
  // seed 000: the parabola and the tilted double well
  parabola: {
    expression: '(x-2)^2',
    text: '(x - 2)^2',
    derivative: '2*x - 4',
    f: (x) => (x - 2) * (x - 2),
    df: (x) => 2 * x - 4,
  },
  tiltedWell: {
    expression: '0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2',
    text: '0.5*(0.75*x - 1.2)^4 - 2*(0.75*x - 1)^2 + 2',
    derivative: '1.5*(0.75*x - 1.2)^3 - 2.25*x + 3',
    f: (x) => {
      const u = 0.75 * x - 1.2;
      const v = 0.75 * x - 1;
      return 0.5 * ((u * u) * (u * u)) - 2 * (v * v) + 2;
    },
    df: (x) => {
      const u = 0.75 * x - 1.2;
      return 1.5 * ((u * u) * u) - 2.25 * x + 3;
    },
  },
};

// method -> (eta, hyperparameters) -> a stateful step g, x -> next x, as torch 1.13 computes it with
// ATEN_CPU_CAPABILITY=default: addcmul_(t1, t2, value=v) is self + (v*t1)*t2, addcdiv_(t1, t2, value=v)
// is self + (v*t1)/t2. (tests/reference holds torch's own runs; this copy lets the Node suite check
// longer runs on the engine's own f'.)
export const updates = {
  gd: (eta) => (g, x) => x - eta * g,
  momentum: (eta, { beta = 0.9 } = {}) => {
    let v = null;
    return (g, x) => {
      v = v === null ? g : v * beta + g;
      return x - eta * v;
    };
  },
  nesterov: (eta, { beta = 0.9 } = {}) => {
    let v = null;
    return (g, x) => {
      v = v === null ? g : v * beta + g;
      return x - eta * (g + beta * v);
    };
  },
  adagrad: (eta, { eps = 1e-10 } = {}) => {
    let sum = 0;
    return (g, x) => {
      sum = sum + g * g;
      return x + (-eta * g) / (Math.sqrt(sum) + eps);
    };
  },
  rmsprop: (eta, { alpha = 0.99, eps = 1e-8 } = {}) => {
    let square = 0;
    return (g, x) => {
      square = square * alpha + ((1 - alpha) * g) * g;
      return x + (-eta * g) / (Math.sqrt(square) + eps);
    };
  },
  adam: (eta, { beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = {}) => {
    let m = 0;
    let v = 0;
    let t = 0;
    return (g, x) => {
      t += 1;
      m = m * beta1 + (1 - beta1) * g;
      v = v * beta2 + ((1 - beta2) * g) * g;
      const stepSize = eta / (1 - beta1 ** t);
      const denom = Math.sqrt(v) / Math.sqrt(1 - beta2 ** t) + eps;
      return x + (-stepSize * m) / denom;
    };
  },
};

// x_0..x_steps with f and f' at each point, like engine.run() before any stop rule.
export function descend({ f, df }, { x0, eta, steps, method = 'gd', ...hyper }) {
  const step = updates[method](eta, hyper);
  const path = { x: [x0], f: [f(x0)], df: [df(x0)] };
  let x = x0;
  for (let k = 0; k < steps; k++) {
    x = step(df(x), x);
    path.x.push(x);
    path.f.push(f(x));
    path.df.push(df(x));
  }
  return path;
}
