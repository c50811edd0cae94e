// <mend-chart> — one chart from GET /api/mend/charts/{name}, drawn with
// ECharts' SVG renderer. ECharts (vendored 5.6.0) is loaded on first use, so
// only pages that show a chart download it.
//
// Usage:
//   <mend-chart name="pain-trend" from="2026-01-01" to="2026-03-31" label="Pain over time"></mend-chart>
//   chart.decorate = (option, echarts) => option;   // optional: add formatters defined by the page
//
// The server sends pure-data options (no functions); any formatter that
// shows user text must be defined by the page and escape it with
// echarts.format.encodeHTML.

import { html, setHTML } from '../lib/html.js';
import { errorSummary } from '../lib/errors.js';
import { loadECharts } from '../deps.js';
import { mendGet } from '../api.js';
import { isDark } from '../theme-switch.js';
import { stripTooltipFormatters } from '../lib/chart-safe.js';

export class MendChart extends HTMLElement {
  /** @type {((option: any, echarts: any) => any)|null} */
  decorate = null;
  /** @type {any} */
  #chart = null;
  /** @type {any} */
  #option = null;
  /** @type {ResizeObserver|null} */
  #ro = null;
  #onTheme = () => this.#draw();

  connectedCallback() {
    const name = this.getAttribute('name') ?? '';
    const lbl = this.getAttribute('label') ?? name;
    setHTML(this, html`<div class="chart ${name === 'pain-trend' || name === 'calendar' ? 'tall' : ''}" role="img" aria-label="${lbl}"></div>
      <p class="hint" data-chart-status>Loading chart…</p>`);
    document.addEventListener('mend-theme', this.#onTheme);
    void this.#load(name);
  }

  disconnectedCallback() {
    document.removeEventListener('mend-theme', this.#onTheme);
    this.#ro?.disconnect();
    this.#chart?.dispose();
    this.#chart = null;
  }

  /** @param {string} name */
  async #load(name) {
    const status = /** @type {HTMLElement} */ (this.querySelector('[data-chart-status]'));
    /** @type {Record<string,string>} */
    const q = {};
    for (const k of ['from', 'to']) {
      const v = this.getAttribute(k);
      if (v) q[k] = v;
    }
    try {
      const [echarts, option] = await Promise.all([
        loadECharts(),
        mendGet(`/api/mend/charts/${encodeURIComponent(name)}`, q),
      ]);
      this.echarts = echarts;
      this.#option = option;
      this.#draw();
      status.textContent = '';
      status.hidden = true;
    } catch (err) {
      status.hidden = false;
      status.className = 'notice error';
      status.textContent = `This chart could not be drawn. ${errorSummary(err)}`;
    }
  }

  #draw() {
    const el = /** @type {HTMLElement|null} */ (this.querySelector('.chart'));
    if (!el || !this.echarts || !this.#option || !this.isConnected) return;
    this.#chart?.dispose();
    const dark = isDark();
    this.#chart = this.echarts.init(el, dark ? 'dark' : null, { renderer: 'svg' });
    let option = structuredClone(this.#option);
    if (dark) option.backgroundColor = 'transparent';
    // The page shows each chart's title as a heading already.
    for (const t of Array.isArray(option.title) ? option.title : option.title ? [option.title] : []) t.show = false;
    if (option.title && option.legend && !Array.isArray(option.legend) && typeof option.legend.top !== 'number') option.legend.top = 0;
    // ECharts' light default for a calendar's year label is #ccc (1.6:1 on
    // white, below WCAG AA even for large text); the server sets a colour
    // for paper, and the page's muted text colour, which passes in both
    // themes, replaces it here.
    const muted = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim();
    for (const c of Array.isArray(option.calendar) ? option.calendar : option.calendar ? [option.calendar] : []) {
      c.yearLabel = { ...c.yearLabel, color: muted };
    }
    option = safeTooltip(option, this.echarts);
    if (this.decorate) option = this.decorate(option, this.echarts) ?? option;
    this.#chart.setOption(option);
    this.#ro ??= new ResizeObserver(() => this.#chart?.resize());
    this.#ro.observe(el);
  }
}

/**
 * Replaces the tooltip formatter with one that escapes every string and
 * writes no inline style: ECharts' default tooltip markup carries style=""
 * attributes, which the Content-Security-Policy (style-src 'self') blocks.
 * Tooltip formatters anywhere else in the option are dropped for the same reason.
 * @param {any} option
 * @param {any} echarts
 */
export function safeTooltip(option, echarts) {
  const enc = (/** @type {unknown} */ s) => echarts.format.encodeHTML(String(s ?? ''));
  const fmt = (/** @type {unknown} */ v) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v ?? ''));
  // At any nesting (data items, markPoint/markLine/markArea…), not only series.
  stripTooltipFormatters(option);
  const base = Array.isArray(option.tooltip) ? option.tooltip[0] ?? {} : option.tooltip ?? {};
  option.tooltip = {
    ...base,
    confine: true,
    className: 'mend-tip',
    formatter: (/** @type {any} */ params) => {
      const list = Array.isArray(params) ? params : [params];
      const head = list[0]?.axisValueLabel ?? list[0]?.axisValue ?? (Array.isArray(params) ? '' : list[0]?.name);
      const lines = head ? [`<b>${enc(head)}</b>`] : [];
      for (const p of list) {
        const v = Array.isArray(p?.value) ? p.value.map(fmt).join(', ') : fmt(p?.value);
        const who = p?.seriesName && !String(p.seriesName).startsWith('series') ? `${enc(p.seriesName)}: ` : '';
        if (!Array.isArray(params) && p?.name && p.name !== head) lines.push(enc(p.name));
        if (v !== '' && v !== '-') lines.push(`${who}${enc(v)}`);
      }
      return lines.join('<br>');
    },
  };
  return option;
}

customElements.define('mend-chart', MendChart);
