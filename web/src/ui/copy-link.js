// "Copy link": the URL of the experiment shown, for a class's shared notes or a message. Where the
// clipboard is out of reach, the link is shown selected, to copy by hand.
import { copyText } from './clipboard.js';

// href(): the URL of what is shown; note: where the outcome is said; box and field: the link to copy by hand.
export function wireCopyLink({ button, note, box, field, href }) {
  button.addEventListener('click', async () => {
    const link = href();
    field.value = link;
    if (await copyText(link)) {
      box.hidden = true;
      note.textContent = 'Copied the link to this experiment.';
      return;
    }
    box.hidden = false;
    note.textContent = 'The clipboard is out of reach: copy the link below by hand.';
    field.focus();
    field.select();
  });
}
