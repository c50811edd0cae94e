// <mend-onboarding> — the first step after creating an account: baby's
// birth date, delivery type and time zone (preset from the browser).
//
// Usage:
//   <mend-onboarding></mend-onboarding>
//
// "Continue" saves them to the user record and opens Today; "Skip for now"
// opens Today without them (they can be set later in Settings).

import { html, setHTML } from '../lib/html.js';
import { errorSummary, fieldErrors } from '../lib/errors.js';
import { currentUser, updateProfile } from '../api.js';
import './mend-profile-fields.js';

export class MendOnboarding extends HTMLElement {
  connectedCallback() {
    setHTML(this, html`
      <h1 tabindex="-1">Welcome to Mend</h1>
      <p>Three quick questions so Mend can count weeks since birth and show what suits you now.</p>
      <form class="card" novalidate>
        <mend-profile-fields></mend-profile-fields>
        <p class="status notice" role="status" data-status></p>
        <button type="submit" class="btn primary block">Continue</button>
      </form>
      <p><button type="button" class="link-btn" data-skip>Skip for now</button></p>`);
    const fields = /** @type {import('./mend-profile-fields.js').MendProfileFields} */ (this.querySelector('mend-profile-fields'));
    const user = currentUser();
    if (user?.delivery_date) fields.fill(user);
    const status = /** @type {HTMLElement} */ (this.querySelector('[data-status]'));
    const done = () => {
      if (user) localStorage.setItem(`mend.onboarded.${user.id}`, '1');
      location.hash = '#/today';
    };
    this.querySelector('[data-skip]')?.addEventListener('click', done);
    this.querySelector('form')?.addEventListener('submit', async (e) => {
      e.preventDefault();
      const { data, errors } = fields.values();
      fields.showErrors(errors);
      if (Object.keys(errors).length) {
        status.className = 'status notice error';
        status.textContent = 'Please check the marked fields.';
        return;
      }
      status.className = 'status notice';
      status.textContent = 'Saving…';
      try {
        await updateProfile(data);
        done();
      } catch (err) {
        fields.showErrors(fieldErrors(err));
        status.className = 'status notice error';
        status.textContent = errorSummary(err, { delivery_date: "Baby's birth date", delivery_type: 'Delivery type', timezone: 'Time zone' });
      }
    });
  }
}

customElements.define('mend-onboarding', MendOnboarding);
