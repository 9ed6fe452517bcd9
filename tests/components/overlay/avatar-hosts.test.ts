/** Issue 12 (third-party avatars): only the marketplace's own image hosts, else initials. */
import { describe, expect, it } from 'vitest';
import { trustedAvatarUrl } from '../../../components/overlay/avatar-hosts';

describe('trustedAvatarUrl', () => {
  it('keeps the marketplaces’ own image hosts', () => {
    expect(trustedAvatarUrl('https://www.upwork.com/profile-portraits/c1a.jpg', 'upwork')).toBe(
      'https://www.upwork.com/profile-portraits/c1a.jpg',
    );
    expect(trustedAvatarUrl('https://fiverr-res.cloudinary.com/t_profile/a.png', 'fiverr')).toContain('fiverr-res.cloudinary.com');
    expect(trustedAvatarUrl('https://cdn5.f-cdn.com/ppic/1/logo.jpg', 'freelancer')).toContain('f-cdn.com');
  });
  it('refuses any other host, look-alikes, other sites’ hosts, http and odd URLs', () => {
    for (const [url, site] of [
      ['https://evil.example/track.png', 'upwork'],
      ['https://upwork.com.evil.example/a.png', 'upwork'],
      ['https://evilupwork.com/a.png', 'upwork'],
      ['https://fiverr-res.cloudinary.com/a.png', 'upwork'],
      ['http://www.upwork.com/a.png', 'upwork'],
      ['https://user:pw@www.upwork.com/a.png', 'upwork'],
      ['data:image/png;base64,AAAA', 'fiverr'],
      ['not a url', 'fiverr'],
      ['https://www.upwork.com/a.png', 'generic'],
    ] as const) {
      expect(trustedAvatarUrl(url, site), url).toBeNull();
    }
    expect(trustedAvatarUrl(undefined, 'upwork')).toBeNull();
  });
});
