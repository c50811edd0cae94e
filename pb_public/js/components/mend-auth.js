// <mend-auth> — sign in, create an account, or ask for a password reset.
//
// Usage:
//   <mend-auth mode="signin"></mend-auth>   (modes: signin, signup, reset)
//
// On success it navigates: a new account goes to onboarding (#/welcome),
// a sign-in to the page asked for before (sessionStorage "mend.next") or Today.

import { html, setHTML } from '../lib/html.js';
import { errorSummary, fieldErrors } from '../lib/errors.js';

/** Sign-up with an email that already has an account (code validation_not_unique). */
const TAKEN = 'There is already an account with this email. Sign in instead, or reset your password if you have forgotten it.';
import { signIn, signUp, requestPasswordReset } from '../api.js';

export class MendAuth extends HTMLElement {
  connectedCallback() {
    const mode = this.getAttribute('mode') ?? 'signin';
    const heading = { signin: 'Sign in', signup: 'Create your account', reset: 'Reset your password' }[mode] ?? 'Sign in';
    const submit = { signin: 'Sign in', signup: 'Create account', reset: 'Send reset link' }[mode] ?? 'Sign in';
    setHTML(this, html`
      <h1 tabindex="-1">${heading}</h1>
      ${mode === 'signup' ? html`<p>Mend is a journal for pain, mood and sleep after birth. Other users never see what you log, but the people who run this Mend server (its administrators) can read every journal in its dashboard. Use a server run by someone you trust.</p>` : ''}
      ${mode === 'reset' ? html`<p>Enter your email and Mend will send you a link to choose a new password.</p>` : ''}
      <form class="card" novalidate>
        <div class="field">
          <label class="field-label" for="auth-email">Email</label>
          <input id="auth-email" name="email" type="email" autocomplete="email" inputmode="email" required aria-describedby="auth-email-err">
          <p class="field-error" id="auth-email-err" data-error-for="email"></p>
        </div>
        ${mode !== 'reset' ? html`
        <div class="field">
          <label class="field-label" for="auth-password">Password</label>
          <input id="auth-password" name="password" type="password" required minlength="${mode === 'signup' ? 10 : 1}"
            autocomplete="${mode === 'signup' ? 'new-password' : 'current-password'}" aria-describedby="auth-password-err ${mode === 'signup' ? 'auth-password-hint' : ''}">
          ${mode === 'signup' ? html`<p class="hint" id="auth-password-hint">At least 10 characters.</p>` : ''}
          <p class="field-error" id="auth-password-err" data-error-for="password"></p>
          <label class="opt"><input type="checkbox" data-show-password><span>Show password</span></label>
        </div>` : ''}
        <p class="status notice" role="status" data-status></p>
        <button type="submit" class="btn primary block">${submit}</button>
      </form>
      <p>
        ${mode !== 'signin' ? html`<a href="#/signin">I have an account: sign in</a><br>` : ''}
        ${mode !== 'signup' ? html`<a href="#/signup">New here? Create an account</a><br>` : ''}
        ${mode !== 'reset' ? html`<a href="#/reset">Forgot your password?</a>` : ''}
      </p>
      <p><a href="#/library">Read the library without an account</a></p>`);

    const form = /** @type {HTMLFormElement} */ (this.querySelector('form'));
    const status = /** @type {HTMLElement} */ (this.querySelector('[data-status]'));
    this.querySelector('[data-show-password]')?.addEventListener('change', (e) => {
      const pw = /** @type {HTMLInputElement} */ (form.elements.namedItem('password'));
      pw.type = /** @type {HTMLInputElement} */ (e.target).checked ? 'text' : 'password';
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      for (const p of this.querySelectorAll('[data-error-for]')) p.textContent = '';
      const email = String(new FormData(form).get('email') ?? '').trim();
      const password = String(new FormData(form).get('password') ?? '');
      /** @type {Record<string,string>} */
      const errs = {};
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errs.email = 'Enter an email address like name@example.com.';
      if (mode !== 'reset' && password.length < (mode === 'signup' ? 10 : 1)) errs.password = mode === 'signup' ? 'Use at least 10 characters.' : 'Enter your password.';
      if (Object.keys(errs).length) return this.#showErrors(errs, status, 'Please check the marked fields.');
      const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
      button.disabled = true;
      status.className = 'status notice';
      status.textContent = mode === 'reset' ? 'Sending…' : mode === 'signup' ? 'Creating your account…' : 'Signing in…';
      try {
        if (mode === 'signup') {
          await signUp(email, password);
          location.hash = '#/welcome';
        } else if (mode === 'signin') {
          await signIn(email, password);
          const next = sessionStorage.getItem('mend.next');
          sessionStorage.removeItem('mend.next');
          location.hash = next && next.startsWith('#/') ? next : '#/today';
        } else {
          await requestPasswordReset(email);
          status.className = 'status notice ok';
          status.textContent = 'If that email has an account, a reset link is on its way. Check your inbox.';
        }
      } catch (/** @type {any} */ err) {
        const taken = mode === 'signup' && err?.response?.data?.email?.code === 'validation_not_unique';
        const msg = mode === 'signin' && err?.status === 400
          ? 'That email and password do not match an account.'
          : taken ? TAKEN : errorSummary(err, { email: 'Email', password: 'Password' });
        this.#showErrors(taken ? { email: TAKEN } : fieldErrors(err), status, msg);
      } finally {
        button.disabled = false;
      }
    });
  }

  /**
   * @param {Record<string,string>} errs
   * @param {HTMLElement} status
   * @param {string} summary
   */
  #showErrors(errs, status, summary) {
    for (const [k, m] of Object.entries(errs)) {
      const p = this.querySelector(`[data-error-for="${CSS.escape(k)}"]`);
      if (p) p.textContent = m;
    }
    status.className = 'status notice error';
    status.textContent = summary;
    const first = Object.keys(errs)[0];
    if (first) /** @type {HTMLElement|null} */ (this.querySelector(`[name="${CSS.escape(first)}"]`))?.focus();
  }
}

customElements.define('mend-auth', MendAuth);
