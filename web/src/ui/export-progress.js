// While a GIF or a video is made: a row under the card's head saying what is being made, a bar with the
// share done, and Cancel. One file is made at a time; `start` hands out the signal that Cancel aborts.
let made = 0;

export function createExportProgress(card) {
  const id = `export-progress-${++made}`;
  const row = document.createElement('div');
  row.className = 'export-progress';
  row.hidden = true;
  const label = document.createElement('span');
  label.id = `${id}-label`;
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute('aria-labelledby', label.id);
  const percent = document.createElement('span');
  percent.className = 'export-percent mono';
  percent.setAttribute('aria-hidden', 'true');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'action';
  cancel.textContent = 'Cancel';
  row.append(label, bar, percent, cancel);
  const head = card.querySelector('.card-head');
  if (head) head.after(row);
  else card.prepend(row);

  let controller = null;
  let opener = null;
  cancel.addEventListener('click', () => controller?.abort(new DOMException('Cancelled.', 'AbortError')));

  return {
    get running() { return controller !== null; },
    // `from` is the button that asked: focus goes back to it if it was on Cancel when the row goes away.
    start(text, from) {
      controller = new AbortController();
      opener = from;
      label.textContent = text;
      bar.value = 0;
      percent.textContent = '0%';
      row.hidden = false;
      return controller.signal;
    },
    set(fraction) {
      const shown = Math.floor(fraction * 100);
      if (bar.value === shown) return;
      bar.value = shown;
      percent.textContent = `${shown}%`;
    },
    finish() {
      const hadFocus = row.contains(row.getRootNode().activeElement);
      controller = null;
      row.hidden = true;
      if (hadFocus) opener?.focus();
    },
  };
}
