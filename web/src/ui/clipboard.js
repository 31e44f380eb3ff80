// Copying text for the reader. A clipboard that neither copies nor refuses within a moment counts as out
// of reach: the caller then shows the text to copy by hand.
const CLIPBOARD_PATIENCE_MS = 1000;

// Resolves to true once copied, false when the clipboard is out of reach.
export async function copyText(text) {
  try {
    const refused = new Promise((_, reject) => { setTimeout(reject, CLIPBOARD_PATIENCE_MS); });
    await Promise.race([navigator.clipboard.writeText(text), refused]);
    return true;
  } catch {
    return false;
  }
}
