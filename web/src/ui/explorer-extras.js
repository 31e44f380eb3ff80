// What an explorer adds once its first chart is drawn: chart tooltips and the logarithmic scale, the
// analysis views and the share and download buttons. explorer.js loads this lazily, so none of it is
// fetched, parsed or run before the first picture.
import { Chart, LogarithmicScale, Tooltip } from 'chart.js';

Chart.register(LogarithmicScale, Tooltip);

export { wireActions } from './explorer-actions.js';
export { mountAnalysisViews } from './views/analysis-views.js';
