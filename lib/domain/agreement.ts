/**
 * The written agreement of a project: generated from what Vetted already knows (budget, payment
 * model, milestones, expectations, check-in rhythm) so writing one down takes a minute instead of
 * an evening. Pure: plain records in, a document out; dates and money in the user's locale.
 * The marketplace's own contract stays the legal one; this is the plain-words summary both sides
 * confirm in the marketplace's messages.
 */
import type { Milestone, Payment, Project } from '../db/schema';
import { compareIsoDates, parseIsoDate } from './dates';
import { dateTimeFormat } from './intl-cache';
import { formatMoney, formatTotals, sumByCurrency } from './money';

export interface AgreementSection {
  id: string;
  heading: string;
  paragraphs: string[];
  /** Listed after the paragraphs. */
  items: string[];
  /** Items are numbered (milestones). */
  ordered?: boolean;
}

export interface AgreementDoc {
  title: string;
  sections: AgreementSection[];
  /** The one line that says which contract is binding. */
  disclaimer: string;
}

export interface AgreementInput {
  project: Pick<
    Project,
    | 'title'
    | 'paymentModel'
    | 'currency'
    | 'budgetMinor'
    | 'rateMinor'
    | 'retainerPeriod'
    | 'estimatedHours'
    | 'startDate'
    | 'deadline'
    | 'contract'
    | 'checkInDays'
  >;
  contractor?: { name: string; profileUrl: string };
  /** "Upwork", "Fiverr" …: where the work is contracted and paid. */
  marketplace?: string;
  milestones: readonly Pick<Milestone, 'title' | 'dueDate' | 'amountMinor'>[];
  /** Payments already recorded; any in another currency are stated apart, never converted. */
  payments?: readonly Pick<Payment, 'amountMinor' | 'currency'>[];
  /** The client's name or business (settings). */
  clientName?: string;
  locale?: string;
}

export const AGREEMENT_DISCLAIMER =
  "This summary records what we agreed in plain words; the marketplace's own contract stays the legal one.";

const TO_AGREE = '[to be agreed]';

/** "12 March 2027": an agreement always spells out the year. */
export function formatAgreementDate(date: string, locale?: string): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return dateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(parts.year, parts.month - 1, parts.day)),
  );
}

function currencyName(currency: string, locale?: string): string {
  try {
    const name = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'currency' }).of(currency);
    if (name && name !== currency) return `${name} (${currency})`;
  } catch {
    // Unknown locale: the code alone is still exact.
  }
  return currency;
}

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Milestones in due-date order (undated last, otherwise as entered). */
function sortedMilestones<M extends Pick<Milestone, 'dueDate'>>(milestones: readonly M[]): M[] {
  return milestones
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      if (a.m.dueDate && b.m.dueDate) return compareIsoDates(a.m.dueDate, b.m.dueDate) || a.i - b.i;
      if (a.m.dueDate) return -1;
      if (b.m.dueDate) return 1;
      return a.i - b.i;
    })
    .map(({ m }) => m);
}

export function milestoneLine(m: Pick<Milestone, 'title' | 'dueDate' | 'amountMinor'>, currency: string, locale?: string): string {
  const due = m.dueDate ? `due ${formatAgreementDate(m.dueDate, locale)}` : 'due date to be agreed';
  const amount = m.amountMinor !== undefined ? formatMoney(m.amountMinor, currency, locale) : 'amount to be agreed';
  return `${m.title.trim()}: ${due}, ${amount}`;
}

/** The payment model, total or cap, and when money changes hands. */
function priceSection(input: AgreementInput, release: string): AgreementSection {
  const { project: p, locale } = input;
  const money = (minor: number) => formatMoney(minor, p.currency, locale);
  const amounts = input.milestones.filter((m) => m.amountMinor !== undefined);
  const milestoneTotal = amounts.reduce((sum, m) => sum + (m.amountMinor ?? 0), 0);
  const paragraphs: string[] = [];
  const items: string[] = [];

  switch (p.paymentModel) {
    case 'fixed':
      paragraphs.push(
        p.budgetMinor !== undefined
          ? `Payment model: fixed price. Total price: ${money(p.budgetMinor)} for the whole project.`
          : `Payment model: fixed price. Total price: ${TO_AGREE}.`,
      );
      items.push(
        amounts.length > 0
          ? 'Paid in parts, one per milestone listed above, each when that milestone is approved.'
          : 'Paid in full when the deliverables are delivered and approved.',
      );
      break;
    case 'hourly': {
      const rate = p.rateMinor !== undefined ? `${money(p.rateMinor)} per hour` : TO_AGREE;
      paragraphs.push(`Payment model: hourly. Rate: ${rate}.`);
      if (p.budgetMinor !== undefined) {
        const hours = p.rateMinor && p.rateMinor > 0 ? ` (about ${Math.floor(p.budgetMinor / p.rateMinor)} hours)` : '';
        paragraphs.push(`Cap: no more than ${money(p.budgetMinor)} in total${hours} without the client's written approval.`);
      } else {
        paragraphs.push(`Cap: ${TO_AGREE}.`);
      }
      if (p.estimatedHours !== undefined) paragraphs.push(`Estimated effort: ${p.estimatedHours} hours.`);
      items.push('Hours are logged as they are worked and billed every week.');
      items.push('Work beyond the cap starts only after the client approves it in writing.');
      break;
    }
    case 'retainer': {
      const period = p.retainerPeriod ?? 'month';
      const per = period === 'week' ? 'week' : 'month';
      const amount = p.rateMinor !== undefined ? `${money(p.rateMinor)} per ${per}` : TO_AGREE;
      paragraphs.push(`Payment model: retainer. Amount: ${amount}.`);
      if (p.budgetMinor !== undefined) paragraphs.push(`Cap: no more than ${money(p.budgetMinor)} in total.`);
      items.push(
        p.startDate
          ? `Paid at the start of each ${per}, the first payment on ${formatAgreementDate(p.startDate, locale)}.`
          : `Paid at the start of each ${per}.`,
      );
      items.push(`Either side may change the scope or the amount for the next ${per} with notice before it starts.`);
      break;
    }
    case 'milestones': {
      const total = p.budgetMinor ?? (amounts.length > 0 ? milestoneTotal : undefined);
      paragraphs.push(
        total !== undefined
          ? `Payment model: milestones. Total price: ${money(total)}.`
          : `Payment model: milestones. Total price: ${TO_AGREE}.`,
      );
      items.push('Each milestone is paid when the client approves its deliverable, for the amount listed above.');
      if (p.budgetMinor !== undefined && amounts.length > 0 && milestoneTotal !== p.budgetMinor) {
        items.push(
          `The milestones add up to ${money(milestoneTotal)}; the remaining ${money(p.budgetMinor - milestoneTotal)} ` +
            'is to be agreed as further milestones.',
        );
      }
      break;
    }
  }

  paragraphs.push(`Currency: all amounts are in ${currencyName(p.currency, locale)}.`);
  for (const l of lines(p.contract.paymentSchedule)) items.push(l);
  items.push(release);

  // Payments already made in other currencies are stated as they are, never converted.
  const totals = sumByCurrency(input.payments ?? []);
  const other = Object.keys(totals).filter((c) => c !== p.currency);
  if (other.length > 0) {
    paragraphs.push(
      `Already paid: ${formatTotals(totals, locale)}. Amounts in different currencies are listed separately and not converted.`,
    );
  }
  return { id: 'payment', heading: 'Price and payment schedule', paragraphs, items };
}

/** The agreement as a document of sections, ready to render, copy or download. */
export function buildAgreement(input: AgreementInput): AgreementDoc {
  const { project: p, locale } = input;
  const where = input.marketplace?.trim() || 'the marketplace';
  const contractorName = input.contractor?.name.trim() || '[contractor]';
  const client = input.clientName?.trim() || '[your name or business]';

  const parties: AgreementSection = {
    id: 'parties',
    heading: 'Parties',
    paragraphs: [],
    items: [
      `Client: ${client}`,
      input.contractor
        ? `Contractor: ${contractorName} (${where} profile: ${input.contractor.profileUrl})`
        : `Contractor: ${contractorName}`,
    ],
  };

  const scope: AgreementSection = {
    id: 'scope',
    heading: 'Scope of work',
    paragraphs: [`Project: ${p.title.trim()}.`],
    items: [],
  };
  const expectations = lines(p.contract.expectations);
  const deliverables = lines(p.contract.deliverables);
  scope.paragraphs.push(expectations.length ? `Expectations: ${expectations.join(' ')}` : `Expectations: ${TO_AGREE}.`);
  if (deliverables.length) scope.items.push(...deliverables.map((d) => `Deliverable: ${d}`));
  else scope.items.push(`Deliverables: ${TO_AGREE}.`);
  if (p.startDate) scope.items.push(`Start: ${formatAgreementDate(p.startDate, locale)}`);
  scope.items.push(p.deadline ? `Final deadline: ${formatAgreementDate(p.deadline, locale)}` : `Final deadline: ${TO_AGREE}`);

  const sections: AgreementSection[] = [parties, scope];
  if (input.milestones.length > 0 || p.paymentModel === 'milestones') {
    sections.push({
      id: 'milestones',
      heading: 'Milestones',
      paragraphs: input.milestones.length ? [] : [`Milestones: ${TO_AGREE}.`],
      items: sortedMilestones(input.milestones).map((m) => milestoneLine(m, p.currency, locale)),
      ordered: true,
    });
  }

  const release =
    `Payments are made and released through ${where}: money for each part is released once the client approves ` +
    'the work. No payments outside the marketplace.';
  sections.push(priceSection(input, release));

  const rhythm =
    p.checkInDays && p.checkInDays > 0
      ? p.checkInDays === 1
        ? 'A short progress update every working day.'
        : p.checkInDays === 7
          ? 'A progress update every week.'
          : `A progress update every ${p.checkInDays} days.`
      : `Progress updates: ${TO_AGREE}.`;
  sections.push({
    id: 'communication',
    heading: 'Communication',
    paragraphs: [],
    items: [
      rhythm,
      `Channel: ${where}'s messages, so the conversation stays with the contract.`,
      'Response time: both sides reply within one working day.',
      'Delays are announced as soon as they are known, with a new date.',
    ],
  });

  sections.push({
    id: 'terms',
    heading: 'Revisions, ownership and confidentiality',
    paragraphs: [],
    items: [
      'Revisions: up to two rounds of changes per deliverable are included; more are agreed separately.',
      `Ownership: once paid, the work delivered belongs to ${client}. The contractor confirms it is their own work and does not copy anyone else's.`,
      "Confidentiality: the contractor keeps the client's information private and does not share it or use it for other work.",
    ],
  });

  sections.push({
    id: 'ending',
    heading: 'Ending the agreement',
    paragraphs: [],
    items: [
      `Either side may end this agreement by telling the other in ${where}'s messages.`,
      'The client pays for the work approved up to that point; the contractor hands over everything finished and in progress.',
    ],
  });

  sections.push({
    id: 'agreed',
    heading: 'Agreed',
    paragraphs: [
      p.contract.signedAt
        ? `Agreed by both sides on ${formatAgreementDate(p.contract.signedAt, locale)}.`
        : 'Agreed by both sides on: ____________',
    ],
    items: [],
  });

  return { title: `Written agreement: ${p.title.trim()}`, sections, disclaimer: AGREEMENT_DISCLAIMER };
}

/** Plain text to paste into the marketplace's message box. */
export function agreementToText(doc: AgreementDoc): string {
  const out: string[] = [doc.title, ''];
  for (const s of doc.sections) {
    if (s.heading) out.push(s.heading);
    out.push(...s.paragraphs);
    s.items.forEach((item, i) => out.push(s.ordered ? `${i + 1}. ${item}` : `- ${item}`));
    out.push('');
  }
  out.push(doc.disclaimer);
  return out.join('\n');
}

/** Markdown, for the download. */
export function agreementToMarkdown(doc: AgreementDoc): string {
  const esc = (s: string) => s.replace(/([\\`*_[\]#<>|])/g, '\\$1');
  const out: string[] = [`# ${esc(doc.title)}`, ''];
  for (const s of doc.sections) {
    if (s.heading) out.push(`## ${esc(s.heading)}`, '');
    for (const p of s.paragraphs) out.push(esc(p), '');
    if (s.items.length) {
      s.items.forEach((item, i) => out.push(s.ordered ? `${i + 1}. ${esc(item)}` : `- ${esc(item)}`));
      out.push('');
    }
  }
  out.push(`_${esc(doc.disclaimer)}_`, '');
  return out.join('\n');
}

/** "written-agreement-logo-refresh.md" */
export function agreementFilename(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `written-agreement${slug ? `-${slug}` : ''}.md`;
}
