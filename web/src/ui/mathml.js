// Formulas arrive from the engine as MathML markup. They are rebuilt element by element from an allowlist
// of MathML presentation tags and attributes, so nothing but maths can reach the page through them.
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const ELEMENTS = new Set([
  'math', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt',
  'mroot', 'mstyle', 'mpadded', 'mphantom', 'munder', 'mover', 'munderover', 'mtable', 'mtr', 'mtd',
  'semantics', 'annotation',
]);
const ATTRIBUTES = new Set([
  'display', 'displaystyle', 'mathvariant', 'stretchy', 'fence', 'separator', 'form', 'lspace', 'rspace',
  'linethickness', 'width', 'height', 'depth', 'accent', 'accentunder', 'scriptlevel', 'largeop',
  'movablelimits', 'symmetric', 'minsize', 'maxsize', 'encoding',
]);

function copyAllowed(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  if (node.namespaceURI !== MATHML_NS || !ELEMENTS.has(node.localName)) return null;
  const copy = document.createElementNS(MATHML_NS, node.localName);
  for (const attribute of node.attributes) {
    if (ATTRIBUTES.has(attribute.name)) copy.setAttribute(attribute.name, attribute.value);
  }
  for (const child of node.childNodes) {
    const allowed = copyAllowed(child);
    if (allowed) copy.append(allowed);
  }
  return copy;
}

// Returns a <math> element, or null when the markup holds none.
export function mathElement(markup) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html');
  const math = parsed.body.querySelector('math');
  return math ? copyAllowed(math) : null;
}
