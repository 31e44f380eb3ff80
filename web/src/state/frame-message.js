// What dist/embed.html tells the page its iframe sits in, and the three lines that page runs to fit the
// iframe to the explorer's height (state/embed-snippet.js puts them in the iframe snippet).
export const FRAME_HEIGHT_MESSAGE = 'descentHeight';
export const FRAME_PARENT_SCRIPT = '<script>addEventListener(\'message\', (event) => {\n'
  + `  for (const frame of document.querySelectorAll('iframe.descent')) if (frame.contentWindow === event.source && event.data?.${FRAME_HEIGHT_MESSAGE}) frame.style.height = \`\${event.data.${FRAME_HEIGHT_MESSAGE}}px\`;\n`
  + '});</script>';

