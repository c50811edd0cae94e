// <mend-today> — the daily log, Mend's home screen. Pain in one tap, then
// everything else optional: where it hurts, what you were doing, mood,
// stress, last night's sleep, exercises, relief, warning signs and a note.
//
// Usage:
//   <mend-today></mend-today>                 logs the default day (before 4 a.m.: yesterday)
//   <mend-today day="2026-02-03"></mend-today> back-fills or edits that day
//
// Each Save adds one pain (and mood/stress) reading and creates or updates
// the day's single entry. A failed save keeps the form and shows the
// server's reasons per field; offline saves wait in an outbox. What is typed
// is also kept as a draft in localStorage until it is saved.

import { html, setHTML } from '../lib/html.js';
import { parseLogForm, hasEntryData } from '../lib/form.js';
import { AREAS, ACTIVITIES, RELIEF, RED_FLAGS, label, guidanceFor } from '../lib/labels.js';
import { addDays, formatDay, formatTime, isValidDay, toDay } from '../lib/dates.js';
import { painBandKey, painLabel } from '../lib/pain.js';
import { errorSummary, fieldErrors, isNetworkError } from '../lib/errors.js';
import { defaultLogDay, todayDay, userTimeZone, currentUser } from '../api.js';
import { loadDay, loadLatestBefore, save, newRecordID, listExercises, ENTRY_FIELDS } from '../journal.js';
import { fillForm, formPairs } from '../form-state.js';
import './mend-scale.js';
import './mend-mood.js';
import './mend-red-flags.js';

const LISTS = { areas: AREAS, activities: ACTIVITIES, relief: RELIEF, redFlags: RED_FLAGS };
const SCORE_FIELDS = ['pain', 'areas', 'activity', 'pain_note', 'mood', 'stress'];
/** Human names of fields, for error sentences. */
const FIELD_LABELS = {
  pain: 'Pain', mood: 'Mood', stress: 'Stress', areas: 'Where it hurts', activity: 'What you were doing',
  pain_note: 'Pain note', sleep_hours: 'Hours slept', sleep_quality: 'Sleep quality',
  night_wakings: 'Night wakings', notes: 'Note', sleep_notes: 'Sleep note', stress_notes: 'Stress note',
  exercises: 'Exercises', relief: 'Relief', red_flags: 'Warning signs', day: 'Day',
};

export class MendToday extends HTMLElement {
  /** @type {import('../journal.js').DayData|null} */
  #data = null;
  #loaded = false;
  #saving = false;
  /** Names the user changed since the day was opened; loading never overwrites them. */
  #touched = new Set();
  /** Client ids for this form's readings: a retry of the same save cannot double them. */
  #ids = { pain: newRecordID(), mood: newRecordID(), stress: newRecordID() };

  /** @type {HTMLElement|null} */
  #actions = null;

  disconnectedCallback() {
    this.#actions?.remove();
  }

  connectedCallback() {
    const today = todayDay();
    const attr = this.getAttribute('day') ?? '';
    this.day = isValidDay(attr) && attr <= today ? attr : defaultLogDay();
    this.#render(today);
    this.#restoreDraft();
    void this.#load();
    void this.#loadExercises();
  }

  get #form() {
    return /** @type {HTMLFormElement} */ (this.querySelector('form'));
  }

  get #draftKey() {
    return `mend.draft.${currentUser()?.id ?? ''}.${this.day}`;
  }

  /** @param {string} today */
  #render(today) {
    const day = this.day;
    const logical = defaultLogDay();
    const title = day === today ? 'Today' : day === addDays(today, -1) ? 'Yesterday' : formatDay(day, { weekday: 'long' });
    const nightNote = day === logical && logical !== today
      ? 'It is before 4 a.m., so this log counts for yesterday. Pick another day below if you mean today.'
      : '';
    const stepper = (/** @type {string} */ name, /** @type {string} */ lbl, /** @type {string} */ less, /** @type {string} */ more, /** @type {string} */ mode) => html`
      <div class="field">
        <label class="field-label" for="f-${name}">${lbl}</label>
        <div class="stepper">
          <button type="button" class="btn small" data-step="${name}" data-dir="-1" aria-label="${less}">−</button>
          <input id="f-${name}" name="${name}" type="text" inputmode="${mode}" autocomplete="off" aria-describedby="err-${name}">
          <button type="button" class="btn small" data-step="${name}" data-dir="1" aria-label="${more}">+</button>
        </div>
        <p class="field-error" id="err-${name}" data-error-for="${name}"></p>
      </div>`;
    const textarea = (/** @type {string} */ name, /** @type {string} */ lbl, /** @type {string} */ hint) => html`
      <div class="field">
        <label class="field-label" for="f-${name}">${lbl}</label>
        ${hint ? html`<p class="hint" id="hint-${name}">${hint}</p>` : ''}
        <textarea id="f-${name}" name="${name}" maxlength="5000" rows="3" aria-describedby="err-${name}${hint ? ` hint-${name}` : ''}"></textarea>
        <p class="field-error" id="err-${name}" data-error-for="${name}"></p>
      </div>`;
    setHTML(this, html`
      <form novalidate>
        <h1 class="day-title" tabindex="-1">${title}</h1>
        <p class="hint">${formatDay(day, { weekday: 'long', year: true })}${nightNote ? html` — ${nightNote}` : ''}</p>
        <div class="day-bar">
          <a class="btn small" href="#/today/${addDays(day, -1)}" aria-label="Previous day">‹</a>
          <label class="field"><span class="visually-hidden">Day</span>
            <input type="date" name="day" value="${day}" max="${today}" aria-describedby="err-day" required></label>
          ${day < today
            ? html`<a class="btn small" href="#/today/${addDays(day, 1)}" aria-label="Next day">›</a>`
            : html`<span></span>`}
        </div>
        <p class="field-error" id="err-day" data-error-for="day"></p>
        <div data-flag-alert role="alert"></div>
        <div class="row"><button type="button" class="btn small" data-same>Same as yesterday</button></div>
        <p class="notice warn" data-load-note hidden></p>

        <div class="section">
          <mend-scale name="pain" label="Pain" min="0" max="10" bands
            hint="Tap a number: 0 no pain, 10 the worst you can imagine."></mend-scale>
          <fieldset>
            <legend>Where it hurts</legend>
            <div class="chips">${AREAS.map((a) => html`<label class="opt"><input type="checkbox" name="areas" value="${a}"><span>${label(a)}</span></label>`)}</div>
            <p class="field-error" data-error-for="areas"></p>
          </fieldset>
          <fieldset>
            <legend>What were you doing?</legend>
            <div class="chips">
              <label class="opt"><input type="radio" name="activity" value="" checked><span>Not said</span></label>
              ${ACTIVITIES.map((a) => html`<label class="opt"><input type="radio" name="activity" value="${a}"><span>${label(a)}</span></label>`)}
            </div>
            <p class="field-error" data-error-for="activity"></p>
          </fieldset>
          ${textarea('pain_note', 'Pain note', '')}
        </div>

        <div class="section">
          <h2 class="section-title">Mood and stress</h2>
          <mend-mood name="mood"></mend-mood>
          <mend-scale name="stress" label="Stress" min="0" max="10" clearable hint="0 calm, 10 overwhelmed."></mend-scale>
          ${textarea('stress_notes', 'Stress note', 'What is weighing on you? Writing it down can show what sets off a flare-up.')}
        </div>

        <div class="section">
          <h2 class="section-title">Last night's sleep</h2>
          <div class="split">
            ${stepper('sleep_hours', 'Hours slept', 'Half an hour less sleep', 'Half an hour more sleep', 'decimal')}
            ${stepper('night_wakings', 'Night wakings', 'One waking fewer', 'One waking more', 'numeric')}
          </div>
          <mend-scale name="sleep_quality" label="Sleep quality" min="1" max="5" clearable hint="1 very poor, 5 very good."></mend-scale>
          ${textarea('sleep_notes', 'Sleep note', '')}
        </div>

        <div class="section">
          <fieldset>
            <legend>Exercises done</legend>
            <div class="chips" data-exercises><p class="hint">Loading exercises…</p></div>
            <p class="field-error" data-error-for="exercises"></p>
          </fieldset>
          <fieldset>
            <legend>Relief used</legend>
            <div class="chips">${RELIEF.map((r) => html`<label class="opt"><input type="checkbox" name="relief" value="${r}"><span>${label(r)}</span></label>`)}</div>
            <p class="field-error" data-error-for="relief"></p>
          </fieldset>
        </div>

        <div class="section">
          <mend-red-flags name="red_flags"></mend-red-flags>
        </div>

        <div class="section">
          ${textarea('notes', 'Note', 'Anything else about today.')}
        </div>

        <section class="section" aria-labelledby="readings-h">
          <h2 class="section-title" id="readings-h">Readings on this day</h2>
          <div data-readings><p class="hint">Loading…</p></div>
        </section>
      </form>`);

    // The Save bar lives in the shell's page-actions area, below the
    // scrolling page and above the tab bar, so it is always in thumb reach
    // and never covers a field; form="…" ties the button to this form.
    const formID = `log-form-${this.day}`;
    this.#form.id = formID;
    this.#actions = document.createElement('div');
    this.#actions.className = 'save-bar';
    setHTML(this.#actions, html`<p class="status notice" role="status" data-status></p>
      <button type="submit" class="btn primary block" form="${formID}">Save</button>`);
    (document.getElementById('page-actions') ?? this).append(this.#actions);

    const form = this.#form;
    form.addEventListener('submit', (e) => { e.preventDefault(); void this.#save(); });
    form.addEventListener('input', (e) => this.#onInput(e));
    form.addEventListener('change', (e) => this.#onInput(e));
    form.addEventListener('flagschange', (e) => this.#showFlagAlert(/** @type {CustomEvent} */ (e).detail.flags));
    const dayInput = /** @type {HTMLInputElement} */ (form.elements.namedItem('day'));
    dayInput.addEventListener('change', () => {
      const v = dayInput.value;
      if (!isValidDay(v)) return;
      if (v > todayDay()) {
        this.#setFieldError('day', 'That day has not happened yet. Pick today or an earlier day.');
        dayInput.value = this.day;
        return;
      }
      location.hash = `#/today/${v}`;
    });
    this.querySelector('[data-same]')?.addEventListener('click', () => void this.#sameAsYesterday());
    for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (this.querySelectorAll('[data-step]'))) {
      b.addEventListener('click', () => this.#step(b.dataset.step ?? '', Number(b.dataset.dir)));
    }
  }

  /** @param {Event} e */
  #onInput(e) {
    const t = /** @type {HTMLInputElement} */ (e.target);
    if (!t?.name || t.name === 'day' || !e.isTrusted) return;
    this.#touched.add(t.name);
    this.#setFieldError(t.name, '');
    this.#status('', '');
    this.#saveDraft();
  }

  /** @param {string} name @param {number} dir */
  #step(name, dir) {
    const input = /** @type {HTMLInputElement} */ (this.#form.elements.namedItem(name));
    const cur = Number(String(input.value).replace(',', '.'));
    let v;
    if (name === 'sleep_hours') {
      v = input.value === '' || Number.isNaN(cur) ? (dir > 0 ? 7 : 6) : Math.min(24, Math.max(0, Math.round((cur + dir * 0.5) * 4) / 4));
    } else {
      v = input.value === '' || Number.isNaN(cur) ? (dir > 0 ? 1 : 0) : Math.min(30, Math.max(0, Math.round(cur) + dir));
    }
    input.value = String(v);
    this.#touched.add(name);
    this.#setFieldError(name, '');
    this.#saveDraft();
  }

  #saveDraft() {
    try {
      localStorage.setItem(this.#draftKey, JSON.stringify({ pairs: formPairs(this.#form, ['day']), touched: [...this.#touched] }));
    } catch { /* storage full or blocked: the form itself still holds the data */ }
  }

  #restoreDraft() {
    try {
      const d = JSON.parse(localStorage.getItem(this.#draftKey) ?? 'null');
      if (!d || !Array.isArray(d.pairs)) return;
      const touched = /** @type {string[]} */ (d.touched ?? []);
      fillForm(this.#form, d.pairs.filter((/** @type {[string,string]} */ [k]) => touched.includes(k)), { clear: touched });
      for (const k of touched) this.#touched.add(k);
      if (touched.length) this.#status('Your unsaved log for this day is back. Tap Save when ready.', '');
    } catch { /* a broken draft is ignored */ }
  }

  async #load() {
    const note = /** @type {HTMLElement} */ (this.querySelector('[data-load-note]'));
    try {
      this.#data = await loadDay(this.day);
      this.#loaded = true;
      note.hidden = true;
      const e = this.#data.entry;
      if (e) fillForm(this.#form, entryPairs(e), { skip: this.#touched, clear: [...ENTRY_FIELDS] });
      this.#renderReadings();
    } catch (err) {
      this.#loaded = false;
      note.hidden = false;
      note.textContent = isNetworkError(err)
        ? 'You seem to be offline. You can still log: Mend keeps it on this phone and adds it to this day when you are back online.'
        : `Could not open this day: ${errorSummary(err)}`;
      const r = this.querySelector('[data-readings]');
      if (r) r.textContent = '';
    }
  }

  async #loadExercises() {
    const box = /** @type {HTMLElement} */ (this.querySelector('[data-exercises]'));
    try {
      const list = await listExercises();
      if (!list.length) {
        setHTML(box, html`<p class="hint">No exercises in the library yet.</p>`);
        return;
      }
      const checked = new Set(formPairs(this.#form).filter(([k]) => k === 'exercises').map(([, v]) => v));
      for (const id of this.#data?.entry?.exercises ?? []) checked.add(id);
      setHTML(box, html`${list.map((x) => html`<label class="opt"><input type="checkbox" name="exercises" value="${x.id}" ${checked.has(x.id) ? 'checked' : ''}><span>${x.name}</span></label>`)}`);
    } catch {
      setHTML(box, html`<p class="hint">Exercises could not be loaded right now.</p>`);
    }
  }

  #renderReadings() {
    const box = this.querySelector('[data-readings]');
    if (!box || !this.#data) return;
    const tz = userTimeZone();
    const { pain, mood, stress, entry } = this.#data;
    if (!pain.length && !mood.length && !stress.length && !entry) {
      setHTML(box, html`<p class="hint">Nothing logged for this day yet.</p>`);
      return;
    }
    setHTML(box, html`
      <ul class="readings">
        ${pain.map((p) => html`<li><span class="pill band-${painBandKey(p.score)}">Pain ${painLabel(p.score)}</span>
          <span class="muted">${formatTime(p.at || p.created, tz)}</span>
          ${(p.areas ?? []).length ? html`<span>${(p.areas ?? []).map(label).join(', ')}</span>` : ''}
          ${p.activity ? html`<span>${label(p.activity)}</span>` : ''}</li>`)}
        ${mood.map((m) => html`<li><span class="pill">Mood ${m.score} of 5</span><span class="muted">${formatTime(m.at || m.created, tz)}</span></li>`)}
        ${stress.map((s) => html`<li><span class="pill">Stress ${s.score} of 10</span><span class="muted">${formatTime(s.at || s.created, tz)}</span></li>`)}
      </ul>
      <p><a href="#/day/${this.day}">Edit or delete readings for this day</a></p>`);
  }

  /** @param {string[]} flags */
  #showFlagAlert(flags) {
    const box = /** @type {HTMLElement} */ (this.querySelector('[data-flag-alert]'));
    const g = guidanceFor(flags);
    setHTML(box, html`${g.map((x) => html`<div class="guidance ${x.level}"><strong>${label(x.flag)}: ${x.level === 'urgent' ? 'get urgent care' : 'see a clinician soon'}</strong>${x.message} <a href="#/safety">When to seek care</a></div>`)}`);
  }

  async #sameAsYesterday() {
    try {
      const last = await loadLatestBefore(this.day);
      /** @type {[string,string][]} */
      const pairs = [];
      if (last.pain) {
        pairs.push(['pain', String(last.pain.score)]);
        for (const a of last.pain.areas ?? []) pairs.push(['areas', a]);
        pairs.push(['activity', last.pain.activity ?? '']);
      }
      if (last.mood) pairs.push(['mood', String(last.mood.score)]);
      if (last.stress) pairs.push(['stress', String(last.stress.score)]);
      const e = last.entry;
      if (e) {
        if (e.sleep_hours > 0) pairs.push(['sleep_hours', String(e.sleep_hours)]);
        if (e.sleep_quality > 0) pairs.push(['sleep_quality', String(e.sleep_quality)]);
        if (e.sleep_hours > 0 || e.sleep_quality > 0) pairs.push(['night_wakings', String(e.night_wakings ?? 0)]);
        for (const x of e.exercises ?? []) pairs.push(['exercises', x]);
        for (const r of e.relief ?? []) pairs.push(['relief', r]);
      }
      if (!pairs.length) {
        this.#status('Nothing was logged before this day yet.', '');
        return;
      }
      // Notes and warning signs are about one day only, so they are not copied.
      const names = [...new Set(pairs.map(([k]) => k))];
      fillForm(this.#form, pairs, { clear: names });
      for (const n of names) this.#touched.add(n);
      this.#saveDraft();
      const from = toDay(last.pain?.day ?? last.entry?.day ?? '');
      this.#status(`Filled in from ${from ? formatDay(from) : 'your last log'}. Check it and tap Save.`, '');
    } catch (err) {
      this.#status(`Could not fetch your last log. ${errorSummary(err)}`, 'error');
    }
  }

  /** @param {string} name @param {string} message */
  #setFieldError(name, message) {
    for (const p of this.querySelectorAll(`[data-error-for="${CSS.escape(name)}"]`)) p.textContent = message;
    for (const c of this.#form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      if (message) c.setAttribute('aria-invalid', 'true');
      else c.removeAttribute('aria-invalid');
    }
  }

  #clearErrors() {
    for (const p of this.querySelectorAll('[data-error-for]')) p.textContent = '';
    for (const c of this.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  }

  /** @param {string} text @param {''|'ok'|'error'} kind */
  #status(text, kind) {
    const s = /** @type {HTMLElement} */ (this.#actions?.querySelector('[data-status]'));
    s.classList.toggle('ok', kind === 'ok');
    s.classList.toggle('error', kind === 'error');
    s.textContent = text;
  }

  /** @param {string} name */
  #focusField(name) {
    const el = /** @type {HTMLElement|null} */ (this.#form.querySelector(`[name="${CSS.escape(name)}"]`));
    el?.focus();
  }

  async #save() {
    if (this.#saving) return;
    this.#clearErrors();
    const p = parseLogForm(new FormData(this.#form), LISTS);
    const names = Object.keys(p.errors);
    if (names.length) {
      for (const n of names) this.#setFieldError(n, p.errors[n]);
      this.#status(`Not saved: please check ${names.map((n) => FIELD_LABELS[/** @type {keyof typeof FIELD_LABELS} */ (n)] ?? n).join(', ')}.`, 'error');
      this.#focusField(names[0]);
      return;
    }
    const hasPain = (this.#data?.pain.length ?? 0) > 0;
    if (p.pain === null && !hasPain) {
      this.#setFieldError('pain', 'Choose a pain score to save this day (0 if you have no pain).');
      this.#status('Not saved: a day needs one pain score.', 'error');
      this.#focusField('pain');
      return;
    }
    const day = this.day;
    const isNow = day === defaultLogDay() || day === todayDay();
    const at = isNow ? { at: new Date().toISOString() } : {};
    /** @type {import('../journal.js').Op[]} */
    const ops = [];
    if (p.pain !== null) {
      ops.push({ kind: 'score', collection: 'pain_scores', data: { id: this.#ids.pain, day, score: p.pain, areas: p.areas, activity: p.activity, note: p.painNote, ...at } });
    }
    if (p.mood !== null) ops.push({ kind: 'score', collection: 'mood_scores', data: { id: this.#ids.mood, day, score: p.mood, ...at } });
    if (p.stress !== null) ops.push({ kind: 'score', collection: 'stress_scores', data: { id: this.#ids.stress, day, score: p.stress, ...at } });
    const entry = {
      sleep_hours: p.sleep_hours, sleep_quality: p.sleep_quality, night_wakings: p.night_wakings,
      notes: p.notes, sleep_notes: p.sleep_notes, stress_notes: p.stress_notes,
      exercises: p.exercises, relief: p.relief, red_flags: p.red_flags,
    };
    if (this.#loaded ? this.#data?.entry || hasEntryData(p) : hasEntryData(p)) {
      ops.push({ kind: 'entry', day, data: entry, mode: this.#loaded ? 'replace' : 'merge' });
    }
    if (!ops.length) {
      this.#status('Nothing new to save.', '');
      return;
    }

    this.#saving = true;
    const button = /** @type {HTMLButtonElement} */ (this.#actions?.querySelector('button[type=submit]'));
    button.setAttribute('aria-disabled', 'true');
    this.#status('Saving…', '');
    try {
      const result = await save(ops);
      localStorage.removeItem(this.#draftKey);
      this.#touched.clear();
      this.#ids = { pain: newRecordID(), mood: newRecordID(), stress: newRecordID() };
      fillForm(this.#form, [['activity', '']], { clear: SCORE_FIELDS });
      if (result === 'saved') {
        this.#status('Saved', 'ok');
        await this.#load();
      } else {
        this.#status('Saved on this phone. Mend will send it when you are back online.', 'ok');
      }
    } catch (/** @type {any} */ err) {
      const fields = fieldErrors(err);
      const scoreField = err?.op?.kind === 'score' ? { pain_scores: 'pain', mood_scores: 'mood', stress_scores: 'stress' }[/** @type {'pain_scores'} */ (err.op.collection)] : '';
      for (const [k, msg] of Object.entries(fields)) {
        const name = k === 'score' && scoreField ? scoreField : k === 'note' ? 'pain_note' : k;
        this.#setFieldError(name, msg);
      }
      const labels = { ...FIELD_LABELS, ...(scoreField ? { score: FIELD_LABELS[/** @type {'pain'} */ (scoreField)], note: 'Pain note' } : {}) };
      this.#status(`Not saved. ${errorSummary(err, labels)} Your log is still here.`, 'error');
    } finally {
      this.#saving = false;
      button.removeAttribute('aria-disabled');
    }
  }
}

/**
 * An entry record as form pairs.
 * @param {import('../journal.js').EntryRecord} e
 * @returns {[string,string][]}
 */
function entryPairs(e) {
  /** @type {[string,string][]} */
  const out = [];
  if (e.sleep_hours > 0) out.push(['sleep_hours', String(e.sleep_hours)]);
  if (e.sleep_quality > 0) out.push(['sleep_quality', String(e.sleep_quality)]);
  if (e.sleep_hours > 0 || e.sleep_quality > 0 || e.night_wakings > 0) out.push(['night_wakings', String(e.night_wakings ?? 0)]);
  for (const k of /** @type {const} */ (['notes', 'sleep_notes', 'stress_notes'])) if (e[k]) out.push([k, e[k]]);
  for (const k of /** @type {const} */ (['exercises', 'relief', 'red_flags'])) for (const v of e[k] ?? []) out.push([k, v]);
  return out;
}

customElements.define('mend-today', MendToday);
