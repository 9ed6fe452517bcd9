/**
 * Issue 12, attacks 10 and 11, what both browsers' attack files share (attacks.<browser>.e2e.ts):
 *
 * - #10 CSV separator: hostile text seeded into every text field a CSV export writes, a reader of
 *   the file that splits on `,` or on `;` (Excel in many locales), and what the cells must be.
 * - #11 third-party avatars: the Upwork capture with its avatar pointed at a tracker, a picture to
 *   answer image requests with, a probe for what the overlay shows in the avatar's place, and the
 *   whole check (expectAvatarsSafe), which each browser drives through its own driver.
 */
import { expect } from 'vitest';
import { FIXTURES, readCapture, waitFor, type ExtensionSession } from './harness';

// ------------------------------------------------------------------ #10 CSV separator

/**
 * Text a user could type or a page could give: formula leads after a `;` (split there by a `;`
 * reader), after a line break, after a quote, at the start, with tabs and CRs.
 */
export const HOSTILE_TEXTS = [
  'a;=HYPERLINK("http://evil")',
  'x;@SUM(1)',
  ';+1',
  '-2;',
  '=1+2',
  '@me, "quoted";=3',
  'line one\n=4 line two',
  'crlf\r\n+5',
  '\tlead tab;\t=6',
  'x\r\r=7',
  '"=8";"-9"',
  'q;\n"@10',
  ',=11,;@12',
] as const;

type Send = ExtensionSession<unknown, unknown>['send'];

const keyOf = (i: number) => `upwork:~01c5v${String(i).padStart(12, '0')}`;

/** One contractor (name, headline, location, tags, skills, a list), project, milestone and payment per text. */
export async function seedHostileCsvData(send: Send): Promise<void> {
  const n = HOSTILE_TEXTS.length;
  for (const [i, text] of HOSTILE_TEXTS.entries()) {
    const other = HOSTILE_TEXTS[(i + 1) % n]!;
    const key = keyOf(i);
    const siteId = key.slice('upwork:'.length);
    await send('trackContractor', {
      profile: {
        key,
        site: 'upwork',
        siteId,
        name: text,
        profileUrl: `https://www.upwork.com/freelancers/${siteId}`,
        headline: text,
        location: other,
        skills: [text, other],
      },
    });
    await send('updateContractor', { key, patch: { tags: [text, other] } });
    await send('saveList', { name: `${text} ${i}`, addKey: key });
    const project = await send('createProject', {
      title: text,
      contractorKey: key,
      currency: 'USD',
      status: 'active',
      budgetMinor: 100_000,
    });
    const milestone = await send('saveMilestone', { projectId: project.id, patch: { title: other } });
    await send('savePayment', {
      projectId: project.id,
      patch: { milestoneId: milestone.id, amountMinor: 1_000 + i, currency: 'USD', paidAt: '2026-11-20', note: text },
    });
  }
}

export const CSV_TABLES = ['contractors', 'projects', 'payments'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
/** The options page's button for each export (components/options/BackupSection.tsx). */
export const CSV_BUTTONS: Record<CsvTable, string> = { contractors: 'Contractors CSV', projects: 'Projects CSV', payments: 'Payments CSV' };

/** Per row id, the user's text in each text column of that table, as Vetted stored it. */
interface Expected {
  idColumn: string;
  rows: Map<string, Record<string, string>>;
}

/** What each export must hold, read back from the stored records (not from the CSV code). */
export async function storedTexts(send: Send, table: CsvTable): Promise<Expected> {
  const contractors = await send('listContractors', { limit: 1000 });
  const names = new Map(contractors.map((c) => [c.key, c.name]));
  if (table === 'contractors') {
    const { lists } = await send('listLists', {});
    const listNames = new Map(lists.map((l) => [l.id, l.name]));
    const rows = new Map<string, Record<string, string>>();
    for (const c of contractors) {
      const { memberOf } = await send('listLists', { key: c.key });
      rows.set(c.key, {
        name: c.name,
        headline: c.headline ?? '',
        location: c.location ?? '',
        tags: c.tags.join('; '),
        skills: (c.skills ?? []).join('; '),
        lists: memberOf.map((id) => listNames.get(id) ?? '').join('; '),
      });
    }
    return { idColumn: 'key', rows };
  }
  const projects = await send('listProjects', {});
  if (table === 'projects') {
    return {
      idColumn: 'id',
      rows: new Map(
        projects.map((p) => [p.id, { title: p.title, contractor_name: (p.contractorKey && names.get(p.contractorKey)) || '' }]),
      ),
    };
  }
  const rows = new Map<string, Record<string, string>>();
  for (const p of projects) {
    const view = (await send('getProject', { id: p.id }))!;
    const milestones = new Map(view.milestones.map((m) => [m.id, m.title]));
    for (const pay of view.payments) {
      rows.set(pay.id, {
        project_title: p.title,
        milestone: pay.milestoneId ? (milestones.get(pay.milestoneId) ?? '') : '',
        note: pay.note ?? '',
      });
    }
  }
  return { idColumn: 'id', rows };
}

/** A cell a spreadsheet runs as a formula: it starts with one of these. */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * The rule the export promises (lib/backup/csv.ts header, issue 12), written out here on its own: an
 * apostrophe before every formula lead that a reader could see at the start of a cell: at the start
 * of the text, or after a `,` `;` or line break, or after quotes right after one of those (a reader
 * splitting there reads them as an empty quoted part and takes the rest as it is).
 */
export function neutralisedText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let j = i - 1;
    while (j >= 0 && text[j] === '"') j--;
    const cellStart = i === 0 || (j >= 0 && /[,;\r\n]/.test(text[j]!));
    if (FORMULA_LEAD.test(text[i]!) && cellStart) out += "'";
    out += text[i];
  }
  return out;
}

/**
 * Splits CSV text into records of cells, reading as Excel does with `separator`: a cell is quoted
 * only when it starts with `"`; inside, `""` is a quote; after the closing quote the rest up to the
 * separator is taken as it is; a quote anywhere else is a plain character. CRLF, CR or LF outside
 * quotes ends a record; a final line break ends the last record.
 */
export function splitCsv(text: string, separator: ',' | ';'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const endCell = () => {
    record.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      atCellStart = false;
      i++;
      for (;;) {
        if (i >= text.length) break;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i];
        i++;
      }
      continue;
    }
    atCellStart = false;
    if (ch === separator) {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (!atCellStart || cell !== '' || record.length > 0) endRecord();
  return records;
}

/**
 * The checks on one exported file: a UTF-8 BOM; read with `,` or with `;`, no cell starts with a
 * formula lead, and the `;` reading did split hostile text (it met the apostrophes, so that check is
 * not vacuous); read with `,` it has one row per stored record with the user's text (neutralised)
 * in each text column.
 */
export function expectSafeCsv(table: CsvTable, text: string, expected: Expected): void {
  expect(text.charCodeAt(0), `${table}: UTF-8 BOM`).toBe(0xfeff);
  const body = text.slice(1);
  for (const separator of [',', ';'] as const) {
    const cells = splitCsv(body, separator).flat();
    const formulas = cells.filter((c) => FORMULA_LEAD.test(c));
    expect(formulas, `${table} read with "${separator}": cells a spreadsheet would run`).toEqual([]);
  }
  const bySemicolon = splitCsv(body, ';').flat();
  expect(
    bySemicolon.filter((c) => /^'[=+\-@\t\r]/.test(c)).length,
    `${table} read with ";": cells that start at a neutralised lead`,
  ).toBeGreaterThan(0);
  const byComma = splitCsv(body, ',');
  const header = byComma[0]!;
  const rows = byComma.slice(1);
  expect(rows.length, `${table}: rows`).toBe(expected.rows.size);
  for (const row of rows) expect(row.length, `${table}: cells in ${JSON.stringify(row)}`).toBe(header.length);
  const idAt = header.indexOf(expected.idColumn);
  expect(idAt, `${table}: column ${expected.idColumn}`).toBeGreaterThanOrEqual(0);
  let hostileSeen = 0;
  for (const [id, fields] of expected.rows) {
    const row = rows.find((r) => r[idAt] === neutralisedText(id));
    expect(row, `${table}: a row for ${id}`).toBeDefined();
    for (const [column, value] of Object.entries(fields)) {
      const at = header.indexOf(column);
      expect(at, `${table}: column ${column}`).toBeGreaterThanOrEqual(0);
      expect(row![at], `${table} ${id} ${column}`).toBe(neutralisedText(value));
      if (HOSTILE_TEXTS.some((h) => value.includes(h.trim()))) hostileSeen++;
    }
  }
  // The stored text still holds the attack (nothing upstream cleaned it away).
  expect(hostileSeen, `${table}: cells holding a hostile text`).toBeGreaterThanOrEqual(expected.rows.size);
}

// ------------------------------------------------------------------ #11 third-party avatars

/** A tracking pixel's address: never to be requested by Vetted. */
export const EVIL_AVATAR = 'https://evil.example/track.png';
export const EVIL_HOST = 'evil.example';

/** The capture's own avatar (an image on www.upwork.com, a marketplace image host). */
export function realAvatarUrl(): string {
  const found = /<img src="([^"]+)"[^>]*class="air3-avatar/.exec(readCapture(FIXTURES.upworkProfile.file));
  if (!found) throw new Error('The Upwork capture has no air3-avatar image any more: update attacks.shared.ts');
  return found[1]!;
}

/**
 * The Upwork capture with its avatar pointed at the tracker: the profile picture's `src` removed
 * (so the page itself requests nothing) and `og:image`, which Vetted reads then, set to the tracker.
 */
export function hostileAvatarPage(): string {
  const capture = readCapture(FIXTURES.upworkProfile.file);
  const html = capture
    .replace(/<img src="[^"]+"([^>]*class="air3-avatar)/, '<img$1')
    .replace(/(property="og:image" content=")[^"]+"/, `$1${EVIL_AVATAR}"`);
  if (html === capture || !html.includes(EVIL_AVATAR) || html.includes(realAvatarUrl())) {
    throw new Error('Could not point the Upwork capture’s avatar at the tracker: update attacks.shared.ts');
  }
  return html;
}

/** The addresses among `urls` on `host` (any that is not a URL is kept too: it should not be there). */
export function onHost(host: string, urls: readonly string[]): string[] {
  return urls.filter((u) => {
    try {
      return new URL(u).hostname === host;
    } catch {
      return true;
    }
  });
}

/** A 1×1 PNG: what image hosts answer here (the real avatar, and the tracker, should it be asked). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export type AvatarShown = { kind: 'image'; src: string; loaded: boolean } | { kind: 'initials'; text: string };

/**
 * Runs in the overlay frame: what stands in the avatar's place once it has settled (an image that
 * finished loading or failing, or the initials); null while there is none yet.
 */
export function avatarShown(): AvatarShown | null {
  const el = document.querySelector('.ov-avatar');
  if (!el) return null;
  if (el instanceof HTMLImageElement)
    return el.complete ? { kind: 'image', src: el.currentSrc || el.src, loaded: el.naturalWidth > 0 } : null;
  return { kind: 'initials', text: el.textContent ?? '' };
}

/** Runs in the overlay frame: the http(s) resources its document fetched (Resource Timing). */
export function fetchedByFrame(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /^https?:/.test(n));
}

/** What the avatar check needs of a browser: its driver's way to open pages, overlays and watch requests. */
export interface AvatarDriver<P, F> {
  send: Send;
  routes: ExtensionSession<P, F>['routes'];
  openMarketplacePage: ExtensionSession<P, F>['openMarketplacePage'];
  reload(page: P): Promise<void>;
  close(page: P): Promise<void>;
  /** The overlay's frame on `page`, opened, once its heading shows. */
  openOverlay(page: P): Promise<F>;
  evaluate<R>(frame: F, fn: () => R): Promise<R>;
  imageCount(frame: F): Promise<number>;
  /** Every request of every page, frame (the overlay's too) and worker of the browser since the check began. */
  requests(): string[];
  /** Whether the overlay frame `frame` itself requested `url` (so the watcher does see that frame). */
  requestedBy(frame: F, url: string): boolean;
}

/**
 * #11: a profile whose avatar is a tracker shows initials and nothing asks the tracker, in the
 * overlay's first view after Vetted stored the address too; the capture's own picture on
 * www.upwork.com still shows, requested by the overlay frame itself.
 */
export async function expectAvatarsSafe<P, F>(d: AvatarDriver<P, F>): Promise<void> {
  const KEY = 'upwork:~01140923f209578a6b';
  const real = realAvatarUrl();
  // Both image hosts answer with a picture: a request to the tracker would succeed and show.
  d.routes.serve(real, { bytes: PNG, contentType: 'image/png' });
  d.routes.serve(EVIL_AVATAR, { bytes: PNG, contentType: 'image/png' });
  const toTracker = (fetched: string[]) => onHost(EVIL_HOST, [...d.requests(), ...d.routes.log.map((r) => r.url), ...fetched]);
  const settled = (frame: F, what: string, want?: AvatarShown['kind']) =>
    waitFor(what, async () => {
      const shown = await d.evaluate(frame, avatarShown);
      return shown && (!want || shown.kind === want) ? shown : null;
    });

  d.routes.serve(FIXTURES.upworkProfile.url, { html: hostileAvatarPage() });
  const hostile = await d.openMarketplacePage('upworkProfile');
  await d.openOverlay(hostile);
  await waitFor(
    'the page’s avatar stored',
    async () => (await d.send('getContractor', { key: KEY }))?.contractor.avatarUrl === EVIL_AVATAR,
  );
  // Again, now that Vetted holds the tracker's address: the overlay's first view has it.
  await d.reload(hostile);
  const frame = await d.openOverlay(hostile);
  const shown = await settled(frame, 'the avatar’s place to settle');
  expect(toTracker(await d.evaluate(frame, fetchedByFrame))).toEqual([]);
  expect(shown.kind).toBe('initials');
  const name = (await d.send('getContractor', { key: KEY }))!.contractor.name;
  expect(shown.kind === 'initials' && shown.text.length > 0).toBe(true);
  const initials = shown.kind === 'initials' ? [...shown.text] : [];
  for (const letter of initials) expect(name.split(/\s+/).map((w) => w[0]?.toUpperCase())).toContain(letter);
  expect(await d.imageCount(frame)).toBe(0);
  await d.close(hostile);

  // The capture as it is: its picture on www.upwork.com shows, requested by the overlay itself.
  d.routes.serve(FIXTURES.upworkProfile.url, { fixture: 'upworkProfile' });
  const legit = await d.openMarketplacePage('upworkProfile');
  const own = await d.openOverlay(legit);
  expect(await settled(own, 'the marketplace’s picture', 'image')).toEqual({ kind: 'image', src: real, loaded: true });
  expect(await d.evaluate(own, fetchedByFrame)).toContain(real);
  // The watcher sees the overlay frame's own requests (so it would have seen one to the tracker).
  expect(d.requestedBy(own, real)).toBe(true);
  expect(toTracker(await d.evaluate(own, fetchedByFrame))).toEqual([]);
  await d.close(legit);
}
