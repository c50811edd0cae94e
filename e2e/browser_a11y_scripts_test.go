package e2e

// The in-page scripts that TestBrowserContrast runs: colour maths, the
// contrast walk, the focus probe and the chart-animation wait. They are
// JavaScript, so they sit apart from the Go steps that call them.

// colourJS holds the page-side colour maths shared by both checks: CSS
// colour parsing, alpha compositing, the effective background behind an
// element (null when an image or gradient is in the way) and the WCAG 2
// contrast ratio.
const colourJS = `
	const parse = (s) => {
		const m = /rgba?\(([^)]+)\)/.exec(s);
		if (!m) return null;
		const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
		return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
	};
	const over = (t, b) => {
		const a = t[3] + b[3] * (1 - t[3]);
		return [0, 1, 2].map((i) => (t[i] * t[3] + b[i] * b[3] * (1 - t[3])) / (a || 1)).concat(a);
	};
	const bgOf = (el) => {
		const layers = [];
		for (let e = el; e; e = e.parentElement) {
			const cs = getComputedStyle(e);
			if (cs.backgroundImage !== 'none') return null;
			const c = parse(cs.backgroundColor);
			if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
		}
		return layers.reduceRight((acc, l) => over(l, acc), [255, 255, 255, 1]); // the canvas is white
	};
	// A chart's text sits on SVG shapes, not on an element's background:
	// the filled shapes painted before it under its centre are laid on bg,
	// then a halo (ECharts' textBorder, a stroke painted under the fill).
	const svgBg = (el, bg) => {
		const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
		for (const s of el.ownerSVGElement?.querySelectorAll('path, rect, circle, ellipse, polygon') ?? []) {
			if (!(el.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_PRECEDING)) break;
			const cs = getComputedStyle(s), f = parse(cs.fill), m = s.getScreenCTM();
			if (!f || !m || !(m.a * m.d - m.b * m.c) || !s.isPointInFill(new DOMPoint(x, y).matrixTransform(m.inverse()))) continue;
			bg = over([f[0], f[1], f[2], f[3] * cs.fillOpacity * cs.opacity], bg);
		}
		const cs = getComputedStyle(el), halo = parse(cs.stroke);
		if (halo && parseFloat(cs.strokeWidth) >= 1 && cs.paintOrder.startsWith('stroke')) bg = over([halo[0], halo[1], halo[2], halo[3] * cs.strokeOpacity], bg);
		return bg;
	};
	const lum = (c) => {
		const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
		return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
	};
	const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
	const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
	const path = (el) => {
		const parts = [];
		for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
			const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '';
			const name = e.getAttribute('name') ? '[name=' + e.getAttribute('name') + ']' + (e instanceof HTMLInputElement ? '[value=' + e.value + ']' : '') : '';
			parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : cls) + name);
		}
		return parts.join(' > ');
	};`

// contrastJS checks every visible element that directly holds text (and
// every form field showing a value) against the WCAG AA minimum: 4.5:1, or
// 3:1 for large text (24 px, or 18.66 px bold). Disabled controls are exempt
// (WCAG 1.4.3); screen-reader-only text is not seen, so not checked.
const contrastJS = `(() => {` + colourJS + `
	const srOnly = (el) => { for (let e = el; e; e = e.parentElement) { if (getComputedStyle(e).clipPath === 'inset(50%)') return true; } return false; };
	const field = (el) => (el.matches('input:not([type=hidden],[type=checkbox],[type=radio],[type=range],[type=color],[type=file]), textarea') && el.value) || el.matches('select');
	const out = {checked: 0, skippedImage: 0, skippedDisabled: 0, failures: []};
	const seen = new Map();
	for (const el of document.body.querySelectorAll('*')) {
		if (el.matches('script, style, noscript, option, optgroup')) continue;
		const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim() || (field(el) ? '[value] ' + (el.value ?? '') : '');
		if (!text || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
		const r = el.getBoundingClientRect();
		if (r.width <= 1 || r.height <= 1 || srOnly(el)) continue;
		if (el.closest('[disabled], [aria-disabled=true]') || el.closest('label')?.querySelector('input:disabled')) { out.skippedDisabled++; continue; }
		const svg = el instanceof SVGElement;
		let bg = bgOf(el);
		if (!bg) { out.skippedImage++; continue; }
		if (svg) bg = svgBg(el, bg);
		const cs = getComputedStyle(el);
		let fg = parse(svg ? cs.fill : cs.color);
		if (!fg) { out.failures.push({path: path(el), text: text.slice(0, 40), fg: (svg ? cs.fill : cs.color), bg: hex(bg), ratio: 0, need: 4.5, count: 1}); continue; }
		if (svg) fg[3] *= Number(cs.fillOpacity);
		let opacity = 1;
		for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
		fg = over([fg[0], fg[1], fg[2], fg[3] * opacity], bg); // group opacity as a fade toward the backdrop
		const size = parseFloat(cs.fontSize), weight = Number(cs.fontWeight);
		const need = size >= 24 || (size >= 18.66 && weight >= 700) ? 3 : 4.5;
		const got = ratio(fg, bg);
		out.checked++;
		if (got >= need) continue;
		const key = path(el) + hex(fg) + hex(bg);
		if (seen.has(key)) { seen.get(key).count++; continue; }
		const f = {path: path(el), text: text.slice(0, 40), fg: hex(fg), bg: hex(bg), ratio: Math.round(got * 100) / 100, need, count: 1};
		seen.set(key, f);
		out.failures.push(f);
	}
	return out;
})()`

// chartsSettled is true when no chart is animating: ECharts fades labels
// in and grows bars for about a second, and a half-drawn label would be
// measured against the wrong colours. zrender's animation.isFinished is
// what ECharts itself checks before its "finished" event.
const chartsSettled = `[...document.querySelectorAll('mend-chart')].every((c) => {
	const el = c.querySelector('.chart');
	return !c.echarts || !el || c.echarts.getInstanceByDom(el)?.getZr().animation.isFinished() !== false;
})`

// focusJS describes the focused element and whether it shows a focus
// indicator: an outline (which must reach 3:1 against what surrounds it,
// WCAG 1.4.11) or a box-shadow. A chip's radio or checkbox is invisible, so
// its indicator is drawn on the chip beside it.
const focusJS = `(() => {` + colourJS + `
	const a = document.activeElement;
	if (!a || a === document.body) return {path: 'body', how: ''};
	const shown = a.matches('.opt input') ? a.nextElementSibling : a;
	const cs = getComputedStyle(shown), oc = parse(cs.outlineColor);
	if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1 && oc && oc[3] > 0) {
		const bg = bgOf(shown.parentElement) ?? [255, 255, 255, 1];
		return {path: path(a), how: 'outline ' + hex(oc) + ' on ' + hex(bg), ratio: ratio(over(oc, bg), bg)};
	}
	return {path: path(a), how: cs.boxShadow !== 'none' ? 'box-shadow' : '', ratio: 3};
})()`
