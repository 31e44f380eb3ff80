// The engine as a page gets it: dist/engine.js, produced by `npm run build`.
import { existsSync } from 'node:fs';

export const enginePath = new URL('../../dist/engine.js', import.meta.url);
export const engineBuilt = existsSync(enginePath);
export const engineModule = engineBuilt ? await import(enginePath) : null;
export const engine = engineBuilt ? await engineModule.loadEngine() : null;
// For describe(..., { skip }) while the engine is not part of the build.
export const skipUnlessBuilt = engineBuilt ? false : 'dist/engine.js is not built';
