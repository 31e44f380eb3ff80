// What is wrong with a field waits for a pause in typing. Mid-word, almost every key leaves f wrong
// (`sin(x)*exp(-` has an open bracket), and a message that comes and goes with every key is noise to read,
// noise to hear and, where it pushes the form about, a target that moves under the pointer. What is right
// again is shown at once; only what is wrong waits. Leaving the field or pressing Enter ends the pause.
const TEXT_TYPES = new Set(['text', 'search', 'number', '']);

function isTyping(element) {
  return element.tagName === 'TEXTAREA' || (element.tagName === 'INPUT' && TEXT_TYPES.has(element.type));
}

// `target`: the form whose typing is watched; `ms`: how long a pause is.
export function createTypingPause(target, ms) {
  let typedAt = -Infinity;
  let timer = 0;
  const waiting = new Map(); // what each message slot shows once the pause comes: key -> show()

  function flush() {
    clearTimeout(timer);
    timer = 0;
    const left = typedAt + ms - performance.now();
    if (left > 0) { timer = setTimeout(flush, left); return; }
    const shows = [...waiting.values()];
    waiting.clear();
    for (const show of shows) show();
  }

  function ended() {
    typedAt = -Infinity;
    if (waiting.size > 0) flush();
  }

  target.addEventListener('input', (event) => { if (isTyping(event.target)) typedAt = performance.now(); }, true);
  target.addEventListener('focusout', ended);
  target.addEventListener('submit', ended, true);

  return {
    // Runs show() now, or at the pause if typing goes on; a later call for the same key replaces it.
    later(key, show) {
      waiting.set(key, show);
      flush();
    },
    // Forgets what `key` was waiting to show (the field is right again).
    cancel(key) {
      waiting.delete(key);
    },
    ended,
  };
}
