/** What a new user sees: three steps to get going. */
import { ClipboardCheck, FolderPlus, UserSearch } from 'lucide-preact';

export function EmptyState({ hasContractors, onNewProject }: { hasContractors: boolean; onNewProject: () => void }) {
  return (
    <section class="pp-empty v-stack" aria-label="Getting started">
      <h2>{hasContractors ? 'No active projects' : 'Welcome to Vetted'}</h2>
      <p class="v-small v-muted">
        {hasContractors
          ? 'When you hire someone, start a project to keep an eye on budget, milestones and check-ins.'
          : 'Hire freelancers with a plan. Three steps to get started:'}
      </p>
      <ol class="pp-steps">
        <li>
          <UserSearch aria-hidden="true" />
          <span>
            <strong>Open a contractor's profile</strong> on Upwork, Fiverr, Freelancer.com, PeoplePerHour, Guru, Toptal, Contra or Malt.
            Vetted appears at the edge of the page.
          </span>
        </li>
        <li>
          <ClipboardCheck aria-hidden="true" />
          <span>
            <strong>Tick the checklist and write notes</strong>: interview, reviews, samples, a clear brief.
          </span>
        </li>
        <li>
          <FolderPlus aria-hidden="true" />
          <span>
            <strong>Start a project</strong> to track the budget, milestones and payments. It shows up here.
          </span>
        </li>
      </ol>
      <button type="button" class="v-btn v-btn--primary" onClick={onNewProject}>
        <FolderPlus aria-hidden="true" /> Start a project
      </button>
    </section>
  );
}
