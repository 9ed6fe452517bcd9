import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { contractorsCsv, neutralise, paymentsCsv, projectsCsv, toCsv } from '../../../lib/backup/csv';
import { decimalAmount } from '../../../lib/domain/money';
import { exportCsv } from '../../../lib/backup/csv-export';
import type { VettedDb } from '../../../lib/db/database';
import { contractor, fill, freshDb, NOW, sampleData } from './sample-data';

/** Reads our CSV back the way a spreadsheet would: BOM stripped, RFC 4180 parsing. */
function parse(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', delimiter: ',', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

function column(rows: string[][], name: string): string[] {
  const index = rows[0]!.indexOf(name);
  expect(index, name).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[index]!);
}

describe('CSV format', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
    );
    expect(text).toBe('\uFEFFa,b\r\n1,2\r\n3,4\r\n');
  });

  it('quotes commas, quotes and line breaks so each stays in its cell (RFC 4180)', () => {
    const tricky = ['Smith, Jane', 'She said "hi"', 'line one\nline two', 'crlf\r\ninside', ' padded '];
    const text = toCsv(
      ['v'],
      tricky.map((t) => [t]),
    );
    expect(text).toContain('"Smith, Jane"');
    expect(text).toContain('"She said ""hi"""');
    expect(text).toContain('"line one\nline two"');
    expect(column(parse(text), 'v')).toEqual(tricky);
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    const attacks = ['=HYPERLINK("http://evil","x")', '+1+1', "-2+3+cmd|' /C calc'!A0", '@SUM(A1)', '\t=1'];
    const rows = parse(
      toCsv(
        ['v'],
        attacks.map((t) => [t]),
      ),
    );
    const cells = column(rows, 'v');
    cells.forEach((cell, i) => {
      expect(cell).toBe(`'${attacks[i]}`);
    });
    // A carriage return then "=" also starts a cell for a line-splitting reader: both neutralised.
    expect(neutralise('\r=1')).toBe("'\r'=1");
    expect(neutralise('harmless = text')).toBe('harmless = text');
    expect(neutralise('')).toBe('');
  });

  it('keeps unicode intact', () => {
    const rows = parse(toCsv(['v'], [['Zoë — 日本語 ✓ 👍']]));
    expect(column(rows, 'v')).toEqual(['Zoë — 日本語 ✓ 👍']);
  });
});

describe('decimalAmount', () => {
  it('writes exact decimals with the currency’s digits, no grouping', () => {
    expect(decimalAmount(125050, 'USD')).toBe('1250.50');
    expect(decimalAmount(5, 'USD')).toBe('0.05');
    expect(decimalAmount(-5000, 'EUR')).toBe('-50.00');
    expect(decimalAmount(1500, 'JPY')).toBe('1500');
    expect(decimalAmount(1250, 'KWD')).toBe('1.250');
    expect(decimalAmount(9_999_999_999_999, 'USD')).toBe('99999999999.99');
  });
});

describe('table exports', () => {
  it('contractors: one row each, rate as amount + currency, instants in ISO', () => {
    const c = contractor('upwork:~01x', { name: '=cmd', tags: ['a', 'b, c'], firstSeenAt: Date.UTC(2026, 0, 2, 3, 4, 5) });
    const rows = parse(contractorsCsv([c]));
    expect(column(rows, 'name')).toEqual(["'=cmd"]);
    expect(column(rows, 'rate')).toEqual(['45.00']);
    expect(column(rows, 'rate_currency')).toEqual(['USD']);
    expect(column(rows, 'tags')).toEqual(['a; b, c']);
    expect(column(rows, 'first_seen')).toEqual(['2026-01-02T03:04:05.000Z']);
  });

  it('projects: budget, paid total in the project currency, contractor name', () => {
    const data = sampleData();
    const rows = parse(projectsCsv(data.projects, { contractors: data.contractors, payments: data.payments }));
    expect(rows).toHaveLength(2);
    expect(column(rows, 'title')).toEqual(['Website redesign']);
    expect(column(rows, 'budget')).toEqual(['2500.00']);
    expect(column(rows, 'paid')).toEqual(['500.00']);
    expect(column(rows, 'contractor_name')).toEqual(['Person ~01abc']);
    expect(column(rows, 'deadline')).toEqual(['2026-12-15']);
    // issue 16: your rating of the project and would-rehire; empty when not rated.
    expect([column(rows, 'your_rating'), column(rows, 'would_rehire')]).toEqual([[''], ['']]);
    const project = data.projects[0]!;
    const rating = {
      id: 'r-p',
      contractorKey: project.contractorKey!,
      projectId: project.id,
      quality: 5,
      communication: 4,
      timeliness: 4,
      value: 4,
      wouldRehire: false,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const rated = parse(projectsCsv(data.projects, { contractors: data.contractors, payments: data.payments, ratings: [rating] }));
    expect([column(rated, 'your_rating'), column(rated, 'would_rehire')]).toEqual([['4.3'], ['no']]);
  });

  it('payments: a refund stays a negative number, not neutralised text', () => {
    const data = sampleData();
    const refund = { ...data.payments[0]!, id: 'pay-2', amountMinor: -2500, paidAt: '2026-11-01', note: '-refund' };
    const rows = parse(paymentsCsv([refund, data.payments[0]!], { projects: data.projects, milestones: data.milestones }));
    expect(column(rows, 'id')).toEqual(['pay-1', 'pay-2']); // by date
    expect(column(rows, 'amount')).toEqual(['500.00', '-25.00']);
    expect(column(rows, 'note')).toEqual(['first', "'-refund"]);
    expect(column(rows, 'milestone')).toEqual(['Wireframes', 'Wireframes']);
    expect(column(rows, 'project_title')).toEqual(['Website redesign', 'Website redesign']);
  });
});

describe('exportCsv (from the database)', () => {
  let db: VettedDb | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('renders each table with a dated file name', async () => {
    db = freshDb();
    await fill(db);
    for (const table of ['contractors', 'projects', 'payments'] as const) {
      const { text, filename } = await exportCsv(db, table, NOW);
      expect(filename).toMatch(new RegExp(`^vetted-${table}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(parse(text).length).toBe(1 + (await db.table(table).count()));
    }
  });
});

// issue 16
describe('contractors CSV: your ratings, vetting progress, would-rehire, lists', () => {
  let db: VettedDb;
  afterEach(() => db?.close());

  it('adds them from the related records', async () => {
    db = freshDb();
    await fill(db);
    const data = sampleData();
    const rows = parse((await exportCsv(db, 'contractors', NOW)).text);
    const key = data.contractors[0]!.key;
    const i = column(rows, 'key').indexOf(key);
    const rated = data.ratings.filter((r) => r.contractorKey === key);
    expect(column(rows, 'your_ratings_count')[i]).toBe(String(rated.length));
    if (rated.length > 0) {
      expect(column(rows, 'your_rating')[i]).toMatch(/^\d\.\d$/);
      expect(['yes', 'no']).toContain(column(rows, 'would_rehire')[i]);
    }
    const done = data.checks.filter((c) => c.contractorKey === key && c.state === 'done').length;
    expect(column(rows, 'vetting_done')[i]).toBe(String(done));
    expect(Number(column(rows, 'vetting_total')[i])).toBeGreaterThan(0);
    expect(column(rows, 'lists')[i]).toBe('Logo designers, March');
  });

  it('leaves them empty for someone you never rated or checked', () => {
    const rows = parse(contractorsCsv([contractor('upwork:~01new')], { ratings: [], checks: [], checklist: [], lists: [] }));
    expect(column(rows, 'your_rating')).toEqual(['']);
    expect(column(rows, 'would_rehire')).toEqual(['']);
    expect(column(rows, 'vetting_total')).toEqual(['0']);
  });
});

describe('CSV read with either separator (issue 12)', () => {
  const evil = ['a;=HYPERLINK("http://x")', 'b,@SUM(1)', 'c;+1', 'line\n=1+1', 'q"uote;-2', '=lead', 'plain; text, fine'];
  const text = toCsv(
    ['v', 'w'],
    evil.map((v) => [v, 'x;y']),
  );
  for (const delimiter of [',', ';']) {
    it(`no cell starts with a formula lead when split on "${delimiter}"`, () => {
      const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n' });
      const cells = parsed.data.flat();
      expect(cells.length).toBeGreaterThan(evil.length);
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    });
  }
  it('neutralises a lead after quotes that follow a separator, and every lead of a run of CRs', () => {
    // A `;` reader of `"=8"";""-9"` takes `""` as an empty quoted part and `-9…` as it is.
    expect(neutralise('"=8";"-9"')).toBe('"=8";"\'-9"');
    expect(neutralise('q;\n"@10')).toBe('q;\n"\'@10');
    expect(neutralise('x;""+1')).toBe('x;""\'+1');
    // A CR ends a line and is itself a lead: each one before a lead is neutralised.
    expect(neutralise('x\r\r=7')).toBe("x\r'\r'=7");
    expect(neutralise('\r\r\r')).toBe("'\r'\r'\r");
    // Quotes not after a separator change nothing.
    expect(neutralise('say "=hi"')).toBe('say "=hi"');
  });

  it('leaves no lead where a reader on either separator could start a cell, quotes skipped', () => {
    const hostile = [...evil, '"=8";"-9"', 'q;\n"@10', 'x\r\r=7', ',=11,;@12', 'crlf\r\n+5', '\tlead;\t=6'];
    // In the file a cell's quotes are doubled: any number of them may stand between.
    const exposed = /^[=+\-@\t\r]|[,;\r\n]"*[=+\-@\t\r]/;
    expect(hostile.filter((v) => exposed.test(v))).toHaveLength(hostile.length - 1);
    expect(hostile.map(neutralise).filter((v) => exposed.test(v))).toEqual([]);
  });

  it('quotes every cell holding a separator, quote or line break', () => {
    expect(toCsv(['v'], [['a;b'], ['c,d'], ['e"f'], ['g\nh'], ['plain']])).toBe(
      '\uFEFFv\r\n"a;b"\r\n"c,d"\r\n"e""f"\r\n"g\nh"\r\nplain\r\n',
    );
  });
});
