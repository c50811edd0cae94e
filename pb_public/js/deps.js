// The vendored libraries, imported by relative path: an inline import map
// would be blocked by the Content-Security-Policy (script-src 'self').

export { default as PocketBase } from '../vendor/pocketbase@0.28.1/pocketbase.es.mjs';

/** @type {Promise<any>|null} */
let echartsPromise = null;

/**
 * Loads ECharts 5.6.0 (about 1 MB) on first use. Only the insights page
 * calls this, so no other page downloads it.
 * @returns {Promise<any>} the echarts namespace (init, format, …)
 */
export function loadECharts() {
  echartsPromise ??= import('../vendor/echarts@5.6.0/echarts.esm.min.js').catch((err) => {
    echartsPromise = null; // let a later visit retry after a network failure
    throw err;
  });
  return echartsPromise;
}
