// Exits 0 when node_modules holds exactly what package-lock.json asks for, 1 when `npm ci` is due.
// npm records what it installed in node_modules/.package-lock.json; optional packages for other
// platforms are in the lock file but never installed, so only required entries must be present.
import { readFileSync } from 'node:fs';

function packages(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
  } catch {
    return null;
  }
}

const wanted = packages('package-lock.json');
const installed = packages('node_modules/.package-lock.json');
if (!wanted || !installed) process.exit(1);

for (const [path, entry] of Object.entries(wanted)) {
  if (path === '' || path.startsWith('node_modules/') === false) continue;
  const have = installed[path];
  if (!have) {
    if (entry.optional) continue;
    process.exit(1);
  }
  if (have.version !== entry.version) process.exit(1);
}
for (const path of Object.keys(installed)) {
  if (!(path in wanted)) process.exit(1);
}
process.exit(0);
