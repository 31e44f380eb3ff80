// The engine as a page gets it: dist/engine.js, produced by `npm run build`.
export const engineModule = await import('../../dist/engine.js');
export const engine = await engineModule.loadEngine();
