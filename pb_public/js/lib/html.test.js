import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHTML, html, raw, SafeHTML } from './html.js';

test('escapeHTML escapes every markup character', () => {
  assert.equal(escapeHTML(`<script>alert("x")</script> & 'y' \``), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;');
  assert.equal(escapeHTML(null), '');
  assert.equal(escapeHTML(undefined), '');
  assert.equal(escapeHTML(false), '');
  assert.equal(escapeHTML(0), '0');
});

test('html escapes values, keeps nested templates and arrays', () => {
  const note = '</p><img src=x onerror=alert(1)>';
  const out = html`<p title="${note}">${note}</p>`;
  assert.ok(out instanceof SafeHTML);
  assert.equal(out.value, '<p title="&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;</p>');
  const list = html`<ul>${['a<b', 'c'].map((s) => html`<li>${s}</li>`)}</ul>`;
  assert.equal(list.value, '<ul><li>a&lt;b</li><li>c</li></ul>');
  assert.equal(html`${raw('<b>ok</b>')}`.value, '<b>ok</b>');
  assert.equal(html`${'__f__alert(1)__f__'}`.value, '__f__alert(1)__f__');
});
