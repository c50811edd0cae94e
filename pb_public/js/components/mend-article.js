// <mend-article> — one article or exercise from the library, its rich text
// rebuilt through the allowlist cleaner in js/sanitize.js.
//
// Usage:
//   <mend-article kind="article" slug="when-to-seek-care"></mend-article>
//   <mend-article kind="exercise" slug="pelvic-tilt"></mend-article>

import { html, setHTML } from '../lib/html.js';
import { formatDay, toDay } from '../lib/dates.js';
import { label } from '../lib/labels.js';
import { errorSummary } from '../lib/errors.js';
import { cleanHTML } from '../sanitize.js';
import { pb, filter, fileURL } from '../api.js';

export class MendArticle extends HTMLElement {
  connectedCallback() {
    const kind = this.getAttribute('kind') === 'exercise' ? 'exercise' : 'article';
    const slug = this.getAttribute('slug') ?? '';
    setHTML(this, html`<p><a href="#/library">‹ Library</a></p><div data-body aria-busy="true"><p class="hint">Loading…</p></div>`);
    void this.#load(kind, slug);
  }

  /** @param {'article'|'exercise'} kind @param {string} slug */
  async #load(kind, slug) {
    const body = /** @type {HTMLElement} */ (this.querySelector('[data-body]'));
    try {
      const r = /** @type {any} */ (await pb.collection(kind === 'article' ? 'articles' : 'exercises')
        .getFirstListItem(filter('slug = {:slug}', { slug })));
      const img = kind === 'article' ? r.cover : r.image;
      const src = img ? await fileURL(r, img, { thumb: '800x0' }) : '';
      body.removeAttribute('aria-busy');
      setHTML(body, html`
        <article>
          <h1 tabindex="-1">${kind === 'article' ? r.title : r.name}</h1>
          ${src ? html`<img class="cover" src="${src}" alt="">` : ''}
          ${kind === 'article' && r.summary ? html`<p><strong>${r.summary}</strong></p>` : ''}
          ${kind === 'exercise' ? html`<p class="muted">${(r.targets ?? []).map(label).join(', ')}${r.reps ? ` · ${r.reps}` : ''}</p>` : ''}
          ${kind === 'exercise' && r.cautions ? html`<p class="guidance prompt"><strong>Take care</strong>${r.cautions}</p>` : ''}
          <div class="rich" data-rich></div>
          ${kind === 'article' && toDay(r.published_at) ? html`<p class="hint">Published ${formatDay(toDay(r.published_at), { year: true })}.</p>` : ''}
          <p class="hint">Mend informs; it does not diagnose. <a href="#/safety">When to seek care</a></p>
        </article>`);
      /** @type {HTMLElement} */ (body.querySelector('[data-rich]')).append(cleanHTML(kind === 'article' ? r.body : r.steps));
      document.title = `${kind === 'article' ? r.title : r.name} · Mend`;
      /** @type {HTMLElement} */ (body.querySelector('h1')).focus();
    } catch (/** @type {any} */ err) {
      body.removeAttribute('aria-busy');
      setHTML(body, err?.status === 404
        ? html`<h1 tabindex="-1">Not found</h1><p>This piece is not in the library (it may have been retired). <a href="#/library">Back to the library</a></p>`
        : html`<p class="notice error">This piece could not be loaded. ${errorSummary(err)}</p>`);
    }
  }
}

customElements.define('mend-article', MendArticle);
