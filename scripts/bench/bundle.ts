/**
 * Size of what a marketplace page pays for: every content-script file the manifest injects into
 * a page of that site (each site has its own script; a shared file would count on every site it
 * is injected on), gzipped. The goal is on the largest: the worst page a user opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { MARKETPLACE_IDS } from '../../lib/db/constants';
import { siteMatches } from '../../lib/sites/matches';
import type { Figure } from './stats';

interface ContentScriptEntry {
  matches?: string[];
  js?: string[];
  css?: string[];
}

/** The host part of a `scheme://host/path` match pattern, or '*' for <all_urls>. */
function patternHost(pattern: string): string {
  return pattern === '<all_urls>' ? '*' : (/^[^:]+:\/\/([^/]*)\//.exec(pattern)?.[1] ?? '');
}

/** Whether a pattern with host `pattern` can match pages on `host` (e.g. `*.upwork.com` and `www.upwork.com`). */
function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host === pattern.slice(2) || host.endsWith(pattern.slice(1));
  return host === pattern;
}

export function benchBundle(extDir: string): Figure[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ContentScriptEntry[];
  };
  const entries = manifest.content_scripts ?? [];
  const sizes = (file: string) => {
    const raw = fs.readFileSync(path.join(extDir, file));
    return { raw: raw.length / 1024, gz: zlib.gzipSync(raw, { level: 9 }).length / 1024 };
  };
  const perSite = MARKETPLACE_IDS.map((site) => {
    const host = `www.${patternHost(siteMatches(site)[0]!).replace(/^\*\./, '')}`;
    const files = [
      ...new Set(
        entries
          .filter((e) => (e.matches ?? []).some((m) => hostMatches(patternHost(m), host)))
          .flatMap((e) => [...(e.js ?? []), ...(e.css ?? [])]),
      ),
    ];
    const total = files.map(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz }), { raw: 0, gz: 0 });
    return { site, files, ...total };
  });
  const largest = perSite.reduce((a, b) => (b.gz > a.gz ? b : a));
  return [
    {
      group: 'bundle',
      name: 'content script of a marketplace page, largest site (gzip)',
      value: largest.gz,
      unit: 'KB',
      goal: 15,
      note: `${largest.site}: ${largest.files.join(' + ')}, ${largest.raw.toFixed(1)} KB raw`,
    },
    ...perSite.map((s): Figure => ({
      group: 'bundle',
      name: `content script on ${s.site} (gzip)`,
      value: s.gz,
      unit: 'KB',
      note: `${s.files.join(' + ') || 'none'}, ${s.raw.toFixed(1)} KB raw`,
    })),
  ];
}
