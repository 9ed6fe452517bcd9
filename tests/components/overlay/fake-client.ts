/**
 * Stand-in for lib/messaging/client in overlay component tests: `send` answers from per-test
 * handlers (a missing handler fails like an unreachable background) and records every call.
 */
import type { ChangeEvent, RequestPayload, RequestType, Responses } from '../../../lib/messaging/protocol';

export class VettedError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'VettedError';
  }
}

type Handler<T extends RequestType> = (payload: RequestPayload<T>) => Responses[T] | Promise<Responses[T]>;

const handlers = new Map<RequestType, Handler<RequestType>>();
const listeners = new Set<(event: ChangeEvent) => void>();
export const calls: { type: RequestType; payload: unknown }[] = [];

export const UNREACHABLE = 'Vetted could not reach its storage. If you just updated the extension, reload this page.';

export function answer<T extends RequestType>(type: T, handler: Handler<T>): void {
  handlers.set(type, handler as unknown as Handler<RequestType>);
}

export function fail(type: RequestType, message = 'Disk is full'): void {
  handlers.set(type, () => {
    throw new VettedError(message, 'quota');
  });
}

export function resetFakeClient(): void {
  handlers.clear();
  listeners.clear();
  calls.length = 0;
}

export function callsOf<T extends RequestType>(type: T): RequestPayload<T>[] {
  return calls.filter((c) => c.type === type).map((c) => c.payload as RequestPayload<T>);
}

export async function send<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]> {
  calls.push({ type, payload });
  const handler = handlers.get(type);
  if (!handler) throw new VettedError(UNREACHABLE, 'internal');
  return (await handler(payload as never)) as Responses[T];
}

export function onChange(listener: (event: ChangeEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What the background broadcasts after a write. */
export function emitChange(event: Omit<ChangeEvent, 'event'>): void {
  for (const l of [...listeners]) l({ event: 'vetted:changed', ...event });
}

export function isChangeEvent(): boolean {
  return false;
}
