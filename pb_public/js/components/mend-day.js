// <mend-day> — one day in full: every pain, mood and stress reading and the
// day's entry, each editable and deletable (with an inline confirmation).
//
// Usage:
//   <mend-day day="2026-02-03"></mend-day>
//
// Readings are edited in place (score, and for pain: areas, activity and
// note); the entry is edited in the log form (#/today/<day>).

import { html, setHTML } from '../lib/html.js';
import { formatDay, isValidDay, readingWhen } from '../lib/dates.js';
import { painBandKey, painLabel } from '../lib/pain.js';
import { AREAS, ACTIVITIES, label } from '../lib/labels.js';
import { errorSummary, fieldErrors } from '../lib/errors.js';
import { parseIntInRange } from '../lib/form.js';
import { todayDay, userTimeZone } from '../api.js';
import { loadDay, updateScore, deleteRecord, listExercises } from '../journal.js';
import { sleepWords } from '../lib/sleep.js';
import './mend-scale.js';
import './mend-mood.js';

const KINDS = /** @type {const} */ ({
  pain_scores: { name: 'Pain', min: 0, max: 10 },
  mood_scores: { name: 'Mood', min: 1, max: 5 },
  stress_scores: { name: 'Stress', min: 0, max: 10 },
});

export class MendDay extends HTMLElement {
  /** @type {import('../journal.js').DayData|null} */
  #data = null;
  /** Exercise names by id, to name the ones done. @type {Map<string, string>} */
  #names = new Map();

  connectedCallback() {
    const d = this.getAttribute('day') ?? '';
    this.day = isValidDay(d) && d <= todayDay() ? d : todayDay();
    setHTML(this, html`
      <h1 tabindex="-1">${formatDay(this.day, { weekday: 'long', year: true })}</h1>
      <p class="row"><a class="btn small" href="#/today/${this.day}">Add or edit this day's log</a>
        <a class="btn small" href="#/history/calendar/${this.day.slice(0, 7)}">Back to the calendar</a></p>
      <p class="status notice" role="status" data-status></p>
      <div data-body><p class="hint">Loading…</p></div>`);
    this.addEventListener('click', (e) => this.#onClick(e));
    this.addEventListener('submit', (e) => this.#onSubmit(e));
    void this.#load();
  }

  async #load() {
    const body = /** @type {HTMLElement} */ (this.querySelector('[data-body]'));
    try {
      const [data, list] = await Promise.all([loadDay(this.day), listExercises().catch(() => [])]);
      this.#data = data;
      this.#names = new Map(list.map((/** @type {any} */ x) => [x.id, String(x.name ?? '')]));
      this.#render(body);
    } catch (err) {
      setHTML(body, html`<p class="notice error">Could not load this day. ${errorSummary(err)}</p>`);
    }
  }

  /** @param {HTMLElement} body */
  #render(body) {
    const d = /** @type {import('../journal.js').DayData} */ (this.#data);
    const tz = userTimeZone();
    const row = (/** @type {keyof typeof KINDS} */ c, /** @type {import('../journal.js').ScoreRecord} */ r, when = readingWhen(r, tz)) => html`
      <li data-id="${r.id}" data-collection="${c}">
        <span class="pill ${c === 'pain_scores' ? `band-${painBandKey(r.score)}` : ''}">${KINDS[c].name} ${c === 'pain_scores' ? painLabel(r.score) : `${r.score} of ${KINDS[c].max}`}</span>
        <span class="muted">${when.text}</span>
        ${(r.areas ?? []).length ? html`<span>${(r.areas ?? []).map(label).join(', ')}</span>` : ''}
        ${r.activity ? html`<span>${label(r.activity)}</span>` : ''}
        ${r.note ? html`<span class="clip">${r.note}</span>` : ''}
        <span class="row">
          <button type="button" class="btn small" data-edit aria-label="Edit ${KINDS[c].name.toLowerCase()} reading ${when.label}">Edit</button>
          <button type="button" class="btn small danger" data-delete aria-label="Delete ${KINDS[c].name.toLowerCase()} reading ${when.label}">Delete</button>
        </span>
      </li>`;
    const all = [
      ...d.pain.map((r) => row('pain_scores', r)),
      ...d.mood.map((r) => row('mood_scores', r)),
      ...d.stress.map((r) => row('stress_scores', r)),
    ];
    const e = d.entry;
    setHTML(body, html`
      <section class="card"><h2>Readings</h2>
        ${all.length ? html`<ul class="readings">${all}</ul>` : html`<p class="hint">No readings on this day.</p>`}
      </section>
      <section class="card" ${e ? html`data-id="${e.id}" data-collection="entries"` : ''}><h2>Journal entry</h2>
        ${e ? html`
          <dl class="details">
            ${typeof e.sleep_hours === 'number' ? html`<dt>Sleep the night before</dt><dd>${sleepWords(e.sleep_hours)}${e.sleep_quality ? `, quality ${e.sleep_quality} of 5` : ''}, ${e.night_wakings} waking${e.night_wakings === 1 ? '' : 's'}</dd>` : ''}
            ${(e.relief ?? []).length ? html`<dt>Relief</dt><dd>${e.relief.map(label).join(', ')}</dd>` : ''}
            ${(e.exercises ?? []).length ? html`<dt>Exercises</dt><dd>${e.exercises.map((id) => this.#names.get(id) || 'An exercise no longer in the library').join(', ')}</dd>` : ''}
            ${(e.red_flags ?? []).length ? html`<dt>Warning signs</dt><dd>${e.red_flags.map(label).join(', ')}</dd>` : ''}
            ${e.notes ? html`<dt>Note</dt><dd class="links">${e.notes}</dd>` : ''}
            ${e.sleep_notes ? html`<dt>Sleep note</dt><dd class="links">${e.sleep_notes}</dd>` : ''}
            ${e.stress_notes ? html`<dt>Stress note</dt><dd class="links">${e.stress_notes}</dd>` : ''}
          </dl>
          <span class="row">
            <a class="btn small" href="#/today/${this.day}">Edit entry</a>
            <button type="button" class="btn small danger" data-delete aria-label="Delete this day's journal entry">Delete entry</button>
          </span>` : html`<p class="hint">No journal entry on this day. <a href="#/today/${this.day}">Add one</a>.</p>`}
      </section>`);
  }

  /** @param {string} text @param {''|'ok'|'error'} kind */
  #status(text, kind) {
    const s = /** @type {HTMLElement} */ (this.querySelector('[data-status]'));
    s.className = `status notice ${kind}`;
    s.textContent = text;
  }

  /** @param {Event} e */
  async #onClick(e) {
    const t = /** @type {HTMLElement} */ (e.target);
    const host = /** @type {HTMLElement|null} */ (t.closest('[data-id]'));
    if (!host) return;
    const id = host.dataset.id ?? '';
    const collection = host.dataset.collection ?? '';
    if (t.closest('[data-delete]')) {
      const btn = /** @type {HTMLElement} */ (t.closest('[data-delete]'));
      const box = document.createElement('span');
      box.className = 'confirm';
      setHTML(box, html`<span>Delete it for good?</span>
        <button type="button" class="btn small danger primary" data-confirm-delete>Yes, delete</button>
        <button type="button" class="btn small" data-cancel>Keep it</button>`);
      btn.replaceWith(box);
      /** @type {HTMLElement} */ (box.querySelector('[data-cancel]')).focus();
      return;
    }
    if (t.closest('[data-cancel]')) {
      this.#render(/** @type {HTMLElement} */ (this.querySelector('[data-body]')));
      return;
    }
    if (t.closest('[data-confirm-delete]')) {
      try {
        await deleteRecord(collection, id);
        this.#status('Deleted', 'ok');
        await this.#load();
      } catch (err) {
        this.#status(`Not deleted. ${errorSummary(err)}`, 'error');
      }
      return;
    }
    if (t.closest('[data-edit]') && collection in KINDS) this.#editForm(host, /** @type {keyof typeof KINDS} */ (collection), id);
  }

  /**
   * @param {HTMLElement} li
   * @param {keyof typeof KINDS} c
   * @param {string} id
   */
  #editForm(li, c, id) {
    const d = /** @type {import('../journal.js').DayData} */ (this.#data);
    const list = c === 'pain_scores' ? d.pain : c === 'mood_scores' ? d.mood : d.stress;
    const r = list.find((x) => x.id === id);
    if (!r) return;
    const k = KINDS[c];
    // The same tap controls as Today: scales, faces and chips.
    const scoreControl = c === 'mood_scores' ? html`<mend-mood name="score"></mend-mood>`
      : html`<mend-scale name="score" label="${k.name}" min="${k.min}" max="${k.max}" ${c === 'pain_scores' ? html`bands compact` : ''}></mend-scale>`;
    setHTML(li, html`
      <form class="stack" data-edit-form data-id="${id}" data-collection="${c}" novalidate>
        ${scoreControl}
        ${c === 'pain_scores' ? html`
          <fieldset><legend>Where it hurts</legend><div class="chips">${AREAS.map((a) => html`<label class="opt"><input type="checkbox" name="areas" value="${a}" ${(r.areas ?? []).includes(a) ? 'checked' : ''}><span>${label(a)}</span></label>`)}</div></fieldset>
          <fieldset><legend>What were you doing?</legend><div class="chips">
            <label class="opt"><input type="radio" name="activity" value="" ${r.activity ? '' : 'checked'}><span>Not said</span></label>
            ${ACTIVITIES.map((a) => html`<label class="opt"><input type="radio" name="activity" value="${a}" ${r.activity === a ? 'checked' : ''}><span>${label(a)}</span></label>`)}</div></fieldset>
          <div class="field"><label class="field-label" for="edit-note-${id}">Pain note</label>
            <textarea id="edit-note-${id}" name="note" maxlength="2000">${r.note ?? ''}</textarea>
            <p class="field-error" data-error-for="note"></p></div>` : ''}
        <div class="row"><button type="submit" class="btn primary small">Save reading</button>
          <button type="button" class="btn small" data-cancel>Cancel</button></div>
      </form>`);
    const ctl = /** @type {any} */ (li.querySelector('mend-scale, mend-mood'));
    if (ctl) ctl.value = r.score;
    /** @type {HTMLElement|null} */ (li.querySelector('input:checked'))?.focus();
  }

  /** @param {Event} e */
  async #onSubmit(e) {
    const form = /** @type {HTMLFormElement} */ (e.target);
    if (!form.matches('[data-edit-form]')) return;
    e.preventDefault();
    const c = /** @type {keyof typeof KINDS} */ (form.dataset.collection);
    const fd = new FormData(form);
    const score = parseIntInRange(fd.get('score'), KINDS[c].min, KINDS[c].max);
    if (score.value === null) return this.#status(score.error ?? 'Choose a score.', 'error');
    /** @type {Record<string, any>} */
    const data = { score: score.value };
    if (c === 'pain_scores') {
      data.areas = fd.getAll('areas').map(String).filter((a) => /** @type {readonly string[]} */ (AREAS).includes(a));
      data.activity = String(fd.get('activity') ?? '');
      data.note = String(fd.get('note') ?? '').trim();
    }
    try {
      await updateScore(c, form.dataset.id ?? '', data);
      this.#status('Saved', 'ok');
      await this.#load();
    } catch (err) {
      for (const [k, m] of Object.entries(fieldErrors(err))) {
        const p = form.querySelector(`[data-error-for="${CSS.escape(k)}"]`);
        if (p) p.textContent = m;
      }
      this.#status(`Not saved. ${errorSummary(err)}`, 'error');
    }
  }
}

customElements.define('mend-day', MendDay);
