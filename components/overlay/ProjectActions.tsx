/**
 * What to do next with this contractor: start a project (then budget notes open in the side panel),
 * and the projects already under way with them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Briefcase, FileSignature, PanelRight } from 'lucide-preact';
import { openAgreement } from '../agreement/open-agreement';
import type { Contractor, Project } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { openPanelPageInTab, openSidePanel } from '../../lib/messaging/side-panel';
import { useSave } from '../shared/use-save';

export interface ProjectActionsProps {
  contractor: Contractor;
  projects: readonly Project[];
  tabId: number | null;
}

const OPEN_STATUSES = new Set<Project['status']>(['planned', 'active', 'paused']);
/** "Start a project" with one of these under way offers to open it first (issue 14). */
const UNDER_WAY = new Set<Project['status']>(['planned', 'active']);

export function ProjectActions({ contractor, projects, tabId }: ProjectActionsProps) {
  const save = useSave();
  // issue 12: the project a click starts has its id made here: a retry after a lost reply saves it once.
  const createId = useRef(crypto.randomUUID());
  const [message, setMessage] = useState<string>();
  const current = projects.filter((p) => OPEN_STATUSES.has(p.status));

  const openProject = (projectId: string) => {
    const opening = openSidePanel({}, { tabId }, 'none');
    void save.run(async () => {
      if ((await opening) !== 'panel') await openPanelPageInTab({ projectId });
    });
  };

  const [offer, setOffer] = useState<Project | null>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const underWay = current.find((p) => UNDER_WAY.has(p.status));

  const closeOffer = () => {
    setOffer(null);
    startButton.current?.focus();
  };

  const askFirst = () => {
    setMessage(undefined);
    if (underWay) setOffer(underWay);
    else start();
  };

  const start = () => {
    setOffer(null);
    const opening = openSidePanel({}, { tabId }, 'none');
    setMessage(undefined);
    void save.run(async () => {
      const name = contractor.name.trim();
      const project = await send('createProject', {
        title: name ? `Project with ${name}`.slice(0, 500) : 'New project',
        contractorKey: contractor.key,
        createId: createId.current,
      });
      // Stored: the next "Start a project" is another project.
      createId.current = crypto.randomUUID();
      if ((await opening) !== 'panel') await openPanelPageInTab({ projectId: project.id });
      setMessage(`“${project.title}” started. Set its budget and milestones in the side panel.`);
    });
  };

  return (
    <div class="ov-actions">
      <div class="v-row ov-actions__row">
        <button
          ref={startButton}
          type="button"
          class="v-btn v-btn--primary"
          disabled={save.saving}
          onClick={askFirst}
          aria-expanded={offer ? true : undefined}
        >
          <Briefcase size={16} aria-hidden="true" />
          Start a project
        </button>
        {current.length > 0 && (
          <span class="v-xs v-muted">{current.length === 1 ? '1 project under way' : `${current.length} projects under way`}</span>
        )}
      </div>
      {offer && (
        <ExistingProjectOffer
          project={offer}
          name={contractor.name}
          onOpen={() => {
            setOffer(null);
            openProject(offer.id);
            startButton.current?.focus();
          }}
          onStartAnother={start}
          onCancel={closeOffer}
        />
      )}
      {current.length > 0 && (
        <ul class="ov-projects" aria-label="Projects under way">
          {current.slice(0, 3).map((p) => (
            <li key={p.id} class="ov-project">
              <span class="v-ellipsis v-user-text">{p.title}</span>
              <button
                type="button"
                class="v-btn v-btn--ghost v-btn--sm"
                aria-label={`Open budget notes for ${p.title}`}
                onClick={() => openProject(p.id)}
              >
                <PanelRight size={14} aria-hidden="true" /> Budget
              </button>
              <button
                type="button"
                class="v-btn v-btn--ghost v-btn--sm"
                aria-label={`Written agreement for ${p.title}`}
                onClick={() => void save.run(() => openAgreement(p.id))}
              >
                <FileSignature size={14} aria-hidden="true" /> Agreement
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p class="v-alert v-alert--ok" role="status">
          {message}
        </p>
      )}
      <ErrorText message={save.error} />
    </div>
  );
}

function ExistingProjectOffer(props: {
  project: Project;
  name: string;
  onOpen: () => void;
  onStartAnother: () => void;
  onCancel: () => void;
}) {
  const open = useRef<HTMLButtonElement>(null);
  useEffect(() => open.current?.focus(), []);
  const { project } = props;
  return (
    <div
      class="v-alert v-alert--info v-stack ov-offer"
      role="group"
      aria-label="A project is already under way"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Esc closes this question, not the whole overlay.
        e.stopPropagation();
        props.onCancel();
      }}
    >
      <p class="v-small">
        “<span class="v-user-text">{project.title}</span>” with {props.name.trim() || 'this contractor'} is already{' '}
        {project.status === 'planned' ? 'planned' : 'active'}. Open it, or start another project?
      </p>
      <div class="v-row ov-actions__row">
        <button ref={open} type="button" class="v-btn v-btn--primary v-btn--sm" onClick={props.onOpen}>
          <PanelRight size={14} aria-hidden="true" /> Open “{project.title}”
        </button>
        <button type="button" class="v-btn v-btn--sm" onClick={props.onStartAnother}>
          Start another project
        </button>
        <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
