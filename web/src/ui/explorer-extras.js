// What an explorer adds once its first chart is drawn: chart tooltips, the logarithmic scale and the fill
// the noise bands shade with, the step-size chart, the analysis views and the share and download buttons.
// explorer.js loads this lazily, so none of it is fetched, parsed or run before the first picture.
import { Chart, Filler, LogarithmicScale, Tooltip } from 'chart.js';

Chart.register(LogarithmicScale, Tooltip, Filler);

export { wireActions } from './explorer-actions.js';
export { mountAnalysisViews } from './views/analysis-views.js';
export { createStepSizeChart } from './step-size-chart.js';
