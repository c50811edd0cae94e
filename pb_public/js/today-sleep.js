// Last night's sleep on Today: the range chips (sleep_hours) and the exact
// hours under "Sleep details" (sleep_exact) kept in step (browser only).

import { fillForm } from './form-state.js';
import { sleepChoiceFor } from './lib/sleep.js';

/**
 * A chip clears the exact number; a typed number ticks its range; Clear is
 * shown while either holds a value. Returns the names it changed.
 * @param {HTMLFormElement} form
 * @param {''|'chip'|'exact'} from what changed ('' only refreshes Clear)
 * @returns {string[]}
 */
export function syncSleep(form, from) {
  const exact = /** @type {HTMLInputElement} */ (form.elements.namedItem('sleep_exact'));
  /** @type {string[]} */
  const changed = [];
  if (from === 'chip') {
    exact.value = '';
    changed.push('sleep_exact');
  } else if (from === 'exact') {
    const c = sleepChoiceFor(exact.value.trim() === '' ? null : Number(exact.value.replace(',', '.')));
    if (c) fillForm(form, [['sleep_hours', String(c.value)]]);
    changed.push('sleep_hours');
  }
  const chosen = form.querySelector('input[name=sleep_hours]:checked') || exact.value.trim() !== '';
  const clear = /** @type {HTMLElement|null} */ (form.querySelector('[data-clear-sleep]'));
  if (clear) clear.hidden = !chosen;
  return changed;
}

/**
 * "Clear": sleep back to not logged. Returns the names it changed.
 * @param {HTMLFormElement} form
 */
export function clearSleep(form) {
  fillForm(form, [], { clear: ['sleep_hours', 'sleep_exact'] });
  syncSleep(form, '');
  return ['sleep_hours', 'sleep_exact'];
}
