// A slider under the x0 field: dragging it (or its arrow keys) moves the start and runs at once, for every
// value, where the field itself waits for a pause in typing. Its scale is the path chart's x range when the
// function was first drawn; it is taken again only for a new function or an x0 outside it, so the thumb
// does not jump about while the chart follows the paths. Its stops are round numbers (an arrow key moves
// x0 from -2.5 to -2.49, not to -2.494) and a screen reader hears x0 as the field shows it.
const POSITIONS = 600; // about this many stops across the range

// The round step (1, 2 or 5 times a power of ten) that gives about POSITIONS stops across `span`, and how
// many decimals it has.
export function roundStep(span) {
  const raw = span / POSITIONS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9));
  return { step, decimals: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) };
}

// What a screen reader hears for the slider: x0 as typed, with a true minus sign.
export function valueText(typed) {
  return `x0 = ${typed.trim().replace(/-/g, '\u2212')}`;
}

// slider: the <input type=range>; field: the x0 text field; run(): runs the form as it stands;
// xRange(): the path chart's [low, high], or null before the first chart; scaleKey(): what the scale is
// kept for (the function).
export function attachX0Slider({ slider, field, run, xRange, scaleKey }) {
  let dragging = false;
  let scaleFor = null;
  let decimals = 2;
  slider.addEventListener('input', (event) => {
    event.stopPropagation(); // the form's own input handler would wait for a pause in typing
    dragging = true;
    field.value = String(Number(Number(slider.value).toFixed(decimals)));
    slider.setAttribute('aria-valuetext', valueText(field.value));
    run();
  });
  slider.addEventListener('change', () => { dragging = false; });
  slider.addEventListener('blur', () => { dragging = false; });

  return {
    // After each answer: the slider shows the field's x0, unless it is being dragged.
    sync() {
      if (dragging) return;
      const x0 = Number(field.value);
      if (!Number.isFinite(x0) || field.value.trim() === '') return;
      slider.setAttribute('aria-valuetext', valueText(field.value));
      const outside = x0 < Number(slider.min) || x0 > Number(slider.max);
      if (scaleFor !== scaleKey() || outside) {
        const range = xRange();
        if (!range) return;
        const low = Math.min(range[0], x0), high = Math.max(range[1], x0);
        if (!(high > low)) return;
        const round = roundStep(high - low);
        decimals = round.decimals;
        // The ends are on the step's grid too, or every stop would be off it by the same odd amount.
        slider.min = (Math.floor(low / round.step) * round.step).toFixed(decimals);
        slider.max = (Math.ceil(high / round.step) * round.step).toFixed(decimals);
        slider.step = round.step.toFixed(decimals);
        scaleFor = scaleKey();
      }
      slider.value = String(x0);
    },
  };
}
