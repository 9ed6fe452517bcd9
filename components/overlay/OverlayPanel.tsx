/** The opened overlay: everything Vetted knows about the contractor, and what is left to check. */
import type { ChecklistItem, InterviewKit as Kit } from '../../lib/db/schema';
import { DEFAULT_INTERVIEW_KITS } from '../../lib/domain/interview-kit';
import type { ContractorView } from '../../lib/messaging/protocol';
import { Checklist } from './Checklist';
import { ContractorHeader } from './ContractorHeader';
import { LinkedProfiles } from './LinkedProfiles';
import { InterviewKit } from './InterviewKit';
import { Notes } from './Notes';
import { PastRatings } from './PastRatings';
import { ProjectActions } from './ProjectActions';
import { RehirePanel } from './RehirePanel';
import { StatusControl } from './StatusControl';
import { TagsAndLists } from './TagsAndLists'; // issue 16

export interface OverlayPanelProps {
  view: ContractorView;
  template: readonly ChecklistItem[];
  tabId: number | null;
  locale?: string;
  /** issue 15: the interview kit's question sets (settings; defaults when absent). */
  kits?: readonly Kit[];
}

export function OverlayPanel({ view, template, tabId, locale, kits }: OverlayPanelProps) {
  const { contractor } = view;
  return (
    <div class="ov-content">
      <ContractorHeader contractor={contractor} locale={locale} />
      <StatusControl contractorKey={contractor.key} status={contractor.status} />
      {contractor.status === 'avoid' && (
        <p class="v-alert v-alert--error ov-alert ov-avoid-note" role="note">
          You marked this contractor to avoid. Check your notes before working with them again.
        </p>
      )}
      {/* The checklist first: the page itself shows the profile, the panel's room goes to vetting (issue 14). */}
      <Checklist contractorKey={contractor.key} template={template} checks={view.checks} derived={view.derived ?? []} />
      <ProjectActions contractor={contractor} projects={view.projects} tabId={tabId} />
      <RehirePanel
        contractor={contractor}
        projects={view.projects}
        ratings={view.ratings}
        checks={view.checks}
        template={template}
        tabId={tabId}
        locale={locale}
      />
      <InterviewKit
        contractorKey={contractor.key}
        notes={view.kitNote ? [...view.notes, view.kitNote] : view.notes}
        kits={kits ?? DEFAULT_INTERVIEW_KITS}
      />
      <Notes contractorKey={contractor.key} notes={view.notes} total={view.notesTotal} locale={locale} />
      <TagsAndLists contractor={contractor} />
      <PastRatings contractorKey={contractor.key} ratings={view.ratings} projects={view.projects} locale={locale} />
      <LinkedProfiles contractor={contractor} linked={view.linked} />
    </div>
  );
}
