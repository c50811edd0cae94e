// <mend-profile-fields> — the profile controls shared by onboarding and
// settings: baby's birth date, delivery type and time zone.
//
// Usage:
//   <form><mend-profile-fields></mend-profile-fields>…</form>
//   el.fill(user); el.values()  // -> {delivery_date, delivery_type, timezone} or {errors}
//
// The time zone list comes from Intl.supportedValuesOf and is preset to the
// user's saved zone, else the browser's.

import { html, setHTML } from '../lib/html.js';
import { DELIVERY_TYPES, label } from '../lib/labels.js';
import { browserTimeZone, calendarDay, isValidDay, toDay } from '../lib/dates.js';

/** @returns {string[]} */
function zones() {
  try {
    // @ts-ignore supportedValuesOf is in every current browser
    const z = /** @type {string[]} */ (Intl.supportedValuesOf('timeZone'));
    return z.includes('UTC') ? z : ['UTC', ...z];
  } catch {
    return ['UTC'];
  }
}

export class MendProfileFields extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    const tz = browserTimeZone();
    const list = zones();
    if (!list.includes(tz)) list.unshift(tz);
    const today = calendarDay(new Date(), tz);
    setHTML(this, html`
      <div class="field">
        <label class="field-label" for="pf-date">Baby's birth date</label>
        <input id="pf-date" name="delivery_date" type="date" max="${today}" aria-describedby="pf-date-hint pf-date-err">
        <p class="hint" id="pf-date-hint">Mend uses it to count weeks since birth and to suggest what suits this stage.</p>
        <p class="field-error" id="pf-date-err" data-error-for="delivery_date"></p>
      </div>
      <fieldset>
        <legend>How was your baby born?</legend>
        <div class="chips">
          ${DELIVERY_TYPES.map((t) => html`<label class="opt"><input type="radio" name="delivery_type" value="${t}" ${t === 'unspecified' ? 'checked' : ''}><span>${label(t)}</span></label>`)}
        </div>
        <p class="field-error" data-error-for="delivery_type"></p>
      </fieldset>
      <div class="field">
        <label class="field-label" for="pf-tz">Time zone</label>
        <select id="pf-tz" name="timezone" aria-describedby="pf-tz-err">
          ${list.map((z) => html`<option value="${z}" ${z === tz ? 'selected' : ''}>${z.replace(/_/g, ' ')}</option>`)}
        </select>
        <p class="field-error" id="pf-tz-err" data-error-for="timezone"></p>
      </div>`);
  }

  /** @param {{delivery_date?: string, delivery_type?: string, timezone?: string}|null} user */
  fill(user) {
    if (!user) return;
    const d = /** @type {HTMLInputElement} */ (this.querySelector('[name=delivery_date]'));
    d.value = toDay(user.delivery_date ?? '');
    for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (this.querySelectorAll('[name=delivery_type]'))) {
      r.checked = r.value === (user.delivery_type || 'unspecified');
    }
    const sel = /** @type {HTMLSelectElement} */ (this.querySelector('[name=timezone]'));
    if (user.timezone) {
      if (![...sel.options].some((o) => o.value === user.timezone)) sel.add(new Option(user.timezone, user.timezone));
      sel.value = user.timezone;
    }
  }

  /** @returns {{data: {delivery_date: string, delivery_type: string, timezone: string}, errors: Record<string,string>}} */
  values() {
    const date = /** @type {HTMLInputElement} */ (this.querySelector('[name=delivery_date]')).value;
    const type = /** @type {HTMLInputElement|null} */ (this.querySelector('[name=delivery_type]:checked'))?.value ?? 'unspecified';
    const timezone = /** @type {HTMLSelectElement} */ (this.querySelector('[name=timezone]')).value || 'UTC';
    /** @type {Record<string,string>} */
    const errors = {};
    if (date && !isValidDay(date)) errors.delivery_date = 'Enter a real date.';
    else if (date && date > calendarDay(new Date(), timezone)) errors.delivery_date = 'The birth date cannot be in the future.';
    return { data: { delivery_date: date, delivery_type: type, timezone }, errors };
  }

  /** @param {Record<string,string>} errors */
  showErrors(errors) {
    for (const p of this.querySelectorAll('[data-error-for]')) p.textContent = '';
    for (const [k, m] of Object.entries(errors)) {
      const p = this.querySelector(`[data-error-for="${CSS.escape(k)}"]`);
      if (p) p.textContent = m;
    }
  }
}

customElements.define('mend-profile-fields', MendProfileFields);
