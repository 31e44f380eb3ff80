// Whole trajectories, every step with f, f′, the gradient the optimizer used and the step size, for
// downloading: the charts only ever see thinned paths. The columns are the CLI's. Runs inside the worker,
// like experiment.js; the CSV text is made there too, so only a string crosses.
import { runSettings } from './experiment.js';

// 17 significant digits round-trip any float64 exactly; the CSV carries what the engine computed.
function exact(value) {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return value.toPrecision(17);
}

export function trajectoryCsv(engine, request) {
  const lines = ['eta,k,x,f,df,g,lr'];
  for (const eta of request.etas) {
    const run = engine.run(runSettings(request, request.method, eta));
    const last = Math.min(run.stoppedAt, run.x.length - 1);
    for (let k = 0; k <= last; k++) {
      lines.push(`${eta},${k},${[run.x[k], run.f[k], run.df[k], run.g[k], run.lr[k]].map(exact).join(',')}`);
    }
  }
  return { csv: `${lines.join('\n')}\n` };
}
