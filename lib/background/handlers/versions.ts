/** issue 11: other versions of a record (lib/db/repositories/conflicts.ts does the work). */
import { chooseVersion, otherVersions } from '../../db/repositories/conflicts';
import type { HandlerGroup } from '../context';

export const versionHandlers: HandlerGroup<'otherVersions' | 'chooseVersion'> = {
  async otherVersions(db, { table, keys }) {
    return { versions: await otherVersions(db, table, keys) };
  },

  async chooseVersion(db, { id, keep }, ctx) {
    const { row } = await chooseVersion(db, id, keep, ctx.now);
    return row ? { row } : {};
  },
};
