/**
 * The name and profile link typed for "someone new" in the project form, checked where they are
 * typed. Which marketplace profile a link is (and so the contractor's key) is decided in the
 * background by lib/domain/contractor-input.ts, which needs the site adapters; the form doesn't.
 */
export type NewContractorCheck = { ok: true; name: string; url: URL } | { ok: false; errors: { name?: string; link?: string } };

function parseLink(text: string): URL | null {
  const t = text.trim();
  if (t === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) return null;
    return url;
  } catch {
    return null;
  }
}

export function checkNewContractor(name: string, link: string): NewContractorCheck {
  const errors: { name?: string; link?: string } = {};
  const cleanName = name.trim();
  if (cleanName === '') errors.name = 'Type their name.';
  else if (cleanName.length > 500) errors.name = 'The name is too long (500 characters at most).';
  const url = parseLink(link);
  if (!url) {
    errors.link =
      link.trim() === ''
        ? 'Paste the link to their profile, e.g. https://www.upwork.com/freelancers/~01…'
        : `“${link.trim()}” is not a web link. Paste the address of their profile page.`;
  }
  if (!url || errors.name) return { ok: false, errors };
  url.hash = '';
  return { ok: true, name: cleanName, url };
}
