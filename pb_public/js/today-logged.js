// What is already logged for the day, at the top of Today (browser only):
// the readings with Edit and Delete, and, once the day has a pain reading,
// "Add another reading" in place of the fields, so a parent back on Today
// sees what is saved instead of an empty form that invites a duplicate.

import { setHTML } from './lib/html.js';
import { readingsHTML } from './lib/today-view.js';
import { errorSummary } from './lib/errors.js';
import { userTimeZone } from './api.js';
import { deleteRecord } from './journal.js';
import { askToDelete } from './confirm.js';

/**
 * @param {HTMLElement & {day: string}} host the <mend-today>
 * @param {import('./journal.js').DayData} d
 * @param {boolean} adding the parent asked for another reading
 * @param {HTMLElement|null} actions the Save bar
 */
export function renderLogged(host, d, adding, actions) {
  const any = d.pain.length + d.mood.length + d.stress.length > 0 || Boolean(d.entry);
  /** @type {HTMLElement} */ (host.querySelector('[data-logged]')).hidden = !any;
  setHTML(/** @type {HTMLElement} */ (host.querySelector('[data-readings]')), readingsHTML(d, host.day, userTimeZone()));
  const show = !d.pain.length || adding;
  /** @type {HTMLElement} */ (host.querySelector('[data-fields]')).hidden = !show;
  /** @type {HTMLElement} */ (host.querySelector('[data-add-more]')).hidden = show;
  const button = /** @type {HTMLElement|null|undefined} */ (actions?.querySelector('button[type=submit]'));
  if (button) button.hidden = !show;
}

/**
 * A tap in the readings list: Delete asks in place, then deletes.
 * @param {Event} e
 * @param {() => void} reload
 * @param {(text: string, kind: ''|'ok'|'error') => void} status
 */
export function onDeleteClick(e, reload, status) {
  const btn = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (e.target).closest('[data-delete]'));
  const li = /** @type {HTMLElement|null} */ (btn?.closest('[data-id]'));
  if (!btn || !li) return;
  askToDelete(btn, async () => {
    try {
      await deleteRecord(li.dataset.collection ?? '', li.dataset.id ?? '');
      status('Deleted', 'ok');
      reload();
    } catch (err) {
      status(`Not deleted. ${errorSummary(err)}`, 'error');
    }
  });
}
