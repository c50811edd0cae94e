// Reading and writing a form's controls as [name, value] pairs (browser only).

/**
 * Sets controls of form from pairs: radios and checkboxes are checked when
 * their value is listed, other controls take the last value. Names in skip
 * (e.g. fields the user already touched) are left alone; names absent from
 * pairs are left alone too unless clear lists them.
 * @param {HTMLFormElement} form
 * @param {[string, string][]} pairs
 * @param {{skip?: Set<string>, clear?: string[]}} [opts]
 */
export function fillForm(form, pairs, opts = {}) {
  /** @type {Map<string, string[]>} */
  const byName = new Map();
  for (const [k, v] of pairs) byName.set(k, [...(byName.get(k) ?? []), String(v)]);
  for (const name of opts.clear ?? []) if (!byName.has(name)) byName.set(name, []);
  for (const [name, values] of byName) {
    if (opts.skip?.has(name)) continue;
    for (const el of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      const c = /** @type {HTMLInputElement} */ (el);
      if (c.type === 'radio' || c.type === 'checkbox') c.checked = values.includes(c.value);
      else c.value = values.at(-1) ?? '';
    }
  }
  // Let components (scales, faces, red flags) refresh their readouts.
  for (const el of form.querySelectorAll('mend-scale, mend-mood, mend-red-flags')) {
    el.dispatchEvent(new Event('change', { bubbles: false }));
  }
}

/**
 * The form's controls as pairs, leaving out names in omit.
 * @param {HTMLFormElement} form
 * @param {string[]} [omit]
 * @returns {[string, string][]}
 */
export function formPairs(form, omit = []) {
  /** @type {[string, string][]} */
  const out = [];
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && !omit.includes(k)) out.push([k, v]);
  return out;
}
