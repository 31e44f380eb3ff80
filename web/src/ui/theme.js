// Chart colours come from the stylesheet's custom properties, so the charts follow the page into dark mode,
// and out of it on paper: printed, the page is light whatever the screen's scheme (style.css's print rules).
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const printQuery = window.matchMedia('print');

// An explorer inside a shadow root reads the properties its host inherits from the explorer's own sheet.
export function currentTheme(element = document.documentElement) {
  const style = getComputedStyle(element);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    dark: darkQuery.matches && !printQuery.matches,
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--grid'),
    curve: read('--curve'),
    surface: read('--surface'),
  };
}

export function onThemeChange(callback, element = document.documentElement) {
  for (const query of [darkQuery, printQuery]) query.addEventListener('change', () => callback(currentTheme(element)));
}
