// The frames of an animation of the paths: a path chart of its own, out of sight, drawn at one size whatever
// the window's, redrawn for each step (step-frames.js) and painted under the title line with "k = n".
// The page's own chart is left alone, so an export neither flickers it nor fights the next answer for it.
import { createPathChart } from './charts.js';
import { answerAtStep, frameDelays, frameSteps } from './step-frames.js';
import { paintTitled, TITLE_HEIGHT } from './titled-image.js';

// 16:9 and even on both sides, as video encoders want; large enough for a projector, small enough to encode quickly.
export const FRAME_WIDTH = 960;
export const FRAME_HEIGHT = 540;

// host: where the hidden chart may live (an element of the page or of an explorer's shadow root);
// look: { theme, title }.
export function createStepFramePainter(host, answer, { theme, title }) {
  const chartHeight = FRAME_HEIGHT - TITLE_HEIGHT;
  const box = document.createElement('div');
  // Set through the style object, which a page's style-src policy allows where a style attribute is not.
  Object.assign(box.style, {
    position: 'fixed', left: '-20000px', top: '0', width: `${FRAME_WIDTH}px`, height: `${chartHeight}px`,
    visibility: 'hidden', pointerEvents: 'none',
  });
  box.setAttribute('aria-hidden', 'true');
  const canvas = document.createElement('canvas');
  box.append(canvas);
  host.append(box);
  const pathChart = createPathChart(canvas, theme);
  const frame = document.createElement('canvas');
  const steps = frameSteps(answer.runs);

  return {
    count: steps.length,
    steps,
    width: FRAME_WIDTH,
    height: FRAME_HEIGHT,
    delays: frameDelays(steps.length),
    paint(i) {
      pathChart.render(answerAtStep(answer, steps[i]), theme);
      return paintTitled(frame, canvas, {
        width: FRAME_WIDTH, height: chartHeight, scale: 1,
        background: theme.surface, color: theme.text, title, corner: `k = ${steps[i]}`,
      });
    },
    dispose() {
      pathChart.chart.destroy();
      box.remove();
    },
  };
}
