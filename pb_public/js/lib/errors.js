// Turning PocketBase errors into words. A ClientResponseError carries
// {status, response: {message, data: {field: {code, message}}}}; a network
// failure has status 0.

/**
 * Per-field messages from a PocketBase error: {field: message}.
 * @param {any} err
 * @returns {Record<string,string>}
 */
export function fieldErrors(err) {
  const data = err?.response?.data ?? err?.data?.data ?? {};
  /** @type {Record<string,string>} */
  const out = {};
  if (!data || typeof data !== 'object') return out;
  for (const [k, v] of Object.entries(data)) {
    if (v && typeof v === 'object' && typeof v.message === 'string') out[k] = v.message;
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * Whether err means the request never reached the server (offline, DNS,
 * connection refused), as opposed to an answer saying no.
 * @param {any} err
 */
export function isNetworkError(err) {
  if (!err) return false;
  if (err.isAbort) return false;
  if (err.status === 0) return true;
  return err instanceof TypeError; // fetch() rejects with TypeError when offline
}

/**
 * One sentence for a status region: the server's message plus each field's.
 * @param {any} err
 * @param {Record<string,string>} [labels] field name -> human label
 */
export function errorSummary(err, labels = {}) {
  if (isNetworkError(err)) return 'Could not reach Mend. Check your connection and try again.';
  const fields = fieldErrors(err);
  const parts = Object.entries(fields).map(([k, m]) => `${labels[k] ?? k.replace(/_/g, ' ')}: ${m}`);
  const base = err?.response?.message || err?.message || 'Something went wrong.';
  if (err?.status === 401 || err?.status === 403) return 'Your session has ended. Please sign in again.';
  return parts.length ? `${base} ${parts.join(' ')}` : base;
}
