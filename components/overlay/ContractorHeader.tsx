/**
 * Who this is: avatar, name (editable: pages do not always give one), site, headline, and the
 * marketplace's rate / rating / job success as seen today next to how they were when first seen.
 */
import { trustedAvatarUrl } from './avatar-hosts';
import { useState } from 'preact/hooks';
import { ArrowDown, ArrowUp, ExternalLink, Pencil, Star } from 'lucide-preact';
import type { Contractor } from '../../lib/db/schema';
import { profileChanges, type Change, type Trend } from '../../lib/domain/overlay-changes';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { formatDate, formatMarketRating, formatRate } from './format';
import { SITE_NAMES } from './labels';
import { useSave } from '../shared/use-save';

export interface ContractorHeaderProps {
  contractor: Contractor;
  locale?: string;
}

export function ContractorHeader({ contractor, locale }: ContractorHeaderProps) {
  const changes = profileChanges(contractor);
  const facts: { id: string; label: string; value: string; extra?: string; change?: Change<unknown>; was?: string }[] = [];
  if (contractor.rate) {
    facts.push({
      id: 'rate',
      label: 'Rate',
      value: formatRate(contractor.rate, locale),
      change: changes.rate,
      was: changes.rate ? formatRate(changes.rate.first, locale) : undefined,
    });
  }
  if (contractor.marketplaceRating) {
    const r = contractor.marketplaceRating;
    facts.push({
      id: 'rating',
      label: 'Rating',
      value: formatMarketRating(r, locale),
      extra: r.count !== undefined ? `${new Intl.NumberFormat(locale).format(r.count)} reviews` : undefined,
      change: changes.marketplaceRating,
      was: changes.marketplaceRating ? formatMarketRating(changes.marketplaceRating.first, locale) : undefined,
    });
  }
  if (contractor.jobSuccess !== undefined) {
    facts.push({
      id: 'job-success',
      label: 'Job success',
      value: `${contractor.jobSuccess}%`,
      change: changes.jobSuccess,
      was: changes.jobSuccess ? `${changes.jobSuccess.first}%` : undefined,
    });
  }

  return (
    <div class="ov-who">
      <div class="ov-who__top">
        <Avatar contractor={contractor} />
        <div class="ov-who__main">
          <NameField contractor={contractor} />
          <p class="ov-who__meta v-small v-muted">
            <span class="v-pill v-pill--accent">{SITE_NAMES[contractor.site]}</span>
            {contractor.location && <span class="v-user-text ov-clamp-1">{contractor.location}</span>}
            <a
              class="ov-icon-link"
              href={contractor.profileUrl}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Open the ${SITE_NAMES[contractor.site]} profile in a new tab`}
            >
              <ExternalLink size={14} aria-hidden="true" />
            </a>
          </p>
        </div>
      </div>
      {contractor.headline && (
        <p class="ov-who__headline v-user-text ov-clamp-1" title={contractor.headline}>
          {contractor.headline}
        </p>
      )}
      {facts.length > 0 && (
        <dl class="ov-facts">
          {facts.map((f) => (
            <div class="ov-fact" key={f.id}>
              <dt class="v-small v-muted">{f.label}</dt>
              <dd class="v-num">
                {f.id === 'rating' && <Star size={13} aria-hidden="true" class="ov-star-icon" />}
                <span class="ov-fact__value">{f.value}</span>
                {f.extra && <span class="ov-fact__extra v-xs v-muted">{f.extra}</span>}
                {f.change && f.change.trend !== 'same' && f.was && (
                  <TrendNote
                    trend={f.change.trend}
                    was={f.was}
                    since={formatDate(f.change.since, locale)}
                    higherIsBetter={f.id !== 'rate'}
                  />
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p class="v-xs v-faint">
        First seen <time dateTime={new Date(contractor.firstSeenAt).toISOString()}>{formatDate(contractor.firstSeenAt, locale)}</time>
        {facts.some((f) => f.change) && !facts.some((f) => f.change && f.change.trend !== 'same') && ' · no changes since'}
      </p>
    </div>
  );
}

function TrendNote({ trend, was, since, higherIsBetter }: { trend: Trend; was: string; since: string; higherIsBetter: boolean }) {
  const good = (trend === 'up') === higherIsBetter;
  const Icon = trend === 'up' ? ArrowUp : ArrowDown;
  return (
    <span class={`ov-trend ${good ? 'ov-trend--good' : 'ov-trend--bad'}`} title={`Was ${was} on ${since}`}>
      <Icon size={12} aria-hidden="true" />
      <span>
        {trend === 'up' ? 'up from' : 'down from'} {was}
      </span>
    </span>
  );
}

function Avatar({ contractor }: { contractor: Contractor }) {
  const [broken, setBroken] = useState(false);
  const initials = initialsOf(contractor.name || contractor.siteId);
  // issue 12: never from a host the page chose (a tracker would see the extension's request).
  const src = trustedAvatarUrl(contractor.avatarUrl, contractor.site);
  if (src && !broken) {
    return (
      <img
        class="ov-avatar"
        src={src}
        alt=""
        width={44}
        height={44}
        referrerpolicy="no-referrer"
        loading="lazy"
        onError={() => setBroken(true)}
      />
    );
  }
  return (
    <span class="ov-avatar ov-avatar--initials" aria-hidden="true">
      {initials}
    </span>
  );
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

function NameField({ contractor }: { contractor: Contractor }) {
  const hasName = contractor.name.trim() !== '';
  const [editing, setEditing] = useState(!hasName);
  const [draft, setDraft] = useState(contractor.name);
  const save = useSave();

  if (!editing && hasName) {
    return (
      <div class="ov-name">
        <h1 class="ov-name__text v-user-text ov-clamp-2" id="ov-contractor-name">
          {contractor.name}
        </h1>
        <button
          type="button"
          class="v-btn v-btn--ghost v-btn--icon v-btn--sm ov-name__edit"
          aria-label="Edit name"
          title="Edit name"
          onClick={() => {
            setDraft(contractor.name);
            setEditing(true);
          }}
        >
          <Pencil size={14} aria-hidden="true" />
        </button>
      </div>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const name = draft.trim();
    if (!name) {
      save.clearError();
      return;
    }
    if (await save.run(() => send('updateContractor', { key: contractor.key, patch: { name } }))) setEditing(false);
  };

  return (
    <form class="ov-name-form" onSubmit={submit}>
      <h1 class="v-sr-only" id="ov-contractor-name">
        {hasName ? contractor.name : 'Unnamed contractor'}
      </h1>
      <label class="v-sr-only" for="ov-name-input">
        Contractor name
      </label>
      <div class="v-row">
        <input
          id="ov-name-input"
          class="v-input"
          value={draft}
          maxLength={500}
          placeholder="Add a name for this contractor"
          autoFocus={hasName}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && hasName) setEditing(false);
          }}
        />
        <button type="submit" class="v-btn v-btn--primary" disabled={save.saving || !draft.trim()}>
          Save
        </button>
        {hasName && (
          <button type="button" class="v-btn v-btn--ghost" onClick={() => setEditing(false)}>
            Cancel
          </button>
        )}
      </div>
      <ErrorText message={save.error} />
    </form>
  );
}
