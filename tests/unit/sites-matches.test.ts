import { describe, expect, it } from 'vitest';
import { isMarketplaceUrl } from '../../lib/sites/matches';

describe('isMarketplaceUrl', () => {
  it.each([
    'https://www.upwork.com/freelancers/~01140923f209578a6b',
    'https://www.fiverr.com/tonigdesign',
    'https://www.freelancer.com/u/irfan811',
    'https://www.peopleperhour.com/freelancer/design/jane-doe-123',
    'https://www.guru.com/freelancers/jane',
  ])('accepts %s', (url) => expect(isMarketplaceUrl(url)).toBe(true));

  it.each([
    'https://evil-upwork.com/',
    'https://upwork.com.evil.example/',
    'file:///etc/passwd',
    'chrome-extension://abc/popup.html',
    'not a url',
    undefined,
  ])('rejects %s', (url) => expect(isMarketplaceUrl(url)).toBe(false));
});
