/**
 * Record shapes: the single source of truth. Every table row, every message payload that carries
 * a record, and the backup format are derived from these zod schemas.
 *
 * Conventions
 * - Instants (createdAt, updatedAt, lastContactAt, …) are epoch milliseconds (UTC).
 * - Calendar dates chosen by the user (due dates, start, deadline, paidAt) are 'YYYY-MM-DD'
 *   strings: a due date is a day, not an instant, and must not move with the time zone.
 * - Money is integer minor units plus an ISO 4217 currency code (DESIGN.md rule 5).
 * - Ids of user-created records are strings (crypto.randomUUID()).
 */
import { z } from 'zod';

import {
  CHECK_STATES,
  CONTRACTOR_STATUSES,
  MARKETPLACE_IDS,
  MILESTONE_STATUSES,
  NOTE_KINDS,
  PAYMENT_MODELS,
  PROJECT_STATUSES,
  SITE_IDS,
  CHECKLIST_GROUPS,
} from './constants';

// The plain lists, for code that imports them from here.
export * from './constants';
export const SiteIdSchema = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteIdSchema>;

export type MarketplaceId = (typeof MARKETPLACE_IDS)[number];

const MAX_TEXT = 20_000;
const MAX_LINE = 500;

export const IdSchema = z.string().min(1).max(100);
/**
 * Milliseconds since 1970, bounded to dates every view can show (issue 12: `updatedAt: 9e15` from a
 * backup made `new Date()` invalid and blanked the overlay): 1970 to the end of year 9999.
 */
export const MAX_TIMESTAMP = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const TimestampSchema = z.number().int().nonnegative().max(MAX_TIMESTAMP, 'expected a date before the year 10000');
/** 'YYYY-MM-DD', a real calendar day. */
export const IsoDateSchema = z.iso.date();
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD');
/** Integer minor units (cents). Bounded so sums stay exact in float64. */
export const MinorSchema = z.number().int().min(-1e13).max(1e13);
export const ContractorKeySchema = z
  .string()
  .min(3)
  .max(300)
  .regex(/^[a-z]+:\S+$/, 'expected a key such as upwork:~01abc');

/** Web links only: a `javascript:` or `data:` URL must never reach an href. */
export const WebUrlSchema = z.url({ protocol: /^https?$/ });

export const MoneySchema = z.object({ amountMinor: MinorSchema, currency: CurrencySchema });
export type Money = z.infer<typeof MoneySchema>;

// ---------------------------------------------------------------- profile snapshot (adapters)

export const RateSchema = z.object({
  amountMinor: MinorSchema.min(0),
  currency: CurrencySchema,
  unit: z.enum(['hour', 'fixed', 'from']),
});
export type Rate = z.infer<typeof RateSchema>;

export const MarketplaceRatingSchema = z.object({
  score: z.number().min(0).max(100),
  outOf: z.number().positive().max(100),
  count: z.number().int().nonnegative().optional(),
});
export type MarketplaceRating = z.infer<typeof MarketplaceRatingSchema>;

/** What an adapter reads off a page (DESIGN.md "Adapter interface"). */
export const ProfileSnapshotSchema = z.object({
  key: ContractorKeySchema,
  site: SiteIdSchema,
  siteId: z.string().min(1).max(200),
  name: z.string().max(MAX_LINE),
  profileUrl: WebUrlSchema.max(2000),
  headline: z.string().max(2000).optional(),
  avatarUrl: WebUrlSchema.max(4000).optional(),
  location: z.string().max(MAX_LINE).optional(),
  rate: RateSchema.optional(),
  marketplaceRating: MarketplaceRatingSchema.optional(),
  /** Job success score in percent (0–100). */
  jobSuccess: z.number().min(0).max(100).optional(),
  skills: z.array(z.string().max(200)).max(200).optional(),
});
export type ProfileSnapshot = z.infer<typeof ProfileSnapshotSchema>;

// ---------------------------------------------------------------- contractors

export const ContractorStatusSchema = z.enum(CONTRACTOR_STATUSES);
export type ContractorStatus = z.infer<typeof ContractorStatusSchema>;

/** One observed change of the marketplace's rate or rating for a contractor. */
export const HistoryEntrySchema = z.object({
  at: TimestampSchema,
  rate: RateSchema.optional(),
  marketplaceRating: MarketplaceRatingSchema.optional(),
  jobSuccess: z.number().min(0).max(100).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ContractorSchema = ProfileSnapshotSchema.extend({
  status: ContractorStatusSchema,
  tags: z.array(z.string().max(100)).max(100),
  /** True when the user typed the name: page snapshots no longer overwrite it. */
  nameEditedByUser: z.boolean().optional(),
  firstSeenAt: TimestampSchema,
  lastSeenAt: TimestampSchema,
  /**
   * Last time the user had this contractor's own profile page open ("Recently viewed"). Absent for
   * one only shortlisted from a search card, picked in a project form, or imported without one.
   */
  viewedAt: TimestampSchema.optional(),
  /** Rate / rating as first seen, then one entry per change. Capped (oldest dropped after the first). */
  history: z.array(HistoryEntrySchema).max(500),
  /** Keys of the same person's profiles on other marketplaces (kept symmetric by the repository). */
  links: z.array(ContractorKeySchema).max(50),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** Last change to the user's own fields (status, tags, typed name, links); 0 until the user makes one. */
  userUpdatedAt: TimestampSchema.optional(),
  /** Last change to the fields read from the marketplace page. */
  pageUpdatedAt: TimestampSchema.optional(),
});
export type Contractor = z.infer<typeof ContractorSchema>;

// ---------------------------------------------------------------- checklist

export const ChecklistGroupSchema = z.enum(CHECKLIST_GROUPS);
export type ChecklistGroup = z.infer<typeof ChecklistGroupSchema>;

export const ChecklistItemSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(MAX_LINE),
  group: ChecklistGroupSchema,
  hint: z.string().max(2000).optional(),
  hidden: z.boolean().optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const CheckStateSchema = z.enum(CHECK_STATES);
export type CheckState = z.infer<typeof CheckStateSchema>;

export const CheckSchema = z.object({
  contractorKey: ContractorKeySchema,
  itemId: z.string().min(1).max(100),
  state: CheckStateSchema,
  note: z.string().max(MAX_TEXT).optional(),
  updatedAt: TimestampSchema,
});
export type Check = z.infer<typeof CheckSchema>;

// ---------------------------------------------------------------- notes

export const NoteKindSchema = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof NoteKindSchema>;

export const NoteSchema = z
  .object({
    id: IdSchema,
    contractorKey: ContractorKeySchema.optional(),
    projectId: IdSchema.optional(),
    kind: NoteKindSchema,
    body: z.string().min(1).max(MAX_TEXT),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .refine((n) => n.contractorKey !== undefined || n.projectId !== undefined, {
    message: 'a note belongs to a contractor, a project or both',
  });
export type Note = z.infer<typeof NoteSchema>;

// ---------------------------------------------------------------- ratings

export const ScoreSchema = z.number().int().min(1).max(5);

export const RatingSchema = z.object({
  id: IdSchema,
  contractorKey: ContractorKeySchema,
  projectId: IdSchema.optional(),
  quality: ScoreSchema,
  communication: ScoreSchema,
  timeliness: ScoreSchema,
  value: ScoreSchema,
  wouldRehire: z.boolean(),
  comment: z.string().max(MAX_TEXT).optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Rating = z.infer<typeof RatingSchema>;

// ---------------------------------------------------------------- projects

export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

export const PaymentModelSchema = z.enum(PAYMENT_MODELS);
export type PaymentModel = z.infer<typeof PaymentModelSchema>;

export const RetainerPeriodSchema = z.enum(['week', 'month']);
export type RetainerPeriod = z.infer<typeof RetainerPeriodSchema>;

export const ContractSchema = z.object({
  signedAt: IsoDateSchema.optional(),
  expectations: z.string().max(MAX_TEXT).optional(),
  deliverables: z.string().max(MAX_TEXT).optional(),
  paymentSchedule: z.string().max(MAX_TEXT).optional(),
});
export type Contract = z.infer<typeof ContractSchema>;

export const ProjectSchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(MAX_LINE),
  contractorKey: ContractorKeySchema.optional(),
  status: ProjectStatusSchema,
  paymentModel: PaymentModelSchema,
  currency: CurrencySchema,
  /** Agreed total budget in minor units of `currency`. */
  budgetMinor: MinorSchema.min(0).optional(),
  /** Hourly rate (hourly) or amount per period (retainer), minor units. */
  rateMinor: MinorSchema.min(0).optional(),
  retainerPeriod: RetainerPeriodSchema.optional(),
  /** Hours expected in total (hourly model), for the forecast. */
  estimatedHours: z.number().min(0).max(1e6).optional(),
  /** Hours logged so far (hourly model). */
  hoursLogged: z.number().min(0).max(1e6).optional(),
  startDate: IsoDateSchema.optional(),
  deadline: IsoDateSchema.optional(),
  contract: ContractSchema,
  /** Days between check-ins the user wants; 0 or absent: no rhythm. */
  checkInDays: z.number().int().min(0).max(365).optional(),
  lastContactAt: TimestampSchema.optional(),
  completedAt: TimestampSchema.optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

export const MilestoneStatusSchema = z.enum(MILESTONE_STATUSES);
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>;

export const MilestoneSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  title: z.string().min(1).max(MAX_LINE),
  dueDate: IsoDateSchema.optional(),
  /** Minor units in the project's currency. */
  amountMinor: MinorSchema.min(0).optional(),
  status: MilestoneStatusSchema,
  completedAt: TimestampSchema.optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const PaymentSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  milestoneId: IdSchema.optional(),
  amountMinor: MinorSchema,
  currency: CurrencySchema,
  paidAt: IsoDateSchema,
  note: z.string().max(MAX_TEXT).optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Payment = z.infer<typeof PaymentSchema>;

// ---------------------------------------------------------------- settings

/** issue 15: one question set of the interview kit (settings.interviewKits). */
export const InterviewKitSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(MAX_LINE),
  questions: z.array(z.string().min(1).max(2000)).max(100),
});
export type InterviewKit = z.infer<typeof InterviewKitSchema>;

export const SettingsSchema = z.object({
  checklist: z.array(ChecklistItemSchema).max(200),
  notifications: z.boolean(),
  /** A milestone due within this many days counts as "due soon". */
  dueSoonDays: z.number().int().min(0).max(60),
  defaultCurrency: CurrencySchema,
  /**
   * Per-site switches. A site missing here is on: rows and backups written before a marketplace
   * was added (issue 13: Toptal, Contra, Malt) lack its key and must still load and import.
   */
  sites: z.object(
    Object.fromEntries(MARKETPLACE_IDS.map((s) => [s, z.boolean().optional()])) as Record<MarketplaceId, z.ZodOptional<z.ZodBoolean>>,
  ),
  overlayOpen: z.boolean(),
  lastBackupAt: TimestampSchema.optional(),
  /** Last time a backup was restored (imported). */
  lastRestoreAt: TimestampSchema.optional(),
  /** When each setting was last chosen, so a restore or sync merges them one by one. */
  fieldUpdatedAt: z
    .partialRecord(z.enum(['checklist', 'notifications', 'dueSoonDays', 'defaultCurrency', 'sites', 'overlayOpen']), TimestampSchema)
    .optional(),
  /** Last time any user data changed (drives the backup reminder). */
  lastChangeAt: TimestampSchema.optional(),
  /** issue 15: the client's name or business, for the written agreement. */
  clientName: z.string().max(MAX_LINE).optional(),
  /** issue 15: interview question sets; absent in older backups (the defaults apply). */
  interviewKits: z.array(InterviewKitSchema).max(50).optional(),
  /**
   * issue 16: the named list a click on a search-result mark also adds to (with the shortlist);
   * null or absent: the click only shortlists. A deleted list's id here is ignored.
   */
  cardListId: IdSchema.nullable().optional(),
  updatedAt: TimestampSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Row of the settings table: one row with key 'settings'. */
export const SettingsRowSchema = SettingsSchema.extend({ key: z.literal('settings') });
export type SettingsRow = z.infer<typeof SettingsRowSchema>;

// ---------------------------------------------------------------- lists (issue 16)

/** A named list of contractors ("Logo designers, March"). Schema version 4. */
export const ContractorListSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(200),
  /** Members, in the order they were added. */
  keys: z.array(ContractorKeySchema).max(20_000),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type ContractorList = z.infer<typeof ContractorListSchema>;

// ---------------------------------------------------------------- sync connection (issue 11)

/** The WebDAV connection of this device (row key 'connection'). Never synced or exported. */
export interface SyncConnection {
  key: 'connection';
  /** Normalised WebDAV base URL, ending with '/'. */
  serverUrl: string;
  user: string;
  /** Kept so background sync can run unattended (Nextcloud: use an app password). */
  password: string;
  workspaceId: string;
  deviceId: string;
  deviceName: string;
  /** workspace.json's wrapped key as joined (each sync checks it is still the one there). */
  wrappedKey: string;
  /** The workspace's AES-GCM data key, non-extractable (IndexedDB stores CryptoKeys as they are). */
  dataKey: CryptoKey;
  connectedAt: number;
}

/** What the last sync did (row key 'status'). */
export interface SyncStatus {
  key: 'status';
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  /** The last sync's failure in plain words; null after a good sync. */
  lastError: { code: string; message: string; at: number } | null;
}

export type SyncConnectionRow = SyncConnection | SyncStatus;
