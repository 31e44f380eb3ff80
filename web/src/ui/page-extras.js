// What the page adds to an explorer's extras (explorer-extras.js): the views of the "Many starts" and
// "Step-size sweep" sections, which run on the page's second engine client. Loaded after the first answer,
// like the extras; the element has no such client and leaves them out.
export * from './explorer-extras.js';
export { createMultiStart } from './views/multistart.js';
export { createSweep } from './views/sweep.js';
