// Chart colours come from the stylesheet's custom properties, so the charts follow the page into dark mode.
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

// An explorer inside a shadow root reads the properties its host inherits from the explorer's own sheet.
export function currentTheme(element = document.documentElement) {
  const style = getComputedStyle(element);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    dark: darkQuery.matches,
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--grid'),
    curve: read('--curve'),
    surface: read('--surface'),
  };
}

export function onThemeChange(callback, element = document.documentElement) {
  darkQuery.addEventListener('change', () => callback(currentTheme(element)));
}
