// Downloads made in the page: text through an object URL, charts as PNG images on their card's colour
// (a chart's canvas is transparent, which reads badly once the image leaves the page).

function save(href, filename) {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadText(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  save(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Paints the background behind the chart's pixels, takes the image, and takes the background away again.
export function downloadChart(chart, background, filename) {
  const { ctx, canvas } = chart;
  ctx.save();
  ctx.globalCompositeOperation = 'destination-over';
  ctx.fillStyle = background || '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.restore();
  const image = chart.toBase64Image('image/png');
  chart.render();
  save(image, filename);
}
