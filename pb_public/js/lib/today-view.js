// Markup of the daily log (<mend-today>), as escaping html`` templates (pure):
// the form section by section, the Save bar, the exercise chips, the day's
// readings and the warning-sign alert. The element wires them up.

import { html } from './html.js';
import { AREAS, ACTIVITIES, RELIEF, label, guidanceFor } from './labels.js';
import { addDays, formatDay, readingWhen } from './dates.js';
import { painBandKey, painLabel } from './pain.js';
import { SLEEP_CHOICES, sleepWords } from './sleep.js';

/** @typedef {import('./html.js').SafeHTML} SafeHTML */

/**
 * The page heading: "Today", "Yesterday" or the weekday and date.
 * @param {string} day
 * @param {string} today
 */
export function dayTitle(day, today) {
  return day === today ? 'Today' : day === addDays(today, -1) ? 'Yesterday' : formatDay(day, { weekday: 'long' });
}

/**
 * Between midnight and 4 a.m. the default log day is yesterday; say so.
 * @param {string} day the day shown
 * @param {string} today the calendar day
 * @param {string} logical the default log day
 */
export function nightNote(day, today, logical) {
  return day === logical && logical !== today
    ? 'It is before 4 a.m., so this log counts for yesterday. Pick another day below if you mean today.'
    : '';
}

/**
 * A number field with − and + buttons (data-step, data-dir).
 * @param {string} name @param {string} lbl @param {string} less @param {string} more @param {string} mode inputmode
 */
function stepper(name, lbl, less, more, mode) {
  return html`
      <div class="field">
        <label class="field-label" for="f-${name}">${lbl}</label>
        <div class="stepper">
          <button type="button" class="btn small" data-step="${name}" data-dir="-1" aria-label="${less}">−</button>
          <input id="f-${name}" name="${name}" type="text" inputmode="${mode}" autocomplete="off" aria-describedby="err-${name}">
          <button type="button" class="btn small" data-step="${name}" data-dir="1" aria-label="${more}">+</button>
        </div>
        <p class="field-error" id="err-${name}" data-error-for="${name}"></p>
      </div>`;
}

/** @param {string} name @param {string} lbl @param {string} hint */
function textarea(name, lbl, hint) {
  return html`
      <div class="field">
        <label class="field-label" for="f-${name}">${lbl}</label>
        ${hint ? html`<p class="hint" id="hint-${name}">${hint}</p>` : ''}
        <textarea id="f-${name}" name="${name}" maxlength="5000" rows="3" aria-describedby="err-${name}${hint ? ` hint-${name}` : ''}"></textarea>
        <p class="field-error" id="err-${name}" data-error-for="${name}"></p>
      </div>`;
}

/** @param {string} name @param {string} value @param {string} text */
const chip = (name, value, text) => html`<label class="opt"><input type="checkbox" name="${name}" value="${value}"><span>${text}</span></label>`;

/** Heading, day picker and the notices above the form. @param {string} day @param {string} today @param {string} logical */
function dayHeader(day, today, logical) {
  const note = nightNote(day, today, logical);
  return html`
        <div class="day-head">
          <h1 class="day-title" tabindex="-1">${dayTitle(day, today)}</h1>
          <div class="day-bar">
            <a class="btn small" href="#/today/${addDays(day, -1)}" aria-label="Previous day">‹</a>
            <label class="field"><span class="visually-hidden">Day</span>
              <input type="date" name="day" value="${day}" max="${today}" aria-describedby="err-day" required></label>
            ${day < today
              ? html`<a class="btn small" href="#/today/${addDays(day, 1)}" aria-label="Next day">›</a>`
              : html`<span></span>`}
          </div>
        </div>
        ${note ? html`<p class="hint">${note}</p>` : ''}
        <p class="field-error" id="err-day" data-error-for="day"></p>
        <div data-flag-alert role="alert"></div>
        <p class="notice warn" data-load-note hidden></p>`;
}

/**
 * A section one tap away that remembers being opened (see disclosure.js).
 * @param {string} key @param {string} title @param {SafeHTML} body
 */
function more(key, title, body) {
  return html`
        <details class="more" data-remember="${key}">
          <summary>${title}</summary>
          <div class="more-body">${body}</div>
        </details>`;
}

/** The sleep ranges as one radio group, with a way to clear it. */
function sleepChoices() {
  return html`
          <fieldset class="sleep-choices">
            <legend>Last night's sleep</legend>
            <div class="chips grid4">${SLEEP_CHOICES.map((c) => html`<label class="opt"><input type="radio" name="sleep_hours" value="${c.value}"><span>${c.text}</span></label>`)}</div>
            <div class="row scale-tools"><button type="button" class="link-btn" data-clear-sleep aria-label="Clear sleep" hidden>Clear</button></div>
            <p class="field-error" data-error-for="sleep_hours"></p>
          </fieldset>`;
}

/** The quick log: the common log, all in the first screen of a phone. */
function quickLog() {
  return html`
        <div class="quick">
          <div class="row quick-tools"><button type="button" class="btn small" data-same>Same as yesterday</button></div>
          <mend-scale name="pain" label="Pain" min="0" max="10" bands compact
            hint="Tap a number: 0 no pain, 10 the worst you can imagine."></mend-scale>
          <fieldset>
            <legend>Where it hurts</legend>
            <div class="chips scroller">${AREAS.map((a) => chip('areas', a, label(a)))}</div>
            <p class="field-error" data-error-for="areas"></p>
          </fieldset>
          <mend-mood name="mood"></mend-mood>
          <mend-scale name="stress" label="Stress" min="0" max="10" clearable hint="0 calm, 10 overwhelmed."></mend-scale>
          ${sleepChoices()}
        </div>`;
}

/** Everything else, each one tap away. */
function moreSections() {
  return html`
        ${more('pain', 'Activity and pain note', html`
          <fieldset>
            <legend>What were you doing?</legend>
            <div class="chips">
              <label class="opt"><input type="radio" name="activity" value="" checked><span>Not said</span></label>
              ${ACTIVITIES.map((a) => html`<label class="opt"><input type="radio" name="activity" value="${a}"><span>${label(a)}</span></label>`)}
            </div>
            <p class="field-error" data-error-for="activity"></p>
          </fieldset>
          ${textarea('pain_note', 'Pain note', '')}`)}
        ${more('sleep', 'Sleep details: exact hours, wakings, quality', html`
          <div class="split">
            ${stepper('sleep_exact', 'Exact hours slept', 'Half an hour less sleep', 'Half an hour more sleep', 'decimal')}
            ${stepper('night_wakings', 'Night wakings', 'One waking fewer', 'One waking more', 'numeric')}
          </div>
          <mend-scale name="sleep_quality" label="Sleep quality" min="1" max="5" clearable hint="1 very poor, 5 very good."></mend-scale>
          ${textarea('sleep_notes', 'Sleep note', '')}`)}
        ${more('care', 'Exercises and relief', html`
          <fieldset>
            <legend>Exercises done</legend>
            <div class="chips" data-exercises><p class="hint">Loading exercises…</p></div>
            <p class="field-error" data-error-for="exercises"></p>
          </fieldset>
          <fieldset>
            <legend>Relief used</legend>
            <div class="chips">${RELIEF.map((r) => chip('relief', r, label(r)))}</div>
            <p class="field-error" data-error-for="relief"></p>
          </fieldset>`)}
        ${more('flags', 'Warning signs', html`<mend-red-flags name="red_flags"></mend-red-flags>`)}
        ${more('notes', 'Notes', html`
          ${textarea('stress_notes', 'Stress note', 'What is weighing on you? Writing it down can show what sets off a flare-up.')}
          ${textarea('notes', 'Note', 'Anything else about today.')}`)}`;
}

/**
 * The whole log form for day. Its id is set by the element. The day's
 * readings (data-logged) sit above the form fields; once the day has a
 * reading the fields wait behind "Add another reading" (data-fields).
 * @param {string} day the day logged
 * @param {string} today the calendar day
 * @param {string} logical the default log day
 * @returns {SafeHTML}
 */
export function logFormHTML(day, today, logical) {
  return html`
      <form novalidate>${dayHeader(day, today, logical)}
        <section class="logged" aria-labelledby="logged-h" data-logged hidden>
          <h2 class="section-title" id="logged-h">Logged ${day === today ? 'today' : 'on this day'}</h2>
          <div data-readings><p class="hint">Loading…</p></div>
          <button type="button" class="btn block" data-add-more hidden>Add another reading</button>
        </section>
        <div data-fields>
${quickLog()}
${moreSections()}
        </div>
      </form>`;
}

/**
 * The Save bar's status line and button; form="…" ties the button to the form.
 * @param {string} formID
 */
export function saveBarHTML(formID) {
  return html`<p class="status notice" role="status" data-status></p>
      <button type="submit" class="btn primary block" form="${formID}">Save</button>`;
}

/**
 * The exercise chips, ticked where checked has the id.
 * @param {{id: string, name: string}[]} list the library's exercises
 * @param {Set<string>} checked
 */
export function exercisesHTML(list, checked) {
  if (!list.length) return html`<p class="hint">No exercises in the library yet.</p>`;
  return html`${list.map((x) => html`<label class="opt"><input type="checkbox" name="exercises" value="${x.id}" ${checked.has(x.id) ? 'checked' : ''}><span>${x.name}</span></label>`)}`;
}

/**
 * The day's readings at the top of Today, each with Edit (the Day view's
 * editor) and Delete (confirmed in place), and the entry in one line.
 * @param {import('../journal.js').DayData} data
 * @param {string} day
 * @param {string} tz the user's time zone
 */
export function readingsHTML(data, day, tz) {
  const { pain, mood, stress, entry } = data;
  if (!pain.length && !mood.length && !stress.length && !entry) {
    return html`<p class="hint">Nothing logged for this day yet.</p>`;
  }
  /** @param {string} c @param {string} name @param {import('../journal.js').ScoreRecord} r @param {SafeHTML} pill @param {SafeHTML|string} extra */
  const row = (c, name, r, pill, extra) => {
    const when = readingWhen(r, tz);
    return html`<li data-id="${r.id}" data-collection="${c}">${pill}<span class="muted">${when.text}</span>${extra}
          <span class="row actions">
            <a class="btn small" href="#/day/${day}" aria-label="Edit ${name} reading ${when.label}">Edit</a>
            <button type="button" class="btn small danger" data-delete aria-label="Delete ${name} reading ${when.label}">Delete</button>
          </span></li>`;
  };
  const sleep = entry ? sleepWords(entry.sleep_hours) : '';
  return html`
      <ul class="readings">
        ${pain.map((p) => row('pain_scores', 'pain', p, html`<span class="pill band-${painBandKey(p.score)}">Pain ${painLabel(p.score)}</span>`,
          html`${(p.areas ?? []).length ? html`<span>${(p.areas ?? []).map(label).join(', ')}</span>` : ''}${p.activity ? html`<span>${label(p.activity)}</span>` : ''}`))}
        ${mood.map((m) => row('mood_scores', 'mood', m, html`<span class="pill">Mood ${m.score} of 5</span>`, ''))}
        ${stress.map((x) => row('stress_scores', 'stress', x, html`<span class="pill">Stress ${x.score} of 10</span>`, ''))}
        ${entry ? html`<li><span class="pill">Journal</span><span>${[sleep && `Sleep: ${sleep}`, entryCounts(entry)].filter(Boolean).join(' · ') || 'Saved'}</span></li>` : ''}
      </ul>`;
}

/** @param {import('../journal.js').EntryRecord} e */
function entryCounts(e) {
  const n = (/** @type {number} */ k, /** @type {string} */ w) => (k ? `${k} ${w}${k === 1 ? '' : 's'}` : '');
  return [n(e.exercises?.length ?? 0, 'exercise'), (e.relief ?? []).map(label).join(', '), n(e.red_flags?.length ?? 0, 'warning sign'),
    [e.notes, e.sleep_notes, e.stress_notes].some(Boolean) ? 'notes' : ''].filter(Boolean).join(' · ');
}

/**
 * Guidance for the ticked warning signs, most urgent first.
 * @param {string[]} flags
 */
export function flagAlertHTML(flags) {
  return html`${guidanceFor(flags).map((x) => html`<div class="guidance ${x.level}"><strong>${label(x.flag)}: ${x.level === 'urgent' ? 'get urgent care' : 'see a clinician soon'}</strong>${x.message} <a href="#/safety">When to seek care</a></div>`)}`;
}
