// A slider under the x0 field: dragging it (or its arrow keys) moves the start and runs at once, for every
// value, where the field itself waits for a pause in typing. Its scale is the path chart's x range when the
// function was first drawn; it is taken again only for a new function or an x0 outside it, so the thumb
// does not jump about while the chart follows the paths.
const POSITIONS = 1000; // stops across the range

// Few digits for the field: a slider position is not more precise than a thousandth of the range.
function shown(value, step) {
  const digits = Math.max(0, Math.ceil(-Math.log10(step)) + 1);
  return String(Number(value.toFixed(Math.min(digits, 12))));
}

// slider: the <input type=range>; field: the x0 text field; run(): runs the form as it stands;
// xRange(): the path chart's [low, high], or null before the first chart; scaleKey(): what the scale is
// kept for (the function).
export function attachX0Slider({ slider, field, run, xRange, scaleKey }) {
  let dragging = false;
  let scaleFor = null;
  slider.addEventListener('input', (event) => {
    event.stopPropagation(); // the form's own input handler would wait for a pause in typing
    dragging = true;
    field.value = shown(Number(slider.value), Number(slider.step));
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
      const outside = x0 < Number(slider.min) || x0 > Number(slider.max);
      if (scaleFor !== scaleKey() || outside) {
        const range = xRange();
        if (!range) return;
        const low = Math.min(range[0], x0), high = Math.max(range[1], x0);
        if (!(high > low)) return;
        slider.min = String(low);
        slider.max = String(high);
        slider.step = String((high - low) / POSITIONS);
        scaleFor = scaleKey();
      }
      slider.value = String(x0);
    },
  };
}
