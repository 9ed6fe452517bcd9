/**
 * issue 15: on the profile of someone you worked with, your own history with them (projects, paid
 * per currency, your ratings, the last rate you agreed), a nudge to ask for a repeat-client rate,
 * the vetting already done, and "Hire again": a new project prefilled from the last one.
 */
import { useState } from 'preact/hooks';
import { HandCoins, History, RotateCw } from 'lucide-preact';
import type { Check, ChecklistItem, Contractor, Project, Rating } from '../../lib/db/schema';
import { dateInZone, formatDay } from '../../lib/domain/dates';
import { formatTotals } from '../../lib/domain/money';
import { carriedChecks, formatAgreedRate, hasWorkedWith, rehireSummary } from '../../lib/domain/rehire';
import { formatScore } from '../../lib/domain/reputation';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { useSave } from '../shared/use-save';
import './kit-rehire.css';
import { useRequest } from '../use-request';
import { openPanelPageInTab, openSidePanel, showProjectInPanel } from '../../lib/messaging/side-panel';

export interface RehirePanelProps {
  contractor: Contractor;
  projects: readonly Project[];
  ratings: readonly Rating[];
  checks: readonly Check[];
  template: readonly ChecklistItem[];
  tabId: number | null;
  locale?: string;
  timeZone?: string;
}

export function RehirePanel({ contractor, projects, ratings, checks, template, tabId, locale, timeZone }: RehirePanelProps) {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const payments = useRequest(
    'getContractorPayments',
    { contractorKey: contractor.key },
    { refreshOn: (e) => e.tables.includes('payments') || e.tables.includes('projects') },
  );
  const save = useSave();
  const [message, setMessage] = useState<string>();
  const summary = rehireSummary(contractor.key, projects, payments.data ?? [], ratings, { locale });
  if (!hasWorkedWith(summary)) return null;
  const carried = carriedChecks(template, checks);
  const name = contractor.name.trim() || 'this contractor';
  const paid = formatTotals(summary.paid, locale, { trimZeroFraction: true, empty: payments.data ? 'nothing recorded' : '…' });

  const hireAgain = () => {
    const opening = openSidePanel({}, { tabId }, 'none');
    setMessage(undefined);
    void save.run(async () => {
      const project = await send('hireAgain', { contractorKey: contractor.key });
      if ((await opening) === 'panel') await showProjectInPanel(project.id);
      else await openPanelPageInTab({ projectId: project.id });
      setMessage(`“${project.title}” is ready in the side panel, with the payment model, rate, check-ins and terms of your last project.`);
    });
  };

  return (
    <section class="ov-section ov-rehire" aria-labelledby="ov-rehire-title" data-testid="rehire-panel">
      <div class="ov-section__head v-row">
        <h2 id="ov-rehire-title" class="ov-h2">
          <History size={16} aria-hidden="true" /> Your history with {name}
        </h2>
      </div>
      <dl class="ov-rehire__facts">
        <dt>Projects</dt>
        <dd>
          {summary.projects}
          {summary.completed > 0 && summary.completed !== summary.projects && ` (${summary.completed} completed)`}
        </dd>
        <dt>Paid</dt>
        <dd class="v-num" data-testid="rehire-paid">
          {paid}
        </dd>
        <dt>Your rating</dt>
        <dd>
          {summary.averageRating === null
            ? 'not rated yet'
            : `${formatScore(summary.averageRating, locale)} / 5 (${summary.ratings} rating${summary.ratings === 1 ? '' : 's'})`}
        </dd>
        <dt>Would rehire</dt>
        <dd>{summary.wouldRehire === null ? '–' : summary.wouldRehire ? 'Yes' : 'No'}</dd>
        {summary.lastRate && (
          <>
            <dt>Last rate</dt>
            <dd>
              {formatAgreedRate(summary.lastRate, locale)} <span class="v-muted v-user-text">· {summary.lastRate.projectTitle}</span>
            </dd>
          </>
        )}
      </dl>
      {summary.nudge && (
        <p class="v-alert v-alert--info ov-alert" data-testid="rehire-nudge">
          <HandCoins size={16} aria-hidden="true" class="ov-alert__icon" /> {summary.nudge}
        </p>
      )}
      {carried.length > 0 && (
        <div class="v-stack ov-rehire__carried">
          <p class="v-xs v-muted">Vetting already done carries over to a new project:</p>
          <ul class="ov-rehire__checks" aria-label="Vetting already done">
            {carried.map((c) => (
              <li key={c.itemId}>
                {c.label} <span class="v-muted">· {formatDay(dateInZone(c.doneAt, zone), locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="v-row">
        <button type="button" class="v-btn v-btn--primary" disabled={save.saving} onClick={hireAgain}>
          <RotateCw size={16} aria-hidden="true" /> Hire again
        </button>
        <span class="v-xs v-muted">New project from your last one</span>
      </div>
      {message && (
        <p class="v-alert v-alert--ok ov-alert" role="status">
          {message}
        </p>
      )}
      <ErrorText message={save.error ?? payments.error} />
    </section>
  );
}
