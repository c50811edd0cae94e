// An inline "Delete it for good?" in place of a Delete button: no dialog,
// one more tap to confirm, "Keep it" puts the button back.

import { html, setHTML } from './lib/html.js';

/**
 * @param {HTMLElement} btn the Delete button
 * @param {() => Promise<void>} onConfirm runs after "Yes, delete"
 */
export function askToDelete(btn, onConfirm) {
  const box = document.createElement('span');
  box.className = 'confirm';
  setHTML(box, html`<span>Delete it for good?</span>
    <button type="button" class="btn small danger primary" data-yes>Yes, delete</button>
    <button type="button" class="btn small" data-no>Keep it</button>`);
  btn.replaceWith(box);
  const no = /** @type {HTMLButtonElement} */ (box.querySelector('[data-no]'));
  no.focus();
  no.addEventListener('click', () => { box.replaceWith(btn); btn.focus(); });
  box.querySelector('[data-yes]')?.addEventListener('click', () => void onConfirm());
}
