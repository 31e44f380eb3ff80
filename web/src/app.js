// The page's entry: it starts the engine's worker first, so the engine downloads and compiles while the
// rest of the page (Chart.js, the explorer) is fetched and built, then loads that rest.
import { createEngineClient } from './engine-client.js';

const client = createEngineClient(() => new Worker('./worker.js', { type: 'module' }));
client.warm();
const { startPage } = await import('./page.js');
startPage(client);
