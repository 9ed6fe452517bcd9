/**
 * issue 11: which host permission sync needs. The manifest declares any http(s) origin as
 * optional; at Connect the options page requests only the server's origin (a user gesture), and
 * Disconnect removes it. No host is granted at install.
 */
export const SYNC_SERVER_ORIGINS = ['https://*/*', 'http://*/*'] as const;

/** The match pattern for a server address: scheme and host (match patterns cover every port). */
export function serverOriginPattern(serverUrl: string): string | null {
  try {
    const u = new URL(serverUrl.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}
