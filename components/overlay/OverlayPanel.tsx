/** The opened overlay: everything Vetted knows about the contractor, and what is left to check. */
import type { ChecklistItem } from '../../lib/db/schema';
import type { ContractorView } from '../../lib/messaging/protocol';
import { Checklist } from './Checklist';
import { ContractorHeader } from './ContractorHeader';
import { LinkedProfiles } from './LinkedProfiles';
import { Notes } from './Notes';
import { PastRatings } from './PastRatings';
import { ProjectActions } from './ProjectActions';
import { StatusControl } from './StatusControl';

export interface OverlayPanelProps {
  view: ContractorView;
  template: readonly ChecklistItem[];
  tabId: number | null;
  locale?: string;
}

export function OverlayPanel({ view, template, tabId, locale }: OverlayPanelProps) {
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
      <ProjectActions contractor={contractor} projects={view.projects} tabId={tabId} />
      <Checklist contractorKey={contractor.key} template={template} checks={view.checks} />
      <Notes contractorKey={contractor.key} notes={view.notes} locale={locale} tabId={tabId} />
      <PastRatings contractorKey={contractor.key} ratings={view.ratings} projects={view.projects} locale={locale} />
      <LinkedProfiles contractor={contractor} linked={view.linked} />
    </div>
  );
}
