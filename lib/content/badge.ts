/**
 * The search-result mark: a host element in the marketplace page with a CLOSED shadow root.
 *
 * Issue 12 (badge oracle): the page could find the old badge's words with `window.find` (which
 * searches closed shadow roots) and tell verdicts apart by the badge's width. So now:
 * - every recognised card gets a mark, tracked or not, and every mark has the same fixed size and
 *   the same host (tag, attributes, inline style) — the page sees nothing that depends on state;
 * - inside, the verdict, your rating and the vetting progress are drawn as SVG shapes: no text node
 *   anywhere, so `window.find` has nothing to match; the words are in `aria-label`/`title` of an
 *   element inside the closed root (screen readers and the native tooltip read them, find does not);
 * - the mark is a button: one click shortlists the contractor (clicks the page synthesises, which
 *   are not `isTrusted`, are ignored), a second click takes them off the shortlist.
 * Only the contractor key, which the page itself shows, is on the host (`data-key`, test contract).
 */
import type { BadgeSummary } from '../messaging/protocol';
import type { ContractorStatus } from '../db/schema';

export const BADGE_TAG = 'vetted-badge';
/** The mark's size, the same for every card and every state. */
export const BADGE_SIZE = { width: 58, height: 24 } as const;

const STATUS: Record<ContractorStatus, { label: string; color: string }> = {
  prospect: { label: 'Prospect', color: '#64748b' },
  shortlisted: { label: 'Shortlisted', color: '#2563eb' },
  hired: { label: 'Hired', color: '#15803d' },
  avoid: { label: 'Avoid', color: '#b91c1c' },
};

const CSS = `
:host { all: initial; }
button {
  all: initial; box-sizing: border-box; display: block;
  width: ${BADGE_SIZE.width}px; height: ${BADGE_SIZE.height}px; padding: 0; margin: 0;
  border-radius: 12px; border: 1px solid rgba(15, 23, 42, 0.14);
  background: #ffffff; box-shadow: 0 1px 3px rgba(15, 23, 42, 0.18); cursor: pointer;
}
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
button:hover { border-color: rgba(37, 99, 235, 0.6); }
button.avoid { background: #fef2f2; border-color: #fecaca; }
button.locked { cursor: default; }
svg { display: block; width: ${BADGE_SIZE.width - 2}px; height: ${BADGE_SIZE.height - 2}px; }
.track { stroke: rgba(15, 23, 42, 0.15); }
.star-off { fill: rgba(15, 23, 42, 0.15); }
@media (prefers-color-scheme: dark) {
  button { background: #1e293b; border-color: rgba(241, 245, 249, 0.22); }
  button.avoid { background: #450a0a; border-color: #7f1d1d; }
  .track { stroke: rgba(241, 245, 249, 0.25); }
  .star-off { fill: rgba(241, 245, 249, 0.25); }
}
`;

/** What the mark means, in words (its accessible label and tooltip). Exported for tests. */
export function badgeParts(s: BadgeSummary): { status: string; rating?: string; vetted: string; failed?: string; label: string } {
  const status = STATUS[s.status]?.label ?? s.status;
  const rating = s.averageRating !== undefined ? `★ ${s.averageRating.toFixed(1)}` : undefined;
  const vetted = `${s.vetted.done}/${s.vetted.total}`;
  const failed = s.vetted.failed > 0 ? `${s.vetted.failed} failed` : undefined;
  const label = [
    `Vetted: ${status}`,
    s.averageRating !== undefined
      ? `your rating ${s.averageRating.toFixed(1)} of 5 over ${s.projects} project${s.projects === 1 ? '' : 's'}`
      : undefined,
    `vetting ${s.vetted.done} of ${s.vetted.total} checked`,
    failed,
  ]
    .filter(Boolean)
    .join(', ');
  return { status, rating, vetted, failed, label };
}

/** What a click on the mark does, and the words for it. */
export function badgeAction(s: BadgeSummary | null): { next: 'shortlisted' | 'prospect' | null; hint: string } {
  if (!s || s.status === 'prospect') return { next: 'shortlisted', hint: 'Click to shortlist' };
  if (s.status === 'shortlisted') return { next: 'prospect', hint: 'Click to take off the shortlist' };
  return { next: null, hint: 'Open the profile to change it' };
}

/** The full accessible label of a mark (also its tooltip). */
export function badgeLabel(s: BadgeSummary | null): string {
  const base = s ? badgeParts(s).label : 'Vetted: not tracked yet';
  return `${base}. ${badgeAction(s).hint}.`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function el(doc: Document, name: string, attrs: Record<string, string | number>): SVGElement {
  const node = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** A five-point star path centred on (cx, cy). */
function starPath(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const rad = (Math.PI / 5) * i - Math.PI / 2;
    const len = i % 2 === 0 ? r : r * 0.45;
    pts.push(`${(cx + Math.cos(rad) * len).toFixed(2)},${(cy + Math.sin(rad) * len).toFixed(2)}`);
  }
  return `M${pts.join('L')}Z`;
}

/** The drawing: status disc with its glyph, vetting ring, rating stars. Shapes only, no text. */
function drawing(doc: Document, s: BadgeSummary | null): SVGElement {
  const svg = el(doc, 'svg', { viewBox: '0 0 56 22', 'aria-hidden': 'true', focusable: 'false' });
  const color = s ? (STATUS[s.status]?.color ?? '#64748b') : '#94a3b8';
  // Status disc (left).
  if (s) svg.append(el(doc, 'circle', { cx: 11, cy: 11, r: 7.5, fill: color }));
  else
    svg.append(el(doc, 'circle', { cx: 11, cy: 11, r: 7, fill: 'none', stroke: color, 'stroke-width': 1.5, 'stroke-dasharray': '2.5 2' }));
  const glyph = (d: string, stroke = '#ffffff') =>
    svg.append(el(doc, 'path', { d, fill: 'none', stroke, 'stroke-width': 1.8, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  if (!s) glyph('M11 7.5V14.5M7.5 11H14.5', color);
  else if (s.status === 'avoid') glyph('M7.5 14.5L14.5 7.5');
  else if (s.status === 'shortlisted') svg.append(el(doc, 'path', { d: starPath(11, 11.3, 4.6), fill: '#ffffff' }));
  else if (s.status === 'hired') glyph('M7.8 11.3L10 13.5L14.2 8.8');
  else glyph('M8 11H14');
  // Vetting ring (middle): the settled share of the checklist; a red notch when an item failed.
  const circumference = 2 * Math.PI * 6;
  svg.append(el(doc, 'circle', { class: 'track', cx: 29, cy: 11, r: 6, fill: 'none', 'stroke-width': 2.5 }));
  const share = s && s.vetted.total > 0 ? Math.min(1, s.vetted.done / s.vetted.total) : 0;
  svg.append(
    el(doc, 'circle', {
      cx: 29,
      cy: 11,
      r: 6,
      fill: 'none',
      stroke: '#15803d',
      'stroke-width': 2.5,
      'stroke-dasharray': `${(share * circumference).toFixed(2)} ${circumference.toFixed(2)}`,
      transform: 'rotate(-90 29 11)',
      opacity: share > 0 ? 1 : 0,
    }),
  );
  svg.append(el(doc, 'circle', { cx: 29, cy: 11, r: 2, fill: '#b91c1c', opacity: s && s.vetted.failed > 0 ? 1 : 0 }));
  // Rating (right): three stars, each filled in thirds of your average (1–5 → 0–3 stars lit).
  const lit = s?.averageRating !== undefined ? Math.round(((s.averageRating - 1) / 4) * 3 * 2) / 2 : -1;
  for (let i = 0; i < 3; i++) {
    const on = lit >= i + 1 ? 1 : lit >= i + 0.5 ? 0.5 : 0;
    const d = starPath(41 + i * 6, 11, 3.2);
    svg.append(el(doc, 'path', { class: 'star-off', d }));
    svg.append(el(doc, 'path', { d, fill: '#d97706', opacity: on }));
  }
  return svg;
}

interface Mark {
  root: ShadowRoot;
  button: HTMLButtonElement;
  summary: BadgeSummary | null;
}

const marks = new WeakMap<Element, Mark>();

/**
 * A mark's host. `onActivate` runs on a real (trusted) click or key press of the mark, with what it
 * showed at that moment.
 */
export function createBadgeHost(doc: Document, key: string, onActivate?: (summary: BadgeSummary | null) => void): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.dataset.testid = 'vetted-badge';
  host.dataset.key = key;
  // Inline, fixed, identical for every mark: page rules can't resize it and its size says nothing.
  host.style.cssText = `all: initial; display: block; position: absolute; top: 8px; left: 8px; z-index: 3; width: ${BADGE_SIZE.width}px; height: ${BADGE_SIZE.height}px; pointer-events: auto;`;
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  root.append(style, button);
  const mark: Mark = { root, button, summary: null };
  marks.set(host, mark);
  button.addEventListener('click', (event) => {
    // The page can dispatch clicks on the host; only the user's own count.
    event.preventDefault();
    event.stopPropagation();
    if (!event.isTrusted) return;
    onActivate?.(mark.summary);
  });
  // The page's listeners learn nothing from clicks on the mark (it is the card's link otherwise).
  for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup']) {
    button.addEventListener(type, (e) => e.stopPropagation());
  }
  renderBadge(host, null);
  return host;
}

/** Draws what the mark shows: `summary` null means "recognised, not tracked". */
export function renderBadge(host: HTMLElement, summary: BadgeSummary | null): void {
  const mark = marks.get(host);
  if (!mark) return;
  mark.summary = summary;
  const doc = host.ownerDocument;
  const label = badgeLabel(summary);
  const { button } = mark;
  button.className = summary ? `${summary.status}${badgeAction(summary).next ? '' : ' locked'}` : 'untracked';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.replaceChildren(drawing(doc, summary));
}

/** For tests: the element inside the closed root that carries the label. */
export function badgeButtonForTests(host: Element): HTMLButtonElement | undefined {
  return marks.get(host)?.button;
}
