// An exported picture: the card's colour (a chart's canvas is transparent, which reads badly once the image
// leaves the page), a title line saying which experiment it shows, then the chart. Sizes are in CSS pixels;
// `scale` device pixels are drawn for each.

export const TITLE_HEIGHT = 34;
const PAD = 12;
const FONT_PX = 15;
const SMALLEST_FONT_PX = 11;
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// The largest type (down to a floor) at which `text` fits `width`; past that it is cut with an ellipsis.
function fitText(ctx, text, width, weight) {
  for (let px = FONT_PX; px >= SMALLEST_FONT_PX; px--) {
    ctx.font = `${weight} ${px}px ${FONT_FAMILY}`;
    if (ctx.measureText(text).width <= width) return text;
  }
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

// The title on the left and, on the right, `corner` (a step-through frame's "k = 12").
function drawTitle(ctx, width, { title, corner, color }) {
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  const y = TITLE_HEIGHT / 2 + 2;
  let room = width - 2 * PAD;
  if (corner) {
    ctx.font = `600 ${FONT_PX}px ${FONT_FAMILY}`;
    ctx.textAlign = 'right';
    ctx.fillText(corner, width - PAD, y);
    room -= ctx.measureText(corner).width + 2 * PAD;
  }
  ctx.textAlign = 'left';
  ctx.fillText(fitText(ctx, title, room, 600), PAD, y);
}

// Paints onto `canvas` (sized here) the background, the title line and `source` (a canvas) scaled into
// `width` × `height` under it.
export function paintTitled(canvas, source, { width, height, scale, background, color, title, corner = '' }) {
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round((height + TITLE_HEIGHT) * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = background || '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  drawTitle(ctx, width, { title, corner, color });
  ctx.drawImage(source, 0, TITLE_HEIGHT, width, height);
  return canvas;
}
