// <mend-reminders> — the Settings card for daily reminders: the time, the
// channels (email, a notification on this device) and "Turn reminders off"
// in one tap. Saving writes users.reminder_time and reminder_channels; the
// server's mend_reminders job does the rest.
//
// Usage:
//   <mend-reminders></mend-reminders>

import { html, setHTML } from '../lib/html.js';
import { errorSummary } from '../lib/errors.js';
import { pushBlocker } from '../lib/push.js';
import { currentUser, pb, updateProfile } from '../api.js';
import { pushEnv, subscribePush, unsubscribePush } from '../sw-register.js';

const PUSH_NOTES = {
  insecure: 'Notifications need Mend opened over HTTPS. Email reminders still work.',
  unsupported: 'This browser cannot show notifications from Mend. On an iPhone, add Mend to the Home Screen first.',
  denied: 'Notifications are blocked for Mend in this browser. Allow them in the browser settings, then try again.',
};

export class MendReminders extends HTMLElement {
  connectedCallback() {
    const user = currentUser();
    const channels = /** @type {string[]} */ (/** @type {any} */ (user)?.reminder_channels ?? []);
    setHTML(this, html`
      <section class="card" aria-labelledby="rem-h">
        <h2 id="rem-h">Reminders</h2>
        <p>Mend can remind you once a day, at a time you choose, on days you have not logged yet. A reminder never shows what you logged.</p>
        <p class="notice" data-rem-state></p>
        <form data-rem-form novalidate>
          <div class="field">
            <label class="field-label" for="rem-time">Remind me at</label>
            <input id="rem-time" name="reminder_time" type="time" value="${user?.reminder_time || '20:00'}" aria-describedby="rem-time-hint">
            <p class="hint" id="rem-time-hint">Your time zone: ${user?.timezone || 'UTC'}.</p>
          </div>
          <fieldset>
            <legend>Remind me by</legend>
            <div class="chips">
              <label class="opt"><input type="checkbox" name="channel" value="email" ${channels.includes('email') ? 'checked' : ''}><span>Email</span></label>
              <label class="opt"><input type="checkbox" name="channel" value="push" ${channels.includes('push') ? 'checked' : ''}><span>Notification on this device</span></label>
            </div>
            <p class="hint" data-push-note hidden></p>
            <p class="hint" data-email-note ${user?.verified ? 'hidden' : ''}>Email reminders go only to a confirmed address.
              <button type="button" class="btn small" data-verify>Send me a confirmation email</button></p>
          </fieldset>
          <div class="row">
            <button type="submit" class="btn primary">Save reminders</button>
            <button type="button" class="btn" data-rem-off>Turn reminders off</button>
          </div>
          <p class="status notice" role="status" data-rem-status></p>
        </form>
      </section>`);

    const form = /** @type {HTMLFormElement} */ (this.querySelector('[data-rem-form]'));
    const status = /** @type {HTMLElement} */ (this.querySelector('[data-rem-status]'));
    const push = /** @type {HTMLInputElement} */ (form.querySelector('[value=push]'));
    const blocker = pushBlocker(pushEnv());
    if (blocker) {
      const note = /** @type {HTMLElement} */ (this.querySelector('[data-push-note]'));
      note.hidden = false;
      note.textContent = PUSH_NOTES[blocker];
      if (!push.checked) push.disabled = true;
    }
    this.showState();

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const time = String(new FormData(form).get('reminder_time') ?? '');
      const chosen = [...form.querySelectorAll('[name=channel]:checked')].map((el) => /** @type {HTMLInputElement} */ (el).value);
      if (chosen.length && !/^\d{2}:\d{2}$/.test(time)) return say(status, 'Choose a time for the reminder.', 'error');
      say(status, 'Saving…', '');
      try {
        if (chosen.includes('push')) {
          if ((await subscribePush()) === 'denied') {
            push.checked = false;
            return say(status, PUSH_NOTES.denied, 'error');
          }
        } else {
          await unsubscribePush();
        }
        await updateProfile(/** @type {any} */ ({ reminder_time: time, reminder_channels: chosen }));
        this.showState();
        say(status, chosen.length ? 'Reminders saved.' : 'Saved. Reminders are off.', 'ok');
      } catch (err) {
        say(status, `Could not save reminders: ${errorSummary(err, { reminder_time: 'Time' })}`, 'error');
      }
    });

    this.querySelector('[data-rem-off]')?.addEventListener('click', async () => {
      say(status, 'Turning reminders off…', '');
      try {
        await updateProfile(/** @type {any} */ ({ reminder_channels: [] }));
        for (const el of form.querySelectorAll('[name=channel]')) /** @type {HTMLInputElement} */ (el).checked = false;
        this.showState();
        say(status, 'Reminders are off.', 'ok');
        await unsubscribePush().catch(() => {}); // the server sends nothing now anyway
      } catch (err) {
        say(status, `Could not turn reminders off: ${errorSummary(err)}`, 'error');
      }
    });

    this.querySelector('[data-verify]')?.addEventListener('click', async () => {
      try {
        await pb.collection('users').requestVerification(currentUser()?.email ?? '');
        say(status, `We sent a confirmation link to ${currentUser()?.email ?? 'your address'}.`, 'ok');
      } catch (err) {
        say(status, `Could not send the email: ${errorSummary(err)}`, 'error');
      }
    });
  }

  /** Says in words whether reminders are on, when and how. */
  showState() {
    const u = /** @type {any} */ (currentUser());
    const ch = /** @type {string[]} */ (u?.reminder_channels ?? []);
    const el = /** @type {HTMLElement} */ (this.querySelector('[data-rem-state]'));
    const how = ch.map((c) => (c === 'email' ? 'email' : 'notification')).join(' and ');
    el.textContent = ch.length && u?.reminder_time ? `Reminders are on: ${u.reminder_time} each day, by ${how}.` : 'Reminders are off.';
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

customElements.define('mend-reminders', MendReminders);
