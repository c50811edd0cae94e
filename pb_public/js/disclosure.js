// Sections one tap away (<details data-remember="key">) that remember being
// opened on this phone, so a parent who always logs relief finds it open.

const PREFIX = 'mend.open.';

/**
 * Opens root's remembered sections and keeps their state in storage.
 * @param {ParentNode} root
 * @param {Storage} [storage]
 */
export function rememberOpen(root, storage = localStorage) {
  for (const d of /** @type {NodeListOf<HTMLDetailsElement>} */ (root.querySelectorAll('details[data-remember]'))) {
    const key = PREFIX + (d.dataset.remember ?? '');
    try {
      if (storage.getItem(key) === '1') d.open = true;
    } catch { /* storage blocked: sections start closed */ }
    d.addEventListener('toggle', () => {
      if (d.dataset.auto) {
        delete d.dataset.auto; // opened by the app, not by the parent
        return;
      }
      try {
        if (d.open) storage.setItem(key, '1');
        else storage.removeItem(key);
      } catch { /* storage full or blocked: only the memory is lost */ }
    });
  }
}

/**
 * Opens the section holding a control, e.g. to show a field error or a
 * loaded warning sign, without remembering it as the parent's choice.
 * @param {Element|null} el
 */
export function openAround(el) {
  const d = el?.closest('details');
  if (d && !d.open) {
    d.dataset.auto = '1';
    d.open = true;
  }
}
