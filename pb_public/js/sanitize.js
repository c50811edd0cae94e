// Rendering CMS rich text (articles.body, exercises.steps). The server
// sanitizes it on save; this is the second fence. The HTML is parsed with
// DOMParser (which runs no scripts and loads nothing), then rebuilt node by
// node into a fresh fragment from an allowlist of tags and attributes: any
// other element is dropped with its content (script, style, iframe, svg…)
// or unwrapped to its text (unknown inline tags); every attribute but a
// checked href/src/alt/title is removed, so no event handler, inline style
// or foreign image survives. Browser only.

import { safeHref, safeImageSrc } from './lib/safeurl.js';

const KEEP = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote',
  'a', 'img', 'hr', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'sub', 'sup', 'span', 'div']);
const DROP = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'noscript', 'form',
  'input', 'button', 'select', 'textarea', 'link', 'meta', 'base', 'frame', 'frameset', 'audio', 'video', 'source', 'canvas']);
/** Headings inside a piece start below the page's h1. */
const RENAME = /** @type {Record<string,string>} */ ({ h1: 'h2', h5: 'h4', h6: 'h4' });

/**
 * Parses html and returns a safe DocumentFragment for document.
 * @param {string} input
 * @returns {DocumentFragment}
 */
export function cleanHTML(input) {
  const parsed = new DOMParser().parseFromString(String(input ?? ''), 'text/html');
  const out = document.createDocumentFragment();
  copyChildren(parsed.body, out, 0);
  return out;
}

/**
 * @param {Node} from
 * @param {Node} to
 * @param {number} depth
 */
function copyChildren(from, to, depth) {
  if (depth > 40) return; // absurd nesting: stop rather than recurse forever
  for (const n of from.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(n.textContent ?? ''));
      continue;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
    const el = /** @type {Element} */ (n);
    const tag = RENAME[el.localName] ?? el.localName;
    if (DROP.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
    if (!KEEP.has(tag)) {
      copyChildren(el, to, depth + 1); // unwrap: keep the text, lose the tag
      continue;
    }
    const copy = document.createElement(tag);
    if (tag === 'a') {
      const href = safeHref(el.getAttribute('href'));
      if (href) {
        copy.setAttribute('href', href);
        if (/^https?:/i.test(href)) copy.setAttribute('rel', 'noopener noreferrer external');
      }
    } else if (tag === 'img') {
      const src = safeImageSrc(el.getAttribute('src'), location.origin);
      if (!src) continue;
      copy.setAttribute('src', src);
      copy.setAttribute('alt', el.getAttribute('alt') ?? '');
      copy.setAttribute('loading', 'lazy');
    }
    const title = el.getAttribute('title');
    if (title) copy.setAttribute('title', title);
    if ((tag === 'th' || tag === 'td') && /^\d{1,2}$/.test(el.getAttribute('colspan') ?? '')) copy.setAttribute('colspan', /** @type {string} */ (el.getAttribute('colspan')));
    copyChildren(el, copy, depth + 1);
    to.appendChild(copy);
  }
}
