/**
 * The interview kit: a question set per kind of work, and the interview note that keeps each
 * question with its answer. Sets are settings (the user edits them in options); kit ids are stable
 * because a saved note names the kit it was asked from.
 */
import type { InterviewKit } from '../db/schema';

const common = {
  references: 'Which past clients may I contact about your work?',
  availability: 'How many hours a week can you give this project, in which time zone, and how many other clients do you serve right now?',
  reporting: 'How and how often will you report progress?',
  rates: 'What is your rate for this, and how do you prefer to be paid (fixed, hourly, milestones)?',
  needs: 'What do you need from me to do your best work?',
};

export const DEFAULT_INTERVIEW_KITS: readonly InterviewKit[] = Object.freeze([
  {
    id: 'content',
    label: 'Ghostwriting and content',
    questions: [
      'How would you approach this piece: research, outline, drafts?',
      'Can you share samples of similar writing you wrote yourself (not edited or co-written)?',
      common.references,
      common.availability,
      common.reporting,
      'How do you handle revisions and my brand voice?',
      common.rates,
      common.needs,
    ],
  },
  {
    id: 'web',
    label: 'Site design and development',
    questions: [
      'How would you approach this site: steps, tools, hosting?',
      'Can you show live sites you designed or built yourself, and what your part was?',
      common.references,
      common.availability,
      common.reporting,
      'Who owns the code and the accounts at the end, and how do you hand them over?',
      common.rates,
      common.needs,
    ],
  },
  {
    id: 'support',
    label: 'Customer service and help desk',
    questions: [
      'How would you handle our customers: tone, escalation, a difficult case?',
      'Which help-desk tools have you used, and can you show examples of replies you wrote?',
      common.references,
      'Which hours and time zone can you cover, and how many other clients do you serve?',
      common.reporting,
      'How fast do you reply to a new ticket?',
      common.rates,
      common.needs,
    ],
  },
  {
    id: 'assistant',
    label: 'Virtual assistance',
    questions: [
      'How would you organise these tasks, and which tools do you use?',
      'Can you describe similar tasks you did yourself for another client?',
      common.references,
      common.availability,
      common.reporting,
      'How do you keep passwords and private information safe?',
      common.rates,
      common.needs,
    ],
  },
  {
    id: 'marketing',
    label: 'Marketing',
    questions: [
      'How would you approach this campaign, and how will we measure it?',
      'Can you show results from campaigns you ran yourself (numbers, not just screenshots)?',
      common.references,
      common.availability,
      common.reporting,
      'Which ad accounts or tools will you need access to, and who owns them?',
      common.rates,
      common.needs,
    ],
  },
  {
    id: 'other',
    label: 'Other',
    questions: [
      'How would you approach this project?',
      'Can you show samples of similar work you did yourself?',
      common.references,
      common.availability,
      common.reporting,
      common.rates,
      common.needs,
    ],
  },
]);

export interface InterviewAnswer {
  question: string;
  answer: string;
}

const HEADER = 'Interview kit: ';
const Q = 'Q: ';
const A = 'A: ';

/**
 * The note body: a header naming the kit, then each question with its answer. Plain text, so it
 * reads well in the notes list, the backup and a CSV.
 */
export function formatInterviewNote(kitLabel: string, answers: readonly InterviewAnswer[]): string {
  const out = [`${HEADER}${kitLabel.trim()}`];
  for (const { question, answer } of answers) {
    out.push('', `${Q}${question.trim()}`, `${A}${answer.trim().replace(/\r?\n/g, '\n   ')}`);
  }
  return out.join('\n');
}

/** Reads a note written by formatInterviewNote back; null for any other note. */
export function parseInterviewNote(body: string): { kitLabel: string; answers: InterviewAnswer[] } | null {
  const rows = body.split(/\r?\n/);
  if (!rows[0]?.startsWith(HEADER)) return null;
  const kitLabel = rows[0].slice(HEADER.length).trim();
  const answers: InterviewAnswer[] = [];
  let current: InterviewAnswer | null = null;
  let inAnswer = false;
  for (const row of rows.slice(1)) {
    if (row.startsWith(Q)) {
      current = { question: row.slice(Q.length), answer: '' };
      answers.push(current);
      inAnswer = false;
    } else if (current && row.startsWith(A)) {
      current.answer = row.slice(A.length);
      inAnswer = true;
    } else if (current && inAnswer && row.startsWith('   ')) {
      current.answer += `\n${row.slice(3)}`;
    }
  }
  return { kitLabel, answers };
}

/** Whether any question got an answer (what ticks "Interview held"). */
export function hasAnswers(answers: readonly InterviewAnswer[]): boolean {
  return answers.some((a) => a.answer.trim() !== '');
}

/** The kit's questions with the answers of a saved note (matched by question text). */
export function answersFor(questions: readonly string[], saved: readonly InterviewAnswer[] = []): InterviewAnswer[] {
  const byQuestion = new Map(saved.map((a) => [a.question.trim(), a.answer]));
  const out = questions.map((question) => ({ question, answer: byQuestion.get(question.trim()) ?? '' }));
  // A question removed from the kit since keeps its answer rather than losing it.
  for (const a of saved) if (!questions.some((q) => q.trim() === a.question.trim()) && a.answer.trim()) out.push(a);
  return out;
}
