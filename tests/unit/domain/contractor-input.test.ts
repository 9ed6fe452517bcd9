import { describe, expect, it } from 'vitest';
import { readNewContractor } from '../../../lib/domain/contractor-input';

describe('readNewContractor', () => {
  it('gives a marketplace profile the key the content script would give it', () => {
    const r = readNewContractor(' Sergii C. ', 'https://www.upwork.com/freelancers/~01140923f209578a6b?viewMode=1#top');
    expect(r).toMatchObject({
      ok: true,
      profile: { key: 'upwork:~01140923f209578a6b', site: 'upwork', siteId: '~01140923f209578a6b', name: 'Sergii C.' },
    });
    expect(r.ok && r.profile.profileUrl).toContain('~01140923f209578a6b');
  });

  it('accepts a link typed without https://', () => {
    const r = readNewContractor('Ana', 'www.fiverr.com/tonigdesign');
    expect(r.ok && r.profile.key).toBe('fiverr:tonigdesign');
  });

  it('files any other site under a generic key from host and path', () => {
    expect(readNewContractor('Jo', 'https://jo.design/about/?ref=x')).toEqual({
      ok: true,
      profile: {
        key: 'generic:jo.design/about',
        site: 'generic',
        siteId: 'jo.design/about',
        name: 'Jo',
        profileUrl: 'https://jo.design/about/',
      },
    });
  });

  it('explains a missing name or link', () => {
    expect(readNewContractor('  ', '')).toEqual({
      ok: false,
      errors: { name: 'Type their name.', link: 'Paste the link to their profile, e.g. https://www.upwork.com/freelancers/~01…' },
    });
    const bad = readNewContractor('Jo', 'not a link');
    expect(!bad.ok && bad.errors.link).toMatch(/is not a web link/);
  });

  it('refuses a marketplace page that is not a profile', () => {
    const r = readNewContractor('Jo', 'https://www.upwork.com/nx/search/talent/?q=seo');
    expect(!r.ok && r.errors.link).toMatch(/not a profile page/);
  });
});
