/**
 * The toolbar popup: open projects by urgency with quick actions, totals on top, people to hire
 * again and recently viewed contractors; a three-step start for new users.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BarChart3, FolderPlus, Settings as SettingsIcon, Users } from 'lucide-preact';
import { openOwnPage } from '../board/open-page'; // issue 16
import { browser } from 'wxt/browser';
import { dashboardTotals, rankProjects } from '../../lib/domain/dashboard';
import { POPUP_FIRST_CARDS } from '../../lib/messaging/kept-dashboard';
import { openPanelPageInTab, openSidePanel, type PanelTarget } from '../../lib/messaging/side-panel';
import { openAgreement } from '../agreement/open-agreement';
import { send } from '../../lib/messaging/client';
import { useRequest } from '../use-request';
import { SyncNotice } from './SyncNotice';
import { HireAgainList, RecentList } from './ContractorLists';
import { EmptyState } from './EmptyState';
import { ProjectCard } from './ProjectCard';
import { Totals } from './Totals';
import { TrackThisPage } from './TrackThisPage';
import { ErrorAlert } from '../shared/ErrorAlert';
import { useKeptDashboard } from './kept-dashboard';
import { POPUP_SHOWN_MARK, useShownMark } from '../shared/use-shown-mark';
import './popup.css';

/**
 * Cards drawn when the popup opens, most urgent first; the rest on request. Drawing 100 cards took
 * most of the popup's time to usable with a big database (npm run bench), and a popup shows a few.
 */
const FIRST_CARDS = POPUP_FIRST_CARDS;

export interface PopupProps {
  /** Slot under the header, e.g. the backup reminder banner (renders nothing when not due). */
  top?: ComponentChildren;
  now?: () => number;
  timeZone?: string;
  locale?: string;
}

export function Popup({ top, now = Date.now, timeZone, locale }: PopupProps) {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const request = useRequest('getDashboard', {});
  // issue 18: first paint from what the background keeps, then the request's answer.
  const kept = useKeptDashboard();
  const { error, loading } = request;
  // The whole dashboard once answered; until then the first paint the background kept.
  const data = request.data ?? kept;
  const [windowId, setWindowId] = useState<number>();
  const [actionError, setActionError] = useState<string>();
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    // Known before any click: sidePanel.open() must run inside the click, with nothing awaited first.
    Promise.resolve()
      .then(() => browser.windows.getCurrent())
      .then((w) => setWindowId(w?.id))
      .catch(() => undefined);
  }, []);

  const openPanel = (target: PanelTarget) => {
    openSidePanel(target, { windowId }).then(
      () => window.close(),
      (err: unknown) => setActionError(err instanceof Error ? err.message : String(err)),
    );
  };
  const openAgreementTab = (projectId: string) => {
    openAgreement(projectId).then(
      () => window.close(),
      () => setActionError('Could not open the written agreement.'),
    );
  };
  const hireAgain = (contractorKey: string) => {
    // The new project opens in a tab: the side panel can only open inside the click, before the
    // project exists.
    send('hireAgain', { contractorKey })
      .then((project) => openPanelPageInTab({ projectId: project.id }))
      .then(
        () => window.close(),
        (err: unknown) => setActionError(err instanceof Error ? err.message : String(err)),
      );
  };
  const openProfile = (url: string) => {
    browser.tabs.create({ url }).then(
      () => window.close(),
      () => setActionError('Could not open the profile.'),
    );
  };

  const header = (
    <header class="pp-header">
      <img src="/icon/32.png" alt="" width={20} height={20} class="pp-logo" />
      <h1>Vetted</h1>
      <span class="v-spacer" />
      <button type="button" class="v-btn v-btn--sm v-btn--primary" onClick={() => openPanel({ newProject: true })}>
        <FolderPlus aria-hidden="true" /> New project
      </button>
      {/* issue 16: the contractor board and the spend reports */}
      <button
        type="button"
        class="v-btn v-btn--sm v-btn--ghost v-btn--icon"
        aria-label="Contractor board"
        title="Contractor board"
        onClick={() => void openOwnPage('/board.html', true)}
      >
        <Users aria-hidden="true" />
      </button>
      <button
        type="button"
        class="v-btn v-btn--sm v-btn--ghost v-btn--icon"
        aria-label="Spend reports"
        title="Spend reports"
        onClick={() => void openOwnPage('/reports.html', true)}
      >
        <BarChart3 aria-hidden="true" />
      </button>
      <button
        type="button"
        class="v-btn v-btn--sm v-btn--ghost v-btn--icon"
        aria-label="Options"
        title="Options"
        onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      >
        <SettingsIcon aria-hidden="true" />
      </button>
    </header>
  );

  let body: ComponentChildren;
  let cardsShown = false;
  if (error && !data) {
    body = <ErrorAlert message={error} />;
  } else if (!data) {
    body = loading ? <p class="v-muted v-small pp-pad">Loading…</p> : null;
  } else {
    const t = now();
    const options = { timeZone: zone, dueSoonDays: data.settings.dueSoonDays };
    const items = rankProjects(data.projects, t, options);
    // The first paint holds the first cards only: its totals and count were worked out over all.
    const totals = request.data || !kept ? dashboardTotals(data.projects, t, options) : kept.totals;
    const projectCount = request.data || !kept ? items.length : kept.projectCount;
    cardsShown = projectCount > 0 && items.length > 0;
    body = (
      <>
        {projectCount > 0 ? (
          <>
            <Totals totals={totals} locale={locale} />
            <ul class="pp-cards" aria-label="Projects">
              {(showAll ? items : items.slice(0, FIRST_CARDS)).map(({ view, health }) => (
                <ProjectCard
                  key={view.project.id}
                  view={view}
                  health={health}
                  locale={locale}
                  onOpenNotes={(projectId) => openPanel({ projectId })}
                  onOpenAgreement={openAgreementTab}
                  onOpenProfile={openProfile}
                />
              ))}
            </ul>
            {!showAll && projectCount > FIRST_CARDS && (
              <button type="button" class="v-btn v-btn--sm v-btn--ghost pp-more" onClick={() => setShowAll(true)}>
                Show all {projectCount} projects
              </button>
            )}
          </>
        ) : (
          <EmptyState hasContractors={data.contractorCount > 0} onNewProject={() => openPanel({ newProject: true })} />
        )}
        <HireAgainList hireAgain={data.hireAgain} locale={locale} onOpenProfile={openProfile} onHireAgain={hireAgain} />
        <RecentList recent={data.recent} onOpenProfile={openProfile} />
      </>
    );
  }

  // The first project card on screen (scripts/bench reads it where the DOM can't be watched from the start).
  useShownMark(cardsShown ? POPUP_SHOWN_MARK : undefined);
  return (
    <div class="pp">
      {header}
      {top && <div class="pp-top">{top}</div>}
      <SyncNotice />
      <ErrorAlert message={actionError} class="pp-pad" />
      <main class="pp-main">
        <TrackThisPage windowId={windowId} />
        {body}
      </main>
    </div>
  );
}
