/**
 * Text limits of the stored records (lib/db/schema). Inputs do not use `maxLength`: a long paste
 * would be cut silently. The text is kept whole and the user told how much to shorten instead.
 */
export const TEXT_MAX = 20_000;

/** A message when `text` is over `max` characters, else undefined. */
export function tooLongMessage(text: string, max = TEXT_MAX, locale?: string): string | undefined {
  if (text.length <= max) return undefined;
  const nf = new Intl.NumberFormat(locale);
  return `This is ${nf.format(text.length)} characters; the limit is ${nf.format(max)}. Shorten it or split it into several notes. Nothing was lost.`;
}
