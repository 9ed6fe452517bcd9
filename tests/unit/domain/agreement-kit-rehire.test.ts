/** issue 15: the pure parts — agreement text and Markdown, interview notes, rehire summary and prefill. */
import { describe, expect, it } from 'vitest';
import { agreementFilename, agreementToMarkdown, agreementToText, buildAgreement } from '../../../lib/domain/agreement';
import { answersFor, formatInterviewNote, hasAnswers, parseInterviewNote } from '../../../lib/domain/interview-kit';
import { carriedChecks, rehirePrefill, rehireSummary } from '../../../lib/domain/rehire';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';

const project = {
  title: 'Website',
  paymentModel: 'milestones' as const,
  currency: 'USD',
  contract: {},
};

describe('agreement', () => {
  const doc = buildAgreement({
    project,
    contractor: { name: 'Ada', profileUrl: 'https://www.upwork.com/freelancers/~01abc' },
    marketplace: 'Upwork',
    milestones: [
      { title: 'Design', dueDate: '2027-01-15', amountMinor: 40000 },
      { title: 'Build [v1]', dueDate: '2027-02-15', amountMinor: 60000 },
    ],
    locale: 'en-GB',
  });

  it('text: title first, numbered milestones, the disclaimer last', () => {
    const text = agreementToText(doc);
    expect(text.split('\n')[0]).toBe('Written agreement: Website');
    expect(text).toContain('1. Design: due 15 January 2027, US$400.00');
    expect(text).toContain('2. Build [v1]: due 15 February 2027, US$600.00');
    expect(text).toContain('Total price: US$1,000.00.');
    expect(text.endsWith("the marketplace's own contract stays the legal one.")).toBe(true);
  });

  it('Markdown: headings, numbered list, escaped brackets', () => {
    const md = agreementToMarkdown(doc);
    expect(md.startsWith('# Written agreement: Website\n')).toBe(true);
    expect(md).toContain('## Milestones');
    expect(md).toContain('2. Build \\[v1\\]: due 15 February 2027');
  });

  it('mentions milestones that do not add up to the budget', () => {
    const text = agreementToText(
      buildAgreement({ project: { ...project, budgetMinor: 150000 }, milestones: [{ title: 'A', amountMinor: 100000 }], locale: 'en-US' }),
    );
    expect(text).toContain('The milestones add up to $1,000.00; the remaining $500.00 is to be agreed as further milestones.');
  });

  it('file name', () => {
    expect(agreementFilename('Café logo / v2!')).toBe('written-agreement-cafe-logo-v2.md');
  });
});

describe('interview note', () => {
  it('round-trips questions and multi-line answers', () => {
    const body = formatInterviewNote('Marketing', [
      { question: 'Approach?', answer: 'Test small\nthen scale' },
      { question: 'Rates?', answer: '' },
    ]);
    expect(parseInterviewNote(body)).toEqual({
      kitLabel: 'Marketing',
      answers: [
        { question: 'Approach?', answer: 'Test small\nthen scale' },
        { question: 'Rates?', answer: '' },
      ],
    });
    expect(parseInterviewNote('just a note')).toBeNull();
    expect(hasAnswers([{ question: 'q', answer: '  ' }])).toBe(false);
  });

  it('keeps an answer whose question left the kit', () => {
    expect(answersFor(['New?'], [{ question: 'Old?', answer: 'yes' }])).toEqual([
      { question: 'New?', answer: '' },
      { question: 'Old?', answer: 'yes' },
    ]);
  });
});

describe('rehire', () => {
  const base = { contractorKey: 'upwork:a', currency: 'USD', contract: {}, retainerPeriod: undefined, budgetMinor: undefined } as const;
  const projects = [
    {
      ...base,
      id: 'p1',
      title: 'One',
      status: 'completed' as const,
      paymentModel: 'fixed' as const,
      budgetMinor: 100000,
      rateMinor: undefined,
      createdAt: 1,
      checkInDays: 2,
    },
    {
      ...base,
      id: 'p2',
      title: 'Two',
      status: 'cancelled' as const,
      paymentModel: 'hourly' as const,
      rateMinor: 9900,
      createdAt: 3,
      checkInDays: 1,
    },
    {
      ...base,
      id: 'p3',
      title: 'Three',
      status: 'active' as const,
      paymentModel: 'retainer' as const,
      rateMinor: 50000,
      retainerPeriod: 'week' as const,
      createdAt: 2,
      checkInDays: 7,
    },
  ];

  it('counts projects that went ahead, sums payments per currency, skips cancelled for the last rate', () => {
    const s = rehireSummary('upwork:a', projects, [{ projectId: 'p1', amountMinor: 100000, currency: 'USD' }], [], { locale: 'en-US' });
    expect(s.projects).toBe(2);
    expect(s.lastRate).toMatchObject({ amountMinor: 50000, per: 'week', projectTitle: 'Three' });
    expect(s.nudge).toBe('2 projects, $1,000 paid: ask for a repeat-client rate');
  });

  it('no nudge for someone you would not rehire', () => {
    const rating = { contractorKey: 'upwork:a', quality: 2, communication: 2, timeliness: 2, value: 2, wouldRehire: false, createdAt: 5 };
    expect(rehireSummary('upwork:a', projects, [], [rating]).nudge).toBeNull();
  });

  it('prefill from the newest non-cancelled project', () => {
    expect(rehirePrefill('upwork:a', projects, 'Ana')).toEqual({
      title: 'New project with Ana',
      status: 'planned',
      paymentModel: 'retainer',
      currency: 'USD',
      rateMinor: 50000,
      retainerPeriod: 'week',
      checkInDays: 7,
      contract: {},
    });
    expect(rehirePrefill('upwork:none', projects)).toBeNull();
  });

  it('carried checks: done items in checklist order with their date', () => {
    const checks = [
      { itemId: 'reviews-read', state: 'done' as const, updatedAt: 20 },
      { itemId: 'interview-held', state: 'done' as const, updatedAt: 10 },
      { itemId: 'budget-set', state: 'todo' as const, updatedAt: 30 },
    ];
    expect(carriedChecks(DEFAULT_CHECKLIST, checks).map((c) => [c.itemId, c.doneAt])).toEqual([
      ['interview-held', 10],
      ['reviews-read', 20],
    ]);
  });
});
