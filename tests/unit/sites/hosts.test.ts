/**
 * What the extension may touch on the web: each marketplace's content script matches its own
 * domains only, those are exactly the domains its adapter claims, and the manifest grants no host
 * beyond them (no host_permissions, no <all_urls>; the overlay is framable only there). The only
 * optional hosts are for sync: the user's WebDAV server, requested at Connect (issue 11).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, MARKETPLACE_MATCHES, siteMatches } from '../../../lib/sites';
import { siteHosts } from '../../../lib/sites/matches';
import config from '../../../wxt.config';

const root = path.resolve(__dirname, '../../..');

describe('hosts and matches', () => {
  it.each(ADAPTERS.map((a) => [a.site, a] as const))('%s: content script matches = its adapter hosts, nothing else', (site, adapter) => {
    expect([...adapter.hosts].sort()).toEqual([...siteHosts(site)].sort());
    expect(siteMatches(site)).toEqual(siteHosts(site).map((h) => `*://*.${h}/*`));
    const src = readFileSync(path.join(root, 'entrypoints', `${site}.content.ts`), 'utf8');
    expect(src).toContain(`matches: siteMatches('${site}')`);
    // No other adapter claims one of its domains.
    for (const other of ADAPTERS) if (other !== adapter) for (const h of other.hosts) expect(adapter.hosts).not.toContain(h);
  });

  it('Malt is one marketplace on its eight country domains', () => {
    expect([...siteHosts('malt')].sort()).toEqual([
      'malt.be',
      'malt.ch',
      'malt.com',
      'malt.de',
      'malt.es',
      'malt.fr',
      'malt.nl',
      'malt.uk',
    ]);
  });

  it.each(['chrome', 'firefox'])('the %s manifest grants no host beyond the marketplaces', async (browser) => {
    const manifest = await (config.manifest as (env: { browser: string }) => Record<string, unknown> | Promise<Record<string, unknown>>)({
      browser,
    });
    expect(manifest.host_permissions).toBeUndefined();
    // issue 11: only optional, for the user's own sync server, asked for at Connect.
    const optional = browser === 'firefox' ? manifest.optional_permissions : manifest.optional_host_permissions;
    expect(optional).toEqual(['https://*/*', 'http://*/*']);
    expect(browser === 'firefox' ? manifest.optional_host_permissions : manifest.optional_permissions).toBeUndefined();
    const perms = manifest.permissions as string[];
    expect(perms.filter((p) => p.includes('/') || p.includes('*') || p === '<all_urls>')).toEqual([]);
    const war = manifest.web_accessible_resources as { resources: string[]; matches: string[] }[];
    expect(war.flatMap((w) => w.matches).sort()).toEqual([...MARKETPLACE_MATCHES].sort());
    expect(MARKETPLACE_MATCHES).toEqual(ADAPTERS.flatMap((a) => a.hosts).map((h) => `*://*.${h}/*`));
  });
});
