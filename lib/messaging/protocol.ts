/**
 * The contract between contexts. Every request is `{ type, payload }` where `payload` is checked
 * by the zod schema below; responses are typed by `Responses`. Transport: ./client.ts (sender)
 * and ./router.ts (background).
 *
 * `from` says who may send it:
 * - 'content': the content script on a supported marketplace tab (or any extension page).
 *   Content-script requests never return private data (notes, budgets, ratings' comments): the
 *   content script lives in the marketplace's page, and what it receives could end up there.
 * - 'page': only our own extension pages (popup, side panel, options, the overlay frame).
 */
import type { DerivedCheck } from '../domain/vetting';
import { z } from 'zod';
import { MAX_PARTS, PART_CHARS } from './transfer';
import {
  CheckStateSchema,
  ContractorKeySchema,
  ContractorStatusSchema,
  IdSchema,
  IsoDateSchema,
  MarketplaceRatingSchema,
  MilestoneStatusSchema,
  MinorSchema,
  NoteKindSchema,
  NoteSchema,
  PaymentModelSchema,
  ProfileSnapshotSchema,
  ProjectStatusSchema,
  RetainerPeriodSchema,
  ScoreSchema,
  SettingsSchema,
  SiteIdSchema,
  CurrencySchema,
  TimestampSchema,
  type Check,
  type Contractor,
  type Milestone,
  type Note,
  type Payment,
  type Project,
  type Rating,
  type Settings,
  type SiteId,
  type MarketplaceId,
} from '../db/schema';
import type { BadgeSummary } from '../domain/badge-summary';
// issue 16
import type { ContractorList } from '../db/schema';
import { BOARD_SORTS, PROGRESS_FILTERS, type BoardRow } from '../domain/board';
import type { SpendReport } from '../domain/spend';
import type { DeviceInfo } from '../sync/workspace';
import { VERSIONED_TABLES } from '../db/constants';
import type { OtherVersion } from '../db/repositories/conflicts';

/** A record's key as the sync index holds it: an id, or a check's [contractorKey, itemId]. */
const RecordKeySchema = z.union([z.string().min(1).max(600), z.tuple([z.string().min(1).max(600), z.string().min(1).max(200)])]);

const text = (max = 20_000) => z.string().max(max);
/** issue 12: the random token binding an overlay frame to its tab. */
export const OverlayNonceSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const empty = z.object({}).strict();

export const ContractorPatchSchema = z
  .object({
    name: text(500).min(1),
    status: ContractorStatusSchema,
    tags: z.array(text(100)).max(100),
    headline: text(2000),
  })
  .partial()
  .strict();

/** Contract fields merge one by one (two views editing different fields both win); null clears one. */
export const ContractPatchSchema = z
  .object({
    signedAt: IsoDateSchema.nullable(),
    expectations: text().nullable(),
    deliverables: text().nullable(),
    paymentSchedule: text().nullable(),
  })
  .partial()
  .strict();
export type ContractPatch = z.infer<typeof ContractPatchSchema>;

export const ProjectPatchSchema = z
  .object({
    title: text(500).min(1),
    contractorKey: ContractorKeySchema.nullable(),
    status: ProjectStatusSchema,
    paymentModel: PaymentModelSchema,
    currency: CurrencySchema,
    budgetMinor: MinorSchema.min(0).nullable(),
    rateMinor: MinorSchema.min(0).nullable(),
    retainerPeriod: RetainerPeriodSchema.nullable(),
    estimatedHours: z.number().min(0).max(1e6).nullable(),
    hoursLogged: z.number().min(0).max(1e6).nullable(),
    startDate: IsoDateSchema.nullable(),
    deadline: IsoDateSchema.nullable(),
    contract: ContractPatchSchema,
    checkInDays: z.number().int().min(0).max(365).nullable(),
  })
  .partial()
  .strict();
export type ProjectPatch = z.infer<typeof ProjectPatchSchema>;

export const MilestonePatchSchema = z
  .object({
    title: text(500).min(1),
    dueDate: IsoDateSchema.nullable(),
    amountMinor: MinorSchema.min(0).nullable(),
    status: MilestoneStatusSchema,
  })
  .partial()
  .strict();

export const PaymentPatchSchema = z
  .object({
    milestoneId: IdSchema.nullable(),
    amountMinor: MinorSchema,
    currency: CurrencySchema,
    paidAt: IsoDateSchema,
    note: text().nullable(),
  })
  .partial()
  .strict();

export const RatingInputSchema = z
  .object({
    contractorKey: ContractorKeySchema,
    projectId: IdSchema.optional(),
    quality: ScoreSchema,
    communication: ScoreSchema,
    timeliness: ScoreSchema,
    value: ScoreSchema,
    wouldRehire: z.boolean(),
    comment: text().optional(),
  })
  .strict();

/** All requests. Keys are verbNoun message names. */
/** A request's response type, carried at the type level only (nothing is sent or checked at run time). */
interface Res<T> {
  readonly response: T;
}
const res = <T>(): Res<T> => ({}) as Res<T>;

export const REQUESTS = {
  // ------------------------------------------------ content script (no private data back)
  /** The content script read a page: upsert the profile snapshot (history of rate/rating changes). */
  reportPage: {
    from: 'content',
    response: res<{ key: string | null; enabled: boolean }>(),
    payload: z.object({ site: SiteIdSchema, profile: ProfileSnapshotSchema.nullable() }).strict(),
  },
  /** Badge summaries for listing cards: only keys the user has data about are returned. */
  getBadges: {
    from: 'content',
    response: res<Record<string, BadgeSummary>>(),
    payload: z.object({ keys: z.array(ContractorKeySchema).max(500) }).strict(),
  },
  /** Which marketplaces are switched on. */
  getSiteSwitches: { from: 'content', response: res<Record<MarketplaceId, boolean>>(), payload: empty },

  /**
   * The contractor the content script last reported for a tab (background keeps a per-tab map,
   * also in storage.session so it survives a service-worker restart). No tabId: the sender's own
   * tab (the overlay frame). The side panel passes the active tab's id: no `tabs` permission needed.
   */
  getTabContext: {
    from: 'page',
    response: res<{ tabId: number | null; key: string | null; site: SiteId | null; url: string | null }>(),
    payload: z.object({ tabId: z.number().int().nonnegative().optional() }).strict(),
  },

  // ------------------------------------------------ extension pages
  getContractor: { from: 'page', response: res<ContractorView | null>(), payload: z.object({ key: ContractorKeySchema }).strict() },
  /** Creates the contractor from a snapshot when unknown ("track this page", new contractor in a project). */
  trackContractor: { from: 'page', response: res<Contractor>(), payload: z.object({ profile: ProfileSnapshotSchema }).strict() },
  updateContractor: {
    from: 'page',
    response: res<Contractor>(),
    payload: z.object({ key: ContractorKeySchema, patch: ContractorPatchSchema }).strict(),
  },
  deleteContractor: { from: 'page', response: res<{ deleted: boolean }>(), payload: z.object({ key: ContractorKeySchema }).strict() },
  listContractors: {
    from: 'page',
    response: res<Contractor[]>(),
    payload: z
      .object({
        status: ContractorStatusSchema.optional(),
        query: text(200).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  },
  linkContractors: {
    from: 'page',
    response: res<{ ok: true }>(),
    payload: z.object({ a: ContractorKeySchema, b: ContractorKeySchema }).strict(),
  },
  unlinkContractors: {
    from: 'page',
    response: res<{ ok: true }>(),
    payload: z.object({ a: ContractorKeySchema, b: ContractorKeySchema }).strict(),
  },

  setCheck: {
    from: 'page',
    response: res<Check>(),
    payload: z
      .object({
        contractorKey: ContractorKeySchema,
        itemId: z.string().min(1).max(100),
        state: CheckStateSchema.optional(),
        note: text().nullable().optional(),
        /** issue 12: the check's updatedAt when the edit began (0: none stored yet); newer stored refuses ('conflict'). */
        baseUpdatedAt: TimestampSchema.optional(),
      })
      .strict(),
  },

  saveNote: {
    from: 'page',
    response: res<Note>(),
    payload: z
      .object({
        id: IdSchema.optional(),
        /** issue 12: the new note's id, made by the view (a retried create then saves, not duplicates). */
        createId: IdSchema.optional(),
        /** issue 12: the note's updatedAt when the edit began; a newer stored version refuses the save ('conflict'). */
        baseUpdatedAt: TimestampSchema.optional(),
        contractorKey: ContractorKeySchema.optional(),
        projectId: IdSchema.optional(),
        kind: NoteKindSchema,
        body: text().min(1),
      })
      .strict(),
  },
  /** Answers `note`: what was deleted, for an undo (restoreNote). */
  deleteNote: { from: 'page', response: res<{ deleted: boolean; note?: Note }>(), payload: z.object({ id: IdSchema }).strict() },
  /**
   * issue 12 (attack 8): older notes of a contractor, newest first, after the last one shown
   * (getContractor sends the newest NOTES_PAGE). Handler: lib/background/handlers/checks-notes.ts.
   */
  listNotes: {
    from: 'page',
    response: res<{ notes: Note[]; more: boolean }>(),
    payload: z
      .object({
        contractorKey: ContractorKeySchema,
        before: z.object({ createdAt: TimestampSchema, id: IdSchema }).strict(),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
  },

  saveRating: {
    from: 'page',
    response: res<Rating>(),
    /** createId (issue 12): the new rating's id, made by the view, so a retried create saves instead of duplicating. */
    payload: z.object({ id: IdSchema.optional(), createId: IdSchema.optional(), rating: RatingInputSchema }).strict(),
  },
  deleteRating: { from: 'page', response: res<{ deleted: boolean }>(), payload: z.object({ id: IdSchema }).strict() },

  listProjects: {
    from: 'page',
    response: res<Project[]>(),
    payload: z.object({ status: z.array(ProjectStatusSchema).optional(), contractorKey: ContractorKeySchema.optional() }).strict(),
  },
  getProject: { from: 'page', response: res<ProjectView | null>(), payload: z.object({ id: IdSchema }).strict() },
  createProject: {
    from: 'page',
    response: res<Project>(),
    payload: ProjectPatchSchema.required({ title: true })
      .extend({
        contractorKey: ContractorKeySchema.optional(),
        /** "Someone new" typed in the project form: tracked in the same transaction as the project. */
        newContractor: z
          .object({ name: z.string().max(500), link: z.string().max(2000) })
          .strict()
          .optional(),
        /** issue 12: the new project's id, made by the view. */
        createId: IdSchema.optional(),
      })
      .strict(),
  },
  updateProject: {
    from: 'page',
    response: res<Project>(),
    /** baseUpdatedAt (issue 12): the project's updatedAt when the edit began; a newer stored one refuses ('conflict'). */
    payload: z.object({ id: IdSchema, patch: ProjectPatchSchema, baseUpdatedAt: TimestampSchema.optional() }).strict(),
  },
  deleteProject: { from: 'page', response: res<{ deleted: boolean }>(), payload: z.object({ id: IdSchema }).strict() },
  /** Sets lastContactAt (default now). */
  logCheckIn: { from: 'page', response: res<Project>(), payload: z.object({ id: IdSchema, at: TimestampSchema.optional() }).strict() },

  saveMilestone: {
    from: 'page',
    response: res<Milestone>(),
    /** issue 12: createId makes a retried create save instead of duplicating; baseUpdatedAt refuses a stale edit ('conflict'). */
    payload: z
      .object({
        projectId: IdSchema,
        id: IdSchema.optional(),
        createId: IdSchema.optional(),
        baseUpdatedAt: TimestampSchema.optional(),
        patch: MilestonePatchSchema,
      })
      .strict(),
  },
  deleteMilestone: { from: 'page', response: res<{ deleted: boolean }>(), payload: z.object({ id: IdSchema }).strict() },
  savePayment: {
    from: 'page',
    response: res<Payment>(),
    /** issue 12: createId makes a retried create save instead of duplicating; baseUpdatedAt refuses a stale edit ('conflict'). */
    payload: z
      .object({
        projectId: IdSchema,
        id: IdSchema.optional(),
        createId: IdSchema.optional(),
        baseUpdatedAt: TimestampSchema.optional(),
        patch: PaymentPatchSchema,
      })
      .strict(),
  },
  deletePayment: { from: 'page', response: res<{ deleted: boolean }>(), payload: z.object({ id: IdSchema }).strict() },

  /** Everything the popup shows, in one round trip. */
  getDashboard: { from: 'page', response: res<Dashboard>(), payload: empty },

  getSettings: { from: 'page', response: res<Settings>(), payload: empty },
  updateSettings: { from: 'page', response: res<Settings>(), payload: z.object({ patch: SettingsSchema.partial().strict() }).strict() },

  exportBackup: {
    from: 'page',
    response: res<{ text: string; filename: string; parts?: { id: string; count: number } }>(),
    payload: empty,
  },
  /** A backup's text in one message, or (issue 18) the id of an upload sent with importBackupPart. */
  importBackup: {
    from: 'page',
    response: res<ImportReport>(),
    payload: z.union([z.object({ text: z.string().max(PART_CHARS) }).strict(), z.object({ uploadId: IdSchema }).strict()]),
  },
  /** issue 12 row 8 / 18: one part of a large backup being imported (kept in memory until importBackup). */
  importBackupPart: {
    from: 'page',
    response: res<{ received: number }>(),
    payload: z
      .object({
        uploadId: IdSchema,
        index: z
          .number()
          .int()
          .min(0)
          .max(MAX_PARTS - 1),
        count: z.number().int().min(1).max(MAX_PARTS),
        text: z.string().max(PART_CHARS),
      })
      .strict(),
  },
  /** The rest of an export too large for one reply (exportBackup's `parts`), part `index` ≥ 1. */
  getBackupPart: {
    from: 'page',
    response: res<{ text: string }>(),
    payload: z
      .object({
        id: IdSchema,
        index: z
          .number()
          .int()
          .min(1)
          .max(MAX_PARTS - 1),
      })
      .strict(),
  },
  deleteEverything: { from: 'page', response: res<{ ok: true }>(), payload: z.object({ confirm: z.literal('DELETE') }).strict() },
  getStorageInfo: { from: 'page', response: res<StorageInfo>(), payload: empty },
  /** One table as a spreadsheet-safe CSV (lib/backup/csv.ts). Handler: backupCsvHandlers in lib/background/handlers/backup-csv.ts. */
  exportCsv: {
    from: 'page',
    response: res<{ text: string; filename: string }>(),
    payload: z.object({ table: z.enum(['contractors', 'projects', 'payments']) }).strict(),
  },
  /** Undo of deleteNote: puts the deleted note back with its id and timestamps (never over an existing one). */
  restoreNote: { from: 'page', response: res<Note>(), payload: z.object({ note: NoteSchema }).strict() },

  /**
   * Popup "Track this page": whether the tab the popup was opened on can be tracked (reads only its
   * address, through activeTab). Handlers: lib/background/handlers/track-page.ts.
   */
  getTrackable: { from: 'page', response: res<TrackableCheck>(), payload: z.object({ tabId: z.number().int().nonnegative() }).strict() },
  /** Reads that tab with the generic adapter, tracks the contractor and points the tab's context at them. */
  trackPage: { from: 'page', response: res<Contractor>(), payload: z.object({ tabId: z.number().int().nonnegative() }).strict() },

  // issue 15: written agreement, interview kit, rehire. Handlers: lib/background/handlers/agreement.ts.
  /** Records contract.signedAt and ticks the contractor's written-contract item, in one transaction. */
  markAgreed: {
    from: 'page',
    response: res<{ project: Project; check: Check }>(),
    payload: z.object({ projectId: IdSchema, date: IsoDateSchema }).strict(),
  },
  /** Saves the interview kit's answers as one interview note; ticks "Interview held" when any is answered. */
  saveInterview: {
    from: 'page',
    response: res<{ note: Note; check?: Check }>(),
    payload: z.object({ contractorKey: ContractorKeySchema, id: IdSchema.optional(), body: text().min(1) }).strict(),
  },
  /** Payments of every project with this contractor (the rehire summary's totals). */
  getContractorPayments: { from: 'page', response: res<Payment[]>(), payload: z.object({ contractorKey: ContractorKeySchema }).strict() },
  /** Starts a new project prefilled from the last one with this contractor. */
  hireAgain: { from: 'page', response: res<Project>(), payload: z.object({ contractorKey: ContractorKeySchema }).strict() },
  // issue 16: tags, named lists, contractor board, compare, spend reports (handlers: lib/background/handlers/board.ts)
  /** Every tag in use, for autocomplete. */
  getTags: { from: 'page', response: res<string[]>(), payload: empty },
  /** All lists with their sizes; with `key`, also which of them that contractor is on. */
  listLists: {
    from: 'page',
    response: res<{ lists: ListSummary[]; memberOf: string[] }>(),
    payload: z.object({ key: ContractorKeySchema.optional() }).strict(),
  },
  /** Creates (no id) or renames a list; `addKey` puts a contractor on the new list at once. */
  saveList: {
    from: 'page',
    response: res<ContractorList>(),
    payload: z.object({ id: IdSchema.optional(), name: text(200).min(1), addKey: ContractorKeySchema.optional() }).strict(),
  },
  deleteList: { from: 'page', response: res<{ deleted: boolean }>(), payload: z.object({ id: IdSchema }).strict() },
  setListMember: {
    from: 'page',
    response: res<ContractorList>(),
    payload: z.object({ listId: IdSchema, key: ContractorKeySchema, member: z.boolean() }).strict(),
  },
  /** One window of the board's rows (filtered and sorted in the background) and its filter choices. */
  getBoard: {
    from: 'page',
    response: res<BoardPage>(),
    payload: z
      .object({
        filter: z
          .object({
            listId: IdSchema.optional(),
            tag: text(100).optional(),
            status: ContractorStatusSchema.optional(),
            site: SiteIdSchema.optional(),
            progress: z.enum(PROGRESS_FILTERS).optional(),
            query: text(200).optional(),
          })
          .strict(),
        sort: z.object({ by: z.enum(BOARD_SORTS), dir: z.enum(['asc', 'desc']) }).strict(),
        offset: z.number().int().min(0).max(1_000_000),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
  },
  /** What a side-by-side comparison shows, for 2–4 contractors. */
  getCompare: {
    from: 'page',
    response: res<CompareView>(),
    payload: z.object({ keys: z.array(ContractorKeySchema).min(1).max(4) }).strict(),
  },
  /** Spend per month, contractor and project, per currency (lib/domain/spend.ts). */
  getSpendReport: { from: 'page', response: res<SpendReport>(), payload: empty },
  // issue 12: one-click shortlist from a search-result mark; the overlay frame bound to its tab
  // (lib/background/overlay-bindings.ts) instead of trusting its URL or the page's postMessage.
  /** A trusted click on a card's mark: track the card's contractor if new, set shortlisted / prospect. */
  shortlistFromCard: {
    from: 'content',
    response: res<{ ok: true }>(),
    payload: z.object({ profile: ProfileSnapshotSchema, status: z.enum(['shortlisted', 'prospect']) }).strict(),
  },
  /** Top frame only: the frame it mounted gets `nonce`; `key` is the contractor its page shows. */
  bindOverlay: {
    from: 'content',
    response: res<{ ok: true }>(),
    payload: z.object({ nonce: OverlayNonceSchema, key: ContractorKeySchema.nullable() }).strict(),
  },
  /** The shortcut: the background forwards it to the bound frame. */
  toggleOverlay: { from: 'content', response: res<{ ok: true }>(), payload: empty },
  /** The overlay frame proves it is the content script's own frame (it received the nonce). */
  claimOverlay: {
    from: 'page',
    response: res<{ tabId: number; key: string | null }>(),
    payload: z.object({ nonce: OverlayNonceSchema }).strict(),
  },
  /** The bound frame's size (open / collapsed), forwarded to the content script of its tab. */
  overlayLayout: { from: 'page', response: res<{ ok: true }>(), payload: z.object({ open: z.boolean() }).strict() },

  // issue 11: sync through the user's WebDAV storage. Options only (passwords and passphrase).
  syncConnect: {
    from: 'page',
    response: res<SyncStatusView>(),
    payload: z
      .object({ serverUrl: text(2000).min(1), user: text(500).min(1), password: text(1000), passphrase: text(1000).min(1) })
      .strict(),
  },
  syncNow: { from: 'page', response: res<SyncStatusView>(), payload: empty },
  syncStatus: { from: 'page', response: res<SyncStatusView>(), payload: empty },
  /** Forgets the connection and the key on this device; local data and the server's files stay. */
  syncDisconnect: { from: 'page', response: res<{ serverUrl: string | null }>(), payload: empty },
  syncDevices: { from: 'page', response: res<DeviceInfo[]>(), payload: empty },
  /** issue 11: the other versions (another device's losing edit) of records a view shows. */
  otherVersions: {
    from: 'page',
    response: res<{ versions: OtherVersion[] }>(),
    payload: z.object({ table: z.enum(VERSIONED_TABLES), keys: z.array(RecordKeySchema).max(2000) }).strict(),
  },
  /** issue 11: keep the current version (the other one is let go) or take the other one back. */
  chooseVersion: {
    from: 'page',
    response: res<{ row?: Record<string, unknown> }>(),
    payload: z.object({ id: text(4000).min(1), keep: z.enum(['current', 'other']) }).strict(),
  },
  /**
   * issue 12 (clickjacking): the bound frame asks whether the page shows it whole — not covered,
   * faded, clipped or transformed — as its content script sees it (Firefox has no
   * IntersectionObserver v2). Handler: lib/background/handlers/overlay-binding.ts.
   */
  overlayExposure: { from: 'page', response: res<{ exposed: boolean; reason?: string }>(), payload: empty },
  /** issue 12 (focus theft): the bound frame says the user is typing a note (the content script then keeps the keyboard in the frame). */
  overlayTyping: { from: 'page', response: res<{ ok: true }>(), payload: z.object({ typing: z.boolean() }).strict() },
} as const satisfies Record<string, { from: 'content' | 'page'; payload: z.ZodType; response: Res<unknown> }>;

export type RequestType = keyof typeof REQUESTS;
export type RequestPayload<T extends RequestType> = z.input<(typeof REQUESTS)[T]['payload']>;
export type ParsedPayload<T extends RequestType> = z.output<(typeof REQUESTS)[T]['payload']>;

// ------------------------------------------------------------------ responses

export type { BadgeSummary } from '../domain/badge-summary';

export interface ContractorView {
  contractor: Contractor;
  checks: Check[];
  /** The newest NOTES_PAGE notes (issue 12: thousands of notes would not fit one message); listNotes pages on. */
  notes: Note[];
  /** How many notes the contractor has in all (absent: all are in `notes`). */
  notesTotal?: number;
  /** The interview kit's newest answers note, also when it is older than the first page. */
  kitNote?: Note;
  ratings: Rating[];
  projects: Project[];
  /** Contractors linked as the same person on other sites (may be fewer than links when deleted). */
  linked: Contractor[];
  /** issue 14: checklist items the data proves (lib/domain/vetting.ts derivedChecks); the user's own checks win. */
  derived?: DerivedCheck[];
}

export interface ProjectView {
  project: Project;
  contractor?: Contractor;
  milestones: Milestone[];
  payments: Payment[];
  notes: Note[];
  ratings: Rating[];
}

/** A popup card's project: no notes or ratings (the card shows neither; getProject has them). */
export type DashboardProject = Omit<ProjectView, 'notes' | 'ratings'>;

export interface Dashboard {
  /** Projects with status planned, active or paused, with what the cards need. */
  projects: DashboardProject[];
  /** Contractors you rated well (would rehire / high average), best first. */
  hireAgain: { contractor: Contractor; ratings: Rating[] }[];
  /** Recently viewed contractors, newest first. */
  recent: Contractor[];
  settings: Settings;
  /** Whether there is any data at all (for the empty state). */
  contractorCount: number;
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  /** Per table counts, e.g. { contractors: { added: 1, updated: 0, skipped: 2 } }. */
  tables: Record<string, { added: number; updated: number; skipped: number }>;
}

export interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted: boolean;
  counts: Record<string, number>;
}

/** What each request answers: declared beside its payload in REQUESTS (`response: res<T>()`). */
export type Responses = { [K in RequestType]: (typeof REQUESTS)[K]['response']['response'] };

/** issue 11: this device's sync connection and how its last sync went. */
export interface SyncStatusView {
  connected: boolean;
  serverUrl: string | null;
  user: string | null;
  workspaceId: string | null;
  deviceName: string | null;
  running: boolean;
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  /** In plain words (server unreachable, wrong password, disk full, …); null after a good sync. */
  lastError: { code: string; message: string; at: number } | null;
}

// issue 16: board, lists, compare
export interface ListSummary {
  id: string;
  name: string;
  count: number;
}

export interface BoardPage {
  /** Rows matching the filter. */
  total: number;
  /** Every contractor in Vetted (for "12 of 10,000"). */
  tracked: number;
  offset: number;
  rows: BoardRow[];
  tags: string[];
  lists: ListSummary[];
  sites: SiteId[];
}

export interface CompareEntry {
  contractor: Contractor;
  checks: Check[];
  /** Interview and reference notes only, newest first. */
  notes: Note[];
  ratings: Rating[];
  projects: Project[];
}

export interface CompareView {
  template: Settings['checklist'];
  /** In the order asked; unknown keys are left out. */
  entries: CompareEntry[];
}

/** `ready`: offer "Track this page"; `marketplace`: the overlay covers it; `unavailable`: say why. */
export type TrackableCheck = { state: 'ready' } | { state: 'marketplace' } | { state: 'unavailable'; message: string };

/** Envelope on the wire. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; code: ErrorCode };
export type ErrorCode = 'bad-request' | 'unknown-type' | 'forbidden' | 'not-found' | 'quota' | 'internal' | 'conflict' | 'sync';

/** Broadcast from the background after every write so open views refresh. */
import { CHANGE_EVENT, TAB_CONTEXT_EVENT } from './events';

export { CHANGE_EVENT, TAB_CONTEXT_EVENT };
export interface ChangeEvent {
  event: typeof CHANGE_EVENT;
  /** Tables touched by the write. */
  tables: ChangedTable[];
  /** Contractor keys and project ids touched, when known. */
  contractorKeys?: string[];
  projectIds?: string[];
}
/** Broadcast when the contractor shown in a tab changes (content script reported a new page). */
export interface TabContextEvent {
  event: typeof TAB_CONTEXT_EVENT;
  tabId: number;
  key: string | null;
  site: SiteId | null;
  url: string | null;
}

export type ChangedTable =
  | 'contractors'
  | 'checks'
  | 'notes'
  | 'ratings'
  | 'projects'
  | 'milestones'
  | 'payments'
  | 'settings'
  // issue 16
  | 'lists'
  // issue 11: the sync connection and status (not user data)
  | 'syncConnection';

export type { SiteId };
export { MarketplaceRatingSchema };
