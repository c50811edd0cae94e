// <mend-safety> — "When to seek care": the red flags and what to do about
// each, always one tap away from the header, signed in or not.
//
// Usage:
//   <mend-safety></mend-safety>
//
// The texts come from lib/labels.js (the same guidance the log shows when a
// warning sign is ticked) plus DESIGN.md's other moments to ask for help.

import { html, setHTML } from '../lib/html.js';
import { RED_FLAGS, RED_FLAG_GUIDANCE, label } from '../lib/labels.js';

export class MendSafety extends HTMLElement {
  connectedCallback() {
    const urgent = RED_FLAGS.filter((f) => RED_FLAG_GUIDANCE[f].level === 'urgent');
    const prompt = RED_FLAGS.filter((f) => RED_FLAG_GUIDANCE[f].level === 'prompt');
    setHTML(this, html`
      <h1 tabindex="-1">When to seek care</h1>
      <p>Mend helps you keep track; it cannot examine you. If something feels wrong, trust that and ask for help. In an emergency call your local emergency number.</p>
      <section class="guidance urgent" aria-labelledby="s-urgent"><h2 id="s-urgent">Get urgent care now</h2>
        <ul>${urgent.map((f) => html`<li><strong>${label(f)}.</strong> ${RED_FLAG_GUIDANCE[f].message}</li>`)}</ul></section>
      <section class="guidance prompt" aria-labelledby="s-prompt"><h2 id="s-prompt">See a clinician in the next few days</h2>
        <ul>${prompt.map((f) => html`<li><strong>${label(f)}.</strong> ${RED_FLAG_GUIDANCE[f].message}</li>`)}</ul></section>
      <section class="guidance info" aria-labelledby="s-info"><h2 id="s-info">Also worth raising</h2>
        <ul>
          <li>An exercise hurts: stop it and ask a physical therapist before trying again.</li>
          <li>Still in pain about 6 weeks after birth: tell your OB-GYN or midwife and ask for a pelvic-floor or postpartum physical therapy referral. In many places you can refer yourself.</li>
          <li>Pain lasting past about 6 months: it needs an evaluation, not just patience.</li>
          <li>Relying on painkillers alone to get through the day: talk to your doctor.</li>
        </ul></section>
      <p><a class="btn" href="#/library/article/when-to-seek-care">Read the full article</a></p>`);
  }
}

customElements.define('mend-safety', MendSafety);
