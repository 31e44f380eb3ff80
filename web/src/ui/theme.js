// Chart colours come from the stylesheet's custom properties, so the charts follow the page into dark mode,
// and out of it on paper: printed, the page is light whatever the screen's scheme (style.css's print rules).
// Which palette is in force is the sheet's --scheme; an explorer inside a <descent-explorer> reads the
// properties its host's sheet sets, where the element, not the operating system, chooses the palette.
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const printQuery = window.matchMedia('print');
// Below this width legends get smaller type: the page's phone layout, or an element in a narrow column.
const NARROW_PX = 600;

const widthOf = (element) => (element === document.documentElement ? window.innerWidth : element.getBoundingClientRect().width);

export function currentTheme(element = document.documentElement) {
  const style = getComputedStyle(element);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    dark: read('--scheme') === 'dark' && !printQuery.matches,
    narrow: widthOf(element) <= NARROW_PX,
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--grid'),
    curve: read('--curve'),
    surface: read('--surface'),
  };
}

// Calls back when the scheme, printing or the narrow layout changes: for the page by its media queries,
// for an element also when its own width crosses NARROW_PX (its palette changes are its own to report).
// Returns the function that stops it.
export function onThemeChange(callback, element = document.documentElement) {
  const changed = () => callback(currentTheme(element));
  const queries = [darkQuery, printQuery];
  let sizes = null;
  if (element === document.documentElement) {
    queries.push(window.matchMedia(`(max-width: ${NARROW_PX}px)`));
  } else {
    let narrow = null;
    sizes = new ResizeObserver(() => {
      const now = widthOf(element) <= NARROW_PX;
      if (narrow !== null && now !== narrow) changed();
      narrow = now;
    });
    sizes.observe(element);
  }
  for (const query of queries) query.addEventListener('change', changed);
  return () => {
    for (const query of queries) query.removeEventListener('change', changed);
    sizes?.disconnect();
  };
}
