// <mend-settings> — profile (birth date, delivery type, time zone), colour
// theme, export of all data, sign out, and account deletion.
//
// Usage:
//   <mend-settings></mend-settings>
//
// Deleting the account asks the person to type DELETE first; the server
// then removes the user and, by cascade, every record that belongs to them.

import { html, setHTML } from '../lib/html.js';
import { errorSummary, fieldErrors } from '../lib/errors.js';
import { currentUser, updateProfile, signOut, deleteAccount, download, todayDay } from '../api.js';
import { pendingCount, hasDrafts, forgetDrafts, forgetLocalData } from '../journal.js';
import { getTheme, setTheme } from '../theme-switch.js';
import './mend-profile-fields.js';
import './mend-revoke-all.js';
import './mend-reminders.js';

export class MendSettings extends HTMLElement {
  #syncTheme = () => {
    for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (this.querySelectorAll('[name=theme]'))) r.checked = r.value === getTheme();
  };

  disconnectedCallback() {
    document.removeEventListener('mend-theme', this.#syncTheme);
  }

  connectedCallback() {
    const user = currentUser();
    const theme = getTheme();
    setHTML(this, html`
      <h1 tabindex="-1">Settings</h1>
      <p class="muted">Signed in as ${user?.email ?? ''}</p>

      <form class="card" data-profile novalidate>
        <h2>About you and your baby</h2>
        <mend-profile-fields></mend-profile-fields>
        <p class="status notice" role="status" data-profile-status></p>
        <button type="submit" class="btn primary">Save changes</button>
      </form>

      <mend-reminders></mend-reminders>

      <section class="card">
        <h2>Appearance</h2>
        <fieldset>
          <legend>Colour theme</legend>
          <div class="chips">
            ${[['system', 'Follow my phone'], ['light', 'Light'], ['dark', 'Dark']].map(([v, l]) => html`<label class="opt"><input type="radio" name="theme" value="${v}" ${theme === v ? 'checked' : ''}><span>${l}</span></label>`)}
          </div>
        </fieldset>
      </section>

      <section class="card">
        <h2>Your data</h2>
        <p>Download everything you have logged in Mend as one JSON file.</p>
        <button type="button" class="btn" data-export-all>Download all my data</button>
        <p class="status notice" role="status" data-export-status></p>
        <p>For a report to give a clinician, use <a href="#/export">Export</a>.</p>
      </section>

      <section class="card" aria-labelledby="links-h">
        <h2 id="links-h">Share links</h2>
        <p>Links you made on Export keep working after a password change, until they expire. Revoking stops every one of them at once.</p>
        <mend-revoke-all></mend-revoke-all>
      </section>

      <section class="card">
        <h2>Session</h2>
        <button type="button" class="btn" data-signout>Sign out</button>
        <p class="notice warn" data-signout-warn hidden></p>
      </section>

      <section class="card" aria-labelledby="danger-h">
        <h2 id="danger-h">Delete account</h2>
        <p>This deletes your account and everything in it: every log, note, report and share link. It cannot be undone. You may want to download your data first.</p>
        <button type="button" class="btn danger" data-delete-start>Delete my account…</button>
        <form data-delete-form hidden novalidate>
          <div class="field">
            <label class="field-label" for="del-confirm">Type DELETE to confirm</label>
            <input id="del-confirm" name="confirm" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false">
          </div>
          <div class="row">
            <button type="submit" class="btn danger primary">Delete my account and all my data</button>
            <button type="button" class="btn" data-delete-cancel>Keep my account</button>
          </div>
          <p class="status notice" role="status" data-delete-status></p>
        </form>
      </section>`);

    const fields = /** @type {import('./mend-profile-fields.js').MendProfileFields} */ (this.querySelector('mend-profile-fields'));
    fields.fill(user);

    const pStatus = /** @type {HTMLElement} */ (this.querySelector('[data-profile-status]'));
    this.querySelector('[data-profile]')?.addEventListener('submit', async (e) => {
      e.preventDefault();
      const { data, errors } = fields.values();
      fields.showErrors(errors);
      if (Object.keys(errors).length) return say(pStatus, 'Please check the marked fields.', 'error');
      say(pStatus, 'Saving…', '');
      try {
        await updateProfile(data);
        say(pStatus, 'Saved', 'ok');
      } catch (err) {
        fields.showErrors(fieldErrors(err));
        say(pStatus, errorSummary(err, { delivery_date: "Baby's birth date", timezone: 'Time zone' }), 'error');
      }
    });

    for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (this.querySelectorAll('[name=theme]'))) {
      r.addEventListener('change', () => setTheme(/** @type {any} */ (r.value)));
    }
    // The header's theme button and this choice stay in step.
    document.addEventListener('mend-theme', this.#syncTheme);

    const eStatus = /** @type {HTMLElement} */ (this.querySelector('[data-export-status]'));
    this.querySelector('[data-export-all]')?.addEventListener('click', async () => {
      say(eStatus, 'Preparing your data…', '');
      try {
        const name = await download('/api/mend/export', `mend-export-${todayDay()}.json`);
        say(eStatus, `Downloaded ${name}.`, 'ok');
      } catch (err) {
        say(eStatus, `Could not export: ${errorSummary(err)}`, 'error');
      }
    });

    const warn = /** @type {HTMLElement} */ (this.querySelector('[data-signout-warn]'));
    this.querySelector('[data-signout]')?.addEventListener('click', () => {
      const n = pendingCount();
      const drafts = hasDrafts();
      if ((n || drafts) && warn.hidden) {
        warn.hidden = false;
        const parts = [];
        if (n) parts.push(`${n} log${n === 1 ? ' is' : 's are'} still waiting to be sent. They will be sent when you sign in again on this phone.`);
        if (drafts) parts.push('Unsaved drafts on this phone will be removed.');
        warn.textContent = `${parts.join(' ')} Tap Sign out again to sign out anyway.`;
        return;
      }
      // Drafts hold free-text notes: they do not stay on a shared phone.
      // Queued logs stay (they belong to this account and are sent later).
      forgetDrafts();
      signOut();
      location.hash = '#/signin';
    });

    const delForm = /** @type {HTMLFormElement} */ (this.querySelector('[data-delete-form]'));
    const delStart = /** @type {HTMLButtonElement} */ (this.querySelector('[data-delete-start]'));
    const dStatus = /** @type {HTMLElement} */ (this.querySelector('[data-delete-status]'));
    delStart.addEventListener('click', () => {
      delForm.hidden = false;
      delStart.hidden = true;
      /** @type {HTMLInputElement} */ (delForm.elements.namedItem('confirm')).focus();
    });
    this.querySelector('[data-delete-cancel]')?.addEventListener('click', () => {
      delForm.hidden = true;
      delStart.hidden = false;
      delStart.focus();
    });
    delForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const typed = String(new FormData(delForm).get('confirm') ?? '').trim();
      if (typed.toUpperCase() !== 'DELETE') return say(dStatus, 'Type DELETE in the box to confirm.', 'error');
      say(dStatus, 'Deleting…', '');
      try {
        const id = currentUser()?.id ?? '';
        await deleteAccount();
        // Only this account's drafts, flags and outbox items: another
        // account's items on this phone are theirs to send.
        forgetLocalData(id);
        location.hash = '#/signin';
        sessionStorage.setItem('mend.flash', 'Your account and all its data were deleted.');
      } catch (err) {
        say(dStatus, `Could not delete the account: ${errorSummary(err)}`, 'error');
      }
    });
  }
}

/**
 * @param {HTMLElement} el
 * @param {string} text
 * @param {''|'ok'|'error'} kind
 */
function say(el, text, kind) {
  el.className = `status notice ${kind}`;
  el.textContent = text;
}

customElements.define('mend-settings', MendSettings);
