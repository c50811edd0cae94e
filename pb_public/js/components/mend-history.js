// <mend-history> — logged days as a list or a month calendar, coloured by
// the day's highest pain. Each day opens <mend-day> to edit or delete.
//
// Usage:
//   <mend-history view="calendar" month="2026-02"></mend-history>   (view: list | calendar)

import { html, setHTML } from '../lib/html.js';
import { addDays, addMonths, formatDay, monthGrid, isValidDay } from '../lib/dates.js';
import { painBandKey, painLabel } from '../lib/pain.js';
import { errorSummary } from '../lib/errors.js';
import { todayDay } from '../api.js';
import { loadRange } from '../journal.js';

/**
 * @typedef {{day: string, peak: number|null, count: number, mood: number|null, stress: number|null, sleep: number|null, note: string, flags: number}} DaySummary
 */

export class MendHistory extends HTMLElement {
  connectedCallback() {
    const view = this.getAttribute('view') === 'list' ? 'list' : 'calendar';
    const today = todayDay();
    const m = this.getAttribute('month') ?? '';
    const month = isValidDay(`${m}-01`) && `${m}-01` <= today ? `${m}-01` : `${today.slice(0, 7)}-01`;
    const prev = addMonths(month, -1).slice(0, 7);
    const next = addMonths(month, 1);
    const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}T00:00:00Z`));
    setHTML(this, html`
      <h1 tabindex="-1">History</h1>
      <div class="tabs" role="group" aria-label="View">
        <a class="btn small ${view === 'calendar' ? 'primary' : ''}" href="#/history/calendar/${month.slice(0, 7)}" ${view === 'calendar' ? html`aria-current="true"` : ''}>Calendar</a>
        <a class="btn small ${view === 'list' ? 'primary' : ''}" href="#/history/list/${month.slice(0, 7)}" ${view === 'list' ? html`aria-current="true"` : ''}>List</a>
      </div>
      <div class="month-nav">
        <a class="btn small" href="#/history/${view}/${prev}" aria-label="Previous month">‹</a>
        <h2>${monthName}</h2>
        ${next <= today ? html`<a class="btn small" href="#/history/${view}/${next.slice(0, 7)}" aria-label="Next month">›</a>` : html`<span></span>`}
      </div>
      <div data-body aria-live="polite"><p class="hint">Loading…</p></div>`);
    void this.#load(view, month, today);
  }

  /** @param {string} view @param {string} month @param {string} today */
  async #load(view, month, today) {
    const body = /** @type {HTMLElement} */ (this.querySelector('[data-body]'));
    const last = addDays(addMonths(month, 1), -1);
    const to = last < today ? last : today;
    try {
      const r = await loadRange(month, to);
      const days = summarise(r);
      if (view === 'list') this.#list(body, days);
      else this.#calendar(body, month, days, today);
    } catch (err) {
      setHTML(body, html`<p class="notice error">Could not load this month. ${errorSummary(err)}</p>`);
    }
  }

  /** @param {HTMLElement} body @param {Map<string, DaySummary>} days */
  #list(body, days) {
    const list = [...days.values()].sort((a, b) => b.day.localeCompare(a.day));
    if (!list.length) {
      setHTML(body, html`<p>Nothing logged this month. <a href="#/today">Log today</a>, or open an earlier day from Today to fill it in.</p>`);
      return;
    }
    setHTML(body, html`<ul class="day-list">${list.map((d) => html`
      <li><a href="#/day/${d.day}">
        <strong>${formatDay(d.day, { weekday: 'long' })}</strong>
        ${d.peak !== null ? html`<span class="pill band-${painBandKey(d.peak)}">Highest pain ${painLabel(d.peak)}</span> ` : ''}
        <span class="muted">${d.count} pain reading${d.count === 1 ? '' : 's'}${d.mood !== null ? ` · mood ${d.mood} of 5` : ''}${d.stress !== null ? ` · stress ${d.stress}` : ''}${typeof d.sleep === 'number' ? ` · slept ${d.sleep} h` : ''}${d.flags ? ` · ${d.flags} warning sign${d.flags === 1 ? '' : 's'}` : ''}</span>
        ${d.note ? html`<span class="clip">${d.note}</span>` : ''}
      </a></li>`)}</ul>`);
  }

  /** @param {HTMLElement} body @param {string} month @param {Map<string, DaySummary>} days @param {string} today */
  #calendar(body, month, days, today) {
    const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    setHTML(body, html`
      <table class="calendar">
        <thead><tr>${names.map((n) => html`<th scope="col">${n}</th>`)}</tr></thead>
        <tbody>${monthGrid(month).map((week) => html`<tr>${week.map((d) => {
          if (!d) return html`<td></td>`;
          const s = days.get(d);
          const n = Number(d.slice(8));
          if (d > today) return html`<td><span class="cell">${n}</span></td>`;
          const name = `${formatDay(d, { weekday: 'long' })}: ${s?.peak !== null && s?.peak !== undefined ? `highest pain ${painLabel(s.peak)}` : s ? 'logged' : 'nothing logged'}`;
          return html`<td><a href="#/day/${d}" class="${s?.peak !== null && s?.peak !== undefined ? `band-${painBandKey(s.peak)}` : ''} ${d === today ? 'today' : ''}" aria-label="${name}">${n}${s?.peak !== null && s?.peak !== undefined ? html`<small>${s.peak}</small>` : ''}</a></td>`;
        })}</tr>`)}</tbody>
      </table>
      <p class="hint">Each day shows its highest pain: green no pain, yellow mild, orange moderate, red severe. Tap a day to see, edit or fill it in.</p>`);
  }
}

/**
 * One summary per logged day.
 * @param {Awaited<ReturnType<typeof loadRange>>} r
 * @returns {Map<string, DaySummary>}
 */
export function summarise(r) {
  /** @type {Map<string, DaySummary>} */
  const m = new Map();
  const get = (/** @type {string} */ day) => {
    const d = day.slice(0, 10);
    let s = m.get(d);
    if (!s) m.set(d, (s = { day: d, peak: null, count: 0, mood: null, stress: null, sleep: null, note: '', flags: 0 }));
    return s;
  };
  for (const p of r.pain) {
    const s = get(p.day);
    s.count++;
    s.peak = s.peak === null ? p.score : Math.max(s.peak, p.score);
  }
  for (const x of r.mood) get(x.day).mood = x.score;
  for (const x of r.stress) get(x.day).stress = x.score;
  for (const e of r.entries) {
    const s = get(e.day);
    s.sleep = typeof e.sleep_hours === 'number' ? e.sleep_hours : null; // 0 = a night without sleep
    s.note = e.notes || e.sleep_notes || e.stress_notes || '';
    s.flags = (e.red_flags ?? []).length;
  }
  return m;
}

customElements.define('mend-history', MendHistory);
