// Markup of the daily log (<mend-today>), as escaping html`` templates (pure):
// the form section by section, the Save bar, the exercise chips, the day's
// readings and the warning-sign alert. The element wires them up.

import { html } from './html.js';
import { AREAS, ACTIVITIES, RELIEF, label, guidanceFor } from './labels.js';
import { addDays, formatDay, formatTime } from './dates.js';
import { painBandKey, painLabel } from './pain.js';

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
        <h1 class="day-title" tabindex="-1">${dayTitle(day, today)}</h1>
        <p class="hint">${formatDay(day, { weekday: 'long', year: true })}${note ? html` — ${note}` : ''}</p>
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
        <p class="notice warn" data-load-note hidden></p>`;
}

function painSection() {
  return html`
        <div class="section">
          <mend-scale name="pain" label="Pain" min="0" max="10" bands
            hint="Tap a number: 0 no pain, 10 the worst you can imagine."></mend-scale>
          <fieldset>
            <legend>Where it hurts</legend>
            <div class="chips">${AREAS.map((a) => chip('areas', a, label(a)))}</div>
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
        </div>`;
}

function moodSection() {
  return html`
        <div class="section">
          <h2 class="section-title">Mood and stress</h2>
          <mend-mood name="mood"></mend-mood>
          <mend-scale name="stress" label="Stress" min="0" max="10" clearable hint="0 calm, 10 overwhelmed."></mend-scale>
          ${textarea('stress_notes', 'Stress note', 'What is weighing on you? Writing it down can show what sets off a flare-up.')}
        </div>`;
}

function sleepSection() {
  return html`
        <div class="section">
          <h2 class="section-title">Last night's sleep</h2>
          <div class="split">
            ${stepper('sleep_hours', 'Hours slept', 'Half an hour less sleep', 'Half an hour more sleep', 'decimal')}
            ${stepper('night_wakings', 'Night wakings', 'One waking fewer', 'One waking more', 'numeric')}
          </div>
          <mend-scale name="sleep_quality" label="Sleep quality" min="1" max="5" clearable hint="1 very poor, 5 very good."></mend-scale>
          ${textarea('sleep_notes', 'Sleep note', '')}
        </div>`;
}

/** Exercises (filled in later by exercisesHTML) and relief. */
function careSection() {
  return html`
        <div class="section">
          <fieldset>
            <legend>Exercises done</legend>
            <div class="chips" data-exercises><p class="hint">Loading exercises…</p></div>
            <p class="field-error" data-error-for="exercises"></p>
          </fieldset>
          <fieldset>
            <legend>Relief used</legend>
            <div class="chips">${RELIEF.map((r) => chip('relief', r, label(r)))}</div>
            <p class="field-error" data-error-for="relief"></p>
          </fieldset>
        </div>`;
}

/**
 * The whole log form for day. Its id is set by the element.
 * @param {string} day the day logged
 * @param {string} today the calendar day
 * @param {string} logical the default log day
 * @returns {SafeHTML}
 */
export function logFormHTML(day, today, logical) {
  return html`
      <form novalidate>${dayHeader(day, today, logical)}
${painSection()}
${moodSection()}
${sleepSection()}
${careSection()}

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
 * The day's readings, with a link to edit them.
 * @param {import('../journal.js').DayData} data
 * @param {string} day
 * @param {string} tz the user's time zone
 */
export function readingsHTML(data, day, tz) {
  const { pain, mood, stress, entry } = data;
  if (!pain.length && !mood.length && !stress.length && !entry) {
    return html`<p class="hint">Nothing logged for this day yet.</p>`;
  }
  return html`
      <ul class="readings">
        ${pain.map((p) => html`<li><span class="pill band-${painBandKey(p.score)}">Pain ${painLabel(p.score)}</span>
          <span class="muted">${formatTime(p.at || p.created, tz)}</span>
          ${(p.areas ?? []).length ? html`<span>${(p.areas ?? []).map(label).join(', ')}</span>` : ''}
          ${p.activity ? html`<span>${label(p.activity)}</span>` : ''}</li>`)}
        ${mood.map((m) => html`<li><span class="pill">Mood ${m.score} of 5</span><span class="muted">${formatTime(m.at || m.created, tz)}</span></li>`)}
        ${stress.map((s) => html`<li><span class="pill">Stress ${s.score} of 10</span><span class="muted">${formatTime(s.at || s.created, tz)}</span></li>`)}
      </ul>
      <p><a href="#/day/${day}">Edit or delete readings for this day</a></p>`;
}

/**
 * Guidance for the ticked warning signs, most urgent first.
 * @param {string[]} flags
 */
export function flagAlertHTML(flags) {
  return html`${guidanceFor(flags).map((x) => html`<div class="guidance ${x.level}"><strong>${label(x.flag)}: ${x.level === 'urgent' ? 'get urgent care' : 'see a clinician soon'}</strong>${x.message} <a href="#/safety">When to seek care</a></div>`)}`;
}
