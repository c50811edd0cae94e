// <mend-saved-reports> — the stored reports on Export: Download, and while
// a share link is live "Copy link", "Share" (the phone's share sheet, where
// the browser has the Web Share API) and "Revoke link"; "Delete" per report;
// "Revoke all links"; and, when the server refuses a new report because
// the quota is full, its message with a way to delete the oldest reports.
//
// Usage:
//   <mend-saved-reports></mend-saved-reports>
//   el.reload(); el.showQuota(message);
//
// The server keeps only a hash of a link's token, so Copy and Share work
// for links made on this phone (kept in localStorage, see lib/shares.js).

import { html, setHTML } from '../lib/html.js';
import { formatDay, toDay } from '../lib/dates.js';
import { FORMAT_EXT } from '../lib/download.js';
import { label } from '../lib/labels.js';
import { errorSummary } from '../lib/errors.js';
import { shareKey, isLive, oldestDeletable } from '../lib/shares.js';
import { pb, download, mendSend, fileURL, currentUser } from '../api.js';
import { askToDelete } from '../confirm.js';
import './mend-revoke-all.js';

/** How many reports "Delete the oldest" removes at once. */
const CLEAN_BATCH = 5;

export class MendSavedReports extends HTMLElement {
  /** @type {any[]} */
  #items = [];

  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    setHTML(this, html`
      <div data-quota hidden></div>
      <div data-reports><p class="hint">Loading…</p></div>
      <p class="status notice" role="status" data-list-status></p>
      <p class="hint">Share links keep working after you change your password. To stop them, revoke them here.</p>
      <mend-revoke-all></mend-revoke-all>`);
    this.addEventListener('click', (e) => void this.#onClick(e));
    this.addEventListener('sharesrevoked', () => void this.reload());
    void this.reload();
  }

  /** @param {string} text @param {''|'ok'|'error'} kind */
  #status(text, kind) {
    const s = /** @type {HTMLElement} */ (this.querySelector('[data-list-status]'));
    s.className = `status notice ${kind}`;
    s.textContent = text;
  }

  /** @param {string} id */
  #link(id) {
    try {
      return localStorage.getItem(shareKey(currentUser()?.id ?? '', id)) ?? '';
    } catch {
      return '';
    }
  }

  async reload() {
    const box = /** @type {HTMLElement} */ (this.querySelector('[data-reports]'));
    try {
      const list = await pb.collection('reports').getList(1, 100, { sort: '-created', skipTotal: true });
      this.#items = list.items;
      if (!list.items.length) {
        setHTML(box, html`<p class="hint">No saved reports yet. Creating a share link saves one.</p>`);
        return;
      }
      const now = new Date();
      const canShare = typeof navigator.share === 'function';
      setHTML(box, html`<ul class="saved-reports">${list.items.map((/** @type {any} */ r) => {
        const live = isLive(r.share_expires, now);
        const link = live ? this.#link(r.id) : '';
        const period = `${toDay(r.from_day) ? formatDay(toDay(r.from_day)) : ''} – ${toDay(r.to_day) ? formatDay(toDay(r.to_day), { year: true }) : ''}`;
        return html`<li data-id="${r.id}">
          <strong>${period}</strong> <span class="muted">${label(String(r.format ?? ''))}</span>
          <p class="hint">${live ? `Link works until ${expiry(r.share_expires)}${link ? '' : ' (made on another device: only revoking works here)'}.` : 'No live link.'}</p>
          <div class="row">${r.file ? html`<button type="button" class="btn small" data-get aria-label="Download report ${period}">Download</button>` : ''}
            ${link ? html`<button type="button" class="btn small" data-copy aria-label="Copy link to report ${period}">Copy link</button>` : ''}
            ${link && canShare ? html`<button type="button" class="btn small" data-web-share aria-label="Share report ${period}">Share</button>` : ''}
            ${live ? html`<button type="button" class="btn small danger" data-revoke aria-label="Revoke link to report ${period}">Revoke link</button>` : ''}
            <button type="button" class="btn small danger" data-delete aria-label="Delete report ${period}">Delete</button></div></li>`;
      })}</ul>`);
    } catch (err) {
      setHTML(box, html`<p class="notice error">Saved reports could not be loaded. ${errorSummary(err)}</p>`);
    }
  }

  /**
   * Shows the server's quota message and a button that deletes the oldest
   * reports without a live link.
   * @param {string} message
   */
  showQuota(message) {
    const box = /** @type {HTMLElement} */ (this.querySelector('[data-quota]'));
    box.hidden = false;
    setHTML(box, html`<div class="notice error"><p>${message}</p>
      <button type="button" class="btn small danger" data-clean>Delete the ${CLEAN_BATCH} oldest reports</button>
      <p class="hint">Reports with a live link are kept. Deleted reports can be made again from your journal.</p></div>`);
    /** @type {HTMLElement} */ (box.querySelector('[data-clean]')).focus();
  }

  /** @param {Event} e */
  async #onClick(e) {
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.closest('[data-clean]')) return this.#clean();
    const li = /** @type {HTMLElement|null} */ (t.closest('li[data-id]'));
    const r = this.#items.find((x) => x.id === li?.dataset.id);
    if (!li || !r) return;
    const link = this.#link(r.id);
    if (t.closest('[data-copy]')) {
      try {
        await navigator.clipboard.writeText(link);
        this.#status('Link copied.', 'ok');
      } catch {
        this.#status(`Copying is not allowed here. The link is: ${link}`, '');
      }
    } else if (t.closest('[data-web-share]')) {
      try {
        await navigator.share({ title: 'Mend report', text: 'My pain and recovery report from Mend', url: link });
      } catch (/** @type {any} */ err) {
        if (err?.name !== 'AbortError') this.#status(`Could not open sharing. The link is: ${link}`, '');
      }
    } else if (t.closest('[data-revoke]')) {
      try {
        await mendSend('DELETE', `/api/mend/reports/${encodeURIComponent(r.id)}/share`);
        this.#forget(r.id);
        this.#status('Link revoked. It no longer works.', 'ok');
        await this.reload();
      } catch (err) {
        this.#status(`Could not revoke the link. ${errorSummary(err)}`, 'error');
      }
    } else if (t.closest('[data-delete]')) {
      askToDelete(/** @type {HTMLElement} */ (t.closest('[data-delete]')), async () => {
        try {
          await pb.collection('reports').delete(r.id);
          this.#forget(r.id);
          this.#status('Report deleted.', 'ok');
          await this.reload();
        } catch (err) {
          this.#status(`Could not delete the report. ${errorSummary(err)}`, 'error');
        }
      });
    } else if (t.closest('[data-get]')) {
      try {
        const url = await fileURL(r, r.file, { protected: true });
        const ext = FORMAT_EXT[/** @type {keyof typeof FORMAT_EXT} */ (r.format)] ?? 'bin';
        await download(url, `mend-${toDay(r.from_day)}-to-${toDay(r.to_day)}.${ext}`);
      } catch (err) {
        this.#status(`Could not download the report. ${errorSummary(err)}`, 'error');
      }
    }
  }

  async #clean() {
    const all = await pb.collection('reports').getFullList({ sort: 'created', fields: 'id,created,share_expires' });
    const gone = oldestDeletable(all, new Date(), CLEAN_BATCH);
    try {
      for (const r of gone) {
        await pb.collection('reports').delete(r.id);
        this.#forget(r.id);
      }
      /** @type {HTMLElement} */ (this.querySelector('[data-quota]')).hidden = true;
      this.#status(gone.length ? `Deleted ${gone.length} old report${gone.length === 1 ? '' : 's'}. You can save a new one now.` : 'Every saved report has a live link: revoke one first.', gone.length ? 'ok' : 'error');
      await this.reload();
    } catch (err) {
      this.#status(`Could not delete old reports. ${errorSummary(err)}`, 'error');
    }
  }

  /** @param {string} id */
  #forget(id) {
    try {
      localStorage.removeItem(shareKey(currentUser()?.id ?? '', id));
    } catch { /* storage blocked: nothing kept */ }
  }
}

/** @param {unknown} v */
export function expiry(v) {
  if (typeof v !== 'string' || !v) return '';
  const t = new Date(v.replace(' ', 'T'));
  return Number.isNaN(t.getTime()) ? '' : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

customElements.define('mend-saved-reports', MendSavedReports);
