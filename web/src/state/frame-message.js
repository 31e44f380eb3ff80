// What dist/embed.html tells the page its iframe sits in, and the three lines that page runs to fit the
// iframe to the explorer's height (state/embed-snippet.js puts them in the iframe snippet).
export const FRAME_HEIGHT_MESSAGE = 'descentHeight';
// Only a height from one of the page's descent iframes, and only a sensible one, is applied.
export const FRAME_PARENT_SCRIPT = '<script>addEventListener(\'message\', (event) => {\n'
  + `  const height = Number(event.data?.${FRAME_HEIGHT_MESSAGE}); for (const frame of document.querySelectorAll('iframe.descent')) if (frame.contentWindow === event.source && height > 0 && height < 100000) frame.style.height = \`\${height}px\`;\n`
  + '});</script>';

