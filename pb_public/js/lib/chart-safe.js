// Pure helpers for <mend-chart> (no DOM, no ECharts), so node can test them.

/**
 * Removes every tooltip formatter in an ECharts option, at any nesting:
 * option.tooltip, series[].tooltip, series[].data[].tooltip, markPoint /
 * markLine / markArea (and their data items), and anything deeper. ECharts
 * writes a formatter's output as HTML, so only the page's escaping
 * formatter may be installed. Mutates and returns option.
 * @param {any} option
 */
export function stripTooltipFormatters(option) {
  /** @type {Set<any>} */
  const seen = new Set();
  /** @param {any} node @param {boolean} inTooltip */
  const walk = (node, inTooltip) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const x of node) walk(x, inTooltip);
      return;
    }
    if (inTooltip) {
      delete node.formatter;
      delete node.valueFormatter;
    }
    for (const [k, v] of Object.entries(node)) walk(v, k === 'tooltip');
  };
  walk(option, false);
  return option;
}
