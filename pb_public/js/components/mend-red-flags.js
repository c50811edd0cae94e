// <mend-red-flags> — the warning-sign checkboxes of the daily log. Ticking
// one shows its safety guidance at once, right under it and in an alert at
// the top of the log, before anything is saved.
//
// Usage:
//   <mend-red-flags name="red_flags"></mend-red-flags>
//   el.value = ['fever'];  el.value  // -> ['fever']
//
// Fires "flagschange" (bubbling) with detail {flags} whenever the ticks change.

import { html, setHTML } from '../lib/html.js';
import { RED_FLAGS, RED_FLAG_GUIDANCE, label } from '../lib/labels.js';

export class MendRedFlags extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    const name = this.getAttribute('name') ?? 'red_flags';
    setHTML(this, html`
      <fieldset>
        <legend>Warning signs</legend>
        <p class="hint">Tick any you have today. Mend will tell you what to do.</p>
        <div class="flag-list">
          ${RED_FLAGS.map((f) => html`
            <div>
              <label class="opt"><input type="checkbox" name="${name}" value="${f}" aria-describedby="flag-${f}-guidance"><span>${label(f)}</span></label>
              <div class="guidance ${RED_FLAG_GUIDANCE[f].level}" id="flag-${f}-guidance" data-guidance="${f}" hidden>
                <strong>${RED_FLAG_GUIDANCE[f].level === 'urgent' ? 'Get urgent care' : 'See a clinician soon'}</strong>
                ${RED_FLAG_GUIDANCE[f].message}
                <a href="#/safety">When to seek care</a>
              </div>
            </div>`)}
        </div>
      </fieldset>`);
    this.addEventListener('change', () => this.#sync(true));
  }

  /** @param {boolean} fire */
  #sync(fire) {
    const flags = this.value;
    for (const g of /** @type {NodeListOf<HTMLElement>} */ (this.querySelectorAll('[data-guidance]'))) {
      g.hidden = !flags.includes(g.dataset.guidance ?? '');
    }
    if (fire) this.dispatchEvent(new CustomEvent('flagschange', { bubbles: true, detail: { flags } }));
  }

  /** @returns {string[]} */
  get value() {
    return [...this.querySelectorAll('input:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value);
  }

  /** @param {string[]} flags */
  set value(flags) {
    for (const i of /** @type {NodeListOf<HTMLInputElement>} */ (this.querySelectorAll('input'))) i.checked = flags.includes(i.value);
    this.#sync(true);
  }
}

customElements.define('mend-red-flags', MendRedFlags);
