import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { MARKETPLACE_MATCHES } from './lib/sites/matches';
import { SYNC_SERVER_ORIGINS } from './lib/sync/permissions';

/** WXT's own `browser` (chrome.* in Chrome): what `wxt/browser` is without the polyfill module. */
const NATIVE_BROWSER = createRequire(import.meta.url).resolve('wxt/browser');
/**
 * Issue 12: WXT's ContentScriptContext lets any page switch the content script off (it obeys a
 * page-dispatched "content-script-started" event): every content script gets ours instead.
 */
const PAGE_PROOF_CONTEXT = createRequire(import.meta.url).resolve('./lib/content/page-proof-context.ts');
let targetBrowser = 'chrome';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // E2E runs and benchmarks may build into their own folder so parallel runs don't collide.
  outDir: process.env.VETTED_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'config:resolved': (wxt) => {
      targetBrowser = wxt.config.browser;
    },
    // Chrome's content scripts go without the polyfill (9 KB of the ~40 KB every marketplace page
    // loads, and its set-up on each page): in MV3 chrome.* already returns promises, and the
    // content script never answers a message (its onMessage listener returns nothing), which is
    // all the polyfill adds there. Firefox builds, and Chrome's other contexts, keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      // issue 18: the extension pages' build. Each module file an extension page loads costs its own
      // fetch and compile before the first paint (the popup loaded 17, 38 ms above a blank page's
      // first paint; 5 files: 11 ms): the icons and the pure domain code each go in one shared
      // file, and shared chunks under 40 KB merge into the files that import them.
      if (entrypoints.some((e) => e.inputPath.endsWith('.html'))) {
        const output = config.build?.rollupOptions?.output;
        config.build = {
          ...config.build,
          rollupOptions: {
            ...config.build?.rollupOptions,
            output: {
              ...(Array.isArray(output) ? {} : output),
              experimentalMinChunkSize: 40_000,
              manualChunks: (id: string) => (id.includes('/lucide-preact/') ? 'icons' : id.includes('/lib/domain/') ? 'domain' : undefined),
            },
          },
        };
        return;
      }
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias ?? [];
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      const own = [{ find: /^wxt\/utils\/content-script-context$/, replacement: PAGE_PROOF_CONTEXT }];
      if (targetBrowser === 'chrome') own.push({ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER });
      config.resolve = { ...config.resolve, alias: [...own, ...entries] };
    },
  },
  // The sources package for Mozilla's review: code and build files, not screenshots or results.
  zip: {
    excludeSources: ['tests/e2e/screenshots/**', 'bench/**', '.output*/**', 'tests/fixtures/**'],
  },
  vite: () => ({
    plugins: [preact()],
    // VETTED_SOURCEMAP=1: source maps for bundle analysis (which module costs what); off for releases.
    build: { sourcemap: process.env.VETTED_SOURCEMAP === '1' },
  }),
  manifest: ({ browser }) => ({
    name: 'Vetted',
    description:
      'Vet freelancers where you hire them: checklist, private notes, budgets and your own ratings — stored only in your browser.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'contextMenus',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // issue 11: sync asks for the user's own WebDAV server origin at Connect (permissions.request in
    // Options, a user gesture) and gives it back at Disconnect; nothing is granted at install.
    // Firefox builds MV2, where optional hosts are optional_permissions (WXT drops the MV3 key there).
    ...(browser === 'firefox'
      ? { optional_permissions: [...SYNC_SERVER_ORIGINS] }
      : { optional_host_permissions: [...SYNC_SERVER_ORIGINS] }),
    // The overlay is an extension page framed into marketplace pages.
    web_accessible_resources: [{ resources: ['overlay.html'], matches: [...MARKETPLACE_MATCHES] }],
    action: { default_title: 'Vetted' },
    // Forwarded by lib/background/commands.ts to the overlay of the active marketplace tab.
    commands: {
      'toggle-overlay': { suggested_key: { default: 'Alt+Shift+V' }, description: 'Toggle the Vetted overlay' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vetted@vetted.example',
              // data_collection_permissions is understood from Firefox 140 (Android 142).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
