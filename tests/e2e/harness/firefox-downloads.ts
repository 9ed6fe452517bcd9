/**
 * Real downloads in Firefox over WebDriver BiDi (Firefox ESR 153): `browser.setDownloadBehavior`
 * saves every download into a folder, `browsingContext.downloadWillBegin` / `downloadEnd` say when
 * a file is complete and where it is. The file is the one the browser saved, not a copy a test made.
 *
 *   const downloads = await saveDownloadsTo(session, dir);
 *   const file = await downloads.next(() => button.click());   // { path, suggestedFilename }
 */
import type { FirefoxSession } from './firefox';

interface BidiConnection {
  send(method: string, params: object): Promise<unknown>;
  on(event: string, handler: (params: never) => void): unknown;
  off(event: string, handler: (params: never) => void): unknown;
}

interface WillBegin {
  url: string;
  suggestedFilename: string;
}
interface DownloadEnd {
  url: string;
  status: 'complete' | 'canceled';
  filepath?: string | null;
}

export interface SavedDownload {
  path: string;
  suggestedFilename: string;
}

export interface FirefoxDownloads {
  /** Runs `trigger` and resolves once the one download it starts is saved (rejects if canceled or after `timeout` ms). */
  next(trigger: () => Promise<unknown>, timeout?: number): Promise<SavedDownload>;
}

function connectionOf(session: FirefoxSession): BidiConnection {
  const connection = (session.browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('puppeteer-core no longer exposes the BiDi connection on Browser: update harness/firefox-downloads.ts');
  return connection;
}

export async function saveDownloadsTo(session: FirefoxSession, dir: string): Promise<FirefoxDownloads> {
  const connection = connectionOf(session);
  await connection.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: dir } });
  return {
    async next(trigger, timeout = 30_000) {
      let began: WillBegin | undefined;
      let done: (value: SavedDownload) => void = () => undefined;
      let fail: (err: Error) => void = () => undefined;
      const saved = new Promise<SavedDownload>((resolve, reject) => {
        done = resolve;
        fail = reject;
      });
      const onBegin = (e: WillBegin) => {
        began ??= e;
      };
      const onEnd = (e: DownloadEnd) => {
        if (!began || e.url !== began.url) return;
        if (e.status === 'complete' && e.filepath) done({ path: e.filepath, suggestedFilename: began.suggestedFilename });
        else fail(new Error(`The download of ${began.suggestedFilename} ended ${e.status}`));
      };
      connection.on('browsingContext.downloadWillBegin', onBegin);
      connection.on('browsingContext.downloadEnd', onEnd);
      const timer = setTimeout(() => fail(new Error(`No download was saved within ${timeout} ms`)), timeout);
      try {
        await trigger();
        return await saved;
      } finally {
        clearTimeout(timer);
        connection.off('browsingContext.downloadWillBegin', onBegin);
        connection.off('browsingContext.downloadEnd', onEnd);
      }
    },
  };
}

/**
 * Every request any browsing context of the session sends (BiDi `network.beforeRequestSent`: top
 * pages, their frames, extension frames), with the context that sent it. Call `stop` when done.
 */
export function watchRequests(session: FirefoxSession): { requests: { url: string; context: string }[]; stop(): void } {
  const connection = connectionOf(session);
  const requests: { url: string; context: string }[] = [];
  const onRequest = (e: { context: string | null; request: { url: string } }) => {
    requests.push({ url: e.request.url, context: e.context ?? '' });
  };
  connection.on('network.beforeRequestSent', onRequest);
  return { requests, stop: () => connection.off('network.beforeRequestSent', onRequest) };
}
