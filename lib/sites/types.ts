import type { MarketplaceId, ProfileSnapshot, SiteId } from '../db/schema';

export type { ProfileSnapshot, SiteId, MarketplaceId };

/** A contractor card on a search result or listing page. */
export interface ListingCard {
  element: Element;
  profile: ProfileSnapshot;
}

/** What `readPage` returns for a page of a supported marketplace (DESIGN.md "Adapter interface"). */
export interface PageReading {
  site: SiteId;
  /** The contractor this page is about (profile page, Fiverr gig page), else null. */
  profile: ProfileSnapshot | null;
  /** Contractor cards on search results / listings (may be non-empty on a profile page too). */
  cards: ListingCard[];
}

/** Fields an adapter reads; `finishSnapshot` validates them into a ProfileSnapshot. */
export type SnapshotDraft = Partial<Omit<ProfileSnapshot, 'key' | 'site' | 'siteId'>>;

/** What an adapter read: the page's contractor (id null: none) and its cards, before validation. */
export interface AdapterReading {
  id: string | null;
  draft: SnapshotDraft;
  /** `href`: a link of the card to the contractor, for the profile URL. */
  cards: { id: string; element: Element; draft: SnapshotDraft; href?: string }[];
  /**
   * The adapter took every profile field from an element tied to this contractor or from page data
   * naming them (DESIGN.md rule 7). Otherwise `readWith` keeps the fields only when the page's
   * canonical link / og:url is this contractor's (or the page has neither).
   */
  ownFields?: boolean;
}

/**
 * One marketplace. Pure: URL + Document in, plain values out. Adding a marketplace is one file
 * exporting a SiteAdapter plus one line in `registry.ts`.
 */
export interface SiteAdapter {
  site: MarketplaceId;
  /** Registrable domains (any subdomain matches). */
  hosts: readonly string[];
  /** The contractor id from the URL alone (the id part of the key), null when the URL is not a profile. */
  idFromUrl(url: Pick<URL, 'hostname' | 'pathname'>): string | null;
  /**
   * The profile URL to store for `id`. `seen` is a URL of that contractor found on the page
   * (canonical link, og:url, the address itself or a card's link; query and hash removed).
   */
  profileUrl(id: string, seen?: URL): string;
  /**
   * Reads the page. `id` is `idFromUrl(url)` (null on listings). Never throws on purpose, but
   * `readPage` still guards it so a broken page can't break the content script. `within`: only the
   * cards inside these elements are wanted (nodes the page added since its last reading; the card
   * finders in util/ walk nothing else), and the profile's fields may be left out.
   */
  read(url: URL, doc: Document, id: string | null, within?: readonly Element[]): AdapterReading;
  /** CSS selectors of the site's own hire / contact / invite buttons: the overlay keeps clear of them. */
  hireButtonSelectors?: readonly string[];
  /** Example URLs for the registry test: profile URL → expected id; and pages that are not profiles. */
  examples: { profiles: Readonly<Record<string, string>>; notProfiles: readonly string[] };
}
