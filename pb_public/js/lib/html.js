// Escaping and a tiny tagged template. Every interpolated value is escaped
// unless it is itself the result of html`` (or raw(), used only for markup
// the code wrote, never for user text). Render with setHTML(el, html`...`).

const ESCAPES = /** @type {const} */ ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;',
});

/**
 * Escapes text for use in HTML content and quoted attribute values.
 * @param {unknown} v
 * @returns {string}
 */
export function escapeHTML(v) {
  if (v === null || v === undefined || v === false) return '';
  return String(v).replace(/[&<>"'`]/g, (c) => ESCAPES[/** @type {keyof typeof ESCAPES} */ (c)]);
}

/** Markup that is already safe. */
export class SafeHTML {
  /** @param {string} s */
  constructor(s) { this.value = s; }
  toString() { return this.value; }
}

/**
 * Marks code-authored markup as safe. Never pass user text.
 * @param {string} s
 */
export function raw(s) {
  return new SafeHTML(s);
}

/** @param {unknown} v @returns {string} */
function part(v) {
  if (v instanceof SafeHTML) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  return escapeHTML(v);
}

/**
 * Escaping template tag: html`<p>${userText}</p>`.
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 * @returns {SafeHTML}
 */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return new SafeHTML(out);
}

/**
 * Replaces el's content with the template's markup.
 * @param {Element} el
 * @param {SafeHTML} tpl
 */
export function setHTML(el, tpl) {
  if (!(tpl instanceof SafeHTML)) throw new TypeError('setHTML needs html`` output');
  el.innerHTML = tpl.value;
}
