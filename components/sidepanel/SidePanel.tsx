/**
 * The side panel (Firefox: sidebar). Shows the project of the contractor in the current tab and
 * follows tab switches and navigation; `?project=<id>` or the picker choose one explicitly;
 * `?new=1` opens the editor for a new project.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { BarChart3, Plus, Settings as SettingsIcon } from 'lucide-preact';
import { openOwnPage } from '../board/open-page'; // issue 16
import { browser } from 'wxt/browser';
import type { Project } from '../../lib/db/schema';
import { compareText } from '../../lib/domain/project-health';
import { PROJECT_STATUS_LABELS, SITE_LABELS } from '../projects/labels';
import { ProjectForm } from '../projects/ProjectForm';
import { useRequest } from '../use-request';
import { ProjectPanel } from './ProjectPanel';
import { SHOW_PROJECT_EVENT, type ShowProjectMessage } from '../../lib/messaging/side-panel';
import { useTabContext } from './use-tab-context';
import { ErrorAlert } from '../shared/ErrorAlert';
import './sidepanel.css';

export interface SidePanelProps {
  /** From `?project=`: show this project first. */
  initialProjectId?: string;
  /** From `?new=1`: open the new-project form. */
  startNew?: boolean;
  /** Pre-selected contractor for a new project (`?contractor=`). */
  newContractorKey?: string;
  now?: () => number;
  timeZone?: string;
  locale?: string;
}

type Selection = { kind: 'tab' } | { kind: 'project'; id: string } | { kind: 'new'; contractorKey?: string };

const OPEN: Project['status'][] = ['active', 'planned', 'paused'];

/** The project to show for a contractor: an open one (active first), else the latest. */
function projectFor(projects: readonly Project[], key: string): Project | undefined {
  const mine = projects.filter((p) => p.contractorKey === key);
  const rank = (p: Project) => (OPEN.includes(p.status) ? OPEN.indexOf(p.status) : 3);
  return [...mine].sort((a, b) => rank(a) - rank(b) || b.updatedAt - a.updatedAt)[0];
}

export function SidePanel(props: SidePanelProps) {
  const timeZone = props.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const [selection, setSelection] = useState<Selection>(() =>
    props.initialProjectId
      ? { kind: 'project', id: props.initialProjectId }
      : props.startNew
        ? { kind: 'new', contractorKey: props.newContractorKey }
        : { kind: 'tab' },
  );
  const { context, ready } = useTabContext();
  // Opened on a given project: that project first, then the picker's list of every project (the
  // biggest answer here). Asked together, the list held the project back (npm run bench: big database).
  const [listWanted, setListWanted] = useState(!props.initialProjectId);
  const projects = useRequest('listProjects', listWanted ? {} : null, { refreshOn: (e) => e.tables.includes('projects') });
  const settings = useRequest('getSettings', {}, { refreshOn: (e) => e.tables.includes('settings') });

  // A new page in the current tab (or another tab) takes over from an earlier explicit choice;
  // the tab's first reading does not (it would override `?project=` on opening).
  const [seenKey, setSeenKey] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!ready) return;
    if (seenKey === undefined) {
      setSeenKey(context.key);
      return;
    }
    if (context.key !== seenKey) {
      setSeenKey(context.key);
      if (context.key) setSelection({ kind: 'tab' });
    }
  }, [context.key, ready]);

  // The popup asks an open panel to show a project.
  useEffect(() => {
    const listener = (message: unknown) => {
      const m = message as ShowProjectMessage | null;
      if (m && typeof m === 'object' && m.event === SHOW_PROJECT_EVENT) {
        setSelection(m.projectId ? { kind: 'project', id: m.projectId } : { kind: 'new', contractorKey: m.contractorKey });
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  const all = projects.data ?? [];
  const tabProject = context.key ? projectFor(all, context.key) : undefined;
  const shownId = selection.kind === 'project' ? selection.id : selection.kind === 'tab' ? tabProject?.id : undefined;
  const view = useRequest('getProject', shownId ? { id: shownId } : null);
  useEffect(() => {
    if (!listWanted && (view.data !== undefined || view.error !== undefined || selection.kind !== 'project')) setListWanted(true);
  }, [listWanted, view.data, view.error, selection.kind]);
  const tabContractor = useRequest('getContractor', context.key && selection.kind === 'tab' && !tabProject ? { key: context.key } : null);
  const contractors = useRequest('listContractors', selection.kind === 'new' ? { limit: 500 } : null);

  const sorted = useMemo(
    () => [...all].sort((a, b) => (OPEN.includes(a.status) ? 0 : 1) - (OPEN.includes(b.status) ? 0 : 1) || compareText(a.title, b.title)),
    [all],
  );

  const now = (props.now ?? Date.now)();
  const defaultCurrency = settings.data?.defaultCurrency ?? 'USD';
  const locale = props.locale;

  let body;
  if (selection.kind === 'new') {
    const key = selection.contractorKey ?? context.key ?? undefined;
    const known = contractors.data?.find((c) => c.key === key);
    body = (
      <section class="v-card v-stack" aria-label="New project">
        <h2>New project</h2>
        {contractors.data === undefined && !contractors.error ? (
          <p class="v-muted v-small">Loading…</p>
        ) : (
          <ProjectForm
            contractors={contractors.data ?? []}
            defaultContractorKey={key}
            defaultCurrency={known?.rate?.currency ?? defaultCurrency}
            defaultTitle={known ? `Project with ${known.name}` : ''}
            onSaved={(p) => setSelection({ kind: 'project', id: p.id })}
            onCancel={() => setSelection({ kind: 'tab' })}
          />
        )}
      </section>
    );
  } else if (shownId) {
    if (view.data) {
      body = (
        <ProjectPanel key={view.data.project.id} view={view.data} settings={settings.data} now={now} timeZone={timeZone} locale={locale} />
      );
    } else if (view.error) {
      body = <ErrorAlert message={view.error} />;
    } else if (!view.loading && view.data === null) {
      body = <p class="v-alert v-alert--warn">This project no longer exists. Pick another one above.</p>;
    } else {
      body = <p class="v-muted v-small">Loading…</p>;
    }
  } else if (context.key && tabContractor.data) {
    const c = tabContractor.data.contractor;
    body = (
      <section class="v-card v-stack sp-start" aria-label="No project yet">
        <h2>{c.name}</h2>
        <p class="v-small v-muted">
          {SITE_LABELS[c.site] ?? c.site} · no project with {c.name} yet. Start one to keep the budget, milestones and payments in one
          place.
        </p>
        <button type="button" class="v-btn v-btn--primary" onClick={() => setSelection({ kind: 'new', contractorKey: c.key })}>
          <Plus aria-hidden="true" /> Start a project with {c.name}
        </button>
      </section>
    );
  } else if (projects.loading) {
    body = <p class="v-muted v-small">Loading…</p>;
  } else {
    body = (
      <div class="v-empty v-stack">
        <p>
          <strong>Budget notes follow the contractor in your current tab.</strong>
        </p>
        <p class="v-small">
          Open a contractor's profile on Upwork, Fiverr, Freelancer.com, PeoplePerHour, Guru, Toptal, Contra or Malt, or pick a project
          above.
        </p>
        <button type="button" class="v-btn v-btn--primary" onClick={() => setSelection({ kind: 'new' })}>
          <Plus aria-hidden="true" /> New project
        </button>
      </div>
    );
  }

  return (
    <div class="sp">
      <header class="sp-bar">
        <label class="v-sr-only" for="sp-project-picker">
          Project
        </label>
        <select
          id="sp-project-picker"
          class="v-select"
          value={shownId ?? ''}
          onChange={(e) => {
            const id = e.currentTarget.value;
            setSelection(id ? { kind: 'project', id } : { kind: 'tab' });
          }}
        >
          <option value="">{context.key ? 'Contractor in this tab' : 'Choose a project…'}</option>
          {sorted.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
              {OPEN.includes(p.status) ? '' : ` (${PROJECT_STATUS_LABELS[p.status].toLowerCase()})`}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="v-btn v-btn--icon"
          aria-label="New project"
          title="New project"
          onClick={() => setSelection({ kind: 'new' })}
        >
          <Plus aria-hidden="true" />
        </button>
        {/* issue 16 */}
        <button
          type="button"
          class="v-btn v-btn--icon v-btn--ghost"
          aria-label="Spend reports"
          title="Spend reports"
          onClick={() => void openOwnPage('/reports.html')}
        >
          <BarChart3 aria-hidden="true" />
        </button>
        <button
          type="button"
          class="v-btn v-btn--icon v-btn--ghost"
          aria-label="Options"
          title="Options"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          <SettingsIcon aria-hidden="true" />
        </button>
      </header>
      <ErrorAlert message={projects.error} />
      <main class="sp-main">
        {/* The page's title for screen readers (axe page-has-heading-one); the project title is its h2. */}
        <h1 class="v-sr-only">Vetted budget notes</h1>
        {body}
      </main>
    </div>
  );
}
