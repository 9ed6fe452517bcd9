/** Default currency for new projects, and which marketplaces Vetted works on. */
import { MARKETPLACE_IDS } from '../../lib/db/constants';
import type { MarketplaceId, Settings } from '../../lib/db/schema';
import type { SaveSettings } from './types';
import { SITE_NAMES } from '../site-names';

/** Marketplace names, as every other view shows them. */
export const MARKETPLACE_NAMES: Readonly<Record<MarketplaceId, string>> = SITE_NAMES;

const COMMON = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'INR', 'CHF', 'JPY', 'SEK', 'PLN', 'BRL', 'MXN'];

/** Every currency the browser knows, common ones first, each with its name. */
export function currencyOptions(current: string, locale?: string): { code: string; name: string }[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : COMMON;
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'currency' });
  } catch {
    names = undefined;
  }
  const codes = [...new Set([current, ...COMMON, ...all])];
  return codes.map((code) => ({ code, name: names?.of(code) ?? code }));
}

export function CurrencySetting({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const options = currencyOptions(settings.defaultCurrency);
  return (
    <div class="v-field opt-narrow">
      <label class="v-label" for="default-currency">
        Default currency for new projects
      </label>
      <select
        id="default-currency"
        class="v-select"
        value={settings.defaultCurrency}
        onChange={(e) => void save({ defaultCurrency: e.currentTarget.value })}
      >
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code} — {o.name}
          </option>
        ))}
      </select>
      <span class="v-help">Amounts are never converted: each project keeps its own currency.</span>
    </div>
  );
}

export function SiteSwitches({ settings, save }: { settings: Settings; save: SaveSettings }) {
  return (
    <fieldset class="opt-fieldset">
      <legend class="v-label">Show Vetted on</legend>
      <div class="opt-sites">
        {MARKETPLACE_IDS.map((site) => (
          <label class="opt-switch" key={site}>
            <input
              type="checkbox"
              checked={settings.sites[site] !== false}
              onChange={(e) => void save({ sites: { ...settings.sites, [site]: e.currentTarget.checked } })}
            />
            <span>{MARKETPLACE_NAMES[site]}</span>
          </label>
        ))}
      </div>
      <span class="v-help">Switched off: no overlay or badges there. Your data about those contractors is kept.</span>
    </fieldset>
  );
}
