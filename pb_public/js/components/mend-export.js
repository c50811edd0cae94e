// <mend-export> — reports for a clinician and raw data: choose a period,
// download PDF, HTML, CSV, JSON or FHIR; create expiring share links; the
// stored reports (<mend-saved-reports>) with copy, share, revoke and delete.
// The period opens on "since birth" (or the first log, if later).
//
// Usage:
//   <mend-export></mend-export>
//
// Downloads go through GET /api/mend/report with the auth token and are
// saved under the Content-Disposition filename. Share links: POST
// /api/mend/reports and DELETE /api/mend/reports/{id}/share.

import { html, setHTML } from '../lib/html.js';
import { addDays, formatDay, isValidDay, toDay } from '../lib/dates.js';
import { reportURL, FORMAT_EXT } from '../lib/download.js';
import { shareKey, reportNameKey, cleanReportName, quotaMessage, MAX_REPORT_NAME } from '../lib/shares.js';
import { firstLogDay } from '../journal.js';
import { expiry } from './mend-saved-reports.js';
import { FORMATS, label } from '../lib/labels.js';
import { errorSummary } from '../lib/errors.js';
import { download, mendSend, todayDay, deliveryDay, currentUser } from '../api.js';

export class MendExport extends HTMLElement {
  /** @type {AbortController|null} */
  #pending = null;

  connectedCallback() {
    const to = todayDay();
    const birth = deliveryDay();
    const sinceBirth = birth && birth <= to;
    const from = sinceBirth ? birth : addDays(to, -89);
    setHTML(this, html`
      <h1 tabindex="-1">Export</h1>
      <p>Make a report for your physical therapist, midwife or doctor, or take your data elsewhere.</p>
      <form class="card" data-period novalidate>
        <h2>Period</h2>
        <div class="chips" role="group" aria-label="Quick periods">
          ${sinceBirth ? html`<button type="button" class="btn small" data-since="${birth}" aria-pressed="true">Since birth</button>` : ''}
          <button type="button" class="btn small" data-days="30" aria-pressed="false">Last 30 days</button>
          <button type="button" class="btn small" data-days="90" aria-pressed="${sinceBirth ? 'false' : 'true'}">Last 90 days</button>
        </div>
        <div class="split">
          <div class="field"><label class="field-label" for="ex-from">From</label>
            <input id="ex-from" name="from" type="date" value="${from}" max="${to}" aria-describedby="ex-from-err"><p class="field-error" id="ex-from-err" data-error-for="from"></p></div>
          <div class="field"><label class="field-label" for="ex-to">To</label>
            <input id="ex-to" name="to" type="date" value="${to}" max="${to}" aria-describedby="ex-to-err"><p class="field-error" id="ex-to-err" data-error-for="to"></p></div>
        </div>
        <div class="field"><label class="field-label" for="ex-name">Name on the report (optional)</label>
          <input id="ex-name" name="name" type="text" maxlength="${MAX_REPORT_NAME}" autocomplete="name" aria-describedby="ex-name-hint">
          <p class="hint" id="ex-name-hint">Printed on the report: your name or an identifier your clinician knows you by. Mend remembers it on this phone only.</p></div>
        <label class="opt"><input type="checkbox" name="notes" checked><span>Include my notes</span></label>
        <p class="hint">Without notes, the report keeps scores, sleep and warning signs but leaves out everything you wrote.</p>
      </form>

      <section class="card">
        <h2>Download</h2>
        <div class="formats">
          <button type="button" class="btn primary" data-format="pdf">Download PDF</button>
          <button type="button" class="btn" data-format="html">HTML</button>
          <button type="button" class="btn" data-format="csv">CSV</button>
          <button type="button" class="btn" data-format="json">JSON</button>
          <button type="button" class="btn" data-format="fhir">FHIR</button>
        </div>
        <p class="hint">PDF and HTML are the clinician report. CSV opens in a spreadsheet. JSON and FHIR are for other apps and health records.</p>
        <div data-progress hidden>
          <progress class="progress" aria-label="Preparing the report"></progress>
          <button type="button" class="link-btn" data-cancel>Cancel</button>
        </div>
        <p class="status notice" role="status" data-status></p>
      </section>

      <form class="card" data-share novalidate>
        <h2>Share link</h2>
        <p>A private link your clinician can open without an account. It stops working when it expires or when you revoke it.</p>
        <div class="split">
          <div class="field"><label class="field-label" for="sh-format">Format</label>
            <select id="sh-format" name="format"><option value="pdf">PDF</option><option value="html">HTML</option></select></div>
          <div class="field"><label class="field-label" for="sh-days">Link works for</label>
            <select id="sh-days" name="share_days">${[1, 3, 7, 14, 30].map((d) => html`<option value="${d}" ${d === 7 ? 'selected' : ''}>${d} day${d === 1 ? '' : 's'}</option>`)}</select></div>
        </div>
        <button type="submit" class="btn">Create share link</button>
        <div data-share-result></div>
        <p class="status notice" role="status" data-share-status></p>
      </form>

      <section class="card" aria-labelledby="stored-h">
        <h2 id="stored-h">Saved reports</h2>
        <mend-saved-reports></mend-saved-reports>
      </section>`);

    const period = /** @type {HTMLFormElement} */ (this.querySelector('[data-period]'));
    const setPeriod = (/** @type {string} */ f, /** @type {string} */ t, /** @type {Element|null} */ pressed) => {
      /** @type {HTMLInputElement} */ (period.elements.namedItem('from')).value = f;
      /** @type {HTMLInputElement} */ (period.elements.namedItem('to')).value = t;
      for (const b of period.querySelectorAll('[aria-pressed]')) b.setAttribute('aria-pressed', String(b === pressed));
    };
    for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (this.querySelectorAll('[data-days]'))) {
      b.addEventListener('click', () => setPeriod(addDays(todayDay(), -(Number(b.dataset.days) - 1)), todayDay(), b));
    }
    const since = this.querySelector('[data-since]');
    since?.addEventListener('click', () => setPeriod(/** @type {HTMLElement} */ (since).dataset.since ?? from, todayDay(), since));
    // Typed dates are no quick period.
    for (const n of ['from', 'to']) period.elements.namedItem(n)?.addEventListener('change', () => {
      for (const b of period.querySelectorAll('[aria-pressed]')) b.setAttribute('aria-pressed', 'false');
    });
    // "Since birth" starts at the first log when that is later.
    if (since) {
      void firstLogDay().then((first) => {
        if (!first || first <= birth || since.getAttribute('aria-pressed') !== 'true') return;
        /** @type {HTMLElement} */ (since).dataset.since = first;
        setPeriod(first, todayDay(), since);
      }).catch(() => { /* keep the birth date */ });
    }
    const nameInput = /** @type {HTMLInputElement} */ (period.elements.namedItem('name'));
    try {
      nameInput.value = localStorage.getItem(reportNameKey(currentUser()?.id ?? '')) ?? '';
    } catch { /* storage blocked */ }
    nameInput.addEventListener('change', () => {
      try {
        localStorage.setItem(reportNameKey(currentUser()?.id ?? ''), cleanReportName(nameInput.value));
      } catch { /* storage full or blocked */ }
    });
    for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (this.querySelectorAll('[data-format]'))) {
      b.addEventListener('click', () => void this.#download(b.dataset.format ?? 'pdf', b));
    }
    this.querySelector('[data-cancel]')?.addEventListener('click', () => this.#pending?.abort());
    this.querySelector('[data-share]')?.addEventListener('submit', (e) => { e.preventDefault(); void this.#share(); });
    this.querySelector('[data-share-result]')?.addEventListener('click', (e) => void this.#onResultClick(e));
  }

  disconnectedCallback() {
    this.#pending?.abort();
  }

  /** @returns {{from: string, to: string, notes: boolean, name: string}|null} */
  #period() {
    const period = /** @type {HTMLFormElement} */ (this.querySelector('[data-period]'));
    const fd = new FormData(period);
    const from = String(fd.get('from') ?? '');
    const to = String(fd.get('to') ?? '');
    const today = todayDay();
    /** @type {Record<string,string>} */
    const errs = {};
    if (!isValidDay(from)) errs.from = 'Choose a start day.';
    if (!isValidDay(to)) errs.to = 'Choose an end day.';
    else if (to > today) errs.to = 'The period cannot end in the future.';
    if (!errs.from && !errs.to && from > to) errs.to = 'The end day must be on or after the start day.';
    for (const p of period.querySelectorAll('[data-error-for]')) p.textContent = errs[/** @type {HTMLElement} */ (p).dataset.errorFor ?? ''] ?? '';
    if (Object.keys(errs).length) {
      /** @type {HTMLElement|null} */ (period.querySelector(`[name="${Object.keys(errs)[0]}"]`))?.focus();
      return null;
    }
    return { from, to, notes: fd.get('notes') !== null, name: cleanReportName(fd.get('name')) };
  }

  /** @param {string} format @param {HTMLButtonElement} button */
  async #download(format, button) {
    const p = this.#period();
    const status = /** @type {HTMLElement} */ (this.querySelector('[data-status]'));
    if (!p || this.#pending) return;
    const progress = /** @type {HTMLElement} */ (this.querySelector('[data-progress]'));
    const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (this.querySelectorAll('[data-format]'));
    for (const b of buttons) b.disabled = true;
    progress.hidden = false;
    status.className = 'status notice';
    status.textContent = format === 'pdf' ? 'Preparing your PDF. This can take a few seconds…' : `Preparing the ${label(format)} file…`;
    this.#pending = new AbortController();
    try {
      const ext = FORMAT_EXT[/** @type {keyof typeof FORMAT_EXT} */ (format)] ?? format;
      const name = await download(reportURL({ ...p, format }), `mend-${p.from}-to-${p.to}.${ext}`, this.#pending.signal);
      status.className = 'status notice ok';
      status.textContent = `Downloaded ${name}.`;
    } catch (/** @type {any} */ err) {
      status.className = 'status notice error';
      status.textContent = err?.name === 'AbortError' ? 'Cancelled.'
        : err?.status === 503 ? `The PDF cannot be made on this server right now: ${err.message} The other formats still work.`
        : `Could not download the report. ${err?.message ?? errorSummary(err)}`;
    } finally {
      this.#pending = null;
      progress.hidden = true;
      for (const b of buttons) b.disabled = false;
      button.focus();
    }
  }

  async #share() {
    const p = this.#period();
    if (!p) return;
    const form = /** @type {HTMLFormElement} */ (this.querySelector('[data-share]'));
    const fd = new FormData(form);
    const status = /** @type {HTMLElement} */ (this.querySelector('[data-share-status]'));
    const result = /** @type {HTMLElement} */ (this.querySelector('[data-share-result]'));
    const saved = /** @type {import('./mend-saved-reports.js').MendSavedReports} */ (this.querySelector('mend-saved-reports'));
    status.className = 'status notice';
    status.textContent = 'Creating the report and its link…';
    try {
      const r = await mendSend('POST', '/api/mend/reports', {
        from: p.from, to: p.to, format: String(fd.get('format') ?? 'pdf'), notes: p.notes, share_days: Number(fd.get('share_days') ?? 7),
        ...(p.name ? { name: p.name } : {}),
      });
      const url = r?.share_url ? new URL(String(r.share_url), location.origin).href : '';
      // The server keeps only the token's hash: this phone keeps the link.
      try {
        if (url) localStorage.setItem(shareKey(currentUser()?.id ?? '', String(r.id)), url);
      } catch { /* storage full or blocked: the link is still shown below */ }
      setHTML(result, url ? html`<p>Link, valid until ${expiry(r.share_expires)}:</p><p class="share-url" data-url>${url}</p>
        <div class="row"><button type="button" class="btn small" data-copy>Copy link</button>
        ${typeof navigator.share === 'function' ? html`<button type="button" class="btn small" data-web-share>Share</button>` : ''}</div>` : html`<p>The report was saved without a link.</p>`);
      status.className = 'status notice ok';
      status.textContent = 'Share link created.';
      void saved.reload();
    } catch (err) {
      const quota = quotaMessage(err);
      status.className = 'status notice error';
      status.textContent = quota || `Could not create the link. ${errorSummary(err, { share_days: 'Link works for', from: 'From', to: 'To', name: 'Name on the report' })}`;
      if (quota) saved.showQuota(quota);
    }
  }

  /** @param {Event} e */
  async #onResultClick(e) {
    const t = /** @type {HTMLElement} */ (e.target);
    const url = this.querySelector('[data-url]')?.textContent ?? '';
    const status = /** @type {HTMLElement} */ (this.querySelector('[data-share-status]'));
    if (t.closest('[data-copy]')) {
      try {
        await navigator.clipboard.writeText(url);
        status.className = 'status notice ok';
        status.textContent = 'Link copied.';
      } catch {
        status.className = 'status notice';
        status.textContent = 'Copying is not allowed here: select the link and copy it by hand.';
      }
    } else if (t.closest('[data-web-share]')) {
      try {
        await navigator.share({ title: 'Mend report', text: 'My pain and recovery report from Mend', url });
      } catch { /* dismissed: nothing to do */ }
    }
  }
}

customElements.define('mend-export', MendExport);
