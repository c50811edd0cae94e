// <mend-today> — the daily log, Mend's home screen. The quick log fits the
// first screen of a phone: pain (and where), mood, stress, last night's
// sleep, then Save. Everything else (activity, sleep details, exercises,
// relief, warning signs, notes) is one tap away in sections that remember
// being opened. Once the day has readings they sit at the top, with Edit
// and Delete, and another reading is a deliberate "Add another reading".
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
import { parseLogForm } from '../lib/form.js';
import { formatDay, isValidDay, toDay } from '../lib/dates.js';
import { errorSummary, isNetworkError } from '../lib/errors.js';
import { LOG_LISTS, SCORE_FIELDS, stepValue, entryPairs, lastLogPairs, logProblems, saveOps, saveFailure } from '../lib/today.js';
import { logFormHTML, saveBarHTML, exercisesHTML, flagAlertHTML } from '../lib/today-view.js';
import { defaultLogDay, todayDay, userTimeZone, currentUser } from '../api.js';
import { loadDay, loadLatestBefore, save, newRecordID, listExercises, ENTRY_FIELDS } from '../journal.js';
import { fillForm, formPairs } from '../form-state.js';
import { syncSleep, clearSleep } from '../today-sleep.js';
import { renderLogged, onDeleteClick } from '../today-logged.js';
import { rememberOpen, openAround } from '../disclosure.js';
import './mend-scale.js';
import './mend-mood.js';
import './mend-red-flags.js';

export class MendToday extends HTMLElement {
  /** @type {import('../journal.js').DayData|null} */
  #data = null;
  #loaded = false;
  #saving = false;
  /** The fields are open although the day has readings ("Add another reading"). */
  #adding = false;
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
    setHTML(this, logFormHTML(this.day, today, defaultLogDay()));

    // The Save bar lives in the shell's page-actions area, below the
    // scrolling page and above the tab bar, so it is always in thumb reach
    // and never covers a field; form="…" ties the button to this form.
    const formID = `log-form-${this.day}`;
    this.#form.id = formID;
    this.#actions = document.createElement('div');
    this.#actions.className = 'save-bar';
    setHTML(this.#actions, saveBarHTML(formID));
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
    rememberOpen(form);
    this.querySelector('[data-add-more]')?.addEventListener('click', () => this.#addMore());
    this.querySelector('[data-readings]')?.addEventListener('click', (e) => this.#onReadingsClick(e));
    this.querySelector('[data-clear-sleep]')?.addEventListener('click', () => {
      for (const n of clearSleep(this.#form)) this.#touched.add(n);
      this.#saveDraft();
    });
    for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (this.querySelectorAll('[data-step]'))) {
      b.addEventListener('click', () => this.#step(b.dataset.step ?? '', Number(b.dataset.dir)));
    }
  }

  /** @param {Event} e */
  #onInput(e) {
    const t = /** @type {HTMLInputElement} */ (e.target);
    if (!t?.name || t.name === 'day' || !e.isTrusted) return;
    if (t.name === 'sleep_hours') this.#syncSleep('chip');
    if (t.name === 'sleep_exact') this.#syncSleep('exact');
    this.#touched.add(t.name);
    this.#setFieldError(t.name, '');
    this.#status('', '');
    this.#saveDraft();
  }

  /** @param {string} name @param {number} dir */
  #step(name, dir) {
    const input = /** @type {HTMLInputElement} */ (this.#form.elements.namedItem(name));
    // Exact hours start from the range chip already chosen, if any.
    const chip = /** @type {HTMLInputElement|null} */ (this.#form.querySelector('input[name=sleep_hours]:checked'));
    const from = name === 'sleep_exact' && input.value === '' && chip ? chip.value : input.value;
    input.value = String(stepValue(name, from, dir));
    if (name === 'sleep_exact') this.#syncSleep('exact');
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
      if (touched.length) this.#adding = true;
      this.#syncSleep('');
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
      if (e) fillForm(this.#form, entryPairs(e), { skip: this.#touched, clear: [...ENTRY_FIELDS, 'sleep_exact'] });
      this.#syncSleep('');
      // A warning sign already logged stays in sight, with its guidance.
      if (e?.red_flags?.length) openAround(this.querySelector('mend-red-flags'));
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
      // Ticks made before the list arrived, and the loaded entry's, stay ticked.
      const checked = new Set(formPairs(this.#form).filter(([k]) => k === 'exercises').map(([, v]) => v));
      for (const id of this.#data?.entry?.exercises ?? []) checked.add(id);
      setHTML(box, exercisesHTML(list, checked));
    } catch {
      setHTML(box, html`<p class="hint">Exercises could not be loaded right now.</p>`);
    }
  }

  #renderReadings() {
    if (this.#data) renderLogged(this, this.#data, this.#adding, this.#actions);
  }

  #addMore() {
    this.#adding = true;
    this.#renderReadings();
    this.#status('', '');
    /** @type {HTMLElement|null} */ (this.querySelector('mend-scale[name=pain] input'))?.focus();
  }

  /** @param {Event} e */
  #onReadingsClick(e) {
    onDeleteClick(e, () => void this.#load(), (t, k) => this.#status(t, k));
  }

  /** @param {''|'chip'|'exact'} from what changed (see today-sleep.js) */
  #syncSleep(from) {
    for (const n of syncSleep(this.#form, from)) this.#touched.add(n);
  }

  /** @param {string[]} flags */
  #showFlagAlert(flags) {
    setHTML(/** @type {HTMLElement} */ (this.querySelector('[data-flag-alert]')), flagAlertHTML(flags));
  }

  async #sameAsYesterday() {
    try {
      const last = await loadLatestBefore(this.day);
      const pairs = lastLogPairs(last);
      if (!pairs.length) {
        this.#status('Nothing was logged before this day yet.', '');
        return;
      }
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
      if (message) openAround(c);
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
    const p = parseLogForm(new FormData(this.#form), LOG_LISTS);
    const problems = logProblems(p, (this.#data?.pain.length ?? 0) > 0);
    if (problems) {
      for (const [n, msg] of Object.entries(problems.fields)) this.#setFieldError(n, msg);
      this.#status(problems.status, 'error');
      this.#focusField(problems.focus);
      return;
    }
    const day = this.day;
    const isNow = day === defaultLogDay() || day === todayDay();
    const ops = saveOps(p, {
      day, ids: this.#ids, at: isNow ? new Date().toISOString() : undefined,
      loaded: this.#loaded, hasEntry: Boolean(this.#data?.entry),
    });
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
      this.#adding = false;
      if (result === 'saved') {
        this.#status('Saved', 'ok');
        await this.#load();
      } else {
        this.#status('Saved on this phone. Mend will send it when you are back online.', 'ok');
      }
    } catch (err) {
      const failure = saveFailure(err);
      for (const [n, msg] of failure.fields) this.#setFieldError(n, msg);
      this.#status(failure.status, 'error');
    } finally {
      this.#saving = false;
      button.removeAttribute('aria-disabled');
    }
  }
}

customElements.define('mend-today', MendToday);
