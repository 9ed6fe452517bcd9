/**
 * Component tests against the real background: `send` from lib/messaging/client is routed to a
 * router over a fresh fake-indexeddb database (tests/unit/background/harness.ts), as a page sender.
 * Use with: vi.mock('../../../lib/messaging/client', () => routedClient(client)).
 */
import { VettedError } from '../../../lib/messaging/client';
import { makeHarness, senders, snapshot, type Harness } from '../../unit/background/harness';

export { snapshot };
export const KEY = 'upwork:~01abc';

export function connect(client: { send: (...args: never[]) => unknown }): Harness {
  const h = makeHarness();
  (client.send as unknown as { mockImplementation: (fn: unknown) => void }).mockImplementation(async (type: never, payload: never) => {
    // As lib/messaging/client's send: a refused request throws VettedError with the reply's code.
    const reply = await h.call(type, payload, senders.sidepanel());
    if (!reply.ok) throw new VettedError(reply.error, reply.code);
    return reply.data;
  });
  return h;
}

export async function seedContractor(h: Harness, overrides: Parameters<typeof snapshot>[0] = {}) {
  await h.ok('reportPage', { site: 'upwork', profile: snapshot(overrides) }, senders.content());
}
