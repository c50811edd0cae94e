// <mend-revoke-all> — "Revoke all links": every share link of this account
// stops working at once (DELETE /api/mend/reports/shares). Used on Export
// and in Settings. Fires "sharesrevoked" (bubbling) with {revoked: n}.
//
// Usage:
//   <mend-revoke-all></mend-revoke-all>

import { html, setHTML } from '../lib/html.js';
import { errorSummary } from '../lib/errors.js';
import { mendSend } from '../api.js';

export class MendRevokeAll extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    setHTML(this, html`
      <button type="button" class="btn small danger" data-revoke-all>Revoke all links</button>
      <p class="status notice" role="status" data-revoke-status></p>`);
    this.querySelector('[data-revoke-all]')?.addEventListener('click', () => void this.#revoke());
  }

  async #revoke() {
    const status = /** @type {HTMLElement} */ (this.querySelector('[data-revoke-status]'));
    try {
      const r = await mendSend('DELETE', '/api/mend/reports/shares');
      const n = Number(r?.revoked ?? 0);
      status.className = 'status notice ok';
      status.textContent = n === 0 ? 'You had no live share links.' : `${n} link${n === 1 ? '' : 's'} revoked. ${n === 1 ? 'It no longer works' : 'They no longer work'}.`;
      this.dispatchEvent(new CustomEvent('sharesrevoked', { bubbles: true, detail: { revoked: n } }));
    } catch (err) {
      status.className = 'status notice error';
      status.textContent = `Could not revoke the links. ${errorSummary(err)}`;
    }
  }
}

customElements.define('mend-revoke-all', MendRevokeAll);
