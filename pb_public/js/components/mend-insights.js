// <mend-insights> — what the journal shows over a period: safety guidance
// and milestones first, then the charts, flare-ups with the notes that came
// before them, and associations in plain words with their counts.
//
// Usage:
//   <mend-insights days="90"></mend-insights>   (30, 90, 180 or 365 days ending today)
//   <mend-insights days="birth"></mend-insights> (the default: since birth, or the first log if later)
//
// Data: GET /api/mend/insights and GET /api/mend/charts/{name}. The
// pain-trend tooltip formatter is defined here and escapes every user
// string with echarts.format.encodeHTML.

import { html, setHTML } from '../lib/html.js';
import { addDays, formatDay, toDay, readableDays } from '../lib/dates.js';
import { errorSummary } from '../lib/errors.js';
import { mendGet, todayDay, deliveryDay } from '../api.js';
import { firstLogDay } from '../journal.js';
import './mend-chart.js';

/** Logged days needed before a baseline, and paired days before associations (DESIGN.md). */
export const BASELINE_DAYS = 7;
export const ASSOCIATION_DAYS = 14;

const CHARTS = [
  ['pain-trend', 'Pain over time', 'Your highest pain each day, its 7-day average and sleep; past a year, one point a week or month. Flare-ups and milestones are marked; tap a day for its notes.'],
  ['calendar', 'Pain calendar', 'Each day coloured by its highest pain.'],
  ['sleep-pain', 'Sleep and pain', 'Each dot is a day: how much shorter than your usual the night before was, and how far that day’s highest pain was above your usual at that point in your recovery. The line is the pattern Mend tested.'],
  ['stress-pain', 'Stress and pain', 'Each dot is a day: how far stress and that day’s highest pain were above your usual at that point in your recovery. The line is the pattern Mend tested.'],
  ['areas', 'Where it hurts', 'How often each area was logged.'],
  ['relief', 'Relief used', 'What you used on flare-up days and on other days. This shows use, not what works.'],
];

const KIND_WORDS = /** @type {Record<string,string>} */ ({ sleep: 'Sleep note', stress: 'Stress note', note: 'Note', pain: 'Pain note' });

export class MendInsights extends HTMLElement {
  connectedCallback() {
    const to = todayDay();
    const birth = deliveryDay();
    const hasBirth = Boolean(birth && birth <= to);
    const attr = this.getAttribute('days') ?? 'birth';
    const days = [30, 90, 180, 365].includes(Number(attr)) ? Number(attr) : hasBirth ? 0 : 90;
    const from = days ? addDays(to, -(days - 1)) : birth;
    /** @type {[string, string][]} */
    const periods = [...(hasBirth ? [/** @type {[string, string]} */ (['birth', 'Since birth'])] : []),
      ...[30, 90, 180, 365].map((d) => /** @type {[string, string]} */ ([String(d), d === 365 ? '1 year' : `${d} days`]))];
    const current = days ? String(days) : 'birth';
    setHTML(this, html`
      <h1 tabindex="-1">Insights</h1>
      <div class="tabs" role="group" aria-label="Period">
        ${periods.map(([k, l]) => html`<a class="btn small ${k === current ? 'primary' : ''}" href="#/insights/${k}" ${k === current ? html`aria-current="true"` : ''}>${l}</a>`)}
      </div>
      <p class="hint" data-period-words>${formatDay(from, { year: true })} to ${formatDay(to, { year: true })}. These are patterns in your own logs, not causes or a diagnosis.</p>
      <div data-body aria-busy="true"><p class="hint">Loading your insights…</p></div>`);
    if (days) {
      void this.#load(from, to);
      return;
    }
    // Since birth, or from the first log when that is later.
    void firstLogDay().catch(() => '').then((first) => {
      const start = first && first > birth ? first : birth;
      const words = /** @type {HTMLElement} */ (this.querySelector('[data-period-words]'));
      words.textContent = `${formatDay(start, { year: true })} to ${formatDay(to, { year: true })}. These are patterns in your own logs, not causes or a diagnosis.`;
      return this.#load(start, to);
    });
  }

  /** @param {string} from @param {string} to */
  async #load(from, to) {
    const body = /** @type {HTMLElement} */ (this.querySelector('[data-body]'));
    /** @type {any} */
    let doc;
    try {
      doc = await mendGet('/api/mend/insights', { from, to });
    } catch (err) {
      body.removeAttribute('aria-busy');
      setHTML(body, html`<p class="notice error">Insights could not be loaded. ${errorSummary(err)}</p>`);
      return;
    }
    body.removeAttribute('aria-busy');
    const days = Array.isArray(doc?.days) ? doc.days : [];
    const logged = days.filter((/** @type {any} */ d) => d?.logged).length;
    const paired = pairedDays(days);
    const guidance = Array.isArray(doc?.guidance) ? doc.guidance : [];
    const milestones = Array.isArray(doc?.milestones) ? doc.milestones : [];
    const flareups = Array.isArray(doc?.flareups) ? doc.flareups : [];
    const associations = Array.isArray(doc?.associations) ? doc.associations : [];
    const baseline = typeof doc?.baseline?.pain === 'number' ? doc.baseline.pain : null;

    setHTML(body, html`
      ${guidance.length ? html`<section aria-labelledby="g-h"><h2 id="g-h">Please read</h2>
        ${guidance.map((/** @type {any} */ g) => html`<div class="guidance ${['urgent', 'prompt'].includes(g?.level) ? g.level : 'info'}">
          ${readableDays(g?.message, todayDay())}
          ${g?.article ? html` <a href="#/library/article/${encodeURIComponent(String(g.article))}">Read more</a>` : ''}</div>`)}
      </section>` : ''}

      ${milestones.length ? html`<section class="card" aria-labelledby="m-h"><h2 id="m-h">Milestones</h2><ul>
        ${milestones.map((/** @type {any} */ m) => html`<li>${m?.name ?? ''}${toDay(m?.day) ? html` — ${formatDay(toDay(m.day), { year: true })}` : ''}</li>`)}</ul></section>` : ''}

      <section class="card"><h2>Summary</h2>
        <div class="stat-grid">
          <div class="stat"><b>${logged}</b> days logged</div>
          <div class="stat"><b>${baseline !== null ? baseline.toFixed(1) : '—'}</b> usual highest pain</div>
          <div class="stat"><b>${flareups.length}</b> flare-up${flareups.length === 1 ? '' : 's'}</div>
          ${typeof doc?.weeks_postpartum === 'number' ? html`<div class="stat"><b>${doc.weeks_postpartum}</b> weeks since birth</div>` : ''}
        </div>
        ${logged < BASELINE_DAYS
          ? html`<p class="notice">Log ${BASELINE_DAYS - logged} more day${BASELINE_DAYS - logged === 1 ? '' : 's'} to see your usual pain level (a baseline needs ${BASELINE_DAYS} logged days) and spot flare-ups.</p>`
          : baseline !== null && doc?.baseline?.method ? html`<p class="hint">Your usual pain is the middle value of your highest daily pain on the logged days before (${doc.baseline.method}). A flare-up is a stretch of days well above it.</p>` : ''}
      </section>

      ${logged === 0
        ? html`<p class="notice">No logs in this period yet, so there is nothing to chart. <a href="#/today">Log today</a>.</p>`
        : CHARTS.map(([name, title, hint]) => html`<section class="card chart-card"><h2>${title}</h2><p class="hint">${hint}</p>
            <mend-chart name="${name}" from="${doc.from ?? from}" to="${doc.to ?? to}" label="${title} chart"></mend-chart></section>`)}

      <section class="card" aria-labelledby="f-h"><h2 id="f-h">Flare-ups</h2>
        ${flareups.length ? html`<ul class="assoc">${flareups.map((/** @type {any} */ f) => this.#flare(f))}</ul>`
          : logged < BASELINE_DAYS ? html`<p class="hint">Flare-ups are found against your usual pain, which needs ${BASELINE_DAYS} logged days.</p>`
          : html`<p class="hint">No flare-ups in this period.</p>`}
      </section>

      <section class="card" aria-labelledby="a-h"><h2 id="a-h">Patterns</h2>
        <p><a class="btn small" href="#/library/article/how-mend-finds-patterns">How Mend finds patterns in your log</a></p>
        ${associations.length ? html`<ul class="assoc">${associations.map((/** @type {any} */ a) => html`<li>
            ${a?.significant ? html`<span class="badge">Clear pattern</span> ` : ''}${readableDays(a?.sentence, todayDay())}
            <span class="muted">(${Number(a?.n) || 0} days compared${Number.isFinite(a?.n_exposed) ? `, ${a.n_exposed} with ${a?.exposed ?? 'the factor'}` : ''})</span></li>`)}</ul>
            <p class="hint">Patterns show what tends to go together in your logs. They do not show what causes what.</p>`
          : html`<p class="hint">${paired < ASSOCIATION_DAYS
            ? `Mend compares pain with sleep, stress, mood and exercise once it has ${ASSOCIATION_DAYS} days with pain and at least one of them logged. You have ${paired}: ${ASSOCIATION_DAYS - paired} more to go.`
            : 'No patterns stand out yet in this period.'}</p>`}
      </section>`);

    // The pain-trend tooltip: values plus the notes linked to that day. Every
    // piece of user text is escaped with ECharts' own encoder.
    const linksByDay = new Map();
    for (const f of flareups) {
      for (const l of Array.isArray(f?.links) ? f.links : []) {
        const d = toDay(l?.day);
        if (d) linksByDay.set(d, [...(linksByDay.get(d) ?? []), l]);
      }
    }
    const trend = /** @type {any} */ (this.querySelector('mend-chart[name="pain-trend"]'));
    if (trend) trend.decorate = (/** @type {any} */ option, /** @type {any} */ echarts) => painTrendTooltip(option, echarts, linksByDay);
  }

  /** @param {any} f */
  #flare(f) {
    const start = toDay(f?.start_day);
    const end = toDay(f?.end_day);
    const links = Array.isArray(f?.links) ? f.links : [];
    const sleep = typeof f?.prior_sleep_hours === 'number' && typeof f?.typical_sleep_hours === 'number'
      ? `Slept ${f.prior_sleep_hours} h the night before (usually ${f.typical_sleep_hours} h). ` : '';
    const stress = typeof f?.stress_level === 'number' && typeof f?.typical_stress === 'number'
      ? `Stress ${round1(f.stress_level)} (usually ${round1(f.typical_stress)}).` : '';
    return html`<li>
      <strong>${start ? formatDay(start, { year: true }) : ''}${end && end !== start ? ` to ${formatDay(end, { year: true })}` : ''}</strong>
      <span>Peak pain ${f?.peak ?? '?'} against a usual ${round1(f?.baseline)}.</span>
      ${sleep || stress ? html`<p class="muted">${sleep}${stress}</p>` : ''}
      ${links.length ? html`<p class="hint">What you wrote around it:</p><ul class="links">${links.map((/** @type {any} */ l) => html`<li><b>${KIND_WORDS[l?.kind] ?? 'Note'}, ${toDay(l?.day) ? formatDay(toDay(l.day)) : ''}:</b> ${String(l?.text ?? '')}</li>`)}</ul>` : ''}
    </li>`;
  }
}

/** @param {unknown} v */
function round1(v) {
  return typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '?';
}

/**
 * Days with pain and at least one other factor logged.
 * @param {any[]} days
 */
export function pairedDays(days) {
  return days.filter((d) => d?.logged && d.pain_peak !== null && d.pain_peak !== undefined &&
    [d.sleep_hours, d.stress, d.mood, d.sleep_quality].some((x) => x !== null && x !== undefined)).length;
}

/**
 * Adds the page's tooltip formatter to the server's pain-trend option. The
 * notes may sit on the data item (links, notes) or come from the insights
 * document's flare-ups (linksByDay); every string is escaped.
 * @param {any} option
 * @param {any} echarts
 * @param {Map<string, any[]>} linksByDay
 */
function painTrendTooltip(option, echarts, linksByDay) {
  const enc = (/** @type {unknown} */ s) => echarts.format.encodeHTML(String(s ?? ''));
  const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] ?? {} : option.tooltip ?? {};
  option.tooltip = {
    trigger: 'axis',
    ...tooltip,
    confine: true,
    className: 'mend-tip',
    formatter: (/** @type {any} */ params) => {
      const list = Array.isArray(params) ? params : [params];
      const first = list[0] ?? {};
      const day = toDay(first.axisValue ?? first.name ?? first?.data?.day ?? '') || String(first.axisValue ?? first.name ?? '');
      const lines = [`<b>${enc(day)}</b>`];
      /** @type {any[]} */
      let links = [];
      for (const p of list) {
        const v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
        if (p.componentType === 'series' && v !== null && v !== undefined && v !== '-') {
          // No p.marker: its markup carries an inline style the CSP blocks.
          lines.push(`${enc(p.seriesName)}: ${enc(typeof v === 'number' ? Math.round(v * 10) / 10 : v)}`);
        } else if (p.componentType === 'markPoint' || p.componentType === 'markArea' || p.componentType === 'markLine') {
          if (p.name) lines.push(enc(p.name));
        }
        const d = p?.data;
        if (d && typeof d === 'object') {
          if (Array.isArray(d.links)) links.push(...d.links);
          else if (Array.isArray(d.notes)) links.push(...d.notes);
        }
      }
      if (!links.length && linksByDay.has(day)) links = linksByDay.get(day) ?? [];
      for (const l of links.slice(0, 6)) {
        const text = typeof l === 'string' ? l : l?.text;
        const kind = typeof l === 'object' ? KIND_WORDS[l?.kind] ?? 'Note' : 'Note';
        const t = String(text ?? '');
        if (t) lines.push(`<i>${enc(kind)}:</i> ${enc(t.length > 160 ? `${t.slice(0, 157)}…` : t)}`);
      }
      return lines.join('<br>');
    },
  };
  return option;
}

customElements.define('mend-insights', MendInsights);
