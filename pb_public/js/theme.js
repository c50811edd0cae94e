// Applies the saved colour theme before first paint. A classic script (not a
// module) so it runs before the stylesheet is applied; a file, not inline, so
// the Content-Security-Policy can forbid inline scripts. "light" or "dark"
// pin the theme; no value follows the system (prefers-color-scheme).
(function () {
  try {
    var t = localStorage.getItem('mend.theme');
    if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
  } catch (e) { /* storage may be blocked; follow the system */ }
})();
