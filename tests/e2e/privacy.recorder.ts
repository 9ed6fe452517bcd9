/**
 * A hostile page script for the privacy E2E tests: injected first into every served marketplace
 * page, it records everything a marketplace could learn from its own page — every key, input and
 * clipboard event, every DOM mutation (nodes, attribute values, text), every shadow root attached
 * (and the contents of open ones), every postMessage — and can dump the whole DOM at the end.
 */
export const RECORDER_SCRIPT = `(() => {
  const log = [];
  const push = (kind, detail) => { try { log.push({ kind, detail: String(detail) }); } catch (e) {} };
  const text = (node) => node.nodeType === 1 ? node.outerHTML : node.textContent;
  const keyTypes = ['keydown', 'keypress', 'keyup', 'input', 'beforeinput', 'textInput', 'compositionstart',
    'compositionupdate', 'compositionend', 'paste', 'copy', 'cut', 'change'];
  for (const target of [window, document]) {
    for (const type of keyTypes) {
      target.addEventListener(type, (e) => push('key', type + ' ' + (e.key || '') + ' ' + (e.data || '') + ' ' + ((e.target && e.target.value) || '')), true);
    }
  }
  window.addEventListener('message', (e) => {
    let data;
    try { data = JSON.stringify(e.data); } catch (err) { data = String(e.data); }
    push('message', data);
  }, true);
  const roots = [];
  const observe = (root) => new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') push('attribute', r.attributeName + '=' + r.target.getAttribute(r.attributeName));
      else if (r.type === 'characterData') push('text', r.target.data);
      else for (const n of r.addedNodes) push('added', text(n));
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    push('shadow', init.mode + ' on ' + this.localName);
    if (init.mode === 'open') { roots.push(root); observe(root); }
    return root;
  };
  const dump = () => {
    const parts = [document.documentElement.outerHTML];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) { parts.push(el.shadowRoot.innerHTML); walk(el.shadowRoot); }
      }
    };
    walk(document);
    for (const r of roots) parts.push(r.innerHTML);
    return parts.join('\\n');
  };
  Object.defineProperty(window, '__pageRecorder', { value: { log, dump } });
})();`;

export interface RecorderReport {
  log: { kind: string; detail: string }[];
  dom: string;
}

/** Runs in the page (serialised by the driver). */
export function readRecorder(): RecorderReport {
  const rec = (window as unknown as { __pageRecorder?: { log: RecorderReport['log']; dump(): string } }).__pageRecorder;
  if (!rec) throw new Error('the recorder script did not run in this page');
  return { log: [...rec.log], dom: rec.dump() };
}

/** Every place in the report where `secret` shows up (empty: the page learned nothing). */
export function leaks(report: RecorderReport, secret: string): string[] {
  const needle = secret.toLowerCase();
  const found = report.log.filter((e) => e.detail.toLowerCase().includes(needle)).map((e) => `${e.kind}: ${e.detail.slice(0, 200)}`);
  if (report.dom.toLowerCase().includes(needle)) found.push('the DOM (outerHTML or an open shadow root)');
  return found;
}

/**
 * Runs in the page (issue 12, the badge oracle): what `window.find` — which searches inside closed
 * shadow roots — finds for each word, from a cleared selection each time.
 */
export function findWords(words: string[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const find = (window as unknown as { find?: (s: string, caseSensitive?: boolean, backwards?: boolean, wrap?: boolean) => boolean }).find;
  for (const w of words) {
    window.getSelection()?.removeAllRanges();
    out[w] = typeof find === 'function' ? find.call(window, w, false, false, true) : false;
  }
  window.getSelection()?.removeAllRanges();
  return out;
}

/** Runs in the page: what the page can measure of each mark (size, host attributes, inline style). */
export function markGeometry(): { key: string; width: number; height: number; attrs: string; style: string }[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="vetted-badge"]')].map((host) => {
    const r = host.getBoundingClientRect();
    return {
      key: host.getAttribute('data-key') ?? '',
      width: Math.round(r.width * 100) / 100,
      height: Math.round(r.height * 100) / 100,
      attrs: host.getAttributeNames().sort().join(' '),
      style: host.getAttribute('style') ?? '',
    };
  });
}

/** Every mark measures and looks the same to the page: the geometry with the key left out. */
export function sameToThePage(marks: ReturnType<typeof markGeometry>): boolean {
  const shapes = new Set(marks.map(({ width, height, attrs, style }) => JSON.stringify({ width, height, attrs, style })));
  return marks.length > 0 && shapes.size === 1;
}
