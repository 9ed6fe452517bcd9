/**
 * Every request schema with one valid and several invalid payloads. The table must cover every
 * request type in protocol.ts: adding a request without examples fails here.
 */
import { describe, expect, it } from 'vitest';
import { REQUESTS, type RequestType } from '../../../lib/messaging/protocol';

const key = 'upwork:~01abc';
const profile = {
  key,
  site: 'upwork',
  siteId: '~01abc',
  name: 'Ada',
  profileUrl: 'https://www.upwork.com/freelancers/~01abc',
};
const rating = { contractorKey: key, quality: 5, communication: 4, timeliness: 4, value: 5, wouldRehire: true };

const EXAMPLES: Record<RequestType, { valid: unknown[]; invalid: unknown[] }> = {
  reportPage: {
    valid: [
      { site: 'upwork', profile },
      { site: 'fiverr', profile: null },
    ],
    invalid: [{ site: 'ebay', profile: null }, { site: 'upwork' }, { site: 'upwork', profile: { ...profile, key: 'no key' } }],
  },
  getBadges: {
    valid: [{ keys: [] }, { keys: [key, 'fiverr:bob'] }],
    invalid: [{ keys: ['NOT A KEY'] }, { keys: Array.from({ length: 501 }, (_, i) => `upwork:${i}`) }, {}],
  },
  getSiteSwitches: { valid: [{}], invalid: [{ extra: 1 }, null] },
  getTabContext: { valid: [{}, { tabId: 3 }], invalid: [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '3' }] },
  getContractor: { valid: [{ key }], invalid: [{}, { key: '' }, { key, more: true }] },
  trackContractor: { valid: [{ profile }], invalid: [{ profile: { ...profile, profileUrl: 'not a url' } }, {}] },
  updateContractor: {
    valid: [
      { key, patch: {} },
      { key, patch: { name: 'Ada L.', status: 'shortlisted', tags: ['react'] } },
    ],
    invalid: [
      { key, patch: { status: 'fired' } },
      { key, patch: { name: '' } },
      { key, patch: { rate: 1 } },
    ],
  },
  deleteContractor: { valid: [{ key }], invalid: [{ key: 1 }] },
  listContractors: {
    valid: [{}, { status: 'avoid', query: 'ada', limit: 10 }],
    invalid: [{ limit: 0 }, { limit: 1001 }, { status: 'hired!' }],
  },
  linkContractors: { valid: [{ a: key, b: 'fiverr:ada' }], invalid: [{ a: key }, { a: key, b: 'x' }] },
  unlinkContractors: { valid: [{ a: key, b: 'fiverr:ada' }], invalid: [{ a: key, b: null }] },
  setCheck: {
    valid: [
      { contractorKey: key, itemId: 'interview', state: 'done' },
      { contractorKey: key, itemId: 'interview', note: null },
      { contractorKey: key, itemId: 'interview', note: 'asked about X' },
    ],
    invalid: [
      { contractorKey: key, itemId: '', state: 'done' },
      { contractorKey: key, itemId: 'x', state: 'maybe' },
      { contractorKey: key, itemId: 'x', note: 'x'.repeat(20_001) },
    ],
  },
  saveNote: {
    valid: [
      { createId: 'draft-1', contractorKey: key, kind: 'general', body: 'x' },
      { contractorKey: key, kind: 'general', body: 'hi' },
      { id: 'n1', projectId: 'p1', kind: 'budget', body: 'x' },
    ],
    invalid: [{ contractorKey: key, kind: 'general', body: '' }, { contractorKey: key, kind: 'secret', body: 'x' }, { kind: 'general' }],
  },
  deleteNote: { valid: [{ id: 'n1' }], invalid: [{ id: '' }, {}] },
  saveRating: {
    valid: [{ rating }, { id: 'r1', rating: { ...rating, projectId: 'p1', comment: 'ok' } }],
    invalid: [{ rating: { ...rating, quality: 6 } }, { rating: { ...rating, value: 2.5 } }, { rating: { ...rating, wouldRehire: 'yes' } }],
  },
  deleteRating: { valid: [{ id: 'r1' }], invalid: [{ id: 5 }] },
  listProjects: {
    valid: [{}, { status: ['active', 'paused'], contractorKey: key }],
    invalid: [{ status: 'active' }, { status: ['done'] }],
  },
  getProject: { valid: [{ id: 'p1' }], invalid: [{}] },
  createProject: {
    valid: [{ title: 'Logo' }, { title: 'Site', contractorKey: key, paymentModel: 'hourly', rateMinor: 5000, deadline: '2026-12-31' }],
    invalid: [{}, { title: '' }, { title: 'x', deadline: '2026-02-30' }, { title: 'x', budgetMinor: -1 }, { title: 'x', currency: 'usd' }],
  },
  updateProject: {
    valid: [
      { id: 'p1', patch: { budgetMinor: null, status: 'paused' } },
      { id: 'p1', patch: { contract: { expectations: 'x' } } },
      { id: 'p1', patch: { contract: { signedAt: null } } },
    ],
    invalid: [
      { id: 'p1', patch: { title: null } },
      { id: 'p1', patch: { checkInDays: 400 } },
      { id: 'p1', patch: { unknown: 1 } },
      { id: 'p1', patch: { contract: { signedAt: '' } } },
      { id: 'p1', patch: { contract: { signedBy: 'me' } } },
    ],
  },
  deleteProject: { valid: [{ id: 'p1' }], invalid: [{ id: null }] },
  logCheckIn: { valid: [{ id: 'p1' }, { id: 'p1', at: 1 }], invalid: [{ id: 'p1', at: -5 }, { at: 1 }] },
  saveMilestone: {
    valid: [
      { projectId: 'p1', patch: { title: 'Draft', dueDate: '2026-12-01', amountMinor: 10000 } },
      { projectId: 'p1', id: 'm1', patch: { dueDate: null } },
    ],
    invalid: [{ projectId: 'p1', patch: { status: 'late' } }, { projectId: 'p1', patch: { dueDate: '01/12/2026' } }, { patch: {} }],
  },
  deleteMilestone: { valid: [{ id: 'm1' }], invalid: [{ id: '' }] },
  savePayment: {
    valid: [
      { projectId: 'p1', patch: { amountMinor: 5000, paidAt: '2026-11-01' } },
      { projectId: 'p1', id: 'x', patch: { note: null } },
    ],
    invalid: [
      { projectId: 'p1', patch: { amountMinor: 1.5 } },
      { projectId: 'p1', patch: { currency: 'EURO' } },
    ],
  },
  deletePayment: { valid: [{ id: 'y' }], invalid: [{ id: [] }] },
  getDashboard: { valid: [{}], invalid: [{ all: true }] },
  getSettings: { valid: [{}], invalid: [[]] },
  updateSettings: {
    valid: [
      { patch: { notifications: true, dueSoonDays: 5 } },
      { patch: { sites: { upwork: false, fiverr: true, freelancer: true, peopleperhour: true, guru: true } } },
    ],
    invalid: [{ patch: { dueSoonDays: 61 } }, { patch: { theme: 'dark' } }, { patch: { defaultCurrency: 'dollars' } }],
  },
  exportBackup: { valid: [{}], invalid: [{ format: 'csv' }] },
  importBackup: { valid: [{ text: '{}' }, { uploadId: 'u1' }], invalid: [{}, { text: 42 }, { text: '{}', uploadId: 'u1' }] },
  importBackupPart: {
    valid: [{ uploadId: 'u1', index: 0, count: 2, text: '{"a"' }],
    invalid: [
      { uploadId: 'u1', index: -1, count: 2, text: '' },
      { uploadId: 'u1', index: 0, count: 0, text: '' },
      { uploadId: 'u1', index: 0, count: 2 },
    ],
  },
  getBackupPart: { valid: [{ id: 'x', index: 1 }], invalid: [{ id: 'x', index: 0 }, { id: 'x' }] },
  deleteEverything: { valid: [{ confirm: 'DELETE' }], invalid: [{}, { confirm: 'yes' }, { confirm: 'delete' }] },
  getStorageInfo: { valid: [{}], invalid: [{ x: 1 }] },
  exportCsv: { valid: [{ table: 'contractors' }, { table: 'payments' }], invalid: [{}, { table: 'notes' }] },
  restoreNote: {
    valid: [{ note: { id: 'n1', contractorKey: key, kind: 'general', body: 'hi', createdAt: 1, updatedAt: 2 } }],
    invalid: [
      { note: { id: 'n1', kind: 'general', body: 'no owner', createdAt: 1, updatedAt: 2 } },
      { note: { id: 'n1', contractorKey: key, kind: 'general', body: 'hi' } },
      { note: { id: 'n1', contractorKey: key, kind: 'general', body: '', createdAt: 1, updatedAt: 2 } },
      { id: 'n1' },
    ],
  },
  getTrackable: {
    valid: [{ tabId: 0 }, { tabId: 42 }],
    invalid: [{}, { tabId: -1 }, { tabId: 1.5 }, { tabId: '42' }, { tabId: 1, url: 'x' }],
  },
  trackPage: { valid: [{ tabId: 42 }], invalid: [{}, { tabId: -3 }, { tabId: null }] },
  // issue 15
  markAgreed: { valid: [{ projectId: 'p1', date: '2026-12-01' }], invalid: [{ projectId: 'p1' }, { projectId: 'p1', date: '2026-13-01' }] },
  saveInterview: {
    valid: [
      { contractorKey: key, body: 'Interview kit: Other' },
      { contractorKey: key, id: 'n1', body: 'x' },
    ],
    invalid: [{ contractorKey: key, body: '' }, { body: 'x' }, { contractorKey: key, body: 'x', kind: 'general' }],
  },
  getContractorPayments: { valid: [{ contractorKey: key }], invalid: [{}, { contractorKey: 'bad' }] },
  hireAgain: { valid: [{ contractorKey: key }], invalid: [{}, { contractorKey: key, title: 'x' }] },
  // issue 16
  getTags: { valid: [{}], invalid: [{ q: 'a' }] },
  listLists: { valid: [{}, { key }], invalid: [{ key: 'bad key' }] },
  saveList: { valid: [{ name: 'Writers' }, { id: 'l1', name: 'W' }, { name: 'W', addKey: key }], invalid: [{}, { name: '' }] },
  deleteList: { valid: [{ id: 'l1' }], invalid: [{}, { id: '' }] },
  setListMember: {
    valid: [{ listId: 'l1', key, member: true }],
    invalid: [
      { listId: 'l1', key },
      { listId: 'l1', key: 'x', member: true },
    ],
  },
  getBoard: {
    valid: [
      { filter: {}, sort: { by: 'lastSeen', dir: 'desc' }, offset: 0, limit: 100 },
      {
        filter: { listId: 'l1', tag: 'logo', status: 'shortlisted', site: 'upwork', progress: 'has-failed', query: 'ada' },
        sort: { by: 'rate', dir: 'asc' },
        offset: 100,
        limit: 500,
      },
    ],
    invalid: [
      { filter: {}, sort: { by: 'lastSeen', dir: 'desc' }, offset: 0, limit: 501 },
      { filter: { progress: 'half' }, sort: { by: 'lastSeen', dir: 'desc' }, offset: 0, limit: 10 },
      { filter: {}, sort: { by: 'price', dir: 'desc' }, offset: 0, limit: 10 },
    ],
  },
  getCompare: { valid: [{ keys: [key, 'fiverr:bob'] }], invalid: [{ keys: [] }, { keys: [key, key, key, key, key] }] },
  getSpendReport: { valid: [{}], invalid: [{ currency: 'USD' }] },
  // issue 12
  shortlistFromCard: {
    valid: [
      { profile, status: 'shortlisted' },
      { profile, status: 'prospect' },
    ],
    invalid: [{ profile, status: 'avoid' }, { profile }, { status: 'shortlisted' }],
  },
  bindOverlay: {
    valid: [
      { nonce: 'a'.repeat(32), key },
      { nonce: 'Ab_-'.repeat(8), key: null },
    ],
    invalid: [{ nonce: 'short', key }, { nonce: 'a'.repeat(32) }, { nonce: '<script>'.repeat(4), key }],
  },
  toggleOverlay: { valid: [{}], invalid: [{ open: true }, null] },
  claimOverlay: { valid: [{ nonce: 'a'.repeat(32) }], invalid: [{}, { nonce: 'x' }, { nonce: 'a'.repeat(65) }] },
  overlayLayout: { valid: [{ open: true }, { open: false }], invalid: [{}, { open: 'yes' }] },
  // issue 11
  syncConnect: {
    valid: [{ serverUrl: 'https://cloud.example/remote.php/dav/files/ann/', user: 'ann', password: 'app-pass', passphrase: 'long phrase' }],
    invalid: [
      {},
      { serverUrl: '', user: 'ann', password: 'x', passphrase: 'p' },
      { serverUrl: 'https://h/', user: 'ann', password: 'x', passphrase: '' },
      { serverUrl: 'https://h/', user: 'ann', password: 'x', passphrase: 'p', workspaceKey: 'k' },
    ],
  },
  syncNow: { valid: [{}], invalid: [{ force: true }] },
  syncStatus: { valid: [{}], invalid: [{ x: 1 }] },
  syncDisconnect: { valid: [{}], invalid: [{ wipe: true }] },
  syncDevices: { valid: [{}], invalid: [{ all: true }] },
  otherVersions: {
    valid: [
      { table: 'notes', keys: ['n1'] },
      { table: 'checks', keys: [[key, 'references']] },
    ],
    invalid: [
      { table: 'settings', keys: ['settings'] },
      { table: 'notes', keys: [''] },
      { table: 'notes' },
      { table: 'checks', keys: [[key]] },
    ],
  },
  chooseVersion: {
    valid: [
      { id: 'notes|"n1"|5|dev', keep: 'other' },
      { id: 'notes|"n1"|5|dev', keep: 'current' },
    ],
    invalid: [{ id: '', keep: 'other' }, { id: 'x', keep: 'both' }, { id: 'x' }],
  },
  overlayExposure: { valid: [{}], invalid: [{ exposed: true }] },
  overlayTyping: { valid: [{ typing: true }, { typing: false }], invalid: [{}, { typing: 'yes' }] },
  listNotes: {
    valid: [{ contractorKey: 'upwork:~01abc', before: { createdAt: 1000, id: 'n1' }, limit: 100 }],
    invalid: [
      { contractorKey: 'upwork:~01abc', before: { createdAt: 1000, id: 'n1' }, limit: 100_000 },
      { contractorKey: 'upwork:~01abc', limit: 10 },
    ],
  },
};

describe('protocol', () => {
  it('has examples for every request type and nothing else', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it('says who may send each request', () => {
    for (const spec of Object.values(REQUESTS)) expect(['content', 'page']).toContain(spec.from);
    const fromContent = Object.entries(REQUESTS)
      .filter(([, s]) => s.from === 'content')
      .map(([k]) => k)
      .sort();
    // issue 12: the mark's one-click shortlist, and the overlay binding (none returns private data).
    expect(fromContent).toEqual(['bindOverlay', 'getBadges', 'getSiteSwitches', 'reportPage', 'shortlistFromCard', 'toggleOverlay']);
  });

  describe.each(Object.keys(EXAMPLES) as RequestType[])('%s', (type) => {
    const schema = REQUESTS[type].payload;
    it.each(EXAMPLES[type].valid.map((p) => [JSON.stringify(p).slice(0, 80), p]))('accepts %s', (_, payload) => {
      const result = schema.safeParse(payload);
      expect(result.error?.issues ?? []).toEqual([]);
    });
    it.each(EXAMPLES[type].invalid.map((p) => [JSON.stringify(p)?.slice(0, 80) ?? String(p), p]))('rejects %s', (_, payload) => {
      expect(schema.safeParse(payload).success).toBe(false);
    });
  });
});
