/**
 * H5 only. Taro draws a button as `<taro-button-core>` and a view as `<taro-view-core>`: neither has a role nor a tab
 * stop, so 报名 or 提交 cannot be reached with a keyboard and a screen reader calls them text. Pages mark what they
 * mean with WeChat's own accessibility attributes (`aria-role`, `aria-label`, which the weapp reads natively);
 * here they become real roles, tab stops and Enter/Space presses on H5.
 */
const ACTIVATABLE = new Set(['button', 'link', 'tab', 'checkbox', 'switch', 'menuitem']);
const NATIVE = new Set(['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SELECT']);

function mark(root: ParentNode): void {
  root.querySelectorAll('taro-button-core').forEach((el) => {
    if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button');
    const disabled = el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false';
    const tabindex = disabled ? '-1' : '0';
    if (el.getAttribute('tabindex') !== tabindex) el.setAttribute('tabindex', tabindex);
    if (el.getAttribute('aria-disabled') !== String(disabled)) el.setAttribute('aria-disabled', String(disabled));
  });
  root.querySelectorAll('[aria-role]').forEach((el) => {
    const role = el.getAttribute('aria-role') ?? '';
    if (el.getAttribute('role') !== role) el.setAttribute('role', role);
    if (ACTIVATABLE.has(role) && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    // `aria-role` is WeChat's, not ARIA: once mirrored it would only confuse a browser's screen reader.
    el.removeAttribute('aria-role');
  });
  // A Taro <Switch> or <Checkbox> is a native input inside a custom element: the label belongs on the input.
  root.querySelectorAll('taro-switch-core[aria-label], taro-checkbox-core[aria-label]').forEach((el) => {
    const input = el.querySelector('input');
    const label = el.getAttribute('aria-label') ?? '';
    if (input && input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label);
  });
}

function pressOnKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target as HTMLElement | null;
  if (!target || NATIVE.has(target.tagName)) return;
  const role = target.getAttribute('role');
  if (!role || !ACTIVATABLE.has(role) || target.getAttribute('aria-disabled') === 'true') return;
  if (event.key === ' ' && role === 'link') return;
  event.preventDefault();
  target.click();
}

/** Starts watching the document; answers a function that stops. */
export function makeControlsReachable(doc: Document): () => void {
  mark(doc);
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark(doc);
    });
  });
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'aria-role', 'aria-label', 'class'] });
  doc.addEventListener('keydown', pressOnKey, true);
  return () => {
    observer.disconnect();
    doc.removeEventListener('keydown', pressOnKey, true);
  };
}
