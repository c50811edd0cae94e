// <mend-mood> — mood in one tap: five faces, 1 very low … 5 very good.
//
// Usage:
//   <mend-mood name="mood"></mend-mood>
//
// Native radios named `name` (light DOM, so they join the form) inside a
// role="radiogroup" labelled "Mood". Property `value` is 1–5 or null.

import { html, raw, setHTML } from '../lib/html.js';
import { MOODS } from '../lib/labels.js';

// Mouth curves from a frown (1) to a wide smile (5); drawn, not emoji, so
// they look the same on every phone and need no font.
const MOUTHS = ['M8 17q4-4 8 0', 'M8.5 16.5q3.5-2 7 0', 'M8.5 16h7', 'M8.5 15.5q3.5 2 7 0', 'M8 15q4 4.5 8 0'];

/** @param {number} i */
function face(i) {
  return raw(`<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="9" cy="10" r="1.2" fill="currentColor"/><circle cx="15" cy="10" r="1.2" fill="currentColor"/><path d="${MOUTHS[i]}" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`);
}

let seq = 0;

export class MendMood extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    const id = `mood-${++seq}`;
    const name = this.getAttribute('name') ?? 'mood';
    setHTML(this, html`
      <fieldset role="radiogroup" aria-labelledby="${id}-legend">
        <legend id="${id}-legend">Mood</legend>
        <div class="faces">
          ${MOODS.map((m, i) => html`<label class="opt face-opt"><input type="radio" name="${name}" value="${m.value}" aria-label="${m.value}, ${m.word.toLowerCase()}"><span>${face(i)}${m.word}</span></label>`)}
        </div>
        <div class="row scale-tools"><button type="button" class="link-btn" data-clear aria-label="Clear mood" hidden>Clear</button></div>
        <p class="field-error" data-error-for="${name}"></p>
      </fieldset>`);
    this.addEventListener('change', () => this.#sync());
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      this.value = null;
    });
  }

  #sync() {
    const clear = /** @type {HTMLElement|null} */ (this.querySelector('[data-clear]'));
    if (clear) clear.hidden = this.value === null;
  }

  /** @returns {number|null} */
  get value() {
    const r = /** @type {HTMLInputElement|null} */ (this.querySelector('input:checked'));
    return r ? Number(r.value) : null;
  }

  /** @param {number|null} v */
  set value(v) {
    for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (this.querySelectorAll('input'))) {
      r.checked = v !== null && v !== undefined && Number(r.value) === Number(v);
    }
    this.#sync();
  }
}

customElements.define('mend-mood', MendMood);
