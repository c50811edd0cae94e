// <mend-library> — published articles and exercises, filtered to the
// parent's weeks since birth (and delivery type for exercises), with pieces
// that match her own flare-ups (e.g. sleep articles when flare-ups follow
// short nights) first.
//
// Usage:
//   <mend-library></mend-library>
//   <mend-library all></mend-library>    shows every piece, whatever the stage
//
// The API rules already hide drafts and scheduled pieces; this only chooses
// and orders. Works signed out too (then nothing is filtered).

import { html, setHTML } from '../lib/html.js';
import { weeksPostpartum } from '../lib/dates.js';
import { orderArticles, exerciseSuits, exerciseEarliestWeek, flareTopics } from '../lib/library.js';
import { label } from '../lib/labels.js';
import { errorSummary } from '../lib/errors.js';
import { pb, currentUser, deliveryDay, todayDay } from '../api.js';

export class MendLibrary extends HTMLElement {
  connectedCallback() {
    const all = this.hasAttribute('all');
    const user = currentUser();
    const weeks = all || !user ? null : weeksPostpartum(deliveryDay(), todayDay());
    setHTML(this, html`
      <h1 tabindex="-1">Library</h1>
      <p class="hint">${weeks !== null
        ? html`Showing what suits ${weeks} week${weeks === 1 ? '' : 's'} after birth. <a href="#/library/all">Show everything</a>`
        : user && !all ? html`Add your baby's birth date in <a href="#/settings">Settings</a> to see what suits your stage.`
        : all && user ? html`Showing everything. <a href="#/library">Show what suits my stage</a>` : ''}</p>
      ${user ? '' : html`<div class="notice guest-cta"><p>Mend is a private journal for pain, mood and sleep after birth. With an account, the library puts first what suits your stage and your own flare-ups.</p>
        <p class="row"><a class="btn small primary" href="#/signup">Create an account</a><a class="btn small" href="#/signin">Sign in</a></p></div>`}
      <p class="guidance prompt">Stop any exercise that hurts and ask a physical therapist. <a href="#/safety">When to seek care</a></p>
      <div data-body aria-busy="true"><p class="hint">Loading…</p></div>`);
    void this.#load(weeks, user?.delivery_type ?? '', !!user);
  }

  /** @param {number|null} weeks @param {string} deliveryType @param {boolean} signedIn */
  async #load(weeks, deliveryType, signedIn) {
    const body = /** @type {HTMLElement} */ (this.querySelector('[data-body]'));
    try {
      const [articles, exercises, flares] = await Promise.all([
        pb.collection('articles').getFullList({ sort: '-published_at', fields: 'id,title,slug,summary,category,topics,weeks_from,weeks_to,published_at' }),
        pb.collection('exercises').getFullList({ sort: 'earliest_week,name', fields: 'id,name,slug,targets,earliest_week,earliest_week_cesarean,reps,cautions' }),
        signedIn ? pb.collection('flareups').getList(1, 50, { sort: '-start_day', fields: 'links', skipTotal: true }).then((r) => r.items).catch(() => []) : Promise.resolve([]),
      ]);
      const topics = flareTopics(/** @type {any[]} */ (flares));
      const ordered = orderArticles(/** @type {any[]} */ (articles), weeks, topics);
      const ex = exercises.filter((e) => exerciseSuits(/** @type {any} */ (e), weeks, deliveryType));
      const why = topics.map((t) => (t === 'sleep' ? 'short nights' : t === 'stress' ? 'stressful days' : t)).join(' and ');
      body.removeAttribute('aria-busy');
      setHTML(body, html`
        <h2>Articles</h2>
        ${ordered.some(([, hit]) => hit) ? html`<p class="hint" data-for-you>Marked “For you”: your flare-ups followed ${why}, and these are about that.</p>` : ''}
        ${ordered.length ? html`<ul class="cards">${ordered.map(([a, hit]) => html`<li><a href="#/library/article/${encodeURIComponent(a.slug ?? '')}">
            <h3>${a.title ?? ''}</h3>
            ${hit ? html`<span class="badge">For you</span>` : ''}
            <p>${a.summary ?? ''}</p></a></li>`)}</ul>`
          : html`<p class="hint">No articles for this stage yet.</p>`}
        <h2>Exercises</h2>
        ${ex.length ? html`<ul class="cards">${ex.map((e) => html`<li><a href="#/library/exercise/${encodeURIComponent(e.slug ?? '')}">
            <h3>${e.name ?? ''}</h3>
            <p>${(e.targets ?? []).map(label).join(', ')}${e.reps ? ` · ${e.reps}` : ''}${weeks === null ? ` · from week ${exerciseEarliestWeek(/** @type {any} */ (e), deliveryType)}` : ''}</p></a></li>`)}</ul>`
          : html`<p class="hint">No exercises for this stage yet.</p>`}`);
    } catch (err) {
      body.removeAttribute('aria-busy');
      setHTML(body, html`<p class="notice error">The library could not be loaded. ${errorSummary(err)}</p>`);
    }
  }
}

customElements.define('mend-library', MendLibrary);
