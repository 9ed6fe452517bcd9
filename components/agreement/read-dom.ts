/**
 * Reads the (possibly edited) agreement back from the page, so Copy and Download give what the
 * user sees, edits included. The markup is AgreementDocument's: h1, then one <section> per part
 * (h2, paragraphs, a list), then the disclaimer in <footer>. Anything an edit added (a <div>, a
 * bare line) is kept as a paragraph.
 */
import type { AgreementDoc, AgreementSection } from '../../lib/domain/agreement';

const text = (el: Element) => ((el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\u00a0/g, ' ').trim();

function splitLines(s: string): string[] {
  return s
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function readSection(el: Element, index: number): AgreementSection {
  const section: AgreementSection = { id: el.getAttribute('data-section') ?? `s${index}`, heading: '', paragraphs: [], items: [] };
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) {
      section.paragraphs.push(...splitLines(child.textContent ?? ''));
      continue;
    }
    if (!(child instanceof Element)) continue;
    if (/^H[1-6]$/.test(child.tagName) && !section.heading) section.heading = text(child);
    else if (child.tagName === 'UL' || child.tagName === 'OL') {
      if (child.tagName === 'OL') section.ordered = true;
      for (const li of Array.from(child.children)) {
        const item = text(li).replace(/\s*\n+\s*/g, ' ');
        if (item) section.items.push(item);
      }
    } else section.paragraphs.push(...splitLines(text(child)));
  }
  return section;
}

export function readAgreementDom(root: Element, fallbackDisclaimer: string): AgreementDoc {
  let title = '';
  let disclaimer = '';
  const sections: AgreementSection[] = [];
  for (const child of Array.from(root.children)) {
    if (child.tagName === 'H1') title = text(child);
    else if (child.tagName === 'FOOTER') disclaimer = text(child);
    else if (child.tagName === 'SECTION') sections.push(readSection(child, sections.length));
    else if (text(child)) sections.push({ id: `s${sections.length}`, heading: '', paragraphs: splitLines(text(child)), items: [] });
  }
  return {
    title,
    sections: sections.filter((s) => s.heading || s.paragraphs.length || s.items.length),
    disclaimer: disclaimer || fallbackDisclaimer,
  };
}
