/**
 * The written agreement page (agreement.html?project=<id>): the agreement generated from the
 * project, editable in place, with Copy (plain text for the marketplace's message box), Download
 * (Markdown), Print (save as PDF) and Mark as agreed (records the date and ticks the checklist).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ClipboardCopy, Download, FileSignature, Printer, RotateCcw } from 'lucide-preact';
import { agreementFilename, agreementToMarkdown, agreementToText, buildAgreement, formatAgreementDate } from '../../lib/domain/agreement';
import { todayIn } from '../../lib/domain/dates';
import { send } from '../../lib/messaging/client';
import { downloadText } from '../backup-reminder/download';
import { SITE_LABELS } from '../projects/labels';
import { useRequest } from '../use-request';
import { AgreementDocument } from './AgreementDocument';
import { ClientNameField } from './ClientNameField';
import { copyText } from './copy-text';
import { readAgreementDom } from './read-dom';
import './agreement.css';
import { ErrorAlert } from '../shared/ErrorAlert';

export interface AgreementAppProps {
  projectId: string | null;
  locale?: string;
  timeZone?: string;
  now?: () => number;
}

export function AgreementApp({ projectId, locale, timeZone, now = Date.now }: AgreementAppProps) {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const view = useRequest('getProject', projectId ? { id: projectId } : null, {
    refreshOn: (e) => !projectId || !e.projectIds || e.projectIds.includes(projectId) || e.tables.includes('contractors'),
  });
  const settings = useRequest('getSettings', {}, { refreshOn: (e) => e.tables.includes('settings') });
  const article = useRef<HTMLElement>(null);
  const [edited, setEdited] = useState(false);
  /** Bumped to re-create the editable document from the project (drops the user's edits). */
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const data = view.data;
  const doc = useMemo(() => {
    if (!data) return null;
    const c = data.contractor;
    return buildAgreement({
      project: data.project,
      ...(c ? { contractor: { name: c.name, profileUrl: c.profileUrl }, marketplace: SITE_LABELS[c.site] ?? c.site } : {}),
      milestones: data.milestones,
      payments: data.payments,
      clientName: settings.data?.clientName,
      locale,
    });
  }, [data, settings.data?.clientName, locale]);
  const generated = doc ? agreementToText(doc) : '';

  // Unedited, the document follows the project; edited, it waits for the user to choose.
  const [shown, setShown] = useState(doc);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    if (!doc) return;
    if (!shown || !edited) {
      setShown(doc);
      setStale(false);
    } else if (agreementToText(shown) !== generated) setStale(true);
  }, [generated]);

  useEffect(() => {
    if (data?.project.title) document.title = `Written agreement: ${data.project.title} — Vetted`;
  }, [data?.project.title]);

  // Edits live only in this tab: ask before the tab closes or reloads with them.
  useEffect(() => {
    if (!edited) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [edited]);

  const current = () => (article.current && doc ? readAgreementDom(article.current, doc.disclaimer) : doc);

  const act = async (fn: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    try {
      setStatus(await fn());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    if (!doc) return;
    setShown(doc);
    setEdited(false);
    setStale(false);
    setVersion((v) => v + 1);
    setStatus('The text is back to what the project says.');
  };

  if (!projectId) {
    return (
      <main class="ag-page">
        <h1>Written agreement</h1>
        <p class="v-alert v-alert--warn">No project given. Open the agreement from a project in the side panel or the popup.</p>
      </main>
    );
  }
  if (view.error) {
    return (
      <main class="ag-page">
        <h1>Written agreement</h1>
        <ErrorAlert message={view.error} />
      </main>
    );
  }
  if (data === null) {
    return (
      <main class="ag-page">
        <h1>Written agreement</h1>
        <p class="v-alert v-alert--warn">This project no longer exists.</p>
      </main>
    );
  }
  if (!data || !shown || !doc) {
    return (
      <main class="ag-page">
        <p class="v-muted">Loading…</p>
      </main>
    );
  }

  const { project, contractor } = data;
  const signedAt = project.contract.signedAt;
  return (
    <div class="ag-page">
      <header class="ag-tools" aria-label="Agreement tools">
        <div class="ag-tools__intro">
          <p class="ag-tools__title">
            <FileSignature size={18} aria-hidden="true" /> Written agreement
          </p>
          <p class="v-small v-muted">
            Made from the project. Click into the text to change anything before you send it. Paste it into{' '}
            {contractor
              ? `your ${SITE_LABELS[contractor.site] ?? 'marketplace'} messages with ${contractor.name}`
              : 'the marketplace messages'}{' '}
            and ask them to confirm. The marketplace's own contract stays the legal one.
          </p>
        </div>
        <ClientNameField value={settings.data?.clientName ?? ''} />
        <div class="v-row ag-tools__buttons">
          <button
            type="button"
            class="v-btn v-btn--primary"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const d = current();
                if (!d) return undefined;
                await copyText(agreementToText(d));
                return 'Copied as plain text. Paste it into the marketplace message box.';
              })
            }
          >
            <ClipboardCopy aria-hidden="true" /> Copy
          </button>
          <button
            type="button"
            class="v-btn"
            onClick={() =>
              void act(async () => {
                const d = current();
                if (!d) return undefined;
                const name = agreementFilename(project.title);
                downloadText(agreementToMarkdown(d), name, 'text/markdown');
                return `Downloading ${name}.`;
              })
            }
          >
            <Download aria-hidden="true" /> Download Markdown
          </button>
          <button type="button" class="v-btn" onClick={() => window.print()}>
            <Printer aria-hidden="true" /> Print or save as PDF
          </button>
          {edited && (
            <button type="button" class="v-btn v-btn--ghost" onClick={reset}>
              <RotateCcw aria-hidden="true" /> Reset text
            </button>
          )}
          <span class="v-spacer" />
          {signedAt ? (
            <span class="v-pill v-pill--ok ag-agreed" data-testid="agreement-agreed">
              Agreed on {formatAgreementDate(signedAt, locale)}
            </span>
          ) : (
            <button
              type="button"
              class="v-btn v-btn--primary"
              disabled={busy || !project.contractorKey}
              title={project.contractorKey ? undefined : 'Link a contractor to the project first'}
              onClick={() =>
                void act(async () => {
                  const date = todayIn(now(), zone);
                  await send('markAgreed', { projectId: project.id, date });
                  return `Marked as agreed on ${formatAgreementDate(date, locale)}. “Written contract” is ticked on ${contractor?.name ?? 'the contractor'}'s checklist.`;
                })
              }
            >
              <FileSignature aria-hidden="true" /> Mark as agreed
            </button>
          )}
        </div>
        {stale && (
          <p class="v-alert v-alert--info" role="status">
            The project changed since you edited this text.{' '}
            <button type="button" class="v-btn v-btn--sm" onClick={reset}>
              Update the text (drops your edits)
            </button>
          </p>
        )}
        {status && (
          <p class="v-alert v-alert--ok" role="status">
            {status}
          </p>
        )}
        <ErrorAlert message={error} />
      </header>
      <main class="ag-main">
        <AgreementDocument key={version} doc={shown} articleRef={article} onEdit={() => setEdited(true)} />
      </main>
    </div>
  );
}
