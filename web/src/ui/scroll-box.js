// A formula wider than its box scrolls sideways. While it does, the box is a named, focusable group, so
// that a keyboard can reach and scroll it and a screen reader says what it holds, and its `scrolls` class
// lets the style sheet shade the edge that hides more. A box that fits is left alone: no extra tab stop.

// Watches `box` from now on: its own width and its children's, and children coming and going.
export function keepScrollable(box, label) {
  const check = () => markScrolling(box, label);
  const sizes = new ResizeObserver(check);
  const watch = () => {
    sizes.disconnect();
    sizes.observe(box);
    for (const child of box.children) sizes.observe(child);
  };
  new MutationObserver(() => { watch(); check(); }).observe(box, { childList: true });
  watch();
}

function markScrolling(box, label) {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  if (scrolls === box.classList.contains('scrolls')) return;
  box.classList.toggle('scrolls', scrolls);
  if (scrolls) {
    box.tabIndex = 0;
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', `${label} (scrolls sideways)`);
  } else {
    for (const name of ['tabindex', 'role', 'aria-label']) box.removeAttribute(name);
  }
}
