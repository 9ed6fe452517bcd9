/**
 * issue 11: "2 versions". The same record was edited on two devices before they synced; the sync
 * kept one edit and this one. The user opens the other version next to the record, and keeps the
 * current one or uses the other (the one replaced is kept in its place, so choosing loses nothing).
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { History } from 'lucide-preact';
import type { OtherVersion } from '../../lib/db/repositories/conflicts';
import { dateTimeFormat } from '../../lib/domain/intl-cache';
import { ErrorText } from './ErrorText';
import { useSave } from './use-save';

export interface OtherVersionsProps {
  versions: readonly OtherVersion[];
  /** "note", "check", "payment"… */
  what: string;
  /** What a version says, as the view shows it. */
  describe: (row: Record<string, unknown>) => ComponentChildren;
  onChoose: (id: string, keep: 'current' | 'other') => Promise<void>;
  locale?: string;
}

export function OtherVersions({ versions, what, describe, onChoose, locale }: OtherVersionsProps) {
  const [open, setOpen] = useState(false);
  const save = useSave();
  if (versions.length === 0) return null;
  const count = versions.length + 1;
  const when = (ms: number) => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  return (
    <div class="v-versions" data-testid="other-versions">
      <button
        type="button"
        class="v-pill v-pill--warn v-versions__toggle"
        aria-expanded={open}
        title={`This ${what} was edited on two devices before they synced`}
        onClick={() => setOpen(!open)}
      >
        <History size={12} aria-hidden="true" />
        {count} versions
      </button>
      {open && (
        <div class="v-alert v-alert--warn v-stack v-versions__panel" role="group" aria-label={`Other version of this ${what}`}>
          <p class="v-small">
            <strong>Edited on two devices.</strong> This {what} was changed on another device too before they synced. The version shown is
            the one kept; nothing was thrown away.
          </p>
          {versions.map((v) => (
            <div class="v-versions__other v-stack" key={v.id} data-testid="other-version">
              <p class="v-xs">Other version, saved {when(v.v)}:</p>
              <div class="v-versions__content">{describe(v.row)}</div>
              <div class="v-row">
                <button
                  type="button"
                  class="v-btn v-btn--primary v-btn--sm"
                  disabled={save.saving}
                  onClick={() => void save.run(() => onChoose(v.id, 'other'))}
                >
                  Use this version
                </button>
                <button
                  type="button"
                  class="v-btn v-btn--sm"
                  disabled={save.saving}
                  onClick={() => void save.run(() => onChoose(v.id, 'current'))}
                >
                  Keep the current one
                </button>
              </div>
            </div>
          ))}
          <ErrorText message={save.error} />
        </div>
      )}
    </div>
  );
}
