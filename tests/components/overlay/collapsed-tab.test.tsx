import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CollapsedTab } from '../../../components/overlay/CollapsedTab';
import { reputation } from '../../../lib/domain/reputation';
import { vettingProgress } from '../../../lib/domain/vetting';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { check, rating } from './data';

afterEach(cleanup);

const sixDone = ['interview-held', 'reviews-read', 'references-contacted', 'work-samples-checked', 'brief-understood', 'budget-set'].map(
  (id) => check(id, 'done'),
);

describe('CollapsedTab', () => {
  it('tells the verdict at a glance: status, progress, your average and projects', () => {
    const onOpen = vi.fn();
    render(
      <CollapsedTab
        status="shortlisted"
        // 12 default items, one not applicable → 6/11
        progress={vettingProgress(DEFAULT_CHECKLIST, [...sixDone, check('milestones-set', 'na')])}
        reputation={reputation([
          rating({ id: 'a', projectId: 'p1' }),
          rating({ id: 'b', projectId: 'p2', quality: 3, communication: 3, timeliness: 3, value: 3 }),
        ])}
        onOpen={onOpen}
      />,
    );
    // ratings: (5+4+3+4 + 3*4) / 8 = 28 / 8 = 3.5
    const button = screen.getByRole('button', {
      name: 'Open Vetted, Shortlisted, 6/11 vetted (6 of 11), 3.5 (your rating), 2 past projects',
    });
    expect(button.getAttribute('data-testid')).toBe('overlay-toggle');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.textContent).toContain('6/11');
    expect(button.textContent).toContain('3.5');
    fireEvent.click(button);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('uses the warning look for contractors to avoid', () => {
    render(<CollapsedTab status="avoid" progress={vettingProgress(DEFAULT_CHECKLIST, [])} reputation={reputation([])} onOpen={() => {}} />);
    const button = screen.getByRole('button', { name: /^Open Vetted, Avoid, 0\/12 vetted \(0 of 12\)$/ });
    expect(button.className).toContain('ov-tab--avoid');
    expect(button.querySelector('.lucide-triangle-alert')).not.toBeNull();
  });

  it('says when Vetted is disconnected', () => {
    render(<CollapsedTab problem="Vetted is disconnected" onOpen={() => {}} />);
    const button = screen.getByRole('button', { name: 'Open Vetted, Vetted is disconnected, offline' });
    expect(button.className).toContain('ov-tab--problem');
  });
});
