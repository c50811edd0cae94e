// <mend-scale> — a 0–10 (or 1–5) radio group with big touch targets.
//
// Usage:
//   <mend-scale name="pain" label="Pain" min="0" max="10" bands></mend-scale>
//   <mend-scale name="stress" label="Stress" min="0" max="10" hint="0 calm … 10 overwhelmed" clearable></mend-scale>
//
// Renders native radios (light DOM) so the values join the surrounding
// <form>. With `bands` the options are grouped under the pain words
// (0 no pain, 1–3 mild, 4–6 moderate, 7–10 severe). The group is a
// role="radiogroup" named by its label. Property `value` gets/sets the
// chosen number (null when none); a "change" event bubbles from the radio.

import { html, setHTML } from '../lib/html.js';
import { painBand, painBandKey } from '../lib/pain.js';

let seq = 0;

export class MendScale extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    const id = `scale-${++seq}`;
    const name = this.getAttribute('name') ?? 'scale';
    const label = this.getAttribute('label') ?? name;
    const min = Number(this.getAttribute('min') ?? 0);
    const max = Number(this.getAttribute('max') ?? 10);
    const hint = this.getAttribute('hint') ?? '';
    const bands = this.hasAttribute('bands');
    const values = [];
    for (let v = min; v <= max; v++) values.push(v);
    const opt = (/** @type {number} */ v) => {
      const word = bands ? painBand(v) : '';
      return html`<label class="opt num-opt ${bands ? `band-${painBandKey(v)}` : ''}"><input type="radio" name="${name}" value="${v}" aria-label="${word ? `${v}, ${word}` : String(v)}" aria-describedby="${id}-err"><span>${v}</span></label>`;
    };
    // compact: one grid coloured by band (the readout names the band), so the
    // quick log fits the first screen of a phone.
    const body = bands && !this.hasAttribute('compact')
      ? html`<div class="scale-rows">${[[0, 0], [1, 3], [4, 6], [7, 10]].map(([a, b]) => html`
          <div class="scale-row"><span class="band-word" aria-hidden="true">${painBand(a)}</span>
            <div class="band-buttons">${values.filter((v) => v >= a && v <= b).map(opt)}</div></div>`)}</div>`
      : html`<div class="scale-grid ${max - min === 4 ? 'five' : ''}">${values.map(opt)}</div>`;
    const hintClass = this.hasAttribute('compact') ? 'hint visually-hidden' : 'hint';
    setHTML(this, html`
      <fieldset role="radiogroup" aria-labelledby="${id}-legend" ${hint ? html`aria-describedby="${id}-hint"` : ''}>
        <legend id="${id}-legend">${label}</legend>
        ${hint ? html`<p class="${hintClass}" id="${id}-hint">${hint}</p>` : ''}
        ${body}
        <div class="row scale-tools">
          <p class="scale-readout" aria-hidden="true"></p>
          ${this.hasAttribute('clearable') ? html`<button type="button" class="link-btn" data-clear aria-label="Clear ${label.toLowerCase()}" hidden>Clear</button>` : ''}
        </div>
        <p class="field-error" id="${id}-err" data-error-for="${name}"></p>
      </fieldset>`);
    this.addEventListener('change', () => this.#sync());
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      this.value = null;
      this.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  #sync() {
    const v = this.value;
    const readout = this.querySelector('.scale-readout');
    if (readout) readout.textContent = v === null ? '' : this.hasAttribute('bands') ? `${v}, ${painBand(v)}` : '';
    const clear = /** @type {HTMLElement|null} */ (this.querySelector('[data-clear]'));
    if (clear) clear.hidden = v === null;
  }

  /** @returns {number|null} */
  get value() {
    const r = /** @type {HTMLInputElement|null} */ (this.querySelector('input:checked'));
    return r ? Number(r.value) : null;
  }

  /** @param {number|null} v */
  set value(v) {
    for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (this.querySelectorAll('input[type=radio]'))) {
      r.checked = v !== null && v !== undefined && Number(r.value) === Number(v);
    }
    this.#sync();
  }
}

customElements.define('mend-scale', MendScale);
