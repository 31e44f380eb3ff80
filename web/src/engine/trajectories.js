// Whole trajectories, every step with f and f′, for downloading: the charts only ever see thinned paths.
// Runs inside the worker, like experiment.js; the CSV text is made there too, so only a string crosses.

// 17 significant digits round-trip any float64 exactly; the CSV carries what the engine computed.
function exact(value) {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return value.toPrecision(17);
}

export function trajectoryCsv(engine, request) {
  const lines = ['eta,k,x,f,df'];
  for (const eta of request.etas) {
    const run = engine.run({
      expression: request.expression, x0: request.x0, eta, steps: request.steps, method: request.method,
      ...request.parameters, ...(request.tolerance !== undefined ? { tolerance: request.tolerance } : {}),
    });
    const last = Math.min(run.stoppedAt, run.x.length - 1);
    for (let k = 0; k <= last; k++) {
      lines.push(`${eta},${k},${exact(run.x[k])},${exact(run.f[k])},${exact(run.df[k])}`);
    }
  }
  return { csv: `${lines.join('\n')}\n` };
}
