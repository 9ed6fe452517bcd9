/** Random damage for the adapter fuzz tests: elements removed, attributes dropped or junked, text scrambled. */
const JUNK = ['', '{', 'null', '[]', '"', '<b>x</b>', '\u202eevil', '🙂'.repeat(50), 'NaN', '$-1e400', '5.0.0', 'x'.repeat(5000)];

export function mutate(all: Element[], r: () => number): void {
  const rounds = 60;
  for (let i = 0; i < rounds && all.length > 0; i++) {
    const el = all[Math.floor(r() * all.length)]!;
    const op = Math.floor(r() * 5);
    if (op === 0) el.remove();
    else if (op === 1) {
      const attr = el.attributes[Math.floor(r() * el.attributes.length)];
      if (attr) el.removeAttribute(attr.name);
    } else if (op === 2) {
      const attr = el.attributes[Math.floor(r() * el.attributes.length)];
      if (attr) el.setAttribute(attr.name, JUNK[Math.floor(r() * JUNK.length)]!);
    } else if (op === 3) {
      // Scramble text (also corrupts JSON in <script type="application/json">).
      const text = el.textContent ?? '';
      if (text.length < 200_000)
        el.textContent = text
          .split('')
          .sort(() => r() - 0.5)
          .join('')
          .slice(0, 5000);
    } else el.textContent = JUNK[Math.floor(r() * JUNK.length)]!;
  }
}
