// Present: the page for a projector or a shared screen. The charts fill the screen in large type and the
// controls shrink to stepping through a path, from the keyboard: → next step, ← previous step, space play
// or pause, Esc leaves. The keys press the step-through's own buttons, so a presentation steps exactly as
// the page does. Presenting is how the page is shown, not part of an experiment: ?present=1 opens the page
// presenting, and the links the page writes leave it out.
import { Chart } from 'chart.js';
import { legendFontSize } from './charts.js';
import { currentTheme } from './theme.js';

const CLASS = 'presenting';
// Chart.js draws its text in pixels of its own, which the stylesheet cannot enlarge.
const CHART_FONT_PX = 18;
const STEP_KEYS = { ArrowRight: 'forward', ArrowLeft: 'back', ' ': 'play' };
const TYPED_INTO = ['INPUT', 'SELECT', 'TEXTAREA'];

// button: the page's Present button, which becomes the way out; focusTarget: what a presenter's keys
// start from (the path chart's heading).
export function createPresentMode({ button, focusTarget }) {
  const html = document.documentElement;
  const enterText = button.textContent;
  const pageFontPx = Chart.defaults.font.size;

  // Charts are kept on their canvases (charts.js) and take their type from Chart.defaults when drawn anew;
  // the ones already drawn are told at once.
  function setChartType(px) {
    Chart.defaults.font.size = px;
    for (const canvas of document.querySelectorAll('#output canvas')) {
      const chart = canvas.chart;
      if (!chart) continue;
      const legend = chart.options.plugins?.legend?.labels;
      if (legend?.font) legend.font.size = legendFontSize(currentTheme().narrow);
      chart.update('none');
    }
  }

  const presenting = () => html.classList.contains(CLASS);

  function enter() {
    if (presenting()) return;
    html.classList.add(CLASS);
    button.textContent = 'Leave presentation (Esc)';
    setChartType(CHART_FONT_PX);
    focusTarget.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  function leave() {
    if (!presenting()) return;
    html.classList.remove(CLASS);
    button.textContent = enterText;
    setChartType(pageFontPx);
    button.focus({ preventScroll: true });
    button.scrollIntoView({ block: 'nearest' });
  }

  button.addEventListener('click', () => (presenting() ? leave() : enter()));

  document.addEventListener('keydown', (event) => {
    if (!presenting() || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      leave();
      event.preventDefault();
      return;
    }
    const step = STEP_KEYS[event.key];
    // The step-through answers its own keys where it has focus; a field keeps its keys, a button its space.
    const target = event.target;
    if (!step || event.defaultPrevented || TYPED_INTO.includes(target.tagName)) return;
    if (event.key === ' ' && target.tagName === 'BUTTON') return;
    document.querySelector(`#output [data-step="${step}"]`)?.click();
    event.preventDefault();
  });

  return { enter, leave, presenting };
}
