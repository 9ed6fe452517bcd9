/**
 * issue 11: the other versions (another device's losing edit, kept by the sync merge) of the records
 * a view shows, read in one request and read again whenever their table changes.
 */
import { useCallback, useMemo } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import type { VersionedTable, OtherVersion } from '../../lib/db/repositories/conflicts';
import type { RecordKey } from '../../lib/db/sync-index';
import { useRequest } from '../use-request';

export interface OtherVersionsState {
  /** The other versions of one record (none: the record has one version). */
  of: (key: RecordKey) => OtherVersion[];
  /** Keep the current version, or take the other one back; throws with a message to show. */
  choose: (id: string, keep: 'current' | 'other') => Promise<void>;
}

const keyText = (key: RecordKey) => JSON.stringify(key);

export function useOtherVersions(table: VersionedTable, keys: readonly RecordKey[]): OtherVersionsState {
  const request = useRequest('otherVersions', keys.length > 0 ? { table, keys: [...keys] } : null, {
    refreshOn: (event) => event.tables.includes(table),
  });
  const byKey = useMemo(() => {
    const out = new Map<string, OtherVersion[]>();
    for (const v of request.data?.versions ?? []) out.set(keyText(v.key), [...(out.get(keyText(v.key)) ?? []), v]);
    return out;
  }, [request.data]);
  const of = useCallback((key: RecordKey) => byKey.get(keyText(key)) ?? [], [byKey]);
  const { reload } = request;
  const choose = useCallback(
    async (id: string, keep: 'current' | 'other') => {
      await send('chooseVersion', { id, keep });
      // Letting a version go writes no record (no change event): read again here.
      await reload();
    },
    [reload],
  );
  return { of, choose };
}
